// Text edits as plain data: what code actions, renumbering and rename return. The server converts
// offsets to positions; `applyEdits` is for tests and the CLI.

import { trimmedEnd, trimmedStart } from '../syntax';
import { TextRange, Unit } from '../model';

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
  for (const edit of sortEdits(lists.flat())) {
    if (text.slice(edit.range.start, edit.range.end) === edit.newText) continue;
    const last = out[out.length - 1];
    if (last && last.range.start === edit.range.start && last.range.end === edit.range.end && last.newText === edit.newText) continue;
    if (out.some((kept) => editsOverlap(kept, edit))) continue;
    out.push(edit);
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
