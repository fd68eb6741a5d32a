// Open Page in the sandbox's situation: the emulator's pages carry its own page view as their
// `url`, so the notification's Open Page button opens the page in a new browser tab: cover,
// title and the blocks the earlier steps added. Its screenshot is the README's page view.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { Emulator } from '../../emulator/index';
import { describeScreen, retryUntil, waitForNotification } from '../workbench';

/** Clicks Open Page on the notification matching `message` and returns the tab it opened, loaded. */
async function openPageFrom(page: Page, message: RegExp): Promise<Page> {
  const text = await waitForNotification(page, message);
  const item = page.locator('.notification-list-item', { has: text }).first();
  const button = item.locator('.monaco-button', { hasText: /^Open Page$/ }).first();
  await retryUntil(page, 'show the notification’s buttons', () => item.click(), button);
  const [tab] = await Promise.all([page.context().waitForEvent('page', { timeout: 30_000 }), button.click()]);
  await tab.waitForLoadState('load');
  return tab;
}

export async function pageViewScenario(page: Page, emulator: Emulator, pageId: string, shot: (p: Page, name: string) => Promise<string>): Promise<void> {
  console.log('ui: Open Page on the pasted image’s notification opens the emulator’s page view');
  emulator.setPageViewUrls(true);
  const tab = await openPageFrom(page, /"Screenshot [^"]+\.png" was added to "Gallery"/).catch(async (e: unknown) => {
    throw new Error(`${e instanceof Error ? e.message : e}\n  On screen:\n  ${await describeScreen(page)}`);
  });
  try {
    assert.equal(tab.url(), `${emulator.url}/pages/${pageId.replace(/-/g, '')}`, 'the page’s own url');
    await tab.locator('h1', { hasText: 'Gallery' }).waitFor({ state: 'visible', timeout: 10_000 });
    assert.equal(await tab.locator('img.cover').count(), 1, 'the cover set through the Explorer menu');
    const images = tab.locator('figure.image img');
    assert.ok((await images.count()) >= 2, 'the seeded image and the pasted one');
    // The uploaded cover and the pasted image load from the emulator's signed file URLs.
    for (const img of [tab.locator('img.cover'), images.last()]) {
      assert.ok(await img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0), `${await img.getAttribute('src')} loads`);
    }
    await tab.setViewportSize({ width: 1100, height: 760 });
    await shot(tab, '06-page-view.png');
  } finally {
    await tab.close();
  }
}
