// @ts-check
'use strict';
const assert = require('assert');
const vscode = require('vscode');
const h = require('./helpers');

suite('Perwal: outline and navigation', () => {
  /** @type {vscode.TextDocument} */ let kupang;
  /** @type {vscode.TextDocument} */ let bekasi;
  suiteSetup(async () => {
    await h.activate();
    bekasi = await h.openFixture('bekasi-perwal-121-2021.perwal');
    await h.waitForDiagnostics(bekasi.uri, (d) => d.length > 0, 'first diagnostics (document analysed)');
    kupang = await h.openFixture('kupang-perwal-49-2021.perwal');
    await h.waitForDiagnostics(kupang.uri, (d) => d.length > 0, 'first diagnostics (document analysed)');
  });

  test('document symbols: hierarchical BAB > Bagian > Paragraf > Pasal > ayat', async () => {
    /** @type {vscode.DocumentSymbol[]} */
    const syms = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', bekasi.uri);
    assert.ok(syms && syms.length > 0, 'no document symbols');
    assert.ok('children' in syms[0], 'expected hierarchical DocumentSymbol[] (not SymbolInformation[])');
    const top = syms.map((s) => s.name);
    assert.ok(top.includes('BAB I') && top.includes('BAB II') && top.includes('BAB VII'), 'top level should be the BABs: ' + JSON.stringify(top));
    const babI = syms.find((s) => s.name === 'BAB I');
    assert.match(String(babI?.detail), /KETENTUAN UMUM/i, 'detail of BAB I = its title');
    const flat = h.flatten(syms);
    const pasal5 = flat.find((x) => x.sym.name === 'Pasal 5');
    assert.ok(pasal5, 'Pasal 5 missing: ' + JSON.stringify(flat.map((x) => x.sym.name)));
    assert.deepStrictEqual(pasal5.parents.slice(0, 3), ['BAB II', 'Bagian Kesatu', 'Paragraf 2'], 'Pasal 5 lives in BAB II > Bagian Kesatu > Paragraf 2');
    assert.strictEqual(pasal5.sym.range.start.line, h.lineOf(bekasi, /^Pasal 5\b/));
    const pasal3 = flat.find((x) => x.sym.name === 'Pasal 3');
    assert.ok(pasal3 && pasal3.sym.children.length >= 2, 'Pasal 3 should have its ayat as children');
    assert.ok(pasal3.sym.children.every((c) => /ayat|\(\d+\)/i.test(c.name)), 'ayat children: ' + JSON.stringify(pasal3.sym.children.map((c) => c.name)));
    // The duplicate Pasal 14 appears twice (once per BAB): both are in the outline.
    assert.strictEqual(flat.filter((x) => x.sym.name === 'Pasal 14').length, 2);
  });

  test('kupang document symbols: BAB I detail and Pasal 2 with ayat (1)..(4)', async () => {
    /** @type {vscode.DocumentSymbol[]} */
    const syms = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', kupang.uri);
    assert.strictEqual(syms[0].name, 'BAB I');
    assert.match(String(syms[0].detail), /KETENTUAN UMUM/);
    const pasal2 = h.flatten(syms).find((x) => x.sym.name === 'Pasal 2');
    assert.ok(pasal2 && pasal2.parents[0] === 'BAB II', 'Pasal 2 under BAB II');
    assert.ok(pasal2.sym.children.length >= 4, 'Pasal 2 has ayat (1)..(4): ' + JSON.stringify(pasal2.sym.children.map((c) => c.name)));
  });

  test('definition: "ayat (1)" on kupang line 60 goes to Pasal 2 ayat (1) on line 59', async () => {
    assert.match(kupang.lineAt(59).text, /^- \(2\) Dinas sebagaimana dimaksud pada ayat \(1\)/);
    assert.match(kupang.lineAt(58).text, /^- \(1\) Dinas merupakan unsur pelaksana/);
    const targets = await h.definitionAt(kupang, h.posOf(kupang, 59, 'ayat (1)', 2));
    assert.strictEqual(targets.length, 1, 'one definition expected: ' + JSON.stringify(targets));
    assert.strictEqual(targets[0].uri.toString(), kupang.uri.toString());
    assert.strictEqual(targets[0].range.start.line, 58);
  });

  test('definition: "Pasal 2 ayat (1)" (kupang, "dimaksud dalam Pasal 2 ayat (1)") goes to line 59', async () => {
    const line = h.lineOf(kupang, /dimaksud dalam Pasal 2 ayat \(1\)/); // line 71 of the seed
    for (const pos of [h.posOf(kupang, line, 'ayat (1)', 2), h.posOf(kupang, line, 'Pasal 2', 2)]) {
      const targets = await h.definitionAt(kupang, pos);
      assert.ok(targets.length >= 1, `no definition at ${pos.line + 1}:${pos.character + 1}`);
      if (pos.character > kupang.lineAt(line).text.indexOf('ayat (1)')) assert.strictEqual(targets[0].range.start.line, 58, 'ayat (1) of Pasal 2');
      else assert.ok([56, 58].includes(targets[0].range.start.line), 'Pasal 2 (heading, or its ayat (1) for the compound reference): ' + targets[0].range.start.line);
    }
  });

  test('hover on a reference shows the referenced ayat text', async () => {
    /** @type {vscode.Hover[]} */
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', kupang.uri, h.posOf(kupang, 59, 'ayat (1)', 2));
    const text = h.hoverText(hovers || []);
    assert.match(text, /unsur pelaksana Urusan Pemerintahan/, 'hover should quote Pasal 2 ayat (1): ' + text);
  });

  test('references on the "Pasal 2" heading list its citations', async () => {
    const heading = h.lineOf(kupang, /^Pasal 2\s*$/);
    const citing = h.lineOf(kupang, /dimaksud dalam Pasal 2 ayat \(1\)/);
    /** @type {vscode.Location[]} */
    const refs = await vscode.commands.executeCommand('vscode.executeReferenceProvider', kupang.uri, new vscode.Position(heading, 6));
    const lines = (refs || []).map((r) => r.range.start.line);
    assert.ok(lines.includes(citing), `citation on line ${citing + 1} missing from references: ${JSON.stringify(lines.map((l) => l + 1))}`);
  });

  test('completion after "dimaksud dalam Pasal " offers the existing Pasal', async () => {
    const line = h.lineOf(kupang, /dimaksud dalam Pasal 2 ayat \(1\)/);
    const end = kupang.lineAt(line).range.end;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(kupang.uri, end, '\n- (9) Ketentuan sebagaimana dimaksud dalam Pasal ');
    try {
      assert.ok(await vscode.workspace.applyEdit(edit));
      const pos = kupang.lineAt(line + 1).range.end;
      /** @type {vscode.CompletionList} */
      const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', kupang.uri, pos);
      const labels = (list?.items || []).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      for (const n of ['1', '2', '12', '16']) {
        assert.ok(labels.some((l) => new RegExp(`^(Pasal\\s+)?${n}\\b`).test(l)), `Pasal ${n} not offered: ${JSON.stringify(labels.slice(0, 40))}`);
      }
    } finally {
      await h.revert(kupang);
    }
  });
});
