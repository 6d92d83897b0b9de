import * as assert from 'node:assert';
import { codeLenses, lensPlaces } from '../../../server/src/features/code-lens';
import { Locale } from '../../../server/src/features/messages';
import { fixture, seed, slice } from './check';

/** "Pasal 1: 2 rujukan | Pasal 2: 0 rujukan" — one line per document. */
function check(source: string, expected: string, locale: Locale = 'id'): void {
  const { text, analysis } = fixture(source);
  const lenses = codeLenses(analysis, locale);
  assert.strictEqual(lenses.map((lens) => `${slice(text, lens.range)}: ${lens.title}`).join(' | '), expected);
}

describe('code lens', () => {
  it('counts citations of each Pasal', () => check('Pasal 1\\nSatu.\\nPasal 2\\nDalam Pasal 1 dan Pasal 1.', 'Pasal 1: 2 rujukan | Pasal 2: 0 rujukan'));
  it('in English, singular and plural', () => check('Pasal 1\\nSatu.\\nPasal 2\\nDalam Pasal 1.\\nPasal 3\\nDalam Pasal 2 dan Pasal 2.', 'Pasal 1: 1 reference | Pasal 2: 2 references | Pasal 3: 0 references', 'en'));
  it('a chain cites its Pasal', () => check('Pasal 1\\n(1) Satu.\\nPasal 2\\nDalam Pasal 1 ayat (1).', 'Pasal 1: 1 rujukan | Pasal 2: 0 rujukan'));
  it('relative ayat do not count for the Pasal', () => check('Pasal 1\\n(1) Satu.\\n(2) Pada ayat (1).', 'Pasal 1: 0 rujukan'));
  it('range members count', () => check('Pasal 1\\nA.\\nPasal 2\\nB.\\nPasal 3\\nC.\\nPasal 4\\nDalam Pasal 1 sampai dengan Pasal 3.', 'Pasal 1: 1 rujukan | Pasal 2: 1 rujukan | Pasal 3: 1 rujukan | Pasal 4: 0 rujukan'));
  it('an ambiguous citation counts for both duplicates', () => check('BAB I\\nA\\nPasal 14\\nSatu.\\nBAB II\\nB\\nPasal 14\\nDua.\\nPasal 15\\nDalam Pasal 14.', 'Pasal 14: 1 rujukan | Pasal 14: 1 rujukan | Pasal 15: 0 rujukan'));
  it('external references do not count', () => check('Pasal 1\\nSesuai Pasal 1 Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah.', 'Pasal 1: 0 rujukan'));
  it('no lens on quoted Pasal of an amendment', () => check('Pasal I\\nBeberapa ketentuan dalam Peraturan Wali Kota Contoh Nomor 1 Tahun 2020 diubah sebagai berikut:\\n1. Ketentuan Pasal 6 diubah sehingga berbunyi sebagai berikut:\\nPasal 6\\n(1) Satu.\\nPasal II\\nBerlaku.', 'Pasal I: 0 rujukan | Pasal II: 0 rujukan'));
  it('no lens in the Penjelasan', () => check('Pasal 1\\nSatu.\\nPasal 2\\nDua.\\nPENJELASAN\\nATAS\\nPERATURAN WALI KOTA CONTOH\\nI. UMUM\\nSingkat.\\nII. PASAL DEMI PASAL\\nPasal 1\\nCukup jelas.\\nPasal 2\\nCukup jelas.', 'Pasal 1: 0 rujukan | Pasal 2: 0 rujukan'));
  it('unit ids and counts', () => {
    const { analysis } = fixture('Pasal 1\\nSatu.\\nPasal 2\\nDalam Pasal 1.');
    const [first] = codeLenses(analysis, 'id');
    assert.strictEqual(analysis.regulation.units.find((unit) => unit.id === first.unitId)?.number, '1');
    assert.strictEqual(first.count, 1);
  });
  it('kupang: 16 Pasal, Pasal 2 cited once, Pasal B (13) named as written', () => {
    const analysis = seed('kupang');
    const lenses = codeLenses(analysis, 'id');
    assert.strictEqual(lenses.length, 16);
    assert.strictEqual(lenses[1].title, '1 rujukan');
    assert.strictEqual(slice(analysis.text, lenses[12].range), 'Pasal B');
  });
  it('bekasi: 22 Pasal including the duplicate 14; Pasal 12 cited once', () => {
    const analysis = seed('bekasi');
    const lenses = codeLenses(analysis, 'en');
    assert.strictEqual(lenses.length, 22);
    assert.strictEqual(lenses.filter((lens) => slice(analysis.text, lens.range) === 'Pasal 14').length, 2);
    assert.strictEqual(lenses.find((lens) => slice(analysis.text, lens.range) === 'Pasal 12')?.title, '1 reference');
  });
  it('a lens lists the first places citing its Pasal, in text order; its title keeps the count', () => {
    const { text, analysis } = fixture('Pasal 1\\nSatu.\\nPasal 2\\nDalam Pasal 1, Pasal 1, dan Pasal 1.\\nPasal 3\\nDalam Pasal 1.');
    const lenses = codeLenses(analysis, 'en');
    const first = lenses[0];
    assert.strictEqual(first.title, '4 references');
    const all = lensPlaces(analysis, lenses).get(first.unitId) ?? [];
    assert.deepStrictEqual(all.map((range) => slice(text, range)), ['Pasal 1', 'Pasal 1', 'Pasal 1', 'Pasal 1']);
    assert.deepStrictEqual(lensPlaces(analysis, lenses, 2).get(first.unitId), all.slice(0, 2));
  });
});
