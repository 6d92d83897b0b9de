// Protocol tests: the real bundled server (dist/server.js) over stdio, driven by a vscode-jsonrpc client.
// Each advertised capability is exercised on the two seed regulations; the last block checks that
// nothing a client can send (unknown documents, stale versions, wild positions, bad settings, binary
// text, unknown methods) kills the server.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction, CodeLens, CompletionItem, CompletionList, Diagnostic, DocumentDiagnosticReport, DocumentSymbol, FoldingRange, Hover, Location, LocationLink,
  MarkupContent, PrepareRenameResult, SelectionRange, SemanticTokens, ServerCapabilities, SymbolInformation, TextEdit, WorkspaceEdit,
} from 'vscode-languageserver';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { machineCores, serverEnvironment, serverExecArgv } from '../../../server/src/launch/environment';
import { ensureServerBuilt, lineMatching, positionOf, ROOT, seed, TestClient } from './lsp-client';

const BEKASI = 'file:///seeds/bekasi-perwal-121-2021.perwal';
const KUPANG = 'file:///seeds/kupang-perwal-49-2021.perwal';
const bekasiText = seed('bekasi-perwal-121-2021.txt');
const kupangText = seed('kupang-perwal-49-2021.txt');

/** Capabilities exercised by a test below; checked against what the server advertises. */
const exercised = new Set<keyof ServerCapabilities>();

const codeOf = (diagnostic: Diagnostic): string => String(diagnostic.code);
const has = (code: string, line: number) => (diagnostics: Diagnostic[]): boolean =>
  diagnostics.some((diagnostic) => codeOf(diagnostic) === code && diagnostic.range.start.line === line);

function flatten(symbols: DocumentSymbol[], parents: string[] = []): { symbol: DocumentSymbol; parents: string[] }[] {
  return symbols.flatMap((symbol) => [{ symbol, parents }, ...flatten(symbol.children ?? [], [...parents, symbol.name])]);
}

/** The edits of a WorkspaceEdit for one document, whichever form the server chose. */
function editsOf(edit: WorkspaceEdit, uri: string): TextEdit[] {
  if (edit.changes?.[uri]) return edit.changes[uri];
  for (const change of edit.documentChanges ?? []) {
    if ('textDocument' in change && change.textDocument.uri === uri) return change.edits.filter((e): e is TextEdit => 'range' in e);
  }
  return [];
}

/** Line and column (0-based) of an offset — an independent check of the server's conversions. */
function lineTextAt(text: string, line: number): string {
  return text.split(/\r\n|\r|\n/)[line];
}

describe('language server protocol (dist/server.js over stdio)', function () {
  this.timeout(30_000);
  let client: TestClient;

  before(async () => {
    ensureServerBuilt();
    client = await TestClient.start({ locale: 'en', settings: {} });
    await client.open(BEKASI, bekasiText);
    await client.open(KUPANG, kupangText);
  });

  after(async () => {
    await client?.stop();
  });

  it('advertises incremental sync and the language features', () => {
    const capabilities = client.initializeResult.capabilities;
    assert.deepEqual(capabilities.textDocumentSync, { openClose: true, change: 2 });
    exercised.add('textDocumentSync');
    assert.equal(client.initializeResult.serverInfo?.name, 'perwal-language-server');
  });

  describe('diagnostics', () => {
    it('bekasi: duplicate Pasal 14 (line 423), malformed "asal 18" (467), Paragraf gap (134), no dangling reference', async () => {
      assert.match(lineTextAt(bekasiText, 423), /^Pasal 14\b/);
      const diagnostics = await client.diagnosticsFor(BEKASI, (d) => has('duplicate-number', 423)(d) && has('malformed-heading', 467)(d) && has('numbering-gap', 134)(d));
      assert.ok(diagnostics.every((d) => d.source === 'perwal' && typeof d.code === 'string'), 'source "perwal" and string codes');
      assert.ok(!diagnostics.some((d) => codeOf(d) === 'dangling-reference'));
      const duplicate = diagnostics.find((d) => codeOf(d) === 'duplicate-number')!;
      assert.equal(duplicate.severity, 1);
      assert.equal(duplicate.relatedInformation?.[0].location.uri, BEKASI);
      assert.equal(duplicate.relatedInformation?.[0].location.range.start.line, 411, 'related: the first Pasal 14');
      assert.match(String(duplicate.message), /Pasal 14/);
      assert.equal(client.diagnostics.get(BEKASI)?.version, 1, 'published for the version analysed');
    });

    it('kupang: "Pasal B" (line 225) is a malformed heading suggesting Pasal 13; no dangling reference', async () => {
      const diagnostics = await client.diagnosticsFor(KUPANG, has('malformed-heading', 225));
      const malformed = diagnostics.find((d) => codeOf(d) === 'malformed-heading')!;
      assert.match(String(malformed.message), /Pasal 13/);
      assert.ok(!diagnostics.some((d) => codeOf(d) === 'dangling-reference'));
    });
  });

  describe('navigation', () => {
    it('documentSymbol: BAB I … at the top, BAB > Bagian > Paragraf > Pasal > ayat, with symbol kinds', async () => {
      const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: BEKASI } });
      exercised.add('documentSymbolProvider');
      assert.deepEqual(symbols.slice(0, 3).map((s) => s.name), ['BAB I', 'BAB II', 'BAB III']);
      assert.ok(symbols.some((s) => s.name === 'BAB VII'));
      assert.match(String(symbols[0].detail), /KETENTUAN UMUM/);
      assert.equal(symbols[0].kind, 2, 'BAB is a Module');
      const flat = flatten(symbols);
      const pasal5 = flat.find((x) => x.symbol.name === 'Pasal 5')!;
      assert.deepEqual(pasal5.parents, ['BAB II', 'Bagian Kesatu', 'Paragraf 2']);
      assert.equal(pasal5.symbol.kind, 5, 'Pasal is a Class');
      assert.equal(pasal5.symbol.range.start.line, lineMatching(bekasiText, /^Pasal 5\b/));
      assert.equal(flat.find((x) => x.symbol.name === 'Bagian Kesatu')?.symbol.kind, 4, 'Bagian is a Package');
      const pasal3 = flat.find((x) => x.symbol.name === 'Pasal 3')!.symbol;
      assert.ok(pasal3.children!.length >= 2 && pasal3.children!.every((c) => c.kind === 8 && /ayat/.test(c.name)), 'ayat are Fields');
      assert.equal(flat.filter((x) => x.symbol.name === 'Pasal 14').length, 2, 'both Pasal 14');
      for (const { symbol } of flat) {
        assert.ok(symbol.name.length > 0);
        const { range, selectionRange: s } = symbol;
        const inside = (s.start.line > range.start.line || (s.start.line === range.start.line && s.start.character >= range.start.character))
          && (s.end.line < range.end.line || (s.end.line === range.end.line && s.end.character <= range.end.character));
        assert.ok(inside, `selectionRange inside range for ${symbol.name}`);
      }
    });

    it('definition: kupang line 59 "ayat (1)" → Pasal 2 ayat (1) on line 58', async () => {
      const links = await client.request<LocationLink[]>('textDocument/definition', { textDocument: { uri: KUPANG }, position: positionOf(kupangText, 59, 'ayat (1)', 2) });
      exercised.add('definitionProvider');
      assert.equal(links.length, 1);
      assert.equal(links[0].targetUri, KUPANG);
      assert.equal(links[0].targetSelectionRange.start.line, 58);
      assert.equal(links[0].targetRange.start.line, 58);
      assert.equal(links[0].originSelectionRange?.start.line, 59);
    });

    it('references: the "Pasal 2" heading is cited by "Pasal 2 ayat (1)" on line 70', async () => {
      const heading = lineMatching(kupangText, /^Pasal 2\s*$/);
      const citing = lineMatching(kupangText, /dimaksud dalam Pasal 2 ayat \(1\)/);
      const locations = await client.request<Location[]>('textDocument/references', {
        textDocument: { uri: KUPANG }, position: { line: heading, character: 6 }, context: { includeDeclaration: true },
      });
      exercised.add('referencesProvider');
      const lines = locations.map((l) => l.range.start.line);
      assert.ok(lines.includes(citing), `line ${citing} in ${JSON.stringify(lines)}`);
      assert.ok(lines.includes(heading), 'declaration included');
      const without = await client.request<Location[]>('textDocument/references', {
        textDocument: { uri: KUPANG }, position: { line: heading, character: 6 }, context: { includeDeclaration: false },
      });
      assert.ok(!without.some((l) => l.range.start.line === heading));
    });
    it('hover on a reference quotes the cited ayat', async () => {
      const result = await client.request<Hover>('textDocument/hover', { textDocument: { uri: KUPANG }, position: positionOf(kupangText, 59, 'ayat (1)', 2) });
      exercised.add('hoverProvider');
      assert.equal((result.contents as MarkupContent).kind, 'markdown');
      assert.match((result.contents as MarkupContent).value, /unsur pelaksana Urusan Pemerintahan/);
      assert.deepEqual(result.range?.start, positionOf(kupangText, 59, 'ayat (1)'));
      assert.equal(await client.request('textDocument/hover', { textDocument: { uri: KUPANG }, position: { line: 55, character: 0 } }), null);
    });

    it('workspaceSymbol: "pasal 14" finds both Pasal 14 of bekasi; Kupang and Bekasi BABs for "bab i"', async () => {
      const symbols = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'pasal 14' });
      exercised.add('workspaceSymbolProvider');
      const exact = symbols.filter((s) => s.name === 'Pasal 14');
      assert.deepEqual(exact.filter((s) => s.location.uri === BEKASI).map((s) => s.location.range.start.line), [411, 423]);
      assert.equal(exact[0].kind, 5);
      assert.match(String(exact.find((s) => s.location.uri === BEKASI)?.containerName), /^BAB II\b/);
      const babs = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'bab i' });
      assert.ok([BEKASI, KUPANG].every((uri) => babs.some((s) => s.name === 'BAB I' && s.location.uri === uri && s.kind === 2)));
    });

    it('codeLens: "N references" above each Pasal, with the citing locations as command arguments', async () => {
      const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: KUPANG } });
      exercised.add('codeLensProvider');
      const heading = lineMatching(kupangText, /^Pasal 2\s*$/);
      const citing = lineMatching(kupangText, /dimaksud dalam Pasal 2 ayat \(1\)/);
      const lens = lenses.find((l) => l.range.start.line === heading)!;
      assert.match(String(lens.command?.title), /^\d+ references?$/);
      assert.equal(lens.command?.command, 'perwal.showReferences');
      const [uri, position, locations] = lens.command!.arguments as [string, { line: number }, Location[]];
      assert.equal(uri, KUPANG);
      assert.equal(position.line, heading);
      assert.ok(locations.some((l) => l.range.start.line === citing));
      assert.equal(lenses.filter((l) => /^P?asal \S+/.test(lineTextAt(kupangText, l.range.start.line))).length, lenses.length, 'lenses sit on Pasal headings');
    });

    it('foldingRange: BAB, Pasal and ayat fold; Pasal 2 folds from its heading to its last huruf', async () => {
      const ranges = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: KUPANG } });
      exercised.add('foldingRangeProvider');
      assert.ok(ranges.every((r) => r.endLine > r.startLine));
      const pasal2 = ranges.find((r) => r.startLine === lineMatching(kupangText, /^Pasal 2\s*$/))!;
      assert.equal(pasal2.endLine, 66);
      assert.ok(ranges.some((r) => r.startLine === lineMatching(kupangText, /^BAB II\s*$/)));
    });

    it('selectionRange: from the reference segment outwards to the ayat, the Pasal and the BAB; parents contain children', async () => {
      const inside = positionOf(kupangText, 59, 'ayat (1)', 2);
      const [chain, other] = await client.request<SelectionRange[]>('textDocument/selectionRange', { textDocument: { uri: KUPANG }, positions: [inside, { line: 99_999, character: 0 }] });
      exercised.add('selectionRangeProvider');
      const ranges: SelectionRange['range'][] = [];
      for (let at: SelectionRange | undefined = chain; at; at = at.parent) ranges.push(at.range);
      const before = (a: { line: number; character: number }, b: { line: number; character: number }) => a.line < b.line || (a.line === b.line && a.character <= b.character);
      for (let i = 1; i < ranges.length; i++) assert.ok(before(ranges[i].start, ranges[i - 1].start) && before(ranges[i - 1].end, ranges[i].end), `range ${i} contains range ${i - 1}`);
      assert.ok(before(ranges[0].start, inside) && before(inside, ranges[0].end));
      assert.ok(ranges.some((r) => r.start.line === 59 && r.start.character === lineTextAt(kupangText, 59).indexOf('(2)')), 'ayat (2)');
      assert.ok(ranges.some((r) => r.start.line === 56 && r.end.line === 66), 'Pasal 2');
      assert.ok(ranges.some((r) => r.start.line === lineMatching(kupangText, /^BAB II\s*$/)), 'BAB II');
      assert.ok(other, 'an answer for an out-of-range position too');
    });

    it('semanticTokens: headings, labels and references, one line each, in order', async () => {
      const legend = client.initializeResult.capabilities.semanticTokensProvider!.legend.tokenTypes;
      const tokens = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: KUPANG } });
      exercised.add('semanticTokensProvider');
      assert.equal(tokens.data.length % 5, 0);
      const decoded: { line: number; character: number; length: number; type: string }[] = [];
      let line = 0;
      let character = 0;
      for (let i = 0; i < tokens.data.length; i += 5) {
        const [deltaLine, deltaCharacter, length, type] = tokens.data.slice(i, i + 4);
        line += deltaLine;
        character = deltaLine === 0 ? character + deltaCharacter : deltaCharacter;
        assert.ok(length > 0 && (deltaLine > 0 || deltaCharacter >= 0 || i === 0));
        decoded.push({ line, character, length, type: legend[type] });
        assert.ok(character + length <= lineTextAt(kupangText, line).length, `token inside line ${line}`);
      }
      const at = (needle: string, row: number) => decoded.find((t) => t.line === row && t.character === lineTextAt(kupangText, row).indexOf(needle));
      assert.equal(at('ayat (1)', 59)?.type, 'reference');
      assert.equal(at('Pasal 2', 56)?.type, 'heading');
      assert.equal(at('(1)', 58)?.type, 'label');
    });
  });

  describe('completion', () => {
    it('after "dimaksud dalam Pasal " offers the existing Pasal (triggered by a space)', async () => {
      const uri = 'file:///seeds/kupang-completion.perwal';
      await client.open(uri, kupangText);
      const line = lineMatching(kupangText, /dimaksud dalam Pasal 2 ayat \(1\)/);
      const end = { line, character: lineTextAt(kupangText, line).length };
      const typed = '\n- (9) Ketentuan sebagaimana dimaksud dalam Pasal ';
      await client.change(uri, [{ range: { start: end, end }, text: typed }]);
      const position = { line: line + 1, character: typed.length - 1 };
      const result = await client.request<CompletionItem[] | CompletionList>('textDocument/completion', { textDocument: { uri }, position, context: { triggerKind: 2, triggerCharacter: ' ' } });
      exercised.add('completionProvider');
      const items = Array.isArray(result) ? result : result.items;
      for (const n of ['1', '2', '12', '16']) assert.ok(items.some((i) => new RegExp(`^(Pasal\\s+)?${n}\\b`).test(i.label)), `Pasal ${n} in ${items.map((i) => i.label)}`);
      assert.ok(items.every((i) => typeof i.kind === 'number' && i.insertText !== undefined));
      await client.close(uri);
    });
  });

  describe('edits', () => {
    it('rename: prepareRename on the "2" of "Pasal 2", then rename to 20 edits the heading and its citations', async () => {
      const heading = lineMatching(kupangText, /^Pasal 2\s*$/);
      const citing = lineMatching(kupangText, /dimaksud dalam Pasal 2 ayat \(1\)/);
      const position = { line: heading, character: 6 };
      const prepared = await client.request<PrepareRenameResult>('textDocument/prepareRename', { textDocument: { uri: KUPANG }, position });
      assert.ok(prepared && 'placeholder' in prepared, JSON.stringify(prepared));
      assert.equal(prepared.placeholder, '2');
      assert.deepEqual(prepared.range, { start: { line: heading, character: 6 }, end: { line: heading, character: 7 } });
      const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: KUPANG }, position, newName: '20' });
      exercised.add('renameProvider');
      const lines = editsOf(edit, KUPANG).map((e) => e.range.start.line);
      assert.ok(lines.includes(heading) && lines.includes(citing), JSON.stringify(lines));
      const renamed = TextDocument.applyEdits(TextDocument.create(KUPANG, 'perwal', 1, kupangText), editsOf(edit, KUPANG));
      assert.match(lineTextAt(renamed, heading), /^Pasal 20\s*$/);
      assert.match(lineTextAt(renamed, citing), /dimaksud dalam Pasal 20 ayat \(1\)/);
    });

    it('rename: a place with no number answers with an error message, not a crash', async () => {
      const position = positionOf(kupangText, 58, 'Dinas merupakan', 2);
      await assert.rejects(client.request('textDocument/prepareRename', { textDocument: { uri: KUPANG }, position }), /no Pasal, ayat, huruf or angka number here/);
      await assert.rejects(client.request('textDocument/rename', { textDocument: { uri: KUPANG }, position: { line: lineMatching(kupangText, /^Pasal 2\s*$/), character: 6 }, newName: '3' }), /already exists/);
    });

    it('codeAction: "Renumber" on bekasi\'s duplicate Pasal 14; applying it (incremental didChange) clears Pasal numbering errors', async () => {
      const uri = 'file:///seeds/bekasi-copy.perwal';
      await client.open(uri, bekasiText);
      const diagnostics = await client.diagnosticsFor(uri, has('duplicate-number', 423));
      const duplicate = diagnostics.find((d) => codeOf(d) === 'duplicate-number')!;
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: duplicate.range, context: { diagnostics: [duplicate] } });
      exercised.add('codeActionProvider');
      const renumber = actions.find((a) => /^Renumber Pasal/.test(a.title))!;
      assert.ok(renumber, JSON.stringify(actions.map((a) => a.title)));
      assert.equal(renumber.kind, 'quickfix');
      assert.equal(renumber.isPreferred, true);
      assert.equal(codeOf(renumber.diagnostics![0]), 'duplicate-number');
      assert.ok(actions.some((a) => a.kind === 'source.fixAll'), 'fix-all offered too');
      const edit = renumber.edit!;
      assert.equal(edit.documentChanges?.length, 1, 'versioned edit (the client supports documentChanges)');
      const edits = editsOf(edit, uri);
      // Send the edits as incremental changes, last first, so earlier positions stay valid.
      const sorted = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
      const version = await client.change(uri, sorted.map((e) => ({ range: e.range, text: e.newText })));
      const expected = TextDocument.applyEdits(TextDocument.create(uri, 'perwal', 1, bekasiText), edits);
      const pasalNumbering = (d: Diagnostic[]): Diagnostic[] => d.filter((x) => ['duplicate-number', 'numbering-gap', 'numbering-order'].includes(codeOf(x))
        && /^\s*a?sal\b|^\s*Pasal\b/.test(lineTextAt(expected, x.range.start.line)));
      const after = await client.diagnosticsFor(uri, (_, params) => params.version === version, `diagnostics of version ${version}`);
      assert.deepEqual(pasalNumbering(after).map((d) => `${d.range.start.line}:${codeOf(d)}`), []);
      const heads = expected.split('\n').map((l) => /^P?asal (\d+)\s*$/.exec(l)).filter((m) => m).map((m) => Number(m![1]));
      assert.ok(heads.every((n, i) => i === 0 || n > heads[i - 1]), `Pasal numbers increase: ${heads}`);
      // The server's copy equals the client's: the symbols of the edited text match its headings.
      const symbols = flatten(await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } }));
      assert.deepEqual(symbols.filter((x) => /^Pasal \d+$/.test(x.symbol.name)).map((x) => x.symbol.name), heads.map((n) => `Pasal ${n}`));
      await client.close(uri);
    });

    it('codeAction asked automatically (the cursor on a finding) gives the quick fixes without fix all; asked by the user, fix all too', async () => {
      const diagnostics = await client.diagnosticsFor(BEKASI, has('duplicate-number', 423));
      const duplicate = diagnostics.find((d) => codeOf(d) === 'duplicate-number')!;
      const ask = (triggerKind: number): Promise<CodeAction[]> => client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: BEKASI }, range: duplicate.range, context: { diagnostics: [duplicate], triggerKind } });
      const automatic = await ask(2);
      assert.ok(automatic.some((a) => a.kind === 'quickfix'), JSON.stringify(automatic.map((a) => a.title)));
      assert.ok(!automatic.some((a) => a.kind === 'source.fixAll'), 'no fix all when asked automatically');
      const invoked = await ask(1);
      assert.ok(invoked.some((a) => a.kind === 'source.fixAll'), 'fix all when the user asks');
    });

    it('codeAction with only: ["source.fixAll"] returns the fix-all action alone', async () => {
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri: BEKASI }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] },
      });
      assert.equal(actions.length, 1);
      assert.equal(actions[0].kind, 'source.fixAll');
      assert.ok(editsOf(actions[0].edit!, BEKASI).length > 0);
    });
  });

  describe('coverage', () => {
    it('every advertised capability is exercised by a test above', () => {
      const advertised = Object.entries(client.initializeResult.capabilities).filter(([, value]) => value !== undefined && value !== false).map(([key]) => key);
      assert.deepEqual(advertised.filter((key) => !exercised.has(key as keyof ServerCapabilities)), []);
    });
  });
});

describe('code actions resolved when chosen (a client with codeAction.resolveSupport)', function () {
  this.timeout(30_000);
  const BEKASI_RESOLVE = 'file:///seeds/bekasi-resolve-automatic.perwal';
  let client: TestClient;

  before(async () => {
    ensureServerBuilt();
    client = await TestClient.start({
      locale: 'en',
      capabilities: {
        workspace: { workspaceEdit: { documentChanges: true } },
        textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } }, publishDiagnostics: { versionSupport: true } },
      },
    });
    await client.open(BEKASI_RESOLVE, bekasiText);
  });

  after(async () => {
    await client?.stop();
  });

  it('fix all comes without its edit, and codeAction/resolve gives the edit, which clears bekasi\'s Pasal numbering errors', async () => {
    const provider = client.initializeResult.capabilities.codeActionProvider;
    assert.ok(typeof provider === 'object' && provider.resolveProvider === true, JSON.stringify(provider));
    const uri = 'file:///seeds/bekasi-resolve.perwal';
    await client.open(uri, bekasiText);
    const diagnostics = await client.diagnosticsFor(uri, has('duplicate-number', 423));
    const duplicate = diagnostics.find((d) => codeOf(d) === 'duplicate-number')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: duplicate.range, context: { diagnostics: [duplicate], triggerKind: 1 } });
    const offered = actions.find((a) => a.kind === 'source.fixAll')!;
    assert.ok(offered, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(offered.edit, undefined, 'no edit until chosen');
    assert.ok(actions.some((a) => a.kind === 'quickfix' && a.edit !== undefined), 'quick fixes keep their edits (each is checked before it is offered)');
    const resolved = await client.request<CodeAction>('codeAction/resolve', offered);
    assert.equal(resolved.title, offered.title);
    const edits = editsOf(resolved.edit!, uri);
    assert.ok(edits.length > 0, JSON.stringify(resolved));
    const sorted = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
    const version = await client.change(uri, sorted.map((e) => ({ range: e.range, text: e.newText })));
    const expected = TextDocument.applyEdits(TextDocument.create(uri, 'perwal', 1, bekasiText), edits);
    const after = await client.diagnosticsFor(uri, (_, params) => params.version === version, `diagnostics of version ${version}`);
    const numbering = after.filter((d) => ['duplicate-number', 'numbering-gap', 'numbering-order'].includes(codeOf(d)) && /^\s*Pasal\b/.test(lineTextAt(expected, d.range.start.line)));
    assert.deepEqual(numbering.map((d) => d.message), []);
    await client.close(uri);
  });

  it('asked automatically: the quick fixes come unchecked and without edits; resolved, the one picked is checked and gets its edit', async () => {
    const diagnostics = await client.diagnosticsFor(BEKASI_RESOLVE, has('duplicate-number', 423));
    const duplicate = diagnostics.find((d) => codeOf(d) === 'duplicate-number')!;
    const automatic = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: BEKASI_RESOLVE }, range: duplicate.range, context: { diagnostics: [duplicate], triggerKind: 2 } });
    assert.deepEqual(automatic.map((a) => [a.title, a.kind, a.edit]), [['Renumber Pasal from here and update references', 'quickfix', undefined]]);
    assert.equal(codeOf(automatic[0].diagnostics![0]), 'duplicate-number');
    const invoked = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: BEKASI_RESOLVE }, range: duplicate.range, context: { diagnostics: [duplicate], triggerKind: 1 } });
    const resolved = await client.request<CodeAction>('codeAction/resolve', automatic[0]);
    assert.deepEqual(editsOf(resolved.edit!, BEKASI_RESOLVE), editsOf(invoked.find((a) => a.kind === 'quickfix')!.edit!, BEKASI_RESOLVE));
    // Data that names no finding (the text changed since): no edit, and the user is told why.
    const data = automatic[0].data as { fix: { start: number } };
    const stale = await client.request<CodeAction>('codeAction/resolve', { ...automatic[0], data: { ...data, fix: { ...data.fix, start: data.fix.start + 1 } } });
    assert.equal(stale.edit, undefined);
    await client.message((m) => m.type === 3 && /This fix was not applied: the text changed after it was offered/.test(m.message), 'the message saying why the fix was not applied');
  });

  it('resolving an action whose document is closed or unknown answers it unchanged', async () => {
    const action: CodeAction = { title: 'Fix all numbering and damaged headings', kind: 'source.fixAll', data: { uri: 'file:///nowhere.perwal' } };
    assert.deepEqual(await client.request<CodeAction>('codeAction/resolve', action), action);
    const odd: CodeAction = { title: 'x', kind: 'source.fixAll', data: 42 };
    assert.deepEqual(await client.request<CodeAction>('codeAction/resolve', odd), odd);
  });
});

describe('language server robustness', function () {
  this.timeout(30_000);
  const clients: TestClient[] = [];
  const start = async (...args: Parameters<typeof TestClient.start>): Promise<TestClient> => {
    const client = await TestClient.start(...args);
    clients.push(client);
    return client;
  };

  before(() => ensureServerBuilt());
  after(async () => {
    await Promise.all(clients.map((client) => client.stop()));
  });

  it('bin/perwal-language-server.js speaks LSP over stdio without any flag', async () => {
    const client = await start({ command: [path.join(ROOT, 'bin', 'perwal-language-server.js')] });
    assert.equal(client.initializeResult.serverInfo?.name, 'perwal-language-server');
    // The keystroke path ran on the built-in sample before initialize was answered (server/warm-up.ts).
    assert.ok(client.logs.some((line) => /warmed up in \d+ ms \(\d+ edits, \d+ incremental, [1-9]\d* of them re-parsed\)/.test(line)), client.logs.join('\n'));
    await client.open(KUPANG, kupangText);
    await client.diagnosticsFor(KUPANG, has('malformed-heading', 225));
  });

  it('bin/perwal-language-server.js runs the server with its malloc tunables and Node options (one child, the same streams) and exits with it', async function () {
    if (process.platform !== 'linux') this.skip();
    const env = { ...process.env };
    delete env.GLIBC_TUNABLES;
    const client = await start({ command: [path.join(ROOT, 'bin', 'perwal-language-server.js'), '--stdio'], env });
    const pid = client.process.pid!;
    const children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    assert.equal(children.length, 1, 'the launcher starts the server once more, with the tunables');
    const environ = fs.readFileSync(`/proc/${children[0]}/environ`, 'utf8').split('\0');
    // glibc cuts the variable at its first ':' in place while reading it, so only the first tunable shows here
    // (launch.test.ts checks the whole value).
    const tunables = environ.find((entry) => entry.startsWith('GLIBC_TUNABLES='));
    assert.ok(tunables && `GLIBC_TUNABLES=${serverEnvironment({}, 'linux').GLIBC_TUNABLES}`.startsWith(tunables), `the server's GLIBC_TUNABLES: ${tunables}`);
    const argv = fs.readFileSync(`/proc/${children[0]}/cmdline`, 'utf8').split('\0');
    // On a machine with five cores or more there is nothing to add (Node's default is right there).
    for (const option of serverExecArgv([], machineCores())) assert.ok(argv.includes(option), `${option} in the server's command line: ${argv.join(' ')}`);
    await client.open(KUPANG, kupangText);
    await client.diagnosticsFor(KUPANG, has('malformed-heading', 225));
    await client.stop();
    assert.equal(client.process.exitCode, 0, 'the launcher exits with the server\'s code after shutdown and exit');
    assert.throws(() => process.kill(Number(children[0]), 0), 'the server is gone with the launcher');
  });

  it('bin/perwal-language-server.js runs the server in its own process when the tunables and Node options are already set', async function () {
    if (process.platform !== 'linux') this.skip();
    const env = { ...process.env, GLIBC_TUNABLES: serverEnvironment({}, 'linux').GLIBC_TUNABLES };
    const client = await start({ command: [...serverExecArgv([], machineCores()), path.join(ROOT, 'bin', 'perwal-language-server.js')], env });
    const pid = client.process.pid!;
    assert.equal(fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim(), '');
    await client.open(KUPANG, kupangText);
    await client.diagnosticsFor(KUPANG, has('malformed-heading', 225));
  });

  it('typing into a large text (incremental re-analysis): each version\'s diagnostics and semantic tokens equal those of the same text opened afresh', async function () {
    this.timeout(120_000);
    const client = await start({ settings: { debounceMs: 0 } });
    const uri = 'file:///typed.perwal';
    const original = fs.readFileSync(path.join(ROOT, 'test/fixtures/corpus/mblx-pp-22-2021.txt'), 'utf8');
    const document = TextDocument.create(uri, 'perwal', 1, original);
    await client.open(uri, original);
    await client.diagnosticsFor(uri, (_, params) => params.version === 1);
    // Letters typed and deleted in running text, a Pasal number changed, line breaks in a label and in running
    // text, the first letter on the new line, a line break deleted: every kind of edit.
    const typing = [
      ['sebagaimana dimaksud', 3, 0, 'x'], ['sebagaimana dimaksud', 3, 1, ''], ['Pasal 12', 7, 1, '3'], ['ayat (2)', 6, 0, '\n'], ['huruf a', 0, 0, 'z'],
      ['sebagaimana dimaksud', 11, 0, '\n'], ['sebagaimana\n', 12, 0, 'w'], ['sebagaimana\nw', 11, 1, ' '],
    ] as const;
    for (const [needle, offsetInNeedle, remove, insert] of typing) {
      const at = document.getText().indexOf(needle, 100_000) + offsetInNeedle;
      const range = { start: document.positionAt(at), end: document.positionAt(at + remove) };
      const version = document.version + 1;
      TextDocument.update(document, [{ range, text: insert }], version);
      await client.change(uri, [{ range, text: insert }], version);
      const typed = await client.diagnosticsFor(uri, (_, params) => params.version === version, `diagnostics of version ${version}`);
      const freshUri = `file:///fresh-${version}.perwal`;
      await client.open(freshUri, document.getText());
      const fresh = await client.diagnosticsFor(freshUri, (_, params) => params.version === 1, 'diagnostics of the same text opened afresh');
      assert.deepEqual(typed.map((d) => ({ ...d, relatedInformation: d.relatedInformation?.length })), fresh.map((d) => ({ ...d, relatedInformation: d.relatedInformation?.length })), `version ${version} (${JSON.stringify(insert)} at ${at})`);
      // Semantic tokens walk the whole tree, whose tail the server moves after answering with the diagnostics.
      const tokens = async (of: string): Promise<number[]> => ((await client.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri: of } })) as SemanticTokens).data;
      assert.deepEqual(await tokens(uri), await tokens(freshUri), `semantic tokens of version ${version}`);
      await client.close(freshUri);
    }
  });

  it('ignores didChange for a document that is not open, and stale versions', async () => {
    const client = await start({ settings: {} });
    await client.change('file:///nowhere.perwal', [{ text: 'Pasal 1' }], 2);
    await client.log((line) => line.includes('not open'), 'a log line about the unknown document');
    const uri = 'file:///stale.perwal';
    await client.open(uri, 'Pasal 1\n\nSatu.\n');
    await client.change(uri, [{ text: 'Pasal 1\n\nSatu.\n\nPasal 3\n\nTiga.\n' }], 5);
    await client.change(uri, [{ text: 'Pasal 7\n' }], 3);
    await client.log((line) => line.includes('not newer than the open version 5'), 'a log line about the stale version');
    const diagnostics = await client.diagnosticsFor(uri, (_, params) => params.version === 5, 'diagnostics of version 5');
    assert.ok(diagnostics.some((d) => codeOf(d) === 'numbering-gap'), 'version 5 (Pasal 1, Pasal 3) was analysed, not the stale text');
    assert.ok(client.alive);
  });

  it('answers out-of-range positions and unopened documents with empty results', async () => {
    const client = await start({ settings: {} });
    await client.open(KUPANG, kupangText);
    for (const position of [{ line: 99_999, character: 99_999 }, { line: -1, character: -5 }, { line: 59, character: 99_999 }]) {
      const links = await client.request<LocationLink[]>('textDocument/definition', { textDocument: { uri: KUPANG }, position });
      assert.ok(Array.isArray(links));
      await client.request('textDocument/references', { textDocument: { uri: KUPANG }, position, context: { includeDeclaration: true } });
    }
    const farRange = { start: { line: 5_000, character: 0 }, end: { line: 9_000, character: 3 } };
    assert.deepEqual(await client.request('textDocument/codeAction', { textDocument: { uri: KUPANG }, range: farRange, context: { diagnostics: [] } }), []);
    const missing = { uri: 'file:///never-opened.perwal' };
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: missing }), []);
    assert.deepEqual(await client.request('textDocument/definition', { textDocument: missing, position: { line: 0, character: 0 } }), []);
    assert.equal(await client.request('textDocument/rename', { textDocument: missing, position: { line: 0, character: 0 }, newName: '2' }), null);
  });

  it('turns a failing handler into an error response, and unknown methods into MethodNotFound; the server lives on', async () => {
    const client = await start({ settings: {} });
    await client.open(KUPANG, kupangText);
    await assert.rejects(client.request('textDocument/definition', { textDocument: { uri: KUPANG } }), (error: { code?: number }) => error.code === -32603);
    await assert.rejects(client.request('perwal/noSuchMethod', {}), (error: { code?: number }) => error.code === -32601);
    await client.connection.sendNotification('perwal/noSuchNotification', {});
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///broken.perwal' } });
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: KUPANG } });
    assert.equal(symbols[0].name, 'BAB I');
    assert.ok(client.alive);
  });

  it('survives empty and binary content', async () => {
    const client = await start({ settings: {} });
    let seed = 12345;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const binary = Array.from({ length: 20_000 }, () => String.fromCharCode(Math.floor(random() * 65536))).join('');
    await client.open('file:///empty.perwal', '');
    await client.open('file:///binary.perwal', binary);
    await client.diagnosticsFor('file:///empty.perwal');
    await client.diagnosticsFor('file:///binary.perwal');
    await client.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///binary.perwal' } });
    await client.request('textDocument/definition', { textDocument: { uri: 'file:///binary.perwal' }, position: { line: 3, character: 10 } });
    assert.ok(client.alive);
  });

  it('converts positions on CRLF and lone-CR text with emoji (UTF-16) correctly', async () => {
    const client = await start({ settings: {} });
    const lines = ['Pasal 1', '', '(1) 😀 Satu 👍🏽.', '(2) 😀😀 Sebagaimana dimaksud pada ayat (1) berlaku.', '', 'Pasal 2', '', 'Dua.'];
    for (const [name, eol] of [['crlf', '\r\n'], ['cr', '\r']]) {
      const uri = `file:///${name}.perwal`;
      await client.open(uri, lines.join(eol));
      const character = lines[3].indexOf('ayat (1)') + 6;
      const links = await client.request<LocationLink[]>('textDocument/definition', { textDocument: { uri }, position: { line: 3, character } });
      assert.equal(links.length, 1, `${name}: one target`);
      assert.deepEqual(links[0].originSelectionRange, { start: { line: 3, character: lines[3].indexOf('ayat (1)') }, end: { line: 3, character: lines[3].indexOf('ayat (1)') + 8 } });
      assert.equal(links[0].targetSelectionRange.start.line, 2);
      assert.equal(links[0].targetSelectionRange.start.character, 0);
      // A character in the middle of a surrogate pair is moved to the pair's start, not past it.
      const middle = await client.request<LocationLink[]>('textDocument/definition', { textDocument: { uri }, position: { line: 3, character: 5 } });
      assert.deepEqual(middle, []);
    }
  });

  it('invalid settings: ONE warning naming the settings and the defaults used; analysis goes on with the defaults', async () => {
    const client = await start({ settings: { debounceMs: 'soon', maxFileSizeMB: -3, locale: 'fr', severity: { 'numbering-gap': 'loud', 'no-such-code': 'off' } } });
    const warning = await client.message((m) => m.type === 2, 'a settings warning');
    assert.match(warning.message, /perwal\.debounceMs = "soon" is not valid .*using the default 150/);
    assert.match(warning.message, /perwal\.maxFileSizeMB = -3 .*using the default 20/);
    assert.match(warning.message, /perwal\.locale = "fr"/);
    assert.match(warning.message, /perwal\.severity\.numbering-gap = "loud"/);
    assert.match(warning.message, /perwal\.severity\.no-such-code/);
    await client.open(BEKASI, bekasiText);
    const diagnostics = await client.diagnosticsFor(BEKASI, has('numbering-gap', 134));
    assert.equal(diagnostics.find((d) => codeOf(d) === 'numbering-gap')?.severity, 1, 'default severity kept');
    assert.equal(client.messages.filter((m) => m.type === 2).length, 1, 'exactly one warning');
  });

  it('settings pushed with didChangeConfiguration (no configuration capability): severity off and remapped', async () => {
    const client = await start({ capabilities: {} });
    await client.open(BEKASI, bekasiText);
    await client.diagnosticsFor(BEKASI, has('numbering-gap', 134));
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { perwal: { severity: { 'numbering-gap': 'off', 'duplicate-number': 'hint' } } } });
    const diagnostics = await client.diagnosticsFor(BEKASI, (d) => !d.some((x) => codeOf(x) === 'numbering-gap'), 'numbering-gap turned off');
    assert.equal(diagnostics.find((d) => codeOf(d) === 'duplicate-number')?.severity, 4);
  });

  it('a client without hierarchical symbols or location links gets SymbolInformation[] and Location[]', async () => {
    const client = await start({ capabilities: {} });
    await client.open(KUPANG, kupangText);
    const symbols = await client.request<SymbolInformation[]>('textDocument/documentSymbol', { textDocument: { uri: KUPANG } });
    const pasal2 = symbols.find((s) => s.name === 'Pasal 2')!;
    assert.equal(pasal2.containerName, 'BAB II');
    assert.equal(pasal2.location.uri, KUPANG);
    assert.ok(symbols.some((s) => s.name === 'ayat (1)' && s.containerName === 'Pasal 2'));
    const locations = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: KUPANG }, position: positionOf(kupangText, 59, 'ayat (1)', 2) });
    assert.deepEqual(locations.map((l) => [l.uri, l.range.start.line]), [[KUPANG, 58]]);
  });

  it('speaks Indonesian to an Indonesian client, and perwal.locale overrides', async () => {
    const indonesian = await start({ locale: 'id-ID', settings: {} });
    await indonesian.open(KUPANG, kupangText);
    const [malformed] = await indonesian.diagnosticsFor(KUPANG, has('malformed-heading', 225));
    const english = await start({ locale: 'id', settings: { locale: 'en' } });
    await english.open(KUPANG, kupangText);
    const [overridden] = await english.diagnosticsFor(KUPANG, has('malformed-heading', 225));
    assert.notEqual(malformed.message, overridden.message);
    const position = positionOf(kupangText, 58, 'Dinas merupakan', 2);
    await assert.rejects(indonesian.request('textDocument/prepareRename', { textDocument: { uri: KUPANG }, position }), /Tidak ada nomor Pasal/);
  });

  it('above perwal.maxFileSizeMB: one clear message, outline only', async () => {
    const client = await start({ settings: { maxFileSizeMB: 0.01 } });
    await client.open(BEKASI, bekasiText);
    const message = await client.message((m) => /maxFileSizeMB/.test(m.message), 'the file-size message');
    assert.match(message.message, /bekasi-perwal-121-2021\.perwal is 0\.\d MB, above perwal\.maxFileSizeMB \(0\.01 MB\)/);
    await client.diagnosticsFor(BEKASI, (d) => d.length === 0, 'no diagnostics above the size limit');
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: BEKASI } });
    assert.equal(symbols[0].name, 'BAB I');
    await client.change(BEKASI, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }]);
    await client.request('textDocument/documentSymbol', { textDocument: { uri: BEKASI } });
    assert.equal(client.messages.filter((m) => /maxFileSizeMB/.test(m.message)).length, 1, 'once per document');
  });

  it('debounces a burst of changes and analyses only the latest version', async () => {
    const client = await start({ settings: { debounceMs: 100 } });
    const uri = 'file:///burst.perwal';
    await client.open(uri, 'Pasal 1\n\nSatu.\n');
    await client.diagnosticsFor(uri, (_, params) => params.version === 1);
    let last = 1;
    for (let i = 2; i <= 8; i++) last = await client.change(uri, [{ range: { start: { line: 2, character: 4 }, end: { line: 2, character: 4 } }, text: ` ${i}` }]);
    await client.diagnosticsFor(uri, (_, params) => params.version === last, `diagnostics of version ${last}`);
    const versions = client.publishes.filter((p) => p.uri === uri).map((p) => p.version);
    assert.deepEqual(versions.filter((version) => version !== 1 && version !== last), [], `intermediate versions are never analysed: ${versions}`);
  });
});

describe('pull diagnostics (textDocument/diagnostic)', function () {
  this.timeout(30_000);
  const clients: TestClient[] = [];
  /** A client that can pull diagnostics and be asked to pull again, as VS Code is. */
  const start = async (settings: unknown): Promise<TestClient> => {
    const client = await TestClient.start({
      locale: 'en',
      settings,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, diagnostics: { refreshSupport: true } },
        textDocument: { diagnostic: { dynamicRegistration: false }, publishDiagnostics: { versionSupport: true } },
      },
    });
    clients.push(client);
    return client;
  };
  const items = (report: DocumentDiagnosticReport): Diagnostic[] => (report.kind === 'full' ? report.items : assert.fail(`a full report, not ${report.kind}`));
  const withoutUris = (diagnostics: Diagnostic[]): unknown[] => diagnostics.map((d) => ({ ...d, relatedInformation: d.relatedInformation?.map((r) => ({ ...r, location: { ...r.location, uri: '' } })) }));

  before(() => ensureServerBuilt());
  after(async () => {
    await Promise.all(clients.map((client) => client.stop()));
  });

  it('advertised to a client that can pull; "unchanged" when a keystroke changes no diagnostic, the full list when it does; nothing pushed', async () => {
    const client = await start({ debounceMs: 0 });
    assert.deepEqual(client.initializeResult.capabilities.diagnosticProvider, { identifier: 'perwal', interFileDependencies: false, workspaceDiagnostics: false });
    const document = TextDocument.create(KUPANG, 'perwal', 1, kupangText);
    await client.open(KUPANG, kupangText);
    const first = await client.pull(KUPANG);
    assert.match(first.resultId!, /^1\./, 'the result id names the version');
    assert.ok(has('malformed-heading', 225)(items(first)));
    const type = async (position: { line: number; character: number }, text: string): Promise<number> => {
      const range = { start: position, end: position };
      TextDocument.update(document, [{ range, text }], document.version + 1);
      return client.change(KUPANG, [{ range, text }], document.version);
    };
    // A letter in running text: no diagnostic moves or changes.
    await type(positionOf(kupangText, 58, 'Dinas', 2), 'x');
    const second = await client.pull(KUPANG, first.resultId);
    assert.deepEqual(second.kind, 'unchanged');
    assert.match(second.resultId!, /^2\./);
    // "Pasal 2 ayat (1)" becomes "Pasal 92 ayat (1)": a dangling reference appears.
    await type(positionOf(kupangText, 70, 'Pasal 2 ayat', 6), '9');
    const third = await client.pull(KUPANG, second.resultId);
    assert.ok(has('dangling-reference', 70)(items(third)), JSON.stringify(items(third).map((d) => `${d.range.start.line}:${d.code}`)));
    // The same text opened afresh has the same diagnostics, so "unchanged" never hid a change.
    const fresh = 'file:///seeds/fresh.perwal';
    await client.open(fresh, document.getText());
    assert.deepEqual(withoutUris(items(third)), withoutUris(items(await client.pull(fresh))));
    // A letter typed before it on the same line: as many diagnostics, but that one moved.
    await type(positionOf(kupangText, 70, 'Dinas', 2), 'x');
    const fourth = await client.pull(KUPANG, third.resultId);
    const dangling = (report: DocumentDiagnosticReport): Diagnostic => items(report).find((d) => codeOf(d) === 'dangling-reference' && d.range.start.line === 70)!;
    assert.equal(items(fourth).length, items(third).length);
    assert.equal(dangling(fourth).range.start.character, dangling(third).range.start.character + 1);
    // A client that lost a report (a stale id) gets the full list again.
    assert.deepEqual(items(await client.pull(KUPANG, first.resultId)), items(fourth));
    assert.deepEqual(await client.pull('file:///not-open.perwal'), { kind: 'full', items: [] });
    await client.close(KUPANG);
    await client.request('textDocument/documentSymbol', { textDocument: { uri: fresh } }); // a round trip after the close
    assert.deepEqual(client.publishes, [], 'a client that pulls is never pushed to');
  });

  it('edits that change the structure of a large law (re-parsed around the edit): each version\'s list equals the same text opened afresh', async () => {
    const client = await start({ debounceMs: 0 });
    const uri = 'file:///corpus/pp-22-2021.perwal';
    const law = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'corpus', 'mblx-pp-22-2021.txt'), 'utf8');
    const document = TextDocument.create(uri, 'perwal', 1, law);
    await client.open(uri, law);
    let report = await client.pull(uri);
    const heading = document.positionAt(law.indexOf('\nPasal 2', 200_000) + 7);
    const label = document.positionAt(law.indexOf('\n(2)', 300_000) + 1);
    const edits = [
      { range: { start: heading, end: heading }, text: '7' }, // "Pasal 233" → "Pasal 2733": out of sequence
      { range: { start: heading, end: { line: heading.line, character: heading.character + 1 } }, text: '' }, // and back
      { range: { start: label, end: { line: label.line, character: label.character + 1 } }, text: '' }, // "(2)" → "2)"
      { range: { start: label, end: label }, text: 'Pasal 99\n' }, // a new Pasal heading before it
    ];
    for (const [i, edit] of edits.entries()) {
      TextDocument.update(document, [edit], document.version + 1);
      await client.change(uri, [edit], document.version);
      report = await client.pull(uri, report.resultId);
      if (report.kind === 'full') {
        const fresh = `file:///corpus/fresh-${i}.perwal`;
        await client.open(fresh, document.getText());
        assert.deepEqual(withoutUris(items(report)), withoutUris(items(await client.pull(fresh))), `after edit ${i}: ${JSON.stringify(edit)}`);
        await client.close(fresh);
      } else assert.fail(`edit ${i} changes the numbering: a full list, not "unchanged"`);
    }
  });

  it('new settings: the client is asked to pull again, and gets the full list under the new severities', async () => {
    const client = await start({ debounceMs: 0 });
    await client.open(KUPANG, kupangText);
    const before = await client.pull(KUPANG);
    assert.ok(has('malformed-heading', 225)(items(before)));
    client.settings = { debounceMs: 0, severity: { 'malformed-heading': 'off' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.refreshed(1);
    assert.equal(client.refreshes, 1, 'the first settings (before any report) ask for no refresh');
    const after = await client.pull(KUPANG, before.resultId);
    assert.ok(!items(after).some((d) => codeOf(d) === 'malformed-heading'), 'malformed-heading turned off');
    assert.equal(items(after).length, items(before).length - 1);
  });

  it('pulls on empty, binary and malformed input answer plainly; the server lives on', async () => {
    const client = await start({ debounceMs: 0 });
    await client.open('file:///empty.perwal', '');
    await client.open('file:///binary.perwal', '\u0000\u0001\uFFFD\uD800Pasal \u0000\n\n(1) \u0007');
    assert.deepEqual(items(await client.pull('file:///empty.perwal')), []);
    assert.ok(Array.isArray(items(await client.pull('file:///binary.perwal'))));
    assert.deepEqual(await client.request('textDocument/diagnostic', {}), { kind: 'full', items: [] });
    assert.ok(client.alive);
  });

  it('waits for the debounce; a pull cancelled by the client while it waits is answered "cancelled", the next one has the last version', async () => {
    const client = await start({ debounceMs: 1000 });
    const uri = 'file:///pulled-burst.perwal';
    await client.open(uri, 'Pasal 1\n\nSatu.\n');
    const at = { line: 2, character: 4 };
    await client.change(uri, [{ range: { start: at, end: at }, text: ' dua' }]);
    const source = new CancellationTokenSource();
    const waiting = client.pull(uri, undefined, source.token);
    const last = await client.change(uri, [{ range: { start: at, end: at }, text: ' tiga' }]);
    source.cancel();
    await assert.rejects(waiting, (error: { code?: number }) => error.code === -32800 /* RequestCancelled */);
    const report = await client.pull(uri);
    assert.equal(report.kind, 'full');
    assert.match(report.resultId!, new RegExp(`^${last}\\.`));
  });
});
