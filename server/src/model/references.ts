// Cross-references: found in the running text, parsed into chains, lists, ranges and exclusions,
// and resolved against the regulation. References to other regulations are recognised and left alone.

import { normaliseKey, ocrReadings as ocrReadingsOf, tokensOf } from '../syntax';
import { ancestor, parseNumberFor, Regulation, TextRange, Unit, unitAt } from './regulation';

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
}

export interface Reference {
  readonly range: TextRange;
  readonly items: RefItem[];
  /** Units covered by "sampai dengan" ranges (both ends included). */
  members: Unit[];
  readonly context: Unit | undefined;
  /** "dalam ayat" where the rules prescribe "pada ayat" (rule 272). */
  readonly preposition: string | undefined;
  readonly prepositionRange?: TextRange;
}

const UNIT_WORD = /(?<![A-Za-z\-])(Pasal|pasal|PASAL|ayat|Ayat|huruf|Huruf|angka|Angka)[ \t\r\n]+(?=[(0-9a-zIVXlO])/g;
// Bounded runs of spacing: an unbounded one next to the optional preposition would backtrack (ReDoS).
const DAMAGED_TRIGGER = /[Ss]ebagai[ \t]{0,3}mana[ \t\r\n]{1,8}dimaksud(?:[ \t\r\n]{1,8}(?:dalam|pada|di dalam))?[ \t\r\n]{1,8}([A-Za-z]{3,7})[ \t\r\n]{1,8}(\(?[0-9]{1,3}[a-z]?\)?|[a-z]{1,2}\b)/g;
const EXTERNAL_AFTER = /^[\s,]*(?:dari[ \t\r\n]+|atas[ \t\r\n]+)?(Undang|UU\b|UUD|Peraturan|Keputusan|Kitab|KUHP|KUHAP|Instruksi|Ketetapan|Staatsblad|Stbl|Wetboek|Reglement|Ordonnantie|Penetapan|Perpu|Perppu|Perpres|Permen|Perda|Perwal|Perbup|Qanun|Surat|Konvensi|Herziene|Regeling|HIR|RIB|Burgerlijk|Lampiran|Konstitusi)/;

const KIND_RANK: Record<RefKind, number> = { pasal: 0, ayat: 1, huruf: 2, angka: 3 };

export function findReferences(regulation: Regulation): Reference[] {
  const text = regulation.text;
  const blocked = headingSpans(regulation);
  const references: Reference[] = [];
  let consumedUntil = 0;
  UNIT_WORD.lastIndex = 0;
  for (;;) {
    const match = UNIT_WORD.exec(text);
    if (!match) break;
    const start = match.index;
    if (start < consumedUntil || isBlocked(blocked, start)) continue;
    const parsed = parseReference(text, start);
    if (!parsed) continue;
    consumedUntil = parsed.end;
    UNIT_WORD.lastIndex = parsed.end;
    const context = unitAt(regulation, start);
    const before = /\b(dalam|pada)[ \t\r\n]+$/.exec(text.slice(Math.max(0, start - 12), start));
    const preposition = before?.[1];
    const prepositionRange = before ? { start: Math.max(0, start - 12) + before.index, end: Math.max(0, start - 12) + before.index + before[1].length } : undefined;
    const reference: Reference = { range: { start, end: parsed.end }, items: parsed.items, members: [], context, preposition, prepositionRange };
    resolveReference(regulation, reference, external(text, parsed.end, start));
    references.push(reference);
  }
  for (const damaged of findDamagedUnitWords(regulation, blocked)) {
    if (references.some((ref) => ref.range.start <= damaged.range.start && damaged.range.start < ref.range.end)) continue;
    references.push(damaged);
  }
  references.sort((a, b) => a.range.start - b.range.start);
  return references;
}

// ---- parsing ----------------------------------------------------------------------------------

interface ParsedReference {
  end: number;
  items: RefItem[];
}

function parseReference(text: string, start: number): ParsedReference | undefined {
  const items: RefItem[] = [];
  let pos = start;
  let previous: RefSegment[] | undefined;
  let role: RefItem['role'] = 'single';
  for (;;) {
    const chain = parseChain(text, pos);
    if (!chain) break;
    const path = inherit(previous, chain.segments);
    items.push({ path, written: chain.segments, range: { start: chain.segments[0].range.start, end: chain.end }, role, status: 'unchecked', targets: [] });
    previous = path;
    pos = chain.end;
    const connector = /^(?:[ \t\r\n]*,)?[ \t\r\n]*(sampai[ \t\r\n]+dengan|s\.[ \t]?d\.?|s\/d|hingga|kecuali|dan\/atau|dan|atau|serta|jo\.?|juncto|,)[ \t\r\n]+(?=(?:Pasal|pasal|ayat|huruf|angka)[ \t\r\n])/.exec(text.slice(pos, pos + 40));
    if (!connector) break;
    const word = connector[1];
    if (/^(sampai|s\.|s\/|hingga)/.test(word)) {
      if (role === 'single') (items[items.length - 1] as { role: RefItem['role'] }).role = 'range-start';
      role = 'range-end';
    } else if (word === 'kecuali') role = 'exclusion';
    else role = 'single';
    pos += connector[0].length;
  }
  if (items.length === 0) return undefined;
  return { end: items[items.length - 1].range.end, items };
}

function inherit(previous: RefSegment[] | undefined, segments: RefSegment[]): RefSegment[] {
  if (!previous) return segments;
  const rank = KIND_RANK[segments[0].kind];
  const prefix = previous.filter((segment) => KIND_RANK[segment.kind] < rank);
  return [...prefix, ...segments];
}

const SEGMENT = {
  pasal: /(Pasal|pasal|PASAL)[ \t\r\n]+([0-9]{1,4}[A-Z]?|[IVX]{1,5}|[0-9lIO]{1,4}[A-Z]?)(?![A-Za-z0-9])/y,
  ayat: /(ayat|Ayat)[ \t\r\n]+\(([0-9]{1,3}[a-z]?)(\)|(?![0-9a-z]))/y,
  huruf: /(huruf|Huruf)[ \t\r\n]+([a-z]{1,2})(?![A-Za-z0-9])/y,
  angka: /(angka|Angka)[ \t\r\n]+([0-9]{1,3}[a-z]?)(?![A-Za-z0-9])/y,
};

function parseChain(text: string, pos: number): { segments: RefSegment[]; end: number } | undefined {
  const segments: RefSegment[] = [];
  let at = pos;
  for (;;) {
    const segment = parseSegment(text, at);
    if (!segment) break;
    // A chain only descends: "Pasal 5 ayat (1) huruf a"; "huruf a Pasal 5" is two references.
    if (segments.length > 0 && KIND_RANK[segment.kind] <= KIND_RANK[segments[segments.length - 1].kind]) break;
    segments.push(segment);
    at = segment.range.end;
    const gap = /^[ \t\r\n]+/.exec(text.slice(at, at + 8));
    if (!gap) break;
    at += gap[0].length;
  }
  if (segments.length === 0) return undefined;
  return { segments, end: segments[segments.length - 1].range.end };
}

function parseSegment(text: string, pos: number): RefSegment | undefined {
  const c = text.charAt(pos).toLowerCase();
  const kind: RefKind | undefined = c === 'p' ? 'pasal' : c === 'a' ? (text.charAt(pos + 1).toLowerCase() === 'y' ? 'ayat' : 'angka') : c === 'h' ? 'huruf' : undefined;
  if (!kind) return undefined;
  const pattern = SEGMENT[kind];
  pattern.lastIndex = pos;
  const match = pattern.exec(text);
  if (!match) return undefined;
  const value = match[2];
  const range = { start: pos, end: pos + match[0].length };
  if (kind === 'pasal' && /[lIO]/.test(value) && /[0-9]/.test(value) && !/^[IVX]+$/.test(value)) {
    return { kind, value, range, damagedFrom: match[0] };
  }
  if (kind === 'ayat' && match[3] !== ')') {
    return { kind, value, range, damagedFrom: match[0] };
  }
  return { kind, value, range };
}

/** "Pasal 4 Peraturan Menteri … Nomor 25 Tahun 2021" cites another regulation; "Pasal 4 Undang-Undang ini" does not. */
function external(text: string, end: number, start: number): boolean {
  const after = text.slice(end, end + 160);
  const noun = EXTERNAL_AFTER.exec(after);
  if (noun) {
    const tail = after.slice(noun.index + noun[0].length);
    const own = /^[^.;:()]{0,60}?\bini\b/.exec(tail);
    const named = /^[^.;:]{0,80}?\b(Nomor|Tahun|No\.|tentang|Dasar|Pidana|Perdata|Dagang|Republik)\b/.exec(tail);
    if (own && (!named || own[0].length < named[0].length)) return false;
    return true;
  }
  // "Undang-Undang Nomor 5 Tahun 1960 Pasal 3": the regulation named just before the Pasal.
  const before = text.slice(Math.max(0, start - 20), start);
  return /(Tahun[ \t]+[0-9]{4}|\d{4}\))[ \t\r\n,]*$/.test(before);
}

function findDamagedUnitWords(regulation: Regulation, blocked: TextRange[]): Reference[] {
  const text = regulation.text;
  const out: Reference[] = [];
  DAMAGED_TRIGGER.lastIndex = 0;
  for (;;) {
    const match = DAMAGED_TRIGGER.exec(text);
    if (!match) break;
    const word = match[1];
    const lower = word.toLowerCase();
    if (['pasal', 'ayat', 'huruf', 'angka'].includes(lower)) continue;
    const guess = closestUnitWord(lower);
    if (!guess) continue;
    const designator = match[2];
    const isParen = designator.startsWith('(');
    if (guess === 'ayat' && !isParen) continue;
    if ((guess === 'huruf') !== /^[a-z]/.test(designator)) continue;
    const wordStart = match.index + match[0].lastIndexOf(word, match[0].length - designator.length);
    const end = match.index + match[0].length;
    if (isBlocked(blocked, wordStart)) continue;
    const context = unitAt(regulation, wordStart);
    if (contextKind(regulation, context) === 'unchecked') continue;
    const value = designator.replace(/[()]/g, '');
    const segment: RefSegment = { kind: guess, value, range: { start: wordStart, end }, damagedFrom: text.slice(wordStart, end), probable: guess === 'ayat' ? `ayat (${value})` : `${guess} ${value}` };
    const item: RefItem = { path: [segment], written: [segment], range: segment.range, role: 'single', status: 'dangling', targets: [], failedAt: segment };
    out.push({ range: segment.range, items: [item], members: [], context, preposition: undefined });
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

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

// ---- resolution -------------------------------------------------------------------------------

function resolveReference(regulation: Regulation, reference: Reference, isExternal: boolean): void {
  const context = reference.context;
  const where = contextKind(regulation, context);
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
    if (regulation.amending && head.kind === 'pasal' && /^[0-9]/.test(head.value) && (where === 'body' || where === 'penjelasan')) {
      item.status = 'unchecked';
      continue;
    }
    resolveItem(regulation, item, context, where);
  }
  // Ranges: every unit between the two ends is cited too.
  for (let i = 0; i + 1 < reference.items.length; i++) {
    const first = reference.items[i];
    const last = reference.items[i + 1];
    if (first.role !== 'range-start' || last.role !== 'range-end') continue;
    if (first.targets.length !== 1 || last.targets.length !== 1) continue;
    const a = first.targets[0];
    const b = last.targets[0];
    const siblings = a.kind === 'pasal' ? regulation.units.filter((unit) => unit.kind === 'pasal' && unit.scope === a.scope) : a.parent?.children ?? [];
    const from = siblings.indexOf(a);
    const to = siblings.indexOf(b);
    if (from >= 0 && to > from) reference.members.push(...siblings.slice(from + 1, to).filter((unit) => unit.kind === a.kind));
  }
}

type ContextKind = 'body' | 'penjelasan' | 'konsiderans' | 'unchecked';

function contextKind(regulation: Regulation, context: Unit | undefined): ContextKind {
  let current = context;
  while (current) {
    if (current.quoted) return 'unchecked';
    switch (current.kind) {
      case 'konsiderans':
        return 'konsiderans';
      case 'dasar-hukum':
      case 'memperhatikan':
      case 'diktum':
      case 'judul':
      case 'pembukaan':
      case 'penutup':
      case 'lampiran':
        return 'unchecked';
      case 'penjelasan':
        return 'penjelasan';
      case 'batang-tubuh':
        return 'body';
      case 'pasal':
        if (containsQuote(current)) return 'unchecked';
        break;
    }
    current = current.parent;
  }
  void regulation;
  return context ? 'body' : 'unchecked';
}

function containsQuote(unit: Unit): boolean {
  for (const child of unit.children) {
    if (child.quoted || containsQuote(child)) return true;
  }
  return false;
}

function resolveItem(regulation: Regulation, item: RefItem, context: Unit | undefined, where: ContextKind): void {
  const damaged = item.path.find((segment) => segment.damagedFrom);
  let current: Unit[];
  let index = 0;
  const head = item.path[0];
  if (head.kind === 'pasal') {
    current = regulation.pasalIndex.get(normaliseKey(head.value)) ?? [];
    index = 1;
    if (current.length === 0) return fail(item, head, undefined, damaged, regulation);
  } else if (where === 'konsiderans') {
    current = regulation.konsiderans ? [regulation.konsiderans] : [];
  } else {
    const anchor = relativeAnchor(regulation, context, where, head.kind);
    if (!anchor) {
      item.status = 'unchecked';
      return;
    }
    current = [anchor];
  }
  let lastGood: Unit | undefined = current.length === 1 ? current[0] : undefined;
  for (; index < item.path.length; index++) {
    const segment = item.path[index];
    const next: Unit[] = [];
    for (const unit of current) next.push(...childrenNamed(unit, segment));
    if (next.length === 0) return fail(item, segment, lastGood, damaged, regulation);
    current = next;
    lastGood = current.length === 1 ? current[0] : lastGood;
  }
  item.targets = current;
  if (damaged) {
    item.status = 'dangling';
    item.failedAt = damaged;
    return;
  }
  item.status = current.length === 1 ? 'resolved' : 'ambiguous';
}

function fail(item: RefItem, segment: RefSegment, prefix: Unit | undefined, damaged: RefSegment | undefined, regulation: Regulation): void {
  // Below a Pasal whose labels lost their text, a missing ayat or huruf says nothing about the drafting.
  item.status = 'dangling';
  // Below a Pasal whose labels lost their text the finding is weak (the server and CLI show it as a warning).
  const lostLabels = regulation.layoutBroken && prefix !== undefined && !prefix.children.some((child) => child.kind === segment.kind);
  if (!damaged && (prefix?.unreliable || lostLabels)) item.weak = true;
  item.failedAt = damaged ?? segment;
  item.resolvedPrefix = prefix;
  if (damaged && !damaged.probable) {
    (damaged as { probable?: string }).probable = probableRepair(regulation, damaged, prefix);
  } else if (!damaged && segment.kind === 'pasal') {
    // Not damaged on its face, but maybe an OCR misreading of an existing number.
    void regulation;
  }
}

function probableRepair(regulation: Regulation, segment: RefSegment, prefix: Unit | undefined): string | undefined {
  if (segment.kind === 'pasal') {
    for (const reading of ocrReadingsOf(segment.value)) {
      if (regulation.pasalIndex.has(normaliseKey(reading))) return `Pasal ${reading}`;
    }
    const first = ocrReadingsOf(segment.value)[0];
    return first ? `Pasal ${first}` : undefined;
  }
  if (segment.kind === 'ayat') {
    const options = [segment.value, segment.value.slice(0, -1)].filter((value) => value.length > 0);
    for (const option of options) {
      if (prefix && prefix.children.some((child) => child.kind === 'ayat' && child.number === option)) return `ayat (${option})`;
    }
    return `ayat (${segment.value})`;
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
    if (kind === 'ayat') return main[0];
    const ayat = ancestor(context, 'ayat');
    const mainAyat = ayat ? main[0].children.find((child) => child.kind === 'ayat' && child.number === ayat.number) : undefined;
    return findAncestorWith(mainAyat ?? main[0], kind);
  }
  if (kind === 'ayat') return ancestor(context, 'pasal');
  return findAncestorWith(context, kind);
}

/** The nearest unit, from `start` upwards to its Pasal, that has children of `kind`. */
function findAncestorWith(start: Unit, kind: RefKind): Unit | undefined {
  let current: Unit | undefined = start;
  while (current) {
    if (current.children.some((child) => child.kind === kind)) return current;
    if (current.kind === 'pasal') return current;
    current = current.parent;
  }
  return undefined;
}

function childrenNamed(unit: Unit, segment: RefSegment): Unit[] {
  const wanted = parseNumberFor(segment.kind, segment.value);
  const key = normaliseKey(wanted?.text ?? segment.value);
  const direct = unit.children.filter((child) => child.kind === segment.kind && child.number !== undefined && normaliseKey(child.number) === key && !child.quoted);
  if (direct.length > 0) return direct;
  // Lenient: "Pasal 5 huruf a" when the huruf sit under the single ayat-less body, or one level down.
  const out: Unit[] = [];
  for (const child of unit.children) {
    if (child.kind === segment.kind || child.quoted) continue;
    if (child.kind === 'ayat' && segment.kind !== 'ayat') continue;
    for (const grand of child.children) {
      if (grand.kind === segment.kind && grand.number !== undefined && normaliseKey(grand.number) === key) out.push(grand);
    }
  }
  return out.length === 1 ? out : [];
}

// ---- helpers ----------------------------------------------------------------------------------

/** Offsets covered by headings and labels, where "Pasal 5" is a name, not a reference. */
function headingSpans(regulation: Regulation): TextRange[] {
  const spans: TextRange[] = [];
  for (const token of tokensOf(regulation.parse.root)) {
    if (token.kind === 'keyword' || token.kind === 'number' || token.kind === 'label' || token.kind === 'catchword') {
      const last = spans[spans.length - 1];
      if (last && last.end >= token.start - 1) (last as { end: number }).end = token.end;
      else spans.push({ start: token.start, end: token.end });
    }
  }
  return spans;
}

function isBlocked(spans: TextRange[], offset: number): boolean {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (offset < spans[mid].start) high = mid - 1;
    else if (offset >= spans[mid].end) low = mid + 1;
    else return true;
  }
  return false;
}
