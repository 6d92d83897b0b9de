import * as assert from 'node:assert/strict';
import { applyEdits } from '../../../server/src/features/edits';
import { prepareRename, rename } from '../../../server/src/features/rename';
import { fixture, seed, slice } from './check';

/** Renames the number at `$0` to `newNumber`; the result is the text after, or "error: <en message>". */
function renamed(source: string, newNumber: string): string {
  const { text, offset, analysis } = fixture(source);
  const result = rename(analysis, offset, newNumber);
  return 'error' in result ? `error: ${result.error.en}` : applyEdits(text, result.edits);
}

function check(source: string, newNumber: string, expected: string): void {
  assert.equal(renamed(source, newNumber), expected.replace(/\\n/g, '\n'));
}

/** prepareRename at `$0`: the placeholder and the `<|…|>` range, or the error. */
function checkPrepare(source: string, expected: string): void {
  const { text, offset, ranges, analysis } = fixture(source);
  const result = prepareRename(analysis, offset);
  if ('error' in result) {
    assert.equal(`error: ${result.error.en}`, expected);
    return;
  }
  assert.equal(result.placeholder, expected);
  assert.equal(slice(text, result.range), expected);
  if (ranges.length > 0) assert.deepEqual(result.range, ranges[0]);
}

const DOC = 'Pasal 1\\n(1) A.\\n(2) B sebagaimana dimaksud pada ayat (1).\\n\\nPasal 2\\nLihat Pasal 1 ayat (2) dan Pasal 3 huruf a.\\n\\nPasal 3\\nMeliputi:\\na. x; dan\\nb. y.\\n';

describe('rename', () => {
  describe('prepareRename', () => {
    it('on a Pasal heading number', () => checkPrepare('Pasal <|1$0|>\\nA.\\n', '1'));
    it('on the Pasal keyword of a heading', () => checkPrepare('Pa$0sal <|1|>\\nA.\\n', '1'));
    it('on an ayat label: just the number', () => checkPrepare('Pasal 1\\n(<|$02|>) A.\\n', '2'));
    it('on a huruf label', () => checkPrepare('Pasal 1\\nMeliputi:\\n$0<|a|>. x; dan\\nb. y.\\n', 'a'));
    it('on a reference', () => checkPrepare(DOC.replace('Lihat Pasal 1 ayat (2)', 'Lihat Pasal 1 ayat (<|2$0|>)'), '2'));
    it('on the Pasal of a reference chain', () => checkPrepare(DOC.replace('Lihat Pasal 1 ayat', 'Lihat Pasal <|$01|> ayat'), '1'));
    it('not in running text', () => checkPrepare('Pasal 1\\nSa$0tu.\\n', 'error: There is no Pasal, ayat, huruf or angka number here to rename.'));
    it('not on a reference to another regulation', () => checkPrepare('Pasal 1\\nLihat Pasal $04 Undang-Undang Nomor 1 Tahun 2000.\\n', 'error: This reference cites another regulation; its number cannot be renamed here.'));
    it('not on an ambiguous reference', () => checkPrepare('Pasal 1\\nLihat Pasal $02.\\n\\nPasal 2\\nA.\\n\\nPasal 2\\nB.\\n', 'error: This reference is ambiguous (several units carry this number); rename the heading instead.'));
  });

  it('renames a Pasal and every reference to it, from the heading', () => {
    check(DOC.replace('Pasal 3\\nMeliputi', 'Pasal $03\\nMeliputi'), '3A', DOC.replace('dan Pasal 3 huruf a', 'dan Pasal 3A huruf a').replace('Pasal 3\\nMeliputi', 'Pasal 3A\\nMeliputi'));
  });

  it('renames an ayat from a reference, with the other references to it', () => {
    check(DOC.replace('pada ayat (1)', 'pada ayat ($01)'), '(1a)', DOC.replace('(1) A.', '(1a) A.').replace('pada ayat (1)', 'pada ayat (1a)'));
  });

  it('renames a huruf', () => {
    check(DOC.replace('a. x; dan', '$0a. x; dan'), 'c', DOC.replace('a. x; dan', 'c. x; dan').replace('huruf a', 'huruf c'));
  });

  it('refuses a number that already exists', () => {
    assert.equal(renamed(DOC.replace('Pasal 3\\nMeliputi', 'Pasal $03\\nMeliputi'), '2'), 'error: Pasal 2 already exists.');
    const { offset, analysis } = fixture(DOC.replace('(2) B', '($02) B'));
    const result = rename(analysis, offset, '1');
    assert.ok('error' in result);
    assert.equal(result.error.id, 'ayat (1) sudah ada.');
  });

  it('refuses a number that is not valid for the kind', () => {
    assert.equal(renamed(DOC.replace('Pasal 3\\nMeliputi', 'Pasal $03\\nMeliputi'), 'tiga'), 'error: "tiga" is not a valid Pasal number (Pasal tiga).');
    assert.equal(renamed(DOC.replace('Pasal 3\\nMeliputi', 'Pasal $03\\nMeliputi'), 'IV'), 'error: "IV" is not a valid Pasal number (Pasal IV).');
    assert.equal(renamed(DOC.replace('(2) B', '($02) B'), 'b'), 'error: "b" is not a valid ayat number (ayat (b)).');
    assert.equal(renamed(DOC.replace('a. x; dan', '$0a. x; dan'), '3'), 'error: "3" is not a valid huruf number (huruf 3).');
  });

  it('accepts the number written with its unit word', () => {
    check(DOC.replace('Pasal 3\\nMeliputi', 'Pasal $03\\nMeliputi'), 'Pasal 4', DOC.replace('dan Pasal 3 huruf a', 'dan Pasal 4 huruf a').replace('Pasal 3\\nMeliputi', 'Pasal 4\\nMeliputi'));
  });

  it('Bekasi: renaming the second Pasal 14 to 15 is refused (Pasal 15 exists); the first Pasal 12 renames with its reference', () => {
    const analysis = seed('bekasi');
    const text = analysis.text;
    const second = text.indexOf('Pasal 14', text.indexOf('Pasal 14') + 1) + 'Pasal '.length;
    const refused = rename(analysis, second, '15');
    assert.deepEqual(refused, { error: { id: 'Pasal 15 sudah ada.', en: 'Pasal 15 already exists.' } });
    const twelve = text.indexOf('Pasal 12\n') + 'Pasal '.length;
    const result = rename(analysis, twelve, '12A');
    assert.ok('edits' in result);
    const after = applyEdits(text, result.edits);
    assert.match(after, /^Pasal 12A$/m);
    assert.match(after, /sebagaimana dimaksud dalam Pasal 12A, terdiri/);
  });
});
