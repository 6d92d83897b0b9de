import * as assert from 'node:assert';
import { selectionRanges } from '../../../server/src/features/selection-ranges';
import { fixture, seed } from './check';

/** The chain at `$0` as the texts it selects, innermost first (the document is left out). */
function chain(source: string): string[] {
  const { text, offset, analysis } = fixture(source);
  const [ranges] = selectionRanges(analysis, [offset]);
  assert.deepStrictEqual(ranges[ranges.length - 1], { start: 0, end: text.length }, 'ends with the document');
  return ranges.slice(0, -1).map((range) => text.slice(range.start, range.end));
}

const DOC = 'BAB I\\nUMUM\\nBagian Kesatu\\nSusunan\\nParagraf 1\\nDinas\\nPasal 1\\n(1) Satu:\\na. alpha;\\nb. beta.\\n(2) Dua pada ayat (1) huruf a.\\n\\n';

describe('selection ranges', () => {
  it('word → huruf → ayat → Pasal → Paragraf → Bagian → BAB', () => assert.deepStrictEqual(chain(DOC.replace('alpha', 'al$0pha')), [
    'alpha', 'a. alpha;', '(1) Satu:\na. alpha;\nb. beta.', 'Pasal 1\n(1) Satu:\na. alpha;\nb. beta.\n(2) Dua pada ayat (1) huruf a.',
    'Paragraf 1\nDinas\nPasal 1\n(1) Satu:\na. alpha;\nb. beta.\n(2) Dua pada ayat (1) huruf a.',
    'Bagian Kesatu\nSusunan\nParagraf 1\nDinas\nPasal 1\n(1) Satu:\na. alpha;\nb. beta.\n(2) Dua pada ayat (1) huruf a.',
    'BAB I\nUMUM\nBagian Kesatu\nSusunan\nParagraf 1\nDinas\nPasal 1\n(1) Satu:\na. alpha;\nb. beta.\n(2) Dua pada ayat (1) huruf a.',
  ]));
  it('reference: word → segment → item → ayat', () => assert.deepStrictEqual(chain(DOC.replace('huruf a.\\n', 'huruf$0 a.\\n')).slice(0, 4), ['huruf', 'huruf a', 'ayat (1) huruf a', '(2) Dua pada ayat (1) huruf a.']));
  it('reference: on the number', () => assert.deepStrictEqual(chain(DOC.replace('ayat (1) huruf', 'ayat ($01) huruf')).slice(0, 3), ['1', 'ayat (1)', 'ayat (1) huruf a']));
  it('list: item → whole reference', () => assert.deepStrictEqual(chain('Pasal 1\\n(1) A.\\n(2) B.\\n(3) C pada ayat (1) dan ayat ($02).').slice(0, 4), ['2', 'ayat (2)', 'ayat (1) dan ayat (2)', '(3) C pada ayat (1) dan ayat (2).']));
  it('range: item → "X sampai dengan Y" → whole reference', () => assert.deepStrictEqual(chain('Pasal 1\\n(1) A.\\n(2) B.\\n(3) C.\\n(4) D pada ayat (1) sampai dengan ayat (3$0) dan ayat (2).').slice(0, 4), ['3', 'ayat (3)', 'ayat (1) sampai dengan ayat (3)', 'ayat (1) sampai dengan ayat (3) dan ayat (2)']));
  it('heading: word → heading → Pasal', () => assert.deepStrictEqual(chain('Pasal 1\\nSatu.\\nPasal 1$04\\nDua.').slice(0, 3), ['14', 'Pasal 14', 'Pasal 14\nDua.']));
  it('BAB heading: number → name → heading with title → BAB', () => assert.deepStrictEqual(chain('BAB I\\nUMUM\\nBAB I$0I\\nLAIN\\nPasal 1\\nSatu.').slice(0, 4), ['II', 'BAB II', 'BAB II\nLAIN', 'BAB II\nLAIN\nPasal 1\nSatu.']));
  it('cursor in white space: starts with the unit', () => assert.deepStrictEqual(chain('Pasal 1\\n(1) Satu $0 dua.\\n(2) Dua.').slice(0, 1), ['(1) Satu  dua.']));
  it('cursor in trailing blank lines keeps the cursor inside', () => {
    const { text, analysis } = fixture('Pasal 1\\nSatu.\\n\\n\\nPasal 2\\nDua.');
    const offset = text.indexOf('\n\n') + 1;
    for (const range of selectionRanges(analysis, [offset])[0]) assert.ok(range.start <= offset && offset <= range.end);
  });
  it('several offsets at once', () => {
    const { analysis } = fixture('Pasal 1\\nSatu.\\nPasal 2\\nDua.');
    const result = selectionRanges(analysis, [0, 10, 20]);
    assert.strictEqual(result.length, 3);
  });
  it('konsiderans: huruf → Menimbang → Pembukaan', () => assert.deepStrictEqual(chain('Menimbang : a. bahwa sa$0tu;\\nb. bahwa dua;\\nMEMUTUSKAN:\\nPasal 1\\nSatu.').slice(0, 3), ['satu', 'a. bahwa satu;', 'Menimbang : a. bahwa satu;\nb. bahwa dua;']));

  it('seeds: every chain is strictly increasing and contains its cursor', () => {
    for (const name of ['bekasi', 'kupang'] as const) {
      const analysis = seed(name);
      const offsets = Array.from({ length: 200 }, (_, i) => Math.floor((i * analysis.text.length) / 200));
      const chains = selectionRanges(analysis, offsets);
      chains.forEach((ranges, index) => {
        const offset = offsets[index];
        assert.ok(ranges.length >= 2, `${name} ${offset}`);
        for (let i = 0; i < ranges.length; i++) {
          assert.ok(ranges[i].start <= offset && offset <= ranges[i].end, `${name} ${offset}: contains the cursor`);
          if (i > 0) {
            const [inner, outer] = [ranges[i - 1], ranges[i]];
            assert.ok(outer.start <= inner.start && outer.end >= inner.end && (outer.start < inner.start || outer.end > inner.end), `${name} ${offset}: strictly growing`);
          }
        }
      });
    }
  });
});
