#!/usr/bin/env node
// `npm test`: type-check, build, node tier, host tier, UI tier; ends with "N passed, N failed".
// Plain JS so it runs before anything is built. A tier that cannot start counts as failed.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const only = process.argv[2]; // optional: "node", "host" or "ui" (then without the type-check)
const out = process.env.TEST_OUT || 'out'; // lets several runs share a work tree
const totals = { passed: 0, failed: 0, skipped: 0 };

function step(title, cmd, args, env) {
  console.log(`\n=== ${title}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function tier(name, ok, counts) {
  if (!counts) {
    console.log(`${name} tier: did not report results — counted as 1 failure`);
    totals.failed += 1;
    return;
  }
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  if (!ok && counts.failed === 0) totals.failed += 1; // exited non-zero without a failing test
  if (counts.passed + counts.failed === 0) {
    console.log(`${name} tier: ran no test — counted as 1 failure`);
    totals.failed += 1;
  }
}

function readTap(file) {
  if (!fs.existsSync(file)) return undefined;
  const text = fs.readFileSync(file, 'utf8');
  const num = (k) => Number((new RegExp(`^# ${k} (\\d+)$`, 'm').exec(text) || [])[1] || 0);
  return { passed: num('pass'), failed: num('fail') + num('cancelled'), skipped: num('skipped') + num('todo') };
}

if (!only && !step('type-check (whole project, then src/core without vscode)', 'npm', ['run', '-s', 'check-types'])) totals.failed += 1;
const built = step('build extension', 'node', ['esbuild.js']) && step('build tests', 'node', ['esbuild.js', '--tests']);
if (!built) totals.failed += 1;

if (built && (!only || only === 'node')) {
  const tap = path.join(root, out, 'node-tier.tap');
  const ok = step('node tier', 'node', ['--test', '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tap}`, `${out}/test/node/`]);
  tier('node', ok, readTap(tap));
}
if (built && (!only || only === 'host')) {
  const results = path.join(root, out, 'host-results.json');
  const ok = step('host tier (VS Code server, headless)', 'node', [`${out}/test/launch/runHeadless.js`]);
  tier('host', ok, fs.existsSync(results) ? JSON.parse(fs.readFileSync(results, 'utf8')) : undefined);
}

if (built && (!only || only === 'ui')) {
  // One scenario, clicked through the workbench like a person: counted as one test.
  const ok = step('UI tier (Playwright in the workbench)', 'node', [`${out}/test/ui/run.js`]);
  tier('ui', ok, { passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 });
}

console.log(`\nskipped: ${totals.skipped}`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed === 0 ? 0 : 1);
