import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze } from '../../../server/src/features/analysis';
import { Diagnostic, DIAGNOSTIC_CODES, DiagnosticCode } from '../../../server/src/features/diagnostics';
import { LineIndex } from '../../../server/src/features/line-index';
import { applySuppressions, findSuppressions } from '../../../server/src/features/suppressions';
import { parseFixture, seed } from './check';

/** Diagnostics left after suppression, as "code@line" (1-based); `$0` marks nothing here, the text is literal. */
function remaining(source: string): string[] {
  const { text } = parseFixture(source);
  const line = (offset: number): number => text.slice(0, offset).split('\n').length;
  return applySuppressions(text, analyze(text).diagnostics).map((diagnostic) => `${diagnostic.code}@${line(diagnostic.range.start)}`);
}

function check(source: string, expected: string[]): void {
  assert.deepEqual(remaining(source), expected);
}

// Dangling references on lines 2, 3 and 4 (running text, so a comment line between them cannot change the parse).
const BASE = 'Pasal 1\\nLihat Pasal 9.\\nLihat Pasal 8.\\n(1) A.\\n(2) B sebagaimana dimaksud dalam ayat (1).\\n';
const ALL = ['dangling-reference@2', 'dangling-reference@3', 'reference-style@5'];

describe('suppressions', () => {
  it('without comments nothing is suppressed', () => {
    check(BASE, ALL);
  });

  it('disable-next-line with a code silences that code on the next line only', () => {
    check(BASE.replace('Lihat Pasal 8', '%% perwal-disable-next-line dangling-reference\\nLihat Pasal 8'), ['dangling-reference@2', 'reference-style@6']);
  });

  it('disable-next-line without a code silences every code on the next line', () => {
    check(BASE.replace('(2) B', '%% perwal-disable-next-line\\n(2) B'), ['dangling-reference@2', 'dangling-reference@3']);
  });

  it('disable-next-line with another code does not silence the diagnostic', () => {
    check(BASE.replace('Lihat Pasal 8', '%% perwal-disable-next-line reference-style\\nLihat Pasal 8'), ['dangling-reference@2', 'dangling-reference@4', 'reference-style@6']);
  });

  it('disable silences its codes in the whole file, wherever it is written', () => {
    check(BASE + '%% perwal-disable dangling-reference reference-style\\n', []);
    check('%% perwal-disable dangling-reference\\n' + BASE, ['reference-style@6']);
  });

  it('disable without a code silences everything', () => {
    check(BASE + '%%perwal-disable\\n', []);
  });

  it('several codes, commas, and a reason after "--"', () => {
    check(BASE.replace('(2) B', '%% perwal-disable-next-line dangling-reference, reference-style -- as published\\n(2) B'), ['dangling-reference@2', 'dangling-reference@3']);
  });

  it('unknown codes are ignored: a comment naming only unknown codes silences nothing', () => {
    check(BASE + '%% perwal-disable no-such-code\\n', ALL);
    check(BASE + '%% perwal-disable no-such-code reference-style\\n', ['dangling-reference@2', 'dangling-reference@3']);
  });

  it('ignores look-alikes: text mentioning the marker, other prefixes', () => {
    check(BASE + 'Lihat %% perwal-disable di tengah kalimat.\\n', ALL);
    check(BASE + '%% perwal-disabled\\n', ALL);
  });

  it('silences a heading diagnostic on the line after the comment', () => {
    // The comment ends with a full stop: the parser reads a heading after an unfinished text line as a
    // wrapped reference (see the report), and a comment line counts as text for it.
    check('Pasal 1\\nA.\\n\\nPasal 1\\nB.\\n', ['duplicate-number@4']);
    check('Pasal 1\\nA.\\n%% perwal-disable-next-line duplicate-number -- as published.\\nPasal 1\\nB.\\n', []);
  });

  it('works with CRLF line ends', () => {
    const text = 'Pasal 1\r\nLihat Pasal 9.\r\n%% perwal-disable-next-line dangling-reference\r\nLihat Pasal 8.\r\n';
    assert.deepEqual(applySuppressions(text, analyze(text).diagnostics).map((diagnostic) => diagnostic.range.start), [text.indexOf('Pasal 9')]);
  });

  it('finds the comments with their lines and codes', () => {
    const found = findSuppressions('a\n%% perwal-disable-next-line dangling-reference\n  %% perwal-disable\n');
    assert.deepEqual(found.map((entry) => [entry.scope, entry.line, entry.codes && [...entry.codes]]), [['next-line', 1, ['dangling-reference']], ['file', 2, undefined]]);
  });

  it('returns the same diagnostics when the text has no comment (seed)', () => {
    const analysis = seed('bekasi');
    const diagnostics: Diagnostic[] = analysis.diagnostics;
    assert.equal(applySuppressions(analysis.text, diagnostics), diagnostics);
  });

  it('reads only the marked lines, and silences exactly what the comments read line by line silence (property, CR/LF/CRLF)', () => {
    // The line-by-line reading applySuppressions did before it looked at the marked lines only: the oracle.
    const byLines = (text: string, diagnostics: Diagnostic[]): Diagnostic[] => {
      const suppressions = findSuppressions(text);
      const lines = new LineIndex(text);
      const covers = (codes: ReadonlySet<DiagnosticCode> | undefined, code: DiagnosticCode): boolean => codes === undefined || codes.has(code);
      return diagnostics.filter((diagnostic) => {
        if (suppressions.some((s) => s.scope === 'file' && covers(s.codes, diagnostic.code))) return false;
        const line = lines.position(diagnostic.range.start).line;
        return !suppressions.some((s) => s.scope === 'next-line' && s.line + 1 === line && covers(s.codes, diagnostic.code));
      });
    };
    const lineText = fc.constantFrom(
      'Lihat Pasal 9.', '', '  ', '%% perwal-disable-next-line', '  %% perwal-disable-next-line dangling-reference', '%%perwal-disable-next-line duplicate-number, numbering-gap -- alasan',
      '%% perwal-disable numbering-gap', '%% perwal-disable', 'teks perwal-disable-next-line bukan komentar', '%% perwal-disable-next-line-x', '%% perwal-disable-next-line tidak-dikenal',
    );
    const breakText = fc.constantFrom('\n', '\r\n', '\r');
    const document = fc.tuple(fc.array(fc.tuple(lineText, breakText), { maxLength: 12 }), lineText).map(([lines, last]) => lines.map(([line, end]) => line + end).join('') + last);
    const code = fc.constantFrom(...(DIAGNOSTIC_CODES as readonly DiagnosticCode[]));
    fc.assert(
      fc.property(document, fc.array(fc.tuple(fc.nat(), code), { maxLength: 12 }), (text, picks) => {
        const diagnostics = picks.map(([at, picked]) => {
          const start = text.length === 0 ? 0 : at % (text.length + 1);
          return { code: picked, range: { start, end: start } } as unknown as Diagnostic;
        });
        assert.deepEqual(applySuppressions(text, diagnostics), byLines(text, diagnostics));
      }),
      { seed: Number(process.env.PERWAL_PROPERTY_SEED ?? 20261125), numRuns: 2000 },
    );
  });
});
