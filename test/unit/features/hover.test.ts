import * as assert from 'node:assert';
import { hover } from '../../../server/src/features/hover';
import { Locale } from '../../../server/src/features/messages';
import { fixture, offsetOf, seed, slice } from './check';

/** Hovers at `$0`; checks the hovered range (the `<|…|>` marker, if any) and returns the markdown. */
function check(source: string, locale: Locale = 'id'): string {
  const { text, offset, ranges, analysis } = fixture(source);
  const result = hover(analysis, offset, locale);
  assert.ok(result, 'no hover');
  if (ranges.length > 0) assert.strictEqual(slice(text, result.range), slice(text, ranges[0]));
  return result.markdown;
}

function none(source: string): void {
  const { offset, analysis } = fixture(source);
  assert.strictEqual(hover(analysis, offset, 'id'), undefined);
}

const DOC = 'BAB I\\nKETENTUAN UMUM\\nPasal 1\\n(1) Dinas melaksanakan uji perangkat lunak.\\n(2) Uji terdiri atas:\\na. uji fungsi; dan\\nb. uji beban.\\nBAB II\\nPELAKSANAAN\\nPasal 2\\n';

describe('hover', () => {
  describe('on a resolved reference', () => {
    it('quotes the cited ayat', () => {
      const markdown = check(DOC + 'Hasil uji sebagaimana dimaksud dalam Pasal 1 <|ayat $0(1)|> dilaporkan.');
      assert.match(markdown, /^\*\*Pasal 1 ayat \(1\)\*\* — BAB I KETENTUAN UMUM/);
      assert.match(markdown, /\n> Dinas melaksanakan uji perangkat lunak\.$/);
    });
    it('the Pasal segment quotes the whole Pasal with its ayat labels', () => {
      const markdown = check(DOC + 'Hasil uji sebagaimana dimaksud dalam <|Pa$0sal 1|> ayat (1) dilaporkan.');
      assert.match(markdown, /^\*\*Pasal 1\*\*/);
      assert.match(markdown, /> \(1\) Dinas melaksanakan/);
      assert.match(markdown, /> \(2\) Uji terdiri atas:\n>\n> a\. uji fungsi; dan\n>\n> b\. uji beban\./);
    });
    it('a huruf', () => assert.match(check(DOC + 'Dalam Pasal 1 ayat (2) huruf$0 b.'), /^\*\*Pasal 1 ayat \(2\) huruf b\*\*[^]*> uji beban\.$/));
    it('a relative ayat', () => assert.match(check('Pasal 1\\n(1) Satu dua tiga.\\n(2) Dua pada <|ayat ($01)|>.'), /> Satu dua tiga\./));
    it('konsiderans huruf a', () => assert.match(check('Menimbang : a. bahwa satu dua;\\nb. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf$0 a, perlu;\\nMEMUTUSKAN:\\nPasal 1\\nSatu.'), /^\*\*Menimbang huruf a\*\*\n\n> bahwa satu dua;$/));
    it('long text is cut at about 600 characters', () => {
      const long = Array.from({ length: 200 }, (_, i) => `kata${i}`).join(' ');
      const markdown = check(`Pasal 1\\n(1) ${long}.\\n(2) Pada ayat (1$0).`);
      const quoted = markdown.split('\n').filter((line) => line.startsWith('> ')).join(' ');
      assert.ok(quoted.length <= 620 && quoted.length > 500, String(quoted.length));
      assert.match(quoted, / …$/);
    });
    it('escapes Markdown in the quoted text', () => assert.match(check('Pasal 1\\n(1) Satu *tebal* dan <b>.\\n(2) Pada ayat (1$0).'), /Satu \\\*tebal\\\* dan \\<b\\>\./));
    it('drops Markdown bullets of scraped text', () => assert.match(check('Pasal 1\\n- (1) Satu.\\n- (2) Dua.\\nPasal 2\\nDalam Pasal$0 1.'), /> \(1\) Satu\.\n>\n> \(2\) Dua\.$/));
    it('in English the quoted text stays as written', () => assert.match(check(DOC + 'Dalam Pasal 1 ayat (1$0).', 'en'), /> Dinas melaksanakan/));
  });

  describe('on a reference without a target', () => {
    it('dangling Pasal', () => assert.match(check('Pasal 1\\nSatu dalam <|Pasal 9$0|>.'), /Pasal 9 tidak ada dalam peraturan ini/));
    it('dangling Pasal in English', () => assert.match(check('Pasal 1\\nSatu dalam Pasal 9$0.', 'en'), /there is no Pasal 9 in this regulation/));
    it('dangling ayat of an existing Pasal', () => assert.match(check('Pasal 1\\n(1) Satu.\\nPasal 2\\nDalam Pasal 1 <|ayat$0 (7)|>.'), /Pasal 1 tidak memiliki ayat \(7\)/));
    it('dangling relative ayat', () => assert.match(check('Pasal 1\\n(1) Satu.\\n(2) Dua pada ayat (7$0).', 'en'), /Pasal 1 has no ayat \(7\)/));
    it('external, naming the other regulation', () => {
      const markdown = check('Pasal 1\\n(1) Sesuai <|Pasal 1$08|> Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah; dan', 'id');
      assert.match(markdown, /peraturan lain: Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah\. Tidak dicari/);
    });
    it('external in English', () => assert.match(check('Pasal 1\\n(1) Sesuai Pasal 1$08 Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah.', 'en'), /another regulation: Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah\./));
    it('unchecked: inside a quoted amendment', () => {
      const amendment = 'Pasal I\\nBeberapa ketentuan dalam Peraturan Wali Kota Contoh Nomor 1 Tahun 2020 diubah sebagai berikut:\\n1. Ketentuan Pasal 6 diubah sehingga berbunyi sebagai berikut:\\nPasal 6\\n(1) Satu.\\n(2) Dua sebagaimana dimaksud pada ayat (1$0).\\nPasal II\\nPeraturan ini mulai berlaku pada tanggal diundangkan.\\n';
      assert.match(check(amendment), /teks kutipan perubahan/);
      assert.match(check(amendment, 'en'), /quoted amendment text/);
    });
    it('unchecked: the amending instruction', () => {
      const amendment = 'Pasal I\\nBeberapa ketentuan dalam Peraturan Wali Kota Contoh Nomor 1 Tahun 2020 diubah sebagai berikut:\\n1. Ketentuan Pasal$0 6 diubah sehingga berbunyi sebagai berikut:\\nPasal 6\\n(1) Satu.\\nPasal II\\nBerlaku.\\n';
      assert.match(check(amendment, 'en'), /amending regulation/);
    });
  });

  describe('on "sampai dengan"', () => {
    it('lists every unit of the range', () => assert.strictEqual(
      check('Pasal 1\\nA.\\nPasal 2\\nB.\\nPasal 3\\nC.\\nPasal 4\\nD.\\nPasal 5\\nDalam <|Pasal 1 sampai de$0ngan Pasal 4|>.', 'en'),
      '**Pasal 1 sampai dengan Pasal 4**\n\nCovers 4 units: Pasal 1, Pasal 2, Pasal 3, Pasal 4.'));
    it('ayat ranges in Indonesian', () => assert.match(
      check('Pasal 1\\n(1) A.\\n(2) B.\\n(3) C.\\n(4) Pada ayat (1) sampai$0 dengan ayat (3).'),
      /Mencakup 3 unit: Pasal 1 ayat \(1\), Pasal 1 ayat \(2\), Pasal 1 ayat \(3\)\.$/));
    it('nothing when an end is dangling', () => none('Pasal 1\\n(1) A.\\n(2) Pada ayat (1) sampai$0 dengan ayat (7).'));
  });

  describe('ambiguous', () => {
    it('shows each candidate with its line text', () => {
      const markdown = check('BAB I\\nSATU\\nPasal 14\\n(1) Pertama kali.\\nBAB II\\nDUA\\nPasal 14\\n(1) Kedua kali.\\nPasal 15\\nDalam <|Pasal 1$04|>.');
      assert.match(markdown, /ada 2 unit bernama Pasal 14/);
      assert.match(markdown, /- \*\*Pasal 14\*\* \(BAB I SATU, baris 3\): \(1\) Pertama kali\./);
      assert.match(markdown, /- \*\*Pasal 14\*\* \(BAB II DUA, baris 7\): \(1\) Kedua kali\./);
    });
  });

  describe('on a heading or label', () => {
    it('a cited Pasal', () => {
      const markdown = check('BAB I\\nUMUM\\nBagian Kesatu\\nDasar\\n<|Pasal$0 1|>\\n(1) Satu.\\nPasal 2\\n(1) Dalam Pasal 1.\\n(2) Dalam Pasal 1 ayat (1).');
      assert.match(markdown, /^\*\*Pasal 1\*\*\n\nBAB I UMUM › Bagian Kesatu Dasar\n\nDirujuk 2 kali\.\n\nDirujuk dari: Pasal 2 ayat \(1\), Pasal 2 ayat \(2\)\.$/);
    });
    it('a cited Pasal in English', () => assert.match(check('Pasal$0 1\\n(1) Satu.\\nPasal 2\\n(1) Dalam Pasal 1.', 'en'), /Cited once\.\n\nCited from: Pasal 2 ayat \(1\)\./));
    it('a BAB with its title', () => assert.match(check('<|BAB $0I|>\\nKETENTUAN UMUM\\nPasal 1\\nSatu.'), /^\*\*BAB I\*\* — KETENTUAN UMUM\n\nBelum pernah dirujuk/));
    it('an ayat label', () => assert.match(check('Pasal 1\\n<|($01)|> Satu.\\n(2) Pada ayat (1).', 'en'), /^\*\*Pasal 1 ayat \(1\)\*\*\n\nCited once\./));
    it('a duplicate Pasal says so', () => assert.match(check('BAB I\\nSATU\\nPasal 14\\n(1) Pertama.\\nBAB II\\nDUA\\nPasal 1$04\\n(1) Kedua.', 'en'), /This regulation has 2 units named Pasal 14 \(lines 3, 7\)/));
    it('an OCR-damaged ayat label says how it was read, in either language', () => {
      const source = 'Pasal 1\\n(1) Satu.\\n<|(2$01|> Dua.\\n(3) Tiga.';
      assert.match(check(source, 'en'), /^\*\*Pasal 1 ayat \(2\)\*\*[^]*\n\n_label "\(21" read as "\(2\)"_$/);
      assert.match(check(source, 'id'), /\n\n_label "\(21" dibaca "\(2\)"_$/);
    });
    it('nothing on plain text', () => none('Pasal 1\\nSa$0tu.'));
    it('nothing on a title', () => none('BAB I\\nKETENTUAN$0 UMUM\\nPasal 1\\nSatu.'));
  });

  describe('seeds', () => {
    it('kupang: "pada ayat (1)" in Pasal 2 ayat (2) quotes Pasal 2 ayat (1)', () => {
      const analysis = seed('kupang');
      const line = offsetOf(analysis.text, '(2) Dinas sebagaimana dimaksud pada ayat (1)');
      const result = hover(analysis, analysis.text.indexOf('ayat (1)', line) + 2, 'id');
      assert.match(result!.markdown, /unsur pelaksana Urusan Pemerintahan/);
    });
    it('kupang: "Pasal B" (= Pasal 13) shows its damage, in the client\'s language', () => {
      const analysis = seed('kupang');
      const at = offsetOf(analysis.text, /^Pasal B/m, 1, 2);
      const en = hover(analysis, at, 'en')!.markdown;
      assert.match(en, /^\*\*Pasal 13\*\*/);
      assert.match(en, /_number "B" read as "13"_$/);
      assert.match(hover(analysis, at, 'id')!.markdown, /_nomor "B" dibaca "13"_$/);
    });
    it('bekasi: a Menimbang reference', () => {
      const analysis = seed('bekasi');
      const result = hover(analysis, offsetOf(analysis.text, 'dimaksud pada huruf a', 1, 'dimaksud pada huruf '.length), 'id');
      assert.match(result!.markdown, /^\*\*Menimbang huruf a\*\*\n\n> bahwa dalam rangka pelaksanaan/);
    });
    it('every reference of both seeds has a hover in both languages', () => {
      for (const name of ['bekasi', 'kupang'] as const) {
        const analysis = seed(name);
        for (const reference of analysis.references) {
          for (const item of reference.items) {
            for (const locale of ['id', 'en'] as const) {
              const result = hover(analysis, item.range.start, locale);
              assert.ok(result && result.markdown.length > 10, `${name} ${slice(analysis.text, item.range)}`);
            }
          }
        }
      }
    });
  });
});
