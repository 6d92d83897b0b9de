// The renumbering quick fix on real texts: for numbering diagnostics of every corpus file (and the seeds),
// apply "renumber from here" and check that only numbers change, the group is sound afterwards, every
// reference still points at the same unit, and renumbering again changes nothing.
// The large files have hundreds of diagnostics; a deterministic, evenly spread sample keeps this under ~20 s.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, Analysis } from '../../server/src/features/analysis';
import { applyEdits, TextEdit } from '../../server/src/features/edits';
import { groupOf, renumberFrom } from '../../server/src/features/renumber';
import { Unit } from '../../server/src/model';

const NUMBERING = new Set(['duplicate-number', 'numbering-gap', 'numbering-order']);
/** Characters re-analysed per file at most (one re-analysis per sampled diagnostic). */
const BUDGET_PER_FILE = 200_000;
const MAX_PER_FILE = 6;

function fixturesDirectory(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'test', 'fixtures');
    if (fs.existsSync(path.join(candidate, 'seeds'))) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`test/fixtures not found above ${__dirname}`);
  }
}

function files(): string[] {
  const root = fixturesDirectory();
  const out: string[] = [];
  for (const folder of ['corpus', 'seeds']) {
    const directory = path.join(root, folder);
    if (!fs.existsSync(directory)) continue;
    for (const name of fs.readdirSync(directory).sort()) if (name.endsWith('.txt')) out.push(path.join(directory, name));
  }
  return out;
}

/** Where an offset of the old text lands after the edits (offsets inside an edit map to its start). */
function mapOffset(edits: readonly TextEdit[], offset: number): number {
  let delta = 0;
  for (const edit of edits) {
    if (edit.range.end <= offset) delta += edit.newText.length - (edit.range.end - edit.range.start);
    else if (edit.range.start < offset) return edit.range.start + delta;
  }
  return offset + delta;
}

/** One diagnostic per numbering group (its first offending unit), then evenly spread up to the budget. */
function sample(analysis: Analysis): Unit[] {
  const firsts = new Map<unknown, Unit>();
  for (const diagnostic of analysis.diagnostics) {
    if (!NUMBERING.has(diagnostic.code) || diagnostic.data.unitId === undefined) continue;
    const unit = analysis.regulation.units[diagnostic.data.unitId];
    const group = groupOf(analysis, unit);
    if (group && !firsts.has(group)) firsts.set(group, unit);
  }
  const all = [...firsts.values()];
  const limit = Math.max(1, Math.min(MAX_PER_FILE, Math.floor(BUDGET_PER_FILE / Math.max(1, analysis.text.length))));
  if (all.length <= limit) return all;
  return Array.from({ length: limit }, (_, i) => all[Math.floor((i * all.length) / limit)]);
}

function unitStartingAt(analysis: Analysis, start: number, kind: string): Unit | undefined {
  return analysis.regulation.units.find((unit) => unit.range.start === start && unit.kind === kind);
}

function checkRenumber(name: string, analysis: Analysis, unit: Unit): boolean {
  const text = analysis.text;
  const where = `${name}: renumber from ${unit.kind} ${unit.writtenNumber} at ${text.slice(0, unit.range.start).split('\n').length}`;
  const edits = renumberFrom(analysis, unit.id);
  // No renumbering is offered for a group that mixes numbering styles (Pasal I beside Pasal 59).
  if (edits.length === 0) return false;
  for (const edit of edits) {
    const old = text.slice(edit.range.start, edit.range.end);
    // Only number tokens: "14" → "15", "b" → "c", "IV" → "V", "Kedua" → "Ketiga" (ordinals may hold a space: "Kedua Belas").
    assert.match(old, /^[0-9A-Za-z()]+( [A-Za-z]+)*$/, `${where}: edit replaces ${JSON.stringify(old)}`);
    assert.match(edit.newText, /^[0-9A-Za-z()]+( [A-Za-z]+)*$/, `${where}: edit writes ${JSON.stringify(edit.newText)}`);
  }
  const result = applyEdits(text, edits);
  const after = analyze(result);
  const same = unitStartingAt(after, mapOffset(edits, unit.range.start), unit.kind);
  assert.ok(same, `${where}: the unit is still there after renumbering`);
  // The unit's own diagnostic is gone and no new numbering diagnostic appears in the group from it on
  // (a list that restarts later keeps its restart diagnostics: renumbering stops at a restart).
  const group = groupOf(after, same);
  assert.ok(group, `${where}: the unit is still numbered in a group`);
  const from = group.units.indexOf(same);
  const before = new Set(analysis.diagnostics.filter((diagnostic) => NUMBERING.has(diagnostic.code) && diagnostic.data.unitId !== undefined && diagnostic.data.unitId !== unit.id).map((diagnostic) => `${diagnostic.code}@${mapOffset(edits, analysis.regulation.units[diagnostic.data.unitId!].range.start)}`));
  const fresh = after.diagnostics.filter((diagnostic) => {
    if (!NUMBERING.has(diagnostic.code) || diagnostic.data.unitId === undefined) return false;
    const other = after.regulation.units[diagnostic.data.unitId];
    return group.units.indexOf(other) >= from && !before.has(`${diagnostic.code}@${other.range.start}`);
  });
  assert.deepEqual(fresh.map((diagnostic) => `${diagnostic.code}: ${diagnostic.message.en}`), [], `${where}: new numbering diagnostics in the group`);
  // Every reference that resolved before resolves to the same unit (at the mapped place) after.
  const afterItems = new Map<number, (typeof after.references)[number]['items'][number]>();
  for (const reference of after.references) for (const item of reference.items) afterItems.set(item.range.start, item);
  for (const reference of analysis.references) {
    for (const item of reference.items) {
      if (item.status !== 'resolved' || item.targets.length !== 1) continue;
      const moved = afterItems.get(mapOffset(edits, item.range.start));
      const written = text.slice(item.range.start, item.range.end);
      assert.ok(moved, `${where}: reference ${JSON.stringify(written)} is still a reference`);
      assert.equal(moved.status, 'resolved', `${where}: reference ${JSON.stringify(written)} → ${JSON.stringify(result.slice(moved.range.start, moved.range.end))} still resolves`);
      const target = item.targets[0];
      assert.equal(moved.targets[0].range.start, mapOffset(edits, target.range.start), `${where}: reference ${JSON.stringify(written)} points at the same ${target.kind}`);
      assert.equal(moved.targets[0].kind, target.kind);
    }
  }
  assert.deepEqual(renumberFrom(after, same.id), [], `${where}: renumbering again changes nothing`);
  return true;
}

describe('renumbering on the corpus', function () {
  this.timeout(60_000);
  let checked = 0;
  for (const file of files()) {
    const name = path.basename(file);
    it(name, () => {
      const analysis = analyze(fs.readFileSync(file, 'utf8'));
      for (const unit of sample(analysis)) if (checkRenumber(name, analysis, unit)) checked++;
    });
  }
  it('checked renumberings on the seeds at least', () => {
    assert.ok(checked >= 2, `only ${checked} renumberings were checked`);
  });
});
