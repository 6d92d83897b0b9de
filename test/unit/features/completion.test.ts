import * as assert from 'node:assert';
import { completions, CompletionItem } from '../../../server/src/features/completion';
import { Locale } from '../../../server/src/features/messages';
import { analyze } from '../../../server/src/features/analysis';
import { fixture, offsetOf, seed } from './check';

function complete(source: string, locale: Locale = 'id'): CompletionItem[] {
  const { offset, analysis } = fixture(source);
  return completions(analysis, offset, locale);
}

/** The labels offered at `$0`, as one string ("1 2 3"), for one-line expectations. */
function check(source: string, expected: string): void {
  assert.strictEqual(complete(source).map((item) => item.label).join(' '), expected);
}

function insertTexts(source: string): string {
  return complete(source).map((item) => item.insertText).join(' ');
}

const BODY = 'BAB I\\nUMUM\\nPasal 1\\n(1) Dinas melaksanakan uji.\\n(2) Uji terdiri atas:\\na. uji fungsi; dan\\nb. uji beban.\\nPasal 2\\n(1) Hasil uji dilaporkan.\\n(2) Laporan memuat:\\na. temuan;\\nb. saran; dan\\nc. tindak lanjut.\\n(3) Laporan ';

describe('completion', () => {
  describe('Pasal in running text', () => {
    it('after "dimaksud dalam Pasal "', () => check(BODY + 'sebagaimana dimaksud dalam Pasal $0', '1 2'));
    it('after a partial number', () => check(BODY + 'sebagaimana dimaksud dalam Pasal 1$0', '1 2'));
    it('any "Pasal " in running text', () => check(BODY + 'sesuai Pasal $0', '1 2'));
    it('on the next line of a wrapped sentence', () => check(BODY + 'sebagaimana dimaksud dalam\\nPasal $0', '1 2'));
    it('details give the first words', () => {
      const [first] = complete(BODY + 'dalam Pasal $0');
      assert.deepStrictEqual(first, { label: '1', kind: 'pasal', detail: 'Pasal 1 · (1) Dinas melaksanakan uji.', insertText: '1', sortText: '00000' });
    });
    it('long details are cut after ten words', () => {
      const [first] = complete('Pasal 1\\nSatu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas dua belas.\\nPasal 2\\nDalam Pasal $0');
      assert.strictEqual(first.detail, 'Pasal 1 · Satu dua tiga empat lima enam tujuh delapan sembilan sepuluh …');
    });
    it('a duplicate Pasal is offered once', () => check('BAB I\\nA\\nPasal 14\\nSatu.\\nBAB II\\nB\\nPasal 14\\nDua.\\nPasal 15\\nDalam Pasal $0', '14 15'));
    it('quoted Pasal of an amendment are not offered', () => check('Pasal I\\nBeberapa ketentuan dalam Peraturan Wali Kota Contoh Nomor 1 Tahun 2020 diubah sebagai berikut:\\n1. Ketentuan Pasal 6 diubah sehingga berbunyi sebagai berikut:\\nPasal 6\\n(1) Satu.\\nPasal II\\nSebagaimana dimaksud dalam Pasal $0', 'I II'));
    it('nothing after plain words', () => check(BODY + 'sebagaimana dimaksud dalam $0', ''));
    it('nothing after "Pasal" without a space', () => check(BODY + 'sebagaimana dimaksud dalam Pasal$0', ''));
  });

  describe('ayat', () => {
    it('after "pada ayat (": the ayat of the current Pasal', () => check(BODY + 'sebagaimana dimaksud pada ayat ($0', '1 2 3'));
    it('insert text closes the bracket', () => assert.strictEqual(insertTexts(BODY + 'pada ayat ($0'), '1) 2) 3)'));
    it('no second bracket when one was auto-closed', () => assert.strictEqual(insertTexts(BODY + 'pada ayat ($0)'), '1 2 3'));
    it('after a partial number', () => check(BODY + 'pada ayat (1$0', '1 2 3'));
    it('in Pasal 1', () => check('Pasal 1\\n(1) Satu.\\n(2) Dua pada ayat ($0\\nPasal 2\\n(1) A.\\n(2) B.\\n(3) C.', '1 2'));
    it('"ayat " without a bracket yet offers nothing', () => check(BODY + 'pada ayat $0', ''));
    it('after "Pasal 1 ayat (": the ayat of Pasal 1', () => check(BODY + 'dalam Pasal 1 ayat ($0', '1 2'));
    it('list continuation inherits the Pasal: "Pasal 1 ayat (1) dan ayat ("', () => check(BODY + 'dalam Pasal 1 ayat (1) dan ayat ($0', '1 2'));
    it('list continuation of relative ayat stays relative', () => check(BODY + 'pada ayat (1), ayat (2), dan ayat ($0', '1 2 3'));
    it('range continuation', () => check(BODY + 'dalam Pasal 1 ayat (1) sampai dengan ayat ($0', '1 2'));
    it('details', () => assert.strictEqual(complete(BODY + 'pada ayat ($0')[1].detail, 'Pasal 2 ayat (2) · Laporan memuat:'));
    it('kind', () => assert.deepStrictEqual([...new Set(complete(BODY + 'pada ayat ($0').map((item) => item.kind))], ['ayat']));
  });

  describe('huruf and angka', () => {
    it('after "huruf " in an ayat with a list: its huruf', () => check('Pasal 1\\n(1) Satu:\\na. alpha;\\nb. beta sebagaimana dimaksud dalam huruf $0\\n(2) Dua.', 'a b'));
    it('after "ayat (2) huruf ": the huruf of ayat (2)', () => check(BODY + 'pada ayat (2) huruf $0', 'a b c'));
    it('after "Pasal 1 ayat (2) huruf "', () => check(BODY + 'dalam Pasal 1 ayat (2) huruf $0', 'a b'));
    it('a Pasal with huruf and no ayat', () => check('Pasal 1\\nTugas:\\na. satu;\\nb. dua;\\nc. tiga sebagaimana dimaksud dalam huruf $0', 'a b c'));
    it('konsiderans: the Menimbang letters', () => check('Menimbang : a. bahwa satu;\\nb. bahwa dua;\\nc. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, huruf $0', 'a b c'));
    it('angka of a huruf', () => check('Pasal 1\\nTugas:\\na. satu:\\n1. kesatu;\\n2. kedua;\\nb. dua.\\nPasal 2\\nDalam Pasal 1 huruf a angka $0', '1 2'));
    it('a dangling prefix offers nothing', () => check(BODY + 'dalam Pasal 9 ayat ($0', ''));
  });

  describe('the next number at the start of a line', () => {
    it('"Pasal " after the last Pasal', () => check(BODY + 'disampaikan.\\n\\nPasal $0', '3'));
    it('insert text and kind', () => assert.deepStrictEqual(complete(BODY + 'disampaikan.\\nPasal $0', 'en')[0], { label: '3', kind: 'number', detail: 'next Pasal (after Pasal 2)', insertText: '3', sortText: '00000' }));
    it('right after a BAB title', () => check(BODY + 'disampaikan.\\nBAB II\\nPENUTUP\\nPasal $0', '3'));
    it('right after a Paragraf title in Title Case', () => check('BAB I\\nUMUM\\nBagian Kesatu\\nSatu\\nPasal 1\\nSatu.\\nParagraf 1\\nKelompok Jabatan\\nPasal $0', '2'));
    it('the first Pasal', () => check('BAB I\\nKETENTUAN UMUM\\nPasal $0', '1'));
    it('with a bullet', () => check(BODY + 'disampaikan.\\n- Pasal $0', '3'));
    it('an inserted Pasal continues the series', () => check('Pasal 1\\nSatu.\\nPasal 1A\\nSatu A.\\nPasal $0', '2'));
    it('"(" after the last ayat', () => check(BODY + 'disampaikan.\\n($0', '4'));
    it('"(" insert text closes the bracket', () => assert.strictEqual(insertTexts(BODY + 'disampaikan.\\n($0'), '4)'));
    it('"(" with an auto-closed bracket', () => assert.strictEqual(insertTexts(BODY + 'disampaikan.\\n($0)'), '4'));
    it('"(" in a Pasal without ayat yet', () => check('Pasal 1\\n($0', '1'));
    it('"(" in the middle of a Pasal counts what is above', () => check('Pasal 1\\n(1) Satu.\\n($0\\n(3) Tiga.', '2'));
    it('"- (" with a Markdown bullet', () => check(BODY + 'disampaikan.\\n- ($0', '4'));
    it('"(" outside any Pasal offers nothing', () => check('MENIMBANG\\n($0', ''));
    it('Indonesian detail', () => assert.strictEqual(complete(BODY + 'disampaikan.\\n($0')[0].detail, 'ayat berikutnya dalam Pasal 2 (sesudah (3))'));
  });

  describe('seeds', () => {
    it('kupang: "dimaksud dalam Pasal " offers Pasal 1 to 16', () => {
      const original = seed('kupang').text;
      const at = original.indexOf('\n', offsetOf(original, 'dimaksud dalam Pasal 2 ayat (1)'));
      const text = original.slice(0, at) + '\n- (9) Ketentuan sebagaimana dimaksud dalam Pasal ' + original.slice(at);
      const labels = completions(analyze(text), at + '\n- (9) Ketentuan sebagaimana dimaksud dalam Pasal '.length, 'id').map((item) => item.label);
      assert.deepStrictEqual(labels, Array.from({ length: 16 }, (_, i) => String(i + 1)));
    });
    it('bekasi: "pada ayat (" in Pasal 14 of BAB III offers its seven ayat', () => {
      const original = seed('bekasi').text;
      const at = original.indexOf('\n', offsetOf(original, '- (1) Hal-hal yang menjadi tugas'));
      const text = original.slice(0, at) + ' sebagaimana dimaksud pada ayat (' + original.slice(at);
      const labels = completions(analyze(text), at + ' sebagaimana dimaksud pada ayat ('.length, 'en').map((item) => item.label);
      assert.deepStrictEqual(labels, ['1', '2', '3', '4', '5', '6', '7']);
    });
  });
});
