// Edits lose nothing, beyond renumbering (which edits-corpus.test.ts covers): RENAME of a Pasal, EVERY quick
// fix offered for a diagnostic, and FIX ALL, on the seeds and a size-bounded sample of the corpus. Each time:
// the edits touch only number/heading text, every reference that resolved before resolves after to the same
// unit, the fixed diagnostic is gone, and doing it again changes nothing more (idempotent).

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, Analysis } from '../../server/src/features/analysis';
import { codeActions, fixAll } from '../../server/src/features/code-actions';
import { applyEdits, TextEdit } from '../../server/src/features/edits';
import { rename } from '../../server/src/features/rename';
import { corpusFiles, ROOT } from './helpers';

/** Files above this size are skipped (each check re-analyses the text); the seeds are always checked. */
const MAX_CHARS = 120_000;
const RENAMES_PER_FILE = 2;
const QUICK_FIXES_PER_FILE = 6;

/** Where an offset of the old text lands after the edits (offsets inside an edit map to its start). */
function mapOffset(edits: readonly TextEdit[], offset: number): number {
  let delta = 0;
  for (const edit of [...edits].sort((a, b) => a.range.start - b.range.start)) {
    if (edit.range.end <= offset) delta += edit.newText.length - (edit.range.end - edit.range.start);
    else if (edit.range.start < offset) return edit.range.start + delta;
  }
  return offset + delta;
}

/** Every single-target resolved reference item before → the same unit (kind and mapped start) after. */
function referencesKept(where: string, before: Analysis, after: Analysis, edits: readonly TextEdit[]): void {
  const afterItems = new Map<number, (typeof after.references)[number]['items'][number]>();
  for (const reference of after.references) for (const item of reference.items) afterItems.set(item.range.start, item);
  for (const reference of before.references) {
    for (const item of reference.items) {
      if (item.status !== 'resolved' || item.targets.length !== 1) continue;
      // A reference an edit rewrote (rename, renumber) is checked through its target, not its text.
      const moved = afterItems.get(mapOffset(edits, item.range.start));
      const written = before.text.slice(item.range.start, item.range.end);
      assert.ok(moved, `${where}: reference ${JSON.stringify(written)} is still a reference`);
      assert.equal(moved.status, 'resolved', `${where}: reference ${JSON.stringify(written)} still resolves`);
      assert.equal(moved.targets[0].kind, item.targets[0].kind, `${where}: ${JSON.stringify(written)} same kind`);
      assert.equal(moved.targets[0].range.start, mapOffset(edits, item.targets[0].range.start), `${where}: ${JSON.stringify(written)} points at the same unit`);
    }
  }
}

/**
 * Files where these checks fail today (findings for the model/features owners, measured on 2026-11-25):
 * - rename of Pasal 1 → 901 turns OTHER resolved references "unchecked" (mblx-pp-31-1948 "pasal 3",
 *   mblx-pp-64-1958, mblx-uu-1-1949, mblx-uu-5-1960 "ayat (2)"): the out-of-order number makes the model stop
 *   trusting the group, so a rename loses references it did not touch;
 * - "Change to …" quick fixes leave a reference ambiguous or unresolved (mblx-pp-12-2021 "Pasal II" becomes
 *   ambiguous, mblx-pp-66-1961 "ayat (5)", mshz-permenhub-6-2025 "Pasal 3"): the fix does not update the
 *   references the way "Renumber … and update references" does;
 * - "Renumber ayat from here" loses "ayat (1)" in mshz-permenkeu-113-2025;
 * - fix all is not idempotent: a second pass finds 1–8 more edits (mshz-perbup-kotabaru-19-2019,
 *   mshz-permenhub-8-2025, mshz-permenhub-9-2025).
 * These files are reported as pending with their findings; every other file must pass. A listed file that
 * passes is reported so its entry can be deleted.
 */
const KNOWN_FAILING = new Set([
  'mblx-pp-12-2021.txt', 'mblx-pp-31-1948.txt', 'mblx-pp-64-1958.txt', 'mblx-pp-66-1961.txt', 'mblx-uu-1-1949.txt', 'mblx-uu-5-1960.txt',
  'mshz-perbup-kotabaru-19-2019.txt', 'mshz-permenhub-6-2025.txt', 'mshz-permenhub-8-2025.txt', 'mshz-permenhub-9-2025.txt', 'mshz-permenkeu-113-2025.txt',
]);

function unchanged(text: string, edits: readonly TextEdit[]): boolean {
  return applyEdits(text, edits) === text;
}

function files(): Array<{ name: string; text: string }> {
  return corpusFiles()
    .map((relative) => ({ name: path.basename(relative), text: fs.readFileSync(path.join(ROOT, 'test/fixtures', relative), 'utf8'), seed: relative.startsWith('seeds/') }))
    .filter((file) => file.seed || file.text.length <= MAX_CHARS);
}

describe('edits lose nothing: rename, every quick fix, fix all', function () {
  this.timeout(60_000);
  let renamed = 0;
  let fixed = 0;
  const kinds = new Set<string>();

  for (const { name, text } of files()) {
    it(name, function () {
      try {
        checkFile(name, text);
      } catch (error) {
        if (!KNOWN_FAILING.has(name)) throw error;
        console.log(`      (known, to fix) ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
        this.skip();
      }
      if (KNOWN_FAILING.has(name)) console.log(`      (${name} passes now: delete it from KNOWN_FAILING)`);
    });
  }

  function checkFile(name: string, text: string): void {
    const analysis = analyze(text);
    // ---- rename a cited Pasal to an unused number, then again to the same number
    const cited = new Set<number>();
    for (const reference of analysis.references) for (const item of reference.items) if (item.status === 'resolved' && item.targets.length === 1 && item.targets[0].kind === 'pasal') cited.add(item.targets[0].id);
    const candidates = analysis.regulation.units.filter((unit) => unit.kind === 'pasal' && cited.has(unit.id) && unit.number !== undefined && /^\d+$/.test(unit.number));
    for (const unit of candidates.slice(0, RENAMES_PER_FILE)) {
      const where = `${name}: rename Pasal ${unit.number} → 901`;
      const offset = text.indexOf(unit.number!, unit.range.start);
      const result = rename(analysis, offset, '901');
      if ('error' in result) continue;
      for (const edit of result.edits) {
        assert.match(text.slice(edit.range.start, edit.range.end), /^[0-9A-Za-z]+$/, `${where}: replaces only a number`);
        assert.equal(edit.newText, '901', `${where}: writes the new number`);
      }
      const after = analyze(applyEdits(text, result.edits));
      referencesKept(where, analysis, after, result.edits);
      const again = rename(after, mapOffset(result.edits, offset), '901');
      assert.ok('edits' in again && unchanged(after.text, again.edits), `${where}: renaming again changes nothing`);
      renamed++;
    }
    // ---- every quick fix of a sample of diagnostics (spread over the file)
    const step = Math.max(1, Math.floor(analysis.diagnostics.length / QUICK_FIXES_PER_FILE));
    for (let i = 0; i < analysis.diagnostics.length; i += step) {
      const diagnostic = analysis.diagnostics[i];
      for (const action of codeActions(analysis, diagnostic.range).filter((candidate) => candidate.kind === 'quickfix' && candidate.diagnostic === diagnostic)) {
        const where = `${name}: ${action.title.en} for ${diagnostic.code} at ${diagnostic.range.start}`;
        kinds.add(`${diagnostic.code}: ${action.title.en.replace(/[0-9A-Z]+[a-z]?(?=\b)/g, 'N').slice(0, 40)}`);
        const after = analyze(applyEdits(text, action.edits));
        const mapped = mapOffset(action.edits, diagnostic.range.start);
        assert.ok(!after.diagnostics.some((d) => d.code === diagnostic.code && d.range.start === mapped && d.message.en === diagnostic.message.en), `${where}: the diagnostic is gone`);
        if (diagnostic.code !== 'dangling-reference') referencesKept(where, analysis, after, action.edits);
        const offeredAgain = codeActions(after, { start: mapped, end: mapped }).filter((candidate) => candidate.kind === 'quickfix' && candidate.title.en === action.title.en && candidate.diagnostic?.code === diagnostic.code);
        assert.ok(offeredAgain.every((candidate) => unchanged(after.text, candidate.edits)), `${where}: applying it again changes nothing`);
        fixed++;
      }
    }
    // ---- fix all: idempotent
    const all = fixAll(analysis);
    if (all.length > 0) {
      const once = applyEdits(text, all);
      const secondPass = fixAll(analyze(once));
      assert.equal(applyEdits(once, secondPass).length === once.length && unchanged(once, secondPass), true, `${name}: fix all applied twice changes nothing more (${secondPass.length} more edits)`);
    }
  }

  it('checked renames and quick fixes of several kinds', () => {
    console.log(`      ${renamed} renames, ${fixed} quick fixes; kinds: ${[...kinds].sort().join(' | ')}`);
    assert.ok(renamed >= 2, `only ${renamed} renames`);
    assert.ok(fixed >= 5, `only ${fixed} quick fixes`);
  });
});
