// Re-analysis after a small edit: when the edit only changed running text (no heading, label or number),
// the structure is the old one with offsets moved, so the old analysis is moved instead of rebuilt and
// only what reads the text again is recomputed. When it changed the structure, the tree is parsed again
// around the edit only, and the model is built from it; citations outside the window are resolved again,
// not found again. The result equals analyze() of the new text; the property test in
// test/unit/incremental.test.ts checks that on random edits of the corpus.

import { deltaOf, firstWhere, isSoftToken, lineStartOf, nextLineStart, ParseResult, reparse, restructure, settleParse, Shift, shifter, SyntaxNode, SyntaxToken, TextChange } from '../syntax';
import { buildRegulation, carryDamagedWords, findReferences, isLabelAlone, ModelReuse, rebindReferences, Reference, ReferenceWindow, ResolutionBefore, resolutionBefore, shiftReferences, shiftRegulation, Unit } from '../model';
import { analyze, Analysis, AnalysisOptions } from './analysis';
import { carryStructureFindings, computeDiagnostics, mayReport } from './diagnostics';

export type { TextChange } from '../syntax';

/**
 * The analysis of `text` (= the previous text with `change` applied), made from the previous one: moved when
 * only running text changed, re-parsed around the edit when the structure did. Undefined when neither could be
 * placed (the parser's state did not settle, a limit was passed): then the caller runs analyze(). On success
 * `previous` is consumed (its objects now belong to the result) and must not be used again; on undefined it
 * may have been consumed too.
 */
export interface ReanalyzeOptions extends AnalysisOptions {
  /**
   * Leave the tree's tail to be moved later (syntax/reparse.ts, ReparseOptions.deferFrom): the diagnostics and
   * references of the result are final, its tree is not until settleAnalysis(). For a server that answers with
   * the diagnostics first; every other reader of the result must settle it first.
   */
  readonly deferTreeMoves?: boolean;
}

/** Beyond the reference window, what the keystroke path still reads of the tree (heading spans: 2 characters). */
const DEFER_MARGIN = 512;

/** Makes every offset in the analysis's tree that of its text (see ReanalyzeOptions.deferTreeMoves). Returns the runs moved. */
export function settleAnalysis(analysis: Analysis): number {
  return settleParse(analysis.regulation.parse);
}

export function reanalyze(previous: Analysis, text: string, change: TextChange, options: ReanalyzeOptions = {}): Analysis | undefined {
  const limit = options.maxBytesForFullAnalysis;
  if (limit !== undefined && (text.length > limit || previous.text.length > limit)) return undefined;
  settleAnalysis(previous);
  const root = previous.regulation.parse.root;
  const delta = deltaOf(change);
  // Only running text may change: a title, number, label or keyword feeds the model directly.
  const touched = tokensChanged(root, change.start, change.end);
  if (touched.length === 0) return restructured(previous, text, change, options);
  // A line break or spacing typed or deleted may split or join running text (syntax/reparse.ts checks that the
  // units, headings and labels stay the same); it changes no word, so no unit's text turns blank.
  const spacing = /^[ \t\r\n]*$/.test(change.newText) && /^[ \t\r\n]*$/.test(previous.text.slice(change.start, change.end));
  // Text typed where a line break or spacing was (the first letter on a new line): the window may gain a text
  // token; a unit whose own text was blank may then be written, which the model reads (layout breakage).
  let typedAtBreak = false;
  // A heading's title may change too: the unit's title is read again (the structure stays the same).
  let retitled: SyntaxNode | undefined;
  for (const { token, owner } of touched) {
    if (spacing && isSoftToken(token)) continue;
    if (token.kind === 'newline' || token.kind === 'whitespace') {
      typedAtBreak = true;
      continue;
    }
    if (token.kind === 'title') {
      if (!owner || (retitled && retitled !== owner)) return restructured(previous, text, change, options);
      retitled = owner;
    } else if (token.kind !== 'text') return restructured(previous, text, change, options);
    // A token left blank could turn a label's text empty (layout breakage reads that) or drop a title line.
    if (text.slice(token.start, token.end + delta).trim().length === 0) return restructured(previous, text, change, options);
  }
  const watched = typedAtBreak ? leavesAround(previous.regulation.units, change.start, change.end) : [];
  // Empty as the model reads it for layout breakage (Unit.isEmpty): no children, no text of its own.
  const wasEmpty = watched.map((unit) => isLabelAlone(previous.text, unit));
  // The window reads old references and the text, not the tree: known before the tree moves, it bounds what may wait.
  const window = referenceWindow(previous, text, change);
  const deferFrom = options.deferTreeMoves && window ? window.to - delta + DEFER_MARGIN : undefined;
  const parse = reparse(previous.regulation.parse, text, change, { relaxed: spacing || typedAtBreak, deferFrom });
  if (!parse) return restructured(previous, text, change, options);
  const shift = shifter(change);
  const regulation = shiftRegulation(previous.regulation, text, parse, shift, change.start, retitled);
  // A unit around the edit turned written or blank: the parse stands, the model's layout judgement does not.
  if (watched.some((unit, i) => isLabelAlone(text, unit) !== wasEmpty[i])) return remodelled(previous, text, change, parse, undefined, options);
  // The same structure: what the structure checks found moves too. Not with a new title, which names a BAB in messages.
  if (!retitled) carryStructureFindings(previous.regulation, regulation, change, shift);
  let references: Reference[];
  let reportable: Reference[] | undefined;
  if (window) {
    carryDamagedWords(previous.regulation, regulation, window, delta);
    const found = findReferences(regulation, window);
    const last = found[found.length - 1];
    if (last && last.range.end > window.to) {
      settleParse(parse);
      references = findReferences(regulation);
    } else {
      // Both lists are in text order: cut at the window's edges, in old offsets (before the rest moves).
      const old = previous.references;
      const oldReportable = reportableOf(old);
      reportable = [...oldReportable.slice(0, startingAt(oldReportable, window.from)), ...found.filter(mayReport), ...oldReportable.slice(startingAt(oldReportable, window.to - delta))];
      references = spliced(old, startingAt(old, window.from), found, startingAt(old, window.to - delta), shifter(change));
      reportables.set(references, reportable);
    }
  } else {
    references = findReferences(regulation);
  }
  const diagnostics = computeDiagnostics(regulation, references, options, reportable);
  return { text, regulation, references, diagnostics };
}

/**
 * After an edit that changed the structure: the tree parsed again around the edit (syntax/reparse.ts), then
 * remodelled. Undefined when the parse could not be placed; `previous` may then have been consumed.
 */
function restructured(previous: Analysis, text: string, change: TextChange, options: AnalysisOptions): Analysis | undefined {
  const rebuilt = restructure(previous.regulation.parse, text, change);
  if (!rebuilt) return undefined;
  // The units of the nodes the re-parse kept are the old ones, moved: only the window's are made anew.
  const reuse: ModelReuse = { previous: previous.regulation, fresh: rebuilt.fresh, shift: shifter(change) };
  // Citations that depend on kept units only keep their resolution: read what it depended on before the rebuild.
  const since = resolutionBefore(previous.regulation, rebuilt.fresh);
  return remodelled(previous, text, change, rebuilt.parse, rebuilt, options, reuse, since);
}

/**
 * The analysis of `text` from its parse: the model built from it (lending the old units of shared nodes when
 * `reuse` says which), citations outside a window around the edit (and around `reparsed`, the part of the tree
 * parsed again) resolved again, all diagnostics computed. `previous` is consumed.
 */
function remodelled(previous: Analysis, text: string, change: TextChange, parse: ParseResult, reparsed: { from: number; to: number } | undefined, options: AnalysisOptions, reuse?: ModelReuse, since?: ResolutionBefore): Analysis | undefined {
  // The model reads the whole tree.
  settleParse(parse);
  const regulation = buildRegulation(text, parse, reuse);
  const window = referenceWindow(previous, text, change, reparsed);
  if (!window) return undefined;
  carryDamagedWords(previous.regulation, regulation, window, deltaOf(change));
  const { before, after } = outside(previous.references, window, change);
  const references = rebindReferences(regulation, before, window, after, since);
  return { text, regulation, references, diagnostics: computeDiagnostics(regulation, references, options) };
}

/**
 * The old references before `window` and after it (those after moved to the new offsets). References are in
 * text order: cut at the window's edges, in old offsets (before the rest moves).
 */
function outside(old: readonly Reference[], window: ReferenceWindow, change: TextChange): { before: Reference[]; after: Reference[] } {
  const delta = deltaOf(change);
  const before = old.slice(0, startingAt(old, window.from));
  const after = old.slice(startingAt(old, window.to - delta));
  shiftReferences(after, shifter(change));
  return { before, after };
}

/**
 * old[0, before) + found + old[after, …), the last moved over the edit, in one array of the final size: slices
 * and a concatenation made ~80 KB of garbage per keystroke in UU 11/2020 for a 41 KB list.
 */
function spliced(old: readonly Reference[], before: number, found: readonly Reference[], after: number, shift: Shift): Reference[] {
  shiftReferences(old, shift, after);
  const references = new Array<Reference>(before + found.length + old.length - after);
  let at = 0;
  for (let i = 0; i < before; i++) references[at++] = old[i];
  for (let i = 0; i < found.length; i++) references[at++] = found[i];
  for (let i = after; i < old.length; i++) references[at++] = old[i];
  return references;
}


/**
 * The units without children that overlap or touch [start, end]: the only ones whose own text an edit there
 * can turn blank or written. Such units are disjoint and in text order: scanning back from the last one that
 * starts by `end`, the first that ends before `start` closes the search.
 */
function leavesAround(units: readonly Unit[], start: number, end: number): Unit[] {
  const out: Unit[] = [];
  for (let i = firstWhere(units.length, (j) => units[j].range.start > end) - 1; i >= 0; i--) {
    const unit = units[i];
    if (unit.children.length > 0) continue;
    if (unit.range.end < start) break;
    out.push(unit);
  }
  return out;
}

/**
 * The references that may report a finding (a tenth of them in UU 11/2020), per references array: kept
 * across edits, so a keystroke looks at those and at the window's, not at every reference.
 */
const reportables = new WeakMap<readonly Reference[], Reference[]>();

/** The reference that starts before `offset` and ends after it: references are disjoint, so only the last one before. */
function straddling(references: readonly Reference[], offset: number): Reference | undefined {
  const candidate = references[startingAt(references, offset) - 1];
  return candidate && candidate.range.end > offset ? candidate : undefined;
}

/** The index of the first reference (in text order) that starts at or after `offset`. */
function startingAt(references: readonly Reference[], offset: number): number {
  return firstWhere(references.length, (i) => references[i].range.start >= offset);
}

/**
 * Computes now what the first edit of a freshly analysed text would otherwise compute (the references that may
 * report a finding): for a caller that has time to spare, such as a server that has just opened a large law.
 */
export function prepareForEdits(analysis: Analysis): void {
  reportableOf(analysis.references);
}

/** Places the rehearsal edits (see rehearseEdits), spread over the text. */
const REHEARSAL_SITES = 3;
const PASAL_HEADING = /\nPasal [1-9][0-9]*\n/g;
const AYAT_LABEL = /\n\([1-9]\) /g;

export interface Rehearsal {
  /** The analysis of the same text. */
  readonly analysis: Analysis;
  /** Edits (and undos) re-analysed, and of those the ones whose structure changed (parsed again around the edit). */
  readonly edits: number;
  readonly restructured: number;
  /** False when an edit could not be placed and the text was analysed afresh. */
  readonly incremental: boolean;
}

/**
 * The analysis of the same text after a few edits that change its structure were made and taken back: a
 * digit typed into a Pasal number and into an ayat label, at places spread over the text. V8 compiles the
 * functions of that path for speed only once they have run on objects of the text's own size: a built-in
 * sample (server/warm-up.ts) does not get them there, and the first such keystrokes in a large law waited
 * for it (45–90 ms against ~10 ms later, UU 11/2020). For a caller with time to spare, such as a server
 * that has just opened a large law. `analysis` is consumed; the result equals analyze() of its text (each
 * edit and its undo are re-analysed as keystrokes are).
 */
export function rehearseEdits(analysis: Analysis, options: AnalysisOptions = {}): Rehearsal {
  const text = analysis.text;
  let current = analysis;
  let edits = 0;
  let restructured = 0;
  const keystroke = (from: Analysis, next: string, change: TextChange): Analysis | undefined => {
    const root = from.regulation.parse.root;
    const result = reanalyze(from, next, change, { ...options, deferTreeMoves: true });
    if (!result) return undefined;
    settleAnalysis(result);
    edits++;
    if (result.regulation.parse.root !== root) restructured++;
    return result;
  };
  for (let site = 0; site < REHEARSAL_SITES; site++) {
    const from = Math.floor((text.length * (site + 0.5)) / REHEARSAL_SITES);
    for (const pattern of [PASAL_HEADING, AYAT_LABEL]) {
      pattern.lastIndex = from;
      const found = pattern.exec(text);
      if (!found) continue;
      // After the number's last digit.
      const at = found.index + found[0].length - (pattern === PASAL_HEADING ? 1 : 2);
      const edited = keystroke(current, text.slice(0, at) + '7' + text.slice(at), { start: at, end: at, newText: '7' });
      const undone = edited && keystroke(edited, text, { start: at, end: at + 1, newText: '' });
      // Could not be placed (rare): the text is analysed afresh, as after any such keystroke.
      if (!undone) return { analysis: analyze(text, options), edits, restructured, incremental: false };
      current = undone;
    }
  }
  return { analysis: current, edits, restructured, incremental: true };
}

function reportableOf(references: readonly Reference[]): Reference[] {
  let reportable = reportables.get(references);
  if (!reportable) {
    reportable = references.filter(mayReport);
    reportables.set(references, reportable);
  }
  return reportable;
}

/** References look at most ~200 characters around themselves; the window reaches further. */
const REFERENCE_MARGIN = 300;
/** "sebagaimana dimaksud … <damaged word> 5" spans less than this. */
const DAMAGED_SPAN = 100;

/**
 * Where references must be found again, in new offsets: line starts around the edit that no reference
 * (old, or damaged-word phrase) straddles, so a scan from `from` sees what a scan from 0 would.
 */
function referenceWindow(previous: Analysis, text: string, change: TextChange, reparsed?: { from: number; to: number }): ReferenceWindow | undefined {
  const delta = deltaOf(change);
  const old = previous.references;
  let from = lineStartOf(text, Math.min(change.start, reparsed?.from ?? change.start) - REFERENCE_MARGIN);
  let to = lineStartAtOrAfter(text, Math.max(change.start + change.newText.length, reparsed?.to ?? 0) + REFERENCE_MARGIN);
  for (let round = 0; round < 64; round++) {
    const straddlingFrom = straddling(old, from);
    if (straddlingFrom) {
      from = lineStartOf(text, straddlingFrom.range.start);
      continue;
    }
    // A damaged-word phrase that starts before `from` could end after it: start at its line instead.
    const phraseBeforeFrom = phraseStartBefore(text, from);
    if (phraseBeforeFrom >= 0) {
      from = lineStartOf(text, phraseBeforeFrom);
      continue;
    }
    const toOld = to - delta;
    const straddlingTo = straddling(old, toOld);
    if (straddlingTo) {
      to = lineStartAtOrAfter(text, straddlingTo.range.end + delta);
      continue;
    }
    // One that starts before `to` is scanned and would end past it, and so would "Pasal⏎": both would send
    // the caller to a scan of the whole text (see reanalyze), so the window takes them in.
    // A phrase that starts DAMAGED_SPAN or more before `to` ends before it (moving `to` for it never ended).
    const phraseBeforeTo = to < text.length ? phraseStartBefore(text, to) : -1;
    const phraseOverTo = phraseBeforeTo >= 0 && phraseBeforeTo + DAMAGED_SPAN > to;
    if (phraseOverTo || (to < text.length && /\s/.test(text.charAt(to)))) {
      to = lineStartAtOrAfter(text, phraseOverTo ? phraseBeforeTo + DAMAGED_SPAN : to + 1);
      continue;
    }
    return { from, to };
  }
  return undefined;
}

/**
 * Where the last "[Ss]ebagai" (a damaged-word phrase's first word) starts in the DAMAGED_SPAN characters
 * before `at`, or -1. Only there can a phrase straddle `at`; the search never leaves that span.
 */
function phraseStartBefore(text: string, at: number): number {
  const floor = Math.max(0, at - DAMAGED_SPAN);
  const found = text.slice(floor, at).lastIndexOf('ebagai');
  return found < 0 ? -1 : Math.max(0, floor + found - 1);
}

/** `offset` when a line starts there, else the start of the next line. */
function lineStartAtOrAfter(text: string, offset: number): number {
  if (offset <= 0) return 0;
  return lineStartOf(text, offset) === offset ? offset : nextLineStart(text, offset);
}

/**
 * The tokens whose text the edit changes, as syntax/reparse.ts shifts them: those overlapping a replaced
 * range, or for an insertion the token that ends at or runs over the point (the token before takes it);
 * with the unit whose heading holds each (for titles).
 */
function tokensChanged(root: SyntaxNode, start: number, end: number): { token: SyntaxToken; owner: SyntaxNode | undefined }[] {
  const out: { token: SyntaxToken; owner: SyntaxNode | undefined }[] = [];
  const changes = start === end ? (a: number, b: number): boolean => a < start && b >= start : (a: number, b: number): boolean => a < end && b > start;
  const visit = (node: SyntaxNode, parent: SyntaxNode | undefined): void => {
    for (const child of node.children) {
      if (child.end < start) continue;
      if (child.start > end) break;
      if (!changes(child.start, child.end)) continue;
      if (child.type === 'token') out.push({ token: child, owner: node.kind === 'heading' ? parent : undefined });
      else visit(child, node);
    }
  };
  visit(root, undefined);
  return out;
}
