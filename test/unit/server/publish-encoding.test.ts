// Push mode: a list equal to the last one pushed for its document is written with that one's bytes; the stdio
// encoder otherwise writes what JSON.stringify would.

import * as assert from 'node:assert/strict';
import type { ContentTypeEncoderOptions, Diagnostic, Message } from 'vscode-languageserver';
import { publishEncoder, PushedDiagnostics } from '../../../server/src/server/publish-encoding';

const range = (line: number, start: number, end: number): Diagnostic['range'] => ({ start: { line, character: start }, end: { line, character: end } });
const diagnostic = (line: number, message: string): Diagnostic => ({
  range: range(line, 0, 7),
  severity: 1,
  code: 'duplicate-number',
  source: 'perwal',
  message,
  relatedInformation: [{ location: { uri: 'file:///tmp/ä b.perwal', range: range(1, 0, 7) }, message: 'Pasal 14 "pertama" di sini' }],
});
const UTF8: ContentTypeEncoderOptions = { charset: 'utf-8' };
const publish = (diagnostics: Diagnostic[], version?: number, uri = 'file:///tmp/ä%20b.perwal'): Message =>
  ({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: version === undefined ? { uri, diagnostics } : { uri, version, diagnostics } }) as Message;

/** Diagnostics whose encoding is counted (JSON.stringify calls toJSON). */
function counted(items: Diagnostic[], counter: { n: number }): Diagnostic[] {
  return items.map((item) => ({ ...item, toJSON: () => (counter.n++, item) }));
}

describe('pushed diagnostics and their encoding (push mode)', () => {
  it('an equal list is written with the bytes of the last one pushed for its document; a changed one is encoded afresh', async () => {
    const pushed = new PushedDiagnostics();
    const encoder = publishEncoder(pushed);
    const counter = { n: 0 };
    const send = async (uri: string, items: Diagnostic[], version: number): Promise<unknown> => {
      const list = pushed.settle(uri, counted(items, counter));
      return JSON.parse(Buffer.from(await encoder.encode(publish(list, version, uri), UTF8)).toString('utf8'));
    };
    const first = [diagnostic(3, 'Pasal 14 dua kali.')];
    assert.deepEqual(await send('a', first, 1), JSON.parse(JSON.stringify(publish(first, 1, 'a'))));
    assert.equal(counter.n, 1);
    assert.deepEqual(await send('a', [diagnostic(3, 'Pasal 14 dua kali.')], 2), JSON.parse(JSON.stringify(publish(first, 2, 'a'))));
    assert.equal(counter.n, 1, 'an equal list is not encoded again');
    const moved = [diagnostic(4, 'Pasal 14 dua kali.')];
    assert.deepEqual(await send('a', moved, 3), JSON.parse(JSON.stringify(publish(moved, 3, 'a'))));
    assert.equal(counter.n, 2, 'a moved diagnostic is encoded');
    for (const changed of [{ ...moved[0], message: 'lain' }, { ...moved[0], severity: 2 as const }, { ...moved[0], relatedInformation: [] }, { ...moved[0], code: 'numbering-gap' }]) {
      const before: number = counter.n;
      assert.deepEqual(await send('a', [changed], 4), JSON.parse(JSON.stringify(publish([changed], 4, 'a'))));
      assert.equal(counter.n, before + 1, JSON.stringify(changed));
    }
    // Another document has its own last list; forget and clear drop it.
    await send('b', first, 1);
    const encodedBefore = counter.n;
    await send('b', first, 2);
    assert.equal(counter.n, encodedBefore);
    pushed.forget('b');
    await send('b', first, 3);
    assert.equal(counter.n, encodedBefore + 1, 'after forget the list is encoded again');
    pushed.clear();
    await send('b', first, 4);
    assert.equal(counter.n, encodedBefore + 2, 'after clear the list is encoded again');
  });

  it('a list settled before the one before it was written is encoded (no bytes yet to reuse)', async () => {
    const pushed = new PushedDiagnostics();
    const encoder = publishEncoder(pushed);
    const counter = { n: 0 };
    const one = pushed.settle('a', counted([diagnostic(1, 'satu')], counter));
    const two = pushed.settle('a', counted([diagnostic(1, 'satu')], counter));
    await encoder.encode(publish(one, 1, 'a'), UTF8);
    await encoder.encode(publish(two, 2, 'a'), UTF8);
    assert.equal(counter.n, 2);
  });

  it('writes what JSON.stringify writes, with and without a version, with non-ASCII text and an empty list', async () => {
    const pushed = new PushedDiagnostics();
    const encoder = publishEncoder(pushed);
    const list = [diagnostic(3, 'Pasal 14 "kedua" — dua kali\n'), diagnostic(9, 'ayat (3) tidak ada')];
    for (const message of [publish(list, 12), publish(list), publish([], 2), publish(list, 0)]) {
      assert.deepEqual(JSON.parse(Buffer.from(await encoder.encode(message, UTF8)).toString('utf8')), JSON.parse(JSON.stringify(message)));
    }
  });

  it('other messages, extra fields and other charsets take the generic path', async () => {
    const encoder = publishEncoder(new PushedDiagnostics());
    const list = [diagnostic(3, 'satu')];
    const messages: Message[] = [
      { jsonrpc: '2.0', id: 4, result: { items: list } } as Message,
      { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'ä' } } as Message,
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///x', diagnostics: list, extra: true } } as Message,
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///x', version: '7', diagnostics: list } } as Message,
    ];
    for (const message of messages) assert.deepEqual(JSON.parse(Buffer.from(await encoder.encode(message, UTF8)).toString('utf8')), JSON.parse(JSON.stringify(message)));
    const ascii = publish([diagnostic(1, 'plain')], 5, 'file:///x');
    assert.deepEqual(Buffer.from(await encoder.encode(ascii, { charset: 'ascii' })), Buffer.from(JSON.stringify(ascii), 'ascii'));
  });
});
