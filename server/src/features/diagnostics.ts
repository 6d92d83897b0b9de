// Diagnostics: numbering (duplicates, gaps, order), damaged headings, dangling and ambiguous references,
// and a few drafting-style hints. Pure: regulation in, plain data out.

import { compareNumbers, firstWhere, formatLabel, isSuccessor, normaliseKey, Shift, successorTexts, TextChange, UnitNumber } from '../syntax';
import { adoptedLabel, citation, isLabelAlone, unlabelledAyat, NumberingGroup, numberingGroups, ownCandidates, parseNumberFor, RefItem, RefSegment, Reference, Regulation, regulationYear, TextRange, textStart, Unit, unitName, unitNameWith } from '../model';
import { Message, msg } from './messages';

export type DiagnosticCode =
  | 'duplicate-number'
  | 'numbering-gap'
  | 'numbering-order'
  | 'malformed-heading'
  | 'dangling-reference'
  | 'ambiguous-reference'
  | 'repeated-line'
  | 'single-subdivision'
  | 'reference-style';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export const DEFAULT_SEVERITY: Record<DiagnosticCode, Severity> = {
  'duplicate-number': 'error',
  'numbering-gap': 'error',
  'numbering-order': 'error',
  'malformed-heading': 'warning',
  'dangling-reference': 'error',
  'ambiguous-reference': 'warning',
  'repeated-line': 'warning',
  'single-subdivision': 'information',
  'reference-style': 'hint',
};

export const DIAGNOSTIC_CODES = Object.keys(DEFAULT_SEVERITY) as DiagnosticCode[];

export interface RelatedInformation {
  readonly range: TextRange;
  readonly message: Message;
}

/** What a quick fix needs to know, carried with the diagnostic. */
export interface FixData {
  readonly unitId?: number;
  /** The number this heading or label should carry. */
  readonly expected?: string;
  /** Suggested replacement text for `range` (a repaired heading or reference). */
  readonly replacement?: string;
  /** The evidence is weak (layout breakage): report as a warning at most. */
  readonly weak?: boolean;
  /** A list restarting at its first number: a heading above is probably missing, renumbering is no fix. */
  readonly restart?: boolean;
}

export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: Message;
  readonly range: TextRange;
  readonly related: RelatedInformation[];
  readonly data: FixData;
}

/**
 * `data` with every field present, in one order: one hidden class for all of them, so that the code that
 * compares and converts diagnostics on every keystroke is not thrown away ("wrong map") at a new combination.
 */
function fixData(data: FixData): FixData {
  return { unitId: data.unitId, expected: data.expected, replacement: data.replacement, weak: data.weak, restart: data.restart };
}

export interface DiagnosticOptions {
  readonly severity?: Partial<Record<DiagnosticCode, Severity | 'off'>>;
}

/**
 * `reportable`, when given, is the subsequence of `references` for which mayReport() holds (the others
 * report nothing): features/incremental.ts keeps it across edits instead of looking at every reference.
 */
export function computeDiagnostics(regulation: Regulation, references: readonly Reference[], options: DiagnosticOptions = {}, reportable?: readonly Reference[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  // Scraped text whose headings run inline is read with less confidence below the Pasal level:
  // there an error becomes a warning (a configured severity still wins).
  const scraped = regulation.inlineRatio > 0.3;
  const weak = (data: FixData): boolean => {
    if (data.weak) return true;
    const unit = data.unitId === undefined ? undefined : regulation.units[data.unitId];
    // A Lampiran is free-form (forms, tables, worked examples): its numbering is advisory.
    if (unit?.scope === 'lampiran') return true;
    // The Penjelasan explains what needs explaining: its ayat and huruf entries are often (and in scraped text,
    // truncated lines) only a selection, so their numbering is advisory.
    if (unit?.scope === 'penjelasan' && unit.kind !== 'pasal') return true;
    // pdftotext separated this Pasal's labels from their text: its list numbering is advisory.
    if (unit?.unreliable && unit.kind !== 'pasal') return true;
    if (!scraped) return false;
    return unit === undefined || (unit.kind !== 'pasal' && unit.kind !== 'bab') || unit.node.info.inline === true;
  };
  const add = (code: DiagnosticCode, range: TextRange, message: Message, related: RelatedInformation[] = [], data: FixData = {}): void => {
    const configured = options.severity?.[code];
    if (configured === 'off') return;
    let severity = configured ?? DEFAULT_SEVERITY[code];
    if (!configured && severity === 'error' && weak(data)) severity = 'warning';
    out.push({ code, severity, message, range, related, data: fixData(data) });
  };
  for (const error of regulation.parse.errors) {
    const unit = damagedUnitAt(regulation.units, error.start);
    // A heading is rewritten whole ("Pasal 13"); a label is its number written as a label ("(2)", "b.", "1.").
    const replacement = !unit ? undefined : labelOf(unit) ?? `${headingWord(unit)} ${unit.number ?? ''}`;
    add(error.code, { start: error.start, end: error.end }, error.message, [], { unitId: unit?.id, expected: unit?.number, replacement });
  }
  checkStructure(regulation, options, add, out);
  checkReferences(regulation, reportable ?? references, add, renumbered(regulation, out));
  out.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  return out;
}

const NO_DIAGNOSTICS: Diagnostic[] = [];

/**
 * The numbering groups' and subdivisions' findings appended to `out` (through `add`): checked, or carried from
 * before a move over running text (carryStructureFindings); then kept for the next move.
 */
function checkStructure(regulation: Regulation, options: DiagnosticOptions, add: Add, out: Diagnostic[]): void {
  const groups = numberingGroups(regulation);
  const carried = structureFindings.get(regulation);
  const kept = carried && carried.severity === options.severity && carried.groups.length === groups.length ? carried : undefined;
  const found: Diagnostic[][] = new Array<Diagnostic[]>(groups.length);
  const reads: (number[] | undefined)[] = new Array<number[] | undefined>(groups.length);
  for (let g = 0; g < groups.length; g++) {
    const list = kept?.groups[g];
    if (list) {
      for (let i = 0; i < list.length; i++) out.push(list[i]);
      found[g] = list;
      reads[g] = kept!.reads[g];
      continue;
    }
    const first = out.length;
    const spans: number[] = [];
    checkGroup(regulation.text, groups[g], add, spans);
    found[g] = out.length === first ? NO_DIAGNOSTICS : out.slice(first);
    reads[g] = spans.length > 0 ? spans : undefined;
  }
  let subdivisions = kept?.subdivisions;
  if (subdivisions) for (let i = 0; i < subdivisions.length; i++) out.push(subdivisions[i]);
  else {
    const first = out.length;
    checkSubdivisions(regulation, add);
    subdivisions = out.length === first ? NO_DIAGNOSTICS : out.slice(first);
  }
  structureFindings.set(regulation, { severity: options.severity, groups: found, reads, subdivisions });
}

/**
 * What the structure checks (numbering groups, subdivisions) found in a regulation, with the severities they
 * were reported under. They read the structure, and of the text only the spans in `reads` (a list item's own
 * text, for a lead-in before a list that restarts): a move over running text outside those spans leaves them
 * as they were, moved. Checking them again on every keystroke cost ~4 ms in PP 22/2021 (1,716 findings; keystroke
 * p50 in process ~9 -> ~5 ms).
 */
interface StructureFindings {
  readonly severity: DiagnosticOptions['severity'];
  /** Per numbering group, in numberingGroups() order. A carried list may be undefined: that group is checked again. */
  readonly groups: (Diagnostic[] | undefined)[];
  /** Per group: the text spans its check read, as [from, to] pairs (undefined: none). */
  readonly reads: (number[] | undefined)[];
  readonly subdivisions: Diagnostic[];
}

const structureFindings = new WeakMap<Regulation, StructureFindings>();

/**
 * `to` is `from` moved over `change` (only running text changed, no title: model/shift.ts), so it has the same
 * numbering groups: their findings move with it, except those of a group whose check read text the edit touched.
 */
export function carryStructureFindings(from: Regulation, to: Regulation, change: TextChange, shift: Shift): void {
  const kept = structureFindings.get(from);
  if (!kept) return;
  const groups = new Array<Diagnostic[] | undefined>(kept.groups.length);
  const reads = new Array<number[] | undefined>(kept.reads.length);
  for (let g = 0; g < groups.length; g++) {
    const spans = kept.reads[g];
    if (spans && touches(spans, change.start, change.end)) continue;
    const list = kept.groups[g];
    groups[g] = list && movedDiagnostics(list, change.start, shift);
    reads[g] = spans && spans.map((offset) => shift(offset));
  }
  structureFindings.set(to, { severity: kept.severity, groups, reads, subdivisions: movedDiagnostics(kept.subdivisions, change.start, shift) });
}

/** Whether [start, end] meets one of the [from, to] pairs, ends included (text typed right after a lead-in counts). */
function touches(spans: readonly number[], start: number, end: number): boolean {
  for (let i = 0; i < spans.length; i += 2) if (start <= spans[i + 1] && end >= spans[i]) return true;
  return false;
}

/** The diagnostics at the new offsets: those wholly before the edit as they are, the others copied and moved. */
function movedDiagnostics(list: Diagnostic[], editStart: number, shift: Shift): Diagnostic[] {
  let moved: Diagnostic[] | undefined;
  for (let i = 0; i < list.length; i++) {
    const diagnostic = list[i];
    if (before(diagnostic, editStart)) continue;
    moved ??= list.slice();
    const related = diagnostic.related.map((entry) => (entry.range.end < editStart ? entry : { range: moveRange(entry.range, shift), message: entry.message }));
    moved[i] = { code: diagnostic.code, severity: diagnostic.severity, message: diagnostic.message, range: moveRange(diagnostic.range, shift), related, data: diagnostic.data };
  }
  return moved ?? list;
}

function before(diagnostic: Diagnostic, offset: number): boolean {
  if (diagnostic.range.end >= offset) return false;
  for (const entry of diagnostic.related) if (entry.range.end >= offset) return false;
  return true;
}

function moveRange(range: TextRange, shift: Shift): TextRange {
  return { start: shift(range.start), end: shift(range.end) };
}

/**
 * The damaged unit a parse error is about: the first one starting at `offset`, or whose label does ("Ayat (21"
 * in a Penjelasan: the error is the label's, the unit starts at "Ayat"). Units are in text order.
 */
function damagedUnitAt(units: readonly Unit[], offset: number): Unit | undefined {
  for (let i = firstWhere(units.length, (j) => units[j].range.start >= offset - KEYWORD_SPAN); i < units.length && units[i].range.start <= offset; i++) {
    const unit = units[i];
    if (unit.damage !== undefined && (unit.range.start === offset || unit.numberRange.start === offset)) return unit;
  }
  // A label of a column ("( 1)") names a unit that opens later, at its paragraph (syntax/label-column.ts).
  for (let i = firstWhere(units.length, (j) => units[j].range.start > offset); i < units.length && units[i].range.start <= offset + COLUMN_SPAN; i++) {
    const unit = units[i];
    if (unit.damage !== undefined && unit.numberRange.start === offset) return unit;
  }
  return undefined;
}

/** How far after its label a column's unit may open: the page the column's labels stand on (~160 lines). */
const COLUMN_SPAN = 16_000;

/** "Ayat" and its spacing before a Penjelasan label: at most this many characters. */
const KEYWORD_SPAN = 16;

type Add = (code: DiagnosticCode, range: TextRange, message: Message, related?: RelatedInformation[], data?: FixData) => void;

/** `reads` gets the [from, to] spans of text the check read (see StructureFindings). */
function checkGroup(text: string, group: NumberingGroup, add: Add, reads: number[]): void {
  let seen = new Map<string, Unit>();
  let previous: UnitNumber | undefined;
  let previousUnit: Unit | undefined;
  let accepted: string[] | undefined;
  const units = group.units;
  for (let index = 0; index < units.length; index++) {
    const unit = units[index];
    const number = unit.parsed!;
    const key = normaliseKey(number.text);
    // Named only when reported (unitName below): a keystroke checks every unit, and most report nothing.
    // A list restarting at its first number after a higher one: a heading above was probably lost.
    if (previous && isFirst(number) && group.kind !== 'pasal' && group.kind !== 'bab') {
      // A new lead-in ("… terdiri atas:") after the previous item's sentence starts a new list.
      if (leadsIn(text, previousUnit!, reads, group.scope === 'penjelasan')) {
        seen = new Map([[key, unit]]);
        previous = number;
        previousUnit = unit;
        accepted = undefined;
        continue;
      }
      add('duplicate-number', unit.nameRange, msg('restart', { name: unitName(unit), previous: unitName(previousUnit!) }), [seen.has(key) ? related(seen.get(key)!, 'firstHere') : related(previousUnit!, 'previousHere')], { unitId: unit.id, restart: true });
      seen = new Map([[key, unit]]);
      previous = number;
      previousUnit = unit;
      accepted = undefined;
      continue;
    }
    // One unit numbered wrong between two that follow each other ("Pasal 2, Pasal 9, Pasal 4"; "a., h., c.", an
    // OCR'd b): one finding, not a gap and a disorder, and the sequence goes on from the number it should have had.
    // A number used earlier but not just before is misnumbered too when its neighbours fix the slot ("Pasal 66,
    // Pasal 57, Pasal 68", an OCR'd 67): a duplicate of a far-away Pasal would send the drafter to the wrong place.
    // The previous number repeated ("(2), (2), (4)") stays a duplicate.
    const offSequence = previous && !unit.artefact && (!seen.has(key) || normaliseKey(previous.text) !== key) && !isSuccessor(previous, number) && !(accepted?.some((text) => normaliseKey(text) === key) ?? false);
    const due = offSequence && previous ? misnumberedSlot(previous, number, units[index + 1]) ?? digitSlipSlot(previous, number, units[index + 1]) : undefined;
    if (due !== undefined) {
      const next = units[index + 1];
      // A digit misread where the headings before it were lost too ("Pasal 65, Pasal 57, Pasal 68": 67, and 66 is
      // missing): the gap is reported at this unit, named with the number it should have.
      if (due.base > previous!.base + 1) add('numbering-gap', unit.nameRange, msg('gap', { name: nameWith(unit, due.text), previous: unitName(previousUnit!), missing: missingRange(unit, previous!, due) }), [related(previousUnit!, 'previousHere')], { unitId: unit.id });
      add('numbering-order', unit.nameRange, msg('misnumbered', { name: unitName(unit), previous: unitName(previousUnit!), next: unitName(next), expected: nameWith(unit, due.text) }), [related(previousUnit!, 'previousHere'), related(next, 'nextHere')], { unitId: unit.id, expected: due.text });
      seen.set(normaliseKey(due.text), unit);
      previous = due;
      previousUnit = unit;
      accepted = undefined;
      continue;
    }
    const first = seen.get(key);
    if (first) {
      if (unit.artefact) {
        add('repeated-line', unit.nameRange, msg('repeatedLine', { name: unitName(unit) }), [related(first, 'firstHere')], { unitId: unit.id });
      } else {
        const expected = previous ? successorTexts(previous)[0] : undefined;
        const container = first.kind === 'pasal' || first.kind === 'bab' ? containerOf(first) : undefined;
        const message = container ? msg('duplicateIn', { name: unitName(unit), container }) : msg('duplicate', { name: unitName(unit) });
        add('duplicate-number', unit.nameRange, message, [related(first, 'firstHere')], { unitId: unit.id, expected });
      }
      // The duplicate takes the slot of the number that was due: accept what follows either.
      const slot = previous ? successorTexts(previous) : [];
      accepted = [...successorTexts(number), ...slot.flatMap((text) => successorOfText(text, number))];
      continue;
    }
    seen.set(key, unit);
    if (previous) {
      const fine = isSuccessor(previous, number) || (accepted?.some((text) => normaliseKey(text) === key) ?? false);
      if (!fine) {
        const expected = successorTexts(previous)[0];
        const after = units[index + 1];
        if (swappedWithNext(previous, number, after)) {
          // "Pasal 2, Pasal 4, Pasal 3, Pasal 5": two numbers swapped, one finding; the sequence goes on after both.
          add('numbering-order', unit.nameRange, msg('swapped', { name: unitName(unit), next: unitName(after), expected: nameWith(unit, expected) }), [related(previousUnit!, 'previousHere'), related(after, 'nextHere')], { unitId: unit.id, expected });
          seen.set(normaliseKey(after.parsed!.text), after);
          index++;
          previousUnit = unit;
          accepted = undefined;
          previous = number;
          continue;
        }
        if (compareNumbers(number, previous) > 0 && number.style === previous.style) {
          add('numbering-gap', unit.nameRange, msg('gap', { name: unitName(unit), previous: unitName(previousUnit!), missing: missingRange(unit, previous, number) }), [related(previousUnit!, 'previousHere')], { unitId: unit.id, expected });
        } else {
          add('numbering-order', unit.nameRange, msg('order', { name: unitName(unit), previous: unitName(previousUnit!), expected: nameWith(unit, expected) }), [related(previousUnit!, 'previousHere')], { unitId: unit.id, expected });
        }
      }
    } else if (!isFirst(number) && !(group.kind === 'pasal' && group.scope !== 'main') && number.suffix === '') {
      const expected = firstOf(number);
      add('numbering-gap', unit.nameRange, msg('startsAt', { name: unitName(unit), expected: nameWith(unit, expected) }), [], { unitId: unit.id, expected });
    }
    previous = lastOfRun(unit, number);
    previousUnit = unit;
    accepted = undefined;
  }
}

/** The last number a unit stands for: its own, or the last of the run a Penjelasan label heads ("Huruf a s/d c"). */
function lastOfRun(unit: Unit, number: UnitNumber): UnitNumber {
  const last = unit.node.info.rangeEnd;
  if (last === undefined) return number;
  return parseNumberFor(unit.kind, last) ?? number;
}

/**
 * The number `unit` should have had when one of its digits was misread and the headings before it were lost: Pasal
 * numbers only, one to three missing between the neighbours, and of the numbers between them exactly one differs
 * from this one in exactly one digit ("Pasal 65, Pasal 57, Pasal 68": 67, not 66).
 */
function digitSlipSlot(previous: UnitNumber, number: UnitNumber, next: Unit | undefined): UnitNumber | undefined {
  const after = next?.parsed;
  if (!after || next!.kind !== 'pasal' || next!.artefact || previous.style !== 'arabic' || number.style !== 'arabic' || after.style !== 'arabic') return undefined;
  if (previous.suffix !== '' || number.suffix !== '' || after.suffix !== '') return undefined;
  const missing = after.base - previous.base - 1;
  // A number between its neighbours is a plain gap ("Pasal 29, Pasal 31, Pasal 32").
  if (missing < 2 || missing > 3 || (number.base > previous.base && number.base < after.base)) return undefined;
  let found: number | undefined;
  for (let candidate = previous.base + 1; candidate < after.base; candidate++) {
    if (!oneDigitApart(String(candidate), String(number.base))) continue;
    if (found !== undefined) return undefined;
    found = candidate;
  }
  return found === undefined ? undefined : { base: found, suffix: '', text: String(found), style: 'arabic' };
}

/** Same length, one digit different. */
function oneDigitApart(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let differences = 0;
  for (let i = 0; i < a.length; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) differences++;
  return differences === 1;
}

/**
 * The number `unit` should have had when it breaks the sequence while the unit after it follows the number due
 * ("Pasal 2, Pasal 9, Pasal 4": 3): undefined when the next unit does not say so, or is itself off.
 */
function misnumberedSlot(previous: UnitNumber, number: UnitNumber, next: Unit | undefined): UnitNumber | undefined {
  const expected = successorTexts(previous)[0];
  if (expected === undefined || next === undefined || next.artefact || next.parsed === undefined || number.style !== previous.style) return undefined;
  const due: UnitNumber = { base: previous.style === 'letter' ? expected.charCodeAt(0) - 96 : previous.base + 1, suffix: '', text: expected, style: previous.style };
  // A plain letter or number only ("aa" and inserted "5A" have successors of their own).
  if (previous.style === 'letter' ? expected.length !== 1 : /[^0-9IVXLCDM]/.test(expected) && previous.style !== 'ordinal') return undefined;
  // The next unit with the same number is a duplicate pair ("(3), (5), (5), (7)"): which of the two is wrong the
  // numbers cannot tell, and the duplicate is reported as such.
  if (!isSuccessor(due, next.parsed) || isSuccessor(number, next.parsed) || normaliseKey(next.parsed.text) === normaliseKey(number.text)) return undefined;
  return due;
}

/** `number` is the one after the number due, and the unit after it has the number due: the two are swapped. */
function swappedWithNext(previous: UnitNumber, number: UnitNumber, next: Unit | undefined): next is Unit {
  if (next === undefined || next.artefact || next.parsed === undefined || next.parsed.style !== previous.style) return false;
  return isSuccessor(previous, next.parsed) && isSuccessor(next.parsed, number) && number.suffix === '' && next.parsed.suffix === '';
}

/**
 * The item's own text ends with a new lead-in ("… . Dana BOSP terdiri atas:"), so a list restarting after it is new.
 * In a Penjelasan any colon will do: its worked examples run lists together ("c. Nilai Harta bersih Rp10.000,00
 * Dalam Surat Pernyataan … diketahui bahwa:" / "a. Nilai Harta …").
 */
function leadsIn(text: string, unit: Unit, reads: number[], penjelasan: boolean): boolean {
  const end = unit.children.length > 0 ? unit.children[0].range.start : unit.range.end;
  const start = textStart(unit);
  reads.push(start, end);
  return (penjelasan ? ENDS_WITH_COLON : NEW_LEAD_IN).test(text.slice(start, end));
}
const NEW_LEAD_IN = /[.;]\s[^.;]*:\s*$/;
const ENDS_WITH_COLON = /:\s*$/;

function successorOfText(text: string, like: UnitNumber): string[] {
  const match = /^([0-9]+)$/.exec(text);
  if (match && like.style === 'arabic') return successorTexts({ base: Number(match[1]), suffix: '', text, style: 'arabic' });
  return [];
}

function isFirst(number: UnitNumber): boolean {
  return number.base === 1 && number.suffix === '';
}

function firstOf(number: UnitNumber): string {
  switch (number.style) {
    case 'roman':
      return 'I';
    case 'ordinal':
      return 'Kesatu';
    case 'letter':
      return 'a';
    default:
      return '1';
  }
}

function missingRange(unit: Unit, previous: UnitNumber, number: UnitNumber): string {
  const first = successorTexts(previous)[0];
  if (number.style === 'arabic' && previous.suffix === '' && number.suffix === '' && number.base - previous.base > 2) {
    return `${nameWith(unit, first)} – ${nameWith(unit, String(number.base - 1))}`;
  }
  return nameWith(unit, first);
}

function nameWith(unit: Unit, number: string): string {
  return unitNameWith(unit, number);
}

/** A list or ayat unit's label as it should be written, or undefined for a unit named by a heading. */
function labelOf(unit: Unit): string | undefined {
  return unit.kind === 'ayat' || unit.kind === 'huruf' || unit.kind === 'angka' ? formatLabel(unit.kind, unit.number ?? '', unit.labelStyle ?? 'dot') : undefined;
}

function headingWord(unit: Unit): string {
  return unitNameWith(unit, '').trim().replace(/\(\)$/, '').trim();
}

/** Where the other unit of the same name is: "BAB II (ORGANISASI DINAS)", or nothing when it is obvious. */
function containerOf(unit: Unit): string | undefined {
  let container = unit.parent;
  while (container && container.kind !== 'bab' && container.kind !== 'pasal') container = container.parent;
  if (!container) return undefined;
  return container.kind === 'bab' && container.title ? `${unitName(container)} (${container.title})` : unitName(container);
}

function related(unit: Unit, key: 'firstHere' | 'previousHere' | 'nextHere'): RelatedInformation {
  return { range: unit.nameRange, message: msg(key, { name: unitName(unit) }) };
}

/** Rule 70 allows a BAB without Bagian, but a single Bagian (or Paragraf) divides nothing. */
function checkSubdivisions(regulation: Regulation, add: Add): void {
  for (const unit of regulation.units) {
    if (unit.quoted || (unit.kind !== 'bab' && unit.kind !== 'bagian')) continue;
    if (unit.scope !== 'main') continue;
    const childKind = unit.kind === 'bab' ? 'bagian' : 'paragraf';
    const subdivisions = unit.children.filter((child) => child.kind === childKind);
    if (subdivisions.length === 1) {
      add('single-subdivision', subdivisions[0].nameRange, msg('single', { name: unitName(subdivisions[0]), parent: unitName(unit) }), [], { unitId: subdivisions[0].id });
    }
  }
}

/** Whether checkReferences() may report on this reference: a dangling or ambiguous item, or "dalam ayat". */
export function mayReport(reference: Reference): boolean {
  for (const item of reference.items) if (item.status === 'dangling' || item.status === 'ambiguous') return true;
  return reference.preposition === 'dalam';
}

/**
 * The messages of one reference item's finding, in both languages: the finding's, then its related
 * locations'. They depend on the item's resolution and on unit names, which a move over a text-only edit
 * keeps (features/incremental.ts carries the item), so each item's are written once.
 */
const itemMessages = new WeakMap<RefItem, Message[]>();

function messagesOf(item: RefItem): Message[] {
  let messages = itemMessages.get(item);
  if (messages) return messages;
  const failed = item.failedAt;
  if (item.status === 'ambiguous') {
    const name = item.path.map((segment) => segmentName(segment.kind, segment.value)).join(' ');
    messages = [msg('ambiguous', { name, count: String(item.targets.length) }), ...listedCandidates(item).map((target) => msg('candidate', { name: citation(target) }))];
  } else if (failed?.damagedFrom) {
    const written = failed.damagedFrom.replace(/\s+/g, ' ');
    messages = [failed.probable === undefined ? msg('damagedRefUnread', { written }) : msg('damagedRef', { written, probable: failed.probable })];
  } else if (failed && item.misread) {
    messages = [msg('damagedRef', { written: `Pasal ${failed.value}`, probable: item.misread })];
  } else if (failed && item.resolvedPrefix) {
    const parent = citation(item.resolvedPrefix);
    messages = [msg('noChild', { parent, child: segmentName(failed.kind, failed.value) }), msg('parentHere', { name: parent })];
  } else if (failed) {
    messages = [msg('noTarget', { name: segmentName(failed.kind, failed.value) })];
  } else {
    messages = [];
  }
  itemMessages.set(item, messages);
  return messages;
}

/**
 * "ayat (1) huruf d" where that ayat is a label alone in a text whose layout is broken (pdftotext set the label
 * column apart): its list stands under the Pasal, unlabelled paragraphs apart. Whether it is this ayat's cannot
 * be told; when the Pasal holds such a huruf or angka, the citation is not reported.
 */
function listUnderLabelAlone(regulation: Regulation, prefix: Unit, failed: RefSegment): boolean {
  if (!regulation.layoutBroken || prefix.kind !== 'ayat' || (failed.kind !== 'huruf' && failed.kind !== 'angka')) return false;
  if (!isLabelAlone(regulation.text, prefix)) return false;
  const pasal = prefix.parent;
  if (!pasal || pasal.kind !== 'pasal') return false;
  const key = normaliseKey(failed.value);
  return pasal.children.some((child) => child.kind === failed.kind && child.number !== undefined && normaliseKey(child.number) === key);
}

/**
 * What the numbering findings say about numbers that should be other numbers ("Misnumbered: huruf c stands
 * between huruf d and huruf f; expected huruf e"). A citation of such a slot ("huruf e") finds nothing only
 * because of that one error, which the finding's fix mends: it is not reported again. A misnumbered unit is no
 * candidate for a citation of the number it wrongly carries; a duplicate still is (which of the two is wrong,
 * the numbers cannot tell).
 */
interface Renumbered {
  /** slotKey() of each number a finding says is due, with the unit that should carry it. */
  readonly slots: Map<string, Unit>;
  readonly misnumbered: Set<Unit>;
  /** wellNumbered() per candidate list: citations of one number share theirs (N citations of N units). */
  readonly counted: Map<readonly Unit[], number>;
}

function renumbered(regulation: Regulation, found: readonly Diagnostic[]): Renumbered | undefined {
  let out: Renumbered | undefined;
  for (const diagnostic of found) {
    if (diagnostic.code !== 'numbering-order' && diagnostic.code !== 'duplicate-number') continue;
    const { unitId, expected, restart } = diagnostic.data;
    if (unitId === undefined || expected === undefined || restart) continue;
    const unit = regulation.units[unitId];
    const key = slotKey(unit, expected);
    if (key === undefined) continue;
    out ??= { slots: new Map(), misnumbered: new Set(), counted: new Map() };
    out.slots.set(key, unit);
    if (diagnostic.code === 'numbering-order') out.misnumbered.add(unit);
  }
  return out;
}

/** A Pasal's slot is its number in the body; a subdivision's, its number under its parent. */
function slotKey(unit: Unit | undefined, number: string): string | undefined {
  if (!unit) return undefined;
  if (unit.kind === 'pasal') return unit.scope === 'main' ? `pasal ${normaliseKey(number)}` : undefined;
  return unit.parent ? `${unit.parent.id} ${unit.kind} ${normaliseKey(number)}` : undefined;
}

/** Whether `failed` under `prefix` (none: a Pasal of the body) is a slot a numbering finding gives another unit. */
function citesRenumbered(renumbering: Renumbered | undefined, prefix: Unit | undefined, failed: RefSegment): boolean {
  if (!renumbering) return false;
  const key = prefix ? `${prefix.id} ${failed.kind} ${normaliseKey(failed.value)}` : failed.kind === 'pasal' ? `pasal ${normaliseKey(failed.value)}` : undefined;
  return key !== undefined && renumbering.slots.has(key);
}

/** How many candidates of an ambiguous citation are not misnumbered: 0, 1, or 2 for "more than one". */
function wellNumbered(renumbering: Renumbered | undefined, targets: readonly Unit[]): number {
  if (!renumbering || targets.length > renumbering.misnumbered.size + 1) return 2;
  let count = renumbering.counted.get(targets);
  if (count === undefined) {
    count = 0;
    for (let i = 0; i < targets.length && count < 2; i++) if (!renumbering.misnumbered.has(targets[i])) count++;
    renumbering.counted.set(targets, count);
  }
  return count;
}

/** The unit is, or stands in, a unit whose heading repeats the line before it (a scraper's duplicate). */
function underRepeat(unit: Unit): boolean {
  for (let current: Unit | undefined = unit; current; current = current.parent) if (current.artefact) return true;
  return false;
}

function checkReferences(regulation: Regulation, references: readonly Reference[], add: Add, renumbering?: Renumbered): void {
  // unlabelledAyat per Pasal and number, for this run only (kept units move with the text, which may change).
  const unlabelled = new Map<string, boolean>();
  // The year the title gives, read from the text when a hint first asks (null: not yet read).
  let year: number | undefined | null = null;
  const olderThanRules = (): boolean => {
    if (year === null) year = regulationYear(regulation.text);
    return year !== undefined && year < RULES_SINCE;
  };
  const mayHaveAyat = (pasal: Unit, value: string): boolean => {
    const key = `${pasal.id}:${value}`;
    let found = unlabelled.get(key);
    if (found === undefined) unlabelled.set(key, found = unlabelledAyat(regulation, pasal, value));
    return found;
  };
  for (const reference of references) {
    if (!mayReport(reference)) continue;
    const inPenjelasan = reference.context?.scope === 'penjelasan';
    let damagedReported: RefSegment | undefined;
    for (const item of reference.items) {
      const written = item.range;
      if (item.status === 'dangling') {
        const failed = item.failedAt;
        if (!failed) continue;
        const [message, parentHere] = messagesOf(item);
        if (failed.damagedFrom) {
          // "Pasa1 12 huruf e dan huruf f": the items share the damaged segment, which is one finding.
          if (failed === damagedReported) continue;
          damagedReported = failed;
          add('dangling-reference', failed.range, message, [], { replacement: failed.probable, weak: inPenjelasan });
        } else if (item.resolvedPrefix) {
          if (item.weak && failed.kind === 'ayat' && adoptedLabel(regulation, item.resolvedPrefix, failed.value) !== undefined) continue;
          if (listUnderLabelAlone(regulation, item.resolvedPrefix, failed)) continue;
          // A Pasal whose ayat labels pdftotext lost or set apart, with as many paragraphs: not a finding about the drafting.
          if (failed.kind === 'ayat' && mayHaveAyat(item.resolvedPrefix, failed.value)) continue;
          if (citesRenumbered(renumbering, item.resolvedPrefix, failed)) continue;
          add('dangling-reference', written, message, [{ range: item.resolvedPrefix.nameRange, message: parentHere }], { weak: item.weak || inPenjelasan });
        } else if (item.misread) {
          add('dangling-reference', failed.range, message, [], { replacement: item.misread, weak: inPenjelasan });
        } else if (!citesRenumbered(renumbering, undefined, failed)) {
          add('dangling-reference', written, message, [], { weak: inPenjelasan });
        }
      } else if (item.status === 'ambiguous') {
        // All but one candidate are labels the next Pasal adopts: the citation means that one.
        if (ownCandidates(regulation, item.targets).length === 1) continue;
        // All but one candidate are misnumbered (an OCR'd "c." that should read "e."): the citation means that one.
        if (wellNumbered(renumbering, item.targets) === 1) continue;
        // All but one candidate stand under a heading the scraper repeated ("Pasal 3" twice, the repeat-line
        // finding says so): one Pasal in two pieces, not two Pasal.
        if (item.targets.filter((target) => !underRepeat(target)).length === 1) continue;
        const [message, ...candidates] = messagesOf(item);
        add('ambiguous-reference', written, message, listedCandidates(item).map((target, i) => ({ range: target.nameRange, message: candidates[i] })));
      }
    }
    // Rule 272: "pada" for ayat of the same Pasal, "dalam" for another Pasal. A rule for the body's citations: a
    // Penjelasan's "Yang dimaksud dengan membekukan dalam ayat (2) ini …" names the ayat it explains. And a rule of
    // UU 12/2011: older laws wrote "dalam ayat (2)" as their time did.
    const head = reference.items[0];
    if (reference.preposition === 'dalam' && reference.prepositionRange && head && head.path[0].kind === 'ayat' && head.status === 'resolved' && !inPenjelasan && !olderThanRules()) {
      add('reference-style', reference.prepositionRange, PADA_AYAT, [], { replacement: 'pada' });
    }
  }
}

const PADA_AYAT = msg('padaAyat', {});
/** The year of UU 12/2011, whose Lampiran II sets the reference forms checked here. */
const RULES_SINCE = 2011;

/**
 * The candidates an ambiguous citation's finding lists as related places: the first few. Every citation of a number
 * that N units carry would otherwise list all N, and N such citations made N² messages (a text repeating one Pasal
 * thousands of times ran the server out of memory); the message still gives the count.
 */
const LISTED_CANDIDATES = 10;

function listedCandidates(item: RefItem): readonly Unit[] {
  return item.targets.length <= LISTED_CANDIDATES ? item.targets : item.targets.slice(0, LISTED_CANDIDATES);
}

export function segmentName(kind: string, value: string): string {
  return kind === 'ayat' ? `ayat (${value})` : kind === 'pasal' ? `Pasal ${value}` : `${kind} ${value}`;
}
