import * as assert from 'node:assert/strict';
import { analyze } from '../../../server/src/features/analysis';
import { applyEdits } from '../../../server/src/features/edits';
import { editsForNumberChanges, renumberFrom, renumberPlan } from '../../../server/src/features/renumber';
import { Unit } from '../../../server/src/model';
import { parseFixture, seed } from './check';

const NUMBERING = new Set(['duplicate-number', 'numbering-gap', 'numbering-order']);

function lines(...rows: string[]): string {
  return rows.join('\n') + '\n';
}

/** The innermost numbered unit whose heading or label contains `offset`. */
function unitAtName(text: string, offset: number): Unit {
  const units = analyze(text).regulation.units.filter((unit) => unit.number !== undefined && unit.nameRange.start <= offset && offset <= unit.nameRange.end);
  assert.ok(units.length > 0, `no heading or label at ${offset}`);
  return units[units.length - 1];
}

/**
 * `before` marks the unit to renumber from with `$0`; the edits applied must give `after`.
 * Also checks idempotence and that the group has no numbering diagnostic left.
 */
function check(before: string, after: string): void {
  const { text, offset } = parseFixture(before);
  assert.ok(offset >= 0, 'fixture needs a $0 marker');
  const analysis = analyze(text);
  const unit = unitAtName(text, offset);
  const edits = renumberFrom(analysis, unit.id);
  for (const edit of edits) {
    assert.match(text.slice(edit.range.start, edit.range.end), /^[0-9A-Za-z]+$/, 'an edit touches only a number');
  }
  const result = applyEdits(text, edits);
  assert.equal(result, after);
  const again = analyze(result);
  const same = again.regulation.units[unit.id];
  assert.equal(same.kind, unit.kind, 'the unit structure survives renumbering');
  assert.deepEqual(renumberFrom(again, unit.id), [], 'renumbering again changes nothing');
  const left = again.diagnostics.filter((diagnostic) => NUMBERING.has(diagnostic.code) && diagnostic.range.start >= same.range.start && again.regulation.units[diagnostic.data.unitId!]?.kind === unit.kind);
  assert.deepEqual(left.map((diagnostic) => result.slice(diagnostic.range.start, diagnostic.range.end)), []);
}

describe('renumber', () => {
  it('renumbers a duplicate Pasal and the Pasal after it, with the references', () => {
    check(
      lines('Pasal 1', 'Satu.', '', 'Pasal 2', 'Lihat Pasal 3 dan Pasal 2A.', '', '$0Pasal 2', 'Dua.', '', 'Pasal 2A', 'Sisip.', '', 'Pasal 3', 'Tiga sebagaimana dimaksud dalam Pasal 1.'),
      lines('Pasal 1', 'Satu.', '', 'Pasal 2', 'Lihat Pasal 4 dan Pasal 3A.', '', 'Pasal 3', 'Dua.', '', 'Pasal 3A', 'Sisip.', '', 'Pasal 4', 'Tiga sebagaimana dimaksud dalam Pasal 1.'),
    );
  });

  it('keeps an inserted number inserted: 5A becomes 6A after 5 becomes 6', () => {
    check(
      lines('Pasal 1', 'A.', '', 'Pasal 2', 'B.', '', '$0Pasal 4', 'C.', '', 'Pasal 4A', 'D.', '', 'Pasal 4B', 'E.', '', 'Pasal 5', 'F.'),
      lines('Pasal 1', 'A.', '', 'Pasal 2', 'B.', '', 'Pasal 3', 'C.', '', 'Pasal 3A', 'D.', '', 'Pasal 3B', 'E.', '', 'Pasal 4', 'F.'),
    );
  });

  it('puts Pasal out of order back in order and swaps the references', () => {
    check(
      lines('Pasal 1', 'Lihat Pasal 3 dan Pasal 2.', '', '$0Pasal 3', 'Tiga.', '', 'Pasal 2', 'Dua.'),
      lines('Pasal 1', 'Lihat Pasal 2 dan Pasal 3.', '', 'Pasal 2', 'Tiga.', '', 'Pasal 3', 'Dua.'),
    );
  });

  it('renumbers ayat and the references to them, not the ayat before', () => {
    check(
      lines('Pasal 1', '(1) Satu.', '(2) Dua.', '$0(2) Tiga sebagaimana dimaksud pada ayat (2).', '(3) Empat sebagaimana dimaksud pada ayat (1) dan ayat (3).'),
      lines('Pasal 1', '(1) Satu.', '(2) Dua.', '(3) Tiga sebagaimana dimaksud pada ayat (2).', '(4) Empat sebagaimana dimaksud pada ayat (1) dan ayat (4).'),
    );
  });

  it('updates chains whose Pasal part changes', () => {
    check(
      lines('Pasal 1', 'Lihat Pasal 3 ayat (2) huruf a dan ayat (1).', '', '$0Pasal 3', '(1) Satu.', '(2) Dua:', 'a. x; dan', 'b. y.'),
      lines('Pasal 1', 'Lihat Pasal 2 ayat (2) huruf a dan ayat (1).', '', 'Pasal 2', '(1) Satu.', '(2) Dua:', 'a. x; dan', 'b. y.'),
    );
  });

  it('updates both ends of a range', () => {
    check(
      lines('Pasal 1', 'Lihat Pasal 3 sampai dengan Pasal 5.', '', '$0Pasal 3', 'A.', '', 'Pasal 4', 'B.', '', 'Pasal 5', 'C.'),
      lines('Pasal 1', 'Lihat Pasal 2 sampai dengan Pasal 4.', '', 'Pasal 2', 'A.', '', 'Pasal 3', 'B.', '', 'Pasal 4', 'C.'),
    );
  });

  it('renumbers huruf with their references', () => {
    check(
      lines('Pasal 1', '(1) Meliputi:', 'a. satu;', '$0c. dua; dan', 'd. tiga.', '(2) Hal sebagaimana dimaksud pada ayat (1) huruf d.'),
      lines('Pasal 1', '(1) Meliputi:', 'a. satu;', 'b. dua; dan', 'c. tiga.', '(2) Hal sebagaimana dimaksud pada ayat (1) huruf c.'),
    );
  });

  it('renumbers BAB in Roman numerals and Bagian in ordinal words', () => {
    check(
      lines('BAB I', 'UMUM', '', 'Pasal 1', 'A.', '', '$0BAB III', 'PENUTUP', '', 'Pasal 2', 'B.'),
      lines('BAB I', 'UMUM', '', 'Pasal 1', 'A.', '', 'BAB II', 'PENUTUP', '', 'Pasal 2', 'B.'),
    );
    check(
      lines('BAB I', 'UMUM', '', 'Bagian Kesatu', 'Satu', '', 'Pasal 1', 'A.', '', '$0Bagian Ketiga', 'Dua', '', 'Pasal 2', 'B.'),
      lines('BAB I', 'UMUM', '', 'Bagian Kesatu', 'Satu', '', 'Pasal 1', 'A.', '', 'Bagian Kedua', 'Dua', '', 'Pasal 2', 'B.'),
    );
  });

  it('leaves ambiguous references and references to other regulations alone', () => {
    check(
      lines('Pasal 1', 'Lihat Pasal 2 dan Pasal 3 Undang-Undang Nomor 1 Tahun 2000.', '', 'Pasal 2', 'A.', '', '$0Pasal 2', 'B.', '', 'Pasal 3', 'C.'),
      lines('Pasal 1', 'Lihat Pasal 2 dan Pasal 3 Undang-Undang Nomor 1 Tahun 2000.', '', 'Pasal 2', 'A.', '', 'Pasal 3', 'B.', '', 'Pasal 4', 'C.'),
    );
  });

  it('returns nothing for a group that is already in order', () => {
    const text = lines('Pasal 1', 'A.', '', 'Pasal 2', 'B.');
    const analysis = analyze(text);
    assert.deepEqual(renumberFrom(analysis, unitAtName(text, text.indexOf('Pasal 2')).id), []);
    assert.deepEqual(renumberFrom(analysis, 9999), []);
  });

  it('refuses a renumbering after which a unit elsewhere is no longer read (the edited text is read back)', () => {
    // Renumbering the amendment instructions 2 → 1 makes the second "2." end the quoted Pasal 5, and the inline
    // "(3)" after it no longer continues an ayat list (ARCHITECTURE.md, rules 5 and 6): it would become text.
    const text = lines(
      'Pasal 1', 'Ketentuan dalam Peraturan Daerah Nomor 1 Tahun 2020 diubah sebagai berikut:', '2. Ketentuan Pasal 5 diubah sehingga berbunyi sebagai berikut:',
      'Pasal 5', '(1) Satu.', '(2) Dua.', '2. Ketentuan Pasal 6 diubah sehingga berbunyi sebagai berikut: (3) Tiga.', '', 'Pasal 2', 'Cukup.',
    );
    const analysis = analyze(text);
    const first = unitAtName(text, text.indexOf('2. Ketentuan'));
    assert.equal(first.kind, 'angka');
    assert.ok(editsForNumberChanges(analysis, renumberPlan(analysis, first.id)).length > 0, 'a renumbering is planned');
    let reads = 0;
    const edits = renumberFrom(analysis, first.id, (edited) => {
      reads++;
      return analyze(edited);
    });
    assert.deepEqual(edits, []);
    assert.equal(reads, 1);
    assert.deepEqual(renumberFrom(analysis, first.id), [], 'the verdict is kept for the analysis');
    // Without the quote to move, the same renumbering is offered.
    const plain = text.replace(': (3) Tiga.', ':\n(3) Tiga.');
    assert.equal(applyEdits(plain, renumberFrom(analyze(plain), unitAtName(plain, plain.indexOf('2. Ketentuan')).id)), plain.replace('2. Ketentuan Pasal 5', '1. Ketentuan Pasal 5'));
  });

  it('Bekasi: renumbering from the second Pasal 14 gives Pasal 15 … 22', () => {
    const analysis = seed('bekasi');
    const text = analysis.text;
    const duplicates = analysis.regulation.units.filter((unit) => unit.kind === 'pasal' && unit.number === '14');
    assert.equal(duplicates.length, 2);
    const result = applyEdits(text, renumberFrom(analysis, duplicates[1].id));
    const after = analyze(result);
    const numbers = after.regulation.units.filter((unit) => unit.kind === 'pasal' && unit.scope === 'main').map((unit) => unit.number);
    assert.deepEqual(numbers.slice(13), ['14', '15', '16', '17', '18', '19', '20', '21', '22']);
    assert.equal(after.diagnostics.filter((diagnostic) => diagnostic.code === 'duplicate-number' && /Pasal/.test(result.slice(diagnostic.range.start, diagnostic.range.end))).length, 0);
    // The first Pasal 14 and everything before it are untouched.
    assert.equal(result.slice(0, duplicates[1].range.start), text.slice(0, duplicates[1].range.start));
    assert.deepEqual(renumberFrom(after, duplicates[1].id), []);
  });

  it('renumbers the Penjelasan heading that explains a renumbered Pasal', () => {
    const before = lines(
      'PERATURAN WALI KOTA CONTOH', 'NOMOR 2 TAHUN 2022', 'TENTANG CONTOH', '', 'MEMUTUSKAN:', 'Menetapkan: PERATURAN WALI KOTA TENTANG CONTOH.', '',
      'Pasal 1', 'Satu.', '', '$0Pasal 1', 'Dua.', '', 'Pasal 2', 'Tiga.', '',
      'PENJELASAN', 'ATAS', 'PERATURAN WALI KOTA CONTOH NOMOR 2 TAHUN 2022', '', 'I. UMUM', 'Cukup.', '', 'II. PASAL DEMI PASAL',
      'Pasal 1', 'Cukup jelas.', 'Pasal 1', 'Cukup jelas.', 'Pasal 2', 'Cukup jelas.',
    );
    const after = before.replace('$0Pasal 1\nDua.\n\nPasal 2', 'Pasal 2\nDua.\n\nPasal 3').replace('Pasal 1\nCukup jelas.\nPasal 2', 'Pasal 2\nCukup jelas.\nPasal 3');
    check(before, after);
  });
});
