// Steps of the UI tier that wait for proof instead of time: each waits for a condition that
// shows the workbench is ready (rows rendered and focused, menus open, entries visible) and
// repeats an action whose effect did not appear (a right-click on a busy workbench can open
// nothing) before failing; a failure says what was on screen.
import type { Locator, Page } from 'playwright-core';

const visible = (l: Locator, timeout: number): Promise<boolean> =>
  l.waitFor({ state: 'visible', timeout }).then(() => true, () => false);

/** What the workbench shows, for a failure message: open menus, quick input, notifications, the focused element. */
export async function describeScreen(page: Page): Promise<string> {
  const texts = async (sel: string) => (await page.locator(sel).allInnerTexts().catch(() => [] as string[])).map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean);
  const focused = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el ? `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''} "${(el.getAttribute('aria-label') ?? el.innerText ?? '').slice(0, 80)}"` : 'none';
  }).catch(() => 'unknown');
  return [
    `context menu: ${JSON.stringify(await texts('.context-view .action-label'))}`,
    `quick input: ${JSON.stringify(await texts('.quick-input-widget .monaco-list-row'))}`,
    `notifications: ${JSON.stringify(await texts('.notification-list-item-message'))}`,
    `dialogs: ${JSON.stringify(await texts('.monaco-dialog-box'))}`,
    `focused: ${focused}`,
  ].join('\n  ');
}

/** Throws with the screen described, after `attempts` tries of `action` that did not show `proof`. */
export async function retryUntil(page: Page, what: string, action: () => Promise<void>, proof: Locator, opts: { attempts?: number; timeout?: number } = {}): Promise<void> {
  const attempts = opts.attempts ?? 4;
  for (let i = 1; i <= attempts; i++) {
    await action().catch(() => undefined);
    if (await visible(proof, opts.timeout ?? 8000)) return;
    console.log(`ui: ${what}: no effect on try ${i} of ${attempts}`);
    await page.keyboard.press('Escape').catch(() => undefined);
  }
  throw new Error(`${what}: nothing happened after ${attempts} tries. On screen:\n  ${await describeScreen(page)}`);
}

/** The workbench is up and the extension's contributions are registered (its activity-bar entry is drawn). */
export async function waitForWorkbench(page: Page): Promise<void> {
  await page.locator('.monaco-workbench .part.statusbar').first().waitFor({ state: 'visible', timeout: 120_000 });
  await page.locator('.activitybar [aria-label^="Notion Assets"]').first().waitFor({ state: 'visible', timeout: 120_000 });
}

/** The Explorer row for `name`, rendered, clicked and shown selected and focused. */
export async function focusExplorerRow(page: Page, name: string): Promise<Locator> {
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
  await row.waitFor({ state: 'visible', timeout: 60_000 });
  const focused = page.locator('.explorer-folders-view .monaco-list-row.focused.selected', { hasText: name }).first();
  await retryUntil(page, `select ${name} in the Explorer`, () => row.click(), focused);
  return row;
}

/** A context-menu entry, visible. */
export function menuEntry(page: Page, label: string | RegExp): Locator {
  return page.locator('.context-view .action-label', { hasText: typeof label === 'string' ? new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : label }).first();
}

/** Right-click the Explorer row for `name`, open its Notion submenu, and return the entry `label` (visible). */
export async function openNotionMenu(page: Page, name: string, label: string): Promise<Locator> {
  const row = await focusExplorerRow(page, name);
  const notion = menuEntry(page, 'Notion');
  await retryUntil(page, `right-click ${name}`, () => row.click({ button: 'right' }), notion);
  const entry = menuEntry(page, label);
  await retryUntil(page, 'open the Notion submenu', async () => {
    if (!(await notion.isVisible())) await row.click({ button: 'right' });
    await notion.hover();
    await notion.click();
  }, entry);
  await entry.hover();
  return entry;
}

/** Clicks a notification's message into view: a toast, or the notification center when toasts are held back. */
export async function waitForNotification(page: Page, message: RegExp, timeout = 30_000): Promise<Locator> {
  const toast = page.locator('.notification-list-item-message', { hasText: message }).first();
  if (await visible(toast, Math.min(timeout, 15_000))) return toast;
  // This headless workbench may keep toasts back (the page has no OS focus): the bell shows them all.
  if (!(await page.locator('.notifications-center').isVisible().catch(() => false))) {
    await page.locator('[id="status.notifications"]').first().click();
  }
  if (await visible(toast, timeout)) return toast;
  throw new Error(`no notification matching ${message}. On screen:\n  ${await describeScreen(page)}`);
}

/** Types `query` into the open quick pick and returns the row showing `rowText` (retyped if the list did not answer). */
export async function typeInQuickPick(page: Page, query: string, rowText: string): Promise<Locator> {
  const input = page.locator('.quick-input-widget input[type="text"], .quick-input-widget .quick-input-box input').first();
  await input.waitFor({ state: 'visible', timeout: 30_000 });
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: rowText }).first();
  for (let i = 1; i <= 3; i++) {
    if (i > 1) await input.fill('');
    await input.pressSequentially(query, { delay: 40 });
    if (await visible(row, 20_000)) return row;
    console.log(`ui: quick pick: "${rowText}" not listed for "${query}" on try ${i}`);
  }
  throw new Error(`quick pick: "${rowText}" never listed for "${query}". On screen:\n  ${await describeScreen(page)}`);
}
