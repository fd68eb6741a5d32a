// The core words its user-facing messages with @vscode/l10n: English when unconfigured (plain
// Node, the node tier), the extension's bundle once configureL10n has run (see common/services.ts).
import * as l10n from '@vscode/l10n';

/** dist/core.js has its own copy of @vscode/l10n: the extension hands it the same bundle. */
export function configureL10n(contents: Record<string, string>): void {
  l10n.config({ contents });
}
