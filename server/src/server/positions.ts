// THE one place where UTF-16 offsets (what the pure layers speak) become LSP positions and back.
// LSP counts `character` in UTF-16 code units, like JavaScript strings, so no re-encoding is needed;
// what needs care is line breaks (LF, CRLF and a lone CR all end a line) and clamping positions that
// point past the end of a line, past the end of the text, or between the two halves of a surrogate pair.

import type { Position, Range } from 'vscode-languageserver';
import { lineAtOffset, scanLineStarts } from '../syntax';

export interface OffsetRange {
  readonly start: number;
  readonly end: number;
}

const LF = 10;
const CR = 13;

export class PositionIndex {
  /** Offset at which each line starts; lineStarts[0] is always 0. */
  private readonly lineStarts: number[];

  constructor(readonly text: string, lineStarts?: number[]) {
    this.lineStarts = lineStarts ?? scanLineStarts(text, 0, text.length, [0]);
  }

  /**
   * The index of `text`, the text of `old` with [start, end) replaced by `inserted`: the line starts
   * before the edit are kept, those after it moved, and only the lines around it scanned again.
   */
  static afterChange(old: PositionIndex, text: string, start: number, end: number, inserted: number): PositionIndex {
    const delta = inserted - (end - start);
    const starts = old.lineStarts;
    // Rescan from the start of the line before the edit (a CR there may pair with an LF the edit touched).
    const line = old.lineOf(Math.max(0, start - 1));
    const from = starts[Math.max(0, line - 1)];
    const kept = Math.max(1, line);
    const middle: number[] = starts[kept - 1] !== from ? [from] : [];
    scanLineStarts(text, from, Math.min(text.length, start + inserted + 2), middle);
    const last = middle.length > 0 ? middle[middle.length - 1] : starts[kept - 1];
    // Old line starts whose break characters lie after the edit are unchanged but for the shift.
    // Line starts are sorted: those kept form a suffix.
    let i = old.lineOf(Math.min(old.text.length, end + 2));
    while (i < starts.length && (starts[i] + delta <= last || starts[i] - 2 < end)) i++;
    // One array of the final size: built by pushing, it was reallocated as it grew (~120 KB per keystroke in
    // UU 11/2020, for a 52 KB index), garbage that brought the next young collection closer.
    const next = new Array<number>(kept + middle.length + starts.length - i);
    let at = 0;
    for (let j = 0; j < kept; j++) next[at++] = starts[j];
    for (let j = 0; j < middle.length; j++) next[at++] = middle[j];
    for (let j = i; j < starts.length; j++) next[at++] = starts[j] + delta;
    return new PositionIndex(text, next);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Offset just after the last character of `line`, before its line break. */
  lineEnd(line: number): number {
    const start = this.lineStarts[line];
    let end = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    while (end > start && isBreak(this.text.charCodeAt(end - 1))) end--;
    return end;
  }

  /** Offset → position. Offsets outside the text are clamped; an offset inside a CRLF maps to the line end. */
  positionAt(offset: number): Position {
    const clamped = clamp(Math.floor(Number.isFinite(offset) ? offset : 0), 0, this.text.length);
    const line = this.lineOf(clamped);
    const character = Math.min(clamped, this.lineEnd(line)) - this.lineStarts[line];
    return { line, character };
  }

  /**
   * Position → offset. A line past the end gives the text length, a character past the end of its line
   * gives the line end, and a character between the halves of a surrogate pair moves back to the pair's start.
   */
  offsetAt(position: Position): number {
    const line = Number.isFinite(position.line) ? Math.floor(position.line) : 0;
    if (line < 0) return 0;
    if (line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[line];
    const character = Number.isFinite(position.character) ? Math.max(0, Math.floor(position.character)) : 0;
    let offset = Math.min(start + character, this.lineEnd(line));
    if (offset > start && isLowSurrogate(this.text.charCodeAt(offset)) && isHighSurrogate(this.text.charCodeAt(offset - 1))) offset--;
    return offset;
  }

  range(range: OffsetRange): Range {
    const start = this.positionAt(range.start);
    const end = range.end === range.start ? start : this.positionAt(Math.max(range.start, range.end));
    return { start, end };
  }

  offsets(range: Range): OffsetRange {
    const start = this.offsetAt(range.start);
    const end = this.offsetAt(range.end);
    return end < start ? { start: end, end: start } : { start, end };
  }

  /** The 0-based line containing `offset` (already clamped). */
  lineOf(offset: number): number {
    return lineAtOffset(this.lineStarts, offset);
  }

  /** Splits an offset range into one piece per line (for semantic tokens, which may not span lines). */
  *lineSegments(range: OffsetRange): Generator<{ line: number; character: number; length: number }> {
    const start = clamp(range.start, 0, this.text.length);
    const end = clamp(range.end, start, this.text.length);
    for (let line = this.lineOf(start); line < this.lineStarts.length && this.lineStarts[line] <= end; line++) {
      const from = Math.max(start, this.lineStarts[line]);
      const to = Math.min(end, this.lineEnd(line));
      if (to > from) yield { line, character: from - this.lineStarts[line], length: to - from };
      if (line + 1 < this.lineStarts.length && this.lineStarts[line + 1] >= end) break;
    }
  }
}

function clamp(value: number, low: number, high: number): number {
  return value < low ? low : value > high ? high : value;
}

function isBreak(code: number): boolean {
  return code === LF || code === CR;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

