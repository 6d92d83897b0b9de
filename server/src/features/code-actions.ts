// Quick fixes for numbering and damaged-text diagnostics, and "fix all" for the whole document.
// Pure: an analysis and a range in, titled edit lists out; the server turns them into LSP code actions.

import { isSuccessor, LOOKAHEAD_CHARS, normaliseKey } from '../syntax';
import { parseNumberFor, TextRange, Unit, unitNameWith } from '../model';
import { analyze, Analysis } from './analysis';
import { Diagnostic, DiagnosticCode } from './diagnostics';
import { applyEdits, editsOverlap, lostReference, lostUnit, mergeEdits, offsetMapper, replaceEdit, sortEdits, TextEdit } from './edits';
import { Message } from './messages';
import { editsForNumberChanges, groupOf, NumberChange, renumberFrom, renumberPlan } from './renumber';

export interface CodeAction {
  readonly title: Message;
  readonly kind: 'quickfix' | 'source.fixAll';
  readonly diagnostic?: Diagnostic;
  readonly edits: TextEdit[];
  readonly isPreferred: boolean;
  /**
   * Offered before its work is done, resolved when the user picks it: fix all without its edits (see fixAll); a
   * quick fix with its edits not yet checked (see resolveQuickFix).
   */
  readonly deferred?: true;
}

/**
 * How codeActions offers fix all: with its edits; offered now and computed when chosen (clients that resolve
 * code actions); or not at all (requests the client sends by itself while one types).
 */
export type FixAllMode = 'eager' | 'deferred' | 'none';

/** The diagnostics whose `replacement` is offered as a quick fix. */
const QUICK_FIX_CODES: ReadonlySet<DiagnosticCode> = new Set<DiagnosticCode>(['malformed-heading', 'dangling-reference', 'reference-style']);

/** The findings in a range whose quick fixes are offered: those of the first this many. */
export const QUICK_FIX_FINDINGS = 20;

export const NUMBERING_CODES: ReadonlySet<DiagnosticCode> = new Set<DiagnosticCode>(['duplicate-number', 'numbering-gap', 'numbering-order']);

/**
 * Code actions for the diagnostics that overlap `range` (an empty range touching a diagnostic counts).
 * A quick fix is offered only when it loses nothing: its edited text is read again (`reanalyze`, once per
 * fix, when a diagnostic's fixes are first asked for; kept per analysis), and a fix after which a unit is
 * no longer read as one or a reference that resolved to one unit points elsewhere is not offered (see
 * renumberFrom for why a renumbering can lose a heading far away). Only the first QUICK_FIX_FINDINGS findings
 * in the range have theirs offered; `quickFixes` false: none (the client asked for other kinds only).
 */
export function codeActions(analysis: Analysis, range: TextRange, reanalyze: (text: string) => Analysis = analyze, fixAllMode: FixAllMode = 'eager', checkLater = false, quickFixes = true): CodeAction[] {
  const out: CodeAction[] = [];
  let touched = 0;
  // No quick fix is asked for: the loop stops before the first.
  const findings = quickFixes ? analysis.diagnostics : [];
  for (const diagnostic of findings) {
    if (!touches(diagnostic.range, range)) continue;
    // A range over a whole law (select all, then the light bulb) touches thousands of findings, each fix a
    // re-analysis: 2,667 took 212 s. The first few are offered; fix all mends the rest.
    if (++touched > QUICK_FIX_FINDINGS) break;
    // `checkLater`: the fixes unchecked (no re-analysis), marked deferred; resolveQuickFix checks the one chosen.
    out.push(...(checkLater ? actionsFor(analysis, diagnostic, undefined) : checkedActionsFor(analysis, diagnostic, reanalyze)));
  }
  // Fix all re-analyses the text up to six times (1–3 s for UU 11/2020): only when the user asks for actions,
  // and when the client can resolve it, only once it is chosen.
  if (out.length > 0 && fixAllMode !== 'none') {
    const action = fixAllAction(analysis, reanalyze, fixAllMode === 'deferred');
    if (action) out.push(action);
  }
  return out;
}

/**
 * The fix all action: with its edits (undefined when there are none), or, `deferred`, without them whenever
 * there is something to try (a numbering finding or a damaged heading with a repair); fixAll gives the edits
 * when it is chosen, and may find none that are safe.
 */
export function fixAllAction(analysis: Analysis, reanalyze: (text: string) => Analysis = analyze, deferred = false): CodeAction | undefined {
  if (deferred) {
    if (fixAllCache.get(analysis)?.length === 0) return undefined;
    const candidates = fixAllCandidates(analysis);
    return candidates.plans.length > 0 || candidates.repairs.length > 0 ? { title: FIX_ALL_TITLE, kind: 'source.fixAll', edits: [], isPreferred: false, deferred: true } : undefined;
  }
  const edits = fixAll(analysis, reanalyze);
  return edits.length > 0 ? { title: FIX_ALL_TITLE, kind: 'source.fixAll', edits, isPreferred: false } : undefined;
}

/** Names a quick fix offered unchecked, so that it can be found again when it is chosen. */
export interface QuickFixKey {
  readonly code: DiagnosticCode;
  readonly start: number;
  readonly end: number;
  /** The fix's title (its Indonesian text, which every title has). */
  readonly title: string;
}

export function quickFixKey(action: CodeAction): QuickFixKey | undefined {
  const diagnostic = action.diagnostic;
  return diagnostic ? { code: diagnostic.code, start: diagnostic.range.start, end: diagnostic.range.end, title: action.title.id } : undefined;
}

/**
 * The quick fix `key` names, checked as codeActions checks every fix (its edited text read again): undefined
 * when its diagnostic is gone or the fix would lose something (then it is not offered either).
 */
export function resolveQuickFix(analysis: Analysis, key: QuickFixKey, reanalyze: (text: string) => Analysis = analyze): CodeAction | undefined {
  const diagnostic = findingOf(analysis, key);
  return diagnostic && checkedActionsFor(analysis, diagnostic, reanalyze).find((action) => action.title.id === key.title);
}

/**
 * A deferred action, picked: its edits on `analysis` (the text as it is now): the quick fix `fix` names, checked,
 * or else fix all, computed. No edits: the notice says why.
 */
export function resolveDeferred(analysis: Analysis, fix: QuickFixKey | undefined, reanalyze: (text: string) => Analysis = analyze): { edits: TextEdit[]; notice?: Message } {
  if (!fix) {
    const edits = fixAll(analysis, reanalyze);
    return edits.length > 0 ? { edits } : { edits, notice: NOTHING_TO_FIX };
  }
  // The text changed after the fix was offered (typing goes on while the menu is open): its finding is not there now.
  if (!findingOf(analysis, fix)) return { edits: [], notice: FIX_STALE };
  const edits = resolveQuickFix(analysis, fix, reanalyze)?.edits ?? [];
  return edits.length > 0 ? { edits } : { edits, notice: FIX_NOT_SAFE };
}

function findingOf(analysis: Analysis, key: QuickFixKey): Diagnostic | undefined {
  return analysis.diagnostics.find((candidate) => candidate.code === key.code && candidate.range.start === key.start && candidate.range.end === key.end);
}

/** What a chosen quick fix that turned out unsafe tells the user. */
export const FIX_NOT_SAFE: Message = {
  id: 'Perbaikan ini tidak diterapkan: pada teks saat ini perbaikan itu akan menghilangkan judul atau rujukan.',
  en: 'This fix was not applied: on the text as it is now it would lose a heading or a reference.',
};

/** What a chosen quick fix whose finding is no longer in the text tells the user. */
export const FIX_STALE: Message = {
  id: 'Perbaikan ini tidak diterapkan: teks berubah sejak perbaikan ditawarkan dan temuannya tidak ada lagi di tempat itu. Buka kembali daftar perbaikan.',
  en: 'This fix was not applied: the text changed after it was offered and its finding is no longer there. Open the list of fixes again.',
};

/** What a chosen fix all that found no safe edit tells the user. */
export const NOTHING_TO_FIX: Message = {
  id: 'Perbaiki semua: tidak ada perbaikan yang aman untuk teks ini (setiap perbaikan akan menghilangkan judul atau rujukan).',
  en: 'Fix all: no fix is safe for this text (each would lose a heading or a reference).',
};

function touches(a: TextRange, b: TextRange): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** The quick fixes of one diagnostic that lose nothing, computed once per analysis. */
function checkedActionsFor(analysis: Analysis, diagnostic: Diagnostic, reanalyze: (text: string) => Analysis): CodeAction[] {
  let byDiagnostic = actionsCache.get(analysis);
  if (!byDiagnostic) actionsCache.set(analysis, (byDiagnostic = new Map()));
  let actions = byDiagnostic.get(diagnostic);
  if (!actions) {
    actions = actionsFor(analysis, diagnostic, reanalyze);
    byDiagnostic.set(diagnostic, actions);
  }
  return actions;
}

const actionsCache = new WeakMap<Analysis, Map<Diagnostic, CodeAction[]>>();

/** The edited text still reads every unit and resolves every reference as before. */
function losesNothing(analysis: Analysis, edits: readonly TextEdit[], reanalyze: (text: string) => Analysis): boolean {
  const after = reanalyze(applyEdits(analysis.text, edits));
  return !lostUnit(analysis, after, edits) && !lostReference(analysis, after, edits);
}

/** The fixes of one diagnostic; `reanalyze` undefined: unchecked (each marked deferred, to be checked when chosen). */
function actionsFor(analysis: Analysis, diagnostic: Diagnostic, reanalyze: ((text: string) => Analysis) | undefined): CodeAction[] {
  const actions = fixesFor(analysis, diagnostic, reanalyze);
  return reanalyze ? actions : actions.map((action) => ({ ...action, deferred: true }));
}

function fixesFor(analysis: Analysis, diagnostic: Diagnostic, reanalyze: ((text: string) => Analysis) | undefined): CodeAction[] {
  const text = analysis.text;
  const { replacement, expected, unitId } = diagnostic.data;
  const safe = (edits: readonly TextEdit[]): boolean => reanalyze === undefined || losesNothing(analysis, edits, reanalyze);
  if (NUMBERING_CODES.has(diagnostic.code)) {
    const unit = unitId === undefined ? undefined : analysis.regulation.units[unitId];
    if (!unit) return [];
    const out: CodeAction[] = [];
    let planned: TextEdit[] | undefined;
    const plan = (): TextEdit[] => (planned ??= editsForNumberChanges(analysis, renumberPlan(analysis, unit.id)));
    const renumber = reanalyze ? renumberFrom(analysis, unit.id, reanalyze) : plan();
    const change = expected === undefined ? [] : changeTo(analysis, unit, expected);
    const changeTitle = (): Message => {
      const name = unitNameWith(unit, expected!);
      return change.length > 1 ? { id: `Ubah menjadi ${name} dan perbarui rujukan`, en: `Change to ${name} and update references` } : { id: `Ubah menjadi ${name}`, en: `Change to ${name}` };
    };
    if (renumber.length > 0) {
      // A renumbering that changes this unit alone (a misnumbered one, the last of its group) is "Change to N".
      const title = change.length > 0 && sameEdits(change, renumber) ? changeTitle() : renumberTitle(unit);
      out.push({ title, kind: 'quickfix', diagnostic, edits: renumber, isPreferred: true });
    }
    // Not when it is the renumbering (offered, or refused because it loses something), nor when it loses something.
    if (change.length > 0 && !sameEdits(change, plan()) && safe(change)) {
      out.push({ title: changeTitle(), kind: 'quickfix', diagnostic, edits: change, isPreferred: renumber.length === 0 });
    }
    return out;
  }
  if (replacement === undefined) return [];
  const written = text.slice(diagnostic.range.start, diagnostic.range.end);
  const edits = replaceEdit(text, diagnostic.range, replacement);
  if (edits.length === 0 || !QUICK_FIX_CODES.has(diagnostic.code) || !safe(edits)) return [];
  switch (diagnostic.code) {
    case 'malformed-heading':
      // A damaged label is repaired to "(2)", "b." or "1."; a heading to "Pasal 13".
      if (isLabelUnit(unitId === undefined ? undefined : analysis.regulation.units[unitId])) return [{ title: { id: `Perbaiki label menjadi "${replacement}"`, en: `Repair the label to "${replacement}"` }, kind: 'quickfix', diagnostic, edits, isPreferred: true }];
      return [{ title: { id: `Perbaiki judul menjadi "${replacement}"`, en: `Repair the heading to "${replacement}"` }, kind: 'quickfix', diagnostic, edits, isPreferred: true }];
    case 'dangling-reference':
      return [{ title: { id: `Ganti "${oneLine(written)}" dengan "${replacement}"`, en: `Replace "${oneLine(written)}" with "${replacement}"` }, kind: 'quickfix', diagnostic, edits, isPreferred: true }];
    case 'reference-style':
      return [{ title: { id: `Ganti "${written}" dengan "${replacement}"`, en: `Replace "${written}" with "${replacement}"` }, kind: 'quickfix', diagnostic, edits, isPreferred: true }];
    default:
      return [];
  }
}

/**
 * "Change to N" is the fix for ONE wrong number (1, 2, 7, 4 → 3): this unit takes the number the sequence
 * expects, and the references to it (and its Penjelasan heading) follow, as with renumbering. Not offered
 * - when another unit of the group already carries N: a duplicate would turn the references to it ambiguous;
 * - when the next unit does not follow N (22, 24, 25 → 23 would only move the gap, and an inline "Pasal 25"
 *   after 23 is no longer read as a heading: the references to it would be lost). Renumbering is the fix then.
 */
function changeTo(analysis: Analysis, unit: Unit, expected: string): TextEdit[] {
  const key = normaliseKey(expected);
  const group = groupOf(analysis, unit);
  if (!group || group.units.some((other) => other !== unit && normaliseKey(other.number ?? '') === key)) return [];
  const next = group.units[group.units.indexOf(unit) + 1];
  const wanted = parseNumberFor(unit.kind, unit.kind === 'pasal' || unit.kind === 'bab' ? expected.toUpperCase() : expected);
  const restarts = next?.parsed !== undefined && next.kind !== 'pasal' && next.kind !== 'bab' && next.parsed.base === 1 && next.parsed.suffix === '';
  if (next?.parsed && !restarts && (!wanted || !isSuccessor(wanted, next.parsed))) return [];
  return editsForNumberChanges(analysis, [{ unit, number: expected }]);
}

/** Named by a label ("(2)", "b.") rather than a heading. */
function isLabelUnit(unit: Unit | undefined): boolean {
  return unit !== undefined && (unit.kind === 'ayat' || unit.kind === 'huruf' || unit.kind === 'angka');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}

function sameEdits(a: TextEdit[], b: TextEdit[]): boolean {
  return a.length === b.length && a.every((edit, i) => edit.range.start === b[i].range.start && edit.range.end === b[i].range.end && edit.newText === b[i].newText);
}

const KIND_WORDS: Record<string, string> = { pasal: 'Pasal', ayat: 'ayat', huruf: 'huruf', angka: 'angka', bab: 'BAB', bagian: 'Bagian', paragraf: 'Paragraf', buku: 'BUKU' };

function renumberTitle(unit: Unit): Message {
  const word = KIND_WORDS[unit.kind] ?? unit.kind;
  return { id: `Nomori ulang ${word} mulai dari sini dan perbarui rujukan`, en: `Renumber ${word} from here and update references` };
}

const FIX_ALL_TITLE: Message = { id: 'Perbaiki semua penomoran dan judul yang rusak', en: 'Fix all numbering and damaged headings' };

/** Rounds of checking fix all against the text it produces before giving up on what cannot be made safe. */
const FIX_ALL_ROUNDS = 6;

/**
 * Repairs every damaged heading and renumbers every group that has a numbering diagnostic, from its first
 * offending unit; references follow. The result never overlaps, loses nothing and is final:
 * the edited text is read again (`reanalyze`), and a fix is dropped (with every other fix in the same Pasal)
 * when, after it, a unit is no longer read as one, a reference points elsewhere, or a second fix all would
 * change more (in scraped text an inline heading or label counts only when its number continues the
 * sequence, so renumbering one group can hide or reveal units of another). Computed once per analysis.
 */
export function fixAll(analysis: Analysis, reanalyze: (text: string) => Analysis = analyze): TextEdit[] {
  const cached = fixAllCache.get(analysis);
  if (cached) return cached;
  const candidates = fixAllCandidates(analysis);
  // Where the fixes dropped on purpose start (original offsets): a second fix all may propose them again.
  const dropped = new Set<number>();
  // How often each trouble (original offset) came back after the fixes nearest it were dropped.
  const recurring = new Map<number, number>();
  let result: TextEdit[] = [];
  for (let round = 0; round < FIX_ALL_ROUNDS; round++) {
    const edits = fixAllEdits(analysis, candidates);
    if (edits.length === 0) break;
    const after = reanalyze(applyEdits(analysis.text, edits));
    const troubles: number[] = [];
    const unit = lostUnit(analysis, after, edits);
    if (unit) troubles.push(unit.range.start);
    const lost = lostReference(analysis, after, edits);
    if (lost) troubles.push(lost.item.range.start, lost.item.targets[0].range.start);
    if (troubles.length === 0) {
      const back = offsetMapper(inverseEdits(analysis.text, edits));
      const again = fixAllCandidates(after);
      const fresh: FixAllCandidates = {
        plans: again.plans.filter((plan) => !dropped.has(back(plan[0].unit.range.start))),
        repairs: again.repairs.filter((diagnostic) => !dropped.has(back(diagnostic.range.start))),
      };
      const more = fixAllEdits(after, fresh);
      if (more.length === 0) {
        result = edits;
        break;
      }
      for (const edit of more) troubles.push(back(edit.range.start));
    }
    if (!dropFixesAt(analysis, candidates, troubles, dropped, recurring)) break;
  }
  fixAllCache.set(analysis, result);
  return result;
}

const fixAllCache = new WeakMap<Analysis, TextEdit[]>();

interface FixAllCandidates {
  /** One renumbering per group, from its first offending unit. */
  readonly plans: NumberChange[][];
  /** The damaged-heading diagnostics with a repair. */
  readonly repairs: Diagnostic[];
}

function fixAllCandidates(analysis: Analysis): FixAllCandidates {
  const starts = new Map<unknown, Unit>();
  for (const diagnostic of analysis.diagnostics) {
    if (!NUMBERING_CODES.has(diagnostic.code) || diagnostic.data.unitId === undefined) continue;
    const unit = analysis.regulation.units[diagnostic.data.unitId];
    const group = unit && groupOf(analysis, unit);
    if (!group) continue;
    const known = starts.get(group);
    if (!known || group.units.indexOf(unit) < group.units.indexOf(known)) starts.set(group, unit);
  }
  const plans = [...starts.values()].map((unit) => renumberPlan(analysis, unit.id)).filter((plan) => plan.length > 0);
  const repairs = analysis.diagnostics.filter((diagnostic) => diagnostic.code === 'malformed-heading' && diagnostic.data.replacement !== undefined);
  return { plans, repairs };
}

function fixAllEdits(analysis: Analysis, candidates: FixAllCandidates): TextEdit[] {
  const text = analysis.text;
  const regulation = analysis.regulation;
  const changes = candidates.plans.flat();
  const renumbered = new Map(changes.map((change) => [change.unit.id, change.number]));
  // Damaged headings: the whole heading is rewritten, with the new number when the unit is renumbered too.
  const repairs: TextEdit[] = [];
  for (const diagnostic of candidates.repairs) {
    const unitId = diagnostic.data.unitId;
    const unit = unitId === undefined ? undefined : regulation.units[unitId];
    let replacement = diagnostic.data.replacement!;
    const number = unit ? renumbered.get(unit.id) : undefined;
    if (unit && number !== undefined && unit.number !== undefined && replacement.endsWith(unit.number)) {
      replacement = replacement.slice(0, replacement.length - unit.number.length) + number;
    }
    repairs.push(...replaceEdit(text, diagnostic.range, replacement));
  }
  const renumberEdits = editsForNumberChanges(analysis, changes);
  // A repaired heading already carries its new number: drop the renumber edit inside it.
  const kept = renumberEdits.filter((edit) => !repairs.some((repair) => editsOverlap(repair, edit)));
  return sortEdits(mergeEdits(text, repairs, kept));
}

/**
 * Drops the fixes that change a unit in the Pasal (or other numbered unit) around each trouble. When that
 * region holds none (a renumbering moved where a quote ends, and a unit far below was lost), drops the fix
 * nearest before the trouble instead: the parser reads forward, so a cause never lies further after its
 * effect than the parser looks ahead. False when nothing was dropped.
 */
/** How much wider the window of fixes dropped before a trouble grows each time the trouble comes back. */
const RECURRING_WIDENING = 8;

function dropFixesAt(analysis: Analysis, candidates: FixAllCandidates, troubles: readonly number[], dropped: Set<number>, recurring: Map<number, number>): boolean {
  // A trouble that comes back once the fix nearest it is dropped has its cause further back (a renumbered list far
  // above moves where a quote ends): every fix in a window before it goes, the window wider each time it comes back.
  const windows: TextRange[] = [];
  for (const trouble of troubles) {
    const times = recurring.get(trouble) ?? 0;
    recurring.set(trouble, times + 1);
    if (times > 0) windows.push({ start: trouble - LOOKAHEAD_CHARS * RECURRING_WIDENING ** times, end: trouble + LOOKAHEAD_CHARS + 1 });
  }
  const regions = [...troubles.map((offset) => regionAt(analysis, offset)), ...windows];
  const inside = (offset: number): boolean => regions.some((region) => region.start <= offset && offset < region.end);
  const plans = candidates.plans as NumberChange[][];
  const repairs = candidates.repairs as Diagnostic[];
  const before = plans.length + repairs.length;
  const changed = (change: NumberChange): boolean => normaliseKey(change.number) !== normaliseKey(change.unit.number ?? '');
  let keptPlans = plans.filter((plan) => !plan.some((change) => changed(change) && inside(change.unit.range.start)));
  let keptRepairs = repairs.filter((diagnostic) => !inside(diagnostic.range.start));
  if (keptPlans.length + keptRepairs.length === before) {
    // For each trouble, the fix that starts last at or before it (within the parser's look-ahead after it).
    const startOfPlan = (plan: NumberChange[]): number[] => plan.filter(changed).map((change) => change.unit.range.start);
    const starts = [...plans.flatMap(startOfPlan), ...repairs.map((diagnostic) => diagnostic.range.start)];
    const causes = new Set<number>();
    for (const trouble of troubles) {
      let cause = -1;
      for (const offset of starts) if (offset <= trouble + LOOKAHEAD_CHARS && offset > cause) cause = offset;
      if (cause >= 0) causes.add(cause);
    }
    keptPlans = plans.filter((plan) => !startOfPlan(plan).some((offset) => causes.has(offset)));
    keptRepairs = repairs.filter((diagnostic) => !causes.has(diagnostic.range.start));
  }
  for (const plan of plans) if (!keptPlans.includes(plan)) dropped.add(plan[0].unit.range.start);
  for (const diagnostic of repairs) if (!keptRepairs.includes(diagnostic)) dropped.add(diagnostic.range.start);
  plans.splice(0, plans.length, ...keptPlans);
  repairs.splice(0, repairs.length, ...keptRepairs);
  return plans.length + repairs.length < before;
}

/** The innermost Pasal around an offset, else the innermost numbered unit, else the whole text. */
function regionAt(analysis: Analysis, offset: number): TextRange {
  let best: Unit | undefined;
  for (const unit of analysis.regulation.units) {
    if (unit.number === undefined || unit.range.start > offset || offset >= unit.range.end) continue;
    if (best?.kind === 'pasal' && unit.kind !== 'pasal') continue;
    if (!best || unit.kind === 'pasal' || unit.range.end - unit.range.start < best.range.end - best.range.start) best = unit;
  }
  return best?.range ?? { start: 0, end: analysis.text.length + 1 };
}

/** The edits that take the edited text back to `text` (to map offsets of the edited text back). */
function inverseEdits(text: string, edits: readonly TextEdit[]): TextEdit[] {
  let shift = 0;
  return sortEdits(edits).map((edit) => {
    const start = edit.range.start + shift;
    shift += edit.newText.length - (edit.range.end - edit.range.start);
    return { range: { start, end: start + edit.newText.length }, newText: text.slice(edit.range.start, edit.range.end) };
  });
}
