import * as assert from 'node:assert';
import { foldingRanges } from '../../../server/src/features/folding';
import { assertRanges, fixture, lineOf, seed } from './check';

function check(source: string): void {
  const { text, ranges, analysis } = fixture(source);
  assertRanges(text, foldingRanges(analysis), ranges);
}

describe('folding ranges', () => {
  it('a Pasal with two ayat', () => check('<|Pasal 1\\n(1) Satu.\\n(2) Dua.|>\\n'));
  it('trailing blank lines are left out', () => check('<|Pasal 1\\n\\n(1) Satu.\\n\\n(2) Dua.|>\\n\\n\\n<|Pasal 2\\n\\nDua.|>\\n\\n'));
  it('a one-line ayat does not fold, a two-line one does', () => check('<|Pasal 1\\n(1) Satu.\\n<|(2) Dua:\\na. alpha.|>|>'));
  it('BAB, Bagian, Paragraf, Pasal', () => check('<|BAB I\\nUMUM\\n<|Bagian Kesatu\\nSusunan\\n<|Paragraf 1\\nDinas\\n<|Pasal 1\\nSatu.|>|>|>|>'));
  it('the batang tubuh gives way to its first BAB (same line)', () => check('<|BAB I\\nUMUM\\n<|Pasal 1\\nSatu.|>|>\\n<|BAB II\\nLAIN\\n<|Pasal 2\\nDua.|>|>'));
  it('pembukaan sections are regions', () => {
    const { analysis } = fixture('WALI KOTA CONTOH,\\n\\nMenimbang : a. bahwa satu;\\nb. bahwa dua;\\nMengingat : 1. Undang-Undang Nomor 1 Tahun 2000;\\n2. Undang-Undang Nomor 2 Tahun 2001;\\nMEMUTUSKAN:\\nMenetapkan : PERATURAN WALI KOTA.\\nPasal 1\\nSatu.\\nDua.');
    const regions = foldingRanges(analysis).filter((range) => range.kind === 'region').map((range) => analysis.text.slice(range.start, range.start + 10));
    assert.deepStrictEqual(regions, ['Menimbang ', 'Mengingat ']);
  });
  it('huruf do not fold', () => check('<|Pasal 1\\nTugas:\\na. satu\\nlanjutan;\\nb. dua.|>'));

  describe('seeds', () => {
    for (const name of ['bekasi', 'kupang'] as const) {
      it(`${name}: one range per start line, each spanning lines, ending on non-blank text`, () => {
        const analysis = seed(name);
        const text = analysis.text;
        const ranges = foldingRanges(analysis);
        const lines = ranges.map((range) => lineOf(text, range.start));
        assert.strictEqual(new Set(lines).size, lines.length);
        for (const range of ranges) {
          assert.ok(lineOf(text, range.end) > lineOf(text, range.start));
          assert.ok(!/\s/.test(text[range.end - 1]));
        }
      });
    }
    it('bekasi: every Pasal with ayat folds', () => {
      const analysis = seed('bekasi');
      const starts = new Set(foldingRanges(analysis).map((range) => range.start));
      for (const unit of analysis.regulation.units) {
        if (unit.kind === 'pasal' && unit.children.length > 1) assert.ok(starts.has(unit.range.start), `Pasal ${unit.number}`);
      }
    });
  });
});
