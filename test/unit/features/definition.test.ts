import * as assert from 'node:assert';
import { definition } from '../../../server/src/features/definition';
import { assertRanges, fixture, lineOf, offsetOf, seed, slice } from './check';

// The fixture's `<|…|>` ranges are the expected targets' *selection* ranges (the heading or label).
function check(source: string): void {
  const { text, offset, ranges, analysis } = fixture(source);
  const links = definition(analysis, offset);
  assertRanges(text, links.map((link) => link.targetSelectionRange), ranges);
  for (const link of links) {
    assert.ok(link.originRange.start <= offset && offset <= link.originRange.end, 'origin contains the cursor');
    assert.ok(link.targetRange.start <= link.targetSelectionRange.start && link.targetSelectionRange.end <= link.targetRange.end, 'selection inside target');
  }
}

function origin(source: string): string {
  const { text, offset, analysis } = fixture(source);
  const links = definition(analysis, offset);
  assert.ok(links.length > 0, 'no definition');
  return slice(text, links[0].originRange);
}

const TWO = 'Pasal 1\\n(1) Satu.\\n(2) Dua:\\na. alpha;\\nb. beta.\\nPasal 2\\n(1) Lain.\\n(2) Lagi.\\n';
const TWO_MARKED_AYAT = 'Pasal 1\\n<|(1)|> Satu.\\n(2) Dua:\\na. alpha;\\nb. beta.\\nPasal 2\\n(1) Lain.\\n(2) Lagi.\\n';

describe('definition', () => {
  describe('single references', () => {
    it('Pasal', () => check('<|Pasal 1|>\\nSatu.\\nPasal 2\\nSebagaimana dimaksud dalam Pas$0al 1.'));
    it('cursor at the end of the reference', () => check('<|Pasal 1|>\\nSatu.\\nPasal 2\\nSebagaimana dimaksud dalam Pasal 1$0.'));
    it('cursor at the start of the reference', () => check('<|Pasal 1|>\\nSatu.\\nPasal 2\\nSebagaimana dimaksud dalam $0Pasal 1.'));
    it('cursor before the reference', () => check('Pasal 1\\nSatu.\\nPasal 2\\nSebagaimana dimaksud dalam$0 Pasal 1.'));
    it('cursor on plain text', () => check('Pasal 1\\nSa$0tu.\\nPasal 2\\nSebagaimana dimaksud dalam Pasal 1.'));
    it('cursor on a heading', () => check('Pasal$0 1\\nSatu.\\nPasal 2\\nSebagaimana dimaksud dalam Pasal 1.'));
    it('relative ayat inside the same Pasal', () => check('Pasal 1\\n<|(1)|> Satu.\\n(2) Dua pada ayat ($01).\\nPasal 2\\n(1) Lain.\\n'));
    it('relative ayat picks the Pasal that contains it', () => check('Pasal 1\\n(1) Satu.\\nPasal 2\\n<|(1)|> Lain.\\n(2) Dua pada ayat (1$0).\\n'));
    it('relative huruf in the same ayat', () => check('Pasal 1\\n(1) Satu:\\n<|a.|> alpha;\\nb. beta sebagaimana dimaksud dalam huruf $0a.\\n'));
    it('konsiderans huruf a goes to Menimbang a', () => check('Menimbang : <|a.|> bahwa satu;\\nb. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf$0 a, perlu;\\nMengingat : 1. Undang-Undang;\\nMEMUTUSKAN:\\nPasal 1\\n(1) Satu:\\na. alpha.\\n'));
  });

  describe('chains', () => {
    it('the ayat segment goes to the ayat', () => check(TWO_MARKED_AYAT + 'Pasal 3\\nSebagaimana dimaksud dalam Pasal 1 ayat $0(1).'));
    it('the Pasal segment goes to the Pasal', () => check('<|Pasal 1|>\\n(1) Satu.\\nPasal 2\\nSebagaimana dimaksud dalam Pa$0sal 1 ayat (1).'));
    it('Pasal ayat huruf: huruf', () => check('Pasal 1\\n(1) Satu.\\n(2) Dua:\\na. alpha;\\n<|b.|> beta.\\nPasal 2\\nSebagaimana dimaksud dalam Pasal 1 ayat (2) huruf $0b.'));
    it('Pasal ayat huruf: ayat', () => check('Pasal 1\\n(1) Satu.\\n<|(2)|> Dua:\\na. alpha;\\nb. beta.\\nPasal 2\\nSebagaimana dimaksud dalam Pasal 1 ayat$0 (2) huruf b.'));
    it('relative chain ayat huruf', () => check('Pasal 1\\n(1) Satu:\\na. alpha;\\n<|b.|> beta.\\n(2) Dua pada ayat (1) huruf$0 b.\\n'));
    it('origin is the clicked segment', () => assert.strictEqual(origin(TWO + 'Pasal 3\\nDalam Pasal 2 ayat (2$0).'), 'ayat (2)'));
    it('origin of the Pasal segment', () => assert.strictEqual(origin(TWO + 'Pasal 3\\nDalam Pas$0al 2 ayat (2).'), 'Pasal 2'));
    it('dangling child: the Pasal part still goes to the Pasal', () => check('<|Pasal 1|>\\n(1) Satu.\\nPasal 2\\nDalam Pasal$0 1 ayat (9).'));
    it('dangling child: the missing ayat goes nowhere', () => check('Pasal 1\\n(1) Satu.\\nPasal 2\\nDalam Pasal 1 ayat$0 (9).'));
  });

  describe('lists and ranges', () => {
    const body = 'Pasal 1\\n(1) Satu.\\n(2) Dua.\\n(3) Tiga.\\n(4) Empat.\\n(5) Lima pada ';
    it('first list item', () => check(body.replace('(1)', '<|(1)|>') + 'ayat $0(1), ayat (2), dan ayat (4).\\n'));
    it('middle list item', () => check(body.replace('(2)', '<|(2)|>') + 'ayat (1), ayat$0 (2), dan ayat (4).\\n'));
    it('last list item', () => check(body.replace('(4)', '<|(4)|>') + 'ayat (1), ayat (2), dan ayat (4$0).\\n'));
    it('range end', () => check(body.replace('(4)', '<|(4)|>') + 'ayat (1) sampai dengan ayat (4$0).\\n'));
    it('range start', () => check(body.replace('(1)', '<|(1)|>') + 'ayat ($01) sampai dengan ayat (4).\\n'));
    it('the connector goes nowhere', () => check(body + 'ayat (1) sampai de$0ngan ayat (4).\\n'));
    it('inherited Pasal in a list: "Pasal 1 ayat (2) dan ayat (4)"', () => check(
      'Pasal 1\\n(1) Satu.\\n(2) Dua.\\n(3) Tiga.\\n<|(4)|> Empat.\\nPasal 2\\n(1) Satu.\\n(4) Empat.\\nPasal 3\\nDalam Pasal 1 ayat (2) dan ayat $0(4).'));
    it('Pasal ranges', () => check('Pasal 1\\nA.\\nPasal 2\\nB.\\n<|Pasal 3|>\\nC.\\nPasal 4\\nDalam Pasal 1 sampai dengan Pasal $03.'));
  });

  describe('no definition', () => {
    it('dangling Pasal', () => check('Pasal 1\\nSatu dalam Pasal 9$0.'));
    it('dangling ayat', () => check('Pasal 1\\n(1) Satu.\\n(2) Dua pada ayat (7$0).'));
    it('external reference', () => check('Pasal 1\\n(1) Sebagaimana dimaksud dalam Pasal 1$0 Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah.'));
    it('external reference with a chain', () => check('Pasal 1\\n(1) Satu.\\n(2) Sesuai Pasal 1 ayat (1$0) Peraturan Pemerintah Nomor 18 Tahun 2016.'));
  });

  describe('ambiguous (duplicate Pasal 14, as in Bekasi)', () => {
    const text = 'BAB I\\nSATU\\n<|Pasal 14|>\\n(1) Pertama.\\nBAB II\\nDUA\\n<|Pasal 14|>\\n(1) Kedua.\\nPasal 15\\nDalam Pasal 1$04.';
    it('returns every candidate', () => check(text));
    it('a chain returns every candidate ayat', () => check('BAB I\\nSATU\\nPasal 14\\n<|(1)|> Pertama.\\nBAB II\\nDUA\\nPasal 14\\n<|(1)|> Kedua.\\nPasal 15\\nDalam Pasal 14 ayat ($01).'));
  });

  describe('seeds', () => {
    it('kupang: "pada ayat (1)" in Pasal 2 ayat (2) goes to Pasal 2 ayat (1)', () => {
      const analysis = seed('kupang');
      const text = analysis.text;
      const line = offsetOf(text, /- \(2\) Dinas sebagaimana dimaksud pada ayat \(1\)/);
      const links = definition(analysis, text.indexOf('ayat (1)', line) + 2);
      assert.strictEqual(links.length, 1);
      assert.match(text.slice(links[0].targetRange.start, links[0].targetRange.end), /^\(1\) Dinas merupakan unsur pelaksana/);
      assert.strictEqual(lineOf(text, links[0].targetRange.start), lineOf(text, line) - 1);
    });
    it('kupang: "dimaksud dalam Pasal 2 ayat (1)": both segments resolve', () => {
      const analysis = seed('kupang');
      const text = analysis.text;
      const at = offsetOf(text, 'dimaksud dalam Pasal 2 ayat (1)');
      const toPasal = definition(analysis, at + 'dimaksud dalam Pa'.length);
      const toAyat = definition(analysis, at + 'dimaksud dalam Pasal 2 ay'.length);
      assert.strictEqual(slice(text, toPasal[0].targetSelectionRange), 'Pasal 2');
      assert.match(slice(text, toAyat[0].targetRange), /^\(1\) Dinas merupakan/);
    });
    it('kupang: konsiderans "Pasal 4" of another regulation has no definition', () => {
      const analysis = seed('kupang');
      const menimbang = offsetOf(analysis.text, 'Menimbang');
      const at = analysis.text.indexOf('Pasal 4', menimbang);
      assert.deepStrictEqual(definition(analysis, at + 3), []);
    });
    it('bekasi: konsiderans "huruf a" goes to Menimbang a', () => {
      const analysis = seed('bekasi');
      const text = analysis.text;
      const links = definition(analysis, offsetOf(text, 'dimaksud pada huruf a', 1, 'dimaksud pada huruf '.length));
      assert.strictEqual(links.length, 1);
      assert.match(slice(text, links[0].targetRange), /^a\. bahwa dalam rangka/);
    });
    it('labels pdftotext set before a Pasal heading: "ayat (1)" goes to the label the Pasal adopted, not to the next Pasal\'s', () => {
      const head = 'MEMUTUSKAN:\\nMenetapkan : PERATURAN.\\n\\nBAB I\\nUMUM\\nPasal 1\\nIsi.\\n';
      check(head + '<|(1)|>\\n\\n(2)\\n\\nPasal 2\\nPenyaluran sebagaimana dimaksud pada ayat (1$0).\\nPasal 3\\nIsi.\\n');
      check(head + 'Pasal 2\\n<|(1)|> Isi satu.\\n(2) Sebagaimana dimaksud pada ayat (1$0).\\n(1)\\n\\n(2)\\n\\nPasal 3\\nIsi satu.\\nIsi dua.\\nPasal 4\\nIsi.\\n');
    });
    it('every resolved item of both seeds has a definition at its start and end', () => {
      for (const name of ['bekasi', 'kupang'] as const) {
        const analysis = seed(name);
        for (const reference of analysis.references) {
          for (const item of reference.items) {
            const expected = item.status === 'resolved' ? 1 : item.status === 'ambiguous' ? item.targets.length : 0;
            const last = item.written[item.written.length - 1].range;
            assert.strictEqual(definition(analysis, last.start).length, expected, `${name} ${slice(analysis.text, item.range)}`);
            assert.strictEqual(definition(analysis, last.end).length, expected, `${name} ${slice(analysis.text, item.range)}`);
          }
        }
      }
    });
  });
});
