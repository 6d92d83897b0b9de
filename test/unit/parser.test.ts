import * as assert from 'node:assert/strict';
import { parse, SyntaxNode, tokensOf, walkNodes } from '../../server/src/syntax';
import { analyze } from '../../server/src/features/analysis';

function units(text: string, kind: string): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  walkNodes(parse(text).root, (node) => {
    if (node.kind === kind) out.push(node);
  });
  return out;
}

/** The number texts of the Pasal outside quoted amendment text. */
function unquotedPasal(text: string): string[] {
  const out: string[] = [];
  const visit = (node: SyntaxNode): void => {
    if (node.kind === 'quote') return;
    if (node.kind === 'pasal') out.push(node.info.numberText ?? '');
    for (const child of node.children) if (child.type === 'node') visit(child);
  };
  visit(parse(text).root);
  return out;
}

/** The number texts of the units of `kind` outside quoted amendment text. */
function unquoted(text: string, kind: string): string[] {
  const out: string[] = [];
  const visit = (node: SyntaxNode): void => {
    if (node.kind === 'quote') return;
    if (node.kind === kind) out.push(node.info.repairedNumber ?? node.info.numberText ?? '');
    for (const child of node.children) if (child.type === 'node') visit(child);
  };
  visit(parse(text).root);
  return out;
}

/** The numbers of the items of the sections of `kind` ("konsiderans": a, b, c). */
function numbersOf(text: string, kind: string): string[] {
  return units(text, kind).flatMap((section) => section.children.flatMap((child) => (child.type === 'node' && child.info.numberText ? [child.info.numberText] : [])));
}

function numbers(text: string, kind: string): string[] {
  return units(text, kind).map((node) => node.info.repairedNumber ?? node.info.numberText ?? '?');
}

const BODY = 'MEMUTUSKAN:\nMenetapkan : PERATURAN WALI KOTA TENTANG CONTOH.\n\n';

describe('parser', () => {
  it('is lossless on tricky input', () => {
    for (const text of ['', '\n', '\r\n\r', 'Pasal', BODY + 'Pasal 1\n(1) a.\r\nb)\u0000\uD800', '**BAB I**\n- (1) x']) {
      const tokens = tokensOf(parse(text).root);
      assert.equal(tokens.map((token) => text.slice(token.start, token.end)).join(''), text);
    }
  });
  it('reads headings on their own line, with titles, inline and decorated', () => {
    const text = BODY + '**BAB I**\nKETENTUAN UMUM\n\nPasal 1\n- (1) Satu.\n- (2) Dua. (3) Tiga.\n\nBAB II TUGAS Pasal 2 (1) Empat.\n';
    assert.deepEqual(numbers(text, 'bab'), ['I', 'II']);
    assert.deepEqual(numbers(text, 'pasal'), ['1', '2']);
    assert.deepEqual(numbers(text, 'ayat'), ['1', '2', '3', '1']);
  });
  it('repairs OCR-damaged headings only where the sequence confirms them', () => {
    const text = BODY + 'Pasal 12\nIsi.\n\nPasal B\nIsi.\n\nasal 14\nIsi.\n\nPasa] 15\nIsi.\n';
    assert.deepEqual(numbers(text, 'pasal'), ['12', '13', '14', '15']);
    assert.equal(parse(text).errors.length, 3);
    // "asal 40" does not fit the sequence: it stays text.
    assert.deepEqual(numbers(BODY + 'Pasal 1\nIsi.\nasal 40\n', 'pasal'), ['1']);
  });
  it('a page number that lost its closing dash, run into the heading that opens the page ("- 11 BAB II", "-3Pasal 3"), is a page number', () => {
    const text = BODY + 'BAB I\nUMUM\nPasal 1\nIsi.\nPasal 2\nIsi.\n\f- 11 BAB II\nTUGAS\n\f-3Pasal 3\nIsi.\n\f- 12 Pasal 2 ayat (1) berlaku juga.\n';
    assert.deepEqual(numbers(text, 'bab'), ['I', 'II']);
    assert.deepEqual(numbers(text, 'pasal'), ['1', '2', '3']);
    const pageNumbers = tokensOf(parse(text).root).filter((token) => token.kind === 'page-number').map((token) => text.slice(token.start, token.end));
    assert.deepEqual(pageNumbers, ['\f- 11 ', '\f-3', '\f- 12 ']);
  });
  it('after a page break, a page number run into a list label ("\\f-7(5)", "\\f- 10 5.", "\\f-424.") is split from it', () => {
    const pageNumbersOf = (text: string): string[] => tokensOf(parse(text).root).filter((token) => token.kind === 'page-number').map((token) => text.slice(token.start, token.end));
    const ayat = BODY + 'Pasal 1\n(1) Satu.\n(2) Dua.\n(3) Tiga.\n(4) Empat.\n\f-7(5)\n\nLima.\n(6) Enam.\n';
    assert.deepEqual(numbers(ayat, 'ayat'), ['1', '2', '3', '4', '5', '6']);
    assert.deepEqual(pageNumbersOf(ayat), ['\f-7']);
    // The digits run into an angka label: split where the label continues the list (page 4, angka 24).
    const definitions = BODY + 'Pasal 1\n' + Array.from({ length: 23 }, (_, i) => `${i + 1}. Istilah ${i + 1}.\n`).join('') + '\f-424. Perusahaan Antara.\n25. Istilah.\n\f- 10 26. Istilah.\n';
    assert.deepEqual(numbers(definitions, 'angka').slice(-4), ['23', '24', '25', '26']);
    assert.deepEqual(pageNumbersOf(definitions), ['\f-4', '\f- 10 ']);
    // A huruf, and running text, after the page number.
    const huruf = BODY + 'Pasal 1\nBerupa:\na. satu;\nb. dua; dan\n\f-6c.\n\ntiga.\n\f-9nomor rangka.\n';
    assert.deepEqual(numbers(huruf, 'huruf'), ['a', 'b', 'c']);
    assert.deepEqual(pageNumbersOf(huruf), ['\f-6', '\f-9']);
    // Not without a page break: "-5 tahun" in a line of its own is text.
    assert.deepEqual(pageNumbersOf(BODY + 'Pasal 1\nJangka waktu:\n-5 tahun.\n-424. Isi.\n'), []);
  });
  it('an ayat label whose closing parenthesis OCR read as "1" ("(21 Harta …") is the ayat expected next, reported as damaged', () => {
    const text = BODY + 'Pasal 5 (1) Wajib Pajak lapor. (21 Harta bersih dihitung. (3) Surat dibuat. (41 Harta lain.\nPasal 6\n(1) Satu.\n(21 Dua.\n(3) Tiga.\n';
    assert.deepEqual(numbers(text, 'ayat'), ['1', '2', '3', '4', '1', '2', '3']);
    assert.deepEqual(parse(text).errors.map((error) => text.slice(error.start, error.end)), ['(21', '(41', '(21']);
    // Not a number other than the one expected, not mid-sentence, not before a lowercase word.
    for (const other of ['(1) Satu. (51 Lima.', '(1) Dalam (21 Hari kerja.', '(1) Satu. (21 hari kerja.']) {
      assert.deepEqual(numbers(BODY + `Pasal 1\n${other}\n`, 'ayat'), ['1'], other);
    }
  });
  it('a list run into its lead-in without a colon ("ialah. a. …", "meliputi a. …", "(2) a. …") opens when "b." opens the next line', () => {
    for (const lead of ['Yang berhak ialah. a. warga-negara;', 'Kegiatan meliputi a. penetapan;', '(1) Satu.\n(2) a. Sesudah itu;']) {
      const text = BODY + `Pasal 1\n${lead}\nb. badan hukum.\n`;
      assert.deepEqual(numbers(text, 'huruf'), ['a', 'b'], lead);
    }
    // Not the number of a citation, nor a scraper's repeat of the label open now.
    assert.deepEqual(numbers(BODY + 'Pasal 1\nSatu:\na. Isi sebagaimana dimaksud dalam huruf a.\nb. Lain.\n', 'huruf'), ['a', 'b']);
    assert.deepEqual(numbers(BODY + 'Pasal 1\nSatu:\na. keterseCiaan a. ketersediaan alokasi; dan\nb. Lain.\n', 'huruf'), ['a', 'b']);
    // Without "b." next, "a." mid-line stays text.
    assert.deepEqual(numbers(BODY + 'Pasal 1\nSatu.\nBerikut a. bukan daftar.\nc. Lain.\n', 'huruf'), ['c']);
  });
  it('the colon of "Menimbang :" in a column of its own leads the first label (": a."); a number after "Nomor" is no label', () => {
    const text = 'PERATURAN\n\nMenimbang\n\n: a.\n\nbahwa satu;\nb. bahwa dua;\n\nMengingat\n\n: 1.\n\nUndang-Undang Nomor 1;\n2. Peraturan (Berita Negara Tahun 2023 Nomor\n472) sebagaimana telah diubah;\n3. Peraturan lain;\n\nMEMUTUSKAN:\nMenetapkan : PERATURAN.\n';
    assert.deepEqual(numbers(text, 'huruf'), ['a', 'b']);
    assert.deepEqual(numbers(text, 'angka'), ['1', '2', '3']);
    // After a blank line (a page's foot), "3." is the label set in a column again.
    const column = text.replace('472) sebagaimana telah diubah;\n3. Peraturan lain;', '\n\f3.\n\n4916) sebagaimana telah diubah;');
    assert.deepEqual(numbers(column, 'angka'), ['1', '2', '3']);
  });
  it('"Mengingat" printed before the konsiderans\' last item ("Mengingat" / "c." / "bahwa …;" / ": 1."): the item stays a konsiderans item', () => {
    const text = 'PERATURAN\n\nMenimbang\n\n: a.\n\nbahwa satu;\nb. bahwa dua;\n\n- 2 -\n\nMengingat\n\nc.\n\nbahwa berdasarkan pertimbangan\nsebagaimana dimaksud dalam huruf a dan huruf b;\n\n: 1.\n\nUndang-Undang Nomor 1;\n2. Peraturan lain;\n\nMEMUTUSKAN:\nMenetapkan : PERATURAN.\n';
    assert.deepEqual(numbersOf(text, 'konsiderans'), ['a', 'b', 'c']);
    assert.deepEqual(numbersOf(text, 'dasar-hukum'), ['1', '2']);
    assert.deepEqual(parse(text).errors, []);
    // The item's text on the label's line, too; not when the item after the marker is no konsiderans' ("1." / "d." without "bahwa").
    assert.deepEqual(numbersOf(text.replace('c.\n\nbahwa', 'c. bahwa'), 'konsiderans'), ['a', 'b', 'c']);
    assert.deepEqual(numbersOf(text.replace('c.\n\nbahwa', 'c.\n\nUndang'), 'konsiderans'), ['a', 'b']);
    assert.deepEqual(numbersOf(text.replace('c.\n\nbahwa', 'd.\n\nbahwa'), 'konsiderans'), ['a', 'b']);
  });
  it('an omnibus law\'s body read through its amendments (UU 11/2020): catchwords, deletions, OCR\'d numbers, scrambled leads', () => {
    const law = (...articles: string[]): string => 'MEMUTUSKAN:\nMenetapkan : UNDANG-UNDANG TENTANG CIPTA KERJA.\nPasal 18\nIsi.\n' +
      'Pasal 19\nBeberapa ketentuan dalam Undang-Undang Nomor 27 Tahun 2007 tentang Pesisir diubah sebagai berikut:\n' +
      '1. Ketentuan Pasal 49 diubah sehingga berbunyi sebagai berikut: Pasal 49 (1) Setiap orang dipidana dengan denda Rp20.000.000.000,00 (dua puluh miliar rupiah). ' + articles.join(' ') + '\n';
    const amends = (n: string, law: string): string => `Pasal ${n} Beberapa ketentuan dalam Undang-Undang Nomor 4 Tahun 2011 tentang ${law} diubah sebagai berikut: Ketentuan Pasal 1 diubah sehingga berbunyi sebagai berikut: Pasal 1 Isi.`;
    // A page's catchword ("Pasal 20 ." and a page number) before the heading it announces.
    assert.deepEqual(unquotedPasal(law(amends('20 . 1 Pasal 20', 'Geospasial'))), ['18', '19', '20']);
    const catchwords = tokensOf(parse(law(amends('20 . 1 Pasal 20', 'Geospasial'))).root).filter((token) => token.kind === 'catchword');
    assert.equal(catchwords.length, 1);
    // Spaced, without a dot, after a stray letter: "… tetap. b Pasal 2 0 1 Pasal 2 0 Beberapa …".
    assert.deepEqual(unquotedPasal(law('b ' + amends('2 0 1 Pasal 2 0', 'Geospasial'))), ['18', '19', '2 0']);
    // Not a citation's "Pasal 12 . Pasal 1" or "Pasal 5 dan Pasal 5".
    assert.equal(tokensOf(parse(law('Sanksi dalam Pasal 5 dan Pasal 5A berlaku.')).root).some((token) => token.kind === 'catchword'), false);
    // An article that repeals a law opens with its name: "Pasal 20 Staatsblad Tahun 1926 Nomor 226 … dicabut".
    assert.deepEqual(unquotedPasal(law('Bagian Keenam Undang-Undang Gangguan Pasal 20 Staatsblad Tahun 1926 Nomor 226 tentang Undang-Undang Gangguan dicabut dan dinyatakan tidak berlaku.')), ['18', '19', '20']);
    assert.deepEqual(unquotedPasal(law('Pasal 20 Staatsblad Tahun 1926 Nomor 226 tentang Undang-Undang Gangguan berlaku.')), ['18', '19']);
    // Its last digit OCR'd as a letter ("Pasal 2O"), its "1" as "I" and spaced ("Pasal 2 I"): repaired and reported.
    const ocrd = law(amends('2O', 'Geospasial'), amends('2 I', 'Pangan'));
    assert.deepEqual(numbers(ocrd, 'pasal').filter((n) => n !== '1' && n !== '49'), ['18', '19', '20', '21']);
    assert.deepEqual(parse(ocrd).errors.map((error) => error.message.en.replace(/ —.*/, '')), ['Damaged Pasal heading (probably OCR): "Pasal 2O" should read "Pasal 20"', 'Damaged Pasal heading (probably OCR): "Pasal 2 I" should read "Pasal 21"']);
    // A deletion instruction ends a statement: the body's Paragraf and Pasal after it are read.
    const deleted = law('2. Pasal 56 dihapus Paragraf 3 Persetujuan Lingkungan Pasal 20 Dalam rangka memberikan kemudahan, Undang-Undang ini mengubah ketentuan dalam Undang-Undang Nomor 32 Tahun 2009.');
    assert.deepEqual(unquotedPasal(deleted), ['18', '19', '20']);
    assert.deepEqual(unquotedPasal(deleted.replace('Pasal 56 dihapus', 'Pasal lll dihapus')), ['18', '19', '20']);
    // The quote's last ayat ("(4) Ketentuan lebih lanjut … diatur …") is no instruction, though one follows.
    const lastAyat = law('(2) Dua. (3) Tiga. (4) Ketentuan lebih lanjut mengenai syarat diatur dalam Peraturan Pemerintah. Ketentuan Pasal 43 diubah sehingga berbunyi sebagai berikut Pasal 43 (1) Satu.');
    const quotedAyat: string[] = [];
    const visit = (node: SyntaxNode, quoted: boolean): void => {
      if (node.kind === 'ayat' && quoted) quotedAyat.push(node.info.numberText ?? '');
      for (const child of node.children) if (child.type === 'node') visit(child, quoted || node.kind === 'quote');
    };
    visit(parse(lastAyat).root, false);
    assert.deepEqual(quotedAyat, ['1', '2', '3', '4']);
    // "berbunyi sebagai Pasal 5 (1)": the scraper moved "berikut:" back; the heading is still the quoted one.
    const scrambled = law('\n2. Ketentuan Pasal berikut: 5 diubah sehingga berbunyi sebagai Pasal 5 (1) Untuk mencapai tujuan:', '\na. satu.\nPasal 20\nIsi.');
    assert.deepEqual(unquotedPasal(scrambled), ['18', '19', '20']);
    assert.deepEqual(numbers(scrambled, 'pasal'), ['18', '19', '49', '5', '20']);
    // After a Paragraf title in a quote, the body's next article ends the quote; so does one after a lost article
    // when it amends the next law.
    assert.deepEqual(unquotedPasal(law('Paragraf 11 Kesehatan, Obat, dan Makanan Pasal 20 Untuk memberikan kemudahan bagi masyarakat, Undang-Undang ini mengubah beberapa ketentuan.')), ['18', '19', '20']);
    assert.deepEqual(unquotedPasal(law('Pasal 21 Ketentuan Pasal 15 Undang-Undang Nomor 2 Tahun 2002 tentang Kepolisian diubah sehingga berbunyi sebagai berikut: Pasal 15 (1) Isi.')), ['18', '19', '21']);
    assert.deepEqual(unquotedPasal(law('Pasal 25 Ketentuan Pasal 15 Undang-Undang Nomor 2 Tahun 2002 tentang Kepolisian diubah sehingga berbunyi sebagai berikut: Pasal 15 (1) Isi.')), ['18', '19']);
    // … and is not quoted again for the instruction the quote came from.
    assert.deepEqual(unquotedPasal(law(amends('21', 'Geospasial'))), ['18', '19', '21']);
    // Also on its own line, the law it amends named on the next: "Pasal 21" / "Beberapa ketentuan dalam Undang-Undang …".
    const ownLine = law('', '\nPasal 21\nBeberapa ketentuan dalam Undang-Undang Nomor 38 Tahun 2009 tentang Pos diubah sebagai berikut:\n1. Ketentuan Pasal 10 diubah sehingga berbunyi sebagai berikut: Pasal 10 Isi.');
    assert.deepEqual(unquotedPasal(ownLine), ['18', '19', '21']);
    assert.deepEqual(unquotedPasal(ownLine.replace('Pasal 21\nBeberapa', 'Pasal 25\nBeberapa')), ['18', '19']);
    assert.deepEqual(unquotedPasal(ownLine.replace('dalam Undang-Undang Nomor 38', 'dalam Pasal 3')), ['18', '19']);
    // The body's Bagian or Paragraf before its next article ends the quote too, with its title on the line or not.
    const bagian = law('Bagian Ketiga Paten Pasal 20 Beberapa ketentuan dalam Undang-Undang Nomor 13 Tahun 2016 tentang Paten diubah sebagai berikut: 1. Ketentuan Pasal 3 diubah sehingga berbunyi sebagai berikut: Pasal 3 Isi.');
    assert.deepEqual([unquoted(bagian, 'bagian'), unquotedPasal(bagian)], [['Ketiga'], ['18', '19', '20']]);
    const titleLine = law('', '\nBagian Keempat Merek\nPasal 20\nBeberapa ketentuan dalam Undang-Undang Nomor 20 Tahun 2016 tentang Merek diubah sebagai berikut:');
    assert.deepEqual([unquoted(titleLine, 'bagian'), unquotedPasal(titleLine)], [['Keempat'], ['18', '19', '20']]);
    const paragraf = law('Paragraf 3 Perbankan Pasal 20 Ketentuan Pasal 22 Undang-Undang Nomor 7 Tahun 1992 tentang Perbankan diubah sehingga berbunyi sebagai berikut: Pasal 22 Isi.');
    assert.deepEqual([unquoted(paragraf, 'paragraf'), unquotedPasal(paragraf)], [['3'], ['18', '19', '20']]);
    // A Bagian the amendment inserts, with its own article, stays quoted.
    assert.deepEqual(unquoted(law('Bagian Ketujuh Jaminan Kehilangan Pekerjaan Pasal 46A (1) Pekerja berhak atas jaminan.'), 'bagian'), []);
  });
  it('a Pasal number with a stray mark OCR set inside ("Pasal 2\'7 (1)", "Pasal 1.56 (1)") is the number expected, reported', () => {
    const text = (second: string): string => `Pasal 26\nIsi.\nPasal 27 Satu. ${second} (1) Penyusunan Amdal dilakukan.\n`;
    assert.deepEqual(numbers(text("Pasal 2'8"), 'pasal'), ['26', '27', '28']);
    assert.deepEqual(parse(text("Pasal 2'8")).errors.map((error) => error.message.en), ['Damaged Pasal heading (probably OCR): "Pasal 2\'8" should read "Pasal 28" — number "2\'8" with a stray mark inside read as "28".']);
    assert.deepEqual(numbers(text('Pasal 2.8'), 'pasal'), ['26', '27', '28']);
    // Only a number the sequence allows (the next, or one just ahead): "Pasal 3'9" here is no heading, nor a citation's "Pasal 5.1".
    assert.deepEqual(numbers(text("Pasal 3'9"), 'pasal'), ['26', '27']);
    assert.deepEqual(numbers('Pasal 1\nSebagaimana dimaksud dalam Pasal 5.1 ayat (2) berlaku.\nPasal 2\nIsi.\n', 'pasal'), ['1', '2']);
  });
  it('a Paragraf number OCR spaced ("Paragraf 1 1" after Paragraf 10) is Paragraf 11, reported', () => {
    const text = 'BAB I\nUMUM\nParagraf 10\nSatu\nPasal 1\nIsi.\nParagraf 1 1\nDua\nPasal 2\nIsi.\n';
    assert.deepEqual(numbers(text, 'paragraf'), ['10', '11']);
    assert.deepEqual(parse(text).errors.map((error) => error.message.en.replace(/ —.*/, '')), ['Damaged Paragraf heading (probably OCR): "Paragraf 1 1" should read "Paragraf 11"']);
  });
  it('in a quote, the heading the instruction on the line above announced is quoted, even where the body\'s next article has its number', () => {
    const text = 'MEMUTUSKAN:\nMenetapkan : UNDANG-UNDANG TENTANG CIPTA KERJA.\nPasal 61\nBeberapa ketentuan dalam Undang-Undang Nomor 44 Tahun 2009 tentang Rumah Sakit diubah sebagai berikut:\n' +
      '1. Ketentuan Pasal 17 diubah sehingga berbunyi sebagai berikut: Pasal 17 Rumah Sakit dikenai sanksi.\n10. Ketentuan Pasal 62 diubah sehingga berbunyi sebagai berikut:\nPasal 62\nSetiap orang dipidana.\n' +
      'Pasal 62\nBeberapa ketentuan dalam Undang-Undang Nomor 5 Tahun 1997 tentang Psikotropika diubah sebagai berikut:\n1. Ketentuan Pasal 5 diubah sehingga berbunyi sebagai berikut: Pasal 5 Isi.\n';
    assert.deepEqual(unquotedPasal(text), ['61', '62']);
    assert.deepEqual(numbers(text, 'pasal'), ['61', '17', '62', '62', '5']);
  });
  it('stray letters between a Pasal heading and its repeat ("Pasal 3" / "b c d" / "Pasal 3") are page debris: the repeat is a scraper\'s, not a second Pasal 3', () => {
    const text = 'BAB I\nUMUM\nPasal 2\nIsi.\nPasal 3\nb c d\nPasal 3\nUndang-Undang ini dibentuk dengan tujuan untuk:\na. satu; dan\nb. dua.\nPasal 4\nIsi.\n';
    const pasal = units(text, 'pasal');
    assert.deepEqual(pasal.map((node) => [node.info.numberText, node.info.artefact === true]), [['2', false], ['3', false], ['3', true], ['4', false]]);
    assert.ok(tokensOf(parse(text).root).some((token) => token.kind === 'catchword' && text.slice(token.start, token.end) === 'b c d'));
    // Letters before another heading, or after an article with text, stay text.
    for (const other of ['Pasal 3\nb c d\nPasal 4\nIsi.\n', 'Pasal 3\nIsi.\nb c d\nPasal 3\nIsi.\n']) {
      assert.ok(!tokensOf(parse(other).root).some((token) => token.kind === 'catchword'), other);
    }
  });
  it('an opening quote glued to a mid-line heading ("berikut: “Pasal 16 (1) …") opens the quoted article; a quoted citation stays text', () => {
    const text = 'MEMUTUSKAN:\nMenetapkan : UNDANG-UNDANG TENTANG PERUBAHAN.\nPasal I\nKetentuan Pasal 16 Undang-undang Nomor 54 Tahun 1999 diubah sehingga berbunyi sebagai berikut: “Pasal 16 (1) Anggota diisi dengan:\n' +
      'a. penetapan; dan\nb. pengangkatan.\n(2) Tata cara sebagaimana dimaksud pada ayat (1) ditetapkan dengan Keputusan Presiden.\nPasal II\nUndang-undang ini mulai berlaku pada tanggal diundangkan.\n';
    assert.deepEqual(unquotedPasal(text), ['I', 'II']);
    assert.deepEqual(numbers(text, 'pasal'), ['I', '16', 'II']);
    assert.deepEqual(numbers(text, 'ayat'), ['1', '2']);
    // The character before the quote decides, as before a bare heading: "istilah “Pasal 5”" is a citation.
    const cited = 'Pasal 1\nDalam Peraturan ini istilah "Pasal 5 ayat (2)" dan istilah “Pasal 5 huruf a” tetap dipakai.\nPasal 2\nCukup.\n';
    assert.deepEqual(numbers(cited, 'pasal'), ['1', '2']);
  });
  it('a huruf list\'s "l." OCR\'d as "1." ("k. …;" / "1. …;") is huruf l, reported; after a colon "1." opens a sublist', () => {
    const list = 'abcdefghijk'.split('').map((letter) => `${letter}. isi;\n`).join('');
    const text = BODY + 'Pasal 1\nMeliputi:\n' + list + '1. pariwisata;\nm. keagamaan.\n';
    assert.deepEqual(numbers(text, 'huruf').slice(-3), ['k', 'l', 'm']);
    assert.deepEqual(parse(text).errors.map((error) => error.message.en), ['Damaged huruf label (probably OCR): "1." should read "l." — the letter "l" read as the digit 1.']);
    const sublist = BODY + 'Pasal 1\nMeliputi:\n' + list.replace(/k\. isi;\n$/, 'k. isi berupa:\n') + '1. satu;\n2. dua.\n';
    assert.deepEqual(numbers(sublist, 'angka'), ['1', '2']);
  });
  it('a catchword run into a line is its first two words and the dots after them ("korporasi. BAB III...", "berlaku. Pasal 3 ..."), not a word further on', () => {
    const catchwords = (text: string): string[] => tokensOf(parse(text).root).filter((token) => token.kind === 'catchword').map((token) => text.slice(token.start, token.end));
    const text = BODY + 'Pasal 1\nIsi yang berlaku. Pasal 2 ...\nPasal 2\nIsi.\nPasal 3\nIsi yang berlaku. BAB III ...\nIsi.\n';
    assert.deepEqual(catchwords(text), ['Pasal 2 ...', 'BAB III ...']);
    assert.deepEqual(numbers(text, 'pasal'), ['1', '2', '3']);
    // Dots after a third word are a sentence's, not a catchword's.
    assert.deepEqual(catchwords(text.replace('BAB III ...', 'BAB III ayat ...')), ['Pasal 2 ...']);
  });
  it('a page catchword that lost its "..." ("(3) Pengumuman ." before "(3) Pengumuman sebagaimana …") is a catchword', () => {
    const text = BODY + 'Pasal 1\n(1) Satu.\n(2) Dua.\n(3) Pengumuman .\n(3) Pengumuman sebagaimana dimaksud pada ayat (1) dilakukan.\n(4) Empat.\n';
    assert.deepEqual(numbers(text, 'ayat'), ['1', '2', '3', '4']);
    const catchwords = tokensOf(parse(text).root).filter((token) => token.kind === 'catchword').map((token) => text.slice(token.start, token.end));
    assert.deepEqual(catchwords, ['(3) Pengumuman .']);
    // A heading written with a full stop before the next one is no catchword ("Pasal 1." / "Pasal 10 …").
    assert.deepEqual(numbers(BODY + 'Pasal 1.\nIsi.\nPasal 2.\nPasal 20 berlaku.\n', 'pasal'), ['1', '2']);
  });
  it('an inline Pasal opening with a noun that is no regulation\'s name ("Pasal 187 Surat sebagaimana …"), a list, or a Perppu\'s name as the first article', () => {
    const text = BODY + 'Pasal 186 Isi satu. Pasal 187 Surat sebagaimana dimaksud dibuat. Pasal 188 a. Ruang lingkup;\nb. lain.\n';
    assert.deepEqual(numbers(text, 'pasal'), ['186', '187', '188']);
    assert.deepEqual(numbers(text, 'huruf'), ['a', 'b']);
    // A regulation's name after the number is a citation, except at the first article of the body.
    assert.deepEqual(numbers(BODY + 'Pasal 1 Isi. Pasal 2 Isi. Ketentuan. Pasal 3 Surat Keputusan Menteri berlaku.\n', 'pasal'), ['1', '2']);
    const perppu = 'MEMUTUSKAN:\nMenetapkan: UNDANG-UNDANG TENTANG PENETAPAN. Pasal 1 Peraturan Pemerintah Pengganti Undang-Undang Nomor 2 Tahun 2017 ditetapkan menjadi Undang-Undang. Pasal 2 Undang-Undang ini mulai berlaku.\n';
    assert.deepEqual(numbers(perppu, 'pasal'), ['1', '2']);
  });
  it('list labels OCR damaged: "l." opening a list is "1.", "b," continuing a huruf list is "b."; both reported', () => {
    const text = 'PERATURAN\nMenimbang :\na. bahwa satu;\nb, bahwa dua;\nc. bahwa tiga;\nMengingat :\nl. Undang-Undang Nomor 1;\n2. Undang-Undang Nomor 2;\n\nMEMUTUSKAN:\nMenetapkan : PERATURAN.\n\nPasal 1\nBerupa:\n' + 'abcdefghijk'.split('').map((letter) => `${letter}. isi;\n`).join('') + 'l. isi.\n';
    assert.deepEqual(numbers(text, 'huruf'), ['a', 'b', 'c', ...'abcdefghijkl'.split('')]);
    assert.deepEqual(numbers(text, 'angka'), ['1', '2']);
    assert.deepEqual(parse(text).errors.map((error) => text.slice(error.start, error.end)), ['b,', 'l.']);
    assert.match(parse(text).errors[0].message.en, /^Damaged huruf label \(probably OCR\): "b," should read "b\."/);
  });
  it('a Menimbang\'s huruf whose full stop was lost ("e bahwa …"), at a line\'s start or run in after "; ": the huruf expected next, reported', () => {
    const text = 'PERATURAN\nMenimbang : a. bahwa satu;\nb. bahwa dua; c bahwa tiga; d, bahwa empat;\ne bahwa lima;\nf. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, huruf b, huruf c, huruf d, dan huruf e, perlu menetapkan;\nMEMUTUSKAN:\nMenetapkan : PERATURAN.\nPasal 1\nIsi.\n';
    assert.deepEqual(numbers(text, 'huruf'), ['a', 'b', 'c', 'd', 'e', 'f']);
    assert.deepEqual(parse(text).errors.map((error) => [text.slice(error.start, error.end), error.message.en.replace(/.* — /, '')]), [['c', 'the full stop lost.'], ['d,', 'the full stop read as a comma.'], ['e', 'the full stop lost.']]);
    // Not a letter out of turn, nor one after a comma: "huruf c bahwa …" in running text is a citation.
    const other = 'PERATURAN\nMenimbang : a. bahwa satu;\nb. bahwa dua; d bahwa tiga; sebagaimana huruf c bahwa empat;\nMEMUTUSKAN:\nPasal 1\nIsi.\n';
    assert.deepEqual(numbers(other, 'huruf'), ['a', 'b']);
  });
  it('the first item on the Menimbang or Mengingat line, its label OCR damaged ("a bahwa", "I.Undang-Undang", "l. Peraturan"): item 1, reported', () => {
    const text = 'PERATURAN\n### Menimbang : a bahwa satu;\nb. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu;\n### Mengingat : I.Undang-Undang Nomor 30 Tahun 2009;\n2. Peraturan Pemerintah Nomor 10 Tahun 1989;\nMEMUTUSKAN:\nMenetapkan : PERATURAN.\nPasal 1\nIsi.\n';
    assert.deepEqual(numbers(text, 'huruf'), ['a', 'b']);
    assert.deepEqual(numbers(text, 'angka'), ['1', '2']);
    assert.deepEqual(parse(text).errors.map((error) => [text.slice(error.start, error.end), error.message.en.replace(/.* — /, '')]), [['a', 'the full stop lost.'], ['I.', 'the digit 1 read as a letter.']]);
    assert.deepEqual(numbers(text.replace('I.Undang', 'l. Undang'), 'angka'), ['1', '2']);
    // Not another letter, nor a capital I before a word in lower case, nor in the Menimbang.
    const other = 'PERATURAN\nMenimbang : b bahwa satu;\nMengingat : I.dalam hal;\nMEMUTUSKAN:\nPasal 1\nIsi.\n';
    assert.deepEqual([numbers(other, 'huruf'), numbers(other, 'angka')], [[], []]);
  });
  it('a citation cut by a page break ("pada ayat", the page\'s foot, "\\f- 22 (2) merupakan") is not a label', () => {
    const text = BODY + 'Pasal 1\n(1) Satu.\n(2) Orang sebagaimana dimaksud pada ayat\n\n\f- 22 (1) merupakan orang.\n(3) Tiga.\n';
    assert.deepEqual(numbers(text, 'ayat'), ['1', '2', '3']);
    // The blank lines of a page's foot alone, the page number lost.
    assert.deepEqual(numbers(text.replace('\f- 22 ', ''), 'ayat'), ['1', '2', '3']);
  });
  it('pdftotext set a Pasal heading\'s number on a line of its own ("Pasal" / "" / "3"): one heading when the number is the one expected, not after a citing line', () => {
    const text = BODY + 'Pasal 1\nIsi satu.\n\nPasal 2\nIsi dua.\n\nPasal\n\n3\n\nPeraturan Daerah ini mulai berlaku pada tanggal diundangkan.\n';
    assert.deepEqual(numbers(text, 'pasal'), ['1', '2', '3']);
    // The number is the heading's token; no citation of "Pasal 3" is found in it.
    const pasal = units(text, 'pasal')[2];
    assert.equal(text.slice(pasal.start, pasal.start + 5), 'Pasal');
    assert.ok(tokensOf(pasal).some((token) => token.kind === 'number' && text.slice(token.start, token.end) === '3'));
    assert.deepEqual(analyze(text).diagnostics.map((d) => d.code), []);
    // Not a number other than the next, and not after a line that leads into a citation.
    assert.deepEqual(numbers(text.replace('\n3\n', '\n5\n'), 'pasal'), ['1', '2']);
    const cited = text.replace('Isi dua.', 'Sebagaimana dimaksud dalam');
    assert.deepEqual(numbers(cited, 'pasal'), ['1', '2']);
  });
  it('pdftotext columns scrambled to a word per line: "Pasal 4" before a lowercase word is a heading, unless the line before leads into a citation', () => {
    const scrambled = BODY + 'Pasal 1\nIsi.\nPasal 2\nIsi.\nPasal 3\nIsi.\n\nPasal 4\n\nditetapkan\n\nsebagai\n\nKawasan.\n\nPasal 6\n\nmulai berlaku.\n';
    assert.deepEqual(numbers(scrambled, 'pasal'), ['1', '2', '3', '4', '6']);
    // Amending regulations: "Pasal II" / "ini mulai berlaku" after the quoted text, also when "Pasal I" is lost.
    const amendment = 'Di antara Pasal 5 dan Pasal 6 disisipkan 1 (satu) pasal, yakni Pasal 5A sehingga berbunyi sebagai berikut:\nPasal 5A\nIsi.\n\nPeraturan Menteri\ndiundangkan.\n\nPasal II\nini mulai berlaku\n\npada\n\ntanggal\n';
    const roman = (text: string): string[] => numbers(text, 'pasal').filter((n) => /^[IVX]+$/.test(n));
    assert.deepEqual(roman(BODY + 'Pasal I\n' + amendment), ['I', 'II']);
    assert.deepEqual(roman(BODY + amendment), ['II']);
    assert.deepEqual(roman(BODY + 'Pasal I\n' + amendment.replace('Pasal II\n', 'Pasal I\n')), ['I', 'I']);
    // "Pasall" (OCR of a glued "PasalI") before an amendment instruction is Pasal I; elsewhere it is not a heading.
    assert.deepEqual(roman(BODY + 'Pasall\nBeberapa ketentuan dalam Peraturan Menteri Nomor 1 Tahun 2020 diubah sebagai berikut:\n1. ' + amendment), ['I', 'II']);
    assert.deepEqual(numbers(BODY + 'Pasal 1\nIsi.\nPasall\nIsi.\n', 'pasal'), ['1']);
    // The keyword glued to its number, as pdftotext leaves it too.
    assert.deepEqual(numbers(BODY + 'Pasal 1\nIsi.\nPasal 2\nIsi.\n\nPasal3\nmerupakan\n\nbagian.\n', 'pasal'), ['1', '2', '3']);
    const wrapped = BODY + 'Pasal 1\nIsi.\nPasal 2\nIsi sebagaimana dimaksud dalam\nPasal 3\nditetapkan oleh Menteri.\nPasal 3\nIsi.\n';
    assert.deepEqual(numbers(wrapped, 'pasal'), ['1', '2', '3']);
    const continued = BODY + 'Pasal 1\nIsi.\nPasal 2\nIsi.\n\nPasal 3\nayat (1) berlaku.\nPasal 3\nIsi.\n';
    assert.deepEqual(numbers(continued, 'pasal'), ['1', '2', '3']);
  });
  it('an inline "Pasal N (1) Xxx" with the number expected is a heading without a sentence end before it (a lost title); a stray quote ends a sentence', () => {
    const text = BODY + 'Pasal 1\nIsi.\nRagian Kesatu Umum Pasal 2 (1) Setiap Orang wajib. (2) Izin diberikan. ' + "Pasal 3 (1) Menteri berwenang. ' Pasal 4 (1) Gubernur berwenang.\n";
    assert.deepEqual(numbers(text, 'pasal'), ['1', '2', '3', '4']);
    // Not another number than the next one, nor a citation ("dalam Pasal 2 (1) …" is not how one cites an ayat, but OCR does it).
    assert.deepEqual(numbers(BODY + 'Pasal 1\nIsi.\nPasal 2\nSebagaimana dimaksud dalam Pasal 7 (1) Huruf a berlaku.\n', 'pasal'), ['1', '2']);
  });
  it('a damaged keyword opening its "(1)" and a capitalised word where no sentence ended ("… Pasai 28: 8 Pasai 10 (1) Fasilitas …"): the number expected next only', () => {
    const pasal = (line: string): string[] => numbers(BODY + Array.from({ length: 9 }, (_, i) => `Pasal ${i + 1}\nIsi.\n`).join('') + line, 'pasal');
    assert.deepEqual(pasal('Isi lama Pasai 28: 8 Pasai 10 (1) Fasilitas wajib.\nPasal 11\nIsi.\n').slice(9), ['10', '11']);
    // A number ahead of the one expected is read so only after a sentence end or a title, as for "Pasal".
    assert.deepEqual(pasal('Isi lama Pasai 28: 8 Pasai 12 (1) Fasilitas wajib.\nPasal 13\nIsi.\n').slice(9), ['13']);
    assert.deepEqual(pasal('Isi lama Pasai 28: 8 Pasal 12 (1) Fasilitas wajib.\nPasal 13\nIsi.\n').slice(9), ['12', '13']);
    // On its own line, as mid-line: three ahead (the headings between lost) before the article's "(1)" and its
    // capitalised sentence on the next line; without them, two ahead at most.
    assert.deepEqual(pasal('Pasai 12\n(1) Setiap Orang wajib.\nPasal 13\nIsi.\n').slice(9), ['12', '13']);
    assert.deepEqual(pasal('Pasai 12\nSetiap Orang wajib.\nPasal 13\nIsi.\n').slice(9), ['13']);
    assert.deepEqual(pasal('Pasai 13\n(1) Setiap Orang wajib.\nPasal 14\nIsi.\n').slice(9), ['14']);
  });
  it('OCR-damaged keywords inline ("Pasai 7 (1)", "Pasa1 II Undang-Undang ini"), a stray mark before an ayat, a glued "PASALDEMIPASAL"', () => {
    const text = BODY + 'Pasal 1\nIsi.\nPasal 6\nIsi pasal enam. Pasai 7 (1) Perizinan diberikan. J (2) Penetapan dilakukan. (3) Penilaian dilakukan.\n';
    assert.deepEqual(numbers(text, 'pasal'), ['1', '6', '7']);
    assert.deepEqual(numbers(text, 'ayat'), ['1', '2', '3']);
    const amending = BODY + 'Pasal I\nBeberapa ketentuan diubah sebagai berikut:\n1. Ketentuan Pasal 5 diubah sehingga berbunyi sebagai berikut:\nPasal 5\nIsi yang diubah. Pasa1 II Undang-Undang ini mulai berlaku pada tanggal diundangkan.\nd. Melakukan kerja sama. II. PASALDEMIPASAL\nPasal I\nCukup jelas.\n';
    assert.deepEqual(numbers(amending, 'pasal').filter((n) => /^[IVX]+$/.test(n)), ['I', 'II', 'I']);
    assert.equal(units(amending, 'penjelasan-pasal').length, 1);
  });
  it('does not take catchwords, wrapped references or references to other regulations for headings', () => {
    const text = BODY + 'Pasal 1\nSebagaimana dimaksud dalam\nPasal 22\nayat (1), jo. Pasal 13.\nPasal 12 ...\nPasal 4 Peraturan Menteri Nomor 5 Tahun 2020 berlaku.\nPasal 2\nIsi.\n';
    assert.deepEqual(numbers(text, 'pasal'), ['1', '2']);
  });
  it('a line that ends in a unit word ("… pada ayat") gives the next line\'s "(3)" its number: a citation, not a label', () => {
    const text = BODY + 'Pasal 1\n(1) Satu.\n(2) Dua.\n(3) Wajib Pajak sebagaimana dimaksud pada ayat\n(2) huruf b berhak memperoleh manfaat.\n(4) Empat.\nPasal 2\nIsi.\n';
    assert.deepEqual(numbers(text, 'ayat'), ['1', '2', '3', '4']);
  });
  it('keeps quoted amendment text in a scope of its own', () => {
    const text = BODY + 'Pasal I\nBeberapa ketentuan diubah sebagai berikut:\n1. Ketentuan Pasal 6 diubah sehingga berbunyi sebagai berikut:\nPasal 6\n(1) Baru.\n2. Di antara Pasal 7 dan Pasal 8 disisipkan 1 (satu) pasal, yakni Pasal 7A yang berbunyi sebagai berikut:\nPasal 7A\nIsi.\nPasal II\nPeraturan ini mulai berlaku.\n';
    assert.equal(units(text, 'quote').length, 2);
    const main = units(text, 'pasal').filter((node) => /^[IVX]+$/.test(node.info.numberText ?? ''));
    assert.deepEqual(main.map((node) => node.info.numberText), ['I', 'II']);
  });
  it('an instruction verb OCR damaged ("diubatr", "dlubah", "disisipan") still leads the quote of the amended text', () => {
    const text = BODY + 'Pasal 1\nIsi.\nPasal 2\nKetentuan Pasal 5 Peraturan Wali Kota Nomor 1 Tahun 2020 diubatr sehingga berbunyi sebagai berikut:\nPasal 5\nIsi.\nPasal 3\nKetentuan Pasal 9 Peraturan Wali Kota Nomor 1 Tahun 2020 dlubah sehingga berbunyi sebagai berikut:\nPasal 9\nIsi.\nPasal 4\nDi antara Pasal 9 dan Pasal 10 disisipan 1 (satu) pasal, yakni Pasal 9A sehingga berbunyi sebagai berikut:\nPasal 9A\nIsi.\nPasal 5\nPeraturan ini mulai berlaku.\n';
    assert.equal(units(text, 'quote').length, 3);
    // Without a verb, "sehingga berbunyi" alone leads no quote: the Pasal is the body's own.
    const none = text.replace('diubatr sehingga', 'sehingga');
    assert.equal(units(none, 'quote').length, 2);
  });
  it('a Roman Pasal that repeats the amending article where the instruction announced that number is the quoted Pasal, its digit OCR\'d', () => {
    const text = BODY + 'Pasal I\nBeberapa ketentuan diubah sebagai berikut:\n1. Ketentuan Pasal 1 diubah sehingga berbunyi sebagai berikut:\nPasal I\nDalam Peraturan ini yang dimaksud dengan kode.\nPasal II\nPeraturan ini mulai berlaku.\n';
    assert.deepEqual(unquotedPasal(text), ['I', 'II']);
    assert.equal(units(text, 'quote').length, 1);
    // Scraped onto one line: "e. Dihapus PASAL II 1. Ketentuan …" ("Dihapus" is a whole statement), then the
    // promulgation order without its "-nya" and the Penjelasan.
    const oneLine = BODY + 'PASAL I\nBeberapa ketentuan diubah sebagai berikut:\n1. Ketentuan Pasal 5 diubah sehingga berbunyi sebagai berikut:\nPasal 5\nKewajiban meliputi:\na. satu;\nb. Dihapus PASAL II 1. Ketentuan peralihan tetap berlaku. 2. Peraturan Pemerintah ini mulai berlaku pada tanggal ditetapkan. Agar setiap orang mengetahui, memerintahkan pengundangan Peraturan Pemerintah ini. PENJELASAN ATAS PERATURAN PEMERINTAH NOMOR 1 TAHUN 2013 I. UMUM Cukup jelas.\n';
    assert.deepEqual(unquotedPasal(oneLine), ['I', 'II']);
    assert.equal(units(oneLine, 'penjelasan').length, 1);
  });
  it('an inline heading the instruction just before it announced is quoted, even where it goes on with the sequence outside ("… Pasal 22 diubah … berikut: Pasal 22 (1) …" in Pasal 21)', () => {
    const text = BODY + 'Pasal 20\nDua puluh.\nPasal 21\nDalam rangka kemudahan, Undang-Undang Nomor 1 Tahun 2000 diubah: 1. Ketentuan Pasal 5 diubah sehingga berbunyi sebagai berikut: Pasal 5 (1) Lima. (2) Lima lagi. 2. Ketentuan Pasal 22 diubah sehingga berbunyi sebagai berikut: Pasal 22 (1) Dua. (2) Tiga.\nPasal 22\nDua puluh dua.\n';
    assert.deepEqual(unquotedPasal(text), ['20', '21', '22']);
    assert.deepEqual(units(text, 'quote').map((quote) => quote.info.announced), [['pasal:5'], ['pasal:22']]);
  });
  it('an inline Pasal after title words whose heading was not read ("… Pemeriksaan Biasa Pasal 183 Hakim …") is a heading when numbered as expected next', () => {
    const text = BODY + 'Pasal 182\n(1) Dua. Bagian keempat Pembuktian dan Putusan Dalam Acara Pemeriksaan Biasa Pasal 183 Hakim tidak boleh menjatuhkan pidana. Pasal 184 (1) Alat bukti.\n';
    assert.deepEqual(numbers(text, 'pasal'), ['182', '183', '184']);
    // Not a number other than the next, not after running text or a regulation's name, not opening a lowercase word.
    const not = [
      'Pasal 182\n(1) Dua. Bagian keempat Pembuktian dan Putusan Dalam Acara Pemeriksaan Biasa Pasal 185 Hakim tidak boleh.\n',
      'Pasal 182\n(1) Laporan itu disampaikan kepada pejabat yang berwenang Pasal 183 Hakim tidak boleh.\n',
      'Pasal 182\n(1) Dua. Undang-Undang Nomor 11 Tahun 2020 tentang Cipta Kerja Pasal 183 Pemeriksaan dilakukan.\n',
      'Pasal 182\n(1) Dua. Bagian keempat Pembuktian dan Putusan Pasal 183 huruf a berlaku.\n',
    ];
    for (const body of not) assert.deepEqual(numbers(BODY + body, 'pasal'), ['182'], body);
  });
  it('a Pasal number OCR spaced ("Pasal 1 1", "Pasal 1 1 1", "Pasal 1 16A") is the joined one the amendment announced or the sequence expects, reported as damaged', () => {
    const amendment = BODY + 'Pasal I\nBeberapa ketentuan diubah sebagai berikut:\n'
      + '1. Ketentuan Pasal 11 diubah sehingga berbunyi sebagai berikut: Pasal 1 1 (1) Setiap Orang wajib.\n(2) Berlaku.\n'
      + '2. Ketentuan Pasal 111 diubah sehingga berbunyi sebagai berikut:\nPasal 1 1 1\n(1) Pejabat.\n'
      + '3. Di antara Pasal 116 dan Pasal 117 disisipkan 2 (dua) pasal yakni Pasal 1 16A dan Pasal 1 16B sehingga berbunyi sebagai berikut:\nPasal 1 16A\nSatu.\nPasal 1 16B\nDua.\n'
      + 'Pasal II\nPeraturan ini mulai berlaku.\n';
    assert.deepEqual(numbers(amendment, 'pasal'), ['I', '11', '111', '116A', '116B', 'II']);
    assert.equal(units(amendment, 'quote').length, 3);
    const damaged = parse(amendment).errors.filter((error) => error.code === 'malformed-heading').map((error) => amendment.slice(error.start, error.end));
    assert.deepEqual(damaged, ['Pasal 1 1', 'Pasal 1 1 1', 'Pasal 1 16A', 'Pasal 1 16B']);
    // In the body, by the sequence: after Pasal 10 the joined 11; "Pasal 1" opening the body stays Pasal 1.
    const body = BODY + 'Pasal 1\n1 (satu) hari kerja.\nPasal 10\nSepuluh.\nPasal 1 1\nSebelas.\nPasal 12\nDua belas.\n';
    assert.deepEqual(numbers(body, 'pasal'), ['1', '10', '11', '12']);
    // Where the written number is the one expected, the digits are not joined (and a number after it is no heading).
    assert.deepEqual(numbers(BODY + 'Pasal 1\nSatu.\nPasal 2 1\nDua.\n', 'pasal'), ['1']);
  });
  it('a Penjelasan label right after a bare label ("Ayat (2) Huruf a Cukup jelas.", "Ayat (2) Ayat (2a)") is a label; a repeat or a capitalised citation is not', () => {
    const penjelasan = 'PENJELASAN\nATAS\nPERATURAN WALI KOTA CONTOH\nI. UMUM\nCukup jelas.\nII. PASAL DEMI PASAL\nPasal 1\n';
    const labelled = BODY + 'Pasal 1\n(1) Isi.\n(2) Isi:\na. satu;\nb. dua.\n\n' + penjelasan + 'Ayat (1) Cukup jelas. Ayat (2) Huruf a Cukup jelas. Huruf b Cukup jelas.\n';
    const ayat = units(labelled, 'ayat').filter((node) => node.start > labelled.indexOf('PENJELASAN'));
    assert.deepEqual(ayat.map((node) => node.info.numberText), ['1', '2']);
    const huruf = ayat[1].children.filter((child): child is SyntaxNode => child.type === 'node' && child.kind === 'huruf');
    assert.deepEqual(huruf.map((node) => node.info.numberText), ['a', 'b']);
    // A sibling label after a bare one ("Ayat (2) Ayat (2a) Cukup jelas."), and a scraper's repeat of one label.
    const siblings = BODY + 'Pasal 1\n(1) Isi.\n(2) Isi.\n(2a) Isi:\na. satu;\nb. dua.\n\n' + penjelasan + 'Ayat (1) Cukup jelas. Ayat (2) Ayat (2a) Huruf a Huruf a Cukup jelas. Huruf b Cukup jelas.\n';
    const explained = units(siblings, 'ayat').filter((node) => node.start > siblings.indexOf('PENJELASAN'));
    assert.deepEqual(explained.map((node) => node.info.numberText), ['1', '2', '2a']);
    assert.deepEqual(units(siblings, 'huruf').filter((node) => node.start > siblings.indexOf('PENJELASAN')).map((node) => node.info.numberText), ['a', 'b']);
    // "Ayat (2)" here is a citation in running text, not a label: the "Huruf a" after it is the citation's.
    const cited = BODY + 'Pasal 1\n(1) Isi.\n(2) Isi:\na. satu;\nb. dua.\n\n' + penjelasan + 'Cukup jelas, sebagaimana dimaksud pada Ayat (2) Huruf a dan seterusnya.\n';
    assert.equal(units(cited, 'huruf').filter((node) => node.start > cited.indexOf('PENJELASAN')).length, 0);    // An angka explained letter by letter ("Angka 3 Huruf a Cukup jelas."): a Pasal of prohibitions or definitions.
    const angka = BODY + 'Pasal 1\nSetiap PNS dilarang:\n1. satu;\n2. dua:\na. satu;\nb. dua.\n\n' + penjelasan + 'Angka 1 Cukup jelas. Angka 2 Huruf a Cukup jelas. Huruf b Yang dimaksud adalah dua.\n';
    assert.deepEqual(units(angka, 'huruf').filter((node) => node.start > angka.indexOf('PENJELASAN')).map((node) => node.info.numberText), ['a', 'b']);
  });
  it('a Penjelasan\'s Pasal heading alone, its next line a label in lower case ("huruf a Dalam pengertian …"): a heading, unless the line before leads into a citation', () => {
    const penjelasan = 'PENJELASAN\nATAS\nPERATURAN WALI KOTA CONTOH\nI. UMUM\nCukup jelas.\nII. PASAL DEMI PASAL\n';
    const body = BODY + 'Pasal 1\nIsi.\nPasal 2\nIsi:\na. satu;\nb. dua.\nPasal 3\nIsi.\n\n' + penjelasan;
    const text = body + 'Pasal 1\nAyat (1) Cukup jelas Ayat (2) Anggota dapat dipertimbangkan.\nPasal 2\nhuruf a Dalam pengertian "tugas" termasuk pula kelalaian. huruf b Cukup jelas\nPasal 3\nCukup jelas\n';
    const explained = (source: string): (string | undefined)[] => units(source, 'pasal').filter((node) => node.start > source.indexOf('PENJELASAN')).map((node) => node.info.numberText);
    assert.deepEqual(explained(text), ['1', '2', '3']);
    const cited = text.replace('Ayat (1) Cukup jelas Ayat (2) Anggota dapat dipertimbangkan.', 'Yang dimaksud dengan tugas adalah tugas sebagaimana dimaksud dalam');
    assert.notEqual(cited, text);
    assert.deepEqual(explained(cited), ['1', '3']);
  });
  it('a BAB heading run on mid-line without a sentence end, its title in capitals ("… masyarakat BAB III PENDIRIAN …"): the BAB expected next; not a citation', () => {
    const text = BODY.replace('CONTOH.', 'CONTOH BAB I KETENTUAN UMUM') + 'Pasal 1\nIsi.\nBAB II LINGKUP\nPasal 2\nFungsi meliputi:\na. pendidikan; dan\nb. pemberdayaan masyarakat BAB III PENDIRIAN DAN PENYELENGGARAAN Bagian Kesatu Umum Pasal 3 (1) Pesantren terdiri atas dua.\nBagian Kedua\nLain\nPasal 4\nIsi.\n';
    assert.deepEqual(numbers(text, 'bab'), ['I', 'II', 'III']);
    assert.deepEqual(numbers(text, 'bagian'), ['Kesatu', 'Kedua']);
    assert.deepEqual(numbers(text, 'pasal'), ['1', '2', '3', '4']);
    // Cited ("dalam BAB III KETENTUAN …"), or not the BAB expected next: no heading.
    assert.deepEqual(numbers(text.replace('masyarakat BAB III', 'masyarakat dalam BAB III'), 'bab'), ['I', 'II']);
    assert.deepEqual(numbers(text.replace('masyarakat BAB III', 'masyarakat BAB V'), 'bab'), ['I', 'II']);
  });
  it('a list label glued to its item\'s capitalised text ("m.Perindustrian;", "2.Peraturan") is the item the list expects next', () => {
    const text = BODY + 'Pasal 1\nUrusan meliputi:\na. Pariwisata;\nb.Perindustrian;\nc. Sosial.\nPasal 2\nDasar:\n1. Satu;\n2.Peraturan Daerah;\n3. Tiga.\n';
    assert.deepEqual(numbers(text, 'huruf'), ['a', 'b', 'c']);
    assert.deepEqual(numbers(text, 'angka'), ['1', '2', '3']);
    // Not a letter the list does not expect ("e.Perindustrian" after a.), nor where no list is open.
    assert.deepEqual(numbers(text.replace('b.Perindustrian', 'e.Perindustrian'), 'huruf'), ['a', 'c']);
  });
  it('Markdown emphasis a scraper left before a label or around a heading ("__ (1) Pelayanan …", "_Pasal 4_ Cukup jelas.") is transparent', () => {
    const text = BODY + 'Pasal 1\nIsi.\nPasal 2\n__ (1) Pelayanan didahului konseling ( _informed_ _consent_ ) _._ (2) Konseling dilakukan.\n(3) Konseling dicatat.\nPasal 3\nIsi.\n\nPENJELASAN\nATAS\nPERATURAN\nII. PASAL DEMI PASAL\nPasal 1\nCukup jelas. _Pasal 2_ Cukup jelas.\nPasal 3\nCukup jelas.\n';
    assert.deepEqual(numbers(text, 'ayat'), ['1', '2', '3']);
    assert.deepEqual(numbers(text, 'pasal'), ['1', '2', '3', '1', '2', '3']);
  });
  it('a list item joined to the one its line opened, its ";" lost ("b. keberdayaan c. kemaslahatan;", ", atau b. keputusan"): the next item; not a cited letter', () => {
    const text = BODY + 'Pasal 1\nAsas meliputi:\na. kemandirian;\nb. keberdayaan c. kemaslahatan;\nd. multikultural.\nPasal 2\nPembubaran dilakukan berdasarkan:\na. keputusan Rapat Anggota, atau b. keputusan Pemerintah.\nPasal 3\nPelayanan meliputi:\na. pemeriksaan fisik, mental, dan penunjang b. pengobatan luka;\nc. pencegahan.\n';
    assert.deepEqual(numbers(text, 'huruf'), ['a', 'b', 'c', 'd', 'a', 'b', 'a', 'b', 'c']);
    // Not the next letter, not a letter after a unit word, not on a line that opened no item.
    // After a comma too ("2. … lainnya, 3. Pengelolaan …").
    assert.deepEqual(numbers(BODY + 'Pasal 1\nYang dimaksud dengan:\n1. Ikan adalah ikan.\n2. Sumber daya ikan adalah biota lainnya, 3. Pengelolaan adalah upaya.\n4. Nelayan adalah orang.\n', 'angka'), ['1', '2', '3', '4']);
    // A bare conjunction before it is running text ("a. satu dan b. dua."); after a comma or ";" (OCR: ":") it is not.
    assert.deepEqual(numbers(BODY + 'Pasal 1\nMemuat:\na. satu dan b. dua.\nPasal 2\nMemuat:\na. satu: dan b. dua.\n', 'huruf'), ['a', 'a', 'b']);
    const cited = BODY + 'Pasal 1\nAsas meliputi:\na. kemandirian sebagaimana dimaksud dalam huruf a dan b. tertentu;\nb. keberdayaan d. kemaslahatan;\nc. lain.\nPasal 2\nIsi yang disebut b. tertentu.\n';
    assert.deepEqual(numbers(cited, 'huruf'), ['a', 'b', 'c']);
  });
  it('a catchword without dots before a page\'s foot and the next page\'s head ("e. memberikan" / "SK No 211862A" / "PRESIDEN" / "-4-" / "e. memberikan saran …") is trivia', () => {
    const turn = (catchword: string, repeat: string): string => BODY + `Pasal 4\nKomisi bertugas:\nd. menyusun laporan;\n${catchword}\nSK No 211862A\n\nPRES IDEN\nREPUBLIK INDONESIA\n-4-\n${repeat}\nf. melaporkan.\nPasal 5\nIsi.\n`;
    const text = turn('e. memberikan', 'e. memberikan saran dan pertimbangan; dan');
    assert.deepEqual(numbers(text, 'huruf'), ['d', 'e', 'f']);
    assert.ok(tokensOf(parse(text).root).some((token) => token.kind === 'catchword' && text.slice(token.start, token.end) === 'e. memberikan'));
    // A heading alone, repeated alone on the next page.
    const heading = BODY + 'Pasal 4\nIsi.\nPasal 5\n\nPRESIDEN\nREPUBLIK INDONESIA\n-5-\nPasal 5\nIsi lima.\nPasal 6\nIsi.\n';
    assert.deepEqual(numbers(heading, 'pasal'), ['4', '5', '6']);
    // No page between: two items ("e. memberikan" / "e. memberikan saran") stay two.
    const noPage = BODY + 'Pasal 4\nKomisi bertugas:\nd. menyusun;\ne. memberikan\ne. memberikan saran.\n';
    assert.deepEqual(numbers(noPage, 'huruf'), ['d', 'e', 'e']);
  });
  it('a Pasal keyword whose l OCR read as a 7, glued to its number ("Pasa77", "Pasa722"), is a damaged heading', () => {
    const text = BODY + 'Pasal 6\nIsi.\nPasa77\n(1) Pendanaan untuk penugasan.\n(2) Dua.\nPasa78\nIsi.\n';
    assert.deepEqual(numbers(text, 'pasal'), ['6', '7', '8']);
    assert.deepEqual(parse(text).errors.map((error) => text.slice(error.start, error.end)), ['Pasa77', 'Pasa78']);
  });
  it('a Penjelasan heading for a run of articles ("Pasal 13 s/d pasal 14. Cukup jelas.", "Pasal 41 dan 42.") stands for the run', () => {
    const body = BODY + Array.from({ length: 16 }, (_, i) => `Pasal ${i + 1}\nIsi.\n`).join('') + '\nPENJELASAN\nATAS\nUNDANG-UNDANG\nII. PASAL DEMI PASAL\n';
    const text = body + 'Pasal 1 s/d 11. Cukup jelas. Pasal 12 Cukup jelas. Pasal 13 s/d pasal 14. Cukup jelas. Pasal 15 dan 16. Menurut ketentuan.\n';
    assert.deepEqual(analyze(text).diagnostics.map((d) => d.code), []);
    assert.deepEqual(numbers(text, 'pasal').slice(16), ['1', '12', '13', '15']);
    // "dan" joins only the next article.
    const runs = (source: string): (string | undefined)[] => units(source, 'pasal').filter((node) => node.start > source.indexOf('PENJELASAN')).map((node) => node.info.rangeEnd);
    assert.deepEqual(runs(text), ['11', undefined, '14', '16']);
    assert.deepEqual(runs(text.replace('Pasal 13 s/d pasal 14.', 'Pasal 13 dan 15.')).slice(0, 3), ['11', undefined, undefined]);
  });
  it('a list item announced by a page\'s catchword on its own line ("c. mengirimkan… __ c. mengirimkan daftar …") is the item after it', () => {
    const text = BODY + 'Pasal 1\n(1) Notaris wajib:\na. satu;\nb. dua;\nc. mengirimkan… __ c. mengirimkan daftar akta sebagaimana dimaksud dalam huruf b;\nd. empat.\n(2) Isi.\n';
    assert.deepEqual(numbers(text, 'huruf'), ['a', 'b', 'c', 'd']);
    // Not a letter the list does not expect.
    assert.deepEqual(numbers(text.replace('__ c. mengirimkan', '__ f. mengirimkan'), 'huruf'), ['a', 'b', 'd']);
  });
  it('an old law\'s side title on a Pasal\'s first line ("Bank Umum Swasta (1) Bank …") is followed by its ayat (1); a sentence is not', () => {
    const text = BODY + 'Pasal 1\nBank Umum Swasta (1) Bank Umum Swasta didirikan dengan izin, dengan syarat:\na. berbentuk perseroan;\nb. bermodal cukup.\n(2) Pembukaan kantor cabang dengan izin.\n';
    assert.deepEqual(numbers(text, 'ayat'), ['1', '2']);
    // Running text before "(1)" is no title: "(1)" there stays text (and "(2)" starts the list).
    const sentence = BODY + 'Pasal 1\nSetiap bank yang didirikan di wilayah negara wajib memenuhi (1) Bank Umum dengan syarat:\na. berbentuk perseroan;\nb. bermodal cukup.\n(2) Pembukaan kantor cabang dengan izin.\n';
    assert.deepEqual(numbers(sentence, 'ayat'), ['2']);
  });
  it('finds the parts: pembukaan, batang tubuh, penutup, penjelasan, lampiran', () => {
    const text = 'PERATURAN WALI KOTA X\nDENGAN RAHMAT TUHAN YANG MAHA ESA\nMenimbang : a. bahwa x;\nb. bahwa y;\nMengingat : 1. UU;\n' + BODY + 'Pasal 1\nIsi.\nDitetapkan di X\nPENJELASAN\nI. UMUM\nx\nII. PASAL DEMI PASAL\nPasal 1\nCukup jelas.\nLAMPIRAN\nBAB I\nPENDAHULUAN\n';
    const parts = parse(text).root.children.filter((child): child is SyntaxNode => child.type === 'node').map((node) => node.kind);
    assert.deepEqual(parts, ['judul', 'pembukaan', 'batang-tubuh', 'penutup', 'penjelasan', 'lampiran']);
  });
  it('reads on after a part marker that a scraper joined the next part to (the formula, the promulgation line, the Penjelasan header)', () => {
    const formula = 'PERATURAN PEMERINTAH X\nDENGAN RAHMAT TUHAN YANG MAHA ESA PRESIDEN REPUBLIK INDONESIA, Menimbang : a. bahwa x;\nb. bahwa y;\n' + BODY + 'Pasal 1\nIsi.\n';
    assert.deepEqual(numbersOf(formula, 'konsiderans'), ['a', 'b']);
    const joined = BODY + 'Pasal 1\nIsi.\nAgar setiap orang mengetahuinya, memerintahkan pengundangan Peraturan Pemerintah ini dengan penempatannya dalam Lembaran Negara. Ditetapkan di Jakarta ttd. X PENJELASAN ATAS PERATURAN PEMERINTAH NOMOR 2 TAHUN 2008 I. UMUM Cukup jelas. II. PASAL DEMI PASAL Pasal 1 Ayat (1) Cukup jelas. Ayat (2) Cukup jelas.\nPasal 2\nCukup jelas.\n';
    const parts = parse(joined).root.children.filter((child): child is SyntaxNode => child.type === 'node');
    assert.deepEqual(parts.map((node) => node.kind), ['judul', 'pembukaan', 'batang-tubuh', 'penutup', 'penjelasan']);
    const penjelasan = parts[4];
    assert.equal(penjelasan.start, joined.indexOf('PENJELASAN ATAS'));
    const explained: string[] = [];
    walkNodes(penjelasan, (node) => {
      if (node.kind === 'pasal' || node.kind === 'ayat') explained.push(`${node.kind} ${node.info.numberText}`);
    });
    assert.deepEqual(explained, ['pasal 1', 'ayat 1', 'ayat 2', 'pasal 2']);
    // A Penjelasan header opening its line: the sections and articles joined to it are read too.
    const header = BODY + 'Pasal 1\nIsi.\nPasal 2\nIsi.\nDitetapkan di X\nPENJELASAN ATAS PERATURAN X I. UMUM Cukup jelas. II. PASAL DEMI PASAL Pasal 1 Cukup jelas.\nPasal 2\nCukup jelas.\n';
    assert.deepEqual(units(header, 'pasal').map((node) => node.info.numberText), ['1', '2', '1', '2']);
  });
  it('opens the Penjelasan\'s article section at "PASAL DEMI PASAL" without its numeral, and reads the label right after a heading there', () => {
    const text = BODY + 'Pasal 1\nDalam Undang-Undang ini:\n1. Satu.\n2. Dua.\nPasal 2\n(1) Isi.\n(2) Isi.\nAgar setiap orang mengetahuinya, memerintahkan pengundangan Undang-Undang ini. Disahkan di Jakarta PENJELASAN ATAS UNDANG-UNDANG NOMOR 24 TAHUN 1999 I. UMUM Umum. PASAL DEMI PASAL Pasal 1 Angka 1 Cukup jelas Angka 2 Cukup jelas Pasal 2 Ayat (1) Cukup jelas Ayat (2) Cukup jelas\n';
    const sections = units(text, 'penjelasan-pasal');
    assert.equal(sections.length, 1);
    const explained: string[] = [];
    walkNodes(sections[0], (node) => {
      if (node.kind === 'pasal' || node.kind === 'ayat' || node.kind === 'angka') explained.push(`${node.kind} ${node.info.numberText}`);
    });
    assert.deepEqual(explained, ['pasal 1', 'angka 1', 'angka 2', 'pasal 2', 'ayat 1', 'ayat 2']);
  });
  it('keeps an explained item\'s own enumeration ("a. …, yaitu (1) … ;" / "(2) …") inside the item in a Penjelasan, not as ayat', () => {
    const text = 'Pasal 1\nIsi.\nDitetapkan di X\nPENJELASAN\nII. PASAL DEMI PASAL\nPasal 1\nPenyebab utama adalah:\na. Terdapat permasalahan, yaitu (1) Aset Tetap belum dinilai;\n(2) Aset Tetap berupa Tanah belum dicatat;\n(3) Aset lain.\nb. Terdapat kelemahan, yaitu (1) Pemerintah belum menemukan;\n(2) Aset Eks BPPN belum dinilai.\nPasal 2\nAyat (1)\nCukup jelas.\nAyat (2)\nCukup jelas.\n';
    const explained: string[] = [];
    walkNodes(units(text, 'penjelasan-pasal')[0], (node) => {
      if (node.kind === 'pasal' || node.kind === 'ayat' || node.kind === 'huruf') explained.push(`${node.kind} ${node.info.numberText}`);
    });
    assert.deepEqual(explained, ['pasal 1', 'huruf a', 'huruf b', 'pasal 2', 'ayat 1', 'ayat 2']);
  });
});
