// The HTML of the Paste Image and Shrink to Fit panels: a strict Content-Security-Policy with
// a fresh nonce per page, scripts and styles only from media/paste/, previews from blob: URLs
// the page makes itself, nothing remote.
import { randomBytes } from 'node:crypto';
import * as l10n from '@vscode/l10n';
import type * as vscode from 'vscode';
import { webviewStrings } from './webviewStrings';

export type PanelMode = 'paste' | 'shrink';

export interface PanelHtmlOptions {
  mode: PanelMode;
  /** The workspace's per-file limit, when known. */
  limitBytes?: number;
  /** Shrink never makes the longest side smaller than this. */
  floorPx: number;
  /** Test runs only (ExtensionMode.Test): the page answers test.* messages. */
  testHooks: boolean;
  /** The display language (vscode.env.language) the page's text is worded in. */
  language?: string;
  /** The file being shrunk (shrink mode). */
  fileName?: string;
}

/** `media`: the extension's media/ folder (the panels' only local resource root). */
export function panelHtml(webview: vscode.Webview, media: vscode.Uri, o: PanelHtmlOptions): string {
  const nonce = randomBytes(16).toString('base64');
  const src = (file: string) => webview.asWebviewUri(joinUri(media, `paste/${file}`)).toString();
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} blob:`,
    `style-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  const data = `data-mode="${o.mode}" data-floor="${o.floorPx}" data-test-hooks="${o.testHooks}"${o.limitBytes === undefined ? '' : ` data-limit="${o.limitBytes}"`}` +
    ` data-l10n="${escapeHtml(JSON.stringify(webviewStrings()))}"`;
  const main = o.mode === 'paste' ? pasteMain() : shrinkMain(o.fileName ?? l10n.t('the image'));
  return `<!DOCTYPE html>
<html lang="${escapeHtml(o.language ?? 'en')}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${src('paste.css')}">
<title>${o.mode === 'paste' ? l10n.t('Paste Image to Notion') : l10n.t('Shrink to Fit')}</title>
</head>
<body ${data}>
${main}
<script nonce="${nonce}" src="${src('shrink.js')}"></script>
<script nonce="${nonce}" src="${src('paste.js')}"></script>
</body>
</html>`;
}

function pasteMain(): string {
  const h = (s: string) => escapeHtml(s);
  return `<main>
<h1>${h(l10n.t('Paste Image to Notion'))}</h1>
<div id="drop" class="drop" tabindex="0" role="region" aria-label="${h(l10n.t('Paste or drop an image here'))}" aria-describedby="drop-hint">
  ${l10n.t('Press {0} / {1} to paste an image', '<kbd>Ctrl+V</kbd>', '<kbd>⌘V</kbd>')}
  <div id="drop-hint" class="hint">${h(l10n.t('or drop an image file here. Paste several in a row to send them as one batch; paste a link to import or link it.'))}</div>
</div>
<p id="limit"></p>
<ul id="images" aria-label="${h(l10n.t('Images to upload'))}"></ul>
<section id="link" hidden aria-label="${h(l10n.t('Pasted link'))}">
  <p>${h(l10n.t('You pasted a link:'))} <span id="link-url"></span></p>
  <div class="link-actions">
    <button type="button" id="import">${h(l10n.t('Import from URL'))}</button>
    <button type="button" id="linkExternal" class="secondary">${h(l10n.t('Link External URL'))}</button>
  </div>
</section>
<div class="actions">
  <button type="button" id="upload" disabled title="Ctrl+Enter">${h(l10n.t('Upload to Notion…'))}</button>
  <button type="button" id="clear" class="secondary" disabled>${h(l10n.t('Clear'))}</button>
</div>
<p id="status" role="status" aria-live="polite"></p>
</main>`;
}

function shrinkMain(fileName: string): string {
  return `<main>
<h1>${escapeHtml(l10n.t('Shrink to Fit: {0}', fileName))}</h1>
<p class="hint">${escapeHtml(l10n.t('A smaller copy is made with the browser\'s own codecs and uploaded instead; the original file is not changed.'))}</p>
<ul id="images" aria-label="${escapeHtml(l10n.t('Image being shrunk'))}"></ul>
<p id="status" role="status" aria-live="polite">${escapeHtml(l10n.t('Shrinking…'))}</p>
</main>`;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function joinUri(base: vscode.Uri, file: string): vscode.Uri {
  return base.with({ path: `${base.path.replace(/\/$/, '')}/${file}` });
}
