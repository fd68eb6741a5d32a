// Starts the VS Code server from the `code-server` package and opens its workbench in
// Debian's Chromium through playwright-core: a real workbench with a real extension host.
import { spawn, ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM, NODE24, SERVER_MAIN } from './hostDeps';
import { startLocalLinks } from './localLinks';

export interface CodeServer {
  port: number;
  origin: string;
  dataDir: string;
  /** `vscode-remote://` URI for an absolute path on this machine. */
  remote(p: string): string;
  /** Lines the server printed (for diagnostics). */
  output: string[];
  close(): Promise<void>;
}

export interface CodeServerOptions {
  env?: NodeJS.ProcessEnv;
  dataDir?: string;
  /** Default true (the test tiers drive the workbench through it). The workbench then shows no
   * notification toasts, only the bell: the sandbox, which is for people, turns it off. */
  smokeTestDriver?: boolean;
  /** The display language (`--locale`), for the host tier's German pass. */
  locale?: string;
}

/** The server's command line (after the Node binary), for a data dir: what startCodeServer runs. */
export function codeServerArgs(dataDir: string, opts: Pick<CodeServerOptions, 'smokeTestDriver' | 'locale'> = {}): string[] {
  return [
    SERVER_MAIN, '--host', '127.0.0.1', '--port', '0', '--without-connection-token',
    '--accept-server-license-terms', '--disable-telemetry',
    ...(opts.smokeTestDriver === false ? [] : ['--enable-smoke-test-driver']),
    '--user-data-dir', path.join(dataDir, 'ud'), '--server-data-dir', path.join(dataDir, 'sd'),
    '--extensions-dir', path.join(dataDir, 'ext'),
    ...(opts.locale ? ['--locale', opts.locale] : []),
  ];
}

/** The server's environment: no marketplace; links to this machine through `proxyTemplate` (localLinks.ts). */
export function codeServerEnv(proxyTemplate: string, env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    // An empty gallery turns the marketplace off: tests never look up open-vsx.org (no network here anyway).
    EXTENSIONS_GALLERY: '{}',
    VSCODE_PROXY_URI: proxyTemplate,
    ...env,
  };
}

export async function startCodeServer(opts: CodeServerOptions = {}): Promise<CodeServer> {
  const ownDir = !opts.dataDir;
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'notion-assets-host-'));
  const links = await startLocalLinks();
  const child: ChildProcess = spawn(NODE24, codeServerArgs(dataDir, opts), {
    env: codeServerEnv(links.template, opts.env),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`VS Code server did not start in 60 s:\n${output.join('\n')}`)), 60_000);
    const onData = (buf: Buffer) => {
      for (const line of buf.toString().split('\n')) {
        if (line.trim()) output.push(line);
        const m = /Extension host agent listening on (\d+)/.exec(line);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`VS Code server exited with ${code}:\n${output.join('\n')}`));
    });
  }).catch(async (e: unknown) => {
    await links.close();
    throw e;
  });
  const origin = `http://127.0.0.1:${port}`;
  return {
    port,
    origin,
    dataDir,
    output,
    remote: (p) => `vscode-remote://127.0.0.1:${port}${p}`,
    close: async () => {
      if (child.exitCode === null && child.pid) {
        const exited = new Promise((r) => child.once('exit', r));
        try {
          process.kill(-child.pid, 'SIGTERM'); // the whole process group: extension host included
        } catch { /* already gone */ }
        const t = setTimeout(() => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ } }, 5000);
        await exited;
        clearTimeout(t);
      }
      await links.close();
      if (ownDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Workbench {
  browser: Browser;
  page: Page;
  /** Resolves with the test run's exit code (0 passed, 1 failed) when a tests path was given. */
  exitCode: Promise<number>;
  close(): Promise<void>;
}

export async function openWorkbench(
  server: CodeServer,
  opts: {
    workspacePath: string;
    extensionDevelopmentPath: string;
    extensionTestsPath?: string;
    onLog?: (type: string, args: unknown[]) => void;
    viewport?: { width: number; height: number };
    /**
     * The workbench's display language. The server (`--locale`) would name it in the NLS script
     * of an installed language pack; offline there is none, so the page sets the global that
     * script sets, before the workbench loads. VS Code's own UI stays English; the extension
     * host runs with `vscode.env.language` = this and extensions load their bundles for it.
     */
    language?: string;
  },
): Promise<Workbench> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: opts.viewport ?? { width: 1400, height: 900 } });
  let settle!: (code: number) => void;
  const exitCode = new Promise<number>((r) => (settle = r));
  if (opts.language) {
    await page.addInitScript((language) => {
      (globalThis as { _VSCODE_NLS_LANGUAGE?: string })._VSCODE_NLS_LANGUAGE = language;
    }, opts.language);
  }
  await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => opts.onLog?.(type, args));
  await page.exposeFunction('codeAutomationExit', (code: number) => settle(code));
  const payload: [string, string][] = [
    ['extensionDevelopmentPath', server.remote(opts.extensionDevelopmentPath)],
    ['skipWelcome', 'true'],
  ];
  if (opts.extensionTestsPath) payload.push(['extensionTestsPath', server.remote(opts.extensionTestsPath)]);
  const url = `${server.origin}/?folder=${server.remote(opts.workspacePath)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  await page.goto(url);
  return { browser, page, exitCode, close: () => browser.close() };
}
