// Text edits as plain data: what code actions, renumbering and rename return. The server converts
// offsets to positions; `applyEdits` is for tests and the CLI.

import { normaliseKey, trimmedEnd, trimmedStart } from '../syntax';
import { RefItem, TextRange, Unit } from '../model';
import { Analysis } from './analysis';

export interface TextEdit {
  readonly range: TextRange;
  readonly newText: string;
}

/** Edits sorted by position (stable for equal starts, so an insertion stays before a replacement). */
export function sortEdits(edits: readonly TextEdit[]): TextEdit[] {
  return edits
    .map((edit, index) => ({ edit, index }))
    .sort((a, b) => a.edit.range.start - b.edit.range.start || a.edit.range.end - b.edit.range.end || a.index - b.index)
    .map((entry) => entry.edit);
}

/** Two edits collide when their ranges share a character (or both insert at one place). */
export function editsOverlap(a: TextEdit, b: TextEdit): boolean {
  if (a.range.start === a.range.end && b.range.start === b.range.end) return a.range.start === b.range.start;
  return a.range.start < b.range.end && b.range.start < a.range.end;
}

/** Applies non-overlapping edits to `text`; throws when two edits overlap (the callers never produce that). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = sortEdits(edits);
  let out = '';
  let at = 0;
  for (const edit of sorted) {
    const { start, end } = edit.range;
    if (start < at) throw new Error(`Overlapping edits at ${start}–${end} (previous edit ends at ${at}).`);
    if (end < start || end > text.length) throw new Error(`Edit ${start}–${end} is outside the text (length ${text.length}).`);
    out += text.slice(at, start) + edit.newText;
    at = end;
  }
  return out + text.slice(at);
}

/** Drops edits that change nothing and exact duplicates; keeps the first of two overlapping edits. */
export function mergeEdits(text: string, ...lists: ReadonlyArray<readonly TextEdit[]>): TextEdit[] {
  const out: TextEdit[] = [];
  // The kept edits are sorted and disjoint: an edit can only meet the last kept replacement (the one reaching
  // furthest) or an insertion kept at its own start. Comparing with every kept edit made fix all quadratic.
  let lastReplacement: TextEdit | undefined;
  let lastInsertion: TextEdit | undefined;
  for (const edit of sortEdits(lists.flat())) {
    if (text.slice(edit.range.start, edit.range.end) === edit.newText) continue;
    const last = out[out.length - 1];
    if (last && last.range.start === edit.range.start && last.range.end === edit.range.end && last.newText === edit.newText) continue;
    if ((lastReplacement && editsOverlap(lastReplacement, edit)) || (lastInsertion && editsOverlap(lastInsertion, edit))) continue;
    out.push(edit);
    if (edit.range.start === edit.range.end) lastInsertion = edit;
    else lastReplacement = edit;
  }
  return out;
}

/** The edit that replaces `range` of `text` with `newText`, or none when the text is already that. */
export function replaceEdit(text: string, range: TextRange, newText: string): TextEdit[] {
  return text.slice(range.start, range.end) === newText ? [] : [{ range: { start: range.start, end: range.end }, newText }];
}

/**
 * Where the number itself is written: "14" in "Pasal 14", "3" in the label "(3)", "b" in "b.",
 * "IXA" in "BAB IXA", "Kedua A" in "Bagian Kedua A". Falls back to the whole number token.
 */
export function numberSpan(text: string, unit: Unit): TextRange {
  const { start, end } = unit.numberRange;
  const token = text.slice(start, end);
  const written = unit.writtenNumber;
  if (written) {
    const at = token.indexOf(written);
    if (at >= 0) return { start: start + at, end: start + at + written.length };
    const lower = token.toLowerCase().indexOf(written.toLowerCase());
    if (lower >= 0) return { start: start + lower, end: start + lower + written.length };
  }
  // A label without a readable written number: strip its punctuation.
  const from = trimmedStart(token, (code) => code === 40 || code === 91 || code <= 32);
  const to = trimmedEnd(token, (code) => code === 46 || code === 41 || code === 93 || code <= 32, token.length, from);
  if (to > from) return { start: start + from, end: start + to };
  return { start, end };
}

/** Where an offset of the old text lands after the edits (an offset inside an edit maps to its start). */
export function mapOffset(edits: readonly TextEdit[], offset: number): number {
  return offsetMapper(edits)(offset);
}

/** `mapOffset` for many offsets: sorts the edits once, then a binary search per offset. */
export function offsetMapper(edits: readonly TextEdit[]): (offset: number) => number {
  const sorted = sortEdits(edits);
  // shift[k]: the length change of the first k edits.
  const shift = [0];
  for (const edit of sorted) shift.push(shift[shift.length - 1] + edit.newText.length - (edit.range.end - edit.range.start));
  return (offset) => {
    // k: how many edits end at or before the offset (non-overlapping edits sorted by start are sorted by end too).
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (sorted[mid].range.end <= offset) low = mid + 1;
      else high = mid;
    }
    if (low < sorted.length && sorted[low].range.start < offset) return sorted[low].range.start + shift[low];
    return offset + shift[low];
  };
}

/** A reference item that resolved to one unit before the edits and no longer does after. */
export interface LostReference {
  readonly item: RefItem;
  /** What the item is after the edits (undefined: no longer a reference). */
  readonly now: RefItem | undefined;
}

/**
 * The first reference that resolved to one unit before the edits and, in the edited text, is no longer a
 * reference, no longer resolves, or resolves to another unit (targets compared at their mapped place).
 * Edits lose nothing when there is none.
 */
export function lostReference(before: Analysis, after: Analysis, edits: readonly TextEdit[]): LostReference | undefined {
  const map = offsetMapper(edits);
  const afterItems = new Map<number, RefItem>();
  for (const reference of after.references) for (const item of reference.items) afterItems.set(item.range.start, item);
  for (const reference of before.references) {
    for (const item of reference.items) {
      if (item.status !== 'resolved' || item.targets.length !== 1) continue;
      // A reference an edit rewrote (rename, renumber) is compared through its target, not its text.
      const now = afterItems.get(map(item.range.start));
      const target = item.targets[0];
      if (!now || now.status !== 'resolved' || now.targets[0].kind !== target.kind || now.targets[0].range.start !== map(target.range.start)) return { item, now };
    }
  }
  return undefined;
}

/**
 * The first unit (heading or label) of the text before the edits that is no longer one after: no unit of its
 * kind starts at its mapped place, or, when an edit rewrote its number, it does not carry the new number.
 */
export function lostUnit(before: Analysis, after: Analysis, edits: readonly TextEdit[]): Unit | undefined {
  const map = offsetMapper(edits);
  const sorted = sortEdits(edits);
  const afterUnits = new Map<string, Unit>();
  for (const unit of after.regulation.units) afterUnits.set(`${unit.kind}@${unit.range.start}`, unit);
  for (const unit of before.regulation.units) {
    if (unit.number === undefined) continue;
    const now = afterUnits.get(`${unit.kind}@${map(unit.range.start)}`);
    if (!now) return unit;
    const span = numberSpan(before.text, unit);
    const edit = sorted.find((candidate) => candidate.range.start === span.start && candidate.range.end === span.end);
    if (edit && (now.number === undefined || normaliseKey(now.number) !== normaliseKey(edit.newText))) return unit;
  }
  return undefined;
}
