// The splicer makes each version's text through a reused buffer for large texts: it must give exactly
// the string that plain concatenation gives, whatever the characters (Latin-1, beyond it, lone surrogates).

import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentStore } from '../../../server/src/server/documents';
import { EXTERNAL_MIN_LENGTH, growHeapForVersions, growthBytes, Splicer } from '../../../server/src/server/splice';

const naive = (text: string, start: number, end: number, inserted: string): string => text.slice(0, start) + inserted + text.slice(end);

// Latin-1, beyond it (€, Devanagari), astral (an emoji) and lone surrogate halves.
const character = fc.constantFrom('a', 'P', ' ', '\n', '\r', 'é', '\u00ff', '€', 'क', '😀', '\ud83d', '\ude00');
const text = (maxLength: number) => fc.array(character, { maxLength }).map((parts) => parts.join(''));

describe('Splicer', () => {
  it('gives what concatenation gives, on any text and edit (buffer path forced with small texts)', () => {
    const splicer = new Splicer(0);
    fc.assert(fc.property(text(200), text(8), fc.nat(), fc.nat(), fc.boolean(), (before, inserted, a, b, claimOneByte) => {
      const start = Math.min(a, b) % (before.length + 1);
      const end = start + (Math.max(a, b) - Math.min(a, b)) % (before.length - start + 1);
      const oneByte = claimOneByte && !/[^\u0000-\u00ff]/.test(before + inserted);
      assert.equal(splicer.splice(before, start, end, inserted, oneByte), naive(before, start, end, inserted));
    }), { numRuns: 2000 });
  });

  it('a chain of edits on a text over the threshold equals the chain done by concatenation', () => {
    const splicer = new Splicer();
    let spliced = 'Pasal 1\n(1) Ayat satu.\n'.repeat(Math.ceil(EXTERNAL_MIN_LENGTH / 23));
    let plain = spliced;
    const edits: [number, number, string, boolean][] = [
      [10, 10, 'x', true], [500_000, 500_003, '', true], [7, 7, '€', true], [900_000, 900_000, 'é', false], [3, 4, '😀', false], [spliced.length - 5, spliced.length - 5, '\ud83d', false],
    ];
    for (const [start, end, inserted, oneByte] of edits) {
      spliced = splicer.splice(spliced, start, end, inserted, oneByte && !/[^\u0000-\u00ff]/.test(spliced + inserted));
      plain = naive(plain, start, end, inserted);
      assert.equal(spliced.length, plain.length);
      assert.ok(spliced === plain, `text differs after inserting ${JSON.stringify(inserted)} at ${start}`);
    }
  });

  it('the document store tracks a large text exactly, through edits in and beyond Latin-1', () => {
    const store = new DocumentStore();
    const uri = 'file:///large.perwal';
    const base = 'Pasal 1\r\n(1) Ayat satu.\r\n'.repeat(Math.ceil(EXTERNAL_MIN_LENGTH / 25));
    let plain = base;
    store.open({ textDocument: { uri, languageId: 'perwal', version: 1, text: base } });
    assert.equal(store.get(uri)!.oneByte, true);
    const edits = [{ line: 0, character: 5, text: '€' }, { line: 4, character: 0, text: 'é' }, { line: 0, character: 5, remove: 1 }, { line: 41_000, character: 3, text: 'b' }];
    let version = 1;
    for (const edit of edits) {
      const document = store.get(uri)!;
      const start = document.positions.offsetAt({ line: edit.line, character: edit.character });
      const end = start + (edit.remove ?? 0);
      version++;
      const outcome = store.change({ textDocument: { uri, version }, contentChanges: [{ range: { start: { line: edit.line, character: edit.character }, end: document.positions.positionAt(end) }, text: edit.text ?? '' }] });
      assert.ok('document' in outcome);
      plain = naive(plain, start, end, edit.text ?? '');
      assert.ok(outcome.document.text === plain, `text differs at version ${version}`);
      // oneByte may stay false after the last wide character is deleted (two bytes per character is still exact).
      if (outcome.document.oneByte) assert.ok(!/[^\u0000-\u00ff]/.test(plain), `oneByte claimed at version ${version}`);
      if (version === 2) assert.equal(outcome.document.oneByte, false, 'after inserting €');
    }
  });
});

describe('DocumentStore over the splicer', () => {
  it('matches vscode-languageserver-textdocument on a large text, through notifications of several changes', () => {
    // The library's TextDocument is the reference: same LSP semantics (changes applied in order), plain strings.
    // The text starts in Latin-1 (one byte per character); a typed € or emoji moves it to two bytes.
    const base = 'Pasal 1\r\n(1) Ayat satu dan é.\n'.repeat(Math.ceil(EXTERNAL_MIN_LENGTH / 30));
    const piece = fc.constantFrom('', 'x', '\n', '\r\n', 'é', '€', '😀', 'Pasal 2\n', '  ');
    const change = fc.record({ line: fc.nat(), character: fc.nat(40), lines: fc.nat(2), characters: fc.nat(5), text: piece });
    fc.assert(fc.property(fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 }), (notifications) => {
      const store = new DocumentStore();
      const uri = 'file:///big.perwal';
      store.open({ textDocument: { uri, languageId: 'perwal', version: 1, text: base } });
      const reference = TextDocument.create(uri, 'perwal', 1, base);
      let version = 1;
      for (const changes of notifications) {
        version++;
        const contentChanges = changes.map(({ line, character, lines, characters, text }) => {
          const startLine = line % reference.lineCount;
          return { range: { start: { line: startLine, character }, end: { line: startLine + lines, character: characters } }, text };
        });
        TextDocument.update(reference, contentChanges, version);
        const outcome = store.change({ textDocument: { uri, version }, contentChanges });
        assert.ok('document' in outcome);
        assert.ok(outcome.document.text === reference.getText(), `text differs at version ${version}`);
      }
    }), { numRuns: 15, seed: 20261125 });
  });

  it('grows the heap by what piles up before V8 frees versions: its 64 MB trigger and 18 versions, under the trim threshold', () => {
    const MB = 1024 * 1024;
    assert.equal(growthBytes(2 * MB), 64 * MB + 36 * MB);
    assert.equal(growthBytes(2.6 * MB), 64 * MB + 18 * 2.6 * MB);
    assert.equal(growthBytes(8 * MB), 112 * MB, 'at most 112 MB: glibc gives back free memory above 128 MB');
  });

  it('grows the C heap once per process, only for texts whose versions come from it, when the store is told to', () => {
    const length = 1_300_000;
    const large = 'Pasal 1\n'.repeat(length / 8);
    const open = (store: DocumentStore, uri: string) => store.open({ textDocument: { uri, languageId: 'perwal', version: 1, text: large } });
    const grown: number[] = [];
    // A store not told to grow the heap leaves it alone.
    const unprepared = new DocumentStore({ onHeapGrown: (megabytes) => grown.push(megabytes) });
    unprepared.prepareForEdits(open(unprepared, 'file:///a.perwal'));
    assert.equal(grown.length, 0);
    // Below the size where versions are spliced into external strings, and above glibc's heap block limit: nothing.
    assert.equal(growHeapForVersions(EXTERNAL_MIN_LENGTH - 1), 0);
    assert.equal(growHeapForVersions(16 * 1024 * 1024), 0);
    // A 1.3 MB law: ~110 MB written in blocks of one two-byte version (2.6 MB each), then never again.
    const store = new DocumentStore({ growHeap: true, onHeapGrown: (megabytes) => grown.push(megabytes) });
    store.prepareForEdits(open(store, 'file:///b.perwal'));
    assert.equal(grown.length, 1);
    assert.ok(grown[0] >= 100 && grown[0] <= 112, `wrote ${grown[0]} MB`);
    store.prepareForEdits(open(store, 'file:///c.perwal'));
    assert.equal(grown.length, 1);
    assert.equal(growHeapForVersions(length), 0);
  });
});
