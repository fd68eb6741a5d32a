// The UI test: Playwright clicks through the real workbench (VS Code server + Chromium) like a
// person would: right-click a file in the Explorer → Notion → Set as Page Cover → pick the page
// in the quick pick → the notification and the Uploads view show it attached; a PNG pasted with
// Ctrl+V into Paste Image to Notion… becomes a block; then a reload keeps the history.
// Screenshots of the menu, the quick pick, the view and the paste panel go to test-artifacts/ui/.
//   node out/test/ui/run.js        (after `node esbuild.js && node esbuild.js --tests`)
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { seedDemo } from '../emulator/cli';
import { DEFAULT_TOKEN, startEmulator } from '../emulator/index';
import { openWorkbench, startCodeServer } from '../launch/codeServer';
import { ensureHostDeps, ROOT } from '../launch/hostDeps';
import { writeQuietUserSettings, writeSampleFiles } from '../sandbox/sampleFiles';
import { tokenStepTicked } from './walkthrough';
import { settingTitles } from './settingTitles';
import { cancelBigUpload } from './scenarios/cancelUpload';
import { pageViewScenario } from './scenarios/pageView';
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

/** Clicks a Notion menu entry, re-opening the menu if it closed before the click, until a quick input asks. */
async function clickMenuEntryUntilQuickInput(page: Page, entry: Locator, file: string, label: string): Promise<void> {
  const input = page.locator('.quick-input-widget input[type="text"], .quick-input-widget .quick-input-box input').first();
  await retryUntil(page, `${label} on ${file}`, async () => {
    if (!(await entry.isVisible())) await openNotionMenu(page, file, label);
    await entry.click({ timeout: 5000 });
  }, input);
}

/** Runs a palette command by its title (F1 again if the palette did not open). */
async function runFromPalette(page: Page, title: string): Promise<void> {
  const input = page.locator('.quick-input-widget input[type="text"], .quick-input-widget .quick-input-box input').first();
  await retryUntil(page, 'open the command palette', () => page.keyboard.press('F1'), input);
  // Typed with its ">" into an empty box, so command mode holds when typeInQuickPick retypes.
  await input.fill('');
  await (await typeInQuickPick(page, `>${title}`, title)).click();
}

/** The page inside the webview panel (VS Code nests it in two iframes). */
function webviewPage(page: Page) {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

/** Block types on a page, read from the emulator like any API client. */
async function blockTypes(apiUrl: string, pageId: string): Promise<string[]> {
  const res = await fetch(`${apiUrl}/v1/blocks/${pageId}/children?page_size=100`, {
    headers: { Authorization: `Bearer ${DEFAULT_TOKEN}`, 'Notion-Version': '2025-09-03' },
  });
  return ((await res.json()) as { results: { type: string }[] }).results.map((b) => b.type);
}

/**
 * Paste Image to Notion…: the panel from the palette, a PNG put on the browser's clipboard and
 * pasted with Ctrl+V in the panel, its preview and name, then Upload → page → block → caption.
 */
async function pasteThroughPanel(page: Page): Promise<void> {
  step('Paste Image to Notion… from the palette');
  await runFromPalette(page, 'Notion: Paste Image to Notion');
  const panel = webviewPage(page);
  const drop = panel.locator('#drop');
  await drop.waitFor({ state: 'visible', timeout: 30_000 });
  await panel.getByText('to paste an image').first().waitFor({ state: 'visible', timeout: 10_000 });

  step('copy a PNG to the clipboard and press Ctrl+V in the panel');
  const png = fs.readFileSync(path.join(ROOT, 'media', 'screenshots', '01-explorer-notion-menu.png'));
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const card = panel.locator('#images .card').first();
  await retryUntil(page, 'paste with Ctrl+V', async () => {
    await page.evaluate(async (b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      await navigator.clipboard.write([new ClipboardItem({ 'image/png': new Blob([bytes], { type: 'image/png' }) })]);
    }, png.toString('base64'));
    await drop.click();
    await page.keyboard.press('Control+V');
  }, card);
  const name = await panel.locator('#images input[type="text"]').first().inputValue();
  assert.match(name, /^Screenshot \d{4}-\d\d-\d\d \d\d\.\d\d\.\d\d\.png$/, 'the default name');
  await panel.locator('#images .meta', { hasText: /PNG · .* · \d+×\d+/ }).first().waitFor({ state: 'visible', timeout: 10_000 });
  // The notification center an earlier step may have opened would cover the panel.
  const hide = page.locator('.notifications-center .codicon-notifications-hide').first();
  if (await hide.isVisible()) await hide.click();
  await page.waitForTimeout(500);
  await shot(page, '05-paste-panel.png');

  step('Upload → Gallery → Add to Page as Block → no caption');
  const upload = panel.locator('#upload');
  const input = page.locator('.quick-input-widget input[type="text"], .quick-input-widget .quick-input-box input').first();
  // Clicked again only while the panel is not already sending (the button is disabled then).
  await retryUntil(page, 'Upload asks for the page', async () => { if (await upload.isEnabled()) await upload.click(); }, input);
  await (await typeInQuickPick(page, 'Gallery', 'Gallery')).click();
  const blockRow = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Add to Page as Block' }).first();
  await blockRow.waitFor({ state: 'visible', timeout: 20_000 });
  await blockRow.click();
  // The caption question: an input box; Enter leaves it empty.
  await page.locator('.quick-input-widget', { hasText: 'Caption (optional)' }).first().waitFor({ state: 'visible', timeout: 20_000 });
  await input.press('Enter');

  step('the panel says it was sent and is ready for the next paste');
  await panel.locator('#status', { hasText: 'Sent the image to Notion' }).waitFor({ state: 'visible', timeout: 30_000 });
  assert.equal(await panel.locator('#images .card').count(), 0, 'the sent image left the panel');
  await waitForNotification(page, /"Screenshot [^"]+\.png" was added to "Gallery"/);
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
    // An image gets cover and icon; "Upload to Notion…", block/property, comment, new page and replace entries are there too.
    const imageEntries = ['Set as Page Icon', 'Add to Page as Block', 'Attach to Files Property', 'Add as Comment on Page', 'New Page from File…', 'Replace a File on Page…'];
    const cover = await openNotionMenu(page, 'screenshot.png', 'Set as Page Cover', imageEntries);
    for (const label of imageEntries) assert.ok(await menuEntry(page, label).isVisible(), `${label} in the Notion submenu`);
    await shot(page, '01-explorer-notion-menu.png');
    // An editor opening late (the row's click previews the file) can close the menu: re-open it until the click asks for the page.
    await clickMenuEntryUntilQuickInput(page, cover, 'screenshot.png', 'Set as Page Cover');

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
    await clickMenuEntryUntilQuickInput(page, uploadEntry, 'spec.pdf', 'Upload to Notion…');
    await (await typeInQuickPick(page, 'First', 'First asset')).click();
    const propertyChoice = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Attach to Files Property' }).first();
    await propertyChoice.waitFor({ state: 'visible', timeout: 20_000 });
    assert.equal(await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Set as Page Cover' }).count(), 0, 'no cover choice for a PDF');
    await propertyChoice.click();
    await waitForNotification(page, /"spec\.pdf" was added to "First asset" in its "Files" property/);
    const dbPage = emulator.getPageJson(ids.databasePageId) as { properties: { Files: { files: { name?: string }[] } } };
    assert.equal(dbPage.properties.Files.files.length, 1, 'the emulator has the file in the property');

    await pasteThroughPanel(page);
    const galleryBlocks = await blockTypes(emulator.url, ids.galleryPageId);
    assert.ok(galleryBlocks.includes('image'), `the pasted image is a block on Gallery (${galleryBlocks.join(', ')})`);
    await pageViewScenario(page, emulator, ids.galleryPageId, shot);

    await cancelBigUpload(page, { emulator, workspace, galleryPageId: ids.galleryPageId });

    step('reload the window: the history is still there');
    await page.waitForTimeout(1500); // history saves are coalesced (500 ms)
    await page.reload();
    // The workbench comes back with the Notion Assets container open; the row is read from globalState.
    await uploadsRow(page, 'screenshot.png');
    await uploadsRow(page, 'spec.pdf');

    step('the walkthrough ticks "Connect your integration" (token from the environment, extension active since the reload)');
    assert.ok(await tokenStepTicked(page), 'the token step is ticked');
    await shot(page, '06-walkthrough.png');

    step('Settings (UI) titles every setting readably (VS Code words them from the keys)');
    const titles = await settingTitles(page, 'notion-assets.notion-assets');
    step(`Settings shows: ${titles.join(', ')}`);
    assert.ok(titles.includes('Part Size') && titles.includes('Max Depth'), `every title read, "Part Size" among them (${titles.join(', ')})`);
    const unreadable = titles.filter((t) => /\b[A-Za-z]\b/.test(t));
    assert.deepEqual(unreadable, [], `titles with a one-letter word (${titles.join(', ')})`);
    console.log('ui: passed (menu entries for an image and a PDF, page quick pick, placement pick, notifications, Uploads view, paste panel with a real Ctrl+V, persistence across reload)');
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
