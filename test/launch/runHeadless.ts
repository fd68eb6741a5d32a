// The headless launcher of the host tier: runs test/host's suite inside a real VS Code
// extension host (the VS Code server from code-server, in Chromium), offline.
// Runs twice: the whole suite, then test/host/suite-de with German as the display language.
// Writes the summed mocha results to out/host-results.json and exits 0 only if they all passed.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { format } from 'node:util';
import { startCodeServer, openWorkbench } from './codeServer';
import { ensureHostDeps, ROOT } from './hostDeps';
import { prepareWorkspace, RESULTS_ENV } from './workspace';

/** Read by test/host/index.ts: which folder of suites the extension host runs. */
const SUITE_ENV = 'NOTION_ASSETS_TEST_SUITE';

const TIMEOUT_MS = Number(process.env.HOST_TIER_TIMEOUT_MS ?? 15 * 60_000);

// The workbench forwards console calls with their printf-style arguments.
function formatLogArgs(args: unknown[]): string {
  return format(...(args as [unknown, ...unknown[]]));
}

/** The counts test/host/index.ts writes for one run. */
interface Counts { passed: number; failed: number; skipped: number; total: number; files: number }

/**
 * One run of a folder of suites in a fresh server, workspace and workbench: `suite` in the
 * default (English) display language, `suite-de` with German (`--locale de`, see codeServer.ts).
 */
async function runPass(suite: string, language?: string): Promise<{ code: number; counts?: Counts }> {
  const outDir = path.join(__dirname, '..', '..');
  const resultsFile = path.join(outDir, `host-results.${suite}.json`);
  fs.rmSync(resultsFile, { force: true });
  const workspacePath = prepareWorkspace(fs.mkdtempSync(path.join(os.tmpdir(), 'notion-assets-ws-')));
  const server = await startCodeServer({ env: { [RESULTS_ENV]: resultsFile, [SUITE_ENV]: suite }, locale: language });
  let timer: NodeJS.Timeout | undefined;
  try {
    const wb = await openWorkbench(server, {
      workspacePath,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(outDir, 'test', 'host', 'index.js'),
      onLog: (type, args) => (type === 'error' ? console.error : console.log)(formatLogArgs(args)),
      language,
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
      console.error(`host tier (${suite}): the suite did not report results (the extension host never ran it)`);
      console.error(server.output.slice(-40).join('\n'));
      return { code: 2 };
    }
    return { code, counts: JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as Counts };
  } finally {
    clearTimeout(timer);
    await server.close();
  }
}

/** The German run's tests are titled "German display language…": a HOST_TEST_GREP that misses them skips it. */
function germanRunWanted(): boolean {
  const grep = process.env.HOST_TEST_GREP;
  return !grep || new RegExp(grep).test('German display language');
}

async function main(): Promise<number> {
  ensureHostDeps();
  const resultsFile = path.join(__dirname, '..', '..', 'host-results.json');
  fs.rmSync(resultsFile, { force: true });
  const passes = [await runPass('suite')];
  if (germanRunWanted()) passes.push(await runPass('suite-de', 'de'));
  const reported = passes.flatMap((p) => (p.counts ? [p.counts] : []));
  if (reported.length) {
    // run-all.js reads one file: both runs count in its totals; a run that did not report fails.
    const sum = (k: keyof Counts) => reported.reduce((n, c) => n + c[k], 0);
    const missing = passes.length - reported.length;
    fs.writeFileSync(resultsFile, JSON.stringify({
      passed: sum('passed'), failed: sum('failed') + missing, skipped: sum('skipped'), total: sum('total') + missing, files: sum('files'),
    }));
  }
  return passes.reduce((worst, p) => Math.max(worst, p.code), 0);
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error('host tier could not start:', e instanceof Error ? e.stack : e);
    process.exit(2);
  },
);
