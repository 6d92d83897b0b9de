// Trimming by character class without end-anchored regular expressions, which backtrack quadratically
// on long runs of the trimmed characters (ReDoS). Linear, allocation-free scans.

export type CharTest = (code: number) => boolean;

/** Spaces, tabs, no-break spaces and the control characters scrapers leave (form feeds, SOH…). */
export const isSpacing: CharTest = (code) => code === 32 || code === 9 || code === 0xa0 || (code < 32 && code !== 10 && code !== 13);

export const isWhitespace: CharTest = (code) => isSpacing(code) || code === 10 || code === 13 || code === 0x2028 || code === 0x2029 || code === 0xfeff || (code >= 0x2000 && code <= 0x200b) || code === 0x3000;

/** Index after the last character of `text` (from `end` backwards) that does not pass `test`. */
export function trimmedEnd(text: string, test: CharTest, end = text.length, start = 0): number {
  let i = end;
  while (i > start && test(text.charCodeAt(i - 1))) i--;
  return i;
}

/** Index of the first character of `text` (from `start`) that does not pass `test`. */
export function trimmedStart(text: string, test: CharTest, start = 0, end = text.length): number {
  let i = start;
  while (i < end && test(text.charCodeAt(i))) i++;
  return i;
}

export function trimWhere(text: string, leading: CharTest, trailing: CharTest = leading): string {
  const start = trimmedStart(text, leading);
  return text.slice(start, Math.max(start, trimmedEnd(text, trailing)));
}

/** The whitespace of /\s/ and String.prototype.trim. */
export function isJsWhitespace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** text.slice(start, end).trim().length === 0, without the slice. */
export function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isJsWhitespace(text.charCodeAt(i))) return false;
  return true;
}

/** A character of \w: ASCII letter, digit or underscore (what \b looks at). */
export function isWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
}

/** The start of the line holding `offset`: just after the last line break (LF, CR or CRLF) before it. */
export function lineStartOf(text: string, offset: number): number {
  for (let i = Math.min(offset, text.length) - 1; i >= 0; i--) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) return i + 1;
  }
  return 0;
}

/** The start of the line after the one holding `offset` (the text length on the last line). */
export function nextLineStart(text: string, offset: number): number {
  for (let i = Math.max(0, offset); i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) return i + 1;
    if (code === 13) return text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
  }
  return text.length;
}

/** Appends to `starts` the start of every line that begins after a break (LF, CRLF or a lone CR) in text[from, to). */
export function scanLineStarts(text: string, from: number, to: number, starts: number[]): number[] {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (code === 10) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** The line holding `offset`, given the sorted line starts (the first is 0): the last start at or before it. */
export function lineAtOffset(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Levenshtein distance of two short words (damaged unit words and keywords). */
export function editDistance(a: string, b: string): number {
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

export interface VisibleLine {
  readonly start: number;
  /** The line's visible text: from its first to its last visible character. */
  readonly bodyStart: number;
  readonly bodyEnd: number;
  /** Where the next line starts (after the LF, CR or CRLF). */
  readonly next: number;
}

/** The line from `start` to its LF, CR or CRLF (the parser's line breaks), with its visible text's bounds. */
export function visibleLine(source: string, start: number): VisibleLine {
  let end = start;
  while (end < source.length && source.charCodeAt(end) !== 10 && source.charCodeAt(end) !== 13) end++;
  const next = end < source.length && source.charCodeAt(end) === 13 && source.charCodeAt(end + 1) === 10 ? end + 2 : Math.min(source.length, end + 1);
  const bodyStart = trimmedStart(source, isSpacing, start, end);
  return { start, bodyStart, bodyEnd: Math.max(bodyStart, trimmedEnd(source, isSpacing, end, bodyStart)), next };
}
