// Cancel through the progress notification's own Cancel button: a big .mp4 (six parts) is
// being added to a page as a block; its bytes are sent and the block's write is on the wire
// (the emulator holds it unanswered, so the click always lands there), the person clicks
// Cancel, and the report says it was cancelled and that this write may still land (with how
// to find out); its row in the Uploads view says cancelled, not pending; no block appeared.
// (The host tier cancels mid-part and checks the request log and the 2 s bound at the token.)
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { DEFAULT_TOKEN, type Emulator } from '../../emulator/index';
import { openNotionMenu, retryUntil, typeInQuickPick, waitForNotification } from '../workbench';

const MiB = 1024 * 1024;
const NAME = 'big-recording.mp4';
/** The report's bound here: the 2 s plus the workbench drawing the notification (a person's wait, not a benchmark). */
const REPORT_TIMEOUT_MS = 10_000;

export interface CancelContext {
  emulator: Emulator;
  workspace: string;
  /** A page named "Gallery" (seedDemo). */
  galleryPageId: string;
}

export async function cancelBigUpload(page: Page, ctx: CancelContext): Promise<void> {
  const { emulator } = ctx;
  console.log('ui: a 60 MiB .mp4 (six parts) → Add to Page as Block → Gallery, then Cancel on its progress notification while the block is being added');
  writeSparseMp4(path.join(ctx.workspace, NAME), 60 * MiB);
  const append = `/v1/blocks/${ctx.galleryPageId}/children`;
  emulator.setRateLimit({ enabled: true });
  emulator.setLatency(50);
  emulator.faults.arm({ method: 'PATCH', path: append, hang: true });
  try {
    const explorer = page.locator('.explorer-folders-view').first();
    if (!(await explorer.isVisible())) await page.locator('.activitybar .action-item [aria-label^="Explorer"]').first().click();
    const entry = await openNotionMenu(page, NAME, 'Add to Page as Block');
    const input = page.locator('.quick-input-widget input[type="text"], .quick-input-widget .quick-input-box input').first();
    await retryUntil(page, `Add to Page as Block on ${NAME}`, async () => {
      if (!(await entry.isVisible())) await openNotionMenu(page, NAME, 'Add to Page as Block');
      await entry.click({ timeout: 5000 });
    }, input);
    await (await typeInQuickPick(page, 'Gallery', 'Gallery')).click();
    await page.locator('.quick-input-widget', { hasText: 'Caption (optional)' }).first().waitFor({ state: 'visible', timeout: 20_000 });
    await input.press('Enter');

    const progress = await waitForNotification(page, new RegExp(`Adding "${NAME.replace('.', '\\.')}" to "Gallery"`));
    for (let t = 0; !emulator.requests.some((r) => r.path === append && r.fault === 'hang'); t += 50) {
      if (t > 60_000) throw new Error('the block was never being added');
      await page.waitForTimeout(50);
    }
    const item = page.locator('.notification-list-item', { has: progress });
    const cancel = item.locator('.monaco-button', { hasText: /^Cancel$/ }).first();
    await cancel.click();
    const name = NAME.replace('.', '\\.');
    await waitForNotification(page, new RegExp(`Upload cancelled: "${name}" \\(nothing else was attached\\)\\. "${name}" was being added as you cancelled: Refresh Status`), REPORT_TIMEOUT_MS);
    await uploadsRowSaying(page, NAME, /cancelled/);
    const gallery = await fetch(`${emulator.url}/v1/blocks/${ctx.galleryPageId}/children?page_size=100`, {
      headers: { Authorization: `Bearer ${DEFAULT_TOKEN}`, 'Notion-Version': '2025-09-03' },
    });
    const types = ((await gallery.json()) as { results: { type: string }[] }).results.map((b) => b.type);
    assert.ok(!types.includes('video'), `no video block on Gallery (${types.join(', ')})`);
  } finally {
    emulator.faults.clear();
    emulator.setLatency(0);
    emulator.setRateLimit({ enabled: false });
  }
}

/** The Uploads view's row for `name`, once it shows `state`. */
async function uploadsRowSaying(page: Page, name: string, state: RegExp): Promise<void> {
  const title = page.locator('.part.sidebar .composite.title', { hasText: /Notion Assets/i });
  const icon = page.locator('.activitybar .action-item [aria-label^="Notion Assets"]').first();
  // A click on the icon of a container already shown would hide it: look first.
  for (let i = 0; i < 3 && !(await title.isVisible()); i++) {
    await icon.click();
    await title.waitFor({ state: 'visible', timeout: 3000 }).catch(() => undefined);
  }
  await page.locator('.part.sidebar .monaco-list-row', { hasText: name }).filter({ hasText: state }).first().waitFor({ state: 'visible', timeout: 30_000 });
}

/** Big on disk at no cost: an MP4 signature, then zeros. */
function writeSparseMp4(file: string, size: number): void {
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, Buffer.from('0000001866747970697336000000000069736f6d', 'hex'));
    fs.ftruncateSync(fd, size);
  } finally {
    fs.closeSync(fd);
  }
}
