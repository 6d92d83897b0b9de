// @ts-check
'use strict';
const assert = require('assert');
const vscode = require('vscode');
const h = require('./helpers');

suite('Perwal: activation and diagnostics', () => {
  suiteSetup(() => h.activate());

  test('extension activates, api.ready resolves, .perwal opens as language "perwal"', async () => {
    const ext = vscode.extensions.getExtension(h.EXTENSION_ID);
    assert.ok(ext && ext.isActive, 'extension not active');
    const doc = await h.openFixture('kupang-perwal-49-2021.perwal');
    assert.strictEqual(doc.languageId, 'perwal');
  });

  test('bekasi: duplicate Pasal 14 (line 424), malformed "asal 18" (line 468), Paragraf gap (line 135)', async () => {
    const doc = await h.openFixture('bekasi-perwal-121-2021.perwal');
    // Guard the fixture itself so a drifting seed gives a clear message.
    assert.match(doc.lineAt(423).text, /^Pasal 14\b/);
    assert.match(doc.lineAt(467).text, /^asal 18\b/);
    assert.match(doc.lineAt(134).text, /^Paragraf 2\b/);
    const ds = await h.waitForDiagnostics(doc.uri,
      (d) => h.hasCode('duplicate-number', 423)(d) && h.hasCode('malformed-heading', 467)(d) && h.hasCode('numbering-gap', 134)(d),
      'duplicate-number@424 + malformed-heading@468 + numbering-gap@135');
    for (const d of ds) assert.strictEqual(d.source, 'perwal');
    const dup = ds.find((d) => h.codeOf(d) === 'duplicate-number' && d.range.start.line === 423);
    assert.ok(dup && dup.severity <= vscode.DiagnosticSeverity.Warning, 'duplicate-number should be an error or warning: ' + h.describe(ds));
    const malformed = ds.find((d) => h.codeOf(d) === 'malformed-heading' && d.range.start.line === 467);
    assert.match(String(malformed?.message), /Pasal 18|Pasal/, 'malformed-heading message should name the intended heading');
    assert.ok(!ds.some((d) => h.codeOf(d) === 'dangling-reference'), 'no dangling-reference expected in bekasi: ' + h.describe(ds));
  });

  test('kupang: "Pasal B" (line 226) is malformed-heading; no dangling-reference', async () => {
    const doc = await h.openFixture('kupang-perwal-49-2021.perwal');
    assert.match(doc.lineAt(225).text, /^Pasal B\b/);
    const ds = await h.waitForDiagnostics(doc.uri, h.hasCode('malformed-heading', 225), 'malformed-heading@226');
    const d = ds.find((x) => h.codeOf(x) === 'malformed-heading' && x.range.start.line === 225);
    assert.match(String(d?.message), /Pasal 13|13/, 'should suggest Pasal 13: ' + h.describe(ds));
    assert.ok(!ds.some((x) => h.codeOf(x) === 'dangling-reference'), 'no dangling-reference expected in kupang: ' + h.describe(ds));
  });

  test('hand-written regulation: numbering gap at Pasal 4 and dangling reference to Pasal 9', async () => {
    const doc = await h.openFixture('contoh-uji.perwal');
    const gapLine = h.lineOf(doc, /^Pasal 4\b/);
    const refLine = h.lineOf(doc, /dimaksud dalam Pasal 9\b/);
    const ds = await h.waitForDiagnostics(doc.uri,
      (x) => h.hasCode('numbering-gap', gapLine)(x) && h.hasCode('dangling-reference', refLine)(x), 'numbering-gap + dangling-reference');
    const dangling = ds.filter((x) => h.codeOf(x) === 'dangling-reference');
    assert.strictEqual(dangling.length, 1, 'only "Pasal 9" dangles; "Pasal 2 ayat (2)" and "ayat (1)" resolve: ' + h.describe(ds));
    const col = doc.lineAt(refLine).text.indexOf('Pasal 9');
    assert.ok(dangling[0].range.start.character <= col + 6 && dangling[0].range.end.character >= col + 6,
      'dangling-reference range should cover "Pasal 9": ' + h.describe(dangling));
  });

  test('editing the text updates diagnostics (fixing the dangling reference removes it)', async () => {
    const doc = await h.openFixture('contoh-uji.perwal');
    const refLine = h.lineOf(doc, /dimaksud dalam Pasal 9\b/);
    await h.waitForDiagnostics(doc.uri, h.hasCode('dangling-reference', refLine), 'dangling-reference');
    try {
      const at = h.posOf(doc, refLine, 'Pasal 9', 6);
      const edit = new vscode.WorkspaceEdit();
      edit.replace(doc.uri, new vscode.Range(at, at.translate(0, 1)), '2');
      assert.ok(await vscode.workspace.applyEdit(edit));
      await h.waitForDiagnostics(doc.uri, (x) => x.length > 0 && !x.some((d) => h.codeOf(d) === 'dangling-reference'), 'dangling-reference to disappear');
    } finally {
      await h.revert(doc);
    }
    await h.waitForDiagnostics(doc.uri, h.hasCode('dangling-reference', refLine), 'dangling-reference back after revert');
  });

  test('typing the missing "P" of "asal 18" in bekasi (the structure changes) clears malformed-heading; the duplicate stays', async () => {
    const doc = await h.openFixture('bekasi-perwal-121-2021.perwal');
    assert.match(doc.lineAt(467).text, /^asal 18\b/);
    await h.waitForDiagnostics(doc.uri, h.hasCode('malformed-heading', 467), 'malformed-heading@468');
    try {
      const edit = new vscode.WorkspaceEdit();
      edit.insert(doc.uri, new vscode.Position(467, 0), 'P');
      assert.ok(await vscode.workspace.applyEdit(edit));
      await h.waitForDiagnostics(doc.uri, (x) => !x.some((d) => h.codeOf(d) === 'malformed-heading') && h.hasCode('duplicate-number', 423)(x), 'malformed-heading gone, duplicate-number@424 still there');
    } finally {
      await h.revert(doc);
    }
    await h.waitForDiagnostics(doc.uri, h.hasCode('malformed-heading', 467), 'malformed-heading back after revert');
  });

  test('a .txt that looks like a regulation is detected as perwal', async () => {
    const uri = vscode.Uri.joinPath(/** @type {vscode.WorkspaceFolder} */ (vscode.workspace.workspaceFolders?.[0]).uri, 'peraturan-deteksi.txt');
    // Detection may switch the language after open (setTextDocumentLanguage re-opens the document): wait for it.
    const detected = new Promise((resolve) => {
      const sub = vscode.workspace.onDidOpenTextDocument((d) => { if (d.uri.toString() === uri.toString() && d.languageId === 'perwal') { sub.dispose(); resolve(d); } });
    });
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    if (doc.languageId !== 'perwal') await h.withTimeout(detected, h.TIMEOUT, 'peraturan-deteksi.txt to be detected as perwal');
    const now = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    assert.strictEqual(now?.languageId, 'perwal');
  });
});
