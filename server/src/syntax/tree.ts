// The lossless syntax tree. Every character of the source belongs to exactly one token, in order,
// so concatenating the tokens' text gives the source back (checked on every corpus file).
import { keepShape } from './shapes';

export type PartKind = 'judul' | 'pembukaan' | 'batang-tubuh' | 'penutup' | 'penjelasan' | 'lampiran';

export type SectionKind = 'konsiderans' | 'dasar-hukum' | 'memperhatikan' | 'diktum' | 'penjelasan-umum' | 'penjelasan-pasal';

export type UnitKind = 'buku' | 'bab' | 'bagian' | 'paragraf' | 'pasal' | 'ayat' | 'huruf' | 'angka';

export type NodeKind = 'document' | PartKind | SectionKind | UnitKind | 'heading' | 'quote';

export type TokenKind =
  | 'keyword' // Pasal, BAB, Bagian, Menimbang, Ayat (in Penjelasan)
  | 'number' // the number of a heading: 5, IXA, Kedua
  | 'label' // a list label: (1), a., 1., a), 1)
  | 'title' // the title of a BAB, Bagian, Paragraf
  | 'text'
  | 'decoration' // markdown bullets and emphasis around a heading or label
  | 'catchword' // a page catchword such as "Pasal 12 ..." at the foot of a pdftotext page
  | 'page-number'
  | 'comment' // a "%% perwal-disable…" suppression line: not regulation text
  | 'whitespace'
  | 'newline';

export interface SyntaxToken {
  readonly type: 'token';
  readonly kind: TokenKind;
  readonly start: number;
  readonly end: number;
}

/** A user-facing text in Bahasa Indonesia and English (features/messages.ts picks one). */
export interface Bilingual {
  readonly id: string;
  readonly en: string;
}

/** Extra facts the parser read off a heading or label; the model layer turns them into numbers and scopes. */
export interface NodeInfo {
  /** The number as written (after trimming decoration), e.g. "B" for the OCR-damaged "Pasal B". */
  numberText?: string;
  /** The number this unit most probably carries, when the written one is damaged (OCR) but the sequence tells. */
  repairedNumber?: string;
  /** Why the heading or label is considered damaged, in plain words ("keyword 'asal' read as 'Pasal'"). */
  damage?: Bilingual;
  /** List label style, for huruf/angka: "a." is dot, "a)" is paren. */
  labelStyle?: 'dot' | 'paren';
  /** The heading or label started in the middle of a line (inline headings in scraped text). */
  inline?: boolean;
  /** For quotes: the unit names the amendment instruction announced (e.g. "pasal:6"). */
  announced?: string[];
  /** The line repeats the previous line verbatim: a scraper duplicate rather than a drafting defect. */
  artefact?: boolean;
  /** A Penjelasan label heading a run of labels ("Huruf a s/d c"): the last label of the run, as written ("c"). */
  rangeEnd?: string;
  /**
   * A unit opened by a label printed apart, in a label column (syntax/label-column.ts): where its label stands,
   * relative to the unit's start (before it: negative), and where it ends.
   */
  columnLabel?: number;
  columnLabelEnd?: number;
  /**
   * A Pasal whose "(1)" pdftotext printed alone just before its heading (the end of a label column on the page
   * before): its first paragraph is that ayat, and a column on the next page may go on from "(2)".
   */
  firstAyatBefore?: boolean;
}

export interface SyntaxNode {
  readonly type: 'node';
  kind: NodeKind;
  start: number;
  end: number;
  readonly children: SyntaxElement[];
  info: NodeInfo;
}

export type SyntaxElement = SyntaxNode | SyntaxToken;

/**
 * Every node is made here, its fields always in this order: V8 then gives all nodes one hidden class. A copy
 * made with an object spread had another, so code compiled for the tree was thrown away ("wrong map") at the
 * first re-parse after it had been optimised, and the next structural keystrokes ran unoptimised.
 */
/**
 * A token as the parser makes it: its `type` lives on the prototype, not in each of the ~34,000 tokens of a
 * 1.3 MB law (8 bytes apiece, 0.2× the document's bytes of the memory target).
 */
class Token implements SyntaxToken {
  declare readonly type: 'token';
  constructor(readonly kind: TokenKind, readonly start: number, readonly end: number) {}
}
(Token.prototype as { type: string }).type = 'token';
// With no document open no token lives: keep one, or V8 drops the class's code (syntax/shapes.ts).
keepShape(new Token('text', 0, 0));

export function makeToken(kind: TokenKind, start: number, end: number): SyntaxToken {
  return new Token(kind, start, end);
}

export function makeNode(kind: NodeKind, start: number, end: number, children: SyntaxElement[], info: NodeInfo): SyntaxNode {
  return { type: 'node', kind, start, end, children, info };
}

export type SyntaxErrorCode = 'malformed-heading' | 'repeated-line';

export interface SyntaxError {
  readonly code: SyntaxErrorCode;
  readonly start: number;
  readonly end: number;
  readonly message: Bilingual;
}

export interface ParseResult {
  readonly source: string;
  readonly root: SyntaxNode;
  readonly errors: SyntaxError[];
}

export function isNode(element: SyntaxElement): element is SyntaxNode {
  return element.type === 'node';
}

/** Visits every node depth-first, parents before children. */
export function walkNodes(node: SyntaxNode, visit: (node: SyntaxNode, parent: SyntaxNode | undefined) => void, parent?: SyntaxNode): void {
  const stack: Array<[SyntaxNode, SyntaxNode | undefined]> = [[node, parent]];
  while (stack.length > 0) {
    const [current, currentParent] = stack.pop()!;
    visit(current, currentParent);
    for (let i = current.children.length - 1; i >= 0; i--) {
      const child = current.children[i];
      if (child.type === 'node') stack.push([child, current]);
    }
  }
}

/** All tokens in source order. */
export function tokensOf(node: SyntaxNode): SyntaxToken[] {
  const out: SyntaxToken[] = [];
  const stack: SyntaxElement[] = [node];
  while (stack.length > 0) {
    const element = stack.pop()!;
    if (element.type === 'token') out.push(element);
    else for (let i = element.children.length - 1; i >= 0; i--) stack.push(element.children[i]);
  }
  return out;
}

export function headingOf(node: SyntaxNode): SyntaxNode | undefined {
  const first = node.children.find((child) => child.type === 'node' && child.kind === 'heading');
  return first as SyntaxNode | undefined;
}

export function tokenOfKind(node: SyntaxNode, kind: TokenKind): SyntaxToken | undefined {
  for (const child of node.children) {
    if (child.type === 'token' && child.kind === kind) return child;
  }
  return undefined;
}

/** Tokens that carry no structure (running text, line breaks, spacing): what a relaxed re-parse may split or join. */
export function isSoftToken(element: SyntaxElement): boolean {
  return element.type === 'token' && (element.kind === 'text' || element.kind === 'newline' || element.kind === 'whitespace');
}

/** The first `count` children are headings and tokens other than text and labels: the node has no content yet
 *  (how the parser tells a repeated heading; syntax/reparse.ts compares it at a relaxed convergence point). */
export function withoutContent(children: readonly SyntaxElement[], count = children.length): boolean {
  for (let i = 0; i < count; i++) {
    const child = children[i];
    if (child.type === 'node' ? child.kind !== 'heading' : child.kind === 'text' || child.kind === 'label') return false;
  }
  return true;
}
