import * as assert from 'node:assert';
import { analyze } from '../../../server/src/features/analysis';
import { citationCounts, citations, citationsOf, referencesTo } from '../../../server/src/features/find-references';
import { assertRanges, fixture, lineOf, offsetOf, seed, slice } from './check';

function check(source: string, includeDeclaration = false): void {
  const { text, offset, ranges, analysis } = fixture(source);
  assertRanges(text, referencesTo(analysis, offset, includeDeclaration), ranges);
}

describe('find references', () => {
  describe('from a heading', () => {
    it('a Pasal cited once', () => check('Pasal$0 1\\nSatu.\\nPasal 2\\nSebagaimana dimaksud dalam <|Pasal 1|>.'));
    it('cursor at the end of the heading', () => check('Pasal 1$0\\nSatu.\\nPasal 2\\nSebagaimana dimaksud dalam <|Pasal 1|>.'));
    it('with the declaration', () => check('<|Pasa$0l 1|>\\nSatu.\\nPasal 2\\nSebagaimana dimaksud dalam <|Pasal 1|>.', true));
    it('never cited', () => check('Pasal$0 1\\nSatu.\\nPasal 2\\nDua.'));
    it('not on a heading', () => check('Pasal 1\\nSa$0tu.\\nPasal 2\\nSebagaimana dimaksud dalam Pasal 1.'));
    it('a Pasal cited through a chain: the Pasal segment', () => check('Pasal $01\\n(1) Satu.\\n(2) Dua.\\nPasal 2\\nDalam <|Pasal 1|> ayat (2) dan <|Pasal 1|>.'));
    it('an ayat label: chains and relative forms', () => check('Pasal 1\\n(1) Satu.\\n($02) Dua.\\n(3) Tiga pada <|ayat (2)|>.\\nPasal 2\\nDalam <|Pasal 1 ayat (2)|>.'));
    it('ayat (2) of Pasal 1 is not ayat (2) of Pasal 2', () => check('Pasal 1\\n(1) Satu.\\n($02) Dua.\\nPasal 2\\n(1) Lain.\\n(2) Lagi.\\n(3) Pada ayat (2) dan <|Pasal 1 ayat (2)|>.'));
    it('relative forms do not cite the Pasal', () => check('Pasal$0 1\\n(1) Satu.\\n(2) Dua pada ayat (1).'));
    it('a huruf label', () => check('Pasal 1\\n(1) Satu:\\na$0. alpha;\\nb. beta.\\n(2) Dua sebagaimana dimaksud pada <|ayat (1) huruf a|>.'));
    it('the Pasal of a huruf chain', () => check('Pasal 1$0\\n(1) Satu:\\na. alpha;\\nb. beta.\\nPasal 2\\nDalam <|Pasal 1|> ayat (1) huruf a.'));
    it('an older law\'s "ayat (2) Pasal 1": the Pasal segment and the whole', () => {
      check('Pasal $01\\n(1) Satu.\\n(2) Dua.\\nPasal 2\\nTersebut ayat (2) <|Pasal 1|> Undang-undang ini.');
      check('Pasal 1\\n(1) Satu.\\n($02) Dua.\\nPasal 2\\nTersebut <|ayat (2) Pasal 1|> Undang-undang ini.');
    });
    it('the ayat of a huruf chain', () => check('Pasal 1\\n(1$0) Satu:\\na. alpha;\\nb. beta.\\nPasal 2\\nDalam Pasal 1 <|ayat (1)|> huruf a.'));
  });

  describe('lists, ranges, inheritance', () => {
    const ayat = 'Pasal 1\\n(1) Satu.\\n(2) Dua.\\n(3) Tiga.\\n(4) Empat.\\n(5) Lima pada ';
    it('list item', () => check(ayat.replace('(2) Dua', '($02) Dua') + 'ayat (1), <|ayat (2)|>, dan ayat (4).'));
    it('list item not cited', () => check(ayat.replace('(3) Tiga', '($03) Tiga') + 'ayat (1), ayat (2), dan ayat (4).'));
    it('range: a member is cited by the whole range', () => check(ayat.replace('(3) Tiga', '($03) Tiga') + '<|ayat (1) sampai dengan ayat (4)|>.'));
    it('range: an end is cited by itself', () => check(ayat.replace('(4) Empat', '($04) Empat') + 'ayat (1) sampai dengan <|ayat (4)|>.'));
    it('Pasal 5 sampai dengan Pasal 9 includes Pasal 7', () => {
      const pasal = Array.from({ length: 10 }, (_, i) => `Pasal ${i + 1}\\nIsi ${i + 1}.`).join('\\n');
      check(pasal.replace('Pasal 7\\n', 'Pasal $07\\n') + '\\nPasal 11\\nSebagaimana dimaksud dalam <|Pasal 5 sampai dengan Pasal 9|>.');
    });
    // Every "X sampai dengan Y" of a reference contributes its members.
    it('two ranges in one reference: members of the first range', () => {
      const pasal = Array.from({ length: 7 }, (_, i) => `Pasal ${i + 1}\\nIsi ${i + 1}.`).join('\\n');
      check(pasal.replace('Pasal 2\\n', 'Pasal $02\\n') + '\\nPasal 8\\nDalam <|Pasal 1 sampai dengan Pasal 3|> dan Pasal 5 sampai dengan Pasal 7.');
    });
    it('two ranges in one reference: members of the last range', () => {
      const pasal = Array.from({ length: 7 }, (_, i) => `Pasal ${i + 1}\\nIsi ${i + 1}.`).join('\\n');
      check(pasal.replace('Pasal 6\\n', 'Pasal $06\\n') + '\\nPasal 8\\nDalam Pasal 1 sampai dengan Pasal 3 dan <|Pasal 5 sampai dengan Pasal 7|>.');
    });
    it('exclusion: cited once, by the exclusion', () => check(ayat.replace('(3) Tiga', '($03) Tiga') + 'ayat (1) sampai dengan ayat (4), kecuali <|ayat (3)|>.'));
    it('inherited Pasal: "Pasal 1 ayat (2) dan ayat (4)" cites ayat (4) of Pasal 1', () => check(
      'Pasal 1\\n(1) Satu.\\n(2) Dua.\\n(3) Tiga.\\n($04) Empat.\\nPasal 2\\n(1) Satu.\\n(4) Empat.\\nPasal 3\\nDalam Pasal 1 ayat (2) dan <|ayat (4)|>.'));
    it('inherited Pasal: Pasal 1 is cited once by its written segment', () => check(
      'Pasal $01\\n(1) Satu.\\n(2) Dua.\\n(4) Empat.\\nPasal 3\\nDalam <|Pasal 1|> ayat (2) dan ayat (4).'));
  });

  describe('from a reference', () => {
    it('all the references to the same target', () => check('Pasal 1\\nSatu.\\nPasal 2\\nDalam <|Pasal 1|> dan <|Pasal $01|>.'));
    it('with the declaration', () => check('<|Pasal 1|>\\nSatu.\\nPasal 2\\nDalam <|Pasal 1|> dan <|Pasal $01|>.', true));
    it('dangling references have no target', () => check('Pasal 1\\nSatu.\\nPasal 2\\nDalam Pasal 9$0 dan Pasal 9.'));
    it('external references are not references to this document', () => check('Pasal$0 1\\nSatu.\\nPasal 2\\nDalam Pasal 1 Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah.'));
  });

  describe('ambiguous', () => {
    const text = 'BAB I\\nSATU\\nPasal 14\\n(1) Pertama.\\nBAB II\\nDUA\\nPasal 14\\n(1) Kedua.\\nPasal 15\\nDalam <|Pasal 14|>.';
    it('the first duplicate sees the ambiguous citation', () => check(text.replace('Pasal 14\\n(1) Pertama', 'Pasal 1$04\\n(1) Pertama')));
    it('the second duplicate too', () => check(text.replace('Pasal 14\\n(1) Kedua', 'Pasal 1$04\\n(1) Kedua')));
  });

  describe('citationCounts', () => {
    it('counts each citation once per unit', () => {
      const { analysis } = fixture('Pasal 1\\n(1) Satu.\\n(2) Dua.\\nPasal 2\\nDalam Pasal 1, Pasal 1 ayat (2), dan Pasal 3.\\nPasal 3\\nTiga pada Pasal 1.');
      const counts = citationCounts(analysis);
      const byName = (name: string, nth = 1): number => {
        const unit = analysis.regulation.units.filter((u) => slice(analysis.text, u.nameRange) === name)[nth - 1];
        return counts.get(unit.id) ?? 0;
      };
      assert.strictEqual(byName('Pasal 1'), 3);
      assert.strictEqual(byName('(2)'), 1);
      assert.strictEqual(byName('(1)'), 0);
      assert.strictEqual(byName('Pasal 2'), 0);
      assert.strictEqual(byName('Pasal 3'), 1);
    });
    it('agrees with referencesTo on every unit of both seeds', () => {
      for (const name of ['bekasi', 'kupang'] as const) {
        const analysis = seed(name);
        const counts = citationCounts(analysis);
        for (const unit of analysis.regulation.units) {
          if (unit.number === undefined || unit.nameRange.end === unit.nameRange.start) continue;
          const found = referencesTo(analysis, unit.nameRange.start, false).length;
          // Two units may share a heading offset only if nested inline; skip those.
          if (analysis.regulation.units.some((other) => other !== unit && other.nameRange.start === unit.nameRange.start)) continue;
          assert.strictEqual(found, counts.get(unit.id) ?? 0, `${name}: ${slice(analysis.text, unit.nameRange)} at line ${lineOf(analysis.text, unit.range.start)}`);
        }
      }
    });
  });

  describe('seeds', () => {
    it('kupang: the "Pasal 2" heading is cited by "dimaksud dalam Pasal 2 ayat (1)"', () => {
      const analysis = seed('kupang');
      const text = analysis.text;
      const heading = offsetOf(text, /^Pasal 2\s*$/m, 1, 6);
      const citing = offsetOf(text, 'dimaksud dalam Pasal 2 ayat (1)');
      const lines = referencesTo(analysis, heading, false).map((range) => lineOf(text, range.start));
      assert.ok(lines.includes(lineOf(text, citing)), JSON.stringify(lines));
    });
    it('kupang: Pasal 2 ayat (1) is cited by the two "pada ayat (1)" and by Pasal 3', () => {
      const analysis = seed('kupang');
      const text = analysis.text;
      const label = offsetOf(text, '(1) Dinas merupakan unsur pelaksana', 1, 1);
      const found = referencesTo(analysis, label, true).map((range) => slice(text, range));
      assert.deepStrictEqual(found, ['(1)', 'ayat (1)', 'ayat (1)', 'Pasal 2 ayat (1)']);
    });
    it('bekasi: Menimbang a is cited by the last konsiderans item', () => {
      const analysis = seed('bekasi');
      const text = analysis.text;
      const found = referencesTo(analysis, offsetOf(text, 'a. bahwa dalam rangka'), false);
      assert.deepStrictEqual(found.map((range) => slice(text, range)), ['huruf a']);
    });
    it('bekasi: Pasal 12 is cited once, from Pasal 13', () => {
      const analysis = seed('bekasi');
      const text = analysis.text;
      const found = referencesTo(analysis, offsetOf(text, /^Pasal 12/m, 1, 2), false);
      assert.strictEqual(found.length, 1);
      assert.ok(found[0].start > offsetOf(text, /^Pasal 13/m));
    });
  });

  describe('a text that cites much', () => {
    // Every Pasal cites the range over all of them: N² citations, which only callers that want them all pay for.
    const count = 200;
    const text = Array.from({ length: count }, (_, i) => `Pasal ${i + 1}\nSebagaimana dimaksud dalam Pasal 1 sampai dengan Pasal ${count}.`).join('\n');
    const analysis = analyze(text);
    it('counts without listing: every Pasal is cited by every range', () => {
      const counts = citationCounts(analysis);
      assert.deepStrictEqual([counts.get(analysis.regulation.pasalIndex.get('1')![0].id), counts.get(analysis.regulation.pasalIndex.get('100')![0].id)], [count, count]);
    });
    it('asks before it makes a citation: a capped caller gets what it wanted, the same as a filter of them all', () => {
      const pasal100 = analysis.regulation.pasalIndex.get('100')![0];
      let asked = 0;
      const few = citationsOf(analysis, (unit) => unit === pasal100 && asked++ < 5);
      assert.strictEqual(few.length, 5);
      assert.deepStrictEqual(citationsOf(analysis, (unit) => unit === pasal100), citations(analysis).filter((citation) => citation.unit === pasal100));
    });
  });
});
