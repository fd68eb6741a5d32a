// The UI test: Playwright clicks through the real workbench (VS Code server + Chromium) like a
// person would: right-click a file in the Explorer → Notion → Set as Page Cover → pick the page
// in the quick pick → the notification and the Uploads view show it attached; then a reload
// keeps it. Screenshots of the menu, the quick pick and the view go to test-artifacts/ui/.
//   node out/test/ui/run.js        (after `node esbuild.js && node esbuild.js --tests`)
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { seedDemo } from '../emulator/cli';
import { DEFAULT_TOKEN, startEmulator } from '../emulator/index';
import { openWorkbench, startCodeServer } from '../launch/codeServer';
import { ensureHostDeps, ROOT } from '../launch/hostDeps';
import { writeQuietUserSettings, writeSampleFiles } from '../sandbox/sampleFiles';
import { describeScreen, menuEntry, openNotionMenu, retryUntil, typeInQuickPick, waitForNotification, waitForWorkbench } from './workbench';

const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'ui');
const TIMEOUT_MS = Number(process.env.UI_TEST_TIMEOUT_MS ?? 5 * 60_000);

async function shot(page: Page, name: string): Promise<string> {
  const file = path.join(ARTIFACTS, name);
  await page.screenshot({ path: file });
  console.log(`ui: screenshot ${path.relative(ROOT, file)}`);
  return file;
}

function step(title: string): void {
  console.log(`ui: ${title}`);
}

/** Opens the Uploads view from its activity-bar icon and returns the row for `name`. */
async function uploadsRow(page: Page, name: string) {
  const icon = page.locator('.activitybar .action-item a[aria-label^="Notion Assets"], .activitybar .action-item [aria-label^="Notion Assets"]').first();
  await icon.waitFor({ state: 'visible', timeout: 30_000 });
  const title = page.locator('.part.sidebar .composite.title', { hasText: /Notion Assets/i });
  // After a reload the workbench may restore the container on its own: look before clicking (a click would hide it).
  for (let i = 0; i < 3 && !(await title.waitFor({ state: 'visible', timeout: 3000 }).then(() => true, () => false)); i++) {
    await icon.click();
  }
  const row = page.locator('.part.sidebar .monaco-list-row', { hasText: name }).filter({ hasText: /attached · 1 place/ }).first();
  await row.waitFor({ state: 'visible', timeout: 30_000 });
  return row;
}

async function main(): Promise<number> {
  ensureHostDeps();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const emulator = await startEmulator({ rateLimit: { enabled: false } });
  const ids = seedDemo(emulator);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'notion-assets-ui-'));
  const workspace = writeSampleFiles(path.join(dataDir, 'workspace'));
  writeQuietUserSettings(dataDir);
  const server = await startCodeServer({ dataDir, env: { NOTION_ASSETS_API_BASE_URL: emulator.url, NOTION_ASSETS_TOKEN: DEFAULT_TOKEN } });
  let wb: Awaited<ReturnType<typeof openWorkbench>> | undefined;
  const timer = setTimeout(() => {
    console.error(`ui: timed out after ${TIMEOUT_MS / 1000} s`);
    process.exit(2);
  }, TIMEOUT_MS);
  try {
    wb = await openWorkbench(server, {
      workspacePath: workspace, extensionDevelopmentPath: ROOT, viewport: { width: 1280, height: 800 },
      onLog: (type, args) => { if (type === 'error' || process.env.UI_TEST_VERBOSE) console.log(`[host ${type}]`, ...args); },
    });
    const { page } = wb;

    step('right-click screenshot.png in the Explorer');
    await waitForWorkbench(page);
    const cover = await openNotionMenu(page, 'screenshot.png', 'Set as Page Cover');
    // An image gets cover and icon; "Upload to Notion…", block/property, comment, new page and replace entries are there too.
    for (const label of ['Set as Page Icon', 'Add to Page as Block', 'Attach to Files Property', 'Add as Comment on Page', 'New Page from File…', 'Replace a File on Page…']) {
      assert.ok(await menuEntry(page, label).isVisible(), `${label} in the Notion submenu`);
    }
    await shot(page, '01-explorer-notion-menu.png');
    await cover.click();

    step('pick the page in the quick pick');
    const pageRow = await typeInQuickPick(page, 'Gallery', 'Gallery');
    await page.waitForTimeout(500);
    await shot(page, '02-page-quick-pick.png');
    await pageRow.click();

    step('the notification says it is now the cover');
    await waitForNotification(page, /"screenshot\.png" was added to "Gallery" as its cover/);

    step('the Uploads view shows it attached');
    const item = await uploadsRow(page, 'screenshot.png');
    await item.hover();
    await page.waitForTimeout(800);
    await shot(page, '03-uploads-view.png');
    const gallery = emulator.getPageJson(ids.galleryPageId) as { cover: { type: string } | null };
    assert.equal(gallery.cover?.type, 'file', 'the emulator has the cover');

    step('a PDF: its Notion menu has no cover/icon; the guided flow attaches it to a files property');
    await page.locator('.activitybar .action-item [aria-label^="Explorer"]').first().click();
    const docs = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'docs' }).first();
    await docs.waitFor({ state: 'visible', timeout: 60_000 });
    const pdfRow = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'spec.pdf' }).first();
    await retryUntil(page, 'expand docs', async () => { if (!(await pdfRow.isVisible())) await docs.click(); }, pdfRow);
    const uploadEntry = await openNotionMenu(page, 'spec.pdf', 'Upload to Notion…');
    for (const label of ['Set as Page Icon', 'Set as Page Cover']) {
      assert.equal(await page.locator('.context-view .action-label', { hasText: label }).count(), 0, `no "${label}" on a PDF`);
    }
    await uploadEntry.hover();
    await page.waitForTimeout(300);
    await shot(page, '04-pdf-notion-menu.png');
    await uploadEntry.click();
    await (await typeInQuickPick(page, 'First', 'First asset')).click();
    const propertyChoice = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Attach to Files Property' }).first();
    await propertyChoice.waitFor({ state: 'visible', timeout: 20_000 });
    assert.equal(await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Set as Page Cover' }).count(), 0, 'no cover choice for a PDF');
    await propertyChoice.click();
    await waitForNotification(page, /"spec\.pdf" was added to "First asset" in its "Files" property/);
    const dbPage = emulator.getPageJson(ids.databasePageId) as { properties: { Files: { files: { name?: string }[] } } };
    assert.equal(dbPage.properties.Files.files.length, 1, 'the emulator has the file in the property');

    step('reload the window: the history is still there');
    await page.waitForTimeout(1500); // history saves are coalesced (500 ms)
    await page.reload();
    // The workbench comes back with the Notion Assets container open; the row is read from globalState.
    await uploadsRow(page, 'screenshot.png');
    await uploadsRow(page, 'spec.pdf');
    console.log('ui: passed (menu entries for an image and a PDF, page quick pick, placement pick, notifications, Uploads view, persistence across reload)');
    return 0;
  } catch (e) {
    console.error('ui: FAILED', e instanceof Error ? e.stack : e);
    if (wb) console.error(`ui: on screen:\n  ${await describeScreen(wb.page).catch(() => 'unknown')}`);
    console.error('ui: emulator requests:', emulator.requests.map((r) => `${r.method} ${r.path} ${r.status}`).join('\n'));
    if (wb) await shot(wb.page, 'failure.png').catch(() => undefined);
    return 1;
  } finally {
    clearTimeout(timer);
    await wb?.close().catch(() => undefined);
    await server.close().catch(() => undefined);
    await emulator.close().catch(() => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code));
