// Open Page: the page where it lives, from the `url` the API gives the page (Notion's page, or
// the emulator's page view in the sandbox); the notion.so link built from the id when there is
// no answer (no token, offline). The extension provides the lookup once, at activation.
import * as vscode from 'vscode';
import { notionPageUrl } from './format';

type PageUrls = (pageId: string) => Promise<string | undefined>;

let lookup: PageUrls | undefined;

export function providePageUrls(fn: PageUrls): vscode.Disposable {
  lookup = fn;
  return new vscode.Disposable(() => {
    if (lookup === fn) lookup = undefined;
  });
}

/** Opens the page in the browser and returns the URL opened. */
export async function openPage(pageId: string): Promise<string> {
  const given = await lookup?.(pageId).catch(() => undefined);
  const url = given && /^https?:\/\//.test(given) ? given : notionPageUrl(pageId);
  await vscode.env.openExternal(vscode.Uri.parse(url));
  return url;
}
