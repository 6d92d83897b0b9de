// The keystroke bench's client-side mirror keeps its text as lines (scripts/bench-lsp.ts). Its LSP changes,
// applied to a plain string, must give its text, and its offsets must name the same edit: else the server
// would be sent edits the bench does not expect, and the pulled result check would fail for the wrong reason.

import * as assert from 'node:assert/strict';
import { Mirror } from '../../scripts/bench-lsp';
import { prng } from '../../scripts/bench-stats';
import { fixture } from './helpers';

/** The offset of an LSP position in `text` (lines end at '\n'). */
function offsetOf(text: string, position: { line: number; character: number }): number {
  let start = 0;
  for (let line = 0; line < position.line; line++) start = text.indexOf('\n', start) + 1;
  return start + position.character;
}

describe('bench mirror', () => {
  for (const [name, text] of [
    ['a CRLF text with surrogate pairs', 'BAB I\r\nPasal 1\r\nteks 😀 di sini\r\n\r\n(1) ayat\r\nakhir'],
    ['a seed regulation', fixture('seeds/kupang-perwal-49-2021.txt')],
  ] as const) {
    it(`its changes, applied to a string, give its text (${name})`, () => {
      const mirror = new Mirror(text, prng(3));
      let plain = text;
      for (let i = 0; i < 400; i++) {
        const change = mirror.edit();
        const start = offsetOf(plain, change.range.start);
        const end = offsetOf(plain, change.range.end);
        assert.deepEqual(mirror.lastChange, { start, end, newText: change.text }, `edit ${i}: offsets`);
        assert.ok(!/[\r\n]/.test(plain.slice(start, end)), `edit ${i} deletes no line break`);
        plain = plain.slice(0, start) + change.text + plain.slice(end);
      }
      assert.equal(mirror.text, plain);
      assert.ok(!/\r(?!\n)/.test(plain), 'no CRLF split');
      assert.ok(!/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(plain), 'no surrogate pair split');
    });
  }
});
