// `npm run sandbox`: try the extension without a Notion account. Starts the Notion emulator
// with a small seeded workspace and the VS Code server with this extension, pointed at the
// emulator through the environment (never through workspace settings), and prints the URL.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { seedDemo } from '../emulator/cli';
import { DEFAULT_TOKEN, startEmulator } from '../emulator/index';
import { startCodeServer } from '../launch/codeServer';
import { ensureHostDeps } from '../launch/hostDeps';
import { gradientPng, writeQuietUserSettings, writeSampleFiles } from './sampleFiles';
import { linkExtension, sandboxServerOptions } from './server';

async function main(): Promise<void> {
  ensureHostDeps();
  // A free workspace's 5 MiB per file, so Shrink to Fit can be tried with any large screenshot.
  const emulator = await startEmulator({
    // Open Page shows the emulator's own view of the page (notion.so has no emulator pages).
    allowHttpImports: true, pageViewUrls: true, port: Number(process.env.SANDBOX_EMULATOR_PORT ?? 0),
    tokens: { [DEFAULT_TOKEN]: { maxFileUploadSizeBytes: 5 * 1024 * 1024 } },
  });
  const ids = seedDemo(emulator);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'notion-assets-sandbox-'));
  const workspace = writeSampleFiles(path.join(dataDir, 'workspace'));
  // Import File from URL without network: files on the emulator's own host (http on loopback).
  const samples = [
    emulator.addSample('diagram.png', 'image/png', gradientPng(640, 360)),
    emulator.addSample('spec.pdf', 'application/pdf', fs.readFileSync(path.join(workspace, 'docs', 'spec.pdf'))),
  ];
  writeQuietUserSettings(dataDir);
  linkExtension(dataDir);
  // The extension reads these two variables; a repository's settings cannot set them.
  const server = await startCodeServer(sandboxServerOptions(dataDir, { NOTION_ASSETS_API_BASE_URL: emulator.url, NOTION_ASSETS_TOKEN: DEFAULT_TOKEN }));
  const payload = [['skipWelcome', 'true']];
  const url = `${server.origin}/?folder=${server.remote(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  console.log(`
Notion Assets sandbox is running.

  Open in a browser:  ${url}

  Notion emulator:    ${emulator.url}  (token ${DEFAULT_TOKEN}, a free workspace: 5 MiB per file)
  Seeded pages:       "Emulator Home", "Gallery", database "Assets" with a files property ("First asset")
  Seeded ids:         ${JSON.stringify(ids)}
  Workspace:          ${workspace}
  Import from URL:    ${samples.join('  ')}
  Page views:         ${emulator.url}/pages/<page id>  (where Open Page goes; read-only, not Notion)

Try: right-click screenshot.png → Notion → Set as Page Cover → type "Gallery" → Enter,
then open the Notion Assets view in the activity bar. Or F1 → "Notion: Paste Image to
Notion…" and press Ctrl+V with a screenshot on the clipboard (over 5 MiB: Shrink to Fit).
F1 → "Notion: Import File from URL…" takes ${samples[0]}.
The extension is this checkout (linked into the server's extensions folder): after
\`npm run build\` (or with \`npm run watch\` running), F1 → "Developer: Reload Window" loads it.
Ctrl+C stops everything.
`);
  let closing = false;
  const stop = async () => {
    if (closing) return;
    closing = true;
    await server.close().catch(() => undefined);
    await emulator.close().catch(() => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e) => {
  console.error('sandbox could not start:', e instanceof Error ? e.message : e);
  process.exit(1);
});
