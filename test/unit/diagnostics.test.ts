import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/features';
import { reanalyze } from '../../server/src/features/incremental';
import { membersOf } from '../../server/src/model';
import type { SyntaxNode } from '../../server/src/syntax';
import { fixture, lineOf } from './helpers';

function codesAt(text: string): string[] {
  return analyze(text).diagnostics.map((diagnostic) => `${lineOf(text, diagnostic.range.start)}:${diagnostic.code}`);
}

const BODY = 'MEMUTUSKAN:\nMenetapkan : PERATURAN WALI KOTA TENTANG CONTOH.\n\n';

/** Each finding of `text` as "line:code:message" (English). */
function findings(text: string): string[] {
  return analyze(text).diagnostics.map((diagnostic) => `${lineOf(text, diagnostic.range.start)}:${diagnostic.code}:${diagnostic.message.en}`);
}

/** How many tokens of `kind` the parse of `text` has. */
function tokensOfKind(text: string, kind: string): number {
  let count = 0;
  const visit = (node: SyntaxNode): void => {
    for (const child of node.children) {
      if (child.type === 'node') visit(child);
      else if (child.kind === kind) count++;
    }
  };
  visit(analyze(text).regulation.parse.root);
  return count;
}

/** The messages (English) of the dangling-reference findings of `text`. */
function dangling(text: string): string[] {
  return analyze(text).diagnostics.filter((d) => d.code === 'dangling-reference').map((d) => d.message.en);
}

describe('diagnostics', () => {
  it('reports what the seeds were specified with', () => {
    const kupang = fixture('seeds/kupang-perwal-49-2021.txt');
    assert.deepEqual(codesAt(kupang), ['226:malformed-heading']);
    const bekasi = fixture('seeds/bekasi-perwal-121-2021.txt');
    assert.deepEqual(codesAt(bekasi), ['70:single-subdivision', '135:numbering-gap', '424:duplicate-number', '468:malformed-heading']);
    const duplicate = analyze(bekasi).diagnostics.find((diagnostic) => diagnostic.code === 'duplicate-number')!;
    assert.equal(lineOf(bekasi, duplicate.related[0].range.start), 412);
    assert.match(analyze(kupang).diagnostics[0].message.en, /Pasal 13/);
    assert.match(analyze(kupang).diagnostics[0].message.id, /Pasal 13/);
  });
  it('finds gaps, duplicates and order errors at every level without cascades', () => {
    const text = BODY + 'Pasal 1\n(1) a.\n(2) b.\n(2) c.\n(4) d.\nPasal 2\na. x;\nc. y.\nPasal 4\nIsi.\nPasal 3\nIsi.\n';
    // Pasal 4 before Pasal 3: the two are swapped, one finding.
    assert.deepEqual(codesAt(text), ['7:duplicate-number', '11:numbering-gap', '12:numbering-order']);
  });
  it('one unit numbered wrong between two that follow each other is one finding, and two swapped numbers are one', () => {
    const pasal = (numbers: number[]): string => BODY + numbers.map((n) => `Pasal ${n}\nIsi.\n`).join('');
    const messages = (text: string): string[] => analyze(text).diagnostics.map((diagnostic) => `${lineOf(text, diagnostic.range.start)}:${diagnostic.code}:${diagnostic.message.en}`);
    assert.deepEqual(messages(pasal([1, 2, 9, 4, 5])), ['8:numbering-order:Misnumbered: Pasal 9 stands between Pasal 2 and Pasal 4; expected Pasal 3.']);
    assert.deepEqual(messages(pasal([1, 2, 4, 3, 5])), ['8:numbering-order:Numbering out of order: Pasal 4 comes before Pasal 3; expected Pasal 3.']);
    assert.match(analyze(pasal([1, 2, 9, 4])).diagnostics[0].message.id, /^Nomor salah: Pasal 9 di antara Pasal 2 dan Pasal 4; seharusnya Pasal 3\.$/);
    // Labels too ("h." OCR'd for "b."), with the next unit named as related information.
    const list = BODY + 'Pasal 1\nMeliputi:\na. satu;\nh. dua;\nc. tiga.\n';
    const finding = analyze(list).diagnostics;
    assert.deepEqual(finding.map((diagnostic) => diagnostic.message.en), ['Misnumbered: huruf h stands between huruf a and huruf c; expected huruf b.']);
    assert.deepEqual(finding[0].related.map((entry) => entry.message.en), ['previous huruf a here', 'next huruf c here']);
    // A real gap (the next unit goes on from the wrong number) and a duplicate stay what they were.
    assert.deepEqual(messages(pasal([1, 2, 9, 10])).map((found) => found.split(':')[1]), ['numbering-gap']);
    assert.deepEqual(messages(pasal([1, 2, 2, 3])).map((found) => found.split(':')[1]), ['duplicate-number']);
    // A number used far earlier, between two that fix the slot ("Pasal 57" OCR'd for 67): misnumbered, not a duplicate.
    assert.deepEqual(messages(pasal([1, 2, 3, 4, 5, 6, 3, 8])), ['16:numbering-order:Misnumbered: Pasal 3 stands between Pasal 6 and Pasal 8; expected Pasal 7.']);
    // Without a next unit that fixes the slot it stays a duplicate.
    assert.deepEqual(messages(pasal([1, 2, 3, 4, 5, 6, 3, 9])).map((found) => found.split(':')[1]), ['duplicate-number', 'numbering-gap']);
    // The headings before it lost too: of the numbers between its neighbours, the one a single digit away ("Pasal
    // 65, Pasal 57, Pasal 68": 67), and the gap before it reported there.
    const twenty = Array.from({ length: 20 }, (_, i) => i + 1);
    assert.deepEqual(messages(pasal([...twenty, 12, 23])).slice(-2).map((found) => found.split(':').slice(1).join(':')), [
      'numbering-gap:Numbering gap: Pasal 22 follows Pasal 20; Pasal 21 is missing.',
      'numbering-order:Misnumbered: Pasal 12 stands between Pasal 20 and Pasal 23; expected Pasal 22.',
    ]);
    // Two numbers between them a digit away (Pasal 27: 21 and 22), or a number between its neighbours: as before.
    assert.deepEqual(messages(pasal([...twenty, 27, 23])).map((found) => found.split(':')[1]), ['numbering-gap', 'numbering-order']);
    assert.deepEqual(messages(pasal([...twenty, 22, 24])).map((found) => found.split(':')[1]), ['numbering-gap', 'numbering-gap']);
    // A pair with one number ("(3), (5), (5), (7)"): which of the two is wrong cannot be told; the duplicate is reported.
    assert.deepEqual(messages(pasal([1, 2, 4, 4, 5])).map((found) => found.split(':')[1]), ['numbering-gap', 'duplicate-number']);
  });
  it('a citation of the number a misnumbered unit should carry is not reported again: the numbering finding\'s fix mends both', () => {
    const list = 'Pasal 1\nMeliputi:\na. satu;\nb. dua;\nc. tiga;\nd. empat;\nc. lima; dan\nf. enam.\n';
    const text = BODY + list + 'Pasal 2\nSebagaimana dimaksud dalam Pasal 1 huruf e dan Pasal 1 huruf c berlaku.\n';
    assert.deepEqual(codesAt(text), ['10:numbering-order']);
    // A number no finding gives to another unit is still dangling.
    const other = BODY + list + 'Pasal 2\nSebagaimana dimaksud dalam Pasal 1 huruf g berlaku.\n';
    assert.deepEqual(codesAt(other), ['10:numbering-order', '13:dangling-reference']);
    // A Pasal: "Pasal 2, Pasal 1, Pasal 4" and a citation of Pasal 3.
    const pasal = BODY + 'Pasal 1\nIsi.\nPasal 2\nIsi.\nPasal 1\nIsi.\nPasal 4\nSebagaimana dimaksud dalam Pasal 3 dan Pasal 1.\n';
    assert.deepEqual(codesAt(pasal), ['8:numbering-order']);
  });
  it('an inline heading with its predecessor\'s number is a duplicate when it opens a sentence after the Pasal\'s text; a repeat, a citation or a lowercase word is not', () => {
    const head = BODY + 'Pasal 1. Tunjangan diberikan kepada pegawai. Pasal 2. Tunjangan diberikan oleh Menteri.';
    const duplicates = (tail: string): string[] => analyze(head + tail).diagnostics.filter((d) => d.code === 'duplicate-number').map((d) => d.message.en);
    // Old texts on one line: "… Menteri. Pasal 2. Peraturan ini mulai berlaku …" (should read Pasal 3).
    assert.deepEqual(duplicates(' Pasal 2. Peraturan ini mulai berlaku pada tanggal diundangkan.\n'), ['Pasal 2 is numbered twice: an earlier unit already has this number.']);
    assert.equal(duplicates(' Pasal 2 (1) Menteri menetapkan besarnya.\n').length, 1);
    // The scraper repeated the heading before any text: "Pasal 3. Pasal 3 (1) …".
    assert.deepEqual(duplicates(' Pasal 3. Pasal 3 (1) Menteri menetapkan besarnya.\n'), []);
    // Citations after a full stop.
    assert.deepEqual(duplicates(' Pasal 2 Undang-Undang Nomor 5 Tahun 1960 tetap berlaku.\n'), []);
    assert.deepEqual(duplicates(' Pasal 2 ini berlaku juga bagi pensiunan.\n'), []);
    assert.deepEqual(duplicates(' Pasal 2 ayat (1) berlaku juga bagi pensiunan.\n'), []);
  });
  it('an amending regulation whose "Pasal I" is lost: its "Pasal II" after the quoted text starts the sequence, which misses Pasal I', () => {
    const text = 'UNDANG-UNDANG TENTANG PERUBAHAN ATAS UNDANG-UNDANG NOMOR 1 TAHUN 2000\n' + BODY +
      'Beberapa ketentuan dalam Undang-Undang Nomor 1 Tahun 2000 diubah sebagai berikut: 1. Ketentuan Pasal 5 diubah sehingga berbunyi sebagai berikut:\n' +
      'Pasal 5\n(1) Izin diberikan oleh Menteri.\n(2) Ketentuan lebih lanjut diatur dengan Peraturan Pemerintah. 2. dan seterusnya. Pasal II Undang-Undang ini mulai berlaku pada tanggal diundangkan.\n';
    const gaps = analyze(text).diagnostics.filter((d) => d.code === 'numbering-gap');
    assert.deepEqual(gaps.map((d) => [lineOf(text, d.range.start), d.message.en]), [[8, 'Numbering starts at Pasal II; expected Pasal I.']]);
    // Without quoted text before it, "Pasal II" in running text stays a citation.
    assert.deepEqual(codesAt(BODY + 'Pasal 1\nSebagaimana diatur. Pasal II Undang-Undang Nomor 2 Tahun 2001 berlaku.\n'), []);
  });
  it('a heading with a glued keyword ("Pasal2") on its own line is taken after a lost "Pasal 1", and as a duplicate after a Pasal with text', () => {
    const lost = BODY + 'Ketentuan umum tanpa judul.\nPasal2\nIsi.\nPasal 3\nIsi.\n';
    assert.deepEqual(codesAt(lost), ['5:malformed-heading', '5:numbering-gap']);
    const twice = BODY + 'Pasal 1\nIsi pertama.\nPasal1\nIsi kedua.\nPasal 3\nIsi.\n';
    assert.deepEqual(codesAt(twice).sort(), ['6:duplicate-number', '6:malformed-heading']);
    // A glued heading repeated before any text is the scraper's repeat, not a duplicate.
    assert.deepEqual(codesAt(BODY + 'Pasal 1\nPasal1\nIsi.\nPasal 2\nIsi.\n').filter((code) => code.endsWith('duplicate-number')), []);
  });
  it('an OCR-damaged Pasal number right after a BAB title on its line is a damaged heading, not a damaged citation', () => {
    const head = BODY + 'BAB I\nUMUM\n' + Array.from({ length: 12 }, (_, i) => `Pasal ${i + 1}\nIsi.\n`).join('');
    const text = head + 'BAB II PENCEGAHAN PERKAWINAN Pasal l3 Perkawinan dapat dicegah.\nPasal 14\nIsi.\n';
    const found = analyze(text).diagnostics.map((d) => `${lineOf(text, d.range.start)}:${d.code}:${d.message.en}`);
    assert.deepEqual(found, ['30:malformed-heading:Damaged Pasal heading (probably OCR): "Pasal l3" should read "Pasal 13" — number "l3" read as "13".']);
    // A citation after a title goes on with "ayat": still a (damaged) citation.
    const cited = head + 'BAB II PENCEGAHAN Pasal l3 ayat (1) berlaku.\nPasal 13\nIsi.\n';
    assert.deepEqual(analyze(cited).diagnostics.map((d) => d.code), ['dangling-reference']);
  });
  it('a Penjelasan run together: its next Pasal before "Cukup jelas" is a heading after a sentence without a full stop ("… pengadilan Pasal 3 Cukup jelas.")', () => {
    const head = BODY + 'Pasal 1\nIsi.\nPasal 2\nIsi.\nPasal 3\nIsi.\nPasal 4\nIsi.\n\nPENJELASAN\nATAS\nPERATURAN CONTOH\nII. PASAL DEMI PASAL\n';
    const explained = (line: string): string[] => analyze(head + line).regulation.units.filter((unit) => unit.kind === 'pasal' && unit.scope === 'penjelasan').map((unit) => unit.number!);
    assert.deepEqual(explained('Pasal 1 Cukup jelas. Pasal 2 Yang dimaksud dengan keberatan diajukan kepada pengadilan Pasal 3 Cukup jelas. Pasal 4 Cukup jelas.\n'), ['1', '2', '3', '4']);
    // Not a number other than the next one.
    assert.deepEqual(explained('Pasal 1 Cukup jelas. Pasal 2 Yang dimaksud dengan keberatan diajukan kepada pengadilan Pasal 4 Cukup jelas.\n'), ['1', '2']);
    // Before its first ayat's label, capitalised as a Penjelasan writes it ("… Pajak Penghasilan Pasal 3 Ayat (1) Cukup jelas.").
    assert.deepEqual(explained('Pasal 1 Cukup jelas. Pasal 2 Sebagaimana diatur dalam Undang-Undang Pajak Penghasilan Pasal 3 Ayat (1) Cukup jelas. Ayat (2) Cukup jelas. Pasal 4 Cukup jelas.\n'), ['1', '2', '3', '4']);
    assert.deepEqual(explained('Pasal 1 Cukup jelas. Pasal 2 Sebagaimana diatur dalam Undang-Undang Pajak Penghasilan Pasal 3 ayat (1) huruf a. Pasal 4 Cukup jelas.\n'), ['1', '2', '4']);
  });
  it('a Penjelasan run together: its next heading ("… anggaran dasar Ayat (2) Cukup jelas.") is read after a sentence without a full stop', () => {
    const head = BODY + 'Pasal 1\n(1) Satu.\n(2) Dua.\n(3) Tiga:\na. x;\nb. y; dan\nc. z.\n\nPENJELASAN\nATAS\nUNDANG-UNDANG CONTOH\nII. PASAL DEMI PASAL\n';
    const text = head + 'Pasal 1 Ayat (1) Yang dimaksud dengan "anggaran" adalah anggaran dasar Ayat (2) Cukup jelas. Ayat (3) Huruf a Lihat penjelasan Pasal 1 Huruf b Cukup jelas. Huruf c Cukup jelas.\n';
    const penjelasan = analyze(text).regulation.units.filter((unit) => unit.scope === 'penjelasan' && unit.number !== undefined);
    assert.deepEqual(penjelasan.map((unit) => `${unit.kind} ${unit.number}`), ['pasal 1', 'ayat 1', 'ayat 2', 'ayat 3', 'huruf a', 'huruf b', 'huruf c']);
    assert.deepEqual(codesAt(text), []);
    // The citation before the heading stops where the heading starts.
    assert.deepEqual(analyze(text).references.map((reference) => text.slice(reference.range.start, reference.range.end)), ['Pasal 1']);
    // Not a label out of sequence, nor one before a lowercase word: those are citations.
    const cited = head + 'Pasal 1 Ayat (1) Sesuai dengan Ayat (3) Undang-Undang Dasar. Ayat (2) Cukup jelas.\n';
    assert.deepEqual(analyze(cited).regulation.units.filter((unit) => unit.scope === 'penjelasan' && unit.number !== undefined).map((unit) => `${unit.kind} ${unit.number}`), ['pasal 1', 'ayat 1', 'ayat 2']);
    const lower = head + 'Pasal 1 Ayat (1) Menurut Huruf a dari daftar. Ayat (2) Cukup jelas.\n';
    assert.deepEqual(analyze(lower).regulation.units.filter((unit) => unit.scope === 'penjelasan' && unit.number !== undefined).map((unit) => `${unit.kind} ${unit.number}`), ['pasal 1', 'ayat 1', 'ayat 2']);
  });
  it('a list in a Penjelasan\'s explanation ("Huruf b Yang dimaksud … adalah:" then "a.", "b.") is the explanation\'s own', () => {
    const text = BODY + 'Pasal 1\nMemuat:\na. satu;\nb. dua; dan\nc. tiga.\n\nPENJELASAN\nATAS\nUNDANG-UNDANG CONTOH\nII. PASAL DEMI PASAL\n' +
      'Pasal 1\nHuruf a\nCukup jelas.\nHuruf b\nYang dimaksud dengan "dua" adalah:\na. pertama;\nb. kedua; dan\nc. ketiga.\nHuruf c\nCukup jelas.\n';
    assert.deepEqual(codesAt(text), []);
    const units = analyze(text).regulation.units.filter((unit) => unit.scope === 'penjelasan' && unit.kind === 'huruf');
    assert.deepEqual(units.map((unit) => `${unit.number} in ${unit.parent?.kind} ${unit.parent?.number}`), ['a in pasal 1', 'b in pasal 1', 'a in huruf b', 'b in huruf b', 'c in huruf b', 'c in pasal 1']);
  });
  it('an older law\'s Pasal heading ending a line after its Bagian\'s title ("Bagian VI. Hak pakai, Pasal 41.") opens the article whose "(1)" starts the next line', () => {
    const text = BODY + 'Pasal 1\n(1) Isi.\n(2) Isi pula. Hak pakai, Pasal 2.\n(1) Hak pakai adalah hak.\n(2) Menurut ayat (1) pasal ini.\nPasal 3\nSebagaimana dimaksud dalam pasal 2 ayat (2).\n';
    assert.deepEqual(codesAt(text).filter((code) => !code.endsWith('reference-style')), []);
    assert.deepEqual(analyze(text).regulation.units.filter((unit) => unit.kind === 'pasal').map((unit) => unit.number), ['1', '2', '3']);
    // Not a citation ending a sentence ("… dalam Pasal 2.") before the next ayat of the same article.
    const cited = BODY + 'Pasal 1\n(1) Isi.\n(2) Sebagaimana dimaksud dalam Pasal 2.\n(3) Isi.\nPasal 2\nIsi.\n';
    assert.deepEqual(analyze(cited).regulation.units.filter((unit) => unit.kind === 'pasal').map((unit) => unit.number), ['1', '2']);
  });
  it('a page catchword run into a line ("Cukup jelas. Huruf f... Pasal 2") is a catchword: no citation, no heading', () => {
    const text = BODY + 'Pasal 1\nIsi.\nPasal 2\nIsi.\n\nPENJELASAN\nATAS\nUNDANG-UNDANG CONTOH\nII. PASAL DEMI PASAL\n' +
      'Pasal 1\nCukup jelas. Huruf f... Pasal 2 Cukup jelas. Ayat (3)...\n';
    assert.deepEqual(codesAt(text), []);
    const analysis = analyze(text);
    assert.deepEqual(analysis.references, []);
    const catchwords: string[] = [];
    const visit = (node: SyntaxNode): void => {
      for (const child of node.children) {
        if (child.type === 'node') visit(child);
        else if (child.kind === 'catchword') catchwords.push(text.slice(child.start, child.end));
      }
    };
    visit(analysis.regulation.parse.root);
    assert.deepEqual(catchwords, ['Huruf f...', 'Ayat (3)...']);
  });
  it('a page catchword ending in "…", and "Cukup jelas" in a Penjelasan, end a sentence: the inline heading after it is read', () => {
    const text = BODY + 'Pasal 1\nIsi.\nPasal 2\nIsi.\nPasal 3\nIsi.\nPasal 4\nIsi.\n\nPENJELASAN\nATAS\nUNDANG-UNDANG CONTOH\nII. PASAL DEMI PASAL\n' +
      'Pasal 1. Cukup jelas. Pasal 2… Pasal 2. Ayat (1) dan (2) Cukup jelas. Pasal 3. Cukup jelas. Pasal 4. Cukup jelas.\n';
    assert.deepEqual(codesAt(text), []);
    // "Cukup jelas" is a whole statement in a Penjelasan, with or without its full stop; scrapers' emphasis is transparent.
    const unstopped = text.replace(/II\. PASAL DEMI PASAL\n.*\n$/, 'II. PASAL DEMI PASAL\nPasal 1 Cukup jelas Pasal 2 Ayat (1) Cukup jelas Ayat (2) Cukup jelas Pasal 3 __ Cukup jelas Pasal 4 Cukup jelas\n');
    assert.notEqual(unstopped, text);
    assert.deepEqual(codesAt(unstopped), []);
    // As the mblx scraper writes it, a caret before the word: "Cukup ^jelas".
    const caret = unstopped.replace(/Cukup jelas/g, 'Cukup ^jelas');
    assert.deepEqual(analyze(caret).regulation.units.filter((unit) => unit.scope === 'penjelasan' && unit.kind === 'pasal').map((unit) => unit.number), ['1', '2', '3', '4']);
    assert.deepEqual(codesAt(caret), []);
    // Its "l" OCR'd ("Cukup jeias", "Cukup je1as"): still a statement's end, so the label after it is a heading even
    // where it is not the one expected next (a citation otherwise).
    const penjelasanUnits = (source: string): string[] => analyze(source).regulation.units.filter((unit) => unit.scope === 'penjelasan' && unit.number !== undefined).map((unit) => `${unit.kind} ${unit.number}`);
    const skipped = BODY + 'Pasal 1\nIsi.\nPasal 2\n(1) Satu.\n(2) Dua.\n(3) Tiga.\nPasal 3\nIsi.\n\nPENJELASAN\nATAS\nUNDANG-UNDANG CONTOH\nII. PASAL DEMI PASAL\nPasal 1 Cukup jelas Pasal 2 Ayat (1) Cukup jelas Ayat (3) Cukup jelas Pasal 3 Cukup je1as\n';
    for (const ocr of [skipped, skipped.replace('(1) Cukup jelas', '(1) Cukup jeias'), skipped.replace('(1) Cukup jelas', '(1) Cukup je1as')]) {
      assert.deepEqual(penjelasanUnits(ocr), ['pasal 1', 'pasal 2', 'ayat 1', 'ayat 3', 'pasal 3']);
    }
  });
  it('a Penjelasan citing its own list ("a. … b. … c. … Dalam hal … pada huruf b dan/atau huruf c") where the article it explains has no such huruf', () => {
    const text = BODY + 'Pasal 1\n(1) Satu.\n(2) Dua.\n\nPENJELASAN\nATAS\nPERATURAN\nII. PASAL DEMI PASAL\nPasal 1\nAyat (1) Cukup jelas.\nAyat (2) Wajib Pajak dapat:\na. mengungkapkan penambahan Harta;\nb. mengungkapkan perubahan penghitungan;\nc. mengungkapkan perubahan lain. Dalam hal Wajib Pajak melakukan perubahan sebagaimana dimaksud pada huruf b dan/atau huruf c, tarif berlaku. Sebagaimana dimaksud pada huruf e, tarif tetap.\n';
    // A letter neither has is reported against the article, as before.
    assert.deepEqual(dangling(text), ['Dangling reference: Pasal 1 has no huruf e.']);
  });
  it('a Penjelasan\'s worked example runs lists together: a list restarting after an item whose text ends with a colon is a new list there; in the body a new sentence must lead in', () => {
    const penjelasan = (items: string): string => BODY + 'Pasal 1\nIsi.\n\nPENJELASAN\nATAS\nPERATURAN\nII. PASAL DEMI PASAL\nPasal 1\nContoh: Wajib Pajak melaporkan:\n' + items;
    const items = 'a. Nilai Harta Rp15.000.000,00\nb. Nilai Utang Rp5.000.000,00\nc. Nilai Harta bersih Rp10.000.000,00 Dalam Surat Pernyataan diketahui bahwa:\na. Nilai Harta Rp20.000.000,00\nb. Nilai Utang Rp6.000.000,00\n';
    assert.deepEqual(codesAt(penjelasan(items)), []);
    const body = BODY + 'Pasal 1\nWajib Pajak melaporkan:\n' + items;
    assert.deepEqual(codesAt(body).map((found) => found.split(':')[1]), ['duplicate-number']);
  });
  it('a Penjelasan label heading a run ("Huruf a s/d c", "Ayat (2) sampai dengan ayat (4)") stands for the run: the next label goes on from its last', () => {
    const body = BODY + 'Pasal 1\n(1) Satu:\na. a;\nb. b;\nc. c;\nd. d;\ne. e.\n(2) Dua.\n(3) Tiga.\n(4) Empat.\n(5) Lima.\n\nPENJELASAN\nATAS\nPERATURAN\nII. PASAL DEMI PASAL\nPasal 1\n';
    const codes = (penjelasan: string): string[] => analyze(body + penjelasan).diagnostics.map((d) => `${d.code} ${d.message.en}`);
    for (const penjelasan of [
      'Ayat (1) Huruf a s/d c Cukup jelas. Huruf d Cukup jelas. Huruf e Cukup jelas. Ayat (2) s/d Ayat (4) Cukup jelas. Ayat (5) Cukup jelas.\n',
      'Ayat (1)\nHuruf a sampai dengan huruf c\nCukup jelas.\nHuruf d s.d. e\nCukup jelas.\nAyat (2) s/d (4)\nCukup jelas.\nAyat (5)\nCukup jelas.\n',
      // Two explained together ("Huruf b dan c", "Ayat (2) dan ayat (3)").
      'Ayat (1) Huruf a Cukup jelas Huruf b dan c Untuk pengefektifan tugas. Huruf d Cukup jelas. Huruf e Cukup jelas. Ayat (2) dan ayat (3) Tersangka ditahan. Ayat (4) Cukup jelas. Ayat (5) Cukup jelas.\n',
    ]) assert.deepEqual(codes(penjelasan), [], penjelasan);
    // "dan" joins only the next label: "Huruf a dan c" is no run over b.
    assert.deepEqual(codes('Ayat (1) Huruf a dan c Cukup jelas. Huruf d Cukup jelas. Huruf e Cukup jelas.\n').map((c) => c.split(' ')[0]), ['numbering-gap']);
    // A label after the run's end is still a gap; a run backwards or of another kind is no run.
    assert.deepEqual(codes('Ayat (1) Huruf a s/d c Cukup jelas. Huruf e Cukup jelas.\n'), ['numbering-gap Numbering gap: huruf e follows huruf a; huruf d is missing.']);
    assert.deepEqual(codes('Ayat (1) Huruf c s/d a Cukup jelas. Huruf d Cukup jelas.\n').map((c) => c.split(' ')[0]), ['numbering-gap']);
    // The label token stays the label: a fix that renumbers it edits "a", not the run's words.
    const analysis = analyze(body + 'Ayat (1) Huruf a s/d c Cukup jelas. Huruf d Cukup jelas.\n');
    const run = analysis.regulation.units.find((unit) => unit.scope === 'penjelasan' && unit.kind === 'huruf')!;
    assert.equal(analysis.text.slice(run.numberRange.start, run.numberRange.end), 'a');
  });
  it('after "Cukup jelas." in a Penjelasan a heading is read even where its number breaks the sequence: an OCR\'d one before it is one finding', () => {
    const body = BODY + Array.from({ length: 5 }, (_, i) => `Pasal ${i + 1}\nIsi.\n`).join('') + '\nPENJELASAN\nATAS\nUNDANG-UNDANG CONTOH\nII. PASAL DEMI PASAL\n';
    // "Pasal 3" OCR'd as "Pasal 8" (a digit for another): Pasal 4 after it is still read.
    const text = body + 'Pasal 1\nCukup jelas.\nPasal 2\nCukup jelas. Pasal 8 Cukup jelas. Pasal 4 Cukup jelas. Pasal 5 Cukup jelas.\n';
    assert.deepEqual(analyze(text).regulation.units.filter((unit) => unit.scope === 'penjelasan' && unit.kind === 'pasal').map((unit) => unit.number), ['1', '2', '8', '4', '5']);
    assert.deepEqual(analyze(text).diagnostics.map((diagnostic) => diagnostic.message.en), ['Misnumbered: Pasal 8 stands between Pasal 2 and Pasal 4; expected Pasal 3.']);
    // Not before what cannot open an explanation ("Pasal 9 I Cukup jelas": a number OCR split, 91 or 9 and 1): that
    // is left to the sequence, as before.
    const split = body + 'Pasal 1\nCukup jelas. Pasal 2 Cukup jelas. Pasal 9 I Cukup jelas. Pasal 4 Cukup jelas.\n';
    assert.deepEqual(analyze(split).regulation.units.filter((unit) => unit.scope === 'penjelasan' && unit.kind === 'pasal').map((unit) => unit.number), ['1', '2', '4']);
  });
  it('pdftotext put a Pasal\'s ayat labels before its heading: its citations of those ayat are not dangling, of others still', () => {
    const text = BODY + 'BAB I\nUMUM\nPasal 1\nIsi.\nBagian Kesatu\nPenyaluran\n(1)\n\n(2)\n(3)\n\nPasal 2\nPenyaluran dilakukan\nsebagaimana dimaksud pada ayat (1)\ndan ayat (5).\nPasal 3\nIsi.\n';
    const dangling = analyze(text).diagnostics.filter((d) => d.code === 'dangling-reference').map((d) => d.message.en);
    assert.deepEqual(dangling, ['Dangling reference: Pasal 2 has no ayat (5).']);
  });
  it('labels before the heading count also where the Pasal\'s own ayat labels stand alone (the column went on after a page break)', () => {
    const column = BODY + 'BAB I\nUMUM\nPasal 1\nIsi.\n(1)\n\n(2)\n\n(3)\n\nPasal 2\nPenyaluran dilakukan.\nSebagaimana dimaksud pada ayat (1) dan ayat (2).\n\n(4)\n\n(5)\n\nPenyaluran sebagaimana dimaksud pada ayat (3) dan ayat (6).\nPasal 3\nIsi.\n';
    assert.deepEqual(dangling(column), ['Dangling reference: Pasal 2 has no ayat (6).']);
    // A Pasal whose own ayat carry their text is read as it stands, unless they go on from the run: the labels
    // before it are its when its first ayat is numbered above the run's last ("(1) (2) (3)", heading, "(4) …").
    // (One paragraph before its "(3)": an unlabelled ayat (1) may be there, an ayat (2) is not.)
    const written = column.replace('\n(4)\n\n(5)\n\n', '\n(3) Isi tiga.\n(4) Isi empat.\n').replace('Penyaluran dilakukan.\nSebagaimana', 'Penyaluran dilakukan sebagaimana');
    assert.notEqual(written, column);
    assert.deepEqual(dangling(written).filter((m) => /Pasal 2 has no ayat \([12]\)/.test(m)), ['Dangling reference: Pasal 2 has no ayat (2).']);
    const continued = column.replace('\n(4)\n\n(5)\n\n', '\n(4) Isi empat.\n(5) Isi lima.\n');
    assert.deepEqual(dangling(continued), ['Dangling reference: Pasal 2 has no ayat (6).']);
  });
  it('a run of labels before the heading: the one nearest it may hold the text that followed the column; the run starts at its "(1)"', () => {
    // "(3)" took the tail of Pasal 1 that pdftotext printed after the label column.
    const tail = BODY + 'BAB I\nUMUM\nPasal 1\nIsi.\n(1)\n\n(2)\n\n(3)\n\nAkhir Pasal 1.\nPasal 2\nSebagaimana dimaksud pada ayat (1) dan ayat (3).\nPasal 3\nIsi.\n';
    assert.deepEqual(dangling(tail), []);
    // "(9)" ends Pasal 1's column, "(1)" starts Pasal 2's: a citation of "ayat (9)" in Pasal 2 still dangles.
    const run = BODY + 'BAB I\nUMUM\nPasal 1\nIsi.\n(9)\n\n(1)\n\n(2)\n\nPasal 2\nSebagaimana dimaksud pada ayat (2) dan ayat (9).\nPasal 3\nIsi.\n';
    assert.deepEqual(dangling(run), ['Dangling reference: Pasal 2 has no ayat (9).']);
    // A lone "(1)" nearest the heading that took the previous Pasal's tail, before the Pasal's own "(2)" …: its first ayat.
    const first = BODY + 'BAB I\nUMUM\nPasal 1\n(1) Isi satu.\n(2)\n\n(1) akhir Pasal 1.\nPasal 2\nIsi pertama.\n(2)\n\n(3)\n\nSebagaimana dimaksud pada ayat (1).\nPasal 3\nIsi.\n';
    assert.deepEqual(analyze(first).diagnostics.map((d) => d.message.en), []);
    // The tail the nearest label took may hold a list ("(3)" above "a." and "b." of Pasal 1's last ayat).
    const list = tail.replace('Akhir Pasal 1.\n', 'Akhir Pasal 1 berupa:\na. satu; dan\nb. dua.\n');
    assert.notEqual(list, tail);
    assert.deepEqual(dangling(list), []);
  });
  it('"ayat (1) huruf b" where that ayat is a label set apart from its text: the Pasal\'s own list answers for it', () => {
    const column = BODY + 'BAB I\nUMUM\nPasal 1\nIsi.\n(1)\n\n(2)\n\nPasal 2\nMenteri menetapkan:\na. satu; dan\nb. dua.\nPejabat sebagaimana dimaksud pada ayat (1) huruf b dan huruf e bertugas.\n(3)\n\n(1)\n\nPasal 3\nIsi.\n';
    // Pasal 2's column (1), (2) is matched with its two paragraphs (syntax/label-column.ts); the "(3)", "(1)" after it
    // label nothing and open empty ayat in Pasal 2, a second ayat (1) among them, which starts another run: the
    // citation in the first run's ayat (1) is that ayat's, where huruf b is and huruf e is not.
    assert.deepEqual(dangling(column), ['Dangling reference: Pasal 2 ayat (1) has no huruf e.']);
  });
  it('a Pasal of a layout-broken text whose ayat labels were lost or set apart: citations of the ayat its text holds are not reported', () => {
    // Pasal 1's column of labels (a broken layout); Pasal 3's labels lost, its text citing "pada ayat (1)".
    const lost = BODY + 'BAB I\nUMUM\nPasal 1\n(1)\n\n(2)\n\n(3)\n\nIsi satu.\nIsi dua.\nIsi tiga.\nPasal 2\n(1) Dua satu.\n(2) Dua dua.\nPasal 3\nMenteri menetapkan pagu.\nPagu sebagaimana dimaksud pada ayat (1) diumumkan.\nPasal 4\nSebagaimana dimaksud dalam Pasal 3 ayat (2) dan Pasal 2 ayat (5).\n';
    assert.deepEqual(dangling(lost), ['Dangling reference: Pasal 2 has no ayat (5).']);
    // One paragraph and no citation of its own ayat: a Pasal without ayat, still reported (as a warning).
    const plain = lost.replace('Menteri menetapkan pagu.\nPagu sebagaimana dimaksud pada ayat (1) diumumkan.', 'Menteri menetapkan pagu yang\ndiumumkan.');
    assert.notEqual(plain, lost);
    assert.deepEqual(dangling(plain), ['Dangling reference: Pasal 3 has no ayat (2).', 'Dangling reference: Pasal 2 has no ayat (5).']);
    // Labels set apart before the heading ((1)–(3), adopted) and four paragraphs: ayat (4) may be there, (5) is not.
    const column = BODY + 'BAB I\nUMUM\nPasal 1\nIsi.\n(1)\n\n(2)\n\n(3)\n\nAkhir Pasal 1.\nPasal 2\nMenteri menetapkan pagu.\nPagu diumumkan.\nPagu dievaluasi.\nHasil evaluasi dilaporkan.\nPasal 3\nSebagaimana dimaksud dalam Pasal 2 ayat (4) dan Pasal 2 ayat (5).\n';
    assert.deepEqual(dangling(column), ['Dangling reference: Pasal 2 has no ayat (5).']);
    // Paragraphs are sentences opening a line: a sentence wrapped over lines is one.
    const wrapped = column.replace('Pagu dievaluasi.\nHasil evaluasi dilaporkan.', 'Pagu dievaluasi dan\nhasil evaluasi dilaporkan.');
    assert.notEqual(wrapped, column);
    assert.deepEqual(dangling(wrapped), ['Dangling reference: Pasal 2 has no ayat (4).', 'Dangling reference: Pasal 2 has no ayat (5).']);
    // The first label found is "(3)", after two unlabelled paragraphs (the page with "(1)" and "(2)" lost them).
    const below = BODY + 'BAB I\nUMUM\nPasal 1\n(1)\n\n(2)\n\n(3)\n\nIsi satu.\nIsi dua.\nIsi tiga.\nPasal 2\n(1) Dua satu.\n(2) Dua dua.\nPasal 3\nMenteri menetapkan pagu.\nPagu diumumkan.\n(3) Pagu dievaluasi.\nPasal 4\nSebagaimana dimaksud dalam Pasal 3 ayat (2) dan Pasal 3 ayat (4).\n';
    assert.deepEqual(dangling(below), ['Dangling reference: Pasal 3 has no ayat (4).']);
    const one = below.replace('Menteri menetapkan pagu.\nPagu diumumkan.', 'Menteri menetapkan pagu yang\ndiumumkan.');
    assert.notEqual(one, below);
    assert.deepEqual(dangling(one), ['Dangling reference: Pasal 3 has no ayat (2).', 'Dangling reference: Pasal 3 has no ayat (4).']);
    // In a text whose layout is sound, the same Pasal citing its own missing ayat is a drafting defect.
    const sound = BODY + 'BAB I\nUMUM\nPasal 1\n(1) Isi satu.\n(2) Isi dua.\nPasal 2\nMenteri menetapkan pagu.\nPagu sebagaimana dimaksud pada ayat (1) diumumkan.\n';
    assert.deepEqual(dangling(sound), ['Dangling reference: Pasal 2 has no ayat (1).']);
  });
  it('examples in a Lampiran after "Contoh:" (a drafting manual) are quoted: their numbers and citations are not checked, and the law amends nothing', () => {
    const text = BODY + 'Pasal 1\n(1) Satu.\n(2) Dua.\nPasal 2\nPeraturan ini mulai berlaku.\n\nLAMPIRAN\nUNDANG-UNDANG NOMOR 12 TAHUN 2011\n'
      + '79. Pasal diberi nomor urut dengan angka Arab. Contoh:\nPasal 3\n'
      + '80. Huruf awal kata pasal yang digunakan sebagai acuan ditulis dengan huruf kapital. Contoh:\nPasal 34\nKetentuan sebagaimana dimaksud dalam Pasal 20 dan Pasal 26 berlaku.\n'
      + '81. Pasal dapat dirinci ke dalam beberapa ayat. Contoh rumusan ayat:\nPasal 8\n(1) Satu permintaan.\n(3) Permintaan sebagaimana dimaksud pada ayat (2).\n'
      + '82. Ayat diberi nomor urut dengan angka Arab.\n';
    const analysis = analyze(text);
    assert.deepEqual(analysis.diagnostics.map((d) => d.message.en), []);
    assert.equal(analysis.regulation.amendsOthers, false);
    // Without "Contoh:" the same Pasal are the Lampiran's own and checked.
    const plain = text.replace(/ Contoh(?: rumusan ayat)?:/g, '');
    assert.notEqual(plain, text);
    assert.ok(analyze(plain).diagnostics.length > 0);
  });
  it('an example after "Contoh: <the regulation it quotes>" in a Lampiran is quoted: the regulation named after the colon, the example\'s Pasal on the next line', () => {
    const text = BODY + 'Pasal 1\nIsi.\nPasal 2\nPeraturan ini mulai berlaku.\n\nLAMPIRAN\nUNDANG-UNDANG NOMOR 12 TAHUN 2011\n'
      + '199. Pendelegasian kewenangan dapat dilakukan kepada Undang-Undang yang lain. Contoh: Undang-Undang Nomor 26 Tahun 2007 tentang Penataan Ruang\nPasal 48\nKetentuan lebih lanjut diatur dengan Undang-Undang.\n'
      + '200. Pendelegasian langsung. Contoh 2: Peraturan Daerah Kabupaten Gorontalo Utara Nomor 87 Tahun 2010 tentang Pajak Reklame\nPasal 18\nIsi.\n'
      + '201. Berikutnya.\n';
    assert.deepEqual(analyze(text).diagnostics.map((d) => d.message.en), []);
    // A sentence after the colon is no source named: the Pasal that follows is the Lampiran's own.
    const sentence = text.replace('Contoh: Undang-Undang Nomor 26 Tahun 2007 tentang Penataan Ruang', 'Contoh: lihat di bawah. Undang-Undang Nomor 26 Tahun 2007');
    assert.notEqual(sentence, text);
    const quoted = (source: string): boolean[] => analyze(source).regulation.units.filter((unit) => unit.kind === 'pasal' && unit.number === '48').map((unit) => unit.quoted);
    assert.deepEqual(quoted(text), [true]);
    assert.deepEqual(quoted(sentence), [false]);
  });
  it('a citation of a Pasal whose heading the scraper repeated ("Pasal 2" twice on consecutive lines) is not ambiguous: one Pasal in two pieces; a real duplicate still is', () => {
    const text = BODY + 'Pasal 1\nIsi.\nPasal 2\nPasal 2\n(1) Isi satu.\n(2) Isi dua.\nPasal 3\nSebagaimana dimaksud dalam Pasal 2 dan Pasal 2 ayat (1).\n';
    const codes = (source: string): string[] => analyze(source).diagnostics.map((d) => d.code);
    assert.deepEqual(codes(text), ['repeated-line']);
    const duplicate = text.replace('Pasal 2\nPasal 2\n', 'Pasal 2\nIsi lain.\nPasal 2\n');
    assert.notEqual(duplicate, text);
    assert.deepEqual(codes(duplicate), ['duplicate-number', 'ambiguous-reference']);
  });
  it('"pada ayat (1)" in a Pasal whose ayat start again at (1) (a heading lost) cites its own run\'s ayat (1): the restart is reported, the citation is not ambiguous', () => {
    const text = BODY + 'Pasal 1\nIsi.\nPasal 2\n(1) Badan Usaha wajib mengalokasikan gas.\n(2) Kewajiban sebagaimana dimaksud pada ayat (1) dilaksanakan bertahap.\n' +
      '(1) Harga jual ditetapkan Menteri.\n(2) Harga jual sebagaimana dimaksud pada ayat (1) dievaluasi setiap tahun.\n(3) Hasil evaluasi sebagaimana dimaksud pada ayat (2) diumumkan.\nPasal 3\nCukup.\n';
    assert.deepEqual(codesAt(text), ['9:duplicate-number']);
    const targets = analyze(text).references.map((reference) => reference.items[0].targets.map((unit) => unit.range.start));
    const ayat = (needle: string): number => text.indexOf(needle);
    assert.deepEqual(targets, [[ayat('(1) Badan')], [ayat('(1) Harga')], [ayat('(2) Harga')]]);
    // A real duplicate inside one run stays ambiguous.
    const twice = BODY + 'Pasal 1\nIsi.\nPasal 2\n(1) Isi satu.\n(2) Isi dua.\n(2) Isi lagi.\n(3) Sebagaimana dimaksud pada ayat (2) berlaku.\nPasal 3\nCukup.\n';
    assert.ok(codesAt(twice).includes('10:ambiguous-reference'), codesAt(twice).join());
  });
  it('"Pasal 1 angka 2 huruf a" (a definition\'s angka holding a huruf list) is one citation, and "huruf b, dan huruf c" after it stay under that angka', () => {
    const text = BODY + 'Pasal 1\nDalam Undang-Undang ini yang dimaksud dengan:\n1. Anak adalah orang.\n2. Anak Nakal adalah:\na. anak yang melakukan tindak pidana; atau\nb. anak yang melakukan perbuatan terlarang.\n3. Hakim adalah hakim.\n' +
      'Pasal 2\n(1) Terhadap Anak Nakal sebagaimana dimaksud dalam Pasal 1 angka 2 huruf a, Hakim menjatuhkan pidana.\n(2) Terhadap Anak Nakal sebagaimana dimaksud dalam Pasal 1 angka 2 huruf b dan huruf c, Hakim menjatuhkan tindakan.\n';
    assert.deepEqual(findings(text), ['13:dangling-reference:Dangling reference: Pasal 1 angka 2 has no huruf c.']);
    const paths = analyze(text).references.flatMap((reference) => reference.items.map((item) => item.path.map((segment) => `${segment.kind} ${segment.value}`).join(' ')));
    assert.deepEqual(paths, ['pasal 1 angka 2 huruf a', 'pasal 1 angka 2 huruf b', 'pasal 1 angka 2 huruf c']);
  });
  it('each Lampiran (I, II, …) numbers its BAB and Pasal anew; a repeated unnumbered "LAMPIRAN …" heading goes on with the Lampiran before it', () => {
    let titles = 0;
    const lampiran = (heading: string, babs: string[]): string => `${heading}\n\n` + babs.map((bab) => `BAB ${bab}\nJUDUL ${'ABCDEFGHIJ'.charAt(titles++)}\n\n`).join('');
    const body = BODY + 'BAB I\nKETENTUAN UMUM\nPasal 1\nIsi.\nBAB II\nPENUTUP\nPasal 2\nLampiran merupakan bagian yang tidak terpisahkan.\n\n';
    const two = body + lampiran('LAMPIRAN I PERATURAN WALI KOTA CONTOH NOMOR 1 TAHUN 2021', ['I', 'II']) + lampiran('LAMPIRAN II PERATURAN WALI KOTA CONTOH NOMOR 1 TAHUN 2021', ['I', 'II']);
    const codes = (text: string): string[] => analyze(text).diagnostics.map((d) => `${d.code} ${d.message.en}`);
    assert.deepEqual(codes(two), []);
    // Within one Lampiran a repeated BAB is still a duplicate.
    const repeated = body + lampiran('LAMPIRAN I PERATURAN WALI KOTA CONTOH NOMOR 1 TAHUN 2021', ['I', 'II', 'I']) + lampiran('LAMPIRAN II PERATURAN WALI KOTA CONTOH NOMOR 1 TAHUN 2021', ['I']);
    assert.deepEqual(codes(repeated).map((c) => c.split(' ')[0]), ['duplicate-number']);
    // A page's repeated "LAMPIRAN PERATURAN …" continues Lampiran II: its BAB I is the second.
    const continued = two + lampiran('LAMPIRAN PERATURAN WALI KOTA CONTOH NOMOR 1 TAHUN 2021', ['I']);
    assert.deepEqual(codes(continued).map((c) => c.split(' ')[0]), ['duplicate-number']);
  });
  it('the Penjelasan of an article that amends another law explains the amended text: its relative citations are not checked', () => {
    const text = 'MEMUTUSKAN:\nMenetapkan : UNDANG-UNDANG TENTANG PERUBAHAN.\n\nPasal 1\nIsi.\n\nPasal 2\nBeberapa ketentuan dalam Undang-Undang Nomor 8 Tahun 1983 tentang Pajak diubah sebagai berikut:\n1. Ketentuan Pasal 2 diubah sehingga berbunyi sebagai berikut:\nPasal 2\n(1) Satu.\n(2) Dua.\n\nPasal 3\nUndang-Undang ini mulai berlaku.\n\n' +
      'PENJELASAN\nATAS\nUNDANG-UNDANG\nI. UMUM\nUmum.\nII. PASAL DEMI PASAL\nPasal 1\nAyat (2)\nSebagaimana dimaksud pada ayat (3).\nPasal 2\nAngka 1\nPasal 2\nAyat (2)\nPengecualian sebagaimana dimaksud pada ayat (1) berlaku.\nPasal 3\nCukup jelas.\n';
    const dangling = analyze(text).diagnostics.filter((d) => d.code === 'dangling-reference').map((d) => d.message.en);
    // Pasal 1 amends nothing: its Penjelasan is still checked against it.
    assert.deepEqual(dangling, ['Dangling reference: Pasal 1 has no ayat (3).']);
  });
  it('a citation in a Pasal whose last labels the next Pasal adopts means the Pasal\'s own ayat, not those', () => {
    const text = BODY + 'BAB I\nUMUM\nPasal 1\nIsi.\nPasal 2\n(1) Isi satu.\n(2) Sebagaimana dimaksud pada ayat (1) dan ayat (2).\n(1)\n\n(2)\n\nPasal 3\nIsi satu.\nIsi dua.\nPasal 4\nIsi.\n';
    const findings = analyze(text).diagnostics.map((d) => d.message.en);
    assert.deepEqual(findings, []);
  });
  it('an older law\'s "ayat (2) Pasal 16" is ayat (2) of Pasal 16; a heading on the next line or a capitalised Penjelasan heading is not joined', () => {
    const text = BODY + 'Pasal 1\n(1) Satu.\n(2) Dua.\nPasal 2\nPejabat tersebut ayat (2) Pasal 1 Undang-undang ini dan ayat (3) Pasal 1.\nPasal 3\nIsi.\n';
    assert.deepEqual(dangling(text), ['Dangling reference: Pasal 1 has no ayat (3).']);
    const wrapped = BODY + 'Pasal 1\n(1) Satu.\n(2) Sebagaimana dimaksud pada ayat (1)\nPasal 2\nIsi.\n';
    assert.deepEqual(dangling(wrapped), []);
  });
  it('labels set before a Pasal heading are numbered with its ayat: no restart in the Pasal before, no "starts at" in it', () => {
    const findings = (text: string): string[] => analyze(text).diagnostics.filter((d) => d.code !== 'dangling-reference').map((d) => d.message.en);
    const column = BODY + 'BAB I\nUMUM\nPasal 1\n(1) Isi satu.\n(2) Isi dua.\n(1)\n\n(2)\n\nPasal 2\nIsi satu.\nIsi dua.\n\n(3)\n\n(4)\n\nIsi tiga.\nIsi empat.\nPasal 3\n(1)\n\n(2)\n\n(3)\n\nIsi.\n';
    assert.deepEqual(findings(column), []);
    // A label missing from the run is still a gap, reported in the Pasal it belongs to.
    const gap = column.replace('\n(4)\n\nIsi tiga.', '\n(5)\n\nIsi tiga.');
    assert.notEqual(gap, column);
    assert.deepEqual(findings(gap), ['Numbering gap: ayat (5) follows ayat (3); ayat (4) is missing.']);
  });
  it('names the konsiderans "Menimbang" when a huruf cited in it is missing (never an empty name)', () => {
    const text = 'PERATURAN WALI KOTA CONTOH\nMenimbang : a. bahwa satu;\nb. bahwa berdasarkan pertimbangan sebagaimana dimaksud pada huruf a dan huruf c, perlu menetapkan;\nMengingat : Undang-Undang Nomor 1 Tahun 2020;\n' + BODY + 'Pasal 1\nIsi.\n';
    const dangling = analyze(text).diagnostics.filter((diagnostic) => diagnostic.code === 'dangling-reference');
    assert.equal(dangling.length, 1, JSON.stringify(dangling));
    assert.equal(dangling[0].message.en, 'Dangling reference: Menimbang has no huruf c.');
    assert.equal(dangling[0].message.id, 'Rujukan tidak menunjuk apa pun: Menimbang tidak memiliki huruf c.');
    // A konsiderans whose labels a scraper dropped (its "bahwa" items run on): nothing to check a huruf against.
    const unlabelled = text.replace('Menimbang : a. bahwa satu;\nb. bahwa', 'Menimbang : bahwa satu; bahwa');
    assert.notEqual(unlabelled, text);
    assert.deepEqual(analyze(unlabelled).diagnostics.filter((diagnostic) => diagnostic.code === 'dangling-reference'), []);
  });
  it('the Penjelasan of an amending law: its headings of the amended articles ("Angka 1 Pasal 24 Ayat (1) Cukup jelas") are not citations; a citation there still is', () => {
    const text = [
      'PERATURAN DAERAH KOTA CONTOH', 'NOMOR 2 TAHUN 2024', 'TENTANG', 'PERUBAHAN ATAS PERATURAN DAERAH NOMOR 1 TAHUN 2020',
      'MEMUTUSKAN:', 'Menetapkan : PERATURAN DAERAH TENTANG PERUBAHAN ATAS PERATURAN DAERAH NOMOR 1 TAHUN 2020.',
      'Pasal 1', 'Beberapa ketentuan dalam Peraturan Daerah Nomor 1 Tahun 2020 diubah sebagai berikut:',
      '1. Ketentuan Pasal 24 diubah sehingga berbunyi sebagai berikut:', '"Pasal 24', '(1) Retribusi dipungut oleh Perangkat Daerah.',
      '(2) Ketentuan lebih lanjut diatur dengan Peraturan Wali Kota."', '2. Pasal 30 dihapus.',
      'Pasal 2', 'Peraturan Daerah ini mulai berlaku pada tanggal diundangkan.',
      'PENJELASAN', 'ATAS', 'PERATURAN DAERAH KOTA CONTOH NOMOR 2 TAHUN 2024', 'I. UMUM', 'Cukup jelas.', 'II. PASAL DEMI PASAL',
      'Pasal 1', 'Angka 1 Pasal 24 Ayat (1) Cukup jelas. Ayat (2) Cukup jelas. Angka 2 Pasal 30 Dihapus.',
      'Pasal 2', 'Cukup jelas, sebagaimana dimaksud dalam Pasal 9 berlaku.',
    ].join('\n') + '\n';
    const analysis = analyze(text);
    assert.ok(analysis.regulation.amendsOthers, 'the fixture amends another regulation');
    const dangling = analysis.diagnostics.filter((diagnostic) => diagnostic.code === 'dangling-reference').map((diagnostic) => text.slice(diagnostic.range.start, diagnostic.range.end));
    assert.deepEqual(dangling, ['Pasal 9']);
    // A scraper joined the section marker and the first heading: "II. PASAL DEMI PASAL Pasal I Angka 1 …".
    const joined = text.replace('\nPasal 1\nBeberapa', '\nPasal I\nBeberapa').replace('\nPasal 2\nPeraturan', '\nPasal II\nPeraturan')
      .replace('II. PASAL DEMI PASAL\nPasal 1\n', 'II. PASAL DEMI PASAL Pasal I ').replace('\nPasal 2\nCukup', '\nPasal II\nCukup');
    assert.ok(joined.includes('PASAL DEMI PASAL Pasal I Angka 1 Pasal 24'));
    const joinedAnalysis = analyze(joined);
    // Its "Pasal I" heads the explanation of Pasal I; "Pasal I Angka 1" is no citation.
    assert.ok(joinedAnalysis.regulation.units.some((unit) => unit.scope === 'penjelasan' && unit.kind === 'pasal' && unit.number === 'I'));
    assert.ok(!joinedAnalysis.references.some((reference) => joined.startsWith('Pasal I Angka', reference.range.start)));
    // An amended article's heading whose number OCR damaged ("Angka Pasal I27A Cukup jelas", its Angka's number
    // lost) is the amended law's, as an undamaged one is: not reported.
    assert.ok(joinedAnalysis.regulation.amending, 'Roman articles: the fixture is an amending regulation');
    const damaged = joined.replace('Angka 2 Pasal 30 Dihapus.', 'Angka Pasal I27A Cukup jelas.');
    assert.deepEqual(analyze(damaged).diagnostics.filter((diagnostic) => diagnostic.code === 'dangling-reference').map((diagnostic) => damaged.slice(diagnostic.range.start, diagnostic.range.end)), []);
  });
  it('resolves references and reports dangling and ambiguous ones', () => {
    const text = BODY + 'Pasal 1\n(1) Satu.\n(2) Sebagaimana dimaksud pada ayat (1) dan ayat (3).\nPasal 2\nSebagaimana dimaksud dalam Pasal 1 ayat (2) dan Pasal 9.\nPasal 3\nMenurut Pasal 4 Peraturan Menteri Nomor 5 Tahun 2020.\nPasal 3\nLihat Pasal 3.\n';
    const codes = codesAt(text);
    assert.ok(codes.includes('6:dangling-reference'), codes.join());
    assert.ok(codes.includes('8:dangling-reference'), codes.join());
    assert.ok(codes.includes('12:ambiguous-reference'), codes.join());
    assert.ok(!codes.some((code) => code.startsWith('10:')), 'a reference to another regulation is not resolved here');
  });
  it('a number that thousands of Pasal carry: each ambiguous citation lists a few candidates and shares one target list (no N² memory)', () => {
    const count = 2000;
    const text = BODY + 'Pasal 1\nIsi.\n' + 'Pasal 2\n(1) Satu.\nLihat Pasal 2 ayat (1).\n'.repeat(count);
    const analysis = analyze(text);
    const ambiguous = analysis.diagnostics.filter((diagnostic) => diagnostic.code === 'ambiguous-reference');
    assert.equal(ambiguous.length, count);
    // The message gives the count; the related places are the first ten.
    assert.match(ambiguous[0].message.en, new RegExp(`: ${count} units carry this number`));
    assert.ok(ambiguous.every((diagnostic) => diagnostic.related.length === 10));
    // Past 64 units the path is not followed into each: every citation holds the same list of Pasal 2.
    const lists = new Set(analysis.references.flatMap((reference) => reference.items.map((item) => item.targets)));
    assert.equal(lists.size, 1);
    // Few units carry it: the path is followed, and the candidates are the ayat.
    const few = analyze(BODY + 'Pasal 1\nIsi.\n' + 'Pasal 2\n(1) Satu.\nLihat Pasal 2 ayat (1).\n'.repeat(3));
    const item = few.references[0].items[0];
    assert.deepEqual([item.status, item.targets.map((target) => target.kind)], ['ambiguous', ['ayat', 'ayat', 'ayat']]);
  });
  it('a range cited by every Pasal ("Pasal 1 sampai dengan Pasal N"): each reference holds a view of one shared list, not a copy', () => {
    const count = 300;
    const text = BODY + Array.from({ length: count }, (_, i) => `Pasal ${i + 1}\nSebagaimana dimaksud dalam Pasal 1 sampai dengan Pasal ${count}.\n`).join('');
    const analysis = analyze(text);
    const ranged = analysis.references.filter((reference) => reference.members.length > 0);
    assert.equal(ranged.length, count);
    assert.equal(new Set(ranged.map((reference) => reference.members[0].units)).size, 1);
    assert.deepEqual(membersOf(ranged[0]).map((unit) => unit.number), Array.from({ length: count - 2 }, (_, i) => String(i + 2)));
  });
  it('says what an OCR-damaged reference probably meant', () => {
    const text = BODY + 'Pasal 1\n(1) Satu.\n(2) Dua sebagaimana dimaksud pada ayat (21 huruf a.\nPasal 2\nSebagaimana dimaksud dalam hurrp b.\n';
    const messages = analyze(text).diagnostics.filter((diagnostic) => diagnostic.code === 'dangling-reference').map((diagnostic) => diagnostic.message.en);
    assert.ok(messages.some((message) => /probably meant ayat \(2\)/.test(message)), messages.join('\n'));
    assert.ok(messages.some((message) => /probably meant huruf b/.test(message)), messages.join('\n'));
  });
  it('a citation whose Pasal keyword OCR damaged ("dalam Pasa1 1 huruf b dan huruf c") is that Pasal\'s, reported once with its repair', () => {
    const head = BODY + 'Pasal 1\nIsi:\na. satu;\nb. dua;\nc. tiga.\nPasal 2\n';
    for (const written of ['Pasa1', 'Pasai', 'Pasa]', 'PasaI']) {
      const analysis = analyze(head + `Penetapan sebagaimana dimaksud dalam ${written} 1 huruf b\ndan huruf c dapat ditangguhkan.\n`);
      assert.deepEqual(analysis.diagnostics.map((diagnostic) => [diagnostic.message.en, diagnostic.data.replacement]), [[`Damaged reference (probably OCR): "${written} 1" — probably meant Pasal 1.`, 'Pasal 1']], written);
    }
    // Not before a word: "Samudra Pasai" is a name.
    assert.deepEqual(analyze(head + 'Kerajaan Samudra Pasai dan huruf a.\n').diagnostics.map((diagnostic) => diagnostic.message.en), ['Dangling reference: Pasal 2 has no huruf a.']);
  });
  it('"ayat (l)", "ayat (i)": the digit 1 OCR read as a letter is ayat (1), reported with its repair; its chain goes on', () => {
    const head = BODY + 'Pasal 1\n(1) Satu:\na. x;\nb. y.\n(2) Dua.\nPasal 2\n';
    for (const written of ['(l)', '(i)', '(I)']) {
      const text = head + `Sebagaimana dimaksud dalam Pasal 1 ayat ${written} huruf b.\n`;
      const analysis = analyze(text);
      assert.deepEqual(analysis.diagnostics.map((diagnostic) => [diagnostic.message.en, diagnostic.data.replacement]), [[`Damaged reference (probably OCR): "ayat ${written}" — probably meant ayat (1).`, 'ayat (1)']], written);
      assert.equal(analysis.references[0].items[0].targets[0]?.number, 'b', written);
    }
  });
  it('a caret the mblx scraper set before a word ("ayat ^(2)", "^Pasal ^1 ^dan ^Pasal ^2") is spacing in a citation', () => {
    const text = BODY + 'Pasal 1\n(1) Satu.\n(2) Dua:\na. x;\nb. y.\nPasal 2\nSebagaimana dimaksud dalam ^Pasal ^1 ayat ^(2) ^huruf ^b ^dan ^Pasal ^1 ayat ^(3).\n';
    const analysis = analyze(text);
    const items = analysis.references.flatMap((reference) => reference.items).map((item) => `${text.slice(item.range.start, item.range.end)}: ${item.status}`);
    assert.deepEqual(items, ['Pasal ^1 ayat ^(2) ^huruf ^b: resolved', 'Pasal ^1 ayat ^(3): dangling']);
    assert.deepEqual(analysis.diagnostics.map((diagnostic) => diagnostic.message.en), ['Dangling reference: Pasal 1 has no ayat (3).']);
  });
  it('a damaged Pasal number keeps an inserted Pasal\'s letter ("Pasal I27A": 127A, not 1274); an O after digits is a 0', () => {
    const probable = (cited: string, more = ''): string[] => analyze(BODY + `Pasal 1\nSebagaimana dimaksud dalam ${cited}.\n${more}`).diagnostics.map((diagnostic) => diagnostic.data.replacement ?? '');
    assert.deepEqual(probable('Pasal I27A'), ['Pasal 127A']);
    assert.deepEqual(probable('Pasal l7C'), ['Pasal 17C']);
    // A lowercase i for a 1, as OCR writes it ("Pasal 4i5"); not a word ("Pasal ini").
    assert.deepEqual(probable('Pasal 4i5'), ['Pasal 415']);
    assert.deepEqual(probable('Pasal 1 ini'), []);
    assert.deepEqual(probable('Pasal 1O'), ['Pasal 10']);
  });
  it('repairs a damaged ayat the Pasal does not have as a closing parenthesis misread, not a lost one', () => {
    // Pasal 2 has no ayat: "(21" is far more often "(2)" with its parenthesis read as "1" than ayat (21).
    const text = BODY + 'Pasal 1\nSebagaimana dimaksud dalam Pasal 2 ayat (21 dan Pasal 2 ayat (3r berlaku.\nPasal 2\nIsi.\n';
    const fixes = analyze(text).diagnostics.filter((diagnostic) => diagnostic.code === 'dangling-reference').map((diagnostic) => [diagnostic.message.en, diagnostic.data.replacement]);
    assert.deepEqual(fixes, [
      ['Damaged reference (probably OCR): "ayat (21" — probably meant ayat (2).', 'ayat (2)'],
      ['Damaged reference (probably OCR): "ayat (3r" — probably meant ayat (3).', 'ayat (3)'],
    ]);
  });
  it('a damaged unit word is repaired as the rules write it ("Pasal" capitalised); the phrase\'s own "pada" is no damaged word', () => {
    const text = BODY + 'Pasal 1\n(1) Sebagaimana dimaksud dalam pasai 2 berlaku.\n(2) Kuota sebagaimana dimaksud pada 2J.at (1) ditetapkan.\nPasal 2\nIsi.\n';
    const fixes = analyze(text).diagnostics.filter((diagnostic) => diagnostic.code === 'dangling-reference').map((diagnostic) => [diagnostic.message.en, diagnostic.data.replacement]);
    assert.deepEqual(fixes, [['Damaged reference (probably OCR): "pasai 2" — probably meant Pasal 2.', 'Pasal 2']]);
  });
  it('names the ayat a damaged reference found ("ayat (2" without its parenthesis), and says when a number cannot be read', () => {
    const text = BODY + 'Pasal 1\n(1) Satu.\n(2) Dua.\n(3) Sebagaimana dimaksud pada ayat (2 dan Pasal l7K.\n';
    const fixes = analyze(text).diagnostics.filter((diagnostic) => diagnostic.code === 'dangling-reference').map((diagnostic) => [diagnostic.message.en, diagnostic.data.replacement]);
    assert.deepEqual(fixes, [
      ['Damaged reference (probably OCR): "ayat (2" — probably meant ayat (2).', 'ayat (2)'],
      ['Damaged reference (probably OCR): "Pasal l7K"; its number cannot be read.', undefined],
    ]);
  });
  it('a chain glued after a closing parenthesis ("ayat (1)huruf d") is one citation', () => {
    const text = BODY + 'Pasal 1\n(1) Syarat:\na. satu;\nb. dua.\n(2) Isi.\nPasal 2\nMemenuhi ketentuan dalam Pasal 1 ayat (1)huruf b dan Pasal 1 ayat (1)huruf d.\n';
    const dangling = analyze(text).diagnostics.filter((diagnostic) => diagnostic.code === 'dangling-reference').map((diagnostic) => diagnostic.message.en);
    assert.deepEqual(dangling, ['Dangling reference: Pasal 1 ayat (1) has no huruf d.']);
  });
  it('a Pasal number whose letter stands apart ("Pasal 379 a", old laws citing the KUHP) does not break the list it is in', () => {
    // The list names the KUHP at its end: none of its items is this regulation's.
    const kuhp = BODY + 'Pasal 1\nTindak pidana dalam Pasal 282 ayat (3), Pasal 296, Pasal 379 a, Pasal 453 dan Pasal 506 Kitab Undang-Undang Hukum Pidana.\n';
    assert.deepEqual(dangling(kuhp), []);
    assert.deepEqual(dangling(BODY + 'Pasal 1\nMenyimpang dari pasal 11 a dari Undang-undang Pajak Pendapatan.\n'), []);
    // This regulation's own Pasal: resolved by the number written, the letter changes nothing.
    const own = BODY + 'Pasal 1\nIsi.\nPasal 2\nSebagaimana dimaksud dalam Pasal 1 a, Pasal 2, dan Pasal 9.\n';
    assert.deepEqual(dangling(own), ['Dangling reference: there is no Pasal 9 in this regulation.']);
    // A letter followed by anything else is not the number's: "Pasal 1 a." stays a citation of Pasal 1 alone.
    const labels = analyze(BODY + 'Pasal 1\nIsi.\nPasal 2\nSebagaimana dimaksud dalam Pasal 1 a. satu;\n').references;
    assert.deepEqual(labels.map((reference) => reference.range.end - reference.range.start), ['Pasal 1'.length]);
  });
  it('a list\'s last item run into the one before it ("…; serta b. …") is an item: cited, it resolves; written twice, it is a duplicate', () => {
    for (const conjunction of ['dan', 'atau', 'dan/atau', 'serta']) {
      const text = BODY + `Pasal 1\n(1) Isi.\n(2) Memuat:\na. peran dan fungsi; ${conjunction} b. rencana induk.\nPasal 2\nSebagaimana dimaksud dalam Pasal 1 ayat (2) huruf b.\n`;
      const analysis = analyze(text);
      assert.deepEqual(analysis.regulation.units.filter((unit) => unit.kind === 'huruf').map((unit) => unit.number), ['a', 'b'], conjunction);
      assert.deepEqual(analysis.diagnostics.map((diagnostic) => diagnostic.code), [], conjunction);
    }
    const twice = BODY + 'Pasal 1\nMemuat:\na. satu;\nb. dua; dan b. tiga.\n';
    assert.deepEqual(codesAt(twice), ['7:duplicate-number']);
    // Without the semicolon that ends an item, "dan b." is running text.
    const prose = analyze(BODY + 'Pasal 1\nMemuat:\na. satu dan b. dua.\n');
    assert.deepEqual(prose.regulation.units.filter((unit) => unit.kind === 'huruf').map((unit) => unit.number), ['a']);
  });
  it('a Pasal whose "(1)" OCR wrote as "(l)", "(i)", "(lt" opens its article, inline or on its own line; the label is reported and repaired', () => {
    for (const written of ['(l)', '(i)', '(I)', '(lt', '(l )', '(U']) {
      const inline = BODY + `Pasal 1\nIsi pertama. Pasal 2 ${written} Setiap Orang wajib. (2) Dua.\nPasal 3\nSebagaimana dimaksud dalam Pasal 2 ayat (1).\n`;
      const analysis = analyze(inline);
      assert.deepEqual(analysis.regulation.units.filter((unit) => unit.kind === 'pasal').map((unit) => unit.number), ['1', '2', '3'], written);
      assert.deepEqual(analysis.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.data.replacement]), [['malformed-heading', '(1)']], written);
      assert.match(analysis.diagnostics[0].message.en, /the digit 1 read as a letter/);
    }
    // After a title whose heading OCR lost, where no sentence ended.
    const afterTitle = analyze(BODY + 'Pasal 1\nIsi pertama.\nga. Pemanlhatan Pasal 2 (U Pemanfaatan air dilakukan. (2) Dua.\n');
    assert.deepEqual(afterTitle.regulation.units.filter((unit) => unit.kind === 'pasal').map((unit) => unit.number), ['1', '2']);
    const ownLine = BODY + 'Pasal 1\n(l) Setiap Orang wajib.\n(2) Dua.\nPasal 2\nSebagaimana dimaksud dalam Pasal 1 ayat (1).\n';
    assert.deepEqual(codesAt(ownLine), ['5:malformed-heading']);
    // Only where ayat (1) is due: a list "(i)" inside an ayat stays text, as does one after the Pasal's text.
    const inList = analyze(BODY + 'Pasal 1\n(1) Terdiri atas:\n(i) Satu.\nPasal 2\nIsi:\n(i) Dua.\n');
    assert.deepEqual(inList.regulation.units.filter((unit) => unit.kind === 'ayat').map((unit) => unit.number), ['1']);
    assert.deepEqual(inList.diagnostics, []);
  });
  it('an OCR-damaged Pasal keyword mid-line ("Pasai 9 Menteri …") opens the article numbered next, after a sentence', () => {
    const text = BODY + 'Pasal 1\nIsi. Pasai 2 Menteri melakukan evaluasi. Pasal 3 (1) Isi.\nPasal 4\nSebagaimana dimaksud dalam Pasal 2.\n';
    const analysis = analyze(text);
    assert.deepEqual(analysis.regulation.units.filter((unit) => unit.kind === 'pasal').map((unit) => unit.number), ['1', '2', '3', '4']);
    assert.deepEqual(analysis.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.data.replacement]), [['malformed-heading', 'Pasal 2']]);
    // Not a number other than the next one, nor a citation of another regulation.
    for (const line of ['Isi. Pasai 5 Menteri melakukan evaluasi.', 'Isi. Pasai 2 Undang-Undang Nomor 5 Tahun 2020 berlaku.']) {
      const other = analyze(BODY + `Pasal 1\n${line}\n`);
      assert.deepEqual(other.regulation.units.filter((unit) => unit.kind === 'pasal').map((unit) => unit.number), ['1'], line);
    }
  });
  it('a mid-line Pasal after unread title words or a stray OCR mark: a damaged keyword, a full stop or a mark after the number, for the number expected next', () => {
    const nine = Array.from({ length: 9 }, (_, i) => `Pasal ${i + 1}\nIsi.\n`).join('');
    const read = (line: string): string[] => analyze(BODY + nine + line).regulation.units.filter((unit) => unit.kind === 'pasal').map((unit) => unit.number!).slice(9);
    // Read as the article expected next.
    for (const line of [
      'Pasal 10 Isi. BAB II PENGENDALIAN KERUSAKAN LINGKUNGAN HIDUP Pasai 11. (1) Untuk menentukan. Pasal 12 Isi.\n',
      'Pasal 10 Isi. BAB II PENGENDALIAN HIDUP Pasal 11. (1) Untuk menentukan. Pasal 12 Isi.\n',
      'Pasal 10 Isi dilakukan. Paragraf 4 Penyimpanan Limbah Bahan Berbahaya dan Beracun Pasai 11 (1) Setiap Orang wajib. Pasal 12 Isi.\n',
      "Pasal 10 (1) Satu kepada Menteri. Pasai 11 ' Hasil evaluasi sebagaimana dimaksud. Pasal 12 Isi.\n",
      // A hyphen or a backslash in the keyword, a keyword starting with F after a title.
      'Pasal 10 Isi huruf c. Pasa\\ 11 (1) Pengumpulan limbah. Pasal 12 Isi.\n',
      'Pasal 10 Isi Limbah 83. Pasa-l 11 (1) Penghasil Limbah. Pasal 12 Isi.\n',
      'Pasal 10 Isi. Paragraf 1 Pemulihan Fungsi Lingkungan Hidup Fasal 11 Setiap Orang wajib. Pasal 12 Isi.\n',
    ]) assert.deepEqual(read(line), ['10', '11', '12'], line);
    // Not a number other than the next one, a citation, or a market ("Pasar").
    for (const line of [
      'Pasal 10 Isi. BAB II PENGENDALIAN HIDUP Pasai 13 (1) Untuk menentukan. Pasal 12 Isi.\n',
      "Pasal 10 Isi sebagaimana dimaksud dalam Pasal 11 ' Hasil menentukan. Pasal 12 Isi.\n",
      'Pasal 10 Isi. Bagian Kedua Pasar 11 Kota Lama. Pasal 12 Isi.\n',
      'Pasal 10 Isi. Pasukan 11 Kota berangkat. Pasal 12 Isi.\n',
    ]) assert.deepEqual(read(line), ['10', '12'], line);
  });
  it('a dangling citation whose number has a letter ("Pasal 4Z") reads as an existing Pasal with the letter taken for a digit, unless the body inserts Pasal', () => {
    const pasal = Array.from({ length: 45 }, (_, i) => `Pasal ${i + 1}\nIsi.\n`).join('');
    const cite = 'Pasal 46\nSebagaimana dimaksud dalam Pasal 4Z, Pasal 3C dan Pasal 9Z.\n';
    const found = analyze(BODY + pasal + cite).diagnostics.map((d) => [d.message.en, d.data.replacement]);
    assert.deepEqual(found, [
      ['Damaged reference (probably OCR): "Pasal 4Z" — probably meant Pasal 42.', 'Pasal 42'],
      ['Damaged reference (probably OCR): "Pasal 3C" — probably meant Pasal 30.', 'Pasal 30'],
      ['Dangling reference: there is no Pasal 9Z in this regulation.', undefined],
    ]);
    // A body with an inserted Pasal (5A): "Pasal 4Z" may name a missing insertion; it stays dangling.
    const inserted = analyze(BODY + pasal.replace('Pasal 6\n', 'Pasal 5A\nIsi.\nPasal 6\n') + cite).diagnostics.filter((d) => d.code === 'dangling-reference');
    assert.deepEqual(inserted.map((d) => d.data.replacement), [undefined, undefined, undefined]);
  });
  it('a mid-line Pasal with a damaged keyword a few numbers ahead (the headings between lost too) only before its "(1)" and a capitalised sentence', () => {
    const nine = Array.from({ length: 10 }, (_, i) => `Pasal ${i + 1}\nIsi.\n`).join('');
    const read = (line: string): string[] => analyze(BODY + nine + line).regulation.units.filter((unit) => unit.kind === 'pasal').map((unit) => unit.number!).slice(10);
    assert.deepEqual(read('Isi. Pasai 12 (1) Menteri menetapkan. Pasal 13 Isi.\n'), ['12', '13']);
    assert.deepEqual(read('Isi. Pasat 13 (l) Persetujuan teknis. Pasal 14 Isi.\n'), ['13', '14']);
    const gaps = analyze(BODY + nine + 'Isi. Pasai 12 (1) Menteri menetapkan. Pasal 13 Isi.\n').diagnostics.map((d) => d.message.en);
    assert.ok(gaps.includes('Numbering gap: Pasal 12 follows Pasal 10; Pasal 11 is missing.'), gaps.join('\n'));
    // Without "(1)", in a citation, or too far ahead: not a heading.
    assert.deepEqual(read('Isi. Pasai 12 Menteri menetapkan. Pasal 13 Isi.\n'), ['13']);
    assert.deepEqual(read('Isi dalam Pasai 12 (1) Menteri menetapkan. Pasal 13 Isi.\n'), ['13']);
    assert.deepEqual(read('Isi. Pasai 15 (1) Menteri menetapkan. Pasal 12 Isi.\n'), ['12']);
  });
  it('a Pasal number whose last digit OCR read as a capital ("Pasal 1O" after Pasal 9) is the number expected, reported with its repair', () => {
    const nine = Array.from({ length: 9 }, (_, i) => `Pasal ${i + 1}\nIsi.\n`).join('');
    // Mid-line before its "(1)" or its sentence, where a heading may stand.
    for (const [written, line] of [['1O', 'Pasal 1O\nIsi sepuluh.\n'], ['1O', 'Isi. Pasal 1O (1) Isi sepuluh.\n'], ['1O', 'Isi. Pasal 1O Kedaruratan meliputi sepuluh.\n']]) {
      const analysis = analyze(BODY + nine + line + 'Pasal 11\nSebagaimana dimaksud dalam Pasal 10.\n');
      assert.deepEqual(analysis.regulation.units.filter((unit) => unit.kind === 'pasal').map((unit) => unit.number).slice(8), ['9', '10', '11'], line);
      assert.deepEqual(analysis.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.data.replacement]), [['malformed-heading', 'Pasal 10']], line);
      assert.match(analysis.diagnostics[0].message.en, new RegExp(`"${written}" read as "10"`));
    }
    // A lettered Pasal where the sequence expects it stays lettered; one it does not expect is reported as before.
    assert.deepEqual(analyze(BODY + 'Pasal 1\nIsi.\nPasal 1A\nIsi.\nPasal 2\nIsi.\n').diagnostics, []);
    assert.deepEqual(codesAt(BODY + nine + 'Pasal 1B\nIsi.\n').map((found) => found.split(':')[1]), ['numbering-order']);
    // In a citation it is a citation ("dalam Pasal 1O Kedaruratan"), and before lowercase text no article opens.
    for (const line of ['Isi dalam Pasal 1O Kedaruratan meliputi sepuluh.\n', 'Isi. Pasal 1O kedaruratan meliputi sepuluh.\n']) {
      const units = analyze(BODY + nine + line + 'Pasal 11\nIsi.\n').regulation.units.filter((unit) => unit.kind === 'pasal').map((unit) => unit.number);
      assert.deepEqual(units.slice(8), ['9', '11'], line);
    }
  });
  it('a Pasal keyword OCR garbled beyond the known forms ("Petsal 2", "Pa.sal 2") opens the exact next article after a sentence', () => {
    for (const written of ['Petsal', 'Pa.sal', 'P.rsal', "I'asal", 'Paseri']) {
      const analysis = analyze(BODY + `Pasal 1\nIsi. ${written} 2 (1) Setiap Orang wajib. (2) Dua.\nPasal 3\nIsi.\n`);
      assert.deepEqual(analysis.regulation.units.filter((unit) => unit.kind === 'pasal').map((unit) => unit.number), ['1', '2', '3'], written);
      assert.deepEqual(analysis.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.data.replacement]), [['malformed-heading', 'Pasal 2']], written);
    }
    // Not a real word ("Pasar 2"), not a number other than the next, not without a sentence end before it.
    // Three edits ("Paseri") only before "(1)" and keeping "Pas".
    for (const line of ['Isi. Pasar 2 (1) Setiap Orang wajib.', 'Isi. Petsal 5 (1) Setiap Orang wajib.', 'Isi dan Petsal 2 (1) Setiap Orang wajib.', 'Isi. Paseri 2 Setiap Orang wajib.', 'Isi. Poseri 2 (1) Setiap Orang wajib.']) {
      assert.deepEqual(analyze(BODY + `Pasal 1\n${line}\n`).regulation.units.filter((unit) => unit.kind === 'pasal').map((unit) => unit.number), ['1'], line);
    }
    // After a heading's title, where no citation stands: "Bagian Kedua Dokumen … Hidup Pasar.l 2 Penanggung jawab …".
    const titled = (line: string): (string | undefined)[] => analyze(BODY + `Pasal 1\nIsi.\n${line}\nPasal 3\nIsi.\n`).regulation.units.filter((unit) => unit.kind === 'pasal').map((unit) => unit.number);
    assert.deepEqual(titled('Bagian Kedua Dokumen Lingkungan Hidup Pasar.l 2 Penanggung jawab wajib.'), ['1', '2', '3']);
    assert.deepEqual(titled('Bagian Kedua Dokumen Lingkungan Hidup Pasar.l 4 Penanggung jawab wajib.'), ['1', '3']);
  });
  it('a citation of the Penjelasan Umum\'s own sections ("Penjelasan Umum (II angka 1)") is no article\'s', () => {
    const head = BODY + 'Pasal 1\nIsi.\n\nPENJELASAN\nATAS\nUNDANG-UNDANG CONTOH\nI. UMUM\n1. Satu.\n2. Dua.\nII. PASAL DEMI PASAL\nPasal 1\n';
    for (const line of ['Sudah dijelaskan dalam Penjelasan Umum (II angka 2).', 'Lihat penjelasan umum angka 2.', 'Lihat Penjelasan Umum ((II angka 4).']) {
      assert.deepEqual(dangling(head + line + '\n'), [], line);
    }
    // The article's own list, cited after the explanation is named, is checked as before.
    assert.deepEqual(dangling(head + 'Sebagaimana dimaksud dalam Penjelasan Umum, huruf c.\n'), ['Dangling reference: Pasal 1 has no huruf c.']);
  });
  it('honours configured severities and "off"', () => {
    const text = fixture('seeds/bekasi-perwal-121-2021.txt');
    const diagnostics = analyze(text, { severity: { 'duplicate-number': 'warning', 'single-subdivision': 'off' } }).diagnostics;
    assert.equal(diagnostics.find((diagnostic) => diagnostic.code === 'duplicate-number')?.severity, 'warning');
    assert.ok(!diagnostics.some((diagnostic) => diagnostic.code === 'single-subdivision'));
  });
  it('reads an ayat label spaced inside its parentheses, "( 1)", as a damaged (1) at a line start', () => {
    // Alone on its line (pdftotext put the label apart from its text), and before its text.
    const alone = BODY + 'Pasal 1\n( 1)\n\nSasaran adalah rumah tangga.\n\n(2) Setiap rumah tangga diberikan beras.\n';
    assert.deepEqual(findings(alone), ['5:malformed-heading:Damaged ayat label (probably OCR): "( 1)" should read "(1)" — spacing inside the parentheses.']);
    assert.match(analyze(alone).diagnostics[0].message.id, /"\( 1\)" seharusnya "\(1\)" — spasi di dalam tanda kurung/);
    assert.equal(analyze(alone).diagnostics[0].data.replacement, '(1)');
    const before = BODY + 'Pasal 1\n(1) Setiap orang wajib lapor.\n(2 ) Laporan disampaikan.\n(3) Laporan diumumkan.\n';
    assert.deepEqual(findings(before).map((found) => found.split(':').slice(0, 2).join(':')), ['6:malformed-heading']);
    // Before text, only the ayat expected next: a spaced "( 7)" there is no label, and the gap is not invented.
    const unexpected = BODY + 'Pasal 1\n(1) Setiap orang wajib lapor.\n( 7) Laporan disampaikan.\n(2) Laporan diumumkan.\n';
    assert.deepEqual(findings(unexpected), []);
  });
  it('takes "Pasal N" opening a line after a label line that ended citing ("… dimaksud dalam") as the citation it continues', () => {
    const text = BODY + 'Pasal 1\nAnggota mempunyai tugas.\nPasal 2\n(1) Dalam melaksanakan tugas sebagaimana dimaksud dalam\nPasal 1 Anggota mempunyai fungsi:\na. pengumpulan; dan\nb. pengolahan.\n(2) Laporan disampaikan.\n';
    assert.deepEqual(codesAt(text), []);
    // A heading that fits after such a line is still a heading.
    const next = BODY + 'Pasal 1\nAnggota mempunyai tugas.\nPasal 2\n(1) Tugas sebagaimana dimaksud dalam\nPasal 1 dilaksanakan.\nPasal 3\nCukup.\n';
    assert.equal(analyze(next).regulation.units.filter((unit) => unit.kind === 'pasal').length, 3);
  });
  it('resolves a bare huruf in an ayat without a list of its own against the list of the ayat before it', () => {
    const text = (letters: string): string => BODY + `Pasal 1\n(1) Anggota mempunyai fungsi:\na. pengumpulan;\nb. pengolahan; dan\nc. penyimpanan.\n(2) Laporan sebagaimana dimaksud dalam ${letters} disampaikan kepada Menteri.\n`;
    assert.deepEqual(dangling(text('huruf a sampai dengan huruf c')), []);
    assert.deepEqual(dangling(text('huruf a dan huruf e')), ['Dangling reference: Pasal 1 ayat (1) has no huruf e.']);
  });
  it('numbers the lists of the Penjelasan\'s general part per subsection ("III. ALASAN …"), inline or on its own line', () => {
    const text = BODY + 'Pasal 1\nIsi.\nDitetapkan di X\nPENJELASAN\nI. UMUM Masalah besar. 1. Konvensi berlaku. 2. Sistem baik. III. ALASAN MENGESAHKAN 1. Pengawasan penting.\n2. Agar baik.\nIV. POKOK KONVENSI\n1. Negara anggota.\n2. Sistem.\nII. PASAL DEMI PASAL\nPasal 1\nCukup jelas.\n';
    assert.deepEqual(codesAt(text), []);
    // Within one subsection a restart is still reported.
    const restart = text.replace('2. Agar baik.', '2. Agar baik.\n1. Lagi.');
    assert.deepEqual(codesAt(restart).map((found) => found.split(':')[1]), ['duplicate-number']);
  });
  it('reads number labels OCR damaged at a line start as the number expected next ("14 .", "ll.", "(1O)", "(21" alone), with their repair', () => {
    const mengingat = 'PERATURAN BUPATI X\nMenimbang : a. bahwa perlu;\nMengingat : 9. Undang-Undang Nomor 1;\n10. Undang-Undang Nomor 2;\nll.Peraturan Pemerintah Nomor 3;\n12 . Peraturan Pemerintah Nomor 4;\nI 3. Peraturan Menteri Nomor 5;\n14, Peraturan Presiden Nomor 6;\n' + BODY + 'Pasal 1\nIsi.\n';
    assert.deepEqual(findings(mengingat).filter((found) => !found.startsWith('3:numbering-gap')), [
      '5:malformed-heading:Damaged angka label (probably OCR): "ll." should read "11." — the digit 1 read as a letter.',
      '6:malformed-heading:Damaged angka label (probably OCR): "12 ." should read "12." — spacing inside the number.',
      '7:malformed-heading:Damaged angka label (probably OCR): "I 3." should read "13." — the digit 1 read as a letter, spacing inside the number.',
      '8:malformed-heading:Damaged angka label (probably OCR): "14," should read "14." — the full stop read as a comma.',
    ]);
    // Only the number expected next: "17 ." after 10 is no label (no gap invented from it).
    const unexpected = mengingat.replace('12 . Peraturan', '17 . Peraturan').replace('I 3. Peraturan', 'Peraturan');
    assert.ok(!findings(unexpected).some((found) => found.includes(':6:') || found.startsWith('6:')));
    const ayat = BODY + 'Pasal 1\n' + [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `(${n}) Isi.\n`).join('') + '(1O) Penyusunan laporan.\n(11) Tiga.\n';
    assert.deepEqual(findings(ayat), ['14:malformed-heading:Damaged ayat label (probably OCR): "(1O)" should read "(10)" — the digit 0 read as the letter "O".']);
    const alone = BODY + 'Pasal 1\n(1) Satu.\n(21\n\nDesa dengan kinerja terbaik sebagaimana dimaksud pada ayat (1) dipilih.\n(3) Tiga.\n';
    assert.deepEqual(findings(alone), ['6:malformed-heading:Damaged ayat label (probably OCR): "(21" should read "(2)" — the closing parenthesis read as "1".']);
  });
  it('reads "l." opening a list after a colon as angka 1 (a list never starts at l), inside a huruf list too', () => {
    const text = BODY + 'Pasal 1\nPersyaratan meliputi:\na. Tahap I berupa:\n1. Peraturan Desa; dan\n2. Surat Kuasa;\nb. Tahap II berupa:\nl. Laporan Realisasi; dan\n2. Laporan Capaian.\n';
    assert.deepEqual(codesAt(text), ['10:malformed-heading']);
  });
  it('reads a Pasal keyword OCR garbled beyond the known forms at a line start ("Pasa-l 3") only as the exact next article', () => {
    const text = BODY + 'Pasal 1\nIsi.\nPasal 2\nIsi.\nPasa-l 3\n(1) Setiap orang wajib.\n(2) Laporan.\nPasal 4\nIsi.\n';
    assert.deepEqual(codesAt(text), ['8:malformed-heading']);
    // Not a number ahead, not before running text in lower case.
    assert.deepEqual(codesAt(text.replace('Pasa-l 3', 'Pasa-l 7')).map((found) => found.split(':')[1]), ['numbering-gap']);
    assert.deepEqual(codesAt(text.replace('Pasa-l 3\n(1) Setiap orang wajib.\n(2) Laporan.', 'Pasa-l 3 yang wajib dilaporkan.')).map((found) => found.split(':')[1]), ['numbering-gap']);
  });
  it('does not take a tax named after an article of the Income Tax Law ("Pajak Penghasilan Pasal 21", "PPh Pasal 21/26") for a citation or a heading', () => {
    const text = BODY + 'Pasal 1\nPajak Penghasilan Pasal 21 adalah pajak atas penghasilan.\nPasal 2\n(1) Surat Pemberitahuan Masa Pajak Penghasilan\nPasal 21 dan/atau Pasal 26 disampaikan.\n(2) PPh Pasal 21/26 dan PPh Final Pasal 4 ayat (2) serta Pajak Penghasilan (PPh) Pasal 22 dipotong.\n(3) Tabel:\nPPh\nPasal 21\n(Rp)\n';
    assert.deepEqual(codesAt(text), []);
    // The article itself, cited plainly, is still checked.
    assert.deepEqual(dangling(text + 'Pasal 3\nSebagaimana dimaksud dalam Pasal 21 berlaku.\n'), ['Dangling reference: there is no Pasal 21 in this regulation.']);
    // A BAB titled after the tax is still followed by its Pasal.
    const bab = BODY + 'BAB I\nUMUM\nPasal 1\nIsi.\nBAB II\nPAJAK PENGHASILAN\nPasal 2\nIsi.\nPasal 3\nIsi.\n';
    assert.deepEqual(codesAt(bab), []);
    assert.equal(analyze(bab).regulation.units.filter((unit) => unit.kind === 'pasal').length, 3);
  });
  it('reads a label after a page number the scraper left inside the line ("… BPK. - 3 - 4. Pejabat …", "…; _ 11_ b. Kawasan …")', () => {
    const dashes = BODY + 'Pasal 1\nDalam Peraturan ini yang dimaksud dengan:\n1. Badan adalah badan.\n2. Pemeriksaan adalah proses.\n3. Pemeriksa adalah orang atas nama BPK. - 3 - 4. Pejabat adalah orang yang diperiksa.\n5. Lembaga adalah DPR.\n';
    assert.deepEqual(codesAt(dashes), []);
    const underscores = BODY + 'Pasal 1\nKawasan terdiri atas:\na. Kawasan konservasi; _ 11_ b. Kawasan lindung; dan\nc. Kawasan produksi.\n';
    assert.deepEqual(codesAt(underscores), []);
    // A number in running text between dashes is no page number: "Undang-Undang 3 - 4. …" joins words.
    const words = BODY + 'Pasal 1\nKawasan terdiri atas:\na. Kawasan konservasi-3 - b. Kawasan lindung; dan\nc. Kawasan produksi.\n';
    assert.deepEqual(codesAt(words).map((found) => found.split(':')[1]), ['numbering-gap']);
  });
  it('hints "pada ayat" in the body, not in a Penjelasan naming the ayat it explains ("… dalam ayat (2) ini")', () => {
    const text = BODY + 'Pasal 1\n(1) Partai dapat dibekukan.\n(2) Pembekuan sebagaimana dimaksud dalam ayat (1) diumumkan.\nDitetapkan di X\nPENJELASAN\nII. PASAL DEMI PASAL\nPasal 1\nAyat (1) Yang dimaksud dengan membekukan dalam ayat (1) ini adalah menghentikan sementara.\nAyat (2) Cukup jelas.\n';
    assert.deepEqual(codesAt(text), ['6:reference-style']);
  });
  it('reads a huruf whose full stop was lost mid-line after "; " before a capitalised word ("…; b Ibukota propinsi …")', () => {
    const text = BODY + 'Pasal 1\nKantor berkedudukan di:\na. ibukota negara untuk Pengurus Pusat; b Ibukota propinsi untuk Pengurus Daerah;\nc. ibukota kabupaten untuk Pengurus Cabang.\n';
    assert.deepEqual(codesAt(text), ['6:malformed-heading']);
    // Not a letter that does not continue the list, nor before a section marker.
    assert.deepEqual(codesAt(text.replace('; b Ibukota', '; d Ibukota')).map((found) => found.split(':')[1]), ['numbering-gap']);
  });
  it('reads a Penjelasan "Ayat (a)" where ayat (4) is expected as the damaged label ("a" for "4"), mid-line and at a line start', () => {
    const body = BODY + 'Pasal 1\n(1) Satu.\n(2) Dua.\n(3) Tiga.\n(4) Empat.\n(5) Lima.\nDitetapkan di X\nPENJELASAN\nII. PASAL DEMI PASAL\nPasal 1\n';
    const inline = body + 'Ayat (1) Cukup jelas. Ayat (2) Cukup jelas. Ayat (3) Cukup jelas. Ayat (a) Cukup jelas Ayat (5) Cukup jelas.\n';
    assert.deepEqual(findings(inline), ['14:malformed-heading:Damaged ayat label (probably OCR): "(a)" should read "(4)" — a digit read as a letter.']);
    const ownLines = body + 'Ayat (1)\nCukup jelas.\nAyat (2)\nCukup jelas.\nAyat (3)\nCukup jelas.\nAyat (a)\nCukup jelas.\nAyat (5)\nCukup jelas.\n';
    assert.deepEqual(findings(ownLines).map((found) => found.split(':').slice(0, 2).join(':')), ['20:malformed-heading']);
    // Only for the ayat expected next, and a letter shaped like its digit: "Ayat (b)" after ayat (3) stays text.
    assert.deepEqual(findings(inline.replace('Ayat (a)', 'Ayat (b)')).map((found) => found.split(':')[1]), ['numbering-gap']);
  });
  it('reads an ayat run on to the one before it without a sentence end ("… tenaga listrik (5) Penyesuaian …"), not a count or a catchword', () => {
    const pasal = (line4: string): string => BODY + 'Pasal 1\n(1) Harga jual ditetapkan.\n(2) Persetujuan diberikan.\n(3) Harga diumumkan.\n' + line4 + '\nPasal 2\nIsi pada Pasal 1 ayat (5).\n';
    assert.deepEqual(codesAt(pasal('(4) Harga dapat disesuaikan dalam perjanjian jual beli tenaga listrik (5) Penyesuaian harga jual sebagaimana dimaksud pada ayat (4) dilakukan setelah persetujuan.')), []);
    // "lima (5) Orang" counts; "(5) Pemasaran." is a page's catchword: the citation of ayat (5) dangles.
    assert.deepEqual(codesAt(pasal('(4) Anggota berjumlah lima (5) Orang yang ditetapkan dengan keputusan sebagaimana dimaksud pada ayat (4).')).map((found) => found.split(':')[1]), ['dangling-reference']);
    assert.deepEqual(codesAt(pasal('(4) Harga dapat disesuaikan 9 (5) Pemasaran.')).map((found) => found.split(':')[1]), ['dangling-reference']);
  });
  it('takes articles cited with an acronym the text defined for a document ("Pasal 26 ICCPR") for that document\'s, not for a body\'s ("Pasal 1 OJK")', () => {
    const text = BODY + 'Pasal 1\nKovenan Internasional tentang Hak-Hak Sipil dan Politik (International Covenant on Civil and Political Rights (ICCPR)) berlaku. Pasal 16 dan Pasal 26 _ICCPR_ menjamin perlindungan. Pasal 14 ayat (3) ICCPR memberikan syarat.\n';
    assert.deepEqual(dangling(text), []);
    const body = BODY + 'Pasal 1\nOtoritas Jasa Keuangan (OJK) berwenang.\nPasal 2\nDalam melaksanakan tugas sebagaimana dimaksud dalam Pasal 9 OJK berwenang.\n';
    assert.deepEqual(dangling(body), ['Dangling reference: there is no Pasal 9 in this regulation.']);
  });
  it('takes "Undang-Undang Dasar 1945 khususnya Pasal 33 ayat (1)" for the Constitution\'s article; "dalam Pasal 1 yaitu Pasal 5" stays this regulation\'s', () => {
    const text = BODY + 'Pasal 1\nUndang-Undang Dasar 1945 khususnya Pasal 33 ayat (1) menyatakan bahwa perekonomian disusun. Undang-Undang Nomor 5 Tahun 1960, terutama Pasal 3, berlaku.\nPasal 2\nIsi sebagaimana dimaksud dalam Pasal 1 yaitu Pasal 5.\n';
    assert.deepEqual(dangling(text), ['Dangling reference: there is no Pasal 5 in this regulation.']);
  });
  it('takes the articles of a law the sentence named before ("Pasal 68 dan Pasal 69 dari undang-undang tersebut") for that law\'s; "undang-undang ini" stays this one', () => {
    const text = BODY + 'Pasal 1\nUndang-Undang Nomor 1 Tahun 2004 tentang Perbendaharaan Negara membuka koridor baru. Dengan Pasal 68 dan Pasal 69 dari undang-undang tersebut, instansi pemerintah dapat menerapkan pola ini.\n';
    assert.deepEqual(dangling(text), []);
    assert.deepEqual(dangling(text.replace('undang-undang tersebut', 'undang-undang ini')), ['Dangling reference: there is no Pasal 68 in this regulation.', 'Dangling reference: there is no Pasal 69 in this regulation.']);
  });
  it('reads a scanned page\'s running header ("PRES I DEN REPUBLIK INDONESIA -5-") as page furniture, on its own line or inside one', () => {
    const text = BODY + 'Pasal 1\nIsi.\nPasal 2\nPRES I DEN REPUBLIK INDONESIA -5-\nPasal 2\n(1) Setiap penerbit wajib menyerahkan.\n(2) Perpustakaan melakukan pengadaan terhadap: PRES I DEN REPUBLIK INDONESIA -10- a. hasil karya; dan\nb. karya lain.\nPasal 3\nIsi.\n';
    assert.deepEqual(codesAt(text), ['8:repeated-line']);
    // The signature's "PRESIDEN REPUBLIK INDONESIA," is no running header.
    assert.equal(tokensOfKind(BODY + 'Pasal 1\nIsi.\nDitetapkan di Jakarta\nPRESIDEN REPUBLIK INDONESIA,\n', 'page-number'), 0);
  });
  it('takes a heading repeated with OCR\'s letters for digits ("Pasal 10" / "Pasal 1O") for the scraper\'s repeat', () => {
    const text = BODY + 'Pasal 9\nIsi.\nPasal 10\nPasal 1O\n(1) Lembaga negara menyerahkan.\nPasal 11\nIsi.\n';
    assert.deepEqual(codesAt(text).filter((found) => !found.startsWith('4:')), ['7:malformed-heading', '7:repeated-line']);
    // A T for a 7 too ("Pasal 47" / "Pasal 4T").
    const seven = BODY + 'Pasal 6\nIsi.\nPasal 7\nPasal T\nEvaluasi dilaksanakan.\nPasal 8\nIsi.\n';
    assert.deepEqual(codesAt(seven).filter((found) => !found.startsWith('4:')), ['7:malformed-heading', '7:repeated-line']);
  });
  it('hints "pada ayat" only in regulations of UU 12/2011\'s time or of no known year (older laws wrote "dalam ayat")', () => {
    const text = (year: string): string => `UNDANG-UNDANG REPUBLIK INDONESIA\nNOMOR 14 TAHUN ${year}\nTENTANG CONTOH\n` + BODY + 'Pasal 1\n(1) Satu.\n(2) Pembekuan sebagaimana dimaksud dalam ayat (1) diumumkan.\n';
    assert.deepEqual(codesAt(text('2003')), []);
    // A scraped text without its title: the Penjelasan's header names it.
    const untitled = (year: string): string => BODY + 'Pasal 1\n(1) Satu.\n(2) Pembekuan sebagaimana dimaksud dalam ayat (1) diumumkan.\n\nPENJELASAN\nATAS\nUNDANG-UNDANG REPUBLIK INDONESIA\nNOMOR 9 TAHUN ' + year + '\nTENTANG PERIKANAN\n';
    assert.deepEqual(codesAt(untitled('1985')), []);
    assert.deepEqual(codesAt(untitled('2015')), ['6:reference-style']);
    assert.deepEqual(codesAt(text('2011')), ['9:reference-style']);
    assert.deepEqual(codesAt(BODY + 'Pasal 1\n(1) Satu.\n(2) Pembekuan sebagaimana dimaksud dalam ayat (1) diumumkan.\n'), ['6:reference-style']);
    // The year is read again when the title is edited.
    const before = analyze(text('2003'));
    const at = text('2003').indexOf('2003');
    const after = reanalyze(before, text('2013'), { start: at + 2, end: at + 3, newText: '1' });
    assert.deepEqual(after?.diagnostics.map((diagnostic) => diagnostic.code), ['reference-style']);
  });
  it('reads a Pasal number OCR damaged before the article\'s sentence ("Pasal l0 Atase …") as the number expected next, at a line start and mid-line', () => {
    const pasal = (tenth: string): string => BODY + [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `Pasal ${n}\nIsi.\n`).join('') + tenth + '\nPasal 11\nIsi.\n';
    assert.deepEqual(codesAt(pasal('Pasal l0 Atase bertugas.')), ['22:malformed-heading']);
    assert.deepEqual(codesAt(pasal('Atase ditunjuk. Pasal l0 Atase bertugas.')).map((found) => found.split(':')[1]), ['malformed-heading']);
    // Cited, or not the number expected: no heading.
    assert.deepEqual(codesAt(pasal('Lihat Pasal l0 Atase bertugas.')).map((found) => found.split(':')[1]), ['dangling-reference', 'numbering-gap']);
    assert.deepEqual(codesAt(pasal('Pasal l2 Atase bertugas.')).map((found) => found.split(':')[1]), ['dangling-reference', 'numbering-gap']);
  });
  it('reads the first article\'s "Pasal I" before its definitions as Pasal 1 (OCR), not as an amending regulation\'s Pasal I', () => {
    const text = BODY + 'Pasal I\nDalam Peraturan Pemerintah ini yang dimaksud dengan:\n1. Hak cipta adalah hak.\nPasal 2\nIsi.\nPasal 3\nIsi.\n';
    assert.deepEqual(codesAt(text), ['4:malformed-heading']);
    assert.deepEqual(analyze(text).regulation.units.filter((unit) => unit.kind === 'pasal').map((unit) => unit.number), ['1', '2', '3']);
    // An amending regulation's Pasal I stays Roman.
    const amending = BODY + 'Pasal I\nBeberapa ketentuan dalam Peraturan Pemerintah Nomor 1 Tahun 2000 diubah sebagai berikut:\n1. Ketentuan Pasal 2 diubah sehingga berbunyi sebagai berikut:\n"Pasal 2\nIsi."\nPasal II\nPeraturan Pemerintah ini mulai berlaku pada tanggal diundangkan.\n';
    assert.deepEqual(analyze(amending).regulation.units.filter((unit) => unit.kind === 'pasal' && !unit.quoted).map((unit) => unit.number), ['I', 'II']);
  });
  it('reads a huruf label whose letter OCR read as a capital ("C." between "b." and "d.") in the body, not a Penjelasan\'s "C. Tujuan"', () => {
    const body = BODY + 'Pasal 1\nMeliputi:\na. satu;\nb. dua;\nC. tiga; dan\nd. empat.\n';
    assert.deepEqual(findings(body), ['8:malformed-heading:Damaged huruf label (probably OCR): "C." should read "c." — the letter read as a capital.']);
    const penjelasan = BODY + 'Pasal 1\nIsi.\nDitetapkan di X\nPENJELASAN\nI. UMUM\na. satu;\nb. dua;\nC. Tujuan\nUraian.\n';
    assert.deepEqual(findings(penjelasan), []);
  });
  it('takes a label and a word before a spaced full stop, repeated right after ("Huruf c . Huruf c Sistem …", "2. Aparatur ." / "2. Aparatur Sipil …"), for a catchword', () => {
    const inline = BODY + 'Pasal 1\n(1) Isi.\nDitetapkan di X\nPENJELASAN\nII. PASAL DEMI PASAL\nPasal 1\nAyat (1) Huruf a Cukup jelas. Huruf b Yang dimaksud sistem. Huruf c . Huruf c Sistem penganggaran. Huruf d Cukup jelas.\n';
    assert.deepEqual(findings(inline), []);
    const nextLine = BODY + 'Pasal 1\nDalam Peraturan Pemerintah ini yang dimaksud dengan:\n1. Komisi adalah lembaga negara. 2. Aparatur .\n2. Aparatur Sipil Negara adalah profesi.\n3. Pegawai adalah orang.\n';
    assert.deepEqual(findings(nextLine), []);
    // Not repeated after it: the label stands ("… Huruf c . Sistem …").
    assert.deepEqual(findings(inline.replace('Huruf c . Huruf c Sistem', 'Huruf c . Sistem')), []);
  });
  it('takes a heading repeated across stray ayat labels ("(1) (2t") or a running header OCR garbled to marks ("*. J.T[ t,\',?Sf; -8-") for the scraper\'s repeat', () => {
    const labels = BODY + 'Pasal 1\nIsi.\nPasal 2\n(1) (2t\nPasal 2\n(1) Setiap orang.\n(2) Laporan.\n';
    assert.deepEqual(codesAt(labels), ['8:repeated-line']);
    const header = BODY + 'Pasal 1\nIsi.\nPasal 2\n*. ", J.T[ t,\',?Sf; ,., r., o -8-\nPasal 2\nCukup jelas.\n';
    assert.deepEqual(codesAt(header), ['8:repeated-line']);
    // A line of words before a page number is text: the heading after it is a second Pasal 2.
    const words = BODY + 'Pasal 1\nIsi.\nPasal 2\nlihat halaman berikut -8-\nPasal 2\nCukup jelas.\n';
    assert.deepEqual(codesAt(words).map((found) => found.split(':')[1]), ['duplicate-number']);
  });
});
