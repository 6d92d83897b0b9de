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
