// The headless launcher of the host tier: runs test/host's suite inside a real VS Code
// extension host (the VS Code server from code-server, in Chromium), offline.
// Writes the mocha results to out/host-results.json and exits 0 only if they all passed.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { format } from 'node:util';
import { startCodeServer, openWorkbench } from './codeServer';
import { ensureHostDeps, ROOT } from './hostDeps';
import { prepareWorkspace, RESULTS_ENV } from './workspace';

const TIMEOUT_MS = Number(process.env.HOST_TIER_TIMEOUT_MS ?? 15 * 60_000);

// The workbench forwards console calls with their printf-style arguments.
function formatLogArgs(args: unknown[]): string {
  return format(...(args as [unknown, ...unknown[]]));
}

async function main(): Promise<number> {
  ensureHostDeps();
  const outDir = path.join(__dirname, '..', '..');
  const resultsFile = path.join(outDir, 'host-results.json');
  fs.rmSync(resultsFile, { force: true });
  const workspacePath = prepareWorkspace(fs.mkdtempSync(path.join(os.tmpdir(), 'notion-assets-ws-')));
  const server = await startCodeServer({ env: { [RESULTS_ENV]: resultsFile } });
  let timer: NodeJS.Timeout | undefined;
  try {
    const wb = await openWorkbench(server, {
      workspacePath,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(outDir, 'test', 'host', 'index.js'),
      onLog: (type, args) => (type === 'error' ? console.error : console.log)(formatLogArgs(args)),
    });
    const timeout = new Promise<number>((resolve) => {
      timer = setTimeout(() => {
        console.error(`host tier: timed out after ${TIMEOUT_MS / 1000} s`);
        resolve(2);
      }, TIMEOUT_MS);
    });
    const code = await Promise.race([wb.exitCode, timeout]);
    await wb.close().catch(() => undefined);
    if (!fs.existsSync(resultsFile)) {
      console.error('host tier: the suite did not report results (the extension host never ran it)');
      console.error(server.output.slice(-40).join('\n'));
      return 2;
    }
    return code;
  } finally {
    clearTimeout(timer);
    await server.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error('host tier could not start:', e instanceof Error ? e.stack : e);
    process.exit(2);
  },
);
