// The typed regulation: units (parts, BAB, Bagian, Paragraf, Pasal, ayat, huruf, angka) with their
// effective numbers, numbering scopes and parents. Built from the syntax tree in one walk.

import {
  Bilingual, keepShape, normaliseKey, NodeKind, parse, ParseResult, parseArabic, parseLetter, parseOrdinal, parseRoman, Shift,
  SyntaxElement, SyntaxNode, SyntaxToken, trimWhere, UnitNumber,
} from '../syntax';
import { isBlank, isJsWhitespace } from '../syntax/text';

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
  /** Why its heading or label is considered damaged (OCR), in both languages. */
  readonly damage: Bilingual | undefined;
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

/** The children of every leaf: one shared, frozen empty list (an empty array per leaf is 32 bytes × thousands).
 *  Lists of units in the model are read, never modified, by the features. */
export const NO_UNITS: Unit[] = Object.freeze([]) as unknown as Unit[];

const UNIT_KINDS = new Set<string>([
  'judul', 'pembukaan', 'batang-tubuh', 'penutup', 'penjelasan', 'lampiran',
  'konsiderans', 'dasar-hukum', 'memperhatikan', 'diktum', 'penjelasan-umum', 'penjelasan-pasal',
  'buku', 'bab', 'bagian', 'paragraf', 'pasal', 'ayat', 'huruf', 'angka',
]);

/**
 * What a model of the text before an edit can lend to the model after it, when the new tree shares that text's
 * nodes outside a re-parsed window (syntax/reparse.ts, restructure): the unit of a shared node is the old one,
 * moved and re-linked, instead of a new one. The previous regulation is consumed.
 */
export interface ModelReuse {
  readonly previous: Regulation;
  /** The nodes the re-parse made (their units are built anew); every other node of the tree is an old one. */
  readonly fresh: ReadonlySet<SyntaxNode>;
  /** Old offset → new, for the shared nodes (all before the edit or all after it). */
  readonly shift: Shift;
}

/** The units a rebuild with reuse made for fresh nodes, per regulation (see freshUnitsOf). */
const freshUnitsOf = new WeakMap<Regulation, readonly Unit[]>();

/**
 * The units of `regulation` whose nodes the re-parse made, when it was built reusing an older model (see
 * ModelReuse): every other unit is an old one, kept. Recorded by the rebuild, which looks at each such node
 * anyway, so that callers need not test every unit against the fresh set.
 */
export function freshUnits(regulation: Regulation): readonly Unit[] | undefined {
  return freshUnitsOf.get(regulation);
}

export function buildRegulation(text: string, parsed: ParseResult = parse(text), reuse?: ModelReuse): Regulation {
  const units: UnitRecord[] = [];
  const madeFresh: Unit[] = [];
  const roots: Unit[] = [];
  let quoteCount = 0;
  let konsiderans: Unit | undefined;
  const numbers = new NumberCache();
  // Old units in document order: a shared node's unit is the next one whose node it is (both walks are in order).
  const old = (reuse?.previous.units ?? NO_UNITS) as UnitRecord[];
  let cursor = 0;
  const oldUnitOf = (node: SyntaxNode): UnitRecord | undefined => {
    let at = cursor;
    while (at < old.length && old[at].node !== node) at++;
    if (at === old.length) return undefined;
    cursor = at + 1;
    return old[at];
  };

  const visit = (node: SyntaxNode, parent: UnitRecord | undefined, scope: string, quoted: boolean): void => {
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
      const isFresh = reuse !== undefined && reuse.fresh.has(child);
      const kept = reuse && !isFresh ? oldUnitOf(child) : undefined;
      let unit: UnitRecord;
      if (kept && kept.scope === childScope && kept.quoted === quoted && kept.quotesBefore === quoteCount) {
        // A shared node holds only shared nodes (the re-parse copies every node on the path to its window):
        // its units are the old ones in the same order, with the same scopes while the quotes before them
        // are as many as before. Taken whole, without walking the subtree again.
        const end = kept.id + kept.size;
        for (let at = kept.id; at < end; at++) {
          const inner = old[at];
          inner.keep(units.length, reuse!.shift);
          if (inner.kind === 'konsiderans' && !konsiderans) konsiderans = inner;
          units.push(inner);
        }
        cursor = end;
        quoteCount += kept.quotesInside;
        (kept as { parent: Unit | undefined }).parent = parent;
        unit = kept;
      } else {
        if (kept) kept.relink(units.length, parent, childScope, quoted, reuse!.shift);
        unit = kept ?? makeUnit(text, child, kind, units.length, parent, childScope, quoted, numbers);
        unit.quotesBefore = quoteCount;
        if (isFresh) madeFresh.push(unit);
        units.push(unit);
        if (kind === 'konsiderans' && !konsiderans) konsiderans = unit;
        visit(child, unit, childScope, quoted);
        unit.size = units.length - unit.id;
        unit.quotesInside = quoteCount - unit.quotesBefore;
        // A pushed-to array keeps room for 17 elements: the children lists are kept, so at their size.
        if (unit.children.length > 1) (unit as { children: Unit[] }).children = unit.children.slice();
      }
      if (!parent) roots.push(unit);
      else if (parent.children === NO_UNITS) (parent as { children: Unit[] }).children = [unit];
      else parent.children.push(unit);
    }
  };
  visit(parsed.root, undefined, 'main', false);

  const pasalIndex = new Map<string, Unit[]>();
  let amending = false;
  let mainPasal = 0;
  let inlinePasal = 0;
  let quotesOthers = false;
  for (const unit of units) {
    // A Lampiran's examples ("Contoh:") are quoted too, but quote no other regulation. (From the units, which a
    // rebuild with reuse lists whole, not from the walk, which skips the nodes it reuses.)
    if (unit.quoted && !quotesOthers && !inLampiran(unit)) quotesOthers = true;
    if (unit.kind !== 'pasal') continue;
    if (unit.scope === 'main' && !unit.quoted) {
      mainPasal++;
      if (unit.node.info.inline) inlinePasal++;
    }
    if (unit.scope !== 'main' || unit.number === undefined) continue;
    const key = normaliseKey(unit.number);
    const list = pasalIndex.get(key);
    if (list) list.push(unit);
    else pasalIndex.set(key, [unit]);
    if (unit.parsed?.style === 'roman') amending = true;
  }
  const layoutBroken = markLayoutBreakage(text, units);
  const inlineRatio = mainPasal === 0 ? 0 : inlinePasal / mainPasal;
  const amendsOthers = amending || quotesOthers;
  const regulation: Regulation = { text, parse: parsed, roots: roots.slice(), units: units.slice(), pasalIndex, konsiderans, amending, amendsOthers, inlineRatio, layoutBroken };
  if (reuse) freshUnitsOf.set(regulation, madeFresh);
  return regulation;
}

/** Where the title may stand: before the first "Menimbang", within this many characters. */
const TITLE_REACH = 800;
const TITLE_YEAR = /\bNOMOR[ \t\r\n]+\S{1,20}[ \t\r\n]+TAHUN[ \t\r\n]+([12][0-9]{3})\b/i;

/** The year the regulation's own title gives ("… NOMOR 14 TAHUN 2003 TENTANG …"): its first "Nomor … Tahun …". */
export function regulationYear(text: string): number | undefined {
  const menimbang = text.indexOf('Menimbang');
  const head = text.slice(0, menimbang >= 0 && menimbang < TITLE_REACH ? menimbang : TITLE_REACH);
  const match = TITLE_YEAR.exec(head);
  if (match) return Number(match[1]);
  // A scraped text that lost its title still names itself in its Penjelasan's header ("PENJELASAN ATAS
  // UNDANG-UNDANG REPUBLIK INDONESIA NOMOR 9 TAHUN 1985").
  for (let at = text.indexOf('PENJELASAN'); at >= 0; at = text.indexOf('PENJELASAN', at + 10)) {
    const header = text.slice(at, at + PENJELASAN_HEADER_REACH);
    if (!PENJELASAN_ATAS.test(header)) continue;
    const named = TITLE_YEAR.exec(header);
    return named ? Number(named[1]) : undefined;
  }
  return undefined;
}
const PENJELASAN_HEADER_REACH = 240;
const PENJELASAN_ATAS = /^PENJELASAN[ \t\r\n]+ATAS\b/;

/** Labels standing alone ("(3)" on a line by itself, its text elsewhere) mean the layout was broken:
 *  in that Pasal, or — when it happens throughout — in the whole document, list numbering is not trusted.
 *  Returns whether any unit was marked. Units are in document order with their descendants right after them. */
function markLayoutBreakage(text: string, units: UnitRecord[]): boolean {
  const count = units.length;
  // emptyBefore[i]: how many of units[0..i) have no children and no text of their own.
  const emptyBefore = new Int32Array(count + 1);
  let labels = 0;
  let alone = 0;
  for (let i = 0; i < count; i++) {
    const unit = units[i];
    const empty = unit.isEmpty(text);
    emptyBefore[i + 1] = emptyBefore[i] + (empty ? 1 : 0);
    if ((unit.kind === 'ayat' || unit.kind === 'huruf' || unit.kind === 'angka') && !unit.quoted) {
      labels++;
      if (empty) alone++;
    }
  }
  let marked = false;
  if (alone >= 3 && alone >= labels * 0.03) {
    for (const unit of units) {
      if (unit.kind === 'pasal' || ((unit.kind === 'ayat' || unit.kind === 'huruf' || unit.kind === 'angka') && !unit.quoted)) {
        unit.unreliable = true;
        marked = true;
      }
    }
    return marked;
  }
  for (let i = 0; i < count; i++) {
    const unit = units[i];
    if (unit.kind !== 'pasal') continue;
    const end = i + unit.size;
    const empty = emptyBefore[end] - emptyBefore[i + 1];
    if (empty >= 2 || (empty >= 1 && unit.children.length <= 2)) {
      for (let j = i; j < end; j++) units[j].unreliable = true;
      marked = true;
    }
  }
  return marked;
}

/** Numbers repeat ("(1)", "a."): one parsed number per kind and text, shared by the units that carry it. */
class NumberCache {
  private readonly byKind = new Map<string, Map<string, UnitNumber | null>>();

  get(kind: UnitKind, text: string): UnitNumber | undefined {
    let cache = this.byKind.get(kind);
    if (!cache) {
      cache = new Map();
      this.byKind.set(kind, cache);
    }
    let number = cache.get(text);
    if (number === undefined) {
      number = parseNumberFor(kind, text) ?? null;
      cache.set(text, number);
    }
    return number ?? undefined;
  }
}
// One cache per model build: kept alive so that V8 keeps its hidden class (syntax/shapes.ts).
keepShape(new NumberCache());

/** The unit stands in a Lampiran (its outermost unit is the part). */
function inLampiran(unit: Unit): boolean {
  return rootOf(unit).kind === 'lampiran';
}

/** The part (judul, batang tubuh, Penjelasan, Lampiran, …) a unit stands in: its outermost unit. */
export function rootOf(unit: Unit): Unit {
  let top = unit;
  while (top.parent) top = top.parent;
  return top;
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

/** The title of a heading (BAB, Bagian, Paragraf): its title tokens joined, spacing collapsed, decoration trimmed. */
export function headingTitle(text: string, heading: SyntaxNode): string | undefined {
  let pieces: string | undefined;
  for (const child of heading.children) {
    if (child.type !== 'token' || child.kind !== 'title') continue;
    const piece = text.slice(child.start, child.end);
    pieces = pieces === undefined ? piece : `${pieces} ${piece}`;
  }
  if (pieces === undefined) return undefined;
  const spaced = pieces.replace(/\s+/g, ' ');
  const joined = trimWhere(spaced, (code) => code === 32 || code === 46 || code === 58 || code === 42 || code === 45, (code) => code === 32 || code === 42);
  return joined || undefined;
}

function makeUnit(text: string, node: SyntaxNode, kind: UnitKind, id: number, parent: Unit | undefined, scope: string, quoted: boolean, numbers: NumberCache): UnitRecord {
  // One pass over the node's children: its heading, and where its name starts (the heading or label itself,
  // after any markdown bullet that leads the line).
  let heading: SyntaxNode | undefined;
  let firstName: SyntaxElement | undefined;
  for (const child of node.children) {
    if (child.type === 'node') {
      if (child.kind === 'heading') {
        heading = child;
        if (!firstName) firstName = child;
        break;
      }
    } else if (!firstName && (child.kind === 'keyword' || child.kind === 'label')) firstName = child;
  }
  let numberToken: SyntaxToken | undefined;
  let lastNumberEnd: number | undefined;
  let title: string | undefined;
  if (heading) {
    for (const child of heading.children) {
      if (child.type !== 'token' || child.kind !== 'number') continue;
      if (!numberToken) numberToken = child;
      lastNumberEnd = child.end;
    }
    title = headingTitle(text, heading);
  }
  // Without a heading, a number token directly in the node, else its label.
  if (!numberToken && !heading) numberToken = firstToken(node, 'number');
  if (!numberToken) numberToken = firstToken(node, 'label');
  const written = node.info.numberText;
  const effective = node.info.repairedNumber ?? written;
  const parsedNumber = effective === undefined ? undefined : numbers.get(kind, effective);
  const nameStart = firstName ? firstName.start : node.start;
  let nameEnd = heading ? lastNumberEnd ?? heading.end : numberToken?.end ?? node.start;
  let numberStart = numberToken ? numberToken.start : nameStart;
  let numberEnd = numberToken ? numberToken.end : nameEnd;
  // Its label printed apart, in a label column before the paragraph (syntax/label-column.ts): the number is that
  // label (what a renumbering edits); the unit is named where its paragraph starts, an empty range (findings show
  // there, beside the text the reader sees as the unit; editors mark the word). Not the first word: an edit in it
  // moves the paragraph's text, not its structure, and the name must move with the unit.
  if (!numberToken && !heading && node.info.columnLabel !== undefined) {
    numberStart = node.start + node.info.columnLabel;
    numberEnd = node.start + node.info.columnLabelEnd!;
    nameEnd = nameStart;
  }
  return new UnitRecord(
    id, kind, parsedNumber, title,
    Math.min(nameStart, node.end), node.end, nameStart, Math.max(nameStart, nameEnd), numberStart, numberEnd,
    parent, scope, quoted, node,
  );
}

/**
 * A unit as the model builds it. Its three ranges are kept as offsets and made into objects when read
 * (three objects per unit were a fifth of the model's memory); assigning a range stores its offsets.
 * The written number, label style, damage and artefact flag are its node's.
 */
// UnitRecord.flags: booleans packed in one field (a law has ~10,000 units; each field costs 8 bytes apiece).
const QUOTED = 1;
const UNRELIABLE = 2;
const EMPTY_KNOWN = 4;
const EMPTY = 8;

class UnitRecord implements Unit {
  readonly id: number;
  readonly kind: UnitKind;
  readonly parsed: UnitNumber | undefined;
  readonly title: string | undefined;
  private rangeStart: number;
  private rangeEnd: number;
  private nameStart: number;
  private nameEnd: number;
  private numberStart: number;
  private numberEnd: number;
  readonly parent: Unit | undefined;
  readonly children: Unit[];
  readonly scope: string;
  private flags: number;
  readonly node: SyntaxNode;
  /** Units in its subtree, itself included: its descendants follow it in the units list. */
  size = 1;
  /** Amendment quotes before it in the walk, and inside its subtree: the scopes "quote:<n>" are numbered by them. */
  quotesBefore = 0;
  quotesInside = 0;

  constructor(
    id: number, kind: UnitKind, parsed: UnitNumber | undefined, title: string | undefined,
    rangeStart: number, rangeEnd: number, nameStart: number, nameEnd: number, numberStart: number, numberEnd: number,
    parent: Unit | undefined, scope: string, quoted: boolean, node: SyntaxNode,
  ) {
    this.id = id;
    this.kind = kind;
    this.parsed = parsed;
    this.title = title;
    this.rangeStart = rangeStart;
    this.rangeEnd = rangeEnd;
    this.nameStart = nameStart;
    this.nameEnd = nameEnd;
    this.numberStart = numberStart;
    this.numberEnd = numberEnd;
    this.parent = parent;
    this.children = NO_UNITS;
    this.scope = scope;
    this.flags = quoted ? QUOTED : 0;
    this.node = node;
  }

  /** The number the unit carries (repaired when damaged): its parsed number's text, else as its node has it. */
  get number(): string | undefined {
    return this.parsed?.text ?? this.node.info.repairedNumber ?? this.node.info.numberText;
  }

  get quoted(): boolean {
    return (this.flags & QUOTED) !== 0;
  }

  get unreliable(): boolean {
    return (this.flags & UNRELIABLE) !== 0;
  }

  set unreliable(value: boolean) {
    this.flags = value ? this.flags | UNRELIABLE : this.flags & ~UNRELIABLE;
  }

  /** No children and no text of its own (layout breakage): fixed while its node is, so read once. */
  isEmpty(text: string): boolean {
    if ((this.flags & EMPTY_KNOWN) === 0) this.flags |= EMPTY_KNOWN | (this.children.length === 0 && isBlank(text, textStart(this), this.rangeEnd) ? EMPTY : 0);
    return (this.flags & EMPTY) !== 0;
  }

  /** Kept with its subtree after a structural edit (see ModelReuse): only renumbered and moved. */
  keep(id: number, shift: Shift): void {
    (this as { id: number }).id = id;
    this.unreliable = false;
    const { movedFrom, delta } = shift;
    if (delta === 0 || Math.min(this.rangeStart, this.nameStart, this.numberStart) >= movedFrom) {
      // After the edit (or an edit that moved nothing): every offset moves by the same amount.
      this.rangeStart += delta;
      this.rangeEnd += delta;
      this.nameStart += delta;
      this.nameEnd += delta;
      this.numberStart += delta;
      this.numberEnd += delta;
    } else {
      this.moveBy(shift);
    }
  }

  /** Reused after a structural edit (see ModelReuse), its subtree walked again: children are pushed again, the layout judged again. */
  relink(id: number, parent: Unit | undefined, scope: string, quoted: boolean, shift: Shift): void {
    const mutable = this as { -readonly [K in keyof UnitRecord]: UnitRecord[K] };
    mutable.id = id;
    mutable.parent = parent;
    mutable.scope = scope;
    mutable.children = NO_UNITS;
    // The layout judgement (EMPTY) stays: it reads the node, which a kept unit keeps.
    this.flags = (this.flags & (EMPTY_KNOWN | EMPTY)) | (quoted ? QUOTED : 0);
    this.moveBy(shift);
  }

  /** Moved over an edit that left the structure alone (model/shift.ts): a unit that ends before the edit stays. */
  shiftOver(editStart: number, shift: Shift): void {
    if (this.rangeEnd >= editStart) this.moveBy(shift);
  }

  private moveBy(shift: Shift): void {
    this.rangeStart = shift(this.rangeStart);
    this.rangeEnd = shift(this.rangeEnd);
    this.nameStart = shift(this.nameStart);
    this.nameEnd = shift(this.nameEnd);
    this.numberStart = shift(this.numberStart);
    this.numberEnd = shift(this.numberEnd);
  }

  // What the parser read off the heading or label, read from its node (the parser never changes it after).
  get writtenNumber(): string | undefined {
    return this.node.info.numberText;
  }

  get labelStyle(): 'dot' | 'paren' | undefined {
    return this.node.info.labelStyle;
  }

  get damage(): Bilingual | undefined {
    return this.node.info.damage;
  }

  get artefact(): boolean {
    return this.node.info.artefact === true;
  }

  get range(): TextRange {
    return { start: this.rangeStart, end: this.rangeEnd };
  }

  set range(value: TextRange) {
    this.rangeStart = value.start;
    this.rangeEnd = value.end;
  }

  get nameRange(): TextRange {
    return { start: this.nameStart, end: this.nameEnd };
  }

  set nameRange(value: TextRange) {
    this.nameStart = value.start;
    this.nameEnd = value.end;
  }

  get numberRange(): TextRange {
    return { start: this.numberStart, end: this.numberEnd };
  }

  set numberRange(value: TextRange) {
    this.numberStart = value.start;
    this.numberEnd = value.end;
  }
}

function firstToken(node: SyntaxNode, kind: 'number' | 'label'): SyntaxToken | undefined {
  for (const child of node.children) if (child.type === 'token' && child.kind === kind) return child;
  return undefined;
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

/**
 * `unit`'s offsets moved over an edit at `editStart` that left the structure alone, unless it ends before the
 * edit. Field by field: reading and assigning its ranges made six objects per unit after the edit.
 */
export function shiftUnit(unit: Unit, editStart: number, shift: Shift): void {
  // Every unit of a regulation is made by makeUnit().
  (unit as UnitRecord).shiftOver(editStart, shift);
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
  // A part or section itself ("huruf a" sought in the konsiderans): named by its keyword, never by nothing.
  return parts.length > 0 ? parts.join(' ') : SECTION_KEYWORDS[unit.kind] ?? unitName(unit);
}

const SECTION_KEYWORDS: Partial<Record<string, string>> = { konsiderans: 'Menimbang', 'dasar-hukum': 'Mengingat', memperhatikan: 'Memperhatikan', diktum: 'Menetapkan' };

export function unitName(unit: Unit): string {
  return unitNameWith(unit, unit.number);
}

/** How the unit would be named with another number ("Pasal 7" for a Pasal and "7"): no copy of the unit made. */
export function unitNameWith(unit: Pick<Unit, 'kind'>, written: string | undefined): string {
  const number = written ?? '?';
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

/**
 * Where the unit's own text starts: after its heading or label, or at its paragraph when its label stands apart in
 * a label column (syntax/label-column.ts: the number then lies before the unit).
 */
export function textStart(unit: Unit): number {
  return unit.node.info.columnLabel !== undefined ? unit.range.start : unit.numberRange.end;
}

/** The unit's own text (without its children), trimmed, for hovers and completion details. */
export function ownText(regulation: Regulation, unit: Unit, limit = 400): string {
  const end = unit.children.length > 0 ? unit.children[0].range.start : unit.range.end;
  const start = textStart(unit);
  return collapseSpaces(regulation.text, start, Math.min(end, start + limit));
}

/** text.slice(start, end).replace(/\s+/g, ' ').trim(), slicing only the words. */
function collapseSpaces(text: string, start: number, end: number): string {
  let out: string | undefined;
  let first = -1;
  let last = -1;
  let i = start;
  while (i < end) {
    while (i < end && isJsWhitespace(text.charCodeAt(i))) i++;
    if (i >= end) break;
    const wordStart = i;
    while (i < end && !isJsWhitespace(text.charCodeAt(i))) i++;
    if (first < 0) first = wordStart;
    else if (out === undefined && (wordStart !== last + 1 || text.charCodeAt(last) !== 32)) out = text.slice(first, last);
    if (out !== undefined) out = `${out} ${text.slice(wordStart, i)}`;
    last = i;
  }
  return first < 0 ? '' : out ?? text.slice(first, last);
}
