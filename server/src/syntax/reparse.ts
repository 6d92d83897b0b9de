// Re-parsing after an edit without parsing the whole text again. The parser resumes at a checkpoint a
// few lines before the edit and parses until its state equals the old state at a checkpoint after it.
// When the tree it built in between equals the old one (offsets shifted by the edit), the old tree,
// shifted in place, IS the new parse: nothing else can differ, because the parser is deterministic and
// the text outside the window is the same. Otherwise the caller parses the whole text.

import { copyScope, finishEnds, ParserCheckpoint, ParserScope, ResumableParse, resumeParse } from './parser';
import { isSoftToken, NodeInfo, ParseResult, SyntaxElement, SyntaxError, SyntaxNode, withoutContent } from './tree';
import { UnitNumber } from './numbering';
import { lineStartOf, nextLineStart } from './text';

/** One replacement in the OLD text: [start, end) becomes `newText`. */
export interface TextChange {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/** The parser looks ahead at most 400 characters and 3 lines; the window starts before anything that saw the edit. */
export const LOOKAHEAD_CHARS = 512;
const LOOKAHEAD_LINES = 3;
/** Checkpoints after the edit tried for convergence before giving up (the state usually settles at the next label). */
const CONVERGENCE_TRIES = 4;
/** The same after a structural change (an amendment quote lost or found settles later): 64 KB at most. */
const STRUCTURAL_CONVERGENCE_TRIES = 8;

export function isResumable(parse: ParseResult): parse is ResumableParse {
  return Array.isArray((parse as Partial<ResumableParse>).checkpoints) && (parse as ResumableParse).checkpoints.length > 0;
}

/**
 * Maps an offset of the old text to the new one; offsets strictly inside the replaced range have no image
 * (NaN). An insertion goes to the element that ends where it is made: an offset equal to it moves.
 */
export function shifter(change: TextChange): Shift {
  const { start, end } = change;
  const delta = deltaOf(change);
  const shift = start === end ? (offset: number) => (offset < start ? offset : offset + delta) : (offset: number) => (offset <= start ? offset : offset >= end ? offset + delta : Number.NaN);
  return Object.assign(shift, { movedFrom: end, delta });
}

/** How much longer the text is after the change (negative: shorter). */
export function deltaOf(change: TextChange): number {
  return change.newText.length - (change.end - change.start);
}

/** Old offset → new (NaN inside a replaced range). From `movedFrom` on every offset moves by `delta`, so long
 *  runs of offsets after the edit can be moved by addition, without a call each. */
export interface Shift {
  (offset: number): number;
  readonly movedFrom: number;
  readonly delta: number;
}

/**
 * The parse of `source` (the old text with `change` applied), made from `previous` by shifting it in place,
 * or undefined when the edit changed the structure (or the window could not be placed). On success
 * `previous` must not be used any more: its nodes now belong to the returned parse.
 */
export interface ReparseOptions {
  /**
   * Text, line-break and whitespace tokens in the window may differ from the old ones (units, headings and
   * labels may not): for an edit of line breaks and spacing, or text typed where a line break was. The
   * caller checks what the model reads from those tokens (features/incremental.ts).
   */
  readonly relaxed?: boolean;
  /**
   * Old offset from which whole subtrees after the edit are moved later, by settleParse(), not now. A keystroke
   * then answers without walking the tree's tail (~20,000 elements on average in UU 11/2020, all of them for an
   * edit near the start); the caller must read nothing of the tree at or after this offset until it is settled.
   */
  readonly deferFrom?: number;
}

/**
 * Subtrees a re-parse leaves to move: those starting at old offset `from` or later, recorded as runs (each
 * children[i, …) of one node), to be moved by `delta`.
 */
interface DeferredMoves {
  readonly delta: number;
  readonly from: number;
  readonly runs: (readonly [readonly SyntaxElement[], number])[];
}

const deferredMoves = new WeakMap<ParseResult, DeferredMoves>();

/**
 * Moves what a re-parse left to move (ReparseOptions.deferFrom), so that every offset in the tree is that of
 * `parse.source`. Returns how many runs of siblings it moved (0: nothing was pending). Idempotent.
 */
export function settleParse(parse: ParseResult): number {
  const pending = deferredMoves.get(parse);
  if (!pending) return 0;
  deferredMoves.delete(parse);
  for (const [children, from] of pending.runs) moveChildren(children, pending.delta, from);
  return pending.runs.length;
}

export function reparse(previous: ParseResult, source: string, change: TextChange, options: ReparseOptions = {}): ResumableParse | undefined {
  settleParse(previous);
  const window = resumeWindow(previous, source, change, true);
  if (!window) return undefined;
  const { checkpoints, restart, resumed, converged, convergedState, shift } = window;
  const { delta } = shift;
  // Old offsets: the window ends at the convergence point, or runs to the end of the text.
  const until = converged ? converged.offset : Infinity;
  // Relaxed (an edit of line breaks and spacing, or text typed where a line break was): running text may be
  // split, joined or added; only the units, headings and labels must be the same (see relaxedWindow), and the
  // new text and line tokens are grafted in.
  let grafts: Graft[] | undefined;
  if (!sameWindow(restart, resumed.path, until, shift)) {
    if (options.relaxed !== true || !sameReadChildren(converged, convergedState)) return undefined;
    grafts = relaxedWindow(restart, resumed.path, until, shift);
    if (!grafts) return undefined;
  }
  const oldErrors = previous.errors.slice(restart.errorCount, converged ? converged.errorCount : previous.errors.length);
  if (!sameErrors(oldErrors, resumed.errors, shift)) return undefined;

  // Verified: shift the old parse in place (and put in the new running text, when it was split or joined).
  // Grafts splice children lists in the window, which would move the index of a run left for later: then all now.
  const deferred: DeferredMoves | undefined = options.deferFrom !== undefined && !grafts ? { delta, from: Math.max(options.deferFrom, change.end), runs: [] } : undefined;
  shiftTree(previous.root, shift, change.start, deferred);
  if (grafts) applyGrafts(grafts);
  const errors = previous.errors.map((error) => movedError(error, shift(error.start), shift(error.end)));
  const kept: ParserCheckpoint[] = [];
  for (const checkpoint of checkpoints) {
    // Checkpoints between the restart and the convergence point hold the state before the edit: dropped.
    if (checkpoint.offset > restart.offset && checkpoint.offset < until) continue;
    if (checkpoint.offset > restart.offset) shiftCheckpoint(checkpoint, delta);
    kept.push(checkpoint);
  }
  (previous.root as { end: number }).end = source.length;
  const result = { source, root: previous.root, errors, checkpoints: kept };
  if (deferred && deferred.runs.length > 0) deferredMoves.set(result, deferred);
  return result;
}

/** A parse made from the old one after an edit that changed the structure, and where it may differ from it. */
export interface RestructuredParse {
  readonly parse: ResumableParse;
  /** New offsets: outside [from, to) every element is an old one, shifted; inside, the text was parsed again. */
  readonly from: number;
  readonly to: number;
  /** The nodes the re-parse made (path copies included): every other node of the tree is an old one. */
  readonly fresh: ReadonlySet<SyntaxNode>;
}

/**
 * The parse of `source` after an edit that may have changed the structure (a heading, label or number): the
 * lines from a checkpoint before the edit are parsed again until the parser's state meets the old state at a
 * checkpoint after it, except for how many children the open nodes hold; from there the old parse would go on
 * exactly as the new one, so the old elements after that point are moved under the new open nodes. The nodes
 * on the path to the window are copies; everything outside the window is shared with the old parse and
 * shifted, so `previous` must not be used any more. Undefined when the states do not meet within a few
 * checkpoints (the caller parses the whole text).
 */
export function restructure(previous: ParseResult, source: string, change: TextChange): RestructuredParse | undefined {
  settleParse(previous);
  const window = resumeWindow(previous, source, change, false);
  if (!window) return undefined;
  const { checkpoints, restart, resumed, converged, convergedState, shift } = window;
  const { delta } = shift;
  // The old open nodes and their new counterparts: path copies for those open at the restart, new nodes for
  // those opened in the window. `grown`: how many more children a new one held at the convergence point.
  const counterpart = new Map<SyntaxNode, SyntaxNode>();
  restart.stack.forEach((node, depth) => counterpart.set(node, resumed.path[depth]));
  const grown = new Map<SyntaxNode, number>();
  if (converged && convergedState) {
    for (let depth = 0; depth < converged.stack.length; depth++) {
      const oldNode = converged.stack[depth];
      const newNode = convergedState.stack[depth];
      const known = counterpart.get(oldNode);
      // A node open since before the restart must meet its own copy (same kind and start are not enough).
      if (known ? known !== newNode : resumed.path.includes(newNode)) return undefined;
      counterpart.set(oldNode, newNode);
      grown.set(newNode, convergedState.childCounts[depth] - converged.childCounts[depth]);
    }
    for (let i = 0; i < converged.scopes.length; i++) {
      const oldNode = converged.scopes[i].node;
      const newNode = convergedState.scopes[i].node;
      const known = counterpart.get(oldNode);
      if (known !== undefined && known !== newNode) return undefined;
      counterpart.set(oldNode, newNode);
    }
  }
  const until = converged ? converged.offset : Infinity;
  const oldErrorsInWindow = (converged ? converged.errorCount : previous.errors.length) - restart.errorCount;
  const moreErrors = resumed.errors.length - oldErrorsInWindow;

  // What the old parse added after the convergence point goes, shifted, under the new open nodes.
  if (converged && convergedState) {
    for (let depth = 0; depth < converged.stack.length; depth++) {
      const rest = converged.stack[depth].children.slice(converged.childCounts[depth]);
      for (const element of rest) shiftTree(element, shift, -Infinity);
      convergedState.stack[depth].children.push(...rest);
    }
  }
  const root = resumed.path[0];
  const fresh = new Set(resumed.fresh);
  finishEnds(root, fresh);

  const errors = [
    ...previous.errors.slice(0, restart.errorCount),
    ...resumed.errors,
    ...(converged ? previous.errors.slice(converged.errorCount).map((error) => movedError(error, error.start + delta, error.end + delta)) : []),
  ];
  // The old checkpoints before the window and after it, remapped; in the window, those the new parse took.
  const kept: ParserCheckpoint[] = [];
  let taken = false;
  for (const checkpoint of checkpoints) {
    if (checkpoint.offset > restart.offset && checkpoint.offset < until) continue;
    if (checkpoint.offset > restart.offset && !taken) {
      kept.push(...resumed.checkpoints);
      taken = true;
    }
    const moved = checkpoint.offset > restart.offset ? remapCheckpoint(checkpoint, counterpart, grown, delta, moreErrors, restart.offset, until + Math.min(0, delta)) : remapCheckpoint(checkpoint, counterpart, undefined, 0, 0, restart.offset, until);
    if (moved) kept.push(moved);
  }
  if (!taken) kept.push(...resumed.checkpoints);
  return { parse: { source, root, errors, checkpoints: kept }, from: restart.offset, to: converged ? converged.offset + delta : source.length, fresh };
}

/** A parse error at new offsets, its fields in the parser's order (a spread would give it another hidden class). */
function movedError(error: SyntaxError, start: number, end: number): SyntaxError {
  return { code: error.code, start, end, message: error.message };
}

/**
 * A kept checkpoint in the new parse: its open nodes (and scopes' nodes) replaced by their counterparts, counts,
 * offsets and error count moved. Undefined when it names a node of the old window that has no counterpart.
 */
function remapCheckpoint(
  checkpoint: ParserCheckpoint,
  counterpart: ReadonlyMap<SyntaxNode, SyntaxNode>,
  grown: ReadonlyMap<SyntaxNode, number> | undefined,
  delta: number,
  moreErrors: number,
  from: number,
  until: number,
): ParserCheckpoint | undefined {
  const dropped = (node: SyntaxNode): boolean => node.start >= from && node.start < until;
  const stack: SyntaxNode[] = [];
  const childCounts: number[] = [];
  for (let depth = 0; depth < checkpoint.stack.length; depth++) {
    const old = checkpoint.stack[depth];
    const node = counterpart.get(old);
    if (!node && dropped(old)) return undefined;
    stack.push(node ?? old);
    childCounts.push(checkpoint.childCounts[depth] + (node && grown ? grown.get(node) ?? 0 : 0));
  }
  const scopes: ParserScope[] = [];
  for (const scope of checkpoint.scopes) {
    const node = counterpart.get(scope.node);
    if (!node && dropped(scope.node)) return undefined;
    scopes.push(node ? copyScope(scope, node) : scope);
  }
  const lead = checkpoint.pendingLead;
  // Written out in the parser's order (Parser.snapshot): an object spread gave remapped checkpoints a hidden
  // class of their own, and the code reading checkpoints two.
  return {
    offset: checkpoint.offset + delta,
    stack,
    childCounts,
    scopes,
    part: checkpoint.part,
    itemText: checkpoint.itemText,
    quoteSeen: checkpoint.quoteSeen,
    pendingLead: lead ? [lead[0] + delta, lead[1] + delta] : undefined,
    pendingQuote: checkpoint.pendingQuote,
    titleLinesLeft: checkpoint.titleLinesLeft,
    lastLineOpen: checkpoint.lastLineOpen,
    lastLineWantsNumber: checkpoint.lastLineWantsNumber,
    lastLineKind: checkpoint.lastLineKind,
    previousLineText: checkpoint.previousLineText,
    errorCount: checkpoint.errorCount + moreErrors,
    column: checkpoint.column,
  };
}

/** Where a re-parse started, what it built, and the old checkpoint where its state met the old one (if any). */
interface ResumedWindow {
  readonly checkpoints: ParserCheckpoint[];
  readonly restart: ParserCheckpoint;
  readonly resumed: ReturnType<typeof resumeParse>;
  /** The old checkpoint whose state the new parse reached; undefined when the new parse ran to the end. */
  readonly converged: ParserCheckpoint | undefined;
  readonly convergedState: ParserCheckpoint | undefined;
  readonly shift: Shift;
}

/**
 * Resumes the parse at the last checkpoint that nothing after it could have seen the edit from, and parses until
 * its state meets the old state at a checkpoint after the edit (`counts`: with the same number of children in
 * every open node and the same number of errors so far), or to the end when no checkpoint follows the edit.
 */
function resumeWindow(previous: ParseResult, source: string, change: TextChange, counts: boolean): ResumedWindow | undefined {
  if (!isResumable(previous)) return undefined;
  const old = previous.source;
  const delta = deltaOf(change);
  if (change.start < 0 || change.end > old.length || change.start > change.end || source.length !== old.length + delta) return undefined;
  const shift = shifter(change);
  const checkpoints = previous.checkpoints;

  const limit = Math.min(change.start - LOOKAHEAD_CHARS, lineStartBefore(old, change.start, LOOKAHEAD_LINES));
  // The checkpoint at offset 0 has read nothing: it serves an edit at the very start too.
  let r = checkpoints[0].offset === 0 ? 0 : -1;
  for (let i = checkpoints.length - 1; i > 0; i--) {
    if (checkpoints[i].offset <= limit) {
      r = i;
      break;
    }
  }
  if (r < 0) return undefined;
  const restart = checkpoints[r];
  const afterEdit = nextLineStart(old, change.end);
  let c = r + 1;
  while (c < checkpoints.length && checkpoints[c].offset < afterEdit) c++;
  // No checkpoint after the edit (its last 8 KB, where a new text grows): the end of the text is the one
  // point where the states must meet; the window then reaches it. So it does when the states have not met by
  // the last checkpoint (at most 8 KB before the end).
  let toEnd = c >= checkpoints.length;
  // Re-parsing a structural change may go further than the moved path: it is still a fraction of a full parse.
  const lastTry = Math.min(checkpoints.length - 1, c + (counts ? CONVERGENCE_TRIES : STRUCTURAL_CONVERGENCE_TRIES) - 1);
  let gaveUp = false;
  const outOfTries = (): boolean => {
    if (lastTry === checkpoints.length - 1) toEnd = true;
    else gaveUp = true;
    return gaveUp;
  };

  let converged: ParserCheckpoint | undefined;
  let convergedState: ParserCheckpoint | undefined;
  const resumed = resumeParse(source, restart, (pos, state) => {
    if (toEnd) return false;
    const oldPos = pos - delta;
    while (c <= lastTry && checkpoints[c].offset < oldPos) c++;
    if (c > lastTry) return outOfTries();
    if (checkpoints[c].offset !== oldPos) return false;
    const now = state();
    if (sameState(checkpoints[c], now, shift, counts)) {
      converged = checkpoints[c];
      convergedState = now;
      return true;
    }
    c++;
    return c > lastTry ? outOfTries() : false;
  });
  if (gaveUp || (!converged && !(toEnd && resumed.complete))) return undefined;
  return { checkpoints, restart, resumed, converged, convergedState, shift };
}

// ---- comparison ---------------------------------------------------------------------------------

/**
 * The parser will do the same from here on. Without `counts`, open nodes may hold different numbers of children
 * (and different errors may have been found so far), but what the parser reads from those children must agree.
 */
function sameState(old: ParserCheckpoint, now: ParserCheckpoint, shift: (offset: number) => number, counts: boolean): boolean {
  // Inside a label column the parser follows a plan read far ahead: it meets the old parse only after it.
  if (old.column || now.column) return false;
  if (
    old.part !== now.part || old.itemText !== now.itemText || old.quoteSeen !== now.quoteSeen || old.pendingQuote !== now.pendingQuote ||
    old.titleLinesLeft !== now.titleLinesLeft || old.lastLineOpen !== now.lastLineOpen || old.lastLineWantsNumber !== now.lastLineWantsNumber ||
    old.lastLineKind !== now.lastLineKind || old.previousLineText !== now.previousLineText || (counts && old.errorCount !== now.errorCount)
  ) return false;
  if ((old.pendingLead === undefined) !== (now.pendingLead === undefined)) return false;
  if (old.pendingLead && now.pendingLead && (shift(old.pendingLead[0]) !== now.pendingLead[0] || shift(old.pendingLead[1]) !== now.pendingLead[1])) return false;
  if (old.stack.length !== now.stack.length || old.scopes.length !== now.scopes.length) return false;
  for (let i = 0; i < old.stack.length; i++) {
    const a = old.stack[i];
    const b = now.stack[i];
    if (a.kind !== b.kind || shift(a.start) !== b.start || !sameInfo(a.info, b.info)) return false;
    if (counts ? old.childCounts[i] !== now.childCounts[i] : !sameReadings(a, old.childCounts[i], b, now.childCounts[i])) return false;
  }
  for (let i = 0; i < old.scopes.length; i++) if (!sameScope(old.scopes[i], now.scopes[i], shift)) return false;
  return true;
}

function sameScope(a: ParserScope, b: ParserScope, shift: (offset: number) => number): boolean {
  if (a.kind !== b.kind || a.node.kind !== b.node.kind || shift(a.node.start) !== b.node.start || a.pasalStyle !== b.pasalStyle) return false;
  if (!sameNumber(a.lastBuku, b.lastBuku) || !sameNumber(a.lastBab, b.lastBab) || !sameNumber(a.lastBagian, b.lastBagian)) return false;
  if (!sameNumber(a.lastParagraf, b.lastParagraf) || !sameNumber(a.lastPasal, b.lastPasal)) return false;
  if (a.announced.size !== b.announced.size) return false;
  for (const name of a.announced) if (!b.announced.has(name)) return false;
  return true;
}

function sameNumber(a: UnitNumber | undefined, b: UnitNumber | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return a.text === b.text && a.style === b.style && a.base === b.base && a.suffix === b.suffix;
}

function sameInfo(a: NodeInfo, b: NodeInfo): boolean {
  if (a === b) return true;
  const keys = Object.keys(a) as (keyof NodeInfo)[];
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    const x = a[key];
    const y = b[key];
    if (key === 'damage') {
      // Made afresh by each parse: the same when both texts are.
      if (a.damage?.id !== b.damage?.id || a.damage?.en !== b.damage?.en) return false;
    } else if (Array.isArray(x) && Array.isArray(y)) {
      if (x.length !== y.length || x.some((value, i) => value !== y[i])) return false;
    } else if (x !== y) return false;
  }
  return true;
}

/**
 * The elements the resumed parse appended under each open node of the restart point equal the old ones
 * that start before `until` (old offsets), shifted.
 */
function sameWindow(restart: ParserCheckpoint, path: SyntaxNode[], until: number, shift: (offset: number) => number): boolean {
  for (let depth = 0; depth < restart.stack.length; depth++) {
    if (!sameChildren(restart.stack[depth].children, path[depth].children, restart.childCounts[depth], until, shift)) return false;
  }
  return true;
}

function sameChildren(old: readonly SyntaxElement[], now: readonly SyntaxElement[], from: number, until: number, shift: (offset: number) => number): boolean {
  let i = from;
  let j = from;
  for (; i < old.length && old[i].start < until; i++, j++) {
    if (j >= now.length) return false;
    const a = old[i];
    const b = now[j];
    if (a.type !== b.type || a.kind !== b.kind || shift(a.start) !== b.start) return false;
    if (a.type === 'token') {
      if (shift(a.end) !== b.end) return false;
    } else {
      const node = b as SyntaxNode;
      if (!sameInfo(a.info, node.info) || !sameChildren(a.children, node.children, 0, until, shift)) return false;
    }
  }
  return j === now.length;
}

function sameErrors(old: readonly SyntaxError[], now: readonly SyntaxError[], shift: (offset: number) => number): boolean {
  if (old.length !== now.length) return false;
  return old.every((a, i) => {
    const b = now[i];
    return a.code === b.code && shift(a.start) === b.start && shift(a.end) === b.end && a.message.id === b.message.id && a.message.en === b.message.en;
  });
}

// ---- spacing edits: running text split or joined -------------------------------------------------

/** `node`'s children [from, from + count) (old) become `replacement` (new tokens, old nodes). */
interface Graft {
  readonly node: SyntaxNode;
  readonly from: number;
  readonly count: number;
  readonly replacement: SyntaxElement[];
}

/**
 * Like sameWindow, but text, line-break and whitespace tokens may differ: every other element (units, headings,
 * labels, keywords, numbers, titles) must pair up one to one, shifted. Returns the grafts that turn the old
 * window into the new one while keeping the old nodes (units hold them), or undefined.
 */
function relaxedWindow(restart: ParserCheckpoint, path: SyntaxNode[], until: number, shift: (offset: number) => number): Graft[] | undefined {
  const grafts: Graft[] = [];
  for (let depth = 0; depth < restart.stack.length; depth++) {
    if (!relaxedChildren(restart.stack[depth], path[depth], restart.childCounts[depth], until, shift, grafts)) return undefined;
  }
  return grafts;
}

function relaxedChildren(oldNode: SyntaxNode, nowNode: SyntaxNode, from: number, until: number, shift: (offset: number) => number, grafts: Graft[]): boolean {
  const old = oldNode.children;
  const now = nowNode.children;
  let end = from;
  while (end < old.length && old[end].start < until) end++;
  const replacement: SyntaxElement[] = [];
  let i = from;
  for (let j = from; j < now.length; j++) {
    const b = now[j];
    if (isSoftToken(b)) {
      replacement.push(b);
      continue;
    }
    while (i < end && isSoftToken(old[i])) i++;
    if (i >= end) return false;
    const a = old[i++];
    if (a.type !== b.type || a.kind !== b.kind || shift(a.start) !== b.start) return false;
    if (a.type === 'token') {
      if (shift(a.end) !== b.end) return false;
      replacement.push(b);
    } else {
      if (!sameInfo(a.info, (b as SyntaxNode).info) || !relaxedChildren(a, b as SyntaxNode, 0, until, shift, grafts)) return false;
      replacement.push(a);
    }
  }
  while (i < end && isSoftToken(old[i])) i++;
  if (i < end) return false;
  grafts.push({ node: oldNode, from, count: end - from, replacement });
  return true;
}

/** Puts the new elements in, then sets each grafted node's end to its last child's (grafted ones first). */
function applyGrafts(grafts: readonly Graft[]): void {
  const grafted = new Set<SyntaxNode>();
  for (const { node, from, count, replacement } of grafts) {
    (node.children as SyntaxElement[]).splice(from, count, ...replacement);
    grafted.add(node);
  }
  for (const node of grafted) endAtLastChild(node, grafted);
}

/** A node ends where its last child ends; a grafted last child is set first. */
function endAtLastChild(node: SyntaxNode, grafted: ReadonlySet<SyntaxNode>): number {
  const last = node.children[node.children.length - 1];
  const end = last === undefined ? node.start : last.type === 'node' && grafted.has(last) ? endAtLastChild(last, grafted) : last.end;
  (node as { end: number }).end = end;
  return end;
}

/**
 * What the parser reads from the children of open nodes must not differ after a relaxed re-parse, for the rest
 * of the parse to be the old one.
 */
function sameReadChildren(old: ParserCheckpoint | undefined, now: ParserCheckpoint | undefined): boolean {
  if (!old || !now) return true;
  for (let depth = 0; depth < old.stack.length; depth++) {
    if (!sameReadings(old.stack[depth], old.childCounts[depth], now.stack[depth], now.childCounts[depth])) return false;
  }
  return true;
}

/** What the parser reads from an open node's children agrees: whether it has text or a label yet, and its last ayat. */
function sameReadings(a: SyntaxNode, countA: number, b: SyntaxNode, countB: number): boolean {
  return withoutContent(a.children, countA) === withoutContent(b.children, countB) && lastAyat(a.children, countA) === lastAyat(b.children, countB);
}

/** The number as written of the last ayat among the first `count` children (what the parser's ayat checks read). */
function lastAyat(children: readonly SyntaxElement[], count: number): string | undefined {
  for (let i = count - 1; i >= 0; i--) {
    const child = children[i];
    if (child.type === 'node' && child.kind === 'ayat' && child.info.numberText) return child.info.numberText;
  }
  return undefined;
}

// ---- shifting -----------------------------------------------------------------------------------

/**
 * Shifts an element and its subtree in place; whole subtrees that end before the edit are skipped. A subtree
 * starting at or after `shift.movedFrom` moves by plain addition, and only the few elements around the edit go
 * through `shift`.
 */
function shiftTree(element: SyntaxElement, shift: Shift, editStart: number, defer?: DeferredMoves): void {
  const { movedFrom: moved, delta } = shift;
  const mutable = element as { start: number; end: number };
  if (element.start >= moved) {
    mutable.start += delta;
    mutable.end += delta;
    if (element.type === 'node') moveOrDefer(element.children, delta, 0, defer);
    return;
  }
  mutable.start = shift(element.start);
  mutable.end = shift(element.end);
  if (element.type !== 'node') return;
  // Indexed: this runs over every element after the edit, and an unoptimised for-of allocates per element.
  const children = element.children;
  let i = 0;
  for (; i < children.length; i++) {
    const child = children[i];
    // Children are in text order and lie inside their parent: from the first that starts at `moved`, all move.
    if (child.start >= moved) break;
    if (child.end >= editStart) shiftTree(child, shift, editStart, defer);
  }
  if (i < children.length) moveOrDefer(children, delta, i, defer);
}

/** moveChildren, except that the siblings from the first one starting at `defer.from` are left for settleParse(). */
function moveOrDefer(children: readonly SyntaxElement[], delta: number, from: number, defer: DeferredMoves | undefined): void {
  if (!defer) {
    moveChildren(children, delta, from);
    return;
  }
  for (let i = from; i < children.length; i++) {
    const child = children[i];
    if (child.start >= defer.from) {
      defer.runs.push([children, i]);
      return;
    }
    const mutable = child as { start: number; end: number };
    mutable.start += delta;
    mutable.end += delta;
    if (child.type === 'node') moveOrDefer(child.children, delta, 0, defer);
  }
}

/** Moves elements from `from` on, and their subtrees, by `delta`: all of them lie after the edit. */
function moveChildren(children: readonly SyntaxElement[], delta: number, from = 0): void {
  for (let i = from; i < children.length; i++) {
    const child = children[i] as { start: number; end: number };
    child.start += delta;
    child.end += delta;
    if ((child as SyntaxElement).type === 'node') moveChildren((child as SyntaxNode).children, delta);
  }
}

/** Checkpoints belong to the parse being moved: shifted in place like its nodes. */
function shiftCheckpoint(checkpoint: ParserCheckpoint, delta: number): void {
  const mutable = checkpoint as { offset: number; pendingLead: readonly [number, number] | undefined };
  mutable.offset += delta;
  const lead = checkpoint.pendingLead;
  if (lead) mutable.pendingLead = [lead[0] + delta, lead[1] + delta];
}

// ---- lines --------------------------------------------------------------------------------------

/** The start of the line `lines` lines above the one holding `offset`. */
function lineStartBefore(text: string, offset: number, lines: number): number {
  let pos = lineStartOf(text, offset);
  for (let i = 0; i < lines && pos > 0; i++) {
    let brk = pos - 1;
    if (text.charCodeAt(brk) === 10 && text.charCodeAt(brk - 1) === 13) brk--;
    pos = lineStartOf(text, brk);
  }
  return pos;
}
