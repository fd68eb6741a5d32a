// The desktop launcher of the host tier: the same suite under @vscode/test-electron.
// Downloads VS Code where there is internet, or uses VSCODE_EXECUTABLE_PATH.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { ROOT } from './hostDeps';
import { prepareWorkspace, RESULTS_ENV } from './workspace';

async function main(): Promise<void> {
  const outDir = path.join(__dirname, '..', '..');
  const workspacePath = prepareWorkspace(fs.mkdtempSync(path.join(os.tmpdir(), 'notion-assets-ws-')));
  await runTests({
    vscodeExecutablePath: process.env.VSCODE_EXECUTABLE_PATH || undefined,
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: path.join(outDir, 'test', 'host', 'index.js'),
    launchArgs: [workspacePath, '--disable-extensions', '--disable-workspace-trust'],
    extensionTestsEnv: { [RESULTS_ENV]: path.join(outDir, 'host-results.json') },
  });
}

main().catch((e) => {
  console.error('desktop host tier failed:', e instanceof Error ? e.message : e);
  process.exit(1);
});
