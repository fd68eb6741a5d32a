// The walkthrough as a person opens it from the palette: is "Connect your integration" ticked
// while a token works? Run after a reload, where the restored Notion Assets view has activated
// the extension before Getting Started registered its steps (the case that stayed unticked).
import type { Page } from 'playwright-core';
import { retryUntil } from './workbench';

/** Opens the Notion Assets walkthrough and returns whether its token step shows as done. */
export async function tokenStepTicked(page: Page): Promise<boolean> {
  const input = page.locator('.quick-input-widget input[type="text"], .quick-input-widget .quick-input-box input').first();
  await retryUntil(page, 'open the command palette', () => page.keyboard.press('F1'), input);
  await input.fill('>Welcome: Open Walkthrough');
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Open Walkthrough' }).first().click();
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Notion' }).first();
  await row.waitFor({ state: 'visible', timeout: 20_000 });
  await row.click();
  const step = page.locator('.getting-started-step[data-step-id$="#setToken"]').first();
  await step.waitFor({ state: 'visible', timeout: 30_000 });
  const checked = step.locator('.codicon-getting-started-step-checked');
  return checked.waitFor({ state: 'visible', timeout: 10_000 }).then(() => true, () => false);
}
