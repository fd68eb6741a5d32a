// A context key holding the contextValue of a tree view's selected item, so the command
// palette (and keybindings) can offer exactly the item actions its context menu shows:
// the menus' `viewItem =~ …` clauses read `<key> =~ …` in the palette. Empty when nothing is selected.
import * as vscode from 'vscode';
import { Disposable } from './disposable';

export class SelectionContext<T> extends Disposable {
  private last: string | undefined;

  constructor(
    private readonly key: string,
    private readonly treeView: vscode.TreeView<T>,
    private readonly contextOf: (element: T) => string | undefined,
  ) {
    super();
    this._register(treeView.onDidChangeSelection(() => this.update()));
  }

  /** Re-reads the selected item (its state may have changed); sets the key only when it changes. */
  update(): void {
    const selected = this.treeView.selection[0];
    const value = (selected !== undefined && this.contextOf(selected)) || '';
    if (value === this.last) return;
    this.last = value;
    void vscode.commands.executeCommand('setContext', this.key, value);
  }

  /** The value the key was last set to (for tests). */
  get value(): string {
    return this.last ?? '';
  }
}
