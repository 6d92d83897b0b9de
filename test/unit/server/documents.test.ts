// The document store keeps facts about each version up to date through edits instead of reading the
// whole text again: they must never claim what a fresh read would deny.

import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { DocumentStore } from '../../../server/src/server/documents';
import { PositionIndex } from '../../../server/src/server/positions';

const MARKER = 'perwal-disable';

describe('DocumentStore', () => {
  it('notices a suppression marker that edits write, join or split (never claims a text is free of one)', () => {
    // Pieces of the marker, so that random edits assemble and break it.
    const piece = fc.constantFrom('perwal', '-', 'disable', 'perwal-dis', 'able', ' ', '\n', 'x', '%% ');
    const edit = fc.record({ at: fc.nat(), remove: fc.nat(20), insert: fc.array(piece, { maxLength: 3 }).map((parts) => parts.join('')) });
    fc.assert(fc.property(fc.array(piece, { maxLength: 30 }), fc.array(edit, { minLength: 1, maxLength: 12 }), (parts, edits) => {
      const store = new DocumentStore();
      const uri = 'file:///s.perwal';
      let text = parts.join('');
      store.open({ textDocument: { uri, languageId: 'perwal', version: 1, text } });
      let version = 1;
      for (const { at, remove, insert } of edits) {
        const start = at % (text.length + 1);
        const end = Math.min(text.length, start + remove);
        const index = new PositionIndex(text);
        version++;
        const outcome = store.change({ textDocument: { uri, version }, contentChanges: [{ range: { start: index.positionAt(start), end: index.positionAt(end) }, text: insert }] });
        assert.ok('document' in outcome);
        text = text.slice(0, start) + insert + text.slice(end);
        assert.equal(outcome.document.text, text);
        if (text.includes(MARKER)) assert.equal(outcome.document.maySuppress, true, `missed the marker in ${JSON.stringify(text)}`);
      }
    }), { numRuns: 500 });
  });

  it('knows the version didOpen gave from versions made by changes, incremental or whole', () => {
    // The server settles a large law's analysis only after opening it (server/heap.ts), not after every
    // change of a client that sends the whole text each time.
    const store = new DocumentStore();
    const uri = 'file:///o.perwal';
    assert.equal(store.open({ textDocument: { uri, languageId: 'perwal', version: 1, text: 'Pasal 1\nTeks.' } }).opened, true);
    const typed = store.change({ textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'x' }] });
    assert.ok('document' in typed && !typed.document.opened);
    const replaced = store.change({ textDocument: { uri, version: 3 }, contentChanges: [{ text: 'Pasal 1\nLain.' }] });
    assert.ok('document' in replaced && !replaced.document.opened && replaced.document.pending === undefined);
  });

  it('a text without the marker is known free of it, and stays so through edits elsewhere', () => {
    const store = new DocumentStore();
    const uri = 'file:///t.perwal';
    store.open({ textDocument: { uri, languageId: 'perwal', version: 1, text: 'Pasal 1\nIsi.\n' } });
    assert.equal(store.get(uri)!.maySuppress, false);
    const outcome = store.change({ textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'x' }] });
    assert.ok('document' in outcome);
    assert.equal(outcome.document.maySuppress, false);
  });
});
