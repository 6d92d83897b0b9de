// Semantic tokens: headings (keywords, numbers and titles: "Pasal 5", "BAB I", "KETENTUAN UMUM",
// "Menimbang"), list labels ("(1)", "a."), and cross-references coloured by what they resolve to.
// Sorted, non-overlapping, and never crossing a line break (a reference wrapped over two lines gives two
// tokens), which is what the LSP relative encoding needs.

import { Analysis } from './analysis';
import { RefStatus, TextRange } from '../model';
import { SyntaxNode } from '../syntax';

export type SemanticKind = 'reference' | 'danglingReference' | 'externalReference' | 'heading' | 'label';

export interface SemanticToken {
  readonly start: number;
  readonly end: number;
  readonly kind: SemanticKind;
}

const REFERENCE_KIND: Record<RefStatus, SemanticKind> = {
  resolved: 'reference',
  ambiguous: 'reference',
  dangling: 'danglingReference',
  external: 'externalReference',
  // Unchecked references point into another (amended or cited) regulation.
  unchecked: 'externalReference',
};

export function semanticTokens(analysis: Analysis): SemanticToken[] {
  const text = analysis.text;
  const raw: SemanticToken[] = [];
  collectStructure(analysis.regulation.parse.root, false, raw);
  for (const reference of analysis.references) {
    for (const item of reference.items) raw.push({ start: item.range.start, end: item.range.end, kind: REFERENCE_KIND[item.status] });
  }
  raw.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged = mergeAdjacent(text, removeOverlaps(raw));
  return merged.flatMap((token) => splitLines(text, token));
}

function collectStructure(node: SyntaxNode, inHeading: boolean, out: SemanticToken[]): void {
  for (const child of node.children) {
    if (child.type === 'node') {
      collectStructure(child, inHeading || child.kind === 'heading', out);
      continue;
    }
    if (child.kind === 'label') out.push({ start: child.start, end: child.end, kind: 'label' });
    else if (child.kind === 'keyword' || (inHeading && (child.kind === 'number' || child.kind === 'title'))) out.push({ start: child.start, end: child.end, kind: 'heading' });
  }
}

/** Drops what starts inside an earlier token, and trims what overlaps its end. */
function removeOverlaps(tokens: SemanticToken[]): SemanticToken[] {
  const out: SemanticToken[] = [];
  let end = 0;
  for (const token of tokens) {
    const start = Math.max(token.start, end);
    if (start >= token.end) continue;
    out.push({ start, end: token.end, kind: token.kind });
    end = token.end;
  }
  return out;
}

/** "Pasal" + " " + "5" → one heading token; only spaces or tabs in between, same kind. */
function mergeAdjacent(text: string, tokens: SemanticToken[]): SemanticToken[] {
  const out: SemanticToken[] = [];
  for (const token of tokens) {
    const last = out[out.length - 1];
    if (last && last.kind === 'heading' && token.kind === 'heading' && /^[ \t]*$/.test(text.slice(last.end, token.start))) {
      out[out.length - 1] = { start: last.start, end: token.end, kind: last.kind };
    } else {
      out.push(token);
    }
  }
  return out;
}

function splitLines(text: string, token: SemanticToken): SemanticToken[] {
  const out: SemanticToken[] = [];
  let start = token.start;
  for (let i = token.start; i <= token.end; i++) {
    const c = i < token.end ? text.charCodeAt(i) : -1;
    if (c === 10 || c === 13 || c === -1) {
      const piece: TextRange = trimSpaces(text, start, i);
      if (piece.end > piece.start) out.push({ start: piece.start, end: piece.end, kind: token.kind });
      start = i + 1;
    }
  }
  return out;
}

function trimSpaces(text: string, start: number, end: number): TextRange {
  while (start < end && (text[start] === ' ' || text[start] === '\t')) start++;
  while (end > start && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return { start, end };
}
