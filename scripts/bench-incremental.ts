// Keystrokes in process: the same seeded one-character edits as the server bench (bench-lsp.ts Mirror), each
// re-analysed with features/incremental.ts (falling back to a full analysis when the structure may have
// changed), and the floor under any keystroke here: making the next version's text, one flat string, by
// concatenation and by the server's splicer (server/src/server/splice.ts).
//   node --expose-gc out/scripts/bench-incremental.js [file] [edits]
//   node --expose-gc out/scripts/bench-incremental.js --session N [file]   heap after N edits (a long editing session)
//   node --expose-gc out/scripts/bench-incremental.js --drafting N [file]  Enter + a sentence typed at N line ends
//   node --expose-gc out/scripts/bench-incremental.js --structural N [file] N edits of headings and labels, each undone

import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyze, Analysis } from '../server/src/features/analysis';
import { SyntaxNode } from '../server/src/syntax';
import { reanalyze } from '../server/src/features/incremental';
import { isLatin1, Splicer } from '../server/src/server/splice';
import { Mirror } from './bench-lsp';
import { fmt, gc, MB, median, percentile, prng } from './bench-stats';

/** How an edit was re-analysed: the old tree moved, the tree re-parsed around the edit (the structure changed), or afresh. */
export type EditPath = 'moved' | 'reparsed' | 'full';

/** The path reanalyze() took from `previous` to `result` (undefined: a full analysis). */
export function pathOf(previous: Analysis, result: Analysis | undefined): EditPath {
  if (!result) return 'full';
  return result.regulation.parse.root === previous.regulation.parse.root ? 'moved' : 'reparsed';
}

export interface IncrementalResult {
  readonly edits: number;
  /** Edits the incremental path answered, moved or re-parsed around the edit (the others were analysed in full). */
  readonly incremental: number;
  /** Of those, the edits that changed the structure (re-parsed around the edit). */
  readonly reparsed: number;
  readonly reparsedP50: number;
  readonly reparsedP95: number;
  /** Time per edit, whichever path: the analysis a keystroke costs the server, without LSP and without the copy. */
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
  /** The incremental path alone. */
  readonly incrementalP50: number;
  readonly incrementalP95: number;
  /** A full analysis, for the edits that needed one. */
  readonly fullP50: number;
  /** Median time to make the next version's text by concatenation (slice + insert + flatten). */
  readonly versionFloorMs: number;
  /** The same through the server's splicer (what the document store does): median and p95. */
  readonly splicedP50: number;
  readonly splicedP95: number;
}

export function incrementalEdits(text: string, edits: number, seed: number): IncrementalResult {
  const mirror = new Mirror(text, prng(seed));
  let analysis: Analysis = analyze(text);
  const all: number[] = [];
  const fast: number[] = [];
  const reparsed: number[] = [];
  const full: number[] = [];
  const floor: number[] = [];
  const spliced: number[] = [];
  const splicer = new Splicer();
  let oneByte = isLatin1(text);
  let current = text;
  for (let i = 0; i < edits; i++) {
    mirror.edit();
    const change = mirror.lastChange;
    // Concatenation, timed on its own (the page faults of a fresh string in the large-object space).
    let started = performance.now();
    const flat = current.slice(0, change.start) + change.newText + current.slice(change.end);
    flat.charCodeAt(flat.length >> 1);
    floor.push(performance.now() - started);
    // What the server does; the analysis gets this string, as in the server.
    started = performance.now();
    oneByte = oneByte && isLatin1(change.newText);
    const next = splicer.splice(current, change.start, change.end, change.newText, oneByte);
    next.charCodeAt(next.length >> 1);
    spliced.push(performance.now() - started);
    current = next;
    started = performance.now();
    const moved = reanalyze(analysis, next, change);
    const path = pathOf(analysis, moved);
    analysis = moved ?? analyze(next);
    const ms = performance.now() - started;
    all.push(ms);
    (moved ? fast : full).push(ms);
    if (path === 'reparsed') reparsed.push(ms);
  }
  return {
    edits,
    incremental: fast.length,
    reparsed: reparsed.length,
    reparsedP50: reparsed.length > 0 ? percentile(reparsed, 50) : Number.NaN,
    reparsedP95: reparsed.length > 0 ? percentile(reparsed, 95) : Number.NaN,
    p50: percentile(all, 50),
    p95: percentile(all, 95),
    max: Math.max(...all),
    incrementalP50: fast.length > 0 ? percentile(fast, 50) : Number.NaN,
    incrementalP95: fast.length > 0 ? percentile(fast, 95) : Number.NaN,
    fullP50: full.length > 0 ? median(full) : Number.NaN,
    versionFloorMs: median(floor),
    splicedP50: percentile(spliced, 50),
    splicedP95: percentile(spliced, 95),
  };
}

export function formatIncremental(result: IncrementalResult, name: string): string {
  return `Keystrokes in process on ${name} (${result.edits} seeded one-character edits, as through the server): ` +
    `${result.incremental} of ${result.edits} re-analysed incrementally (p50 ${fmt(result.incrementalP50)} ms, p95 ${fmt(result.incrementalP95)} ms; ` +
    `${result.reparsed} of them changed the structure and were re-parsed around the edit, p50 ${fmt(result.reparsedP50)} ms, p95 ${fmt(result.reparsedP95)} ms), ` +
    `the others in full (median ${fmt(result.fullP50)} ms); all edits p50 ${fmt(result.p50)} ms, p95 ${fmt(result.p95)} ms, max ${fmt(result.max)} ms. ` +
    `Making each version's text (one flat string) alone takes ${fmt(result.versionFloorMs)} ms here by concatenation, ` +
    `${fmt(result.splicedP50)} ms (p95 ${fmt(result.splicedP95)} ms) through the server's splicer.`;
}

/**
 * The path each of a sequence of edits (each in offsets of the text before it) takes, replayed in process:
 * splits keystroke latencies measured elsewhere (through the server) by path.
 */
export function incrementalPaths(text: string, changes: readonly { start: number; end: number; newText: string }[]): EditPath[] {
  let current = text;
  let analysis: Analysis = analyze(current);
  return changes.map((change) => {
    const next = current.slice(0, change.start) + change.newText + current.slice(change.end);
    const moved = reanalyze(analysis, next, change);
    const path = pathOf(analysis, moved);
    analysis = moved ?? analyze(next);
    current = next;
    return path;
  });
}

export interface DraftingResult {
  readonly keystrokes: number;
  readonly incremental: number;
  readonly p50: number;
  readonly p95: number;
  /** Keystrokes that were a line break (Enter), and how many of them were incremental. */
  readonly enters: number;
  readonly entersIncremental: number;
}

const DRAFTED = 'Ketentuan lebih lanjut mengenai tata cara sebagaimana dimaksud pada ayat (1) diatur dengan Peraturan Wali Kota.';

/** What a drafter types: at `places` line ends (seeded), Enter, then a sentence one character at a time. */
export function draftingSession(text: string, places: number, seed: number): DraftingResult {
  const random = prng(seed);
  const sentence = DRAFTED;
  let current = text;
  let analysis: Analysis = analyze(current);
  // Each version's text made as the server makes it (a flattened rope would add ~9 ms per keystroke here).
  const splicer = new Splicer();
  let oneByte = isLatin1(text);
  const times: number[] = [];
  let incremental = 0;
  let enters = 0;
  let entersIncremental = 0;
  for (let p = 0; p < places; p++) {
    let at = current.indexOf('\n', Math.floor(random() * current.length));
    if (at < 0) at = current.length;
    for (const typed of ['\n', ...sentence]) {
      const change = { start: at, end: at, newText: typed };
      oneByte = oneByte && isLatin1(typed);
      const next = splicer.splice(current, at, at, typed, oneByte);
      const started = performance.now();
      const moved = reanalyze(analysis, next, change);
      analysis = moved ?? analyze(next);
      times.push(performance.now() - started);
      if (moved) incremental++;
      if (typed === '\n') {
        enters++;
        if (moved) entersIncremental++;
      }
      current = next;
      at += typed.length;
    }
  }
  return { keystrokes: times.length, incremental, p50: percentile(times, 50), p95: percentile(times, 95), enters, entersIncremental };
}

export function formatDrafting(result: DraftingResult, name: string): string {
  return `Drafting in process on ${name} (at ${result.enters} seeded line ends: Enter, then a ${DRAFTED.length}-character sentence typed one character at a time): ` +
    `${result.incremental} of ${result.keystrokes} keystrokes incremental (Enter: ${result.entersIncremental} of ${result.enters}); p50 ${fmt(result.p50)} ms, p95 ${fmt(result.p95)} ms.`;
}

/**
 * Edits that change the structure, the path a keystroke in a heading or label takes (re-parsed around the
 * edit, remodelled): at seeded heading and label tokens, a digit typed into the token, then deleted again
 * (both edits are timed), so the document stays what it was. Most time in the run is spent on this path,
 * which makes it the one to run under node --cpu-prof.
 */
export function structuralEdits(text: string, pairs: number, seed: number): { edits: number; reparsed: number; p50: number; p95: number; max: number } {
  const random = prng(seed);
  let analysis: Analysis = analyze(text);
  let current = text;
  const times: number[] = [];
  let reparsed = 0;
  // Each version's text made as the server makes it (flat): the analysis is not charged for flattening.
  const splicer = new Splicer();
  const oneByte = isLatin1(text);
  const apply = (change: { start: number; end: number; newText: string }): void => {
    const next = splicer.splice(current, change.start, change.end, change.newText, oneByte);
    const started = performance.now();
    const result = reanalyze(analysis, next, change);
    if (pathOf(analysis, result) === 'reparsed') reparsed++;
    analysis = result ?? analyze(next);
    times.push(performance.now() - started);
    current = next;
  };
  for (let i = 0; i < pairs; i++) {
    const targets = namingTokens(analysis.regulation.parse.root);
    const target = targets[Math.floor(random() * targets.length)];
    const at = target.start + Math.floor(random() * (target.end - target.start + 1));
    apply({ start: at, end: at, newText: '7' });
    apply({ start: at, end: at + 1, newText: '' });
  }
  return { edits: times.length, reparsed, p50: percentile(times, 50), p95: percentile(times, 95), max: Math.max(...times) };
}

/** Every keyword, number and label token: where an edit changes the structure. */
function namingTokens(root: SyntaxNode): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const visit = (node: SyntaxNode): void => {
    for (const child of node.children) {
      if (child.type === 'node') visit(child);
      else if (child.kind === 'keyword' || child.kind === 'number' || child.kind === 'label') out.push(child);
    }
  };
  visit(root);
  return out;
}

/** A long editing session: the heap (after full GC) after a tenth of the edits and after all, and the incremental share. */
export function editingSession(text: string, edits: number, seed: number): { heapAfterTenthMB: number; heapEndMB: number; incremental: number; checkpoints: number } {
  const mirror = new Mirror(text, prng(seed));
  let analysis: Analysis = analyze(text);
  let incremental = 0;
  let heapAfterTenthMB = Number.NaN;
  const heap = (): number => {
    gc();
    return process.memoryUsage().heapUsed / MB;
  };
  for (let i = 1; i <= edits; i++) {
    const before = analysis.text; // the current version (the mirror keeps lines, not one string)
    mirror.edit();
    const change = mirror.lastChange;
    const next = before.slice(0, change.start) + change.newText + before.slice(change.end);
    const moved = reanalyze(analysis, next, change);
    if (moved) incremental++;
    analysis = moved ?? analyze(next);
    if (i === Math.ceil(edits / 10)) heapAfterTenthMB = heap();
  }
  const resumable = analysis.regulation.parse as { checkpoints?: unknown[] };
  return { heapAfterTenthMB, heapEndMB: heap(), incremental, checkpoints: resumable.checkpoints?.length ?? 0 };
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const session = args.indexOf('--session');
  const sessionEdits = session >= 0 ? Number(args.splice(session, 2)[1]) : 0;
  const structural = args.indexOf('--structural');
  const structuralPairs = structural >= 0 ? Number(args.splice(structural, 2)[1]) / 2 : 0;
  const drafting = args.indexOf('--drafting');
  const draftingPlaces = drafting >= 0 ? Number(args.splice(drafting, 2)[1]) : 0;
  const file = args[0] ?? path.join(__dirname, '..', '..', 'test', 'fixtures', 'corpus', 'mblx-uu-11-2020.txt');
  const text = readFileSync(file, 'utf8');
  if (structuralPairs > 0) {
    const result = structuralEdits(text, structuralPairs, 13);
    console.log(`Structural edits in process on ${path.basename(file)}: ${result.edits} edits of headings and labels (a digit typed, then deleted), ` +
      `${result.reparsed} re-parsed around the edit (the others in full); p50 ${fmt(result.p50)} ms, p95 ${fmt(result.p95)} ms, max ${fmt(result.max)} ms.`);
  } else if (draftingPlaces > 0) {
    console.log(formatDrafting(draftingSession(text, draftingPlaces, 11), path.basename(file)));
  } else if (sessionEdits > 0) {
    const result = editingSession(text, sessionEdits, 5);
    console.log(`Editing session on ${path.basename(file)}: ${sessionEdits} one-character edits (${result.incremental} incremental); heap after full GC ` +
      `${fmt(result.heapAfterTenthMB)} MB after ${Math.ceil(sessionEdits / 10)} edits, ${fmt(result.heapEndMB)} MB after all; ${result.checkpoints} parser checkpoints at the end.`);
  } else {
    console.log(formatIncremental(incrementalEdits(text, Number(args[1] ?? 200), 7), path.basename(file)));
  }
}
