// Plain data from the pure layers → LSP types. Every offset goes through PositionIndex (positions.ts);
// messages are picked in the user's language here, at the edge.

import {
  CodeAction, CodeActionKind, CodeLens, CompletionItem, CompletionItemKind, Diagnostic as LspDiagnostic,
  DiagnosticSeverity, DocumentSymbol, FoldingRange, FoldingRangeKind, Hover, InsertTextFormat, LocationLink,
  Location, MarkupKind, Range, SelectionRange, SymbolInformation, SymbolKind, TextEdit as LspTextEdit, WorkspaceEdit,
} from 'vscode-languageserver';
import type { Diagnostic, Severity } from '../features/diagnostics';
import { Locale, Message, pick } from '../features/messages';
import type { OutlineNode } from '../features/outline';
import { OffsetRange, PositionIndex } from './positions';

export const SOURCE = 'perwal';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(diagnostic: Diagnostic, uri: string, positions: PositionIndex, locale: Locale): LspDiagnostic {
  return {
    range: positions.range(diagnostic.range),
    severity: SEVERITY[diagnostic.severity] ?? DiagnosticSeverity.Warning,
    code: diagnostic.code,
    source: SOURCE,
    message: pick(diagnostic.message, locale),
    relatedInformation: diagnostic.related.map((related) => ({
      location: { uri, range: positions.range(related.range) },
      message: pick(related.message, locale),
    })),
  };
}

// ---- outline → document symbols ------------------------------------------------------------------

const PARTS = new Set([
  'judul', 'pembukaan', 'batang-tubuh', 'penutup', 'penjelasan', 'lampiran', 'konsiderans', 'dasar-hukum',
  'memperhatikan', 'diktum', 'penjelasan-umum', 'penjelasan-pasal',
]);

export function symbolKindOf(kind: string): SymbolKind {
  if (PARTS.has(kind)) return SymbolKind.Namespace;
  switch (kind) {
    case 'buku':
    case 'bab':
      return SymbolKind.Module;
    case 'bagian':
    case 'paragraf':
      return SymbolKind.Package;
    case 'pasal':
      return SymbolKind.Class;
    case 'ayat':
      return SymbolKind.Field;
    case 'huruf':
    case 'angka':
      return SymbolKind.EnumMember;
    default:
      return SymbolKind.Object;
  }
}

/**
 * The outline as hierarchical symbols. The Batang Tubuh is the document: its BABs (or Pasal) are the top
 * level, as readers and every outline view expect; the parts after it (Penutup, Penjelasan, Lampiran) follow
 * as namespaces. The Judul and Pembukaan before it are left out so the outline opens on BAB I.
 * A document without a Batang Tubuh (a fragment) shows all its parts.
 */
export function toDocumentSymbols(roots: readonly OutlineNode[], positions: PositionIndex): DocumentSymbol[] {
  const bodyIndex = roots.findIndex((node) => node.kind === 'batang-tubuh');
  const shown = bodyIndex < 0 ? roots : [...roots[bodyIndex].children, ...roots.slice(bodyIndex + 1)];
  return shown.map((node) => toSymbol(node, positions));
}

/** For clients without hierarchical symbol support: the same symbols, flat, each naming its container. */
export function flattenSymbols(symbols: readonly DocumentSymbol[], uri: string, container?: string): SymbolInformation[] {
  return symbols.flatMap((symbol) => [
    { name: symbol.name, kind: symbol.kind, location: { uri, range: symbol.range }, containerName: container },
    ...flattenSymbols(symbol.children ?? [], uri, symbol.name),
  ]);
}

function toSymbol(node: OutlineNode, positions: PositionIndex): DocumentSymbol {
  const range = positions.range(node.range);
  // Clients reject a selection range outside the full range, and an empty name.
  const inside = node.selectionRange.start >= node.range.start && node.selectionRange.end <= node.range.end;
  const selectionRange = inside ? positions.range(node.selectionRange) : positions.range({ start: node.range.start, end: node.range.start });
  return {
    name: node.name.trim() || node.kind || '?',
    detail: node.detail || undefined,
    kind: symbolKindOf(node.kind),
    range,
    selectionRange,
    children: node.children.map((child) => toSymbol(child, positions)),
  };
}

// ---- navigation ---------------------------------------------------------------------------------

export interface PlainLink {
  readonly originRange: OffsetRange;
  readonly targetRange: OffsetRange;
  readonly targetSelectionRange: OffsetRange;
}

export function toLocationLinks(links: readonly PlainLink[], uri: string, positions: PositionIndex): LocationLink[] {
  return links.map((link) => ({
    originSelectionRange: positions.range(link.originRange),
    targetUri: uri,
    targetRange: positions.range(link.targetRange),
    targetSelectionRange: positions.range(within(link.targetSelectionRange, link.targetRange)),
  }));
}

/** For clients without LocationLink support. */
export function toLocations(links: readonly LocationLink[]): Location[] {
  return links.map((link) => ({ uri: link.targetUri, range: link.targetSelectionRange }));
}

function within(inner: OffsetRange, outer: OffsetRange): OffsetRange {
  return inner.start >= outer.start && inner.end <= outer.end ? inner : { start: outer.start, end: outer.start };
}

export function toHover(hover: { range: OffsetRange; markdown: string } | undefined, positions: PositionIndex): Hover | null {
  if (!hover) return null;
  return { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: positions.range(hover.range) };
}

// ---- completion ---------------------------------------------------------------------------------

const COMPLETION_KIND: Record<string, CompletionItemKind> = {
  pasal: CompletionItemKind.Class,
  ayat: CompletionItemKind.Field,
  huruf: CompletionItemKind.EnumMember,
  angka: CompletionItemKind.EnumMember,
  bab: CompletionItemKind.Module,
  bagian: CompletionItemKind.Module,
  paragraf: CompletionItemKind.Module,
  /** The next heading number at the start of a line. */
  number: CompletionItemKind.Value,
};

export interface PlainCompletion {
  readonly label: string;
  readonly kind?: string;
  readonly detail?: string;
  readonly insertText?: string;
  readonly sortText?: string;
}

export function toCompletionItem(item: PlainCompletion): CompletionItem {
  return {
    label: item.label,
    kind: (item.kind && COMPLETION_KIND[item.kind]) || CompletionItemKind.Reference,
    detail: item.detail,
    insertText: item.insertText,
    insertTextFormat: InsertTextFormat.PlainText,
    sortText: item.sortText,
  };
}

// ---- edits ----------------------------------------------------------------------------------------

export interface PlainEdit {
  readonly range: OffsetRange;
  readonly newText: string;
}

export function toTextEdits(edits: readonly PlainEdit[], positions: PositionIndex): LspTextEdit[] {
  return edits.map((edit) => ({ range: positions.range(edit.range), newText: edit.newText }));
}

/** A workspace edit for one document; versioned when the client supports documentChanges. */
export function toWorkspaceEdit(edits: readonly PlainEdit[], uri: string, version: number, positions: PositionIndex, versioned: boolean): WorkspaceEdit {
  const textEdits = toTextEdits(edits, positions);
  if (versioned) return { documentChanges: [{ textDocument: { uri, version }, edits: textEdits }] };
  return { changes: { [uri]: textEdits } };
}

export interface PlainCodeAction {
  readonly title: Message;
  readonly kind: 'quickfix' | 'source.fixAll' | string;
  readonly diagnostic?: Diagnostic;
  readonly edits: readonly PlainEdit[];
  readonly isPreferred?: boolean;
  /** Offered without its edits: the client asks for them (codeAction/resolve, with `data`) when the user picks it. */
  readonly deferred?: boolean;
  readonly data?: unknown;
}

export interface EditContext {
  readonly uri: string;
  readonly version: number;
  readonly positions: PositionIndex;
  readonly locale: Locale;
  readonly versioned: boolean;
}

export function toCodeAction(action: PlainCodeAction, context: EditContext): CodeAction {
  const kind = action.kind === 'quickfix' ? CodeActionKind.QuickFix : action.kind === 'source.fixAll' ? CodeActionKind.SourceFixAll : action.kind;
  return {
    title: pick(action.title, context.locale),
    kind,
    diagnostics: action.diagnostic ? [toDiagnostic(action.diagnostic, context.uri, context.positions, context.locale)] : undefined,
    isPreferred: action.isPreferred || undefined,
    // A deferred action carries what codeAction/resolve needs to give its edit.
    ...(action.deferred ? { data: action.data } : { edit: toWorkspaceEdit(action.edits, context.uri, context.version, context.positions, context.versioned) }),
  };
}

// ---- structure ------------------------------------------------------------------------------------

/** Offset ranges → line ranges; a range ending at the start of a line ends on the line before. */
export function toFoldingRanges(ranges: readonly { start: number; end: number; kind?: string }[], positions: PositionIndex): FoldingRange[] {
  const out: FoldingRange[] = [];
  for (const range of ranges) {
    const startLine = positions.positionAt(range.start).line;
    const end = positions.positionAt(range.end);
    const endLine = end.character === 0 && end.line > startLine ? end.line - 1 : end.line;
    if (endLine <= startLine) continue;
    const kind = range.kind === 'comment' ? FoldingRangeKind.Comment : range.kind === 'imports' ? FoldingRangeKind.Imports : range.kind === 'region' ? FoldingRangeKind.Region : undefined;
    out.push(kind ? { startLine, endLine, kind } : { startLine, endLine });
  }
  return out;
}

/** Innermost-first offset ranges per position → linked SelectionRanges (parents must contain children). */
export function toSelectionRange(chain: readonly OffsetRange[], at: number, positions: PositionIndex): SelectionRange {
  let result: SelectionRange | undefined;
  let previous: OffsetRange | undefined;
  for (const range of [...chain].reverse()) {
    if (previous && (range.start < previous.start || range.end > previous.end)) continue;
    if (previous && range.start === previous.start && range.end === previous.end) continue;
    result = { range: positions.range(range), parent: result };
    previous = range;
  }
  return result ?? { range: positions.range({ start: at, end: at }) };
}

export function toCodeLens(lens: { range: OffsetRange; unitId: number; count: number; title: string }, uri: string, positions: PositionIndex, locations: { uri: string; range: Range }[]): CodeLens {
  const range = positions.range(lens.range);
  return {
    range,
    command: lens.count > 0
      ? { title: lens.title, command: 'perwal.showReferences', arguments: [uri, range.start, locations] }
      : { title: lens.title, command: '' },
  };
}

// ---- semantic tokens ------------------------------------------------------------------------------

/** Tokens (any order, possibly spanning lines) → the LSP relative encoding: one token per line piece. */
export function toSemanticTokens(tokens: readonly { start: number; end: number; kind: string }[], legend: readonly string[], positions: PositionIndex): { data: number[] } {
  const data: number[] = [];
  const sorted = [...tokens].sort((a, b) => a.start - b.start || a.end - b.end);
  let previousLine = 0;
  let previousCharacter = 0;
  let coveredUntil = -1;
  for (const token of sorted) {
    const type = legend.indexOf(token.kind);
    if (type < 0 || token.end <= token.start || token.start < coveredUntil) continue;
    coveredUntil = token.end;
    for (const piece of positions.lineSegments(token)) {
      const deltaLine = piece.line - previousLine;
      const deltaCharacter = deltaLine === 0 ? piece.character - previousCharacter : piece.character;
      data.push(deltaLine, deltaCharacter, piece.length, type, 0);
      previousLine = piece.line;
      previousCharacter = piece.character;
    }
  }
  return { data };
}
