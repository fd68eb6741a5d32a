// How the sandbox starts the VS Code server: for people, so without the smoke-test driver (with
// it the workbench shows no notification toasts, only the bell). Without the driver this server
// ignores `extensionDevelopmentPath`, so the checkout is linked into the server's extensions
// folder as an installed extension; it loads dist/ from the checkout, so a rebuild (`npm run
// build` or `npm run watch`) shows after Developer: Reload Window.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeServerOptions } from '../launch/codeServer';
import { ROOT } from '../launch/hostDeps';

export function sandboxServerOptions(dataDir: string, env: NodeJS.ProcessEnv): CodeServerOptions {
  return { dataDir, env, smokeTestDriver: false };
}

/** The folder name VS Code gives an installed extension: `<publisher>.<name>-<version>`. */
export function installedFolderName(root = ROOT): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
  return `${pkg.publisher}.${pkg.name}-${pkg.version}`;
}

/** Links the checkout into the server's extensions folder (`--extensions-dir`, see codeServer.ts); returns the link. */
export function linkExtension(dataDir: string, root = ROOT): string {
  const dir = path.join(dataDir, 'ext');
  fs.mkdirSync(dir, { recursive: true });
  const link = path.join(dir, installedFolderName(root));
  fs.symlinkSync(root, link, 'dir');
  return link;
}
