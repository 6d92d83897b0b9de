import * as assert from 'node:assert';
import { analyze } from '../../../server/src/features/analysis';
import { workspaceSymbols, WORKSPACE_SYMBOL_LIMIT } from '../../../server/src/features/workspace-symbols';
import { seed, slice } from './check';

const DOC = analyze('BAB I\nKETENTUAN UMUM\nPasal 1\nSatu.\nPasal 14\nEmpat belas.\nBAB II\nORGANISASI\nBagian Kesatu\nSusunan\nParagraf 1\nSekretariat\nPasal 140\nSeratus.\nPasal 114\nLagi.\n');

/** "name @ container" for each result, in order. */
function check(query: string, expected: string[]): void {
  const results = workspaceSymbols([{ uri: 'file:///a.txt', analysis: DOC }], query);
  assert.deepStrictEqual(results.map((symbol) => `${symbol.name} @ ${symbol.containerName}`), expected);
}

describe('workspace symbols', () => {
  it('exact name, case-insensitive, first', () => check('pasal 14', ['Pasal 14 @ BAB I KETENTUAN UMUM', 'Pasal 140 @ BAB II ORGANISASI']));
  it('without the space', () => check('Pasal14', ['Pasal 14 @ BAB I KETENTUAN UMUM', 'Pasal 140 @ BAB II ORGANISASI']));
  it('a number alone finds every Pasal containing it', () => check('14', ['Pasal 14 @ BAB I KETENTUAN UMUM', 'Pasal 140 @ BAB II ORGANISASI', 'Pasal 114 @ BAB II ORGANISASI']));
  it('"pasal 1" puts Pasal 1 first', () => assert.strictEqual(workspaceSymbols([{ uri: 'u', analysis: DOC }], 'pasal 1')[0].name, 'Pasal 1'));
  it('BAB by number', () => check('bab ii', ['BAB II @ Batang Tubuh']));
  it('by title', () => check('ketentuan umum', ['BAB I @ Batang Tubuh']));
  it('Bagian and Paragraf sit in their BAB', () => check('bagian kesatu', ['Bagian Kesatu @ BAB II ORGANISASI']));
  it('subsequence ("psl 114")', () => check('psl 114', ['Pasal 114 @ BAB II ORGANISASI']));
  it('no match', () => check('pasal 99', []));
  it('empty query lists everything', () => assert.strictEqual(workspaceSymbols([{ uri: 'u', analysis: DOC }], '').length, 8));
  it('ranges are the headings', () => {
    const [first] = workspaceSymbols([{ uri: 'u', analysis: DOC }], 'Pasal 14');
    assert.strictEqual(slice(DOC.text, first.range), 'Pasal 14');
    assert.strictEqual(first.kind, 'pasal');
    assert.strictEqual(first.uri, 'u');
  });
  it('the Penjelasan is a container too', () => {
    const analysis = analyze('Pasal 1\nSatu.\nPENJELASAN\nATAS\nPERATURAN X\nI. UMUM\nSingkat.\nII. PASAL DEMI PASAL\nPasal 1\nCukup jelas.\n');
    const results = workspaceSymbols([{ uri: 'u', analysis }], 'pasal 1');
    assert.deepStrictEqual(results.map((symbol) => symbol.containerName), ['Batang Tubuh', 'Penjelasan']);
  });
  it('quoted Pasal of an amendment sit in their amending Pasal', () => {
    const analysis = analyze('Pasal I\nBeberapa ketentuan dalam Peraturan Wali Kota Contoh Nomor 1 Tahun 2020 diubah sebagai berikut:\n1. Ketentuan Pasal 6 diubah sehingga berbunyi sebagai berikut:\nPasal 6\n(1) Satu.\nPasal II\nBerlaku.\n');
    assert.deepStrictEqual(workspaceSymbols([{ uri: 'u', analysis }], 'pasal 6').map((symbol) => `${symbol.name} @ ${symbol.containerName}`), ['Pasal 6 @ Pasal I']);
  });
  it('every Pasal 14 of every open regulation (Bekasi has two)', () => {
    const documents = [{ uri: 'bekasi', analysis: seed('bekasi') }, { uri: 'kupang', analysis: seed('kupang') }];
    const results = workspaceSymbols(documents, 'pasal 14').filter((symbol) => symbol.name === 'Pasal 14');
    assert.deepStrictEqual(results.map((symbol) => `${symbol.uri}: ${symbol.containerName}`), [
      'bekasi: BAB II ORGANISASI DINAS',
      'bekasi: BAB III TATA KERJA',
      'kupang: BAB VII KETENTUAN PERALIHAN',
    ]);
  });
  it(`at most ${WORKSPACE_SYMBOL_LIMIT} results`, () => {
    const big = analyze(Array.from({ length: 700 }, (_, i) => `Pasal ${i + 1}\nIsi.`).join('\n'));
    assert.strictEqual(workspaceSymbols([{ uri: 'u', analysis: big }], 'pasal').length, WORKSPACE_SYMBOL_LIMIT);
  });
});
