// Cross-references: found in the running text, parsed into chains, lists, ranges and exclusions,
// and resolved against the regulation. References to other regulations are recognised and left alone.

import { editDistance, firstWhere, keepShape, normaliseKey, ocrReadings as ocrReadingsOf, parse, SyntaxNode, taxNameEndsAt } from '../syntax';
import { isJsWhitespace, isWordChar } from '../syntax/text';
import { ancestor, buildRegulation, freshUnits, NO_UNITS, parseNumberFor, Regulation, TextRange, Unit, unitAt } from './regulation';

export type RefKind = 'pasal' | 'ayat' | 'huruf' | 'angka';

export interface RefSegment {
  readonly kind: RefKind;
  /** The designator as written: "5A", "1", "b". */
  readonly value: string;
  readonly range: TextRange;
  /** The segment is OCR-damaged ("Pasal lO2", "ayat (21", "hurrp b"); what it probably meant. */
  readonly damagedFrom?: string;
  readonly probable?: string;
}

export type RefStatus = 'resolved' | 'dangling' | 'ambiguous' | 'external' | 'unchecked';

export interface RefItem {
  /** The full chain after inheriting the prefix of the previous item ("dan ayat (4)" → Pasal 7 ayat (4)). */
  readonly path: RefSegment[];
  /** The segments written in this item (a suffix of `path`). */
  readonly written: RefSegment[];
  readonly range: TextRange;
  readonly role: 'single' | 'range-start' | 'range-end' | 'exclusion';
  status: RefStatus;
  targets: Unit[];
  /** For a dangling item: the longest prefix that resolved, and the segment that failed. */
  failedAt?: RefSegment;
  resolvedPrefix?: Unit;
  /** The failure may come from the layout (labels separated from their text), not the drafting. */
  weak?: boolean;
  /** A dangling head "Pasal 4Z" that reads as an existing Pasal with its letter taken for a digit: "Pasal 42". */
  misread?: string;
}

export interface Reference {
  readonly range: TextRange;
  readonly items: RefItem[];
  /** What its "sampai dengan" ranges cover between their ends (membersOf lists the units). */
  members: readonly RangeMembers[];
  readonly context: Unit | undefined;
  /** Where the context stands (body, Penjelasan, …) as resolution read it: what a structural edit compares against. */
  readonly contextKind: ContextKind;
  /** "dalam ayat" where the rules prescribe "pada ayat" (rule 272). */
  readonly preposition: string | undefined;
  readonly prepositionRange?: TextRange;
  /** Found from a damaged unit word after "sebagaimana dimaksud" ("Psal 5"), not from a citation. */
  readonly damagedWord?: true;
}

/**
 * The units between a range's two ends: a stretch of a list the regulation holds (its Pasal of one scope, or a
 * unit's children), those of `kind` in it. Kept as a view, not copied: N citations of a range over N units would
 * hold N² (a text of thousands of "Pasal 1 sampai dengan Pasal N" ran out of memory).
 */
export interface RangeMembers {
  readonly units: readonly Unit[];
  readonly from: number;
  /** Exclusive: the range's second end. */
  readonly to: number;
  readonly kind: Unit['kind'];
}

const NO_RANGES: readonly RangeMembers[] = Object.freeze([]);

/** The units a reference's ranges cover between their ends, in order (a fresh array: for one request). */
export function membersOf(reference: Reference): Unit[] {
  const out: Unit[] = [];
  for (const { units, from, to, kind } of reference.members) for (let k = from; k < to; k++) if (units[k].kind === kind) out.push(units[k]);
  return out;
}

// "Pasa1 12", "Pasai 7": a Pasal keyword OCR damaged (the parser's scanner reads the same forms), before a number.
// The mblx scraper sets a caret before some words ("ayat ^(2)", "^Pasal ^11 ^dan"): read as spacing.
const UNIT_WORD = /(?<![A-Za-z\-])(?:Pasal|pasal|PASAL|ayat|Ayat|huruf|Huruf|angka|Angka|Pasa[1I\]|!i](?=[ \t\r\n]+\^?[0-9]))[ \t\r\n]+\^?(?=[(0-9a-zIVXlO])/g;
// Bounded runs of spacing: an unbounded one next to the optional preposition would backtrack (ReDoS).
const DAMAGED_TRIGGER = /[Ss]ebagai[ \t]{0,3}mana[ \t\r\n]{1,8}dimaksud(?:[ \t\r\n]{1,8}(?:dalam|pada|di dalam))?[ \t\r\n]{1,8}([A-Za-z]{3,7})[ \t\r\n]{1,8}(\(?[0-9]{1,3}[a-z]?\)?|[a-z]{1,2}\b)/g;
const EXTERNAL_AFTER = /^[\s,]*(?:dari[ \t\r\n]+|atas[ \t\r\n]+)?(Undang|UU\b|UUD|Peraturan|Keputusan|Kitab|KUHP|KUHAP|Instruksi|Ketetapan|Staatsblad|Stbl|Wetboek|Reglement|Ordonnantie|Penetapan|Perpu|Perppu|Perpres|Permen|Perda|Perwal|Perbup|Qanun|Surat|Konvensi|Herziene|Regeling|HIR|RIB|Burgerlijk|Lampiran|Konstitusi)/;

// Lower case: a law named earlier in the sentence, "dari undang-undang tersebut", "dalam peraturan pemerintah itu".
const LAW_REFERRED_TO = /^[\s,]*(?:dari|atas|dalam)[ \t\r\n]+(?:undang-undang|peraturan(?:[ \t]+[a-z]+){1,2})[ \t\r\n]+(?:tersebut|itu)\b/;

const KIND_RANK: Record<RefKind, number> = { pasal: 0, ayat: 1, huruf: 2, angka: 3 };

// Every segment, item and reference is made by one of these three, with every field present (undefined when
// absent) and in one order: V8 then gives each one hidden class. With optional fields added later (failedAt,
// weak, damagedWord) there were several, and the keystroke path's optimised code was thrown away ("wrong map")
// whenever an edit brought one it had not seen.

function makeSegment(kind: RefKind, value: string, range: TextRange, damagedFrom: string | undefined, probable: string | undefined): RefSegment {
  return { kind, value, range, damagedFrom, probable };
}

function makeItem(path: RefSegment[], written: RefSegment[], range: TextRange, role: RefItem['role'], status: RefStatus, failedAt: RefSegment | undefined): RefItem {
  return { path, written, range, role, status, targets: NO_UNITS, failedAt, resolvedPrefix: undefined, weak: undefined, misread: undefined };
}

/** Only resolution writes a segment's probable repair (segments are read-only elsewhere). */
function setProbable(segment: RefSegment, probable: string | undefined): void {
  (segment as { probable?: string }).probable = probable;
}

function makeReference(range: TextRange, items: RefItem[], context: Unit | undefined, contextKind: ContextKind, preposition: string | undefined, prepositionRange: TextRange | undefined, damagedWord: true | undefined): Reference {
  return { range, items, members: NO_RANGES, context, contextKind, preposition, prepositionRange, damagedWord };
}

/** Part of the text: only references whose first word starts in [from, to) (see features/incremental.ts). */
export interface ReferenceWindow {
  readonly from: number;
  readonly to: number;
}

export function findReferences(regulation: Regulation, window?: ReferenceWindow): Reference[] {
  const from = window?.from ?? 0;
  const to = window?.to ?? regulation.text.length;
  const blocked = headingSpans(regulation, from, to);
  const resolver = new Resolver(regulation);
  const references: Reference[] = [];
  findCitations(resolver, blocked, from, to, references);
  return withDamagedWords(resolver, references, from, to, (offset) => isBlocked(blocked, offset));
}

/**
 * The references of a regulation whose structure changed around an edit, when those outside `window` are known
 * from the old analysis (`before` and `after` it, moved to the new offsets; the text there is the same): those
 * are resolved again against the new units, the window's are found again, and so are the damaged-word ones
 * everywhere (whether one is looked at depends on the structure). Equal to findReferences(regulation).
 * The old references are consumed.
 */
export function rebindReferences(regulation: Regulation, before: readonly Reference[], window: ReferenceWindow, after: readonly Reference[], since?: ResolutionBefore): Reference[] {
  const resolver = new Resolver(regulation);
  const stale = since ? staleness(since, regulation, resolver) : undefined;
  const again = (reference: Reference): Reference => (stale === undefined || stale(reference) ? rebound(resolver, reference) : reference);
  const references: Reference[] = [];
  for (const reference of before) if (!reference.damagedWord) references.push(again(reference));
  const first = references.length;
  findCitations(resolver, headingSpans(regulation, window.from, window.to), window.from, window.to, references);
  // One found in the window runs past it: the references after it may differ too.
  if (references.length > first && references[references.length - 1].range.end > window.to) return findReferences(regulation);
  for (const reference of after) if (!reference.damagedWord) references.push(again(reference));
  return withDamagedWords(resolver, references, 0, regulation.text.length, (offset) => isBlocked(headingSpans(regulation, offset, offset + 1), offset));
}

/**
 * What the resolution of citations read from a regulation about to be rebuilt after a structural edit
 * (model/regulation.ts, ModelReuse): taken before the rebuild relinks its units.
 */
export interface ResolutionBefore {
  readonly amending: boolean;
  readonly amendsOthers: boolean;
  readonly layoutBroken: boolean;
  readonly konsiderans: Unit | undefined;
  /** The old units in order (the rebuild makes a new list), and whether each was unreliable (it marks them afresh). */
  readonly units: readonly Unit[];
  readonly unreliable: Uint8Array;
  /** The Pasal of the main scope, which citations find by number. */
  readonly pasal: ReadonlySet<Unit>;
  /** The nodes the re-parse made: their units are new, every other node's unit is an old one, kept. */
  readonly fresh: ReadonlySet<SyntaxNode>;
}

export function resolutionBefore(regulation: Regulation, fresh: ReadonlySet<SyntaxNode>): ResolutionBefore {
  const units = regulation.units;
  const unreliable = new Uint8Array(units.length);
  for (let i = 0; i < units.length; i++) unreliable[i] = units[i].unreliable ? 1 : 0;
  const pasal = new Set<Unit>();
  for (const list of regulation.pasalIndex.values()) for (const unit of list) pasal.add(unit);
  const { amending, amendsOthers, layoutBroken, konsiderans } = regulation;
  return { amending, amendsOthers, layoutBroken, konsiderans, units, unreliable, pasal, fresh };
}

/**
 * After a structural edit, which old citations (outside the re-parsed window) may resolve differently: those
 * whose context unit was not kept, or stands elsewhere now (another Pasal, another part), and those that name a
 * Pasal number the edit added, removed or moved out of the main scope. A kept unit's whole subtree was kept, so
 * a citation that depends only on kept units and unchanged numbers resolves as before. Ranges ("sampai dengan",
 * which read the order of every Pasal) and damaged segments (whose repair reads every number) are always
 * resolved again. Undefined: anything may differ (a regulation-wide fact changed).
 */
function staleness(before: ResolutionBefore, regulation: Regulation, resolver: Resolver): ((reference: Reference) => boolean) | undefined {
  if (before.amending !== regulation.amending || before.amendsOthers !== regulation.amendsOthers || before.layoutBroken !== regulation.layoutBroken) return undefined;
  const units = regulation.units;
  // Kept, by new id: an old unit the rebuild relinked into the new list, not one it made.
  const keptAt = new Uint8Array(units.length);
  const made = freshUnits(regulation);
  if (made) {
    keptAt.fill(1);
    for (const unit of made) keptAt[unit.id] = 0;
  } else {
    for (let i = 0; i < units.length; i++) keptAt[i] = before.fresh.has(units[i].node) ? 0 : 1;
  }
  const kept = (unit: Unit): boolean => units[unit.id] === unit && keptAt[unit.id] === 1;
  for (let i = 0; i < before.units.length; i++) {
    const unit = before.units[i];
    if (kept(unit) && unit.unreliable !== (before.unreliable[i] === 1)) return undefined;
  }
  const changedNumbers = new Set<string>();
  for (const unit of before.pasal) if (!kept(unit) || unit.scope !== 'main') changedNumbers.add(normaliseKey(unit.number!));
  for (const list of regulation.pasalIndex.values()) {
    for (const unit of list) if (!before.pasal.has(unit)) changedNumbers.add(normaliseKey(unit.number!));
  }
  // Whether the units from each one up to its Pasal were all kept (a relative "ayat (1)" looks no further):
  // parents come before their children.
  const settled = new Uint8Array(units.length);
  for (let i = 0; i < units.length; i++) {
    const unit = units[i];
    settled[i] = keptAt[i] === 1 && (unit.kind === 'pasal' || (unit.parent !== undefined && settled[unit.parent.id] === 1)) ? 1 : 0;
  }
  return (reference) => {
    const context = reference.context;
    // A context the rebuild dropped, or one whose place changed (body, Penjelasan, …).
    if (!context || units[context.id] !== context) return true;
    const where = reference.contextKind;
    if (resolver.contextKind(context) !== where) return true;
    if (where === 'unchecked') return keptAt[context.id] === 0;
    // "huruf a" in the konsiderans looks in the konsiderans alone.
    if (where === 'konsiderans') {
      if (keptAt[context.id] === 0 || before.konsiderans !== regulation.konsiderans) return true;
    } else if (settled[context.id] === 0) return true;
    if (where === 'penjelasan') {
      const pasal = ancestor(context, 'pasal');
      if (pasal?.number !== undefined && changedNumbers.has(normaliseKey(pasal.number))) return true;
    }
    for (const item of reference.items) {
      if (item.role === 'range-start' || item.role === 'range-end') return true;
      const head = item.path[0];
      if (head.kind === 'pasal' && changedNumbers.has(normaliseKey(head.value))) return true;
      // Which Pasal a dangling "Pasal 4Z" may be misread for (misreadPasal) changes with any Pasal: looked at again.
      if (item.status === 'dangling' && head.kind === 'pasal' && LETTERED.test(head.value)) return true;
      for (const segment of item.path) if (segment.damagedFrom !== undefined) return true;
    }
    return false;
  };
}

/** An old citation resolved again against the resolver's regulation: as findCitations would make it from its text. */
function rebound(resolver: Resolver, old: Reference): Reference {
  const regulation = resolver.regulation;
  // A packed copy, filled in place: Array#map makes a holey array, another hidden class, and every loop over a
  // reference's items deoptimised at the first one.
  const items = old.items.slice();
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    // Only resolution writes a probable repair on a parsed segment: the new regulation may suggest another.
    for (const segment of item.path) if (segment.probable !== undefined) setProbable(segment, undefined);
    items[i] = makeItem(item.path, item.written, item.range, item.role, 'unchecked', undefined);
  }
  const { start, end } = old.range;
  const context = unitAt(regulation, start);
  const reference = makeReference(old.range, items, context, resolver.contextKind(context), old.preposition, old.prepositionRange, undefined);
  resolveReference(resolver, reference, external(regulation.text, end, start));
  return reference;
}

/** The citations ("Pasal 5 ayat (2)") whose first word starts in [from, to), appended to `references`, resolved. */
function findCitations(resolver: Resolver, blocked: number[], from: number, to: number, references: Reference[]): void {
  const regulation = resolver.regulation;
  const text = regulation.text;
  const designators: Designators = new Map();
  let consumedUntil = from;
  UNIT_WORD.lastIndex = from;
  for (;;) {
    const match = UNIT_WORD.exec(text);
    if (!match || match.index >= to) break;
    const start = match.index;
    if (start < consumedUntil || isBlocked(blocked, start)) continue;
    // A chain stops where a heading or label the parser read begins ("Lihat penjelasan Pasal 6 Huruf d Cukup
    // jelas.": "Huruf d" heads the next explanation).
    const parsed = parseReference(text, start, designators, nextBlockedStart(blocked, start));
    if (!parsed) continue;
    consumedUntil = parsed.end;
    UNIT_WORD.lastIndex = parsed.end;
    const context = unitAt(regulation, start);
    const prepositionStart = prepositionBefore(text, start);
    const preposition = prepositionStart < 0 ? undefined : text.charCodeAt(prepositionStart) === 100 /* d */ ? 'dalam' : 'pada';
    const prepositionRange = preposition === undefined ? undefined : { start: prepositionStart, end: prepositionStart + preposition.length };
    // One item: the reference's range is the item's (same offsets, one object fewer).
    const range = parsed.items.length === 1 ? parsed.items[0].range : { start, end: parsed.end };
    const reference = makeReference(range, parsed.items, context, resolver.contextKind(context), preposition, prepositionRange, undefined);
    resolveReference(resolver, reference, external(text, parsed.end, start));
    references.push(reference);
  }
}

/** `references` (citations in text order) with the damaged-word references found in [from, to) that none covers, in order. */
function withDamagedWords(resolver: Resolver, references: Reference[], from: number, to: number, blocked: (offset: number) => boolean): Reference[] {
  // References are disjoint and in order so far: a damaged one inside one of them is found by bisection.
  const found = references.length;
  let added = 0;
  for (const damaged of findDamagedUnitWords(resolver, blocked, from, to)) {
    const at = damaged.range.start;
    if (coveredBy(references, found, at)) continue;
    let covered = false;
    for (let i = found; i < references.length && !covered; i++) covered = references[i].range.start <= at && at < references[i].range.end;
    if (covered) continue;
    references.push(damaged);
    added++;
  }
  if (added > 0) references.sort((a, b) => a.range.start - b.range.start);
  return references;
}

/** Whether one of the first `count` references (sorted, disjoint) contains `offset`. */
function coveredBy(references: Reference[], count: number, offset: number): boolean {
  let low = 0;
  let high = count - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const range = references[mid].range;
    if (offset < range.start) high = mid - 1;
    else if (offset >= range.end) low = mid + 1;
    else return true;
  }
  return false;
}

/** Start of "dalam" or "pada" right before `start` (then spacing), within the 12 characters before it; else -1.
 *  Exactly /\b(dalam|pada)[ \t\r\n]+$/ on text.slice(start - 12, start), without the slice. */
function prepositionBefore(text: string, start: number): number {
  const floor = Math.max(0, start - 12);
  let wordEnd = start;
  while (wordEnd > floor && isBreakSpace(text.charCodeAt(wordEnd - 1))) wordEnd--;
  if (wordEnd === start) return -1;
  let wordStart = -1;
  if (wordEnd - 5 >= floor && text.startsWith('dalam', wordEnd - 5)) wordStart = wordEnd - 5;
  else if (wordEnd - 4 >= floor && text.startsWith('pada', wordEnd - 4)) wordStart = wordEnd - 4;
  if (wordStart < 0) return -1;
  // \b: the slice starts there, or a non-word character precedes.
  if (wordStart > floor && isWordChar(text.charCodeAt(wordStart - 1))) return -1;
  return wordStart;
}

function isBreakSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 10;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

// ---- parsing ----------------------------------------------------------------------------------

interface ParsedReference {
  end: number;
  items: RefItem[];
}

// Sticky: tried at one offset of the whole text. Its lookahead must end within the 40 characters after the
// chain (the window the connector was always looked for in).
const CONNECTOR = /(?:[ \t\r\n]*,)?[ \t\r\n]*\^?(sampai[ \t\r\n]+dengan|s\.[ \t]?d\.?|s\/d|hingga|kecuali|dan\/atau|dan|atau|serta|jo\.?|juncto|,)[ \t\r\n]+\^?(?=(?:Pasal|pasal|ayat|huruf|angka)[ \t\r\n])/y;
const CONNECTOR_WINDOW = 40;

function parseReference(text: string, start: number, designators: Designators, limit = Infinity): ParsedReference | undefined {
  let items: RefItem[] | undefined;
  let pos = start;
  let previous: RefSegment[] | undefined;
  let role: RefItem['role'] = 'single';
  for (;;) {
    const chain = parseChain(text, pos, designators, limit);
    if (!chain) break;
    const path = inherit(previous, chain.ordered);
    // One segment: the item's range is the segment's (same offsets).
    const range = chain.segments.length === 1 ? chain.segments[0].range : { start: chain.segments[0].range.start, end: chain.end };
    const item = makeItem(path, chain.segments, range, role, 'unchecked', undefined);
    if (items) items.push(item);
    else items = [item];
    previous = path;
    pos = chain.end;
    CONNECTOR.lastIndex = pos;
    const connector = CONNECTOR.exec(text);
    if (!connector) break;
    const afterConnector = pos + connector[0].length;
    if (afterConnector >= limit) break;
    const lookaheadEnd = afterConnector + (text.startsWith('ayat', afterConnector) ? 4 : 5) + 1;
    if (lookaheadEnd > pos + CONNECTOR_WINDOW) break;
    const word = connector[1];
    if (word.startsWith('sampai') || word.startsWith('s.') || word.startsWith('s/') || word.startsWith('hingga')) {
      if (role === 'single') (items[items.length - 1] as { role: RefItem['role'] }).role = 'range-start';
      role = 'range-end';
    } else if (word === 'kecuali') role = 'exclusion';
    else role = 'single';
    pos = afterConnector;
  }
  if (!items) return undefined;
  // Exact-size arrays: a pushed-to array keeps room for 17 elements.
  return { end: items[items.length - 1].range.end, items: items.length === 1 ? items : items.slice() };
}

/** `segment` (a huruf) goes on a chain that ends in an angka and has no huruf: "Pasal 1 angka 2 huruf a". */
function hurufOfAngka(segments: readonly RefSegment[], segment: RefSegment): boolean {
  if (segment.kind !== 'huruf' || segments[segments.length - 1].kind !== 'angka') return false;
  for (const written of segments) if (written.kind === 'huruf') return false;
  return true;
}

function inherit(previous: RefSegment[] | undefined, segments: RefSegment[]): RefSegment[] {
  if (!previous) return segments;
  // "Pasal 4 angka 12 huruf a, huruf b": the next item replaces the segment of its kind, under what stood above it.
  const same = previous.findIndex((segment) => segment.kind === segments[0].kind);
  if (same > 0) return previous.slice(0, same).concat(segments);
  const rank = KIND_RANK[segments[0].kind];
  let count = 0;
  for (const segment of previous) if (KIND_RANK[segment.kind] < rank) count++;
  if (count === 0) return segments;
  const prefix = count === previous.length ? previous : previous.filter((segment) => KIND_RANK[segment.kind] < rank);
  return prefix.concat(segments);
}

// One capture, the designator (no substrings made for the unit word or the closing parenthesis).
const SEGMENT = {
  pasal: /(?:Pasal|pasal|PASAL|Pasa[1I\]|!i](?=[ \t\r\n]+\^?[0-9]))[ \t\r\n]+\^?([0-9]{1,4}[A-Z]?|[IVX]{1,5}|[0-9lIO]{1,4}[A-Z]?|(?=[0-9lIiO]{0,3}[0-9])[0-9lIiO]{1,4}[A-Z]?)(?![A-Za-z0-9])/y,
  ayat: /(?:ayat|Ayat)[ \t\r\n]+\^?\(([0-9]{1,3}[a-z]?|[lIi](?=\)))(?:\)|(?![0-9a-z]))/y,
  huruf: /(?:huruf|Huruf)[ \t\r\n]+\^?([a-z]{1,2})(?![A-Za-z0-9])/y,
  angka: /(?:angka|Angka)[ \t\r\n]+\^?([0-9]{1,3}[a-z]?)(?![A-Za-z0-9])/y,
};

/** A chain's segments as written, and in the order they descend (they differ for "ayat (2) Pasal 16"). */
function parseChain(text: string, pos: number, designators: Designators, stop = Infinity): { segments: RefSegment[]; ordered: RefSegment[]; end: number } | undefined {
  let segments: RefSegment[] | undefined;
  let last: RefSegment | undefined;
  let at = pos;
  for (;;) {
    if (at >= stop) break;
    const segment = parseSegment(text, at, designators);
    if (!segment) break;
    // A chain only descends: "Pasal 5 ayat (1) huruf a"; "huruf a Pasal 5" is two references. A definition's angka
    // may hold a huruf list, though: "Pasal 1 angka 2 huruf a".
    if (last && KIND_RANK[segment.kind] <= KIND_RANK[last.kind] && !hurufOfAngka(segments!, segment)) break;
    if (segments) segments.push(segment);
    else segments = [segment];
    last = segment;
    at = segment.range.end;
    // Up to 8 characters of spacing between segments.
    const limit = Math.min(text.length, at + 8);
    let gapEnd = at;
    while (gapEnd < limit && (isBreakSpace(text.charCodeAt(gapEnd)) || text.charCodeAt(gapEnd) === 94 /* ^ */)) gapEnd++;
    // "ayat (1)huruf d": after a closing parenthesis the next segment may follow without a space.
    if (gapEnd === at && text.charCodeAt(at - 1) !== 41 /* ) */) break;
    at = gapEnd;
  }
  if (!segments || !last) return undefined;
  // Older laws write "ayat (2) Pasal 16": the Pasal after the units in it, on the same line. Not "Angka 20 Pasal
  // 42", capitalised: a Penjelasan's headings of an amending law's items.
  const lowercase = text.charCodeAt(segments[0].range.start) >= 97;
  if (segments[0].kind !== 'pasal' && lowercase) {
    let gapEnd = last.range.end;
    while (gapEnd < text.length && gapEnd - last.range.end < 3 && (text.charCodeAt(gapEnd) === 32 || text.charCodeAt(gapEnd) === 9)) gapEnd++;
    const pasal = gapEnd > last.range.end && gapEnd < stop ? parseSegment(text, gapEnd, designators) : undefined;
    if (pasal && pasal.kind === 'pasal') return { segments: [...segments, pasal], ordered: [pasal, ...segments], end: pasal.range.end };
  }
  const exact = segments.length === 1 ? segments : segments.slice();
  return { segments: exact, ordered: exact, end: last.range.end };
}

/** Designators repeat ("1", "a", "5"): one string each per document instead of one per segment. */
type Designators = Map<string, string>;

function designator(designators: Designators, value: string): string {
  const known = designators.get(value);
  if (known !== undefined) return known;
  designators.set(value, value);
  return value;
}

function parseSegment(text: string, pos: number, designators: Designators): RefSegment | undefined {
  const c = text.charCodeAt(pos) | 32;
  let kind: RefKind;
  if (c === 112 /* p */) kind = 'pasal';
  else if (c === 97 /* a */) kind = (text.charCodeAt(pos + 1) | 32) === 121 /* y */ ? 'ayat' : 'angka';
  else if (c === 104 /* h */) kind = 'huruf';
  else return undefined;
  const pattern = SEGMENT[kind];
  pattern.lastIndex = pos;
  const match = pattern.exec(text);
  if (!match) return undefined;
  const value = designator(designators, match[1]);
  const end = kind === 'pasal' ? letterSuffixEnd(text, pattern.lastIndex) : pattern.lastIndex;
  const range = { start: pos, end };
  // "Pasal lO2", and "Pasa1 12" (its keyword damaged, the number clean): reported with the repair.
  if (kind === 'pasal' && (ocrDamagedPasal(value) || damagedPasalWord(text, pos))) {
    return makeSegment(kind, value, range, match[0], undefined);
  }
  // "ayat (2" without its closing parenthesis.
  if (kind === 'ayat' && text.charCodeAt(end - 1) !== 41) {
    return makeSegment(kind, value, range, match[0], undefined);
  }
  // "ayat (l)", "ayat (i)": the digit 1 OCR read as a letter; read as ayat (1), reported with the repair.
  if (kind === 'ayat' && !isDigit(value.charCodeAt(0))) {
    return makeSegment(kind, designator(designators, '1'), range, match[0], undefined);
  }
  return makeSegment(kind, value, range, undefined, undefined);
}

// What may follow a Pasal number's letter written apart ("Pasal 379 a, Pasal 453", "pasal 11 a dari Undang-undang
// Pajak"): a list goes on, or the cited regulation is named. A letter followed by anything else ("Pasal 5 a.", a
// list label) is left alone.
const AFTER_LETTER_SUFFIX = /[ \t]{0,2},|[ \t\r\n]{1,3}(?:dan|atau|serta|dari|jo\.?|Kitab|KUHP|KUHAP|Undang|Wetboek|Reglement)(?![A-Za-z])/y;

/**
 * Where a Pasal designator ends when it ends at `end`: past a lowercase letter written apart from the number
 * ("Pasal 379 a", old laws citing the KUHP's Pasal 379a), so that the list it stands in goes on and the named
 * regulation is seen; otherwise `end`. The number read stays the written one ("379"): a citation of this
 * regulation resolves as before.
 */
function letterSuffixEnd(text: string, end: number): number {
  const space = text.charCodeAt(end);
  if (space !== 32 && space !== 9) return end;
  const letter = text.charCodeAt(end + 1);
  if (letter < 97 || letter > 122) return end;
  const next = text.charCodeAt(end + 2);
  if ((next >= 97 && next <= 122) || (next >= 65 && next <= 90) || isDigit(next) || next === 46 /* . */ || next === 41 /* ) */) return end;
  AFTER_LETTER_SUFFIX.lastIndex = end + 2;
  return AFTER_LETTER_SUFFIX.test(text) ? end + 2 : end;
}

/** The Pasal keyword at `pos` is an OCR-damaged one ("Pasa1", "Pasai"): its fifth letter is not an l. */
function damagedPasalWord(text: string, pos: number): boolean {
  return (text.charCodeAt(pos + 4) | 32) !== 108 /* l */;
}

/** /[lIiO]/ and /[0-9]/ in the number, and not a Roman numeral /^[IVX]+$/: "lO2", "4i5". */
function ocrDamagedPasal(value: string): boolean {
  let confusable = false;
  let digit = false;
  let roman = true;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === 108 || code === 73 || code === 79 || code === 105) confusable = true;
    if (isDigit(code)) digit = true;
    if (code !== 73 && code !== 86 && code !== 88) roman = false;
  }
  return confusable && digit && !roman;
}

/** "Pasal 4 Peraturan Menteri … Nomor 25 Tahun 2021" cites another regulation; "Pasal 4 Undang-Undang ini" does not. */
function external(text: string, end: number, start: number): boolean {
  if (mayNameRegulation(text, end)) {
    const after = text.slice(end, end + 160);
    // "Dengan Pasal 68 dan Pasal 69 dari undang-undang tersebut, …": a law the sentence named before.
    if (LAW_REFERRED_TO.test(after)) return true;
    const noun = EXTERNAL_AFTER.exec(after);
    if (noun) {
      const tail = after.slice(noun.index + noun[0].length);
      const own = /^[^.;:()]{0,60}?\bini\b/.exec(tail);
      const named = /^[^.;:]{0,80}?\b(Nomor|Tahun|No\.|tentang|Dasar|Pidana|Perdata|Dagang|Republik)\b/.exec(tail);
      if (own && (!named || own[0].length < named[0].length)) return false;
      return true;
    }
  }
  // "Undang-Undang Nomor 5 Tahun 1960 Pasal 3": the regulation named just before the Pasal. "Pajak Penghasilan
  // Pasal 21": a tax named after the Income Tax Law's article.
  return yearBefore(text, start) || taxNameEndsAt(text, start) || documentAcronymAfter(text, start, end);
}

/**
 * "Pasal 16 dan Pasal 26 ICCPR": an acronym after the citation that the text defined before, in parentheses after a
 * document's name ("Kovenan Internasional tentang Hak-Hak Sipil dan Politik (… (ICCPR))"): another document's
 * articles. An acronym the text defines for a body ("Otoritas Jasa Keuangan (OJK)") is the sentence's subject.
 */
function documentAcronymAfter(text: string, start: number, end: number): boolean {
  ACRONYM_AFTER.lastIndex = end;
  const match = ACRONYM_AFTER.exec(text);
  if (!match) return false;
  const floor = Math.max(0, start - ACRONYM_REACH);
  const before = text.slice(floor, start);
  const defined = before.lastIndexOf(`(${match[1]})`);
  if (defined < 0) return false;
  return DOCUMENT_NOUN.test(before.slice(Math.max(0, defined - 200), defined));
}

// An acronym (two to ten capitals, maybe in scrapers' emphasis) right after a citation.
const ACRONYM_AFTER = /[ \t]*[_*]{0,2}([A-Z]{2,10})(?![A-Za-z])/y;
/** How far before a citation its acronym's definition is looked for (characters). */
const ACRONYM_REACH = 20000;
// Names of documents (treaties, laws, codes) whose articles a text cites, in Indonesian and English.
const DOCUMENT_NOUN = /\b(?:Kovenan|Konvensi|Covenant|Convention|Persetujuan|Perjanjian|Agreement|Treaty|Protokol|Protocol|Statuta|Statute|Piagam|Charter|Undang-Undang|Peraturan|Kitab|Code)\b/;

/** A cheap necessary condition for EXTERNAL_AFTER: after spaces and commas (within its 160-character window)
 *  comes "dari", "atas" or a capital letter. */
function mayNameRegulation(text: string, end: number): boolean {
  const limit = Math.min(text.length, end + 160);
  let at = end;
  while (at < limit) {
    const code = text.charCodeAt(at);
    if (code !== 44 && !isJsWhitespace(code)) break;
    at++;
  }
  if (at >= limit) return false;
  const code = text.charCodeAt(at);
  return (code >= 65 && code <= 90) || code === 100 /* dari */ || code === 97 /* atas */;
}

/** Exactly /(Tahun[ \t]+[0-9]{4}|\d{4}\))[ \t\r\n,]*$/ on the 20 characters before `start`, without the slice. */
function yearBefore(text: string, start: number): boolean {
  const floor = Math.max(0, start - 36);
  let end = spacingStart(text, start, floor);
  // "Undang-Undang Dasar 1945 khususnya Pasal 33": a word singling out articles of the regulation just named.
  const connector = SINGLING_OUT.exec(text.slice(floor, end));
  if (connector) end = spacingStart(text, end - connector[0].length, floor);
  // "…1960)": four digits and a parenthesis.
  if (end - 5 >= floor && text.charCodeAt(end - 1) === 41 && fourDigits(text, end - 5)) return true;
  // "Tahun 1960", "Dasar 1945" (the Constitution).
  if (end - 4 < floor || !fourDigits(text, end - 4)) return false;
  let spaceStart = end - 4;
  while (spaceStart > floor && (text.charCodeAt(spaceStart - 1) === 32 || text.charCodeAt(spaceStart - 1) === 9)) spaceStart--;
  return spaceStart < end - 4 && spaceStart - 5 >= floor && (text.startsWith('Tahun', spaceStart - 5) || text.startsWith('Dasar', spaceStart - 5));
}

/** Where the spacing and commas before `end` start (not before `floor`). */
function spacingStart(text: string, end: number, floor: number): number {
  while (end > floor) {
    const code = text.charCodeAt(end - 1);
    if (code !== 44 && !isBreakSpace(code)) break;
    end--;
  }
  return end;
}

const SINGLING_OUT = /(?:^|[^A-Za-z])(?:khususnya|terutama|yaitu|yakni)$/;

function fourDigits(text: string, at: number): boolean {
  return isDigit(text.charCodeAt(at)) && isDigit(text.charCodeAt(at + 1)) && isDigit(text.charCodeAt(at + 2)) && isDigit(text.charCodeAt(at + 3));
}

/**
 * A damaged unit word after "sebagaimana dimaksud" ("Psal 5"), as the text alone shows it: whether it becomes a
 * reference depends on the structure (headings, the context's kind). Found once per text and carried across edits.
 */
interface DamagedWord {
  /** Where the phrase starts: the lists are cut at the reference window's edges by it. */
  readonly phrase: number;
  readonly start: number;
  readonly end: number;
  readonly kind: RefKind;
  readonly value: string;
  readonly written: string;
}

/** The damaged words of a regulation's whole text, for the regulations whose text was scanned (or carried). */
const damagedWordsOf = new WeakMap<Regulation, DamagedWord[]>();

function scanDamagedWords(text: string, from: number, to: number): DamagedWord[] {
  const out: DamagedWord[] = [];
  DAMAGED_TRIGGER.lastIndex = from;
  for (;;) {
    const match = DAMAGED_TRIGGER.exec(text);
    if (!match || match.index >= to) break;
    const word = match[1];
    const lower = word.toLowerCase();
    // A unit word as written is a citation; "pada" is the phrase's own preposition before a garbled unit word
    // ("dimaksud pada 2J.at (1)"), not a damaged "Pasal".
    if (['pasal', 'ayat', 'huruf', 'angka', 'pada'].includes(lower)) continue;
    const guess = closestUnitWord(lower);
    if (!guess) continue;
    const designator = match[2];
    const isParen = designator.startsWith('(');
    if (guess === 'ayat' && !isParen) continue;
    if ((guess === 'huruf') !== /^[a-z]/.test(designator)) continue;
    const start = match.index + match[0].lastIndexOf(word, match[0].length - designator.length);
    const end = match.index + match[0].length;
    out.push({ phrase: match.index, start, end, kind: guess, value: designator.replace(/[()]/g, ''), written: text.slice(start, end) });
  }
  return out;
}

/** The damaged words whose phrase starts in [from, to): from the regulation's list when known, else scanned. */
function damagedWordsIn(regulation: Regulation, from: number, to: number): DamagedWord[] {
  const known = damagedWordsOf.get(regulation);
  if (known) return known.filter((word) => word.phrase >= from && word.phrase < to);
  const found = scanDamagedWords(regulation.text, from, to);
  if (from === 0 && to >= regulation.text.length) damagedWordsOf.set(regulation, found);
  return found;
}

/**
 * After an edit: the damaged words of `regulation` are those of `previous` outside `window` (new offsets; the
 * text there is the same, the ones after it moved by the edit) and those scanned again inside it. The window
 * is one no phrase straddles (features/incremental.ts), so this equals a scan of the whole new text, which a
 * structural edit would otherwise pay for on every keystroke.
 */
export function carryDamagedWords(previous: Regulation, regulation: Regulation, window: ReferenceWindow, delta: number): void {
  const old = damagedWordsOf.get(previous);
  if (!old) return;
  const out: DamagedWord[] = [];
  for (const word of old) if (word.phrase < window.from) out.push(word);
  out.push(...scanDamagedWords(regulation.text, window.from, window.to));
  // Written out in the scan's order: a spread gave the moved words another hidden class.
  for (const word of old) {
    if (word.phrase >= window.to - delta) out.push({ phrase: word.phrase + delta, start: word.start + delta, end: word.end + delta, kind: word.kind, value: word.value, written: word.written });
  }
  damagedWordsOf.set(regulation, out);
}

function findDamagedUnitWords(resolver: Resolver, blocked: (offset: number) => boolean, from: number, to: number): Reference[] {
  const regulation = resolver.regulation;
  const out: Reference[] = [];
  for (const word of damagedWordsIn(regulation, from, to)) {
    if (blocked(word.start)) continue;
    const context = unitAt(regulation, word.start);
    const contextKind = resolver.contextKind(context);
    if (contextKind === 'unchecked') continue;
    const { kind, value } = word;
    const segment = makeSegment(kind, value, { start: word.start, end: word.end }, word.written, kind === 'ayat' ? `ayat (${value})` : kind === 'pasal' ? `Pasal ${value}` : `${kind} ${value}`);
    const path = [segment];
    const item = makeItem(path, path, segment.range, 'single', 'dangling', segment);
    out.push(makeReference(segment.range, [item], context, contextKind, undefined, undefined, true));
  }
  return out;
}

function closestUnitWord(word: string): RefKind | undefined {
  let best: RefKind | undefined;
  let bestDistance = 3;
  for (const candidate of ['pasal', 'ayat', 'huruf', 'angka'] as RefKind[]) {
    const distance = editDistance(word, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance <= (best === 'ayat' ? 1 : 2) ? best : undefined;
}

// ---- resolution -------------------------------------------------------------------------------

export type ContextKind = 'body' | 'penjelasan' | 'konsiderans' | 'unchecked';

/** Context kinds by code, as stored per unit (the index in this list). */
const CONTEXT_KINDS: readonly ContextKind[] = ['body', 'penjelasan', 'konsiderans', 'unchecked'];
const BODY = 0;
const PENJELASAN = 1;
const KONSIDERANS = 2;
const UNCHECKED = 3;

/**
 * The context kind of every unit of a regulation, by unit id, kept with it: every edit reads them (a structural
 * edit for each old citation), and a moved regulation has the same units and structure, so it carries them
 * (model/shift.ts).
 */
const contextKindsOf = new WeakMap<Regulation, Uint8Array>();

/** `to` is `from` moved (same units, same structure): the context kinds read in `from` hold in `to`. */
export function carryContextKinds(from: Regulation, to: Regulation): void {
  const kinds = contextKindsOf.get(from);
  if (kinds) contextKindsOf.set(to, kinds);
}

/**
 * Where each unit stands for citations in it: the nearest part or section above it decides (a Pasal that holds
 * quoted text, or quoted text itself, is unchecked: its citations may be the amended law's). In two passes over
 * the units, which are in document order (parents before children), instead of a walk up per citation.
 */
function contextKindsFor(regulation: Regulation): Uint8Array {
  const units = regulation.units;
  const count = units.length;
  // Whether some unit below each one is quoted: a backward pass sees every child before its parent.
  const quoteBelow = new Uint8Array(count);
  for (let i = count - 1; i >= 0; i--) {
    const unit = units[i];
    if (unit.parent && (unit.quoted || quoteBelow[i] === 1)) quoteBelow[unit.parent.id] = 1;
  }
  const kinds = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const unit = units[i];
    let kind = unit.parent ? kinds[unit.parent.id] : BODY;
    if (unit.quoted) kind = UNCHECKED;
    else {
      switch (unit.kind) {
        case 'konsiderans':
          kind = KONSIDERANS;
          break;
        case 'dasar-hukum':
        case 'memperhatikan':
        case 'diktum':
        case 'judul':
        case 'pembukaan':
        case 'penutup':
        case 'lampiran':
          kind = UNCHECKED;
          break;
        case 'penjelasan':
          kind = PENJELASAN;
          break;
        case 'batang-tubuh':
          kind = BODY;
          break;
        case 'pasal':
          if (quoteBelow[i] === 1) kind = UNCHECKED;
          break;
      }
    }
    kinds[i] = kind;
  }
  return kinds;
}

/** What resolution looks up again and again, computed once per findReferences call (context kinds once per structure). */
class Resolver {
  private kinds: Uint8Array | undefined;
  private readonly pasalRuns = new Map<string, { units: Unit[]; index: Map<Unit, number> }>();
  private readonly keys = new Map<Unit, string>();

  constructor(readonly regulation: Regulation) {
    this.kinds = contextKindsOf.get(regulation);
  }

  /** Where a unit of this regulation stands for the citations in it. */
  contextKind(context: Unit | undefined): ContextKind {
    if (!context) return 'unchecked';
    if (!this.kinds) {
      this.kinds = contextKindsFor(this.regulation);
      contextKindsOf.set(this.regulation, this.kinds);
    }
    return CONTEXT_KINDS[this.kinds[context.id]];
  }

  /** The Pasal of one scope, in order, and where each stands. */
  pasalRun(scope: string): { units: Unit[]; index: Map<Unit, number> } {
    let run = this.pasalRuns.get(scope);
    if (!run) {
      const units = this.regulation.units.filter((unit) => unit.kind === 'pasal' && unit.scope === scope);
      const index = new Map<Unit, number>();
      units.forEach((unit, i) => index.set(unit, i));
      run = { units, index };
      this.pasalRuns.set(scope, run);
    }
    return run;
  }

  /** normaliseKey(unit.number), once per unit. */
  keyOf(unit: Unit, number: string): string {
    let key = this.keys.get(unit);
    if (key === undefined) {
      key = normaliseKey(number);
      this.keys.set(unit, key);
    }
    return key;
  }
}

function resolveReference(resolver: Resolver, reference: Reference, isExternal: boolean): void {
  const regulation = resolver.regulation;
  const context = reference.context;
  const where = reference.contextKind;
  // The Penjelasan of a law that amends others explains the amended laws' articles: "Angka 14 Pasal 24 Cukup
  // jelas. Ayat (1) …" are its headings, numbered as in the other law (so the parser could not place them),
  // not citations of this one.
  if (where === 'penjelasan' && regulation.amendsOthers && explanationHeading(regulation.text, reference.range.start, reference.range.end)) {
    for (const item of reference.items) item.status = 'unchecked';
    return;
  }
  // "Sudah dijelaskan dalam Penjelasan Umum (II angka 1)": the general explanation's own sections, no article's.
  if (afterGeneralExplanation(regulation.text, reference.range.start)) {
    for (const item of reference.items) item.status = 'unchecked';
    return;
  }
  for (const item of reference.items) {
    const head = item.path[0];
    if (isExternal && head.kind === 'pasal') {
      item.status = 'external';
      continue;
    }
    if (where === 'unchecked' || (where === 'konsiderans' && head.kind !== 'huruf')) {
      item.status = isExternal ? 'external' : 'unchecked';
      continue;
    }
    // An amending regulation's Arabic Pasal are the amended law's: OCR-damaged ones too ("Pasal I27A", "Pasal lO2").
    if (regulation.amending && head.kind === 'pasal' && (isDigit(head.value.charCodeAt(0)) || (head.damagedFrom !== undefined && /[0-9]/.test(head.value))) && (where === 'body' || where === 'penjelasan')) {
      item.status = 'unchecked';
      continue;
    }
    resolveItem(resolver, item, context, where);
  }
  // Ranges: every unit between the two ends is cited too.
  for (let i = 0; i + 1 < reference.items.length; i++) {
    const first = reference.items[i];
    const last = reference.items[i + 1];
    if (first.role !== 'range-start' || last.role !== 'range-end') continue;
    if (first.targets.length !== 1 || last.targets.length !== 1) continue;
    const a = first.targets[0];
    const b = last.targets[0];
    let from: number;
    let to: number;
    let siblings: Unit[];
    if (a.kind === 'pasal') {
      const run = resolver.pasalRun(a.scope);
      siblings = run.units;
      from = run.index.get(a) ?? -1;
      to = run.index.get(b) ?? -1;
    } else {
      siblings = a.parent?.children ?? [];
      from = siblings.indexOf(a);
      to = siblings.indexOf(b);
    }
    if (from >= 0 && to > from + 1) {
      const stretch: RangeMembers = { units: siblings, from: from + 1, to, kind: a.kind };
      reference.members = reference.members.length === 0 ? [stretch] : [...reference.members, stretch];
    }
  }
}

/** "Penjelasan Umum (II " or "Penjelasan Umum " just before `start`: what follows numbers the general explanation. */
const GENERAL_EXPLANATION_BEFORE = /Penjelasan[ \t\r\n]+Umum[ \t\r\n]*(?:\(+[ \t]*)?(?:[IVX]{1,4}[ \t.,]+)?$/i;

function afterGeneralExplanation(text: string, start: number): boolean {
  // Cheap first: the character before the citation is a space, "(" or a Roman numeral's tail.
  const before = text.charCodeAt(start - 1);
  if (before !== 32 && before !== 40 && before !== 9 && before !== 10 && before !== 13) return false;
  return GENERAL_EXPLANATION_BEFORE.test(text.slice(Math.max(0, start - 32), start));
}

/**
 * A capitalised unit word and its number where a Penjelasan heading stands: after a line break, a sentence end,
 * a closing bracket, "jelas", "Dihapus" or another heading's number, and before a capitalised word or a number.
 */
function explanationHeading(text: string, start: number, end: number): boolean {
  const first = text.charCodeAt(start);
  if (first < 65 || first > 90) return false;
  let before = start - 1;
  let newline = false;
  while (before >= 0) {
    const code = text.charCodeAt(before);
    if (code === 10 || code === 13) newline = true;
    else if (code !== 32 && code !== 9 && code !== 94 /* ^, an OCR mark */) break;
    before--;
  }
  if (before >= 0 && !newline) {
    const code = text.charCodeAt(before);
    const closes = code === 46 || code === 59 || code === 58 || code === 41 || (code >= 48 && code <= 57);
    if (!closes && !/je[l1i]as$/.test(text.slice(Math.max(0, before - 4), before + 1)) && !text.endsWith('Dihapus', before + 1) && !shortWordEndsAt(text, before)) return false;
  }
  let after = end;
  while (after < text.length) {
    const code = text.charCodeAt(after);
    if (code !== 32 && code !== 9 && code !== 10 && code !== 13 && code !== 94) break;
    after++;
  }
  if (after >= text.length) return true;
  const next = text.charCodeAt(after);
  return (next >= 65 && next <= 90) || (next >= 48 && next <= 57);
}

/** A word of one or two lowercase letters ends at `at` (a huruf's letter: "Huruf a Huruf b"). */
function shortWordEndsAt(text: string, at: number): boolean {
  let start = at;
  while (start >= 0 && start > at - 3 && text.charCodeAt(start) >= 97 && text.charCodeAt(start) <= 122) start--;
  const length = at - start;
  return length >= 1 && length <= 2 && (start < 0 || !isWordChar(text.charCodeAt(start)));
}

function resolveItem(resolver: Resolver, item: RefItem, context: Unit | undefined, where: ContextKind): void {
  const regulation = resolver.regulation;
  const damaged = item.path.find((segment) => segment.damagedFrom);
  let current: Unit[];
  let index = 0;
  const head = item.path[0];
  if (head.kind === 'pasal') {
    current = regulation.pasalIndex.get(normaliseKey(head.value)) ?? [];
    index = 1;
    if (current.length === 0) return fail(item, head, undefined, damaged, regulation);
  } else if (where === 'konsiderans') {
    const konsiderans = regulation.konsiderans;
    // Its "bahwa" items without a single label (lost by a scraper): there is nothing to check a huruf against.
    if (!konsiderans || !konsiderans.children.some((child) => child.kind === head.kind)) {
      item.status = 'unchecked';
      return;
    }
    current = [konsiderans];
  } else {
    let anchor = relativeAnchor(regulation, context, where, head.kind);
    // "a. … b. … c. … Dalam hal … sebagaimana dimaksud pada huruf b": a Penjelasan's own list, where the article
    // it explains has no such unit (not where that article cannot be told: an amending law's, left unchecked).
    if (where === 'penjelasan' && context && anchor && childrenNamed(resolver, anchor, head).length === 0) {
      const local = findAncestorWith(context, head.kind);
      if (local && local.scope === 'penjelasan' && childrenNamed(resolver, local, head).length > 0) anchor = local;
    }
    if (!anchor) {
      item.status = 'unchecked';
      return;
    }
    current = [anchor];
  }
  let lastGood: Unit | undefined = current.length === 1 ? current[0] : undefined;
  // Very many units carry the head's number (a text repeating one Pasal): ambiguous as it stands. Looking into each
  // for the rest of the path would copy a list that long for every such citation (N² in all).
  if (current.length > MAX_FANOUT && index < item.path.length && !damaged) {
    item.targets = current;
    item.status = 'ambiguous';
    return;
  }
  // Whether `current` was grown by pushing (then it has room for 17 units: the targets get an exact copy).
  let grown = false;
  // The unit the damaged segment was looked up in: its repair names one of that unit's children.
  let damagedIn: Unit | undefined;
  for (; index < item.path.length; index++) {
    const segment = item.path[index];
    if (segment === damaged) damagedIn = current.length === 1 ? current[0] : undefined;
    let next: Unit[];
    if (current.length === 1) {
      next = childrenNamed(resolver, current[0], segment);
      grown = next.length > 1;
    } else {
      next = [];
      for (const unit of current) for (const found of childrenNamed(resolver, unit, segment)) next.push(found);
      grown = true;
    }
    if (next.length === 0) return fail(item, segment, lastGood, damaged, regulation);
    // "pada ayat (1)" in a Pasal whose ayat start again at (1): its own run's.
    if (index === 0 && next.length > 1 && segment.kind === 'ayat' && where !== 'penjelasan') next = inOwnRun(current[0], next, context);
    current = next;
    lastGood = current.length === 1 ? current[0] : lastGood;
  }
  item.targets = grown ? current.slice() : current;
  if (damaged) {
    // Found despite the damage ("ayat (2" without its parenthesis): the finding names what it found.
    item.status = 'dangling';
    item.failedAt = damaged;
    if (damaged.probable === undefined) setProbable(damaged, probableRepair(regulation, damaged, damagedIn));
    return;
  }
  item.status = current.length === 1 ? 'resolved' : 'ambiguous';
}

/**
 * Of the ayat of one Pasal carrying a cited number, those in the citing text's own run: where the ayat start again
 * at (1), the Pasal holds the ayat of the next one whose heading was lost (the restart is reported so), and
 * "sebagaimana dimaksud pada ayat (1)" there means the ayat (1) of that run. All of them when the citing text is not
 * in one of the Pasal's ayat or its run has none.
 */
function inOwnRun(pasal: Unit, found: Unit[], context: Unit | undefined): Unit[] {
  let own = context;
  while (own && own.parent !== pasal) own = own.parent;
  if (!own || own.kind !== 'ayat') return found;
  let run = 0;
  let ownRun = -1;
  const runOf = new Map<Unit, number>();
  let seen = false;
  for (const child of pasal.children) {
    if (child.kind !== 'ayat') continue;
    if (seen && child.parsed?.base === 1 && child.parsed.suffix === '') run++;
    seen = true;
    runOf.set(child, run);
    if (child === own) ownRun = run;
  }
  if (run === 0) return found;
  const inRun = found.filter((unit) => runOf.get(unit) === ownRun);
  return inRun.length > 0 ? inRun : found;
}

/** More units than this carrying a citation's head number: it is not followed further (see resolveItem). */
const MAX_FANOUT = 64;

function fail(item: RefItem, segment: RefSegment, prefix: Unit | undefined, damaged: RefSegment | undefined, regulation: Regulation): void {
  // Below a Pasal whose labels lost their text, a missing ayat or huruf says nothing about the drafting.
  item.status = 'dangling';
  // Below a Pasal whose labels lost their text the finding is weak (the server and CLI show it as a warning).
  const lostLabels = regulation.layoutBroken && prefix !== undefined && !prefix.children.some((child) => child.kind === segment.kind);
  if (!damaged && (prefix?.unreliable || lostLabels)) item.weak = true;
  item.failedAt = damaged ?? segment;
  item.resolvedPrefix = prefix;
  if (damaged && !damaged.probable) {
    setProbable(damaged, probableRepair(regulation, damaged, prefix));
  } else if (!damaged && segment.kind === 'pasal' && segment === item.path[0]) {
    // Not damaged on its face ("Pasal 4Z" is an inserted Pasal's form), but maybe an OCR misreading of an existing number.
    item.misread = misreadPasal(regulation, segment.value);
  }
}

/** A number with a letter ("4Z", "22L", "3C"): an inserted Pasal, or an OCR'd digit. */
const LETTERED = /^[0-9]{1,3}[A-Z]$/;

/**
 * "Pasal 42" for a dangling "Pasal 4Z" when Pasal 42 exists in the body and no Pasal of the body is an inserted one
 * (whose letters such a citation could name); C is also a 0 here ("Pasal 3C").
 */
function misreadPasal(regulation: Regulation, value: string): string | undefined {
  if (!LETTERED.test(value) || insertsPasal(regulation)) return undefined;
  const readings = ocrReadingsOf(value);
  if (value.endsWith('C')) readings.push(String(Number(value.slice(0, -1) + '0')));
  for (const reading of readings) {
    if (regulation.pasalIndex.get(normaliseKey(reading))?.some((unit) => unit.scope === 'main')) return `Pasal ${reading}`;
  }
  return undefined;
}

const insertedPasal = new WeakMap<Regulation, boolean>();

/** Whether a Pasal of the body carries a letter (5A): kept per regulation, as every dangling citation asks. */
function insertsPasal(regulation: Regulation): boolean {
  let found = insertedPasal.get(regulation);
  if (found === undefined) {
    found = false;
    for (const list of regulation.pasalIndex.values()) if (list.some((unit) => unit.scope === 'main' && LETTERED.test(unit.number ?? ''))) { found = true; break; }
    insertedPasal.set(regulation, found);
  }
  return found;
}

/**
 * The readings of an OCR-damaged Pasal number, an inserted Pasal's letter kept first ("I27A": 127A before 1274):
 * OCR confuses digits with letters, but a capital A to F after the digits is likelier a Pasal's letter.
 */
function pasalReadings(value: string): string[] {
  const digits = ocrReadingsOf(value);
  // A to F: the letters insertions use (Pasal 5A … 5F); an O or I after digits is a 0 or a 1.
  const last = value.charCodeAt(value.length - 1);
  if (value.length < 2 || last < 65 || last > 70) return digits;
  const lettered = ocrReadingsOf(value.slice(0, -1)).map((reading) => reading + value.charAt(value.length - 1));
  return [...lettered, ...digits];
}

/** What OCR makes of a closing parenthesis right after a number. */
const PARENTHESIS_READ_AS = /^[1lijr]$/;

function probableRepair(regulation: Regulation, segment: RefSegment, prefix: Unit | undefined): string | undefined {
  if (segment.kind === 'pasal') {
    const readings = pasalReadings(segment.value);
    for (const reading of readings) {
      if (regulation.pasalIndex.has(normaliseKey(reading))) return `Pasal ${reading}`;
    }
    return readings.length > 0 ? `Pasal ${readings[0]}` : undefined;
  }
  if (segment.kind === 'ayat') {
    const shorter = segment.value.slice(0, -1);
    const options = [segment.value, shorter].filter((value) => value.length > 0);
    for (const option of options) {
      if (prefix && prefix.children.some((child) => child.kind === 'ayat' && child.number === option)) return `ayat (${option})`;
    }
    // Neither is in the Pasal (or it is not known): a closing parenthesis read as "1", "l", "i", "j" or "r" is far
    // likelier than a lost one after a number of ten or more ("ayat (21" for "ayat (2)"; few Pasal have ten ayat).
    return `ayat (${shorter.length > 0 && PARENTHESIS_READ_AS.test(segment.value.slice(-1)) ? shorter : segment.value})`;
  }
  return undefined;
}

/** Where "pada ayat (1)" or "huruf a" without a Pasal starts looking. */
function relativeAnchor(regulation: Regulation, context: Unit | undefined, where: ContextKind, kind: RefKind): Unit | undefined {
  if (!context) return undefined;
  if (where === 'penjelasan') {
    const pasal = ancestor(context, 'pasal');
    if (!pasal?.number) return undefined;
    const main = regulation.pasalIndex.get(normaliseKey(pasal.number));
    if (!main || main.length !== 1) return undefined;
    // The Penjelasan of an article that amends another law ("Pasal 4 Angka 1 Pasal 4 Ayat (2) … ayat (1) …")
    // explains the amended text: which of its quoted articles is meant cannot be told.
    if (regulation.amendsOthers && quotesText(regulation, main[0])) return undefined;
    if (kind === 'ayat') return main[0];
    const ayat = ancestor(context, 'ayat');
    const mainAyat = ayat ? main[0].children.find((child) => child.kind === 'ayat' && child.number === ayat.number) : undefined;
    return findAncestorWith(mainAyat ?? main[0], kind);
  }
  if (kind === 'ayat') return ancestor(context, 'pasal');
  return findAncestorWith(context, kind);
}

/** Units of quoted (amended) text stand in `pasal`: an amending article. */
function quotesText(regulation: Regulation, pasal: Unit): boolean {
  const units = regulation.units;
  const end = pasal.range.end;
  for (let i = pasal.id + 1; i < units.length && units[i].range.start < end; i++) if (units[i].quoted) return true;
  return false;
}

/**
 * The nearest unit, from `start` upwards to its Pasal, that has children of `kind`. Where none has, an earlier ayat
 * of the same Pasal that has: "(2) … sebagaimana dimaksud dalam huruf a sampai dengan huruf e" in an ayat without a
 * list of its own cites the list of the ayat before it (loose, but common: resolved leniently).
 */
function findAncestorWith(start: Unit, kind: RefKind): Unit | undefined {
  let current: Unit | undefined = start;
  let below: Unit | undefined;
  while (current) {
    if (current.children.some((child) => child.kind === kind)) return current;
    if (current.kind === 'pasal') return (below?.kind === 'ayat' ? earlierAyatWith(current, below, kind) : undefined) ?? current;
    below = current;
    current = current.parent;
  }
  return undefined;
}

/** The last ayat of `pasal` before `ayat` that has children of `kind`. */
function earlierAyatWith(pasal: Unit, ayat: Unit, kind: RefKind): Unit | undefined {
  const siblings = pasal.children;
  for (let i = siblings.indexOf(ayat) - 1; i >= 0; i--) {
    const sibling = siblings[i];
    if (sibling.kind === 'ayat' && sibling.children.some((child) => child.kind === kind)) return sibling;
  }
  return undefined;
}

function childrenNamed(resolver: Resolver, unit: Unit, segment: RefSegment): Unit[] {
  const wanted = parseNumberFor(segment.kind, segment.value);
  const key = normaliseKey(wanted?.text ?? segment.value);
  let direct: Unit[] | undefined;
  for (const child of unit.children) {
    if (child.kind === segment.kind && child.number !== undefined && !child.quoted && resolver.keyOf(child, child.number) === key) {
      if (direct) direct.push(child);
      else direct = [child];
    }
  }
  if (direct) return direct;
  // Lenient: "Pasal 5 huruf a" when the huruf sit under the single ayat-less body, or one level down.
  let out: Unit | undefined;
  let count = 0;
  for (const child of unit.children) {
    if (child.kind === segment.kind || child.quoted) continue;
    if (child.kind === 'ayat' && segment.kind !== 'ayat') continue;
    for (const grand of child.children) {
      if (grand.kind === segment.kind && grand.number !== undefined && resolver.keyOf(grand, grand.number) === key) {
        out = grand;
        count++;
      }
    }
  }
  return count === 1 ? [out!] : [];
}

// ---- helpers ----------------------------------------------------------------------------------

/** Offsets covered by headings and labels, where "Pasal 5" is a name, not a reference: [start, end, start, end, …]. */
function headingSpans(regulation: Regulation, from: number, to: number): number[] {
  const spans: number[] = [];
  // Tokens a character away still merge into a span: look just beyond the window.
  const low = from - 2;
  const high = to + 2;
  const visit = (node: SyntaxNode): void => {
    for (const child of node.children) {
      if (child.end < low) continue;
      if (child.start > high) break;
      if (child.type === 'node') {
        visit(child);
        continue;
      }
      const kind = child.kind;
      if (kind === 'keyword' || kind === 'number' || kind === 'label' || kind === 'catchword') {
        const count = spans.length;
        if (count > 0 && spans[count - 1] >= child.start - 1) spans[count - 1] = child.end;
        else spans.push(child.start, child.end);
      }
    }
  };
  visit(regulation.parse.root);
  return spans;
}

/** Where the first span starting after `offset` starts (Infinity: none). */
function nextBlockedStart(spans: number[], offset: number): number {
  const count = spans.length >> 1;
  const index = firstWhere(count, (i) => spans[2 * i] > offset);
  return index < count ? spans[2 * index] : Infinity;
}

function isBlocked(spans: number[], offset: number): boolean {
  let low = 0;
  let high = (spans.length >> 1) - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (offset < spans[2 * mid]) high = mid - 1;
    else if (offset >= spans[2 * mid + 1]) low = mid + 1;
    else return true;
  }
  return false;
}

// One resolver per search: kept alive (on an empty regulation) so that V8 keeps its hidden class (syntax/shapes.ts).
keepShape(new Resolver(buildRegulation('', parse(''))));
