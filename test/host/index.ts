// Entry point of the host tier, loaded by the extension host (code-server or
// @vscode/test-electron): runs every suite/**/*.test.js with mocha and reports counts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

const RESULTS_ENV = 'NOTION_ASSETS_TEST_RESULTS';
/** Which folder of suites to run: `suite` (default) or `suite-de` (the German run, see runHeadless). */
const SUITE_ENV = 'NOTION_ASSETS_TEST_SUITE';

function findTests(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? findTests(p) : e.name.endsWith('.test.js') ? [p] : [];
  }).sort();
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  const grep = process.env.HOST_TEST_GREP;
  if (grep) mocha.grep(grep);
  const files = findTests(path.join(__dirname, process.env[SUITE_ENV] ?? 'suite'));
  for (const f of files) mocha.addFile(f);
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const { passes = 0, pending = 0, tests = 0 } = runner.stats ?? {};
      const summary = { passed: passes, failed: failures, skipped: pending, total: tests, files: files.length };
      console.log(`host tier: ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped`);
      const out = process.env[RESULTS_ENV];
      if (out) fs.writeFileSync(out, JSON.stringify(summary));
      // A grep may match nothing in one folder (the German run's or the main one): run-all fails a tier that ran no test at all.
      if (failures > 0 || (tests === 0 && !grep)) reject(new Error(`${failures} host test(s) failed of ${tests}`));
      else resolve();
    });
  });
}
