// Completion of cross-references and of the next heading number, on the text as typed (the line may be
// incomplete). After "Pasal " in running text: the Pasal of the batang tubuh; after "ayat (": the ayat
// of the Pasal being written (or of the Pasal named just before: "Pasal 5 ayat ("); after "huruf ": the
// huruf of the current ayat or Pasal (the Menimbang letters in the konsiderans). At the start of a line,
// "Pasal " offers the next Pasal number and "(" the next ayat number.

import { Analysis } from './analysis';
import { displayName, unitText } from './hover';
import { Locale, Message, pick } from './messages';
import { ancestor, Regulation, Unit, unitAt } from '../model';
import { headingOf, normaliseKey, successorTexts } from '../syntax';

export interface CompletionItem {
  label: string;
  kind: 'pasal' | 'ayat' | 'huruf' | 'angka' | 'number';
  detail: string;
  insertText: string;
  sortText: string;
}

type SegmentKind = 'pasal' | 'ayat' | 'huruf' | 'angka';

const RANK: Record<SegmentKind, number> = { pasal: 0, ayat: 1, huruf: 2, angka: 3 };

/** The reference being typed, with the chain written before it: "dalam Pasal 5 ayat (2) dan ayat (". */
const LAST_UNIT = /(Pasal|pasal|ayat|huruf|angka)[ \t\r\n]+(\(?)([0-9A-Za-z]*)$/;
const CHAIN_GAP = /^,?[ \t\r\n]*(?:(?:dan\/atau|dan|atau|serta|sampai[ \t\r\n]+dengan|kecuali))?$/;

/** The reference being typed with the chain written before it ("dalam Pasal 5 ayat (2) dan ayat ("), found by
 *  walking back over segments and connectors (a single regular expression for it backtracks badly). */
function typedReference(tail: string): RegExpExecArray | undefined {
  const last = LAST_UNIT.exec(tail);
  if (!last) return undefined;
  const before = tail.slice(0, last.index);
  let runStart = last.index;
  let previousEnd = -1;
  for (const match of before.matchAll(WRITTEN_SEGMENT)) {
    const gap = previousEnd < 0 ? undefined : before.slice(previousEnd, match.index).trim();
    if (gap === undefined || !CHAIN_GAP.test(gap)) runStart = match.index!;
    previousEnd = match.index! + match[0].length;
  }
  if (previousEnd < 0 || !CHAIN_GAP.test(before.slice(previousEnd).trim())) runStart = last.index;
  const result = [tail.slice(runStart), last[1], last[2], last[3]] as unknown as RegExpExecArray;
  return result;
}
const WRITTEN_SEGMENT = /(Pasal|pasal|ayat|huruf|angka)[ \t\r\n]+\(?([0-9A-Za-z]{1,4})\)?/g;

export function completions(analysis: Analysis, offset: number, locale: Locale): CompletionItem[] {
  const text = analysis.text;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const line = text.slice(lineStart, offset);
  const closed = text.charAt(offset) === ')';
  if (/^[ \t*-]*Pasal[ \t]+[0-9A-Z]*$/.test(line) && startsHeading(analysis.regulation, text, lineStart)) return nextPasal(analysis, lineStart, locale);
  if (/^[ \t*-]*\([0-9]*[a-z]?$/.test(line)) return nextAyat(analysis, lineStart, closed, locale);
  const typed = typedReference(text.slice(Math.max(0, offset - 300), offset));
  if (!typed) return [];
  const kind = typed[1].toLowerCase() as SegmentKind;
  if (kind === 'ayat' && typed[2] !== '(') return [];
  const prefix = chainBefore(typed[0], kind);
  const parents = resolvePrefix(analysis.regulation, prefix, kind, offset);
  return itemsFor(analysis, parents, kind, closed);
}

// ---- references -------------------------------------------------------------------------------

interface Segment {
  readonly kind: SegmentKind;
  readonly value: string;
}

/** The segments the typed unit inherits: "Pasal 5 ayat (2) dan ayat (" → [Pasal 5] for the new ayat. */
function chainBefore(typed: string, kind: SegmentKind): Segment[] {
  const written = typed.replace(/(Pasal|pasal|ayat|huruf|angka)[ \t\r\n]+\(?[0-9A-Za-z]*$/, '');
  let path: Segment[] = [];
  for (const match of written.matchAll(WRITTEN_SEGMENT)) {
    const segment: Segment = { kind: match[1].toLowerCase() as SegmentKind, value: match[2] };
    // Like the resolver: a lower unit continues the chain, an equal or higher one starts a new item.
    path = [...path.filter((previous) => RANK[previous.kind] < RANK[segment.kind]), segment];
  }
  return path.filter((segment) => RANK[segment.kind] < RANK[kind]);
}

/** The units whose children are offered: all Pasal (none), a named Pasal's ayat, the current Pasal's ayat… */
function resolvePrefix(regulation: Regulation, prefix: Segment[], kind: SegmentKind, offset: number): Unit[] | 'all-pasal' {
  if (kind === 'pasal') return 'all-pasal';
  let current: Unit[];
  let rest = prefix;
  if (prefix.length > 0 && prefix[0].kind === 'pasal') {
    current = regulation.pasalIndex.get(normaliseKey(prefix[0].value)) ?? [];
    rest = prefix.slice(1);
  } else {
    const anchor = relativeAnchor(regulation, offset, rest[0]?.kind ?? kind);
    current = anchor ? [anchor] : [];
  }
  for (const segment of rest) {
    current = current.flatMap((unit) => unit.children.filter((child) => child.kind === segment.kind && child.number !== undefined && normaliseKey(child.number) === normaliseKey(segment.value)));
  }
  return current;
}

/** Where "pada ayat (" or "huruf " without a Pasal looks: the Pasal (or ayat, or Menimbang) being written. */
function relativeAnchor(regulation: Regulation, offset: number, kind: SegmentKind): Unit | undefined {
  let context = unitAt(regulation, offset);
  if (!context) return undefined;
  const konsiderans = ancestor(context, 'konsiderans');
  if (konsiderans) return kind === 'huruf' ? konsiderans : undefined;
  let pasal = ancestor(context, 'pasal');
  if (pasal?.scope === 'penjelasan' && pasal.number !== undefined) {
    // In the Penjelasan, "pada ayat (" means an ayat of the batang tubuh's Pasal of the same number.
    const main = regulation.pasalIndex.get(normaliseKey(pasal.number));
    pasal = main?.length === 1 ? main[0] : undefined;
    context = pasal;
  }
  if (!pasal || !context) return undefined;
  if (kind === 'ayat') return pasal;
  for (let unit: Unit | undefined = context; unit && unit !== pasal.parent; unit = unit.parent) {
    if (unit.children.some((child) => child.kind === kind)) return unit;
  }
  return pasal;
}

function itemsFor(analysis: Analysis, parents: Unit[] | 'all-pasal', kind: SegmentKind, closed: boolean): CompletionItem[] {
  const units = parents === 'all-pasal'
    ? analysis.regulation.units.filter((unit) => unit.kind === 'pasal' && unit.scope === 'main' && !unit.quoted)
    : parents.flatMap((parent) => parent.children.filter((child) => child.kind === kind && !child.quoted));
  const out: CompletionItem[] = [];
  const seen = new Set<string>();
  for (const unit of units) {
    if (unit.number === undefined) continue;
    const key = normaliseKey(unit.number);
    if (seen.has(key)) continue;
    seen.add(key);
    const words = firstWords(analysis, unit);
    out.push({
      label: unit.number,
      kind,
      detail: words ? `${displayName(unit)} · ${words}` : displayName(unit),
      insertText: kind === 'ayat' && !closed ? `${unit.number})` : unit.number,
      sortText: String(out.length).padStart(5, '0'),
    });
  }
  return out;
}

function firstWords(analysis: Analysis, unit: Unit): string {
  const [line] = unitText(analysis, unit, 200);
  if (!line) return '';
  const words = line.split(' ');
  return words.length > 10 ? `${words.slice(0, 10).join(' ')} …` : line;
}

// ---- the next heading number ------------------------------------------------------------------

/** "Pasal " at the start of a line is a heading unless the previous line runs on into it ("dalam\nPasal 5"). */
function startsHeading(regulation: Regulation, text: string, lineStart: number): boolean {
  const before = text.slice(0, lineStart);
  const previousEnd = before.trimEnd().length;
  if (previousEnd === 0) return true;
  if ((before.slice(previousEnd).match(/\n/g) ?? []).length >= 2) return true; // a blank line before
  if (/[.;:]\**$/.test(before.slice(0, previousEnd))) return true;
  // Right after a heading or its title ("Paragraf 6" / "Kelompok Jabatan Fungsional").
  const unit = unitAt(regulation, previousEnd - 1);
  const heading = unit ? headingOf(unit.node) : undefined;
  return heading !== undefined && heading.start < previousEnd && previousEnd <= heading.end;
}

function nextPasal(analysis: Analysis, lineStart: number, locale: Locale): CompletionItem[] {
  const scope = unitAt(analysis.regulation, Math.max(0, lineStart - 1))?.scope ?? 'main';
  let previous: Unit | undefined;
  for (const unit of analysis.regulation.units) {
    if (unit.range.start >= lineStart) break;
    if (unit.kind === 'pasal' && unit.scope === scope && unit.parsed) previous = unit;
  }
  const next = previous?.parsed ? successorTexts(previous.parsed)[0] : '1';
  const detail = pick(say.nextPasal(previous ? displayName(previous) : undefined), locale);
  return [{ label: next, kind: 'number', detail, insertText: next, sortText: '00000' }];
}

function nextAyat(analysis: Analysis, lineStart: number, closed: boolean, locale: Locale): CompletionItem[] {
  const context = unitAt(analysis.regulation, Math.max(0, lineStart - 1));
  const pasal = context ? ancestor(context, 'pasal') : undefined;
  if (!pasal) return [];
  let previous: Unit | undefined;
  for (const child of pasal.children) if (child.kind === 'ayat' && child.range.start < lineStart && child.parsed) previous = child;
  const next = previous?.parsed ? successorTexts(previous.parsed)[0] : '1';
  const detail = pick(say.nextAyat(displayName(pasal), previous ? `(${previous.number})` : undefined), locale);
  return [{ label: next, kind: 'number', detail, insertText: closed ? next : `${next})`, sortText: '00000' }];
}

const say = {
  nextPasal: (previous: string | undefined): Message =>
    previous ? { id: `Pasal berikutnya (sesudah ${previous})`, en: `next Pasal (after ${previous})` } : { id: 'Pasal pertama', en: 'first Pasal' },
  nextAyat: (pasal: string, previous: string | undefined): Message =>
    previous ? { id: `ayat berikutnya dalam ${pasal} (sesudah ${previous})`, en: `next ayat of ${pasal} (after ${previous})` } : { id: `ayat pertama dalam ${pasal}`, en: `first ayat of ${pasal}` },
};
