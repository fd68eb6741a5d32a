// A person's answers to the pickers, for host tests that go the way a person does (no page
// argument, so the command is not "scripted"): the page picker gets the page's link pasted
// and Enter, a quick pick gets the item whose label matches, an input box gets typed text.
import * as vscode from 'vscode';

export interface Picks {
  /** The page pasted into the page picker. */
  page?: string;
  /** Per quick pick (showQuickPick), in order: the label to choose. */
  items?: RegExp[];
  /** Per input box (showInputBox), in order: the text typed. */
  inputs?: string[];
}

/** Installs the answers; returns what restores the real pickers. */
export function answerPickers(picks: Picks): { restore(): void; asked: string[] } {
  const win = vscode.window as unknown as Record<string, unknown>;
  const saved = { createQuickPick: win.createQuickPick, showQuickPick: win.showQuickPick, showInputBox: win.showInputBox };
  const asked: string[] = [];
  const items = [...(picks.items ?? [])];
  const inputs = [...(picks.inputs ?? [])];
  win.createQuickPick = () => pastingQuickPick(picks.page);
  win.showQuickPick = async (shown: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>, opts?: vscode.QuickPickOptions) => {
    asked.push(opts?.title ?? '');
    const want = items.shift();
    return want ? (await shown).find((i) => want.test(i.label)) : undefined;
  };
  win.showInputBox = async (opts?: vscode.InputBoxOptions) => {
    asked.push(opts?.title ?? '');
    return inputs.shift();
  };
  return { asked, restore: () => Object.assign(win, saved) };
}

/** Enough of vscode.QuickPick for the page picker: the link is pasted as soon as it shows, then Enter. */
function pastingQuickPick(page: string | undefined) {
  const changed = new vscode.EventEmitter<string>();
  const accepted = new vscode.EventEmitter<void>();
  const hidden = new vscode.EventEmitter<void>();
  const qp = {
    items: [] as vscode.QuickPickItem[], selectedItems: [] as vscode.QuickPickItem[], activeItems: [] as vscode.QuickPickItem[],
    title: '', placeholder: '', value: '', busy: false, ignoreFocusOut: false, matchOnDetail: false, matchOnDescription: false,
    onDidChangeValue: changed.event, onDidAccept: accepted.event, onDidHide: hidden.event,
    show() {
      setTimeout(() => {
        if (!page) return hidden.fire();
        changed.fire((qp.value = page));
        qp.selectedItems = qp.items.slice(0, 1);
        accepted.fire();
      });
    },
    dispose() {},
    hide() { hidden.fire(); },
  };
  return qp;
}
