import * as assert from 'node:assert';
import { semanticTokens, SemanticKind } from '../../../server/src/features/semantic-tokens';
import { fixture, seed } from './check';

const SHORT: Record<SemanticKind, string> = { heading: 'H', label: 'L', reference: 'R', danglingReference: 'D', externalReference: 'X' };

/** Renders the tokens as "[H:Pasal 1][L:(1)]…" over the text, e.g. "[H:Pasal 1]\n[L:(1)] Satu [R:Pasal 2]." */
function render(source: string): string {
  const { text, analysis } = fixture(source);
  let out = '';
  let last = 0;
  for (const token of semanticTokens(analysis)) {
    out += text.slice(last, token.start) + `[${SHORT[token.kind]}:${text.slice(token.start, token.end)}]`;
    last = token.end;
  }
  return out + text.slice(last);
}

function check(source: string, expected: string): void {
  assert.strictEqual(render(source), expected.replace(/\\n/g, '\n'));
}

describe('semantic tokens', () => {
  it('Pasal heading, ayat labels and a resolved reference', () => check('Pasal 1\\n(1) Satu.\\n(2) Pada ayat (1).', '[H:Pasal 1]\\n[L:(1)] Satu.\\n[L:(2)] Pada [R:ayat (1)].'));
  it('BAB number and title', () => check('BAB I\\nKETENTUAN UMUM\\nPasal 1\\nSatu.', '[H:BAB I]\\n[H:KETENTUAN UMUM]\\n[H:Pasal 1]\\nSatu.'));
  it('Bagian and Paragraf', () => check('BAB I\\nUMUM\\nBagian Kesatu\\nSusunan\\nParagraf 1\\nDinas\\nPasal 1\\nSatu.', '[H:BAB I]\\n[H:UMUM]\\n[H:Bagian Kesatu]\\n[H:Susunan]\\n[H:Paragraf 1]\\n[H:Dinas]\\n[H:Pasal 1]\\nSatu.'));
  it('huruf labels', () => check('Pasal 1\\nTugas:\\na. satu;\\nb. dua.', '[H:Pasal 1]\\nTugas:\\n[L:a.] satu;\\n[L:b.] dua.'));
  it('dangling reference', () => check('Pasal 1\\nDalam Pasal 9.', '[H:Pasal 1]\\nDalam [D:Pasal 9].'));
  it('external reference', () => check('Pasal 1\\nSesuai Pasal 18 Undang-Undang Nomor 23 Tahun 2014.', '[H:Pasal 1]\\nSesuai [X:Pasal 18] Undang-Undang Nomor 23 Tahun 2014.'));
  it('ambiguous reference is a reference', () => check('BAB I\\nA\\nPasal 1\\nSatu.\\nBAB II\\nB\\nPasal 1\\nDua.\\nPasal 2\\nDalam Pasal 1.', '[H:BAB I]\\n[H:A]\\n[H:Pasal 1]\\nSatu.\\n[H:BAB II]\\n[H:B]\\n[H:Pasal 1]\\nDua.\\n[H:Pasal 2]\\nDalam [R:Pasal 1].'));
  it('each list item is its own token', () => check('Pasal 1\\n(1) A.\\n(2) B.\\n(3) C pada ayat (1), ayat (2), dan ayat (4).', '[H:Pasal 1]\\n[L:(1)] A.\\n[L:(2)] B.\\n[L:(3)] C pada [R:ayat (1)], [R:ayat (2)], dan [D:ayat (4)].'));
  it('a chain is one token', () => check('Pasal 1\\n(1) A.\\nPasal 2\\nDalam Pasal 1 ayat (1).', '[H:Pasal 1]\\n[L:(1)] A.\\n[H:Pasal 2]\\nDalam [R:Pasal 1 ayat (1)].'));
  it('a reference wrapped over two lines is split', () => check('Pasal 1\\n(1) A.\\nPasal 2\\nDalam Pasal\\n1 ayat (1) dan seterusnya.', '[H:Pasal 1]\\n[L:(1)] A.\\n[H:Pasal 2]\\nDalam [R:Pasal]\\n[R:1 ayat (1)] dan seterusnya.'));
  it('a reference wins over a label it swallows', () => check('Pasal 1\\n(1) A.\\nPasal 2\\nDalam Pasal 1 ayat\\n(1) dan seterusnya.', '[H:Pasal 1]\\n[L:(1)] A.\\n[H:Pasal 2]\\nDalam [R:Pasal 1 ayat]\\n[R:(1)] dan seterusnya.'));
  it('konsiderans keyword and letters', () => check('Menimbang : a. bahwa x;\\nb. bahwa berdasarkan huruf a;\\nMEMUTUSKAN:', '[H:Menimbang] : [L:a.] bahwa x;\\n[L:b.] bahwa berdasarkan [R:huruf a];\\n[H:MEMUTUSKAN]:'));
  it('decorations are not part of a heading', () => check('**Pasal 1**\\n- (1) Satu.', '**[H:Pasal 1]**\\n- [L:(1)] Satu.'));

  describe('invariants on the seeds', () => {
    for (const name of ['bekasi', 'kupang'] as const) {
      it(`${name}: sorted, non-overlapping, non-empty, single-line, trimmed`, () => {
        const analysis = seed(name);
        const tokens = semanticTokens(analysis);
        assert.ok(tokens.length > 100);
        let end = 0;
        for (const token of tokens) {
          const value = analysis.text.slice(token.start, token.end);
          assert.ok(token.start >= end, `overlap at ${token.start}`);
          assert.ok(token.end > token.start, `empty at ${token.start}`);
          assert.ok(!/[\r\n]/.test(value), `line break in ${JSON.stringify(value)}`);
          assert.strictEqual(value, value.trim());
          end = token.end;
        }
      });
      it(`${name}: every reference item is covered`, () => {
        const analysis = seed(name);
        const tokens = semanticTokens(analysis);
        for (const reference of analysis.references) {
          for (const item of reference.items) assert.ok(tokens.some((token) => token.start === item.range.start), analysis.text.slice(item.range.start, item.range.end));
        }
      });
    }
    it('kupang: the damaged heading "Pasal B" is a heading, Menimbang "Pasal 4" is external', () => {
      const analysis = seed('kupang');
      const tokens = semanticTokens(analysis);
      const text = (kind: SemanticKind): string[] => tokens.filter((token) => token.kind === kind).map((token) => analysis.text.slice(token.start, token.end));
      assert.ok(text('heading').includes('Pasal B'));
      assert.ok(text('externalReference').includes('Pasal 4'));
    });
  });
});
