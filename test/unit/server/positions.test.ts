// PositionIndex: the one offset ↔ position conversion of the server. Line breaks LF, CRLF and lone CR;
// characters counted in UTF-16 code units; everything out of range is clamped, never thrown.

import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { compose, PendingEdit } from '../../../server/src/server/documents';
import { PositionIndex } from '../../../server/src/server/positions';

const at = (line: number, character: number) => ({ line, character });

describe('PositionIndex', () => {
  it('maps offsets to positions across LF, CRLF and lone CR', () => {
    const index = new PositionIndex('ab\ncd\r\nef\rgh');
    assert.equal(index.lineCount, 4);
    assert.deepEqual([0, 2, 3, 5, 7, 9, 10, 12].map((offset) => index.positionAt(offset)), [at(0, 0), at(0, 2), at(1, 0), at(1, 2), at(2, 0), at(2, 2), at(3, 0), at(3, 2)]);
    // Between \r and \n: still the end of line 1.
    assert.deepEqual(index.positionAt(6), at(1, 2));
  });

  it('round-trips every offset that is not inside a line break', () => {
    const text = 'Pasal 1\r\n\r\n(1) 😀 Satu.\n(2) 👍🏽 Dua.\rPasal 2';
    const index = new PositionIndex(text);
    for (let offset = 0; offset <= text.length; offset++) {
      if (text[offset - 1] === '\r' && text[offset] === '\n') continue;
      assert.equal(index.offsetAt(index.positionAt(offset)), isLowSurrogateAt(text, offset) ? offset - 1 : offset, `offset ${offset}`);
    }
  });

  it('counts UTF-16 code units: an emoji is two characters', () => {
    const index = new PositionIndex('😀x\n');
    assert.deepEqual(index.positionAt(2), at(0, 2));
    assert.equal(index.offsetAt(at(0, 2)), 2);
    assert.equal(index.offsetAt(at(0, 1)), 0, 'inside the surrogate pair → its start');
  });

  it('clamps positions past the line end, past the last line, negative or not numbers', () => {
    const index = new PositionIndex('abc\r\ndef');
    assert.equal(index.offsetAt(at(0, 99)), 3, 'before the CRLF');
    assert.equal(index.offsetAt(at(7, 0)), 8);
    assert.equal(index.offsetAt(at(-1, 5)), 0);
    assert.equal(index.offsetAt(at(1, -4)), 5);
    assert.equal(index.offsetAt({ line: Number.NaN, character: Number.NaN }), 0);
    assert.deepEqual(index.positionAt(-10), at(0, 0));
    assert.deepEqual(index.positionAt(1e9), at(1, 3));
  });

  it('handles the empty text and a text ending with a line break', () => {
    assert.deepEqual(new PositionIndex('').positionAt(0), at(0, 0));
    const index = new PositionIndex('a\n');
    assert.equal(index.lineCount, 2);
    assert.deepEqual(index.positionAt(2), at(1, 0));
    assert.deepEqual(index.range({ start: 0, end: 2 }), { start: at(0, 0), end: at(1, 0) });
    assert.deepEqual(index.offsets({ start: at(1, 0), end: at(0, 0) }), { start: 0, end: 2 }, 'reversed ranges are ordered');
  });

  it('splits a range into one segment per line, without the line breaks', () => {
    const index = new PositionIndex('ab\r\ncd\nef');
    assert.deepEqual([...index.lineSegments({ start: 1, end: 9 })], [
      { line: 0, character: 1, length: 1 }, { line: 1, character: 0, length: 2 }, { line: 2, character: 0, length: 2 },
    ]);
    assert.deepEqual([...index.lineSegments({ start: 2, end: 4 })], [], 'only a line break');
  });
});

function isLowSurrogateAt(text: string, offset: number): boolean {
  const code = text.charCodeAt(offset);
  return code >= 0xdc00 && code <= 0xdfff;
}

describe('PositionIndex after an edit, and edits composed (fast-check, seeded)', () => {
  const SEED = Number(process.env.PERWAL_PROPERTY_SEED ?? 20261125);
  const piece = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', '\r', '\r\n', 'é', '😀'), maxLength: 12 });
  const edit = fc.record({ at: fc.nat(), remove: fc.nat(6), insert: piece });

  it('the moved index equals one built from scratch, whatever the line breaks', () => {
    fc.assert(
      fc.property(piece.chain((a) => fc.tuple(fc.constant(a), piece, piece)), fc.array(edit, { minLength: 1, maxLength: 8 }), (parts, edits) => {
        let text = parts.join('x');
        let index = new PositionIndex(text);
        for (const change of edits) {
          const start = change.at % (text.length + 1);
          const end = Math.min(text.length, start + change.remove);
          text = text.slice(0, start) + change.insert + text.slice(end);
          index = PositionIndex.afterChange(index, text, start, end, change.insert.length);
          const fresh = new PositionIndex(text);
          assert.equal(index.lineCount, fresh.lineCount, JSON.stringify(text));
          for (let line = 0; line < fresh.lineCount; line++) assert.equal(index.offsetAt(at(line, 0)), fresh.offsetAt(at(line, 0)), `line ${line} of ${JSON.stringify(text)}`);
        }
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('composed edits describe exactly what changed since the version analysed', () => {
    fc.assert(
      fc.property(piece, fc.array(edit, { minLength: 1, maxLength: 8 }), (original, edits) => {
        let text = `${original}Pasal 1\n(1) Satu.\n${original}`;
        const first = text;
        let pending: PendingEdit = { since: 1, start: 0, oldEnd: 0, newEnd: 0 };
        for (const change of edits) {
          const start = change.at % (text.length + 1);
          const end = Math.min(text.length, start + change.remove);
          text = text.slice(0, start) + change.insert + text.slice(end);
          pending = compose(pending, start, end, change.insert.length);
        }
        assert.equal(first.slice(0, pending.start) + text.slice(pending.start, pending.newEnd) + first.slice(pending.oldEnd), text);
        assert.equal(text.length - first.length, pending.newEnd - pending.oldEnd);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});
