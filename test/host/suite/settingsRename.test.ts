// notionAssets.partSize was notionAssets.partSizeMiB (titled "Part Size Mi B" by VS Code): a
// value a user set under the old key keeps counting until the new key is set.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { transferSettings } from '../../../src/common/settings';

const MIB = 1024 * 1024;

suite('Settings: partSize renamed from partSizeMiB', () => {
  const c = () => vscode.workspace.getConfiguration('notionAssets');
  teardown(async () => {
    await c().update('partSizeMiB', undefined, vscode.ConfigurationTarget.Global);
    await c().update('partSize', undefined, vscode.ConfigurationTarget.Global);
  });

  test('the old key alone still sets the part size; the new key wins once set', async () => {
    assert.equal(transferSettings().partSizeBytes, 10 * MIB, 'default');
    await c().update('partSizeMiB', 6, vscode.ConfigurationTarget.Global);
    assert.equal(transferSettings().partSizeBytes, 6 * MIB, 'old key alone');
    await c().update('partSize', 7, vscode.ConfigurationTarget.Global);
    assert.equal(transferSettings().partSizeBytes, 7 * MIB, 'new key set');
  });
});
