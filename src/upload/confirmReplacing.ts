// The one rule before a write that replaces what a page already shows — its cover, its icon,
// a block's file: with notionAssets.confirmReplace on, a modal asks first. Every path uses it
// (upload flows, Replace a File on Page, Page Files' Replace File and Copy to Another Page,
// Link External URL, Import File from URL, the Uploads view's Attach to…). A scripted call
// (the caller gave the page) is not asked, as everywhere else.
import * as vscode from 'vscode';
import type { AttachTarget } from '../core/upload/types';
import type { Services } from '../common/services';
import { confirmReplace } from '../common/settings';
import { Dismissed } from '../ui/commandRunner';

export interface Replacing {
  page: { id: string; title: string };
  target: AttachTarget;
  /** What goes there: a file name or a link's name. */
  newName: string;
  /** A block replace: the file the block holds now and the block's type (known from the pick). */
  block?: { name: string; blockType: string };
}

/** Resolves when the write may go ahead; ends the command quietly (Dismissed) unless "Replace" is chosen. */
export async function confirmReplacing(services: Services, r: Replacing, ask: boolean): Promise<void> {
  if (!ask || !confirmReplace()) return;
  const question = await replaceQuestion(services, r);
  if (!question) return;
  const replace = vscode.l10n.t('Replace');
  const stop = vscode.l10n.t('Turn off notionAssets.confirmReplace to stop asking.');
  const answer = await vscode.window.showWarningMessage(question.text, { modal: true, detail: question.detail ? `${question.detail} ${stop}` : stop }, replace);
  if (answer !== replace) throw new Dismissed();
}

/** The question, or undefined when nothing would be replaced (no cover/icon yet, a new block). */
async function replaceQuestion(services: Services, r: Replacing): Promise<{ text: string; detail: string } | undefined> {
  const { target, page } = r;
  if (target.as === 'replace') {
    const text = r.block
      ? vscode.l10n.t('Replace "{0}" ({1} block) on "{2}" with "{3}"?', r.block.name, r.block.blockType, page.title, r.newName)
      : vscode.l10n.t('Replace the file of the block on "{0}" with "{1}"?', page.title, r.newName);
    return { text, detail: vscode.l10n.t('The block keeps its place and caption.') };
  }
  if (target.as !== 'cover' && target.as !== 'icon') return undefined;
  // Unreadable page: the write itself reports why; nothing known to replace.
  const current = await (await services.client()).getPage(page.id).catch(() => undefined);
  if (!current?.[target.as]) return undefined;
  const text = target.as === 'icon'
    ? vscode.l10n.t('"{0}" already has an icon. Replace it?', page.title)
    : vscode.l10n.t('"{0}" already has a cover. Replace it?', page.title);
  return { text, detail: '' };
}
