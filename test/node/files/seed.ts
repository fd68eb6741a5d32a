// A database page holding files in every place the browser looks: cover, icon, a files
// property, blocks past the first 100 children, blocks nested four levels deep, a nested
// block with more than 100 children.
import { after, before } from 'node:test';
import { externalImage, openFilesEnv, paragraph, randomFile, rawUpload, toggle, type FilesEnv } from './helpers';

export interface RichPage {
  pageId: string;
  coverSha256: string;
  reportSha256: string;
  notesSha256: string;
  level2Id: string;
  /** What the walk should find, in order: `location|name|kind`. */
  expected: string[];
}

const ext = (type: string, url: string) => ({ type, [type]: { type: 'external', external: { url } } });
const urlBlock = (type: 'embed' | 'bookmark', url: string) => ({ type, [type]: { url, caption: [] } });

export async function seedRichPage(env: FilesEnv): Promise<RichPage> {
  const { emu, client, uploads } = env;
  const db = emu.seed.database({ title: 'Assets', properties: { Name: 'title', Files: 'files' } });
  const pageId = emu.seed.databasePage(db.id, { title: 'Launch kit' }).id;

  const cover = randomFile(env.dir, 'cover.png', 30_000);
  await uploads.uploadAndAttach(cover.path, { pageId, as: 'cover' });
  await client.updatePage(pageId, { icon: { type: 'external', external: { url: 'https://example.com/img/icon.png' } } });
  const a = randomFile(env.dir, 'a.pdf', 5_000);
  await uploads.uploadAndAttach(a.path, { pageId, as: 'property', property: 'Files' });
  await uploads.attachExternal('https://example.com/docs/spec.pdf', { pageId, as: 'property', property: 'Files' });

  const top: Array<Record<string, unknown>> = [paragraph('intro'), externalImage('https://example.com/img/diagram.png')];
  for (let i = 2; i < 120; i++) top.push(paragraph(`line ${i}`));
  top.push(urlBlock('bookmark', 'https://example.com/blog/article'));
  const [, , ...rest] = emu.seed.blocks(pageId, [...top, toggle('Level 1', []), toggle('Long', [])]).ids;
  const level1Id = rest[rest.length - 2];
  const longId = rest[rest.length - 1];
  const [, , level2Id] = emu.seed.blocks(level1Id, [paragraph('in 1'), urlBlock('embed', 'https://example.com/embed/widget'), toggle('Level 2', [])]).ids;
  const [level3Id] = emu.seed.blocks(level2Id, [toggle('Level 3', [])]).ids;
  emu.seed.blocks(level3Id, [ext('video', 'https://example.com/media/deep.mp4')]);
  const long = Array.from({ length: 105 }, (_, i) => paragraph(`long ${i}`));
  emu.seed.blocks(longId, [...long, ext('pdf', 'https://example.com/docs/long.pdf')]);

  const notes = await rawUpload(env, 'notes.txt', 3_000);
  await client.appendBlockChildren(level2Id, [{ type: 'file', file: { type: 'file_upload', file_upload: { id: notes.id }, name: 'notes.txt' } }]);
  const report = randomFile(env.dir, 'report.pdf', 20_000);
  await uploads.uploadAndAttach(report.path, { pageId, as: 'block' });

  return {
    pageId,
    coverSha256: cover.sha256,
    reportSha256: report.sha256,
    notesSha256: notes.sha256,
    level2Id,
    expected: [
      'cover|cover.png|upload',
      'icon|icon.png|external',
      'property Files 0|a.pdf|upload',
      'property Files 1|spec.pdf|external',
      'image@1|diagram.png|external',
      'bookmark@1|article|external',
      'embed@2|widget|external',
      'video@4|deep.mp4|external',
      'file@3|notes.txt|hosted',
      'pdf@2|long.pdf|external',
      'pdf@1|report.pdf|upload',
    ],
  };
}

/** Registers before/after hooks: an emulator with the rich page seeded, closed afterwards. */
export function useRichPage(): { env: FilesEnv; page: RichPage } {
  const ctx = {} as { env: FilesEnv; page: RichPage };
  before(async () => {
    ctx.env = await openFilesEnv();
    ctx.page = await seedRichPage(ctx.env);
  });
  after(() => ctx.env.close());
  return ctx;
}
