// The structure-only parse (documents over perwal.maxFileSizeMB) jumps over lines that cannot be headings
// (server/src/syntax/structure-scan.ts). It must find exactly the structure of the line-by-line headings-only
// parse, on every real text and on mutated ones, and stay lossless.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildRegulation } from '../../server/src/model';
import { parse, ParseOptions, SyntaxNode, tokensOf, walkNodes } from '../../server/src/syntax';
import { nextStructureLine } from '../../server/src/syntax/structure-scan';
import { corpusFiles, fixture, mutateLines } from './helpers';

const SEED = Number(process.env.PERWAL_PROPERTY_SEED ?? 20261125);
const FAST: ParseOptions = { headingsOnly: true };
const LINE_BY_LINE: ParseOptions = { headingsOnly: true, lineByLine: true };

/** Every node (kind, range, what the parser read off it) and every error: the structure, tokens aside. */
function structure(text: string, options: ParseOptions): string[] {
  const result = parse(text, options);
  const out: string[] = [];
  walkNodes(result.root, (node: SyntaxNode) => out.push(`${node.kind} ${node.start}-${node.end} ${JSON.stringify(node.info)}`));
  for (const error of result.errors) out.push(`error ${error.code} ${error.start}-${error.end} ${error.message.en}`);
  return out;
}

/** The units the model builds: kind, number, title, ranges, scope, parent. */
function units(text: string, options: ParseOptions): string[] {
  const regulation = buildRegulation(text, parse(text, options));
  return regulation.units.map((unit) => [unit.kind, unit.number, unit.writtenNumber, unit.title, `${unit.range.start}-${unit.range.end}`,
    `${unit.nameRange.start}-${unit.nameRange.end}`, `${unit.numberRange.start}-${unit.numberRange.end}`, unit.scope, unit.parent?.id, unit.damage?.id, unit.damage?.en, unit.artefact].join('|'));
}

function lossless(text: string, options: ParseOptions): boolean {
  let position = 0;
  for (const token of tokensOf(parse(text, options).root)) {
    if (token.start !== position || token.end <= token.start) return false;
    position = token.end;
  }
  return position === text.length;
}

function assertSame(text: string, what: string): void {
  assert.deepEqual(structure(text, FAST), structure(text, LINE_BY_LINE), `${what}: nodes and errors`);
  assert.deepEqual(units(text, FAST), units(text, LINE_BY_LINE), `${what}: units`);
  assert.ok(lossless(text, FAST), `${what}: lossless`);
}

describe('structure-only parse: the fast scan finds the line-by-line headings-only structure', () => {
  for (const file of corpusFiles()) {
    it(file, () => {
      const text = fixture(file);
      assertSame(text, file);
      // The same text with other line breaks (CRLF, lone CR) and as one long run of copies.
      assertSame(text.replace(/\n/g, '\r\n'), `${file} (CRLF)`);
      assertSame(text.replace(/\n/g, '\r'), `${file} (CR)`);
    });
  }

  it('finds structure at all: the kupang seed has its BAB and Pasal', () => {
    const text = fixture('seeds/kupang-perwal-49-2021.txt');
    const kinds = units(text, FAST).map((unit) => unit.split('|')[0]);
    assert.ok(kinds.filter((kind) => kind === 'pasal').length >= 10, kinds.join(' '));
    assert.ok(kinds.includes('bab'));
  });

  it('headings behind decoration, catchwords, lost-page prefixes, titles after blank lines, line breaks of every kind', () => {
    const text = [
      'PERATURAN WALI KOTA', '', '**BAB I**', '', '**KETENTUAN UMUM**', '', '- Pasal 1', '', '(1) Satu. Pasal 2 (1) Dua.', 'Pasal 2 ...',
      '- 2 -', '%% perwal-disable-next-line', 'Pasal 2', '\t\u00a0 > # "Pasal 3', 'Isi. . . lanjut', '3. Persetujuan... Bagian Kesatu...',
      'Bagian Kedua', 'Judul Bagian', 'Paragraf 1', '\r', 'Pasal 4\r\nBAB II\rUMUM\r\n', 'BUKU KEDUA', 'BAB I', 'Pasal 5', '…', 'Pasal 6',
      ' '.repeat(200) + 'Pasal 7', 'Teks', 'PENJELASAN', 'Pasal 1', 'Cukup jelas.',
    ].join('\n');
    assertSame(text, 'hand-made');
    // A lost-page line can open an inline heading that stays open: its title on the next lines must still be read.
    const open = 'BAB I\n\nKETENTUAN UMUM\n\nPasal 1\n\nIsi.\n1. Satu... BAB II\n\nKETENTUAN LAIN\n\nPasal 2\n\nIsi.\n';
    assertSame(open, 'inline heading left open');
    assert.ok(units(open, FAST).some((unit) => unit.startsWith('bab|II|II|KETENTUAN LAIN|')), units(open, FAST).join('\n'));
  });

  it('texts without any line break, empty, or ending in a break', () => {
    for (const text of ['', 'Pasal 1', 'Pasal 1\n', '\n', '\r\n', 'Teks saja', '...', 'x\nPasal 1\n\nIsi.\n']) assertSame(text, JSON.stringify(text));
  });

  it('nextStructureLine: candidate lines only, always a line start at or after the given one', () => {
    const text = 'Teks\nPasal 1\nIsi\r\nlagi...\rBAB II\n  **Bagian Kesatu\nakhir';
    const starts: number[] = [];
    for (let pos = 0; pos < text.length;) {
      const next = nextStructureLine(text, pos);
      if (next >= text.length) break;
      starts.push(next);
      const rest = text.slice(next);
      const brk = /\r\n?|\n/.exec(rest);
      pos = brk ? next + brk.index + brk[0].length : text.length;
    }
    assert.deepEqual(starts.map((start) => text.slice(start, start + 6)), ['Pasal ', 'lagi..', 'BAB II', '  **Ba']);
  });

  const kupangLines = fixture('seeds/kupang-perwal-49-2021.txt').split('\n');
  const edit = fc.oneof(
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), other: fc.nat() }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ unit: fc.constantFrom('Pasal ', 'BAB ', 'Bagian ', 'Paragraf ', 'BUKU ', 'PENJELASAN', 'LAMPIRAN ', '...', '…', '. . .', '**', '- ', '"', 'a', ' ', '(', ')', '1', 'I', '.', '\n', '\r', '\t', '\u00a0', 'Kesatu', 'KEDUA', 'Cukup jelas.'), maxLength: 8 }) }),
  );

  it('the same structure on mutated regulations (fast-check, seeded)', () => {
    fc.assert(fc.property(fc.array(edit, { maxLength: 30 }), (edits) => {
      const text = mutateLines(kupangLines, edits, 'prefix');
      assert.deepEqual(structure(text, FAST), structure(text, LINE_BY_LINE));
      return lossless(text, FAST);
    }), { seed: SEED, numRuns: 150 });
  });

  it('the same structure on arbitrary strings', () => {
    const unit = fc.constantFrom('Pasal 1', 'Pasal 2', 'BAB I', 'BAB II', 'Bagian Kesatu', 'x', ' ', '\n', '\r', '.', '…', '*', '(1)', 'a.');
    fc.assert(fc.property(fc.string({ unit, maxLength: 60 }), (text) => {
      assert.deepEqual(structure(text, FAST), structure(text, LINE_BY_LINE));
      return lossless(text, FAST);
    }), { seed: SEED, numRuns: 300 });
  });
});
