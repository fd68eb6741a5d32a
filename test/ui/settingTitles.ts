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
  const box = page.locator('.settings-editor .settings-header .suggest-input-container').first();
  await box.waitFor({ state: 'visible', timeout: 30_000 });
  const labels = page.locator('.settings-editor .settings-tree-container .setting-item-label');
  // Typed into the search box until the list shows our settings (the box may not have focus yet).
  await retryUntil(page, 'filter Settings to the extension', async () => {
    await box.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(`@ext:${id}`);
  }, labels.filter({ hasText: 'Concurrency' }).first());
  await page.waitForTimeout(500);
  // The list draws only what fits: scroll through it, collecting each label once.
  const titles = new Set<string>();
  await labels.first().hover();
  for (let i = 0, still = 0; i < 12 && still < 3; i++) {
    const before = titles.size;
    for (const t of await labels.allTextContents()) if (t.trim()) titles.add(t.trim());
    still = titles.size === before ? still + 1 : 0;
    await page.mouse.wheel(0, 300);
    await page.waitForTimeout(500);
  }
  await page.keyboard.press('Escape');
  return [...titles];
}
