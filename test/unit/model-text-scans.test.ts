// The model and outline read the text with character scans where they used regular expressions on slices
// (issue 5, performance). Each scan must answer exactly what the expression did: checked here against the
// expression itself, on every code unit, on random text (fast-check, seeded) and on the whole corpus.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze } from '../../server/src/features';
import { outline, OutlineNode } from '../../server/src/features/outline';
import { ownText, textStart, Unit } from '../../server/src/model';
import { isJsWhitespace } from '../../server/src/syntax';
import { corpusFiles, fixture } from './helpers';

const SEED = Number(process.env.PERWAL_PROPERTY_SEED ?? 20261125);

// The expressions the scans replaced.
const ownTextByRegex = (text: string, unit: Unit, limit: number): string => {
  const end = unit.children.length > 0 ? unit.children[0].range.start : unit.range.end;
  const start = textStart(unit);
  return text.slice(start, Math.min(end, start + limit)).replace(/\s+/g, ' ').trim();
};
const firstWordsByRegex = (text: string): string => {
  const words = text.split(' ').slice(0, 8).join(' ');
  return words.length < text.length ? `${words} …` : words;
};
const prepositionByRegex = (text: string, start: number): string | undefined =>
  /\b(dalam|pada)[ \t\r\n]+$/.exec(text.slice(Math.max(0, start - 12), start))?.[1];

function checkText(text: string): void {
  const analysis = analyze(text);
  const { regulation } = analysis;
  for (const unit of regulation.units) {
    assert.equal(ownText(regulation, unit, 120), ownTextByRegex(text, unit, 120), `ownText of unit ${unit.id}`);
    assert.equal(ownText(regulation, unit), ownTextByRegex(text, unit, 400), `ownText(400) of unit ${unit.id}`);
  }
  // The outline lists every unit, in document order (depth 'all').
  const details: string[] = [];
  const walk = (nodes: OutlineNode[]): void => {
    for (const node of nodes) {
      details.push(node.detail);
      walk(node.children);
    }
  };
  walk(outline(regulation));
  assert.equal(details.length, regulation.units.length);
  regulation.units.forEach((unit, i) => {
    const expected = unit.title ?? (unit.number !== undefined ? firstWordsByRegex(ownTextByRegex(text, unit, 120)) : '');
    assert.equal(details[i], expected, `outline detail of unit ${unit.id}`);
  });
  for (const reference of analysis.references) {
    // Damaged unit words ("sebagaimana dimaksud dalam ayal (2)") carry no preposition.
    if (reference.damagedWord) continue;
    assert.equal(reference.preposition, prepositionByRegex(text, reference.range.start), `preposition before ${reference.range.start}`);
    if (reference.prepositionRange) assert.equal(text.slice(reference.prepositionRange.start, reference.prepositionRange.end), reference.preposition);
  }
}

describe('model text scans = the regular expressions they replaced', function () {
  this.timeout(300_000);

  it('isJsWhitespace is /\\s/ (and what trim() removes) on every UTF-16 code unit', () => {
    for (let code = 0; code < 0x10000; code++) {
      const char = String.fromCharCode(code);
      assert.equal(isJsWhitespace(code), /\s/.test(char), `U+${code.toString(16)}`);
      assert.equal(isJsWhitespace(code), `a${char}`.trim() === 'a', `trim U+${code.toString(16)}`);
    }
  });

  it('on every corpus text: own text, outline details, prepositions', () => {
    for (const name of corpusFiles()) checkText(fixture(name));
  });

  it('on random texts built from regulation pieces and odd spacing', () => {
    const piece = fc.constantFrom(
      'Pasal 1\n', 'Pasal 2\n', 'Pasal 3\n', '(1) ', '(2) ', 'a. ', 'b. ', '1. ', 'BAB I\n', 'KETENTUAN UMUM\n',
      'sebagaimana dimaksud dalam ', 'sebagaimana dimaksud pada ', 'kedalam ', 'pada\t', 'dalam\r\n', 'Pasal 2', 'ayat (1)', 'huruf a',
      ' dan ', ' sampai dengan ', ', ', '.', ':', ';', '\n', '  ', '\u00a0', '\u2003', '\ufeff', '\u2028', 'kata ', 'Tahun 2020 ', '(2019) ',
      'Undang-Undang Nomor 5 Tahun 1960 ', 'ini ', 'x'.repeat(30), ' ',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 80 }), (pieces) => {
        checkText(pieces.join(''));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('prepositions at every distance from the 12-character window', () => {
    const case_ = fc.record({
      lead: fc.constantFrom('', 'a', '-', ' ', '_', '1', 'ke', 'x\n'),
      word: fc.constantFrom('dalam', 'pada', 'Dalam', 'padal', 'alam', 'ada'),
      spacing: fc.array(fc.constantFrom(' ', '\t', '\r', '\n', '\u00a0'), { maxLength: 10 }),
      unit: fc.constantFrom('Pasal 1', 'ayat (1)', 'huruf a', 'angka 2'),
    });
    fc.assert(
      fc.property(case_, ({ lead, word, spacing, unit }) => {
        checkText(`Pasal 1\n(1) Teks ${lead}${word}${spacing.join('')}${unit} lagi.\n`);
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('connectors within the 40 characters after a chain, whatever the spacing', () => {
    // The old check: the connector expression on the 40 characters after the chain.
    const connector = /^(?:[ \t\r\n]*,)?[ \t\r\n]*(sampai[ \t\r\n]+dengan|s\.[ \t]?d\.?|s\/d|hingga|kecuali|dan\/atau|dan|atau|serta|jo\.?|juncto|,)[ \t\r\n]+(?=(?:Pasal|pasal|ayat|huruf|angka)[ \t\r\n])/;
    const space = fc.array(fc.constantFrom(' ', '\t', '\n', '\r'), { maxLength: 30, size: 'max' }).map((chars) => chars.join(''));
    const case_ = fc.record({
      before: space,
      comma: fc.boolean(),
      word: fc.constantFrom('dan', 'atau', 'dan/atau', 'sampai dengan', 's.d.', 's/d', 'hingga', 'kecuali', 'serta', 'jo.', 'juncto', ','),
      after: space.map((text) => (text.length === 0 ? ' ' : text)),
      next: fc.constantFrom('Pasal 2', 'ayat (2)', 'huruf b', 'angka 3', 'pasal 3'),
    });
    fc.assert(
      fc.property(case_, ({ before, comma, word, after, next }) => {
        // "Pasal 1dan" is no reference: a letter right after the number needs a space between.
        const lead = before === '' && !comma && word !== ',' ? ' ' : before;
        const text = `Pasal 1\n(1) Teks.\n(2) Lihat Pasal 1${lead}${comma ? ',' : ''}${word}${after}${next} lagi.\nPasal 2\nTeks.\nPasal 3\nTeks.\n`;
        const chainEnd = text.indexOf('Lihat Pasal 1') + 'Lihat Pasal 1'.length;
        const reference = analyze(text).references.find((candidate) => candidate.range.start === chainEnd - 'Pasal 1'.length);
        assert.ok(reference, 'the reference is found');
        const joined = connector.exec(text.slice(chainEnd, chainEnd + 40));
        assert.equal(reference.items.length, joined ? 2 : 1, JSON.stringify({ before, word, after, next }));
        if (joined) assert.equal(reference.items[1].range.start, chainEnd + joined[0].length);
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });
});
