// PositionIndex: the one offset ↔ position conversion of the server. Line breaks LF, CRLF and lone CR;
// characters counted in UTF-16 code units; everything out of range is clamped, never thrown.

import * as assert from 'node:assert/strict';
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
