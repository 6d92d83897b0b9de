// Each reference records where its context stands (model/references.ts, contextKind): the kinds are computed
// for all units at once (two passes over the unit list), so here each kind is checked on a text that has it.

import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/features/analysis';

const TEXT = [
  'PERATURAN WALI KOTA CONTOH',
  'NOMOR 1 TAHUN 2024',
  'TENTANG',
  'CONTOH',
  'Menimbang : a. bahwa perlu pengaturan;',
  'b. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan;',
  'MEMUTUSKAN:',
  'Menetapkan : PERATURAN WALI KOTA TENTANG CONTOH.',
  'BAB I',
  'KETENTUAN UMUM',
  'Pasal 1',
  '(1) Ketentuan ini berlaku.',
  '(2) Ketentuan sebagaimana dimaksud pada ayat (1) berlaku umum.',
  'Pasal 2',
  'Ketentuan Pasal 7 diubah sehingga berbunyi sebagai berikut:',
  '"Pasal 7',
  'Ketentuan sebagaimana dimaksud dalam Pasal 9 berlaku."',
  'Pasal 3',
  'Ketentuan sebagaimana dimaksud dalam Pasal 1 ayat (2) berlaku.',
  'PENJELASAN',
  'ATAS',
  'PERATURAN WALI KOTA CONTOH',
  'I. UMUM',
  'Cukup jelas.',
  'II. PASAL DEMI PASAL',
  'Pasal 1',
  'Ayat (2) Ketentuan sebagaimana dimaksud dalam Pasal 3 berlaku.',
].join('\n');

describe('context kinds of references', () => {
  const analysis = analyze(TEXT);
  const kindAt = (phrase: string, occurrence = 0): string => {
    let at = -1;
    for (let i = 0; i <= occurrence; i++) at = TEXT.indexOf(phrase, at + 1);
    assert.ok(at >= 0, `fixture has "${phrase}"`);
    const reference = analysis.references.find((r) => r.range.start <= at && at < r.range.end);
    assert.ok(reference, `a reference at "${phrase}"`);
    return reference.contextKind;
  };

  it('konsiderans, body, a Pasal holding amended text, Penjelasan', () => {
    assert.equal(kindAt('huruf a,'), 'konsiderans');
    assert.equal(kindAt('ayat (1) berlaku'), 'body');
    assert.equal(kindAt('Pasal 9'), 'unchecked');
    assert.equal(kindAt('Pasal 1 ayat (2)'), 'body');
    assert.equal(kindAt('Pasal 3 berlaku'), 'penjelasan');
  });

  it('the four kinds all occur, so the cases above are not vacuous', () => {
    assert.ok(analysis.references.length >= 5);
    const kinds = new Set(analysis.references.map((r) => r.contextKind));
    assert.deepEqual([...kinds].sort(), ['body', 'konsiderans', 'penjelasan', 'unchecked']);
  });
});
