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
    const match = COMMENT.exec(content);
    if (!match) return;
    // "-- reason" ends the code list: "%% perwal-disable duplicate-number -- kept as published".
    const listEnd = match[2].indexOf('--');
    const listed = (listEnd >= 0 ? match[2].slice(0, listEnd) : match[2]).split(/[\s,]+/).filter((word) => word !== '');
    const codes = listed.filter((word) => KNOWN.has(word)) as DiagnosticCode[];
    out.push({ scope: match[1] === 'disable' ? 'file' : 'next-line', line, codes: listed.length === 0 ? undefined : new Set(codes) });
  });
  return out;
}

/** The diagnostics that no suppression comment silences. */
export function applySuppressions(text: string, diagnostics: Diagnostic[]): Diagnostic[] {
  if (!text.includes('perwal-disable')) return diagnostics;
  const suppressions = findSuppressions(text);
  if (suppressions.length === 0) return diagnostics;
  const lineStarts = [0];
  const breaks = /\r\n|\r|\n/g;
  for (let match = breaks.exec(text); match; match = breaks.exec(text)) lineStarts.push(match.index + match[0].length);
  const lineOf = (offset: number): number => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  };
  const covers = (suppression: Suppression, code: DiagnosticCode): boolean => suppression.codes === undefined || suppression.codes.has(code);
  const fileWide = suppressions.filter((suppression) => suppression.scope === 'file');
  const byLine = new Map<number, Suppression[]>();
  for (const suppression of suppressions) {
    if (suppression.scope !== 'next-line') continue;
    byLine.set(suppression.line + 1, [...(byLine.get(suppression.line + 1) ?? []), suppression]);
  }
  return diagnostics.filter((diagnostic) => {
    if (fileWide.some((suppression) => covers(suppression, diagnostic.code))) return false;
    const here = byLine.get(lineOf(diagnostic.range.start));
    return !here?.some((suppression) => covers(suppression, diagnostic.code));
  });
}
