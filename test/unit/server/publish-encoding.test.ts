// Push mode: an unchanged list is sent as the same array, and the stdio encoder writes what JSON.stringify
// would, reusing a list's bytes only for the very array they were made from.

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

async function decoded(encoder: ReturnType<typeof publishEncoder>, message: Message): Promise<unknown> {
  return JSON.parse(Buffer.from(await encoder.encode(message, UTF8)).toString('utf8'));
}

describe('pushed diagnostics and their encoding (push mode)', () => {
  it('settle: an equal list comes back as the array pushed before; a changed one replaces it; per document', () => {
    const pushed = new PushedDiagnostics();
    const first = [diagnostic(3, 'Pasal 14 dua kali.')];
    assert.equal(pushed.settle('a', first), first);
    assert.equal(pushed.settle('a', [diagnostic(3, 'Pasal 14 dua kali.')]), first, 'equal list: the same array');
    const moved = [diagnostic(4, 'Pasal 14 dua kali.')];
    assert.equal(pushed.settle('a', moved), moved, 'a moved diagnostic is a new list');
    assert.equal(pushed.settle('a', [diagnostic(4, 'Pasal 14 dua kali.')]), moved);
    const other = [diagnostic(4, 'Pasal 14 dua kali.')];
    assert.equal(pushed.settle('b', other), other, 'another document has its own last list');
    pushed.forget('a');
    const again = [diagnostic(4, 'Pasal 14 dua kali.')];
    assert.equal(pushed.settle('a', again), again, 'after forget nothing is reused');
    pushed.clear();
    const cleared = [diagnostic(4, 'Pasal 14 dua kali.')];
    assert.equal(pushed.settle('b', cleared), cleared, 'after clear nothing is reused');
  });

  it('writes what JSON.stringify writes, with and without a version, with non-ASCII text and an empty list', async () => {
    const encoder = publishEncoder();
    const list = [diagnostic(3, 'Pasal 14 "kedua" — dua kali\n'), diagnostic(9, 'ayat (3) tidak ada')];
    for (const message of [publish(list, 12), publish(list), publish([], 2), publish(list, 0)]) {
      assert.deepEqual(await decoded(encoder, message), JSON.parse(JSON.stringify(message)));
    }
  });

  it('reuses a list\'s bytes only for the same array: a new array with other content is encoded afresh', async () => {
    const encoder = publishEncoder();
    let stringified = 0;
    const plain = diagnostic(3, 'satu');
    // JSON.stringify calls toJSON: counts how often the list is encoded.
    const list = [{ ...plain, toJSON: () => (stringified++, plain) }];
    const first = await decoded(encoder, publish(list, 1));
    const second = await decoded(encoder, publish(list, 2));
    assert.equal(stringified, 1, 'the same array is encoded once');
    assert.deepEqual(first, JSON.parse(JSON.stringify(publish([plain], 1))));
    assert.deepEqual(second, JSON.parse(JSON.stringify(publish([plain], 2))));
    const changed = [diagnostic(3, 'dua')];
    assert.deepEqual(await decoded(encoder, publish(changed, 3)), JSON.parse(JSON.stringify(publish(changed, 3))));
  });

  it('other messages, extra fields and other charsets take the generic path', async () => {
    const encoder = publishEncoder();
    const list = [diagnostic(3, 'satu')];
    const messages: Message[] = [
      { jsonrpc: '2.0', id: 4, result: { items: list } } as Message,
      { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'ä' } } as Message,
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///x', diagnostics: list, extra: true } } as Message,
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///x', version: '7', diagnostics: list } } as Message,
    ];
    for (const message of messages) assert.deepEqual(await decoded(encoder, message), JSON.parse(JSON.stringify(message)));
    const ascii = publish([diagnostic(1, 'plain')], 5, 'file:///x');
    assert.deepEqual(Buffer.from(await encoder.encode(ascii, { charset: 'ascii' })), Buffer.from(JSON.stringify(ascii), 'ascii'));
  });
});
