// Renumbering: give a unit and every later unit of its numbering group the numbers the sequence calls
// for, and rewrite every resolved reference to a renumbered unit so it still cites the same text.
// Invariant: a reference that pointed at some text before the edits points at the same text after.

import { formatNumber, normaliseKey, UnitNumber } from '../syntax';
import { NumberingGroup, numberingGroups, parseNumberFor, Reference, RefItem, RefSegment, TextRange, Unit } from '../model';
import { analyze, Analysis } from './analysis';
import { applyEdits, lostReference, lostUnit, mapOffset, mergeEdits, numberSpan, TextEdit } from './edits';

/** One unit and the number it gets. */
export interface NumberChange {
  readonly unit: Unit;
  readonly number: string;
}

/**
 * The renumbering offered as "Renumber … from here": the edits of `renumberPlan`, or none when they would
 * lose something. In scraped text the parser decides doubtful lines by the sequence, and the sequences are
 * not independent: an amendment instruction ("2. Ketentuan Pasal 6 diubah …") ends the quoted text only when
 * its number follows the instruction before it, and a label in the middle of a line counts only when it
 * continues its list, so renumbering one list can move a quote's end and leave a heading or label elsewhere
 * unread (UU 11/2020: renumbering an instruction list lost "Pasal 20A" 55,000 characters further on).
 * No cheap rule sees that, so the edited text is read again (`reanalyze`) and the renumbering is refused
 * when a unit is no longer read as one (with its new number, if it got one), a reference that resolved to one
 * unit no longer resolves to it, the group has a numbering diagnostic from the unit on that it did not have,
 * or renumbering again would change more. Computed when first asked, once per analysis and unit.
 */
export function renumberFrom(analysis: Analysis, unitId: number, reanalyze: (text: string) => Analysis = analyze): TextEdit[] {
  let byUnit = renumberCache.get(analysis);
  if (!byUnit) renumberCache.set(analysis, (byUnit = new Map()));
  let edits = byUnit.get(unitId);
  if (!edits) {
    edits = editsForNumberChanges(analysis, renumberPlan(analysis, unitId));
    if (edits.length > 0 && !renumberingHolds(analysis, analysis.regulation.units[unitId], edits, reanalyze(applyEdits(analysis.text, edits)))) edits = [];
    byUnit.set(unitId, edits);
  }
  return edits;
}

const renumberCache = new WeakMap<Analysis, Map<number, TextEdit[]>>();

/** The renumbered text (`after`) loses nothing, leaves the group sound from the unit on, and is final. */
function renumberingHolds(before: Analysis, unit: Unit, edits: readonly TextEdit[], after: Analysis): boolean {
  if (lostUnit(before, after, edits) || lostReference(before, after, edits)) return false;
  const start = mapOffset(edits, unit.range.start);
  const same = after.regulation.units.find((candidate) => candidate.range.start === start && candidate.kind === unit.kind);
  const group = same && groupOf(after, same);
  if (!same || !group) return false;
  // Numbering diagnostics of the group from the unit on: only those it had before (at their mapped place).
  const had = new Set<string>();
  for (const diagnostic of before.diagnostics) {
    const other = diagnostic.data.unitId === undefined ? undefined : before.regulation.units[diagnostic.data.unitId];
    if (other && other !== unit && NUMBERING_CODES.has(diagnostic.code)) had.add(`${diagnostic.code}@${mapOffset(edits, other.range.start)}`);
  }
  const from = group.units.indexOf(same);
  for (const diagnostic of after.diagnostics) {
    const other = diagnostic.data.unitId === undefined ? undefined : after.regulation.units[diagnostic.data.unitId];
    if (other && NUMBERING_CODES.has(diagnostic.code) && group.units.indexOf(other) >= from && !had.has(`${diagnostic.code}@${other.range.start}`)) return false;
  }
  return editsForNumberChanges(after, renumberPlan(after, same.id)).length === 0;
}

/**
 * The numbering group a unit is checked in (undefined for quoted text and unnumbered units). The groups are
 * computed once per analysis, so one group is one object: fix all renumbers each group once, from its first
 * offending unit (with fresh objects per call, every diagnostic of a group made a plan of its own and a
 * reference followed whichever plan came last: "ayat (7)" rewritten to 4 while its label became 2).
 */
export function groupOf(analysis: Analysis, unit: Unit): NumberingGroup | undefined {
  let byUnit = groupsByUnit.get(analysis);
  if (!byUnit) {
    byUnit = new Map();
    for (const group of numberingGroups(analysis.regulation)) for (const member of group.units) if (!byUnit.has(member)) byUnit.set(member, group);
    groupsByUnit.set(analysis, byUnit);
  }
  return byUnit.get(unit);
}

const groupsByUnit = new WeakMap<Analysis, Map<Unit, NumberingGroup>>();

/** The new numbers for `unitId` and every later unit of its group (unchanged units included). */
export function renumberPlan(analysis: Analysis, unitId: number): NumberChange[] {
  const unit = analysis.regulation.units[unitId];
  if (!unit || unit.id !== unitId) return [];
  const group = groupOf(analysis, unit);
  if (!group) return [];
  // Where the diagnostics expect this unit to be ("Pasal 15" after a second Pasal 14); a unit they accept keeps its number.
  const own = analysis.diagnostics.filter((diagnostic) => diagnostic.data.unitId === unitId && NUMBERING_CODES.has(diagnostic.code));
  // A list restarting at 1 lost the heading above it: renumbering would hide that, not fix it.
  if (own.some((diagnostic) => diagnostic.data.restart)) return [];
  const expected = own.length === 0 ? unit.parsed?.text : own.find((diagnostic) => diagnostic.data.expected !== undefined)?.data.expected;
  const plan = planForGroup(group, group.units.indexOf(unit), expected);
  return mirrorsCollide(analysis, plan) ? [] : plan;
}

/**
 * The Penjelasan headings that would follow the plan take numbers other Penjelasan headings keep: the body
 * lost a heading the Penjelasan still explains (body 19, 21 beside Penjelasan 19, 20, 21). Renumbering the
 * body would pair each Penjelasan entry with the wrong Pasal and make two Penjelasan "Pasal 20".
 */
function mirrorsCollide(analysis: Analysis, plan: readonly NumberChange[]): boolean {
  const mirrors = withPenjelasanMirrors(analysis, plan).slice(plan.length);
  if (mirrors.length === 0) return false;
  const moving = new Set(mirrors.map((change) => change.unit));
  const kept = new Set(analysis.regulation.units.filter((unit) => unit.kind === 'pasal' && unit.scope === 'penjelasan' && !unit.quoted && unit.number !== undefined && !moving.has(unit)).map((unit) => normaliseKey(unit.number!)));
  return mirrors.some((change) => normaliseKey(change.number) !== normaliseKey(change.unit.number!) && kept.has(normaliseKey(change.number)));
}

const NUMBERING_CODES = new Set<string>(['duplicate-number', 'numbering-gap', 'numbering-order']);

/**
 * Numbers from `from` on, starting at `start` (the number the diagnostics expect there) or after the unit before.
 * A group that mixes numbering styles (Pasal I next to Pasal 59: amendment text the parser did not see as quoted)
 * and a Penjelasan group are not renumbered. A list that restarts at 1 (a lost heading above it) is a new
 * list: renumbering stops there, as the diagnostics do.
 */
export function planForGroup(group: NumberingGroup, from: number, expected?: string): NumberChange[] {
  const units = group.units;
  const style = units[from].parsed!.style;
  if (units.some((unit) => unit.parsed!.style !== style)) return [];
  // Penjelasan headings ("Pasal 14", "Ayat (2)") name the body units they explain: renumbering them would
  // make them explain other units. They follow the body instead (see withPenjelasanMirrors).
  if (group.scope === 'penjelasan') return [];
  const spreadsheet = units.some((unit) => unit.parsed?.style === 'letter' && /^[a-z]{2,}$/.test(unit.parsed.text) && !/^(.)\1+$/.test(unit.parsed.text));
  const restarts = group.kind !== 'pasal' && group.kind !== 'bab';
  const start = expected === undefined ? undefined : parseNumberFor(units[from].kind, units[from].kind === 'pasal' || units[from].kind === 'bab' ? expected.toUpperCase() : expected);
  let previous: { base: number; suffix: string } | undefined = from > 0 ? sequencePosition(units[from - 1].parsed!) : undefined;
  const out: NumberChange[] = [];
  for (let i = from; i < units.length; i++) {
    const unit = units[i];
    const current = unit.parsed!;
    if (i > from && restarts && current.base === 1 && current.suffix === '') break;
    let next: { base: number; suffix: string };
    if (i === from && start && start.style === style) {
      next = sequencePosition(start);
    } else if (!previous) {
      // The first of its group: 1, I, Kesatu, a — except Pasal outside the batang tubuh, which may start anywhere.
      next = group.kind === 'pasal' && group.scope !== 'main' ? { base: current.base, suffix: '' } : { base: 1, suffix: '' };
    } else if (current.suffix !== '' && style !== 'letter') {
      // An inserted unit (5A) stays inserted after the unit before it: 6A after 6, 6B after 6A.
      next = { base: previous.base, suffix: previous.suffix === '' ? 'A' : String.fromCharCode(previous.suffix.toUpperCase().charCodeAt(0) + 1) };
    } else {
      next = { base: previous.base + 1, suffix: '' };
    }
    out.push({ unit, number: formatFor(unit, next, style, spreadsheet) });
    previous = next;
  }
  // A number the plan gives that a unit it keeps (before `from`, or after a restart) already carries would
  // make a duplicate and turn the references to both ambiguous: that group needs its lost heading back, not
  // new numbers.
  const changed = new Set(out.map((change) => change.unit));
  const kept = new Set(units.filter((unit) => !changed.has(unit)).map((unit) => normaliseKey(unit.parsed!.text)));
  if (out.some((change) => normaliseKey(change.number) !== normaliseKey(change.unit.parsed!.text) && kept.has(normaliseKey(change.number)))) return [];
  return out;
}

function sequencePosition(number: UnitNumber): { base: number; suffix: string } {
  return { base: number.base, suffix: number.suffix.toUpperCase() };
}

function formatFor(unit: Unit, position: { base: number; suffix: string }, style: UnitNumber['style'], spreadsheet: boolean): string {
  if (style === 'letter') return spreadsheet ? spreadsheetLetters(position.base) : formatNumber(position.base, '', 'letter');
  // ayat and angka write inserted numbers in lower case: (1a); Pasal, BAB, Bagian in capitals: 5A, IXA, Kedua A.
  const suffix = unit.kind === 'ayat' || unit.kind === 'angka' ? position.suffix.toLowerCase() : position.suffix;
  return formatNumber(position.base, suffix, style);
}

/** 1 → a, 26 → z, 27 → aa, 28 → ab (the spreadsheet practice some lists follow after z). */
function spreadsheetLetters(value: number): string {
  let rest = value;
  let out = '';
  while (rest > 0) {
    const digit = (rest - 1) % 26;
    out = String.fromCharCode(97 + digit) + out;
    rest = Math.floor((rest - 1) / 26);
  }
  return out;
}

// ---- edits ------------------------------------------------------------------------------------

/**
 * The edits that give each unit its new number: the heading or label itself, the matching heading
 * in the Penjelasan (for Pasal of the batang tubuh), and every resolved reference to a changed unit.
 */
export function editsForNumberChanges(analysis: Analysis, changes: readonly NumberChange[]): TextEdit[] {
  const text = analysis.text;
  const effective = new Map<Unit, string>();
  const edits: TextEdit[] = [];
  for (const change of withPenjelasanMirrors(analysis, changes)) {
    const { unit, number } = change;
    if (unit.quoted) continue;
    const numberChanged = normaliseKey(unit.number ?? '') !== normaliseKey(number);
    if (numberChanged) effective.set(unit, number);
    const written = unit.writtenNumber ?? unit.number ?? '';
    if (normaliseKey(written) === normaliseKey(number)) continue;
    // "Pertama" for Kesatu, "05" for 5: a sound heading that already reads as the new number stays as written.
    if (unit.damage === undefined && unit.parsed && normaliseKey(unit.parsed.text) === normaliseKey(number)) continue;
    const span = numberSpan(text, unit);
    edits.push({ range: span, newText: matchCase(text.slice(span.start, span.end), number) });
  }
  if (effective.size > 0) edits.push(...referenceEdits(analysis, effective));
  return mergeEdits(text, edits);
}

/** Penjelasan "Pasal 14" explains batang-tubuh Pasal 14 and follows its number (occurrences paired in order). */
function withPenjelasanMirrors(analysis: Analysis, changes: readonly NumberChange[]): NumberChange[] {
  const out = [...changes];
  const main = changes.filter((change) => change.unit.kind === 'pasal' && change.unit.scope === 'main' && !change.unit.quoted);
  if (main.length === 0 || analysis.regulation.amending) return out;
  const units = analysis.regulation.units.filter((unit) => unit.kind === 'pasal' && !unit.quoted && unit.number !== undefined);
  // Sets and positions, not searches: fix all renumbers thousands of Pasal at once.
  const explanationIndex = new Map<string, Unit[]>();
  for (const unit of units) {
    if (unit.scope !== 'penjelasan') continue;
    const key = normaliseKey(unit.number!);
    const list = explanationIndex.get(key);
    if (list) list.push(unit);
    else explanationIndex.set(key, [unit]);
  }
  if (explanationIndex.size === 0) return out;
  // Paired in order: the k-th Penjelasan "Pasal 14" explains the k-th Pasal 14 of the body.
  const rank = new Map<Unit, number>();
  const seen = new Map<string, number>();
  for (const unit of units) {
    if (unit.scope !== 'main') continue;
    const key = normaliseKey(unit.number!);
    const k = seen.get(key) ?? 0;
    rank.set(unit, k);
    seen.set(key, k + 1);
  }
  const changing = new Set(changes.map((change) => change.unit));
  for (const change of main) {
    const mirror = explanationIndex.get(normaliseKey(change.unit.number!))?.[rank.get(change.unit) ?? -1];
    if (mirror && !changing.has(mirror)) out.push({ unit: mirror, number: change.number });
  }
  return out;
}

/** Rewrites the number of every written segment of a resolved reference that names a renumbered unit. */
function referenceEdits(analysis: Analysis, changed: Map<Unit, string>): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const reference of analysis.references) {
    for (const item of reference.items) {
      if (item.status !== 'resolved' || item.targets.length !== 1) continue;
      for (const { segment, unit } of segmentUnits(item)) {
        const number = changed.get(unit);
        if (number === undefined) continue;
        const span = segmentValueSpan(analysis.text, segment);
        if (span) edits.push({ range: span, newText: matchCase(segment.value, number) });
      }
    }
  }
  return edits;
}

/** The unit each written segment of a resolved item names: the target for the last, its ancestors for the rest. */
export function segmentUnits(item: RefItem): Array<{ segment: RefSegment; unit: Unit }> {
  const out: Array<{ segment: RefSegment; unit: Unit }> = [];
  let unit: Unit | undefined = item.targets[0];
  const written = new Set(item.written);
  for (let i = item.path.length - 1; i >= 0 && unit; i--) {
    const segment = item.path[i];
    while (unit && unit.kind !== segment.kind) unit = unit.parent;
    if (!unit) break;
    if (written.has(segment)) out.push({ segment, unit });
    unit = unit.parent;
  }
  return out;
}

/** Where the designator sits in a segment: "14" in "Pasal 14", "3" in "ayat (3)", "b" in "huruf b". */
export function segmentValueSpan(text: string, segment: RefSegment): TextRange | undefined {
  const written = text.slice(segment.range.start, segment.range.end);
  const at = segment.kind === 'ayat' ? written.indexOf('(') + 1 : written.length - segment.value.length;
  if (at <= 0 || written.slice(at, at + segment.value.length) !== segment.value) return undefined;
  return { start: segment.range.start + at, end: segment.range.start + at + segment.value.length };
}

/** Keeps the written case: "KEDUA" → "KETIGA", "5a" → "6a", "Kedua" → "Ketiga". */
export function matchCase(written: string, replacement: string): string {
  if (!/[A-Za-z]/.test(written) || !/[A-Za-z]/.test(replacement)) return replacement;
  if (written.length > 1 && written === written.toUpperCase() && /[A-Z]{2}/.test(written)) return replacement.toUpperCase();
  if (/^[0-9]+[a-z]$/.test(written)) return replacement.toLowerCase();
  if (/^[0-9]+[A-Z]$/.test(written)) return replacement.toUpperCase();
  return replacement;
}

/** Every reference (for callers that list what a change touches). */
export function referencesTo(analysis: Analysis, unit: Unit): Reference[] {
  return analysis.references.filter((reference) => reference.items.some((item) => item.status === 'resolved' && segmentUnits(item).some((entry) => entry.unit === unit)));
}
