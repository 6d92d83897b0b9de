// Suppression comments. A regulation never contains "%% perwal-…" by accident, so these lines are safe markers:
//   %% perwal-disable-next-line <code> [<code>…]   the next line only (every code when none is given)
//   %% perwal-disable <code> [<code>…]             the whole file (every code when none is given)
// Unknown codes are ignored, not reported: a comment naming only unknown codes silences nothing
// (a misspelt code must not widen into "every code"). Text after "--" is a free-form reason.

import { Diagnostic, DIAGNOSTIC_CODES, DiagnosticCode } from './diagnostics';

export interface Suppression {
  readonly scope: 'next-line' | 'file';
  /** Zero-based line the comment is on. */
  readonly line: number;
  /** undefined: every code. */
  readonly codes: ReadonlySet<DiagnosticCode> | undefined;
}

const COMMENT = /^[ \t]*%%[ \t]*perwal-(disable-next-line|disable)(?![\w-])(.*)$/;
const KNOWN = new Set<string>(DIAGNOSTIC_CODES);

export function findSuppressions(text: string): Suppression[] {
  const out: Suppression[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((content, line) => {
    const suppression = parseComment(content, line);
    if (suppression) out.push(suppression);
  });
  return out;
}

/** The suppression a line's content states, if it is a suppression comment. */
function parseComment(content: string, line: number): Suppression | undefined {
  const match = COMMENT.exec(content);
  if (!match) return undefined;
  // "-- reason" ends the code list: "%% perwal-disable duplicate-number -- kept as published".
  const listEnd = match[2].indexOf('--');
  const listed = (listEnd >= 0 ? match[2].slice(0, listEnd) : match[2]).split(/[\s,]+/).filter((word) => word !== '');
  const codes = listed.filter((word) => KNOWN.has(word)) as DiagnosticCode[];
  return { scope: match[1] === 'disable' ? 'file' : 'next-line', line, codes: listed.length === 0 ? undefined : new Set(codes) };
}

/** Every suppression comment contains this; a text without it has none. */
export const SUPPRESSION_MARKER = 'perwal-disable';

/** The diagnostics that no suppression comment silences. */
export function applySuppressions(text: string, diagnostics: Diagnostic[]): Diagnostic[] {
  // Only the lines holding the marker are read: this runs on every keystroke of a document that has one, and
  // splitting a 1.3 MB law into lines and indexing them all cost 4–7 ms there.
  const comments = commentLines(text);
  if (comments.length === 0) return diagnostics;
  const covers = (codes: ReadonlySet<DiagnosticCode> | undefined, code: DiagnosticCode): boolean => codes === undefined || codes.has(code);
  const fileWide = comments.filter((comment) => comment.scope === 'file');
  const nextLine = comments.filter((comment) => comment.scope === 'next-line');
  return diagnostics.filter((diagnostic) => {
    if (fileWide.some((comment) => covers(comment.codes, diagnostic.code))) return false;
    const at = Math.max(0, Math.min(diagnostic.range.start, text.length));
    return !nextLine.some((comment) => at >= comment.nextStart && at < comment.nextEnd && covers(comment.codes, diagnostic.code));
  });
}

/** A suppression comment, with the offsets of the line after it: [nextStart, nextEnd) holds that line and its break. */
interface CommentLine {
  readonly scope: Suppression['scope'];
  readonly codes: ReadonlySet<DiagnosticCode> | undefined;
  readonly nextStart: number;
  readonly nextEnd: number;
}

/** The suppression comments of `text`, found from the marker (lines end at "\r\n", "\r" or "\n", as findSuppressions reads them). */
function commentLines(text: string): CommentLine[] {
  const out: CommentLine[] = [];
  for (let at = text.indexOf(SUPPRESSION_MARKER); at !== -1; ) {
    let start = at;
    while (start > 0 && !isLineBreak(text.charCodeAt(start - 1))) start--;
    const end = lineEndFrom(text, at);
    const suppression = parseComment(text.slice(start, end), 0);
    if (suppression) {
      // A comment on the last line has no next line; the last line also holds the offset just past the text.
      const nextStart = end < text.length ? afterBreak(text, end) : Infinity;
      const nextBreak = end < text.length ? lineEndFrom(text, nextStart) : text.length;
      out.push({ scope: suppression.scope, codes: suppression.codes, nextStart, nextEnd: nextBreak >= text.length ? Infinity : afterBreak(text, nextBreak) });
    }
    at = text.indexOf(SUPPRESSION_MARKER, end);
  }
  return out;
}

function isLineBreak(code: number): boolean {
  return code === 10 || code === 13;
}

/** The offset of the line break that ends the line holding `offset` (or the text's length). */
function lineEndFrom(text: string, offset: number): number {
  let end = offset;
  while (end < text.length && !isLineBreak(text.charCodeAt(end))) end++;
  return end;
}

/** The offset after the line break at `end` ("\r\n" is one break). */
function afterBreak(text: string, end: number): number {
  if (end >= text.length) return text.length;
  return text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
}
