// What the server advertises in its initialize result. One place, so the protocol tests can check that
// every advertised capability answers.

import { CodeActionKind, ServerCapabilities, TextDocumentSyncKind } from 'vscode-languageserver';
import type { SemanticKind } from '../features/semantic-tokens';

/** The semantic token legend: the kinds semantic-tokens.ts produces (package.json declares them for VS Code). */
const TOKEN_TYPES: Record<SemanticKind, number> = { reference: 0, danglingReference: 1, externalReference: 2, heading: 3, label: 4 };
export const SEMANTIC_TOKEN_TYPES: readonly SemanticKind[] = (Object.keys(TOKEN_TYPES) as SemanticKind[]).sort((a, b) => TOKEN_TYPES[a] - TOKEN_TYPES[b]);

/** Client-side command a code lens runs to show the citing places (the VS Code client registers it). */
export const SHOW_REFERENCES_COMMAND = 'perwal.showReferences';

/**
 * `pullDiagnostics`: the client can pull (textDocument/diagnostic); otherwise diagnostics are pushed.
 * `resolveCodeActions`: the client resolves a code action's edit (codeAction/resolve) when the user picks it.
 */
export function serverCapabilities(options: { pullDiagnostics?: boolean; resolveCodeActions?: boolean } = {}): ServerCapabilities {
  return {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    documentSymbolProvider: { label: 'Perwal' },
    workspaceSymbolProvider: true,
    definitionProvider: true,
    referencesProvider: true,
    hoverProvider: true,
    completionProvider: { triggerCharacters: [' ', '('], resolveProvider: false },
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll], resolveProvider: options.resolveCodeActions === true },
    codeLensProvider: { resolveProvider: false },
    renameProvider: { prepareProvider: true },
    foldingRangeProvider: true,
    selectionRangeProvider: true,
    semanticTokensProvider: { legend: { tokenTypes: [...SEMANTIC_TOKEN_TYPES], tokenModifiers: [] }, full: true, range: false },
    // One document's diagnostics never depend on another's.
    ...(options.pullDiagnostics ? { diagnosticProvider: { identifier: 'perwal', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
  };
}
