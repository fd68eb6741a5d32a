// `npm run emulator -- --port <port> --token <token> [--seed] [--no-rate-limit]
//   [--allow-http-imports] [--latency <ms>] [--max-upload-bytes <n>] [--no-store-upload-bytes]
//   [--doc-rules] [--page-view-urls]`
// Serves until SIGINT/SIGTERM. Prints `Notion emulator listening on http://127.0.0.1:<port>`.
import { parseArgs } from 'node:util';
import { makePng } from '../fixtures/png';
import { DEFAULT_TOKEN, startEmulator, type Emulator } from './index';

export function seedDemo(emu: Emulator): Record<string, string> {
  const home = emu.seed.page({ title: 'Emulator Home' });
  const gallery = emu.seed.page({ title: 'Gallery', parentPageId: home.id });
  const db = emu.seed.database({ title: 'Assets', parentPageId: home.id, properties: { Name: 'title', Files: 'files', Notes: 'rich_text' } });
  const row = emu.seed.databasePage(db.id, { title: 'First asset' });
  emu.seed.blocks(home.id, [{ type: 'paragraph', paragraph: { rich_text: [{ type: 'text', text: { content: 'Seeded by the Notion emulator.' } }] } }]);
  // Something for Replace a File on Page… / Page Files' Replace File… to replace. Its link is
  // the emulator's own sample file: with no network (the sandbox) the page view still shows it.
  const placeholder = emu.addSample('placeholder.png', 'image/png', makePng(320, 180));
  emu.seed.blocks(gallery.id, [
    { type: 'image', image: { type: 'external', external: { url: placeholder }, caption: [{ type: 'text', text: { content: 'Placeholder' } }] } },
  ]);
  return { homePageId: home.id, galleryPageId: gallery.id, databaseId: db.id, databasePageId: row.id };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      token: { type: 'string', multiple: true },
      seed: { type: 'boolean', default: false },
      'no-rate-limit': { type: 'boolean', default: false },
      'allow-http-imports': { type: 'boolean', default: false },
      latency: { type: 'string', default: '0' },
      'max-upload-bytes': { type: 'string' },
      'no-store-upload-bytes': { type: 'boolean', default: false },
      'doc-rules': { type: 'boolean', default: false },
      'page-view-urls': { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0..65535, got ${values.port}`);
  const maxBytes = values['max-upload-bytes'] === undefined ? undefined : Number(values['max-upload-bytes']);
  const tokens = Object.fromEntries((values.token ?? []).map((t) => [t, { maxFileUploadSizeBytes: maxBytes }]));
  const emu = await startEmulator({
    port,
    tokens,
    rateLimit: { enabled: !values['no-rate-limit'] },
    allowHttpImports: values['allow-http-imports'],
    latencyMs: Number(values.latency),
    storeUploadBytes: !values['no-store-upload-bytes'],
    docRules: values['doc-rules'],
    pageViewUrls: values['page-view-urls'],
  });
  if (values.seed) console.log(JSON.stringify(seedDemo(emu)));
  console.log(`Notion emulator listening on ${emu.url}`);
  if (!values.token?.length) console.log(`Accepting the default token (${DEFAULT_TOKEN.slice(0, 7)}…, see DEFAULT_TOKEN in test/emulator/index.ts).`);
  const stop = () => {
    emu.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(`notion emulator: ${(e as Error).message}`);
    process.exit(1);
  });
}
