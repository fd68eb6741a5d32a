// Hands the runtime bundle VS Code loaded for the display language (l10n/bundle.l10n.<lang>.json)
// to @vscode/l10n, which words the strings of code that cannot import vscode (src/core and the
// UI helpers tested under plain Node). extension.ts imports this module first, so strings built
// while the other modules load are worded in the display language too.
import * as vscode from 'vscode';
import * as l10n from '@vscode/l10n';

if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
