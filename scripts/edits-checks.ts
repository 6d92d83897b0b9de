// "Edits lose nothing" (issue 6): the checks shared by the unit tests (edits-idempotence.test.ts,
// edits-corpus.test.ts, on a sample) and `npm run check:edits` (scripts/check-edits.ts, every corpus file).
// For RENUMBER, RENAME, EVERY QUICK FIX offered for a sampled diagnostic, and FIX ALL:
// - the edits replace only number (or heading) text;
// - every reference that resolved to one unit before resolves after to the same unit (at its mapped place);
// - the fixed diagnostic is gone (renumbering: no new numbering diagnostic in the group from the unit on);
// - doing it again changes nothing more (idempotent); a rename and its reverse give back the original text.
// Each check that fails is recorded as a failure (file, what, detail) and the others go on.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, Analysis } from '../server/src/features/analysis';
import { codeActions, fixAll } from '../server/src/features/code-actions';
import { applyEdits, lostReference, lostUnit, mapOffset, TextEdit } from '../server/src/features/edits';
import { rename } from '../server/src/features/rename';
import { editsForNumberChanges, groupOf, renumberFrom, renumberPlan } from '../server/src/features/renumber';
import { Unit } from '../server/src/model';

export interface Sampling {
  /** Cited Pasal renamed per file (in document order). */
  readonly renames: number;
  /** Diagnostics per file whose quick fixes are all applied (evenly spread over the file). */
  readonly quickFixDiagnostics: number;
  /** Whether fix all is checked. */
  readonly fixAll: boolean;
  /** Numbering groups renumbered per file (evenly spread), further bounded by `renumberBudget`. */
  readonly renumbers: number;
  /** Characters re-analysed per file for renumbering at most (one re-analysis per renumbering). */
  readonly renumberBudget: number;
}

export interface Failure {
  readonly file: string;
  readonly check: string;
  readonly detail: string;
}

export interface Tally {
  files: number;
  renames: number;
  /** Renames the feature refused with a reason (the new heading would not be read as one: see rename.ts). */
  renamesRefused: number;
  quickFixes: number;
  fixAlls: number;
  renumbers: number;
  /** Renumberings the feature refused: their edits lose a unit or reference (see renumberFrom), checked here. */
  renumbersRefused: number;
  readonly failures: Failure[];
  /** "code: title shape" of every quick fix checked. */
  readonly kinds: Set<string>;
}

export function newTally(): Tally {
  return { files: 0, renames: 0, renamesRefused: 0, quickFixes: 0, fixAlls: 0, renumbers: 0, renumbersRefused: 0, failures: [], kinds: new Set() };
}

const NUMBERING = new Set(['duplicate-number', 'numbering-gap', 'numbering-order']);
/** A Pasal number no regulation reaches: far out of sequence on purpose. */
const FAR_NUMBER = '901';

/** Every .txt of test/fixtures/seeds and test/fixtures/corpus, as { name, text }. */
export function editFixtures(root: string): Array<{ name: string; text: string; seed: boolean }> {
  const out: Array<{ name: string; text: string; seed: boolean }> = [];
  for (const folder of ['seeds', 'corpus']) {
    const directory = path.join(root, 'test/fixtures', folder);
    for (const name of fs.readdirSync(directory).sort()) {
      if (name.endsWith('.txt')) out.push({ name, text: fs.readFileSync(path.join(directory, name), 'utf8'), seed: folder === 'seeds' });
    }
  }
  return out;
}

/** Runs every check on one file; returns the failures found in it (also added to the tally). */
export function checkFileEdits(name: string, text: string, sampling: Sampling, tally: Tally): Failure[] {
  const failures: Failure[] = [];
  const attempt = (check: string, body: () => void): void => {
    try {
      body();
    } catch (error) {
      const failure = { file: name, check, detail: error instanceof Error ? error.message.split('\n')[0] : String(error) };
      failures.push(failure);
      tally.failures.push(failure);
    }
  };
  tally.files++;
  const analysis = analyze(text);
  for (const unit of renameCandidates(analysis, sampling.renames)) attempt(`rename Pasal ${unit.number} → ${FAR_NUMBER}`, () => checkRename(analysis, unit, tally));
  for (const diagnostic of sampleByStep(analysis.diagnostics, sampling.quickFixDiagnostics)) {
    for (const action of codeActions(analysis, diagnostic.range)) {
      if (action.kind !== 'quickfix' || action.diagnostic !== diagnostic) continue;
      attempt(`${action.title.en} for ${diagnostic.code} at ${diagnostic.range.start}`, () => checkQuickFix(analysis, diagnostic, action, tally));
    }
  }
  if (sampling.fixAll) attempt('fix all', () => checkFixAll(analysis, tally));
  for (const unit of renumberSample(analysis, sampling)) attempt(renumberCheckName(text, unit), () => checkRenumber(analysis, unit, tally));
  return failures;
}

/** The renumbering check for one chosen unit (a regression case); returns its failures (also added to the tally). */
export function checkRenumberingOf(name: string, analysis: Analysis, unit: Unit, tally: Tally): Failure[] {
  try {
    checkRenumber(analysis, unit, tally);
    return [];
  } catch (error) {
    const failure = { file: name, check: renumberCheckName(analysis.text, unit), detail: error instanceof Error ? error.message.split('\n')[0] : String(error) };
    tally.failures.push(failure);
    return [failure];
  }
}

function renumberCheckName(text: string, unit: Unit): string {
  return `renumber from ${unit.kind} ${unit.writtenNumber} at line ${lineOf(text, unit.range.start)}`;
}

// ---- the checks -----------------------------------------------------------------------------------

/** The first `count` Pasal with a plain number that a resolved reference cites. */
function renameCandidates(analysis: Analysis, count: number): Unit[] {
  const cited = new Set<number>();
  for (const reference of analysis.references) {
    for (const item of reference.items) if (item.status === 'resolved' && item.targets.length === 1 && item.targets[0].kind === 'pasal') cited.add(item.targets[0].id);
  }
  return analysis.regulation.units.filter((unit) => unit.kind === 'pasal' && cited.has(unit.id) && unit.number !== undefined && /^\d+$/.test(unit.number)).slice(0, count);
}

/**
 * Rename a cited Pasal far out of sequence (901), then again to 901, then back. An inline or damaged heading is
 * read as a heading only when its number fits the sequence (ARCHITECTURE.md: doubtful candidates are decided by
 * the sequence), so there "Pasal 901" would be plain text and every reference into the Pasal would be lost.
 * What a demanding drafter expects: the rename keeps every reference, or it is refused with the reason. So the
 * check computes the plain edits itself (the unit and the references to it) and reads the result: when it
 * loses the heading or a reference, the rename must be refused; otherwise it must give exactly those edits.
 */
function checkRename(analysis: Analysis, unit: Unit, tally: Tally): void {
  const text = analysis.text;
  const offset = text.indexOf(unit.number!, unit.numberRange.start);
  const plain = editsForNumberChanges(analysis, [{ unit, number: FAR_NUMBER }]);
  for (const edit of plain) {
    assert(/^[0-9A-Za-z]+$/.test(text.slice(edit.range.start, edit.range.end)), `replaces ${JSON.stringify(text.slice(edit.range.start, edit.range.end))}, not only a number`);
    assert(edit.newText === FAR_NUMBER, `writes ${JSON.stringify(edit.newText)}`);
  }
  const after = analyze(applyEdits(text, plain));
  const loses = lostUnit(analysis, after, plain) ? 'a heading' : lostReference(analysis, after, plain) ? 'a reference' : undefined;
  const result = rename(analysis, offset, FAR_NUMBER);
  if (loses) {
    assert('error' in result, `the rename is offered though the renamed text loses ${loses}`);
    tally.renamesRefused++;
    return;
  }
  assert('edits' in result, `the rename is refused though it loses nothing: ${'error' in result ? result.error.en : ''}`);
  assert(applyEdits(text, result.edits) === after.text, 'the rename gives other edits than the unit and its references');
  const newOffset = mapOffset(plain, offset);
  const again = rename(after, newOffset, FAR_NUMBER);
  assert('edits' in again && unchanged(after.text, again.edits), 'renaming again changes more');
  const back = rename(after, newOffset, unit.number!);
  assert('edits' in back, `renaming back is refused: ${'error' in back ? back.error.en : ''}`);
  assert(applyEdits(after.text, back.edits) === text, 'renaming back does not give the original text');
  tally.renames++;
}

function checkQuickFix(analysis: Analysis, diagnostic: Analysis['diagnostics'][number], action: ReturnType<typeof codeActions>[number], tally: Tally): void {
  tally.kinds.add(`${diagnostic.code}: ${action.title.en.replace(/[0-9A-Z]+[a-z]?(?=\b)/g, 'N').slice(0, 40)}`);
  const after = analyze(applyEdits(analysis.text, action.edits));
  const mapped = mapOffset(action.edits, diagnostic.range.start);
  assert(!after.diagnostics.some((d) => d.code === diagnostic.code && d.range.start === mapped && d.message.en === diagnostic.message.en), 'the diagnostic is still there');
  // Replacing a dangling reference makes it resolve: it is the one reference meant to change.
  if (diagnostic.code !== 'dangling-reference') nothingLost(analysis, after, action.edits);
  const offeredAgain = codeActions(after, { start: mapped, end: mapped }).filter((candidate) => candidate.kind === 'quickfix' && candidate.title.en === action.title.en && candidate.diagnostic?.code === diagnostic.code);
  assert(offeredAgain.every((candidate) => unchanged(after.text, candidate.edits)), 'applying it again changes more');
  tally.quickFixes++;
}

/** Fix all keeps every reference and reaches its fixed point in one application. */
function checkFixAll(analysis: Analysis, tally: Tally): void {
  const all = fixAll(analysis);
  if (all.length === 0) return;
  const once = applyEdits(analysis.text, all);
  const after = analyze(once);
  nothingLost(analysis, after, all);
  const secondPass = fixAll(after);
  assert(unchanged(once, secondPass), `applied twice it changes more (${secondPass.length} more edits, first at ${secondPass[0]?.range.start}: ${JSON.stringify(once.slice(secondPass[0]?.range.start, secondPass[0]?.range.end))} → ${JSON.stringify(secondPass[0]?.newText)})`);
  tally.fixAlls++;
}

/** One numbering group per diagnostic (its first offending unit), evenly spread up to the sampling. */
function renumberSample(analysis: Analysis, sampling: Sampling): Unit[] {
  const firsts = new Map<unknown, Unit>();
  for (const diagnostic of analysis.diagnostics) {
    if (!NUMBERING.has(diagnostic.code) || diagnostic.data.unitId === undefined) continue;
    const unit = analysis.regulation.units[diagnostic.data.unitId];
    const group = groupOf(analysis, unit);
    if (group && !firsts.has(group)) firsts.set(group, unit);
  }
  if (sampling.renumbers <= 0) return [];
  const limit = Math.max(1, Math.min(sampling.renumbers, Math.floor(sampling.renumberBudget / Math.max(1, analysis.text.length))));
  return sampleEvenly([...firsts.values()], limit);
}

/**
 * Renumber from a unit: only number tokens change, the unit is still there, its group has no new numbering
 * diagnostic from it on (a list that restarts later keeps its restart: renumbering stops there), every
 * unit and every reference is still read the same, and renumbering again changes nothing. In scraped text a
 * renumbering can break that far from its group (an amendment instruction ends a quote only when its number
 * follows the one before; a mid-line label counts only when it continues its list): the feature then refuses
 * it. So the check computes the plain edits of the plan and judges them itself: when they break any of the
 * above, the renumbering must be refused; otherwise it must be offered with exactly those edits.
 */
function checkRenumber(analysis: Analysis, unit: Unit, tally: Tally): void {
  const text = analysis.text;
  const plain = editsForNumberChanges(analysis, renumberPlan(analysis, unit.id));
  // No renumbering is planned for a group that mixes numbering styles (Pasal I beside Pasal 59).
  if (plain.length === 0) return;
  for (const edit of plain) {
    // Only number tokens: "14" → "15", "b" → "c", "IV" → "V", "Kedua" → "Ketiga" (ordinals may hold a space: "Kedua Belas").
    const old = text.slice(edit.range.start, edit.range.end);
    assert(/^[0-9A-Za-z()]+( [A-Za-z]+)*$/.test(old), `edit replaces ${JSON.stringify(old)}`);
    assert(/^[0-9A-Za-z()]+( [A-Za-z]+)*$/.test(edit.newText), `edit writes ${JSON.stringify(edit.newText)}`);
  }
  const after = analyze(applyEdits(text, plain));
  const problem = renumberProblem(analysis, unit, plain, after);
  const offered = renumberFrom(analysis, unit.id);
  if (problem) {
    assert(offered.length === 0, `the renumbering is offered though ${problem}`);
    tally.renumbersRefused++;
    return;
  }
  assert(offered.length > 0, 'the renumbering is refused though it loses nothing');
  assert(applyEdits(text, offered) === after.text, 'the renumbering gives other edits than its plan');
  tally.renumbers++;
}

/** What the renumbered text (`after`) breaks, or undefined. */
function renumberProblem(analysis: Analysis, unit: Unit, edits: readonly TextEdit[], after: Analysis): string | undefined {
  const same = unitStartingAt(after, mapOffset(edits, unit.range.start), unit.kind);
  if (!same) return 'the unit is gone after renumbering';
  const group = groupOf(after, same);
  if (!group) return 'the unit is no longer numbered in a group';
  const from = group.units.indexOf(same);
  const before = new Set(analysis.diagnostics.filter((diagnostic) => NUMBERING.has(diagnostic.code) && diagnostic.data.unitId !== undefined && diagnostic.data.unitId !== unit.id).map((diagnostic) => `${diagnostic.code}@${mapOffset(edits, analysis.regulation.units[diagnostic.data.unitId!].range.start)}`));
  const fresh = after.diagnostics.filter((diagnostic) => {
    if (!NUMBERING.has(diagnostic.code) || diagnostic.data.unitId === undefined) return false;
    const other = after.regulation.units[diagnostic.data.unitId];
    return group.units.indexOf(other) >= from && !before.has(`${diagnostic.code}@${other.range.start}`);
  });
  if (fresh.length > 0) return `new numbering diagnostics in the group: ${fresh.map((diagnostic) => `${diagnostic.code}: ${diagnostic.message.en}`).join('; ')}`;
  try {
    nothingLost(analysis, after, edits);
  } catch (error) {
    return (error as Error).message;
  }
  if (editsForNumberChanges(after, renumberPlan(after, same.id)).length > 0) return 'renumbering again changes more';
  return undefined;
}

// ---- helpers --------------------------------------------------------------------------------------

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/**
 * Nothing is lost: every unit is still there (kind and mapped place; a renumbered one with its new number), and
 * every reference that resolved to one unit before resolves after to the same unit.
 */
function nothingLost(before: Analysis, after: Analysis, edits: readonly TextEdit[]): void {
  const unit = lostUnit(before, after, edits);
  if (unit) throw new Error(`${unit.kind} ${unit.writtenNumber ?? unit.number} at ${unit.range.start} is no longer read as it should be`);
  const lost = lostReference(before, after, edits);
  if (!lost) return;
  const { item, now } = lost;
  const where = `reference ${JSON.stringify(before.text.slice(item.range.start, item.range.end))} at ${item.range.start} (was: ${item.targets[0].kind} ${item.targets[0].number})`;
  throw new Error(!now ? `${where} is no longer a reference` : now.status !== 'resolved' ? `${where} is ${now.status}` : `${where} points at another unit (${now.targets[0].kind} ${now.targets[0].number})`);
}

function unitStartingAt(analysis: Analysis, start: number, kind: string): Unit | undefined {
  return analysis.regulation.units.find((unit) => unit.range.start === start && unit.kind === kind);
}

function unchanged(text: string, edits: readonly TextEdit[]): boolean {
  return applyEdits(text, edits) === text;
}

function sampleEvenly<T>(all: readonly T[], limit: number): T[] {
  if (limit <= 0) return [];
  if (all.length <= limit) return [...all];
  return Array.from({ length: limit }, (_, i) => all[Math.floor((i * all.length) / limit)]);
}

/** Every step-th element, the step chosen so that about `count` (at most 2·count − 1) are taken. */
function sampleByStep<T>(all: readonly T[], count: number): T[] {
  if (count <= 0) return [];
  const step = Math.max(1, Math.floor(all.length / count));
  return all.filter((_, i) => i % step === 0);
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
