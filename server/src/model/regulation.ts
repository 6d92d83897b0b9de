// The typed regulation: units (parts, BAB, Bagian, Paragraf, Pasal, ayat, huruf, angka) with their
// effective numbers, numbering scopes and parents. Built from the syntax tree in one walk.

import {
  headingOf, normaliseKey, NodeKind, parse, ParseResult, parseArabic, parseLetter, parseOrdinal, parseRoman,
  SyntaxNode, trimWhere, UnitNumber,
} from '../syntax';

export type UnitKind = Exclude<NodeKind, 'document' | 'heading' | 'quote'>;

export interface TextRange {
  readonly start: number;
  readonly end: number;
}

export interface Unit {
  readonly id: number;
  readonly kind: UnitKind;
  /** The number the unit carries (repaired when the heading is OCR-damaged): "13", "IXA", "Kedua", "b". */
  readonly number: string | undefined;
  /** The number as written in the text: "B" for "Pasal B". */
  readonly writtenNumber: string | undefined;
  readonly parsed: UnitNumber | undefined;
  readonly title: string | undefined;
  readonly range: TextRange;
  /** The heading ("Pasal 5") or the label ("(1)", "a.") — where the unit is named. */
  readonly nameRange: TextRange;
  /** Just the number token (or the label token). */
  readonly numberRange: TextRange;
  readonly parent: Unit | undefined;
  readonly children: Unit[];
  /** Numbering scope: "main", "penjelasan", "lampiran", "pembukaan" or "quote:<n>". */
  readonly scope: string;
  /** Inside the quoted text of an amendment: it belongs to another regulation. */
  readonly quoted: boolean;
  readonly labelStyle: 'dot' | 'paren' | undefined;
  readonly damage: string | undefined;
  readonly artefact: boolean;
  /** Inside a Pasal whose list labels lost their text (pdftotext layout breakage): numbering there is not trusted. */
  unreliable: boolean;
  readonly node: SyntaxNode;
}

export interface Regulation {
  readonly text: string;
  readonly parse: ParseResult;
  /** Top-level units: the parts of the regulation. */
  readonly roots: Unit[];
  /** Every unit in document order. */
  readonly units: Unit[];
  /** Pasal of the batang tubuh by number key ("5a" for 5A); more than one means a duplicate. */
  readonly pasalIndex: Map<string, Unit[]>;
  /** The Menimbang section, whose huruf "sebagaimana dimaksud dalam huruf a" points at. */
  readonly konsiderans: Unit | undefined;
  /** An amending regulation (Pasal I, Pasal II): its Arabic references point at the amended text. */
  readonly amending: boolean;
  /** Share of Pasal headings found mid-line: scraped text whose lists are read with less confidence. */
  readonly inlineRatio: number;
  /** The batang tubuh quotes amended text (amending or omnibus law): its Penjelasan follows that structure. */
  readonly amendsOthers: boolean;
  /** pdftotext separated list labels from their text somewhere in the document. */
  readonly layoutBroken: boolean;
}

const UNIT_KINDS = new Set<string>([
  'judul', 'pembukaan', 'batang-tubuh', 'penutup', 'penjelasan', 'lampiran',
  'konsiderans', 'dasar-hukum', 'memperhatikan', 'diktum', 'penjelasan-umum', 'penjelasan-pasal',
  'buku', 'bab', 'bagian', 'paragraf', 'pasal', 'ayat', 'huruf', 'angka',
]);

export function buildRegulation(text: string, parsed: ParseResult = parse(text)): Regulation {
  const units: Unit[] = [];
  const roots: Unit[] = [];
  let quoteCount = 0;
  let konsiderans: Unit | undefined;

  const visit = (node: SyntaxNode, parent: Unit | undefined, scope: string, quoted: boolean): void => {
    for (const child of node.children) {
      if (child.type !== 'node') continue;
      if (child.kind === 'quote') {
        quoteCount++;
        visit(child, parent, `quote:${quoteCount}`, true);
        continue;
      }
      if (!UNIT_KINDS.has(child.kind)) continue;
      const kind = child.kind as UnitKind;
      const childScope = scopeOf(kind, scope);
      const unit = makeUnit(text, child, kind, units.length, parent, childScope, quoted);
      units.push(unit);
      if (parent) parent.children.push(unit);
      else roots.push(unit);
      if (kind === 'konsiderans' && !konsiderans) konsiderans = unit;
      visit(child, unit, childScope, quoted);
    }
  };
  visit(parsed.root, undefined, 'main', false);

  const pasalIndex = new Map<string, Unit[]>();
  let amending = false;
  for (const unit of units) {
    if (unit.kind !== 'pasal' || unit.scope !== 'main' || unit.number === undefined) continue;
    const key = normaliseKey(unit.number);
    const list = pasalIndex.get(key);
    if (list) list.push(unit);
    else pasalIndex.set(key, [unit]);
    if (unit.parsed?.style === 'roman') amending = true;
  }
  markLayoutBreakage(text, units);
  const mainPasal = units.filter((unit) => unit.kind === 'pasal' && unit.scope === 'main' && !unit.quoted);
  const inlineRatio = mainPasal.length === 0 ? 0 : mainPasal.filter((unit) => unit.node.info.inline).length / mainPasal.length;
  const layoutBroken = units.some((unit) => unit.unreliable);
  const amendsOthers = amending || units.some((unit) => unit.quoted);
  return { text, parse: parsed, roots, units, pasalIndex, konsiderans, amending, amendsOthers, inlineRatio, layoutBroken };
}

/** Labels standing alone ("(3)" on a line by itself, its text elsewhere) mean the layout was broken:
 *  in that Pasal, or — when it happens throughout — in the whole document, list numbering is not trusted. */
function markLayoutBreakage(text: string, units: Unit[]): void {
  const labels = units.filter((unit) => (unit.kind === 'ayat' || unit.kind === 'huruf' || unit.kind === 'angka') && !unit.quoted);
  const alone = labels.filter((unit) => unit.children.length === 0 && text.slice(unit.numberRange.end, unit.range.end).trim().length === 0);
  if (alone.length >= 3 && alone.length >= labels.length * 0.03) {
    for (const unit of units) if (unit.kind === 'pasal' || labels.includes(unit)) unit.unreliable = true;
    return;
  }
  for (const unit of units) {
    if (unit.kind !== 'pasal') continue;
    let empty = 0;
    const stack = [...unit.children];
    while (stack.length > 0) {
      const child = stack.pop()!;
      if (child.children.length === 0 && text.slice(child.numberRange.end, child.range.end).trim().length === 0) empty++;
      stack.push(...child.children);
    }
    if (empty >= 2 || (empty >= 1 && unit.children.length <= 2)) {
      const mark = (target: Unit): void => {
        target.unreliable = true;
        target.children.forEach(mark);
      };
      mark(unit);
    }
  }
}

function scopeOf(kind: UnitKind, inherited: string): string {
  if (inherited.startsWith('quote:')) return inherited;
  switch (kind) {
    case 'judul':
    case 'pembukaan':
      return 'pembukaan';
    case 'batang-tubuh':
    case 'penutup':
      return 'main';
    case 'penjelasan':
      return 'penjelasan';
    case 'lampiran':
      return 'lampiran';
    default:
      return inherited;
  }
}

function makeUnit(text: string, node: SyntaxNode, kind: UnitKind, id: number, parent: Unit | undefined, scope: string, quoted: boolean): Unit {
  const heading = headingOf(node);
  const numberToken = findToken(node, heading, 'number') ?? findToken(node, undefined, 'label');
  const written = node.info.numberText;
  const effective = node.info.repairedNumber ?? written;
  const parsedNumber = effective === undefined ? undefined : parseNumberFor(kind, effective, node.info.labelStyle);
  const number = parsedNumber?.text ?? effective;
  let title: string | undefined;
  if (heading) {
    const pieces: string[] = [];
    for (const child of heading.children) if (child.type === 'token' && child.kind === 'title') pieces.push(text.slice(child.start, child.end));
    const spaced = pieces.join(' ').replace(/\s+/g, ' ');
    const joined = trimWhere(spaced, (code) => code === 32 || code === 46 || code === 58 || code === 42 || code === 45, (code) => code === 32 || code === 42);
    if (joined) title = joined;
  }
  // The name starts at the heading or label itself, after any markdown bullet that leads the line.
  const firstName = node.children.find((child) => child.type === 'node' ? child.kind === 'heading' : child.kind === 'keyword' || child.kind === 'label');
  const nameStart = firstName ? firstName.start : node.start;
  const nameEnd = heading ? lastTokenEnd(heading, ['number']) ?? heading.end : numberToken?.end ?? node.start;
  return {
    id,
    kind,
    number,
    writtenNumber: written,
    parsed: parsedNumber,
    title,
    range: { start: Math.min(nameStart, node.end), end: node.end },
    nameRange: { start: nameStart, end: Math.max(nameStart, nameEnd) },
    numberRange: numberToken ? { start: numberToken.start, end: numberToken.end } : { start: nameStart, end: nameEnd },
    parent,
    children: [],
    scope,
    quoted,
    labelStyle: node.info.labelStyle,
    damage: node.info.damage,
    artefact: node.info.artefact === true,
    unreliable: false,
    node,
  };
}

function findToken(node: SyntaxNode, heading: SyntaxNode | undefined, kind: 'number' | 'label'): { start: number; end: number } | undefined {
  const container = heading ?? node;
  for (const child of container.children) if (child.type === 'token' && child.kind === kind) return child;
  return undefined;
}

function lastTokenEnd(node: SyntaxNode, kinds: string[]): number | undefined {
  let end: number | undefined;
  for (const child of node.children) if (child.type === 'token' && kinds.includes(child.kind)) end = child.end;
  return end;
}

export function parseNumberFor(kind: string, text: string, labelStyle?: 'dot' | 'paren'): UnitNumber | undefined {
  void labelStyle;
  switch (kind) {
    case 'bab':
      return parseRoman(text.toUpperCase());
    case 'bagian':
    case 'buku':
      return parseOrdinal(text);
    case 'paragraf':
      return parseArabic(text.toUpperCase());
    case 'pasal':
      return parseArabic(text.toUpperCase()) ?? parseRoman(text.toUpperCase());
    case 'ayat':
      return parseArabic(text.toLowerCase(), false);
    case 'huruf':
      return parseLetter(text.toLowerCase());
    case 'angka':
      return parseArabic(text.toLowerCase(), false);
    default:
      return undefined;
  }
}

/** The innermost unit whose range contains `offset` (units are nested, so a descent suffices). */
export function unitAt(regulation: Regulation, offset: number): Unit | undefined {
  let candidates = regulation.roots;
  let found: Unit | undefined;
  for (;;) {
    const next = binaryFind(candidates, offset);
    if (!next) return found;
    found = next;
    candidates = next.children;
  }
}

function binaryFind(units: Unit[], offset: number): Unit | undefined {
  let low = 0;
  let high = units.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const unit = units[mid];
    if (offset < unit.range.start) high = mid - 1;
    else if (offset >= unit.range.end && !(offset === unit.range.end && mid === units.length - 1)) low = mid + 1;
    else return unit;
  }
  return undefined;
}

export function ancestor(unit: Unit | undefined, kind: UnitKind): Unit | undefined {
  let current = unit;
  while (current && current.kind !== kind) current = current.parent;
  return current;
}

/** "Pasal 5 ayat (2) huruf b" — how a unit is cited. */
export function citation(unit: Unit): string {
  const parts: string[] = [];
  let current: Unit | undefined = unit;
  while (current) {
    if (current.kind === 'pasal' || current.kind === 'ayat' || current.kind === 'huruf' || current.kind === 'angka') parts.unshift(unitName(current));
    if (current.kind === 'pasal') break;
    current = current.parent;
  }
  return parts.join(' ');
}

export function unitName(unit: Unit): string {
  const number = unit.number ?? '?';
  switch (unit.kind) {
    case 'pasal':
      return `Pasal ${number}`;
    case 'ayat':
      return `ayat (${number})`;
    case 'huruf':
      return `huruf ${number}`;
    case 'angka':
      return `angka ${number}`;
    case 'bab':
      return `BAB ${number}`;
    case 'buku':
      return `BUKU ${number}`;
    case 'bagian':
      return `Bagian ${number}`;
    case 'paragraf':
      return `Paragraf ${number}`;
    default:
      return unit.kind;
  }
}

/** The unit's own text (without its children), trimmed, for hovers and completion details. */
export function ownText(regulation: Regulation, unit: Unit, limit = 400): string {
  const end = unit.children.length > 0 ? unit.children[0].range.start : unit.range.end;
  const start = unit.numberRange.end;
  return regulation.text.slice(start, Math.min(end, start + limit)).replace(/\s+/g, ' ').trim();
}
