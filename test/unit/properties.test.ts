// Property tests (fast-check, seeded; the seed is printed on failure): parsing and analysis never
// throw and the tree stays lossless, whatever is done to real text.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze, TextEdit } from '../../server/src/features';
import { editsOverlap, mergeEdits, sortEdits } from '../../server/src/features/edits';
import { firstWhere, parse, tokensOf } from '../../server/src/syntax';
import { fixture, mutateLines } from './helpers';

const SEED = Number(process.env.PERWAL_PROPERTY_SEED ?? 20261125);
const kupangLines = fixture('seeds/kupang-perwal-49-2021.txt').split('\n');

function lossless(text: string): boolean {
  let position = 0;
  for (const token of tokensOf(parse(text).root)) {
    if (token.start !== position) return false;
    position = token.end;
  }
  return position === text.length;
}

const edit = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), other: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ unit: fc.constantFrom('P', 'a', 's', 'l', ' ', '(', ')', '1', '.', '\n', '\r', '\t', '\u0000', '\uD83D', '\uFEFF', 'B', 'A', 'I') , maxLength: 12 }) }),
);


describe('properties', () => {
  it('parse and analyze never throw and stay lossless on mutated regulations', () => {
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 30 }), (edits) => {
        const text = mutateLines(kupangLines, edits);
        const { references, regulation } = analyze(text);
        // Units in text order: diagnostics find a parse error's unit by bisection.
        for (let i = 1; i < regulation.units.length; i++) assert.ok(regulation.units[i].range.start >= regulation.units[i - 1].range.start, `unit ${i} starts before unit ${i - 1}`);
        // In text order and disjoint: features/incremental.ts cuts and searches them by bisection.
        for (let i = 1; i < references.length; i++) assert.ok(references[i].range.start >= references[i - 1].range.end, `references ${i - 1} and ${i} overlap`);
        return lossless(text);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });
  it('firstWhere finds what a linear scan finds', () => {
    fc.assert(fc.property(fc.array(fc.nat(50)), fc.nat(60), (values, threshold) => {
      const sorted = values.sort((a, b) => a - b);
      const linear = sorted.findIndex((value) => value >= threshold);
      assert.equal(firstWhere(sorted.length, (i) => sorted[i] >= threshold), linear < 0 ? sorted.length : linear);
    }), { seed: SEED, numRuns: 300 });
  });
  it('mergeEdits keeps what comparing each edit with every kept one keeps', () => {
    const text = 'abcdefghijklmnopqrstuvwxyz';
    const anEdit = fc.tuple(fc.nat(26), fc.nat(3), fc.constantFrom('', 'x', 'cd', 'Q')).map(([start, length, newText]): TextEdit => ({ range: { start, end: Math.min(26, start + length) }, newText }));
    fc.assert(fc.property(fc.array(anEdit, { maxLength: 25 }), fc.array(anEdit, { maxLength: 10 }), (first, second) => {
      // The definition: sorted, no-ops and repeats dropped, each edit kept unless it meets one kept before.
      const expected: TextEdit[] = [];
      for (const edit of sortEdits([...first, ...second])) {
        if (text.slice(edit.range.start, edit.range.end) === edit.newText) continue;
        const last = expected[expected.length - 1];
        if (last && last.range.start === edit.range.start && last.range.end === edit.range.end && last.newText === edit.newText) continue;
        if (expected.some((kept) => editsOverlap(kept, edit))) continue;
        expected.push(edit);
      }
      assert.deepEqual(mergeEdits(text, first, second), expected);
    }), { seed: SEED, numRuns: 500 });
  });
  it('parse never throws on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), (text) => lossless(text)), { seed: SEED, numRuns: 500 });
  });
  it('deeply nested list labels do not blow the stack', () => {
    const text = Array.from({ length: 20000 }, (_, i) => ['a.', '1.', 'a)', '1)'][i % 4] + ' x').join('\n');
    assert.ok(lossless('Pasal 1\n' + text));
  });
});
