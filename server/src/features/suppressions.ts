// Suppression comments. A regulation never contains "%% perwal-…" by accident, so these lines are safe markers:
//   %% perwal-disable-next-line <code> [<code>…]   the next line only (every code when none is given)
//   %% perwal-disable <code> [<code>…]             the whole file (every code when none is given)
// Unknown codes are ignored, not reported: a comment naming only unknown codes silences nothing
// (a misspelt code must not widen into "every code"). Text after "--" is a free-form reason.

import { Diagnostic, DIAGNOSTIC_CODES, DiagnosticCode } from './diagnostics';
import { LineIndex } from './line-index';

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
/** Every suppression comment contains this; a text without it has none. */
export const SUPPRESSION_MARKER = 'perwal-disable';

export function applySuppressions(text: string, diagnostics: Diagnostic[]): Diagnostic[] {
  if (!text.includes(SUPPRESSION_MARKER)) return diagnostics;
  const suppressions = findSuppressions(text);
  if (suppressions.length === 0) return diagnostics;
  const lines = new LineIndex(text);
  const lineOf = (offset: number): number => lines.position(offset).line;
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
