// What the server advertises in its initialize result. One place, so the protocol tests can check that
// every advertised capability answers.

import { CodeActionKind, ServerCapabilities, TextDocumentSyncKind } from 'vscode-languageserver';

/** Client-side command a code lens runs to show the citing places (the VS Code client registers it). */
export const SHOW_REFERENCES_COMMAND = 'perwal.showReferences';

export function serverCapabilities(): ServerCapabilities {
  return {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    documentSymbolProvider: { label: 'Perwal' },
    definitionProvider: true,
    referencesProvider: true,
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll], resolveProvider: false },
    renameProvider: { prepareProvider: true },
  };
}
