// The pure language service façade: plain data in, plain data out; no LSP, no I/O.
// One analysis per document version (analysis.ts) feeds every feature; each feature is one file.
export * from './analysis';
export * from './diagnostics';
export * from './messages';
export * from './outline';
export * from './line-index';
export { definition, type LocationLink } from './definition';
export { referencesTo, citationCounts, citations, citationsOf } from './find-references';
export { hover, type Hover } from './hover';
export { completions, type CompletionItem } from './completion';
export { codeLenses, lensPlaces, LENS_PLACES, type CodeLens } from './code-lens';
export { semanticTokens, type SemanticKind, type SemanticToken } from './semantic-tokens';
export { workspaceSymbols, type WorkspaceSymbol } from './workspace-symbols';
export { foldingRanges, type FoldingRange } from './folding';
export { selectionRanges } from './selection-ranges';
export { codeActions, fixAll, type CodeAction } from './code-actions';
export { renumberFrom } from './renumber';
export { prepareRename, rename } from './rename';
export { applySuppressions, findSuppressions } from './suppressions';
export { applyEdits, type TextEdit } from './edits';
