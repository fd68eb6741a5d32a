// One rule before anything replaces what a page shows (its cover, its icon, a block's file):
// every path a person takes asks `"…" already has a cover. Replace it?` while
// notionAssets.confirmReplace is on — also Page Files' Copy to Another Page, Link External URL
// and the Uploads view's Attach to…, which used to replace silently. Driven as a person
// drives them: the page pasted into the picker, the placement chosen, the modal answered.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { BrowseResult } from '../../../src/pageFiles/commands';
import type { UploadAndAttachResult } from '../../../src/core/upload/types';
import type { UploadCommandResult } from '../../../src/upload/uploadCommands';
import { children, countRequests, getFixture, pageJson, type Fixture } from './fixture';
import { Messages } from './messages';
import { answerPickers } from './personPicks';

const OLD_COVER = 'https://example.com/covers/old-cover.png';
const coverUrl = (f: Fixture, page: string): string | undefined => pageJson(f, page).cover?.external?.url ?? pageJson(f, page).cover?.file?.url;
const replaceQuestions = (m: Messages) => m.of('warning').filter((x) => /already has a cover\. Replace it\?/.test(x.text));

suite('Replacing a cover, an icon or a block\'s file asks first, on every path', () => {
  let f: Fixture;
  let messages: Messages;
  suiteSetup(async () => {
    f = await getFixture();
  });
  setup(() => (messages = new Messages()));
  teardown(async () => {
    messages.restore();
    await vscode.workspace.getConfiguration('notionAssets').update('confirmReplace', undefined, vscode.ConfigurationTarget.Global);
  });

  const pageWithCover = (title: string) => f.emulator.seed.page({ title, cover: { type: 'external', external: { url: OLD_COVER } } }).id;

  test('Page Files: Copy to Another Page as the cover of a page that has one asks; No keeps the cover, Replace replaces it', async () => {
    const source = f.emulator.seed.page({ title: 'Copy Source', cover: { type: 'external', external: { url: 'https://example.com/covers/new-cover.png' } } }).id;
    const target = pageWithCover('Gallery Copy');
    const listed = (await vscode.commands.executeCommand<BrowseResult>('notionAssets.browseFiles', source))!;
    const row = listed.view.rows.find((r) => r.label === 'new-cover.png')!;
    for (const answer of [undefined, 'Replace']) {
      messages.answerWith((m) => (m.buttons.includes('Replace') ? answer : undefined));
      const picks = answerPickers({ page: target, items: [/Set as Page Cover/] });
      try {
        await vscode.commands.executeCommand('notionAssets.pageFiles.copyToPage', row.key);
      } finally {
        picks.restore();
      }
      const asked = replaceQuestions(messages);
      assert.equal(asked.length, answer ? 2 : 1, 'asked each time');
      assert.equal(asked[0].text, '"Gallery Copy" already has a cover. Replace it?');
      assert.match(asked[0].detail ?? '', /notionAssets\.confirmReplace/);
      assert.equal(coverUrl(f, target), answer ? 'https://example.com/covers/new-cover.png' : OLD_COVER);
    }
    assert.deepEqual(messages.of('error'), [], 'a No is no error');
  });

  test('Link External URL as the cover asks the same question; with notionAssets.confirmReplace off it replaces without asking', async () => {
    const target = pageWithCover('Gallery Link');
    const link = (url: string) => {
      const picks = answerPickers({ page: target, items: [/Set as Page Cover/] });
      return Promise.resolve(vscode.commands.executeCommand<UploadCommandResult>('notionAssets.linkExternal', { url })).finally(() => picks.restore());
    };
    assert.equal(await link('https://example.com/covers/linked.png'), undefined, 'No ends the command');
    assert.equal(replaceQuestions(messages).length, 1);
    assert.equal(coverUrl(f, target), OLD_COVER, 'kept after No');
    await vscode.workspace.getConfiguration('notionAssets').update('confirmReplace', false, vscode.ConfigurationTarget.Global);
    const res = await link('https://example.com/covers/linked.png');
    assert.equal(res?.uploads[0]?.ok, true, res?.error);
    assert.equal(replaceQuestions(messages).length, 1, 'not asked with the setting off');
    assert.equal(coverUrl(f, target), 'https://example.com/covers/linked.png');
  });

  test('Import File from URL as the cover asks before Notion imports anything; No leaves no import behind', async () => {
    // A file Notion can import over loopback http (the emulator's own signed file link).
    const png = f.file('png');
    const up = (await f.api.upload(png, { pageId: f.pages.second, as: 'block' })) as UploadAndAttachResult;
    const url = (await children(f, f.pages.second)).find((b) => b.id === up.blockId)!.image.file.url as string;
    const target = pageWithCover('Gallery Import');
    const creates = countRequests(f, 'POST', /^\/v1\/file_uploads$/);
    const picks = answerPickers({ page: target, items: [/Set as Page Cover/], inputs: [url] });
    try {
      assert.equal(await vscode.commands.executeCommand('notionAssets.importFromUrl'), undefined);
    } finally {
      picks.restore();
    }
    assert.equal(replaceQuestions(messages).length, 1);
    assert.equal(replaceQuestions(messages)[0].text, '"Gallery Import" already has a cover. Replace it?');
    assert.equal(countRequests(f, 'POST', /^\/v1\/file_uploads$/), creates, 'nothing imported');
    assert.equal(coverUrl(f, target), OLD_COVER);
  });

  test('Uploads view: Attach to… onto a page with a cover asks the same question; a page without one is not asked', async () => {
    const png = f.file('png');
    const up = (await f.api.upload(png, { pageId: f.pages.second, as: 'block' })) as UploadAndAttachResult;
    const target = pageWithCover('Gallery Attach');
    const attach = (page: string) => {
      const picks = answerPickers({ page });
      return Promise.resolve(vscode.commands.executeCommand('notionAssets.item.attachTo', up.key, { placement: 'cover' })).finally(() => picks.restore());
    };
    assert.equal(await attach(target), undefined);
    assert.equal(replaceQuestions(messages).length, 1);
    assert.equal(coverUrl(f, target), OLD_COVER);
    const bare = f.emulator.seed.page({ title: 'No Cover Yet' }).id;
    assert.ok(await attach(bare), 'attached');
    assert.equal(replaceQuestions(messages).length, 1, 'nothing to replace: not asked');
    assert.match(coverUrl(f, bare) ?? '', new RegExp(up.fileUpload.id));
  });
});
