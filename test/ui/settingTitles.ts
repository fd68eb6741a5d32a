// The titles the Settings editor shows for this extension's settings, read from the real
// workbench: VS Code words them from each key ("partSizeMiB" became "Part Size Mi B"), so a
// key is its title.
import type { Page } from 'playwright-core';
import { retryUntil } from './workbench';

/** Opens Settings (UI) filtered to the extension `id` and returns its settings' labels. */
export async function settingTitles(page: Page, id: string): Promise<string[]> {
  const input = page.locator('.quick-input-widget input[type="text"], .quick-input-widget .quick-input-box input').first();
  await retryUntil(page, 'open the command palette', () => page.keyboard.press('F1'), input);
  await input.fill('>Preferences: Open Settings (UI)');
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Open Settings (UI)' }).first().click();
  const search = page.locator('.settings-editor .settings-header .monaco-editor textarea').first();
  await search.waitFor({ state: 'attached', timeout: 30_000 });
  await search.focus();
  await page.keyboard.type(`@ext:${id}`);
  const labels = page.locator('.settings-editor .settings-tree-container .setting-item-label');
  // The list shows the filter's result once the search settles: wait for a label of ours.
  await page.locator('.settings-editor .settings-tree-container .setting-item-category', { hasText: 'Notion Assets' }).first()
    .waitFor({ state: 'visible', timeout: 30_000 });
  await page.waitForTimeout(500);
  const titles = (await labels.allTextContents()).map((t) => t.trim()).filter(Boolean);
  await page.keyboard.press('Escape');
  return titles;
}
