// @ts-check
// Shared helpers for the Perwal extension tests. They run INSIDE a VS Code extension host
// (code-server's remote Node host here, desktop VS Code via @vscode/test-electron elsewhere).
// Rule: never sleep for a fixed time -- wait on events (onDidChangeDiagnostics, onDidOpenTextDocument) with a timeout.
'use strict';
const assert = require('assert');
const path = require('path');
const vscode = require('vscode');

const EXTENSION_ID = process.env.PERWAL_E2E_EXTENSION_ID || 'perwal.perwal';
const SOURCE = 'perwal';
const TIMEOUT = Number(process.env.PERWAL_E2E_WAIT_MS || 20000);

/** @type {Promise<any> | undefined} */
let activated;
/** Activate the extension once and await its `ready` promise (language client started). */
function activate() {
  if (!activated) {
    activated = (async () => {
      const ext = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(ext, `extension ${EXTENSION_ID} is not installed in this extension host`);
      const api = await ext.activate();
      assert.ok(api && typeof api.ready?.then === 'function', 'activate() must return { ready: Promise<void> }');
      await withTimeout(api.ready, TIMEOUT, 'api.ready');
      return api;
    })();
  }
  return activated;
}

/**
 * @template T
 * @param {Thenable<T>} p @param {number} ms @param {string} what
 * @returns {Promise<T>}
 */
function withTimeout(p, ms, what) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  return Promise.race([
    Promise.resolve(p).finally(() => clearTimeout(timer)),
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${ms}ms waiting for ${what}`)), ms); }),
  ]);
}

function workspaceRoot() {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'no workspace folder open (the runner must open test/e2e/workspace or a copy of it)');
  return f.uri;
}

/** Open a fixture document of the workspace and show it in an editor. */
async function openFixture(/** @type {string} */ name) {
  const uri = vscode.Uri.joinPath(workspaceRoot(), name);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/** @param {vscode.Diagnostic} d */
const codeOf = (d) => (d.code !== null && typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code));
const perwalDiagnostics = (/** @type {vscode.Uri} */ uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
const describe = (/** @type {readonly vscode.Diagnostic[]} */ ds) =>
  JSON.stringify(ds.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} [${codeOf(d)}] ${d.message}`), null, 1);

/**
 * Resolve with the document's perwal diagnostics once `pred` holds for them: checks the current state, then
 * re-checks on every vscode.languages.onDidChangeDiagnostics event for that URI. Rejects after `ms`.
 * @param {vscode.Uri} uri
 * @param {(ds: vscode.Diagnostic[]) => boolean} pred
 * @param {string} what
 * @returns {Promise<vscode.Diagnostic[]>}
 */
function waitForDiagnostics(uri, pred, what, ms = TIMEOUT) {
  return new Promise((resolve, reject) => {
    const check = () => { const ds = perwalDiagnostics(uri); if (pred(ds)) { done(); resolve(ds); return true; } return false; };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => { if (e.uris.some((u) => u.toString() === uri.toString())) check(); });
    const timer = setTimeout(() => { sub.dispose(); reject(new Error(`timed out after ${ms}ms waiting for ${what} on ${path.basename(uri.path)}; last perwal diagnostics: ${describe(perwalDiagnostics(uri))}`)); }, ms);
    const done = () => { clearTimeout(timer); sub.dispose(); };
    check();
  });
}
const hasCode = (/** @type {string} */ code, /** @type {number | undefined} */ line0) => (/** @type {vscode.Diagnostic[]} */ ds) =>
  ds.some((d) => codeOf(d) === code && (line0 === undefined || d.range.start.line === line0));

/** Wait for a document change event for `doc` (after an edit/revert) so the next query sees the new text. */
function nextChange(/** @type {vscode.TextDocument} */ doc, ms = TIMEOUT) {
  return new Promise((resolve, reject) => {
    const sub = vscode.workspace.onDidChangeTextDocument((e) => { if (e.document.uri.toString() === doc.uri.toString()) { clearTimeout(t); sub.dispose(); resolve(e); } });
    const t = setTimeout(() => { sub.dispose(); reject(new Error('no change event for ' + doc.uri.path)); }, ms);
  });
}

/** 0-based index of the first line matching `re` (asserts it exists). */
function lineOf(/** @type {vscode.TextDocument} */ doc, /** @type {RegExp} */ re, from = 0) {
  for (let i = from; i < doc.lineCount; i++) if (re.test(doc.lineAt(i).text)) return i;
  assert.fail(`no line matching ${re} in ${path.basename(doc.uri.path)}`);
}
/** Position of the `nth` occurrence of `needle` on line `line0`, shifted by `offset` characters. */
function posOf(/** @type {vscode.TextDocument} */ doc, /** @type {number} */ line0, /** @type {string} */ needle, offset = 1, nth = 0) {
  const text = doc.lineAt(line0).text;
  let col = -1;
  for (let k = 0; k <= nth; k++) { col = text.indexOf(needle, col + 1); assert.ok(col >= 0, `"${needle}" (#${nth}) not on line ${line0 + 1}: ${text}`); }
  return new vscode.Position(line0, col + offset);
}

/** Target range of a Location | LocationLink (prefers the selection range of a link). */
function targetOf(/** @type {vscode.Location | vscode.LocationLink} */ l) {
  if ('targetUri' in l) return { uri: l.targetUri, range: l.targetSelectionRange || l.targetRange, full: l.targetRange };
  return { uri: l.uri, range: l.range, full: l.range };
}
async function definitionAt(/** @type {vscode.TextDocument} */ doc, /** @type {vscode.Position} */ pos) {
  /** @type {(vscode.Location | vscode.LocationLink)[] | undefined} */
  const locs = await vscode.commands.executeCommand('vscode.executeDefinitionProvider', doc.uri, pos);
  return (locs || []).map(targetOf);
}

/** Flattened DocumentSymbol tree: [{ sym, depth, parents }] */
function flatten(/** @type {vscode.DocumentSymbol[]} */ syms, depth = 0, /** @type {string[]} */ parents = []) {
  /** @type {{ sym: vscode.DocumentSymbol, depth: number, parents: string[] }[]} */
  const out = [];
  for (const s of syms) { out.push({ sym: s, depth, parents }); out.push(...flatten(s.children || [], depth + 1, [...parents, s.name])); }
  return out;
}

/** Hover contents as plain text. */
function hoverText(/** @type {vscode.Hover[]} */ hovers) {
  return hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
}

/** Discard unsaved edits of `doc` (the runner works on a temp copy of the workspace anyway). */
async function revert(/** @type {vscode.TextDocument} */ doc) {
  if (!doc.isDirty) return;
  await vscode.window.showTextDocument(doc, { preview: false });
  await vscode.commands.executeCommand('workbench.action.files.revert');
  assert.ok(!doc.isDirty, 'revert failed for ' + doc.uri.path);
}

module.exports = {
  EXTENSION_ID, SOURCE, TIMEOUT, activate, withTimeout, openFixture, codeOf, perwalDiagnostics, describe,
  waitForDiagnostics, hasCode, nextChange, lineOf, posOf, targetOf, definitionAt, flatten, hoverText, revert,
};
