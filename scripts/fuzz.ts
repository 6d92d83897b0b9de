// Fuzzing the pure layers: parse and analyze must never throw, never hang, and keep the tree lossless,
// whatever text they get. `npm run fuzz -- --runs N [--seed S]`.
//
// Every case is built from (seed, case index) alone, so one failing case is reproduced without the others:
//   node out/scripts/fuzz.js --seed S --case I        (writes the input to /tmp/perwal-fuzz/ and runs it)
// Cases are mutated corpus texts (test/fixtures/corpus and seeds: lines deleted, duplicated, swapped, split
// and joined; random characters, NUL, lone surrogates, CR, CRLF mixes, tabs, a BOM inserted; truncated
// anywhere; rarely a 1 MB line or 100,000 nested list labels) or random text. Each case runs in a worker
// thread watched by this one: a case that overruns its time budget is a "slow" failure, one that does not
// come back at all is a "hang" (the worker is killed and a fresh one goes on).
//
// Then the adversarial inputs: each is repeated at three sizes (10x apart) and must take time linear in
// its size (see ADVERSARIAL below). --server runs open/edit/close cycles against dist/server.js and
// reports the server's memory (VmRSS) before and after.
//
// Options: --runs N (1000) --seed S (random, printed) --jobs J (1) --case I --features (also run the
// offset-based features at random places) --no-adversarial --adversarial-only --sizes 10000,100000,1000000
// --server [--cycles 10000] --out DIR (/tmp/perwal-fuzz)

import { prng } from './bench-stats';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { analyze, Analysis } from '../server/src/features/analysis';
import { codeActions } from '../server/src/features/code-actions';
import { completions } from '../server/src/features/completion';
import { definition } from '../server/src/features/definition';
import { referencesTo } from '../server/src/features/find-references';
import { foldingRanges } from '../server/src/features/folding';
import { hover } from '../server/src/features/hover';
import { reanalyze } from '../server/src/features/incremental';
import { outline } from '../server/src/features/outline';
import { prepareRename } from '../server/src/features/rename';
import { selectionRanges } from '../server/src/features/selection-ranges';
import { semanticTokens } from '../server/src/features/semantic-tokens';
import { isNode, parse, SyntaxNode } from '../server/src/syntax';
import { ensureServerBuilt, TestClient } from '../test/unit/server/lsp-client';

// ---- deterministic random numbers ---------------------------------------------------------------

/** mulberry32 seeded with a mix of (seed, case index): every case is independent and reproducible. */
export function caseRandom(seed: number, index: number): () => number {
  return prng((Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35)) >>> 0);
}

type Random = () => number;
const below = (random: Random, n: number): number => Math.floor(random() * n);
const pick = <T>(random: Random, items: readonly T[]): T => items[below(random, items.length)];
/** Mostly small, sometimes large: 1, 2, … up to max with a geometric tail. */
const smallCount = (random: Random, max: number): number => Math.min(max, 1 + Math.floor(-Math.log(1 - random()) * (max / 8)));

// ---- the corpus ---------------------------------------------------------------------------------

export function repositoryRoot(from = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'test', 'fixtures'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`repository root not found above ${from}`);
  }
}

interface CorpusText {
  readonly name: string;
  readonly lines: string[];
}

let corpusCache: CorpusText[] | undefined;

export function corpus(): CorpusText[] {
  if (corpusCache) return corpusCache;
  const root = path.join(repositoryRoot(), 'test', 'fixtures');
  corpusCache = [];
  for (const folder of ['seeds', 'corpus']) {
    const dir = path.join(root, folder);
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir).sort()) {
      if (name.endsWith('.txt')) corpusCache.push({ name: `${folder}/${name}`, lines: fs.readFileSync(path.join(dir, name), 'utf8').split('\n') });
    }
  }
  return corpusCache;
}

// ---- building one case ----------------------------------------------------------------------------

const WEIRD = ['\u0000', '\uD800', '\uDC00', '\uDBFF', '\r', '\r\n', '\n', '\t', '\uFEFF', '\u00A0', '\u200B', '\u0301', '😀', '👍🏽', '\u202E', '\u2028', '\u000B', '\u000C', '\u001F', '…', '“', '”', '"', '*', '**', '_', '#', '-', '•', '|', '%%', '\\'];
const TOKENS = ['Pasal', 'PASAL', 'pasal', 'asal', 'Pasa1', 'BAB', 'Bab', 'Bagian', 'Kesatu', 'Kedua', 'Paragraf', 'BUKU', 'KESATU', 'ayat', 'Ayat', 'huruf', 'angka',
  '(1)', '(2)', '(1a)', '(', ')', 'a.', 'b.', 'a)', '1.', '2.', '1)', 'I', 'II', 'IV', 'IXA', '1', '2', '3', '10', '5A', '1O', 'l', 'O',
  'sebagaimana', 'dimaksud', 'dalam', 'pada', 'dan', 'atau', 'dan/atau', 'sampai dengan', 's.d.', 'kecuali', 'jo.', 'Undang-Undang', 'Nomor', 'Tahun', 'tentang',
  'Menimbang', 'Mengingat', 'MEMUTUSKAN', 'Menetapkan', ':', ';', ',', '.', '"', '“', '”', 'PENJELASAN', 'I. UMUM', 'II. PASAL DEMI PASAL', 'Cukup jelas.', 'LAMPIRAN',
  'Di antara Pasal 5 dan Pasal 6 disisipkan 1 (satu) pasal, yakni Pasal 5A sehingga berbunyi sebagai berikut:', 'Ketentuan Pasal 3 diubah sehingga berbunyi sebagai berikut:',
  '%% perwal-disable-next-line', '%% perwal-disable numbering-gap', '...', '- 2 -', ' ', ' ', '\t', '\n', '\n', '\n\n', '\r\n'];
const LABELS = ['a.', '1.', 'a)', '1)', '(1)'];

export type CaseKind = 'window' | 'large-window' | 'whole-file' | 'random-text' | 'token-soup' | 'megabyte-line' | 'nested-labels';

export interface FuzzCase {
  readonly seed: number;
  readonly index: number;
  readonly kind: CaseKind;
  /** Where the text came from and what was done to it, for the report. */
  readonly recipe: string[];
  readonly text: string;
}

function randomChars(random: Random, length: number): string {
  let out = '';
  while (out.length < length) {
    const roll = random();
    if (roll < 0.35) out += pick(random, WEIRD);
    else if (roll < 0.5) out += String.fromCharCode(below(random, 0x10000));
    else out += String.fromCharCode(32 + below(random, 95));
  }
  return out;
}

function tokenSoup(random: Random, count: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(pick(random, TOKENS), random() < 0.7 ? ' ' : pick(random, ['', '\n', ' ', '\t']));
  return out.join('');
}

/** One mutation of the lines, in place; returns its name for the recipe. */
function mutateLines(random: Random, lines: string[]): string {
  if (lines.length === 0) lines.push('');
  const at = below(random, lines.length);
  switch (below(random, 14)) {
    case 0:
      lines.splice(at, smallCount(random, 20));
      return 'delete lines';
    case 1:
      lines.splice(at, 0, ...lines.slice(at, at + smallCount(random, 10)));
      return 'duplicate lines';
    case 2: {
      const other = below(random, lines.length);
      [lines[at], lines[other]] = [lines[other], lines[at]];
      return 'swap lines';
    }
    case 3: {
      const line = lines[at];
      const cut = below(random, line.length + 1);
      lines.splice(at, 1, line.slice(0, cut), line.slice(cut));
      return 'split a line';
    }
    case 4:
      if (at + 1 < lines.length) lines.splice(at, 2, lines[at] + pick(random, [' ', '', '\t']) + lines[at + 1]);
      return 'join lines';
    case 5:
    case 6: {
      const line = lines[at];
      const where = below(random, line.length + 1);
      lines[at] = line.slice(0, where) + randomChars(random, smallCount(random, 12)) + line.slice(where);
      return 'insert characters';
    }
    case 7: {
      const line = lines[at];
      const where = below(random, line.length + 1);
      lines[at] = line.slice(0, where) + pick(random, TOKENS) + line.slice(where);
      return 'insert a token';
    }
    case 8:
      lines[0] = '\uFEFF' + lines[0];
      return 'BOM';
    case 9:
      // A CR before the joining LF makes a CRLF line end; one inside a line is a lone CR (old Mac).
      for (let i = 0; i < lines.length; i++) if (random() < 0.3) lines[i] = random() < 0.5 ? `${lines[i]}\r` : lines[i].replace(' ', '\r');
      return 'CR / CRLF mix';
    case 10:
      lines[at] = lines[at].replace(/ /g, () => (random() < 0.3 ? '\t' : ' '));
      return 'tabs';
    case 11:
      lines[at] = lines[at].replace(/[0-9lIO]/g, (c) => (random() < 0.3 ? ({ '1': 'l', l: '1', '0': 'O', O: '0', I: '1' } as Record<string, string>)[c] ?? c : c));
      return 'OCR digits';
    case 12:
      lines[at] = lines[at].slice(0, below(random, lines[at].length + 1));
      return 'truncate a line';
    default:
      lines.splice(at, 0, pick(random, LABELS) + ' ' + pick(random, TOKENS));
      return 'insert a label line';
  }
}

/** Builds case `index` of `seed`: a pure function of the two. */
export function buildCase(seed: number, index: number): FuzzCase {
  const random = caseRandom(seed, index);
  const texts = corpus();
  const roll = random();
  const recipe: string[] = [];
  let kind: CaseKind;
  let lines: string[];
  if (roll < 0.0005) {
    kind = 'megabyte-line';
    const source = pick(random, texts);
    lines = source.lines.slice(0, 40);
    const unit = random() < 0.5 ? pick(random, source.lines) || 'Pasal 1 ' : randomChars(random, 64);
    lines.splice(below(random, lines.length), 0, unit.repeat(Math.ceil(1_048_576 / Math.max(1, unit.length))).slice(0, 1_048_576));
    recipe.push(`${source.name}: first 40 lines + a 1 MB line`);
  } else if (roll < 0.001) {
    kind = 'nested-labels';
    const inline = random() < 0.5;
    const labels = Array.from({ length: 100_000 }, (_, i) => `${LABELS[i % LABELS.length]} x${i % 7 === 0 ? ';' : ''}`);
    lines = ['Pasal 1', '', ...(inline ? [labels.join(' ')] : labels)];
    recipe.push(`100,000 nested list labels${inline ? ' on one line' : ', one per line'}`);
  } else if (roll < 0.02) {
    kind = 'whole-file';
    const source = pick(random, texts);
    lines = [...source.lines];
    recipe.push(source.name);
  } else if (roll < 0.1) {
    kind = 'large-window';
    const source = pick(random, texts);
    const start = below(random, source.lines.length);
    lines = source.lines.slice(start, start + 200 + below(random, 2000));
    recipe.push(`${source.name} lines ${start + 1}…${start + lines.length}`);
  } else if (roll < 0.18) {
    kind = 'random-text';
    lines = randomChars(random, smallCount(random, 4000)).split('\n');
    recipe.push('random characters');
  } else if (roll < 0.26) {
    kind = 'token-soup';
    lines = tokenSoup(random, smallCount(random, 600)).split('\n');
    recipe.push('random regulation tokens');
  } else {
    kind = 'window';
    const source = pick(random, texts);
    const start = below(random, source.lines.length);
    lines = source.lines.slice(start, start + smallCount(random, 160));
    recipe.push(`${source.name} lines ${start + 1}…${start + lines.length}`);
  }
  const mutations = kind === 'megabyte-line' || kind === 'nested-labels' ? below(random, 3) : below(random, 9);
  for (let i = 0; i < mutations; i++) recipe.push(mutateLines(random, lines));
  let text = lines.join(random() < 0.1 ? '\r\n' : '\n');
  if (random() < 0.1) {
    text = text.slice(0, below(random, text.length + 1));
    recipe.push('truncated');
  }
  return { seed, index, kind, recipe, text };
}

// ---- checking one case ------------------------------------------------------------------------------

export type FailureKind = 'throw' | 'internal-parser-error' | 'not-lossless' | 'bad-tree' | 'feature-throw' | 'slow' | 'hang' | 'worker-crash' | 'incremental-mismatch';

export interface CaseFailure {
  readonly kind: FailureKind;
  readonly message: string;
}

export interface CaseResult {
  readonly index: number;
  readonly size: number;
  readonly milliseconds: number;
  readonly failures: CaseFailure[];
}

/**
 * Generous: 5 s plus 25 characters per ms. The corpus is analysed at ~1,600 characters per ms, 100,000 nested
 * labels at ~180 (unloaded); a 2-core machine shared with other work runs 3–4x slower (a first budget of
 * 2 s + size/100 flagged 100,000 nested labels at 8–13 s under load). Quadratic behaviour still blows it.
 */
export function budgetMs(size: number): number {
  return 5_000 + size / 25;
}

/** Tokens cover the text exactly, in order; nodes hold their children in order and within their range. */
export function treeProblems(text: string, root: SyntaxNode): { lossless?: string; tree?: string } {
  let position = 0;
  let lossless: string | undefined;
  let tree: string | undefined;
  if (root.start !== 0 || root.end !== text.length) tree = `document spans ${root.start}…${root.end}, text has ${text.length}`;
  // Depth-first, children in order, without recursion (the tree may be 100,000 deep).
  const walk: Array<{ node: SyntaxNode; next: number }> = [{ node: root, next: 0 }];
  while (walk.length > 0) {
    const frame = walk[walk.length - 1];
    if (frame.next >= frame.node.children.length) {
      walk.pop();
      continue;
    }
    const child = frame.node.children[frame.next++];
    if (!tree && (child.start < frame.node.start || child.end > frame.node.end || child.start > child.end)) {
      tree = `${isNode(child) ? child.kind : `token ${child.kind}`} ${child.start}…${child.end} outside its parent ${frame.node.kind} ${frame.node.start}…${frame.node.end}`;
    }
    if (isNode(child)) {
      walk.push({ node: child, next: 0 });
    } else if (!lossless) {
      if (child.start !== position) lossless = `token ${child.kind} starts at ${child.start}, expected ${position}`;
      position = child.end;
    }
  }
  if (!lossless && position !== text.length) lossless = `tokens end at ${position}, text has ${text.length} characters`;
  return { lossless, tree };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}\n${(error.stack ?? '').split('\n').slice(1, 4).join('\n')}` : String(error);
}

/** The offset-based features at a few places (only with --features). */
function runFeatures(analysis: Analysis, random: Random): void {
  const length = analysis.text.length;
  outline(analysis.regulation);
  foldingRanges(analysis);
  semanticTokens(analysis);
  for (let i = 0; i < 3; i++) {
    const offset = below(random, length + 1);
    hover(analysis, offset, 'en');
    completions(analysis, offset, 'id');
    definition(analysis, offset);
    referencesTo(analysis, offset, true);
    prepareRename(analysis, offset);
    codeActions(analysis, { start: offset, end: Math.min(length, offset + below(random, 200)) });
    selectionRanges(analysis, [offset]);
  }
}

export function runCase(fuzzCase: FuzzCase, withFeatures: boolean): CaseResult {
  const { text } = fuzzCase;
  const failures: CaseFailure[] = [];
  const started = performance.now();
  try {
    const result = parse(text);
    const internal = result.errors.find((error) => /^Internal parser error/.test(error.message.en));
    if (internal) failures.push({ kind: 'internal-parser-error', message: internal.message.en });
    const problems = treeProblems(text, result.root);
    if (problems.lossless) failures.push({ kind: 'not-lossless', message: problems.lossless });
    if (problems.tree) failures.push({ kind: 'bad-tree', message: problems.tree });
  } catch (error) {
    failures.push({ kind: 'throw', message: `parse: ${describe(error)}` });
  }
  let analysis: Analysis | undefined;
  try {
    analysis = analyze(text);
  } catch (error) {
    failures.push({ kind: 'throw', message: `analyze: ${describe(error)}` });
  }
  const milliseconds = performance.now() - started;
  if (milliseconds > budgetMs(text.length)) {
    failures.push({ kind: 'slow', message: `parse + analyze took ${milliseconds.toFixed(0)} ms for ${text.length} characters (budget ${budgetMs(text.length).toFixed(0)} ms)` });
  }
  if (withFeatures && analysis) {
    try {
      runFeatures(analysis, caseRandom(fuzzCase.seed ^ 0x5eed, fuzzCase.index));
    } catch (error) {
      failures.push({ kind: 'feature-throw', message: describe(error) });
    }
  }
  if (analysis) checkIncremental(analysis, caseRandom(fuzzCase.seed ^ 0x1dea, fuzzCase.index), failures);
  return { index: fuzzCase.index, size: text.length, milliseconds, failures };
}

/** A small edit of the text: the incremental re-analysis never throws and, when it answers, equals a full one. */
function checkIncremental(analysis: Analysis, random: Random, failures: CaseFailure[]): void {
  const text = analysis.text;
  const start = below(random, text.length + 1);
  const end = Math.min(text.length, start + [0, 0, 1, 3][below(random, 4)]);
  const newText = ['x', 'a', '', ' ', '1', '(', '\n', 'Pasal '][below(random, 8)];
  const next = text.slice(0, start) + newText + text.slice(end);
  const change = { start, end, newText };
  try {
    const moved = reanalyze(analysis, next, change);
    if (!moved) return;
    const full = analyze(next);
    if (JSON.stringify(moved.diagnostics) !== JSON.stringify(full.diagnostics) || moved.references.length !== full.references.length) {
      failures.push({ kind: 'incremental-mismatch', message: `after ${JSON.stringify(change)}: ${moved.diagnostics.length} diagnostics and ${moved.references.length} references, a full analysis ${full.diagnostics.length} and ${full.references.length}` });
    }
  } catch (error) {
    failures.push({ kind: 'throw', message: `reanalyze ${JSON.stringify(change)}: ${describe(error)}` });
  }
}

// ---- adversarial inputs: time must grow linearly --------------------------------------------------

export interface Adversarial {
  readonly name: string;
  /** The text for n repetitions. */
  readonly build: (n: number) => string;
}

export const ADVERSARIAL: readonly Adversarial[] = [
  { name: '"Pasal " repeated on one line', build: (n) => 'Pasal '.repeat(n) },
  { name: '"Pasal 1" lines', build: (n) => 'Pasal 1\n'.repeat(n) },
  { name: '"(1) " repeated', build: (n) => '(1) '.repeat(n) },
  { name: '"(1) (1) (1)" lines', build: (n) => 'Pasal 1\n' + '(1) (1) (1)\n'.repeat(n) },
  { name: '"sebagaimana dimaksud dalam Pasal 1 ayat (" repeated', build: (n) => 'Pasal 1\n(1) x\n' + 'sebagaimana dimaksud dalam Pasal 1 ayat ('.repeat(n) },
  { name: '"a. a. a." lines', build: (n) => 'Pasal 1\n' + 'a. a. a.\n'.repeat(n) },
  { name: '"a. " repeated on one line', build: (n) => 'Pasal 1\n' + 'a. '.repeat(n) },
  { name: 'one long line without newline', build: (n) => 'Pasal 1\nx' + 'abcdefghij'.repeat(n) },
  { name: '"Pasal 1O1O1O…"', build: (n) => 'Pasal ' + '1O'.repeat(n) },
  { name: 'tabs inside a line', build: (n) => 'Pasal 1\n(1) a' + '\t'.repeat(n) + 'x\n' },
  { name: 'NULs inside a line', build: (n) => 'Pasal 1\n(1) a' + '\u0000'.repeat(n) + 'x\n' },
  { name: '" **" inside a line', build: (n) => 'Pasal 1\n(1) a' + ' **'.repeat(n) + 'x\n' },
  { name: 'blank lines', build: (n) => 'Pasal 1\n' + '\n'.repeat(n) + 'x' },
  // Label columns (syntax/label-column.ts): one long column, and many short ones each matched with its page.
  { name: 'a label column of "(1)" lines', build: (n) => 'MEMUTUSKAN:\nMenetapkan : X.\n\nPasal 1\nIsi.\n' + '(1)\n\n'.repeat(n) },
  { name: 'label columns and their paragraphs', build: (n) => 'MEMUTUSKAN:\nMenetapkan : X.\n\nPasal 1\nIsi.\n' + '(1)\n(2)\nPasal 2\nSatu.\nDua.\n'.repeat(n) },
  { name: 'CR only', build: (n) => 'Pasal 1\r(1) x\r'.repeat(n) },
  { name: 'nested labels, one per line', build: (n) => 'Pasal 1\n' + Array.from({ length: n }, (_, i) => `${LABELS[i % LABELS.length]} x`).join('\n') },
  { name: 'references "Pasal 1 ayat (1) huruf a angka 1, "', build: (n) => 'Pasal 1\n(1) a. 1. x\n\nPasal 2\n' + 'Pasal 1 ayat (1) huruf a angka 1, '.repeat(n) },
  { name: 'a quoted heading glued to its quote mark, repeated', build: (n) => 'Pasal 1\nKetentuan Pasal 5 diubah sehingga berbunyi sebagai berikut: ' + '“Pasal 2 (1) A. '.repeat(n) },
  { name: 'title with trailing blanks "BAB I\\nKETENTUAN" + spaces', build: (n) => 'BAB I\nKETENTUAN' + ' '.repeat(n) + '*x\n' },
];

export interface Measurement {
  readonly repetitions: number;
  readonly characters: number;
  /** Undefined when the run did not finish within the time allowed. */
  readonly milliseconds?: number;
  readonly timedOutAfterMs?: number;
  readonly error?: string;
}

export interface AdversarialResult {
  readonly name: string;
  readonly measurements: Measurement[];
  readonly verdict: 'linear' | 'super-linear' | 'inconclusive' | 'error';
  readonly detail: string;
}

/** Best of `tries` runs of parse + analyze (small sizes are noisy). */
function timeOnce(text: string, tries: number): number {
  let best = Infinity;
  for (let i = 0; i < tries; i++) {
    const started = performance.now();
    parse(text);
    analyze(text);
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

/** Per-character time may grow at most this much from one size to the next (10x apart) to count as linear. */
const SUPERLINEAR_FACTOR = 3;
/** Times below this are noise, not evidence. */
const NOISE_MS = 50;

export function verdictOf(measurements: readonly Measurement[]): { verdict: AdversarialResult['verdict']; detail: string } {
  for (let i = 1; i < measurements.length; i++) {
    const before = measurements[i - 1];
    const now = measurements[i];
    if (before.milliseconds === undefined) break;
    // A baseline under the noise floor counts as the floor (conservative: fewer false alarms).
    const perCharBefore = Math.max(before.milliseconds, NOISE_MS) / before.characters;
    if (now.error) return { verdict: 'error', detail: now.error };
    const spent = now.milliseconds ?? now.timedOutAfterMs!;
    if (spent < NOISE_MS && now.milliseconds !== undefined) continue;
    const growth = spent / now.characters / perCharBefore;
    const expected = perCharBefore * now.characters;
    if (growth > SUPERLINEAR_FACTOR) {
      return {
        verdict: 'super-linear',
        detail: `${now.characters} characters took ${now.milliseconds === undefined ? `more than ${spent.toFixed(0)}` : spent.toFixed(0)} ms, ` +
          `${growth.toFixed(1)}x the time per character of ${before.characters} characters (linear: ~${expected.toFixed(0)} ms)`,
      };
    }
    // A timeout below what linear growth predicts says nothing: the size is just too big to time here.
    if (now.milliseconds === undefined) {
      return { verdict: 'inconclusive', detail: `${now.characters} characters: stopped after ${spent.toFixed(0)} ms, linear growth predicts ~${expected.toFixed(0)} ms` };
    }
  }
  return { verdict: 'linear', detail: measurements.map((m) => `${m.characters}: ${m.milliseconds?.toFixed(0)} ms`).join(', ') };
}

// ---- the worker side ----------------------------------------------------------------------------------

interface WorkerJob {
  readonly mode: 'cases';
  readonly seed: number;
  readonly indices: number[];
  readonly features: boolean;
}

interface MeasureJob {
  readonly mode: 'measure';
  readonly adversarial: number;
  readonly repetitions: number;
}

type WorkerMessage =
  | { type: 'begin'; index: number; size: number }
  | { type: 'result'; result: CaseResult }
  | { type: 'measured'; milliseconds: number; characters: number }
  | { type: 'done' };

function workerMain(job: WorkerJob | MeasureJob): void {
  const post = (message: WorkerMessage): void => parentPort!.postMessage(message);
  if (job.mode === 'measure') {
    const text = ADVERSARIAL[job.adversarial].build(job.repetitions);
    const tries = text.length < 200_000 ? 3 : 1;
    post({ type: 'measured', milliseconds: timeOnce(text, tries), characters: text.length });
    return;
  }
  for (const index of job.indices) {
    const fuzzCase = buildCase(job.seed, index);
    post({ type: 'begin', index, size: fuzzCase.text.length });
    post({ type: 'result', result: runCase(fuzzCase, job.features) });
  }
  post({ type: 'done' });
}

// ---- the main side ---------------------------------------------------------------------------------------

interface Options {
  runs: number;
  seed: number;
  jobs: number;
  caseIndex?: number;
  features: boolean;
  adversarial: 'yes' | 'no' | 'only';
  sizes: number[];
  server: boolean;
  cycles: number;
  out: string;
}

function parseOptions(argv: string[]): Options {
  const options: Options = {
    runs: 1000, seed: Math.floor(Math.random() * 2 ** 31), jobs: 1, features: false, adversarial: 'yes',
    sizes: [10_000, 100_000, 1_000_000], server: false, cycles: 10_000, out: path.join(os.tmpdir(), 'perwal-fuzz'),
  };
  for (let i = 0; i < argv.length; i++) {
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${argv[i - 1]} needs a value`);
      return next;
    };
    switch (argv[i]) {
      case '--runs': options.runs = Number(value()); break;
      case '--seed': options.seed = Number(value()); break;
      case '--jobs': options.jobs = Math.max(1, Number(value())); break;
      case '--case': options.caseIndex = Number(value()); break;
      case '--features': options.features = true; break;
      case '--no-adversarial': options.adversarial = 'no'; break;
      case '--adversarial-only': options.adversarial = 'only'; break;
      case '--sizes': options.sizes = value().split(',').map(Number); break;
      case '--server': options.server = true; break;
      case '--cycles': options.cycles = Number(value()); break;
      case '--out': options.out = value(); break;
      default: throw new Error(`unknown option ${argv[i]} (see the top of scripts/fuzz.ts)`);
    }
  }
  for (const [name, number] of [['--runs', options.runs], ['--seed', options.seed], ['--cycles', options.cycles]] as const) {
    if (!Number.isInteger(number) || number < 0) throw new Error(`${name} must be a whole number, got ${number}`);
  }
  return options;
}

function saveInput(options: Options, index: number): string {
  fs.mkdirSync(options.out, { recursive: true });
  const file = path.join(options.out, `seed-${options.seed}-case-${index}.txt`);
  fs.writeFileSync(file, buildCase(options.seed, index).text, 'utf8');
  return file;
}

const PRINTED_PER_KIND = 50;

interface Tally {
  runs: number;
  characters: number;
  failures: number;
  printed: Map<string, number>;
  log: fs.WriteStream;
  byKind: Map<string, number>;
}

function report(options: Options, tally: Tally, index: number, failure: CaseFailure): void {
  tally.failures++;
  tally.byKind.set(failure.kind, (tally.byKind.get(failure.kind) ?? 0) + 1);
  const fuzzCase = buildCase(options.seed, index);
  const file = saveInput(options, index);
  const line = `FAIL ${failure.kind} seed=${options.seed} case=${index} (${fuzzCase.kind}: ${fuzzCase.recipe.join(', ')}; ${fuzzCase.text.length} chars) → ${file}\n` +
    `     ${failure.message.split('\n').join('\n     ')}\n     reproduce: node out/scripts/fuzz.js --seed ${options.seed} --case ${index}\n`;
  tally.log.write(line);
  const printed = tally.printed.get(failure.kind) ?? 0;
  tally.printed.set(failure.kind, printed + 1);
  if (printed < PRINTED_PER_KIND) process.stdout.write(line);
  else if (printed === PRINTED_PER_KIND) process.stdout.write(`(more ${failure.kind} failures go to ${tally.log.path} only)\n`);
}

/** Runs case indices on one worker; a case that overruns 5x its budget (+10 s) is a hang: kill, go on. */
function runOnWorker(options: Options, indices: number[], tally: Tally): Promise<void> {
  return new Promise((resolve) => {
    let remaining = indices;
    const start = (): void => {
      if (remaining.length === 0) return resolve();
      const worker = new Worker(__filename, { workerData: { mode: 'cases', seed: options.seed, indices: remaining, features: options.features } satisfies WorkerJob });
      let current: { index: number; timer: NodeJS.Timeout } | undefined;
      let finished = false;
      const restartAfter = (index: number, failure: CaseFailure): void => {
        if (finished) return;
        finished = true;
        if (current) clearTimeout(current.timer);
        report(options, tally, index, failure);
        tally.runs++;
        remaining = remaining.slice(remaining.indexOf(index) + 1);
        void worker.terminate().then(start);
      };
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'begin') {
          const limit = 5 * budgetMs(message.size) + 10_000;
          const timer = setTimeout(() => restartAfter(message.index, { kind: 'hang', message: `no answer after ${(limit / 1000).toFixed(0)} s for ${message.size} characters` }), limit);
          current = { index: message.index, timer };
        } else if (message.type === 'result') {
          if (current) clearTimeout(current.timer);
          current = undefined;
          tally.runs++;
          tally.characters += message.result.size;
          for (const failure of message.result.failures) report(options, tally, message.result.index, failure);
        } else if (message.type === 'done') {
          finished = true;
          void worker.terminate().then(() => resolve());
        }
      });
      worker.on('error', (error) => {
        const index = current?.index ?? remaining[0];
        restartAfter(index, { kind: 'worker-crash', message: describe(error) });
      });
    };
    start();
  });
}

async function fuzz(options: Options): Promise<Tally> {
  fs.mkdirSync(options.out, { recursive: true });
  const tally: Tally = { runs: 0, characters: 0, failures: 0, printed: new Map(), byKind: new Map(), log: fs.createWriteStream(path.join(options.out, `failures-seed-${options.seed}.log`)) };
  const started = performance.now();
  const progress = setInterval(() => {
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(`… ${tally.runs}/${options.runs} runs, ${(tally.runs / seconds).toFixed(0)} runs/s, ${tally.failures} failure(s), ${seconds.toFixed(0)} s\n`);
  }, 30_000);
  const chunk = 2_000;
  const next = { index: 0 };
  await Promise.all(Array.from({ length: options.jobs }, async () => {
    while (next.index < options.runs) {
      const from = next.index;
      next.index = Math.min(options.runs, from + chunk);
      await runOnWorker(options, Array.from({ length: next.index - from }, (_, i) => from + i), tally);
    }
  }));
  clearInterval(progress);
  const seconds = (performance.now() - started) / 1000;
  const kinds = [...tally.byKind].map(([kind, count]) => `${kind}: ${count}`).join(', ');
  process.stdout.write(`\nfuzz: seed ${options.seed}, ${tally.runs} runs in ${seconds.toFixed(1)} s = ${(tally.runs / seconds).toFixed(1)} runs/s ` +
    `(${(tally.characters / 1e6).toFixed(1)} M characters, ${options.jobs} job(s)${options.features ? ', with features' : ''}); ` +
    `${tally.failures} failure(s)${kinds ? ` (${kinds})` : ''}${tally.failures ? `; inputs in ${options.out}, all failures in ${tally.log.path}` : ''}\n`);
  await new Promise<void>((resolve) => tally.log.end(resolve));
  return tally;
}

function measure(adversarial: number, repetitions: number, limitMs: number): Promise<Measurement> {
  return new Promise((resolve) => {
    const worker = new Worker(__filename, { workerData: { mode: 'measure', adversarial, repetitions } satisfies MeasureJob });
    // Length of n repetitions, extrapolated from 10 and 20 (a fixed prefix plus a per-repetition part).
    const ten = ADVERSARIAL[adversarial].build(10).length;
    const characters = Math.round(ten + ((ADVERSARIAL[adversarial].build(20).length - ten) / 10) * (repetitions - 10));
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve({ repetitions, characters, timedOutAfterMs: limitMs });
    }, limitMs);
    worker.once('message', (message: WorkerMessage) => {
      clearTimeout(timer);
      void worker.terminate();
      if (message.type === 'measured') resolve({ repetitions, characters: message.characters, milliseconds: message.milliseconds });
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      resolve({ repetitions, characters, error: describe(error).split('\n')[0] });
    });
  });
}

async function adversarial(options: Options): Promise<AdversarialResult[]> {
  const results: AdversarialResult[] = [];
  process.stdout.write(`\nadversarial inputs at ${options.sizes.join(' / ')} repetitions (parse + analyze; per-character time may grow at most ${SUPERLINEAR_FACTOR}x per step):\n`);
  for (let i = 0; i < ADVERSARIAL.length; i++) {
    const measurements: Measurement[] = [];
    let verdict: ReturnType<typeof verdictOf> = { verdict: 'linear', detail: '' };
    for (const repetitions of options.sizes) {
      const previous = measurements[measurements.length - 1];
      // Time allowed: 10x what linear growth predicts from the previous size, at least 20 s, at most 120 s.
      const predicted = previous?.milliseconds !== undefined ? (previous.milliseconds * repetitions) / previous.repetitions : 2_000;
      measurements.push(await measure(i, repetitions, Math.min(120_000, Math.max(20_000, 10 * predicted))));
      verdict = verdictOf(measurements);
      if (verdict.verdict !== 'linear') break;
      // Past 120 s per run nothing is measured; a size whose linear prediction is beyond that is skipped.
      const last = measurements[measurements.length - 1];
      const nextSize = options.sizes[options.sizes.indexOf(repetitions) + 1];
      if (nextSize !== undefined && last.milliseconds !== undefined && (last.milliseconds * nextSize) / repetitions > 100_000) {
        verdict = { verdict: 'linear', detail: `${nextSize} repetitions skipped: linear growth predicts ${(((last.milliseconds * nextSize) / repetitions) / 1000).toFixed(0)} s` };
        break;
      }
    }
    const times = measurements.map((m) => (m.milliseconds !== undefined ? `${m.milliseconds.toFixed(0)} ms` : m.error ? `error` : `>${(m.timedOutAfterMs! / 1000).toFixed(0)} s`)).join(' / ');
    const sizes = measurements.map((m) => m.characters).join(' / ');
    const label = verdict.verdict === 'linear' ? 'ok  ' : verdict.verdict === 'inconclusive' ? '??  ' : 'FAIL';
    const note = verdict.verdict === 'linear' ? (verdict.detail.includes('skipped') ? ` (${verdict.detail})` : '') : ` — ${verdict.verdict}: ${verdict.detail}`;
    process.stdout.write(`${label} ${ADVERSARIAL[i].name}: ${times} for ${sizes} characters${note}\n`);
    results.push({ name: ADVERSARIAL[i].name, measurements, ...verdict });
  }
  const bad = results.filter((result) => result.verdict === 'super-linear' || result.verdict === 'error');
  const inconclusive = results.filter((result) => result.verdict === 'inconclusive').length;
  process.stdout.write(`adversarial: ${results.length - bad.length - inconclusive} linear, ${bad.length} not, ${inconclusive} inconclusive\n`);
  return results;
}

async function serverSession(options: Options): Promise<boolean> {
  // The LSP test client of the unit tests; it (re)builds dist/server.js when missing or stale.
  ensureServerBuilt();
  const client = await TestClient.start({ settings: {} });
  const pid = client.process.pid!;
  const rss = (): number => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;
  const base = corpus()[0].lines;
  const cycle = async (i: number): Promise<void> => {
    const uri = `file:///fuzz/cycle-${i}.perwal`;
    const start = (i * 37) % Math.max(1, base.length - 80);
    const text = base.slice(start, start + 80).join('\n');
    await client.open(uri, text);
    await client.change(uri, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: `Pasal ${i}\n` }]);
    await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    await client.close(uri);
  };
  const started = performance.now();
  for (let i = 0; i < 200; i++) await cycle(i);
  const samples: Array<[number, number]> = [[200, rss()]];
  for (let i = 200; i < options.cycles; i++) {
    await cycle(i);
    if ((i + 1) % 1000 === 0) samples.push([i + 1, rss()]);
  }
  await client.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///none' } });
  const after = rss();
  await client.stop();
  const seconds = (performance.now() - started) / 1000;
  const growth = after - samples[0][1];
  process.stdout.write(`server: ${options.cycles} open/edit/close cycles in ${seconds.toFixed(1)} s (${(options.cycles / seconds).toFixed(0)}/s); ` +
    `VmRSS after warm-up ${samples[0][1].toFixed(1)} MB, after ${after.toFixed(1)} MB (${growth >= 0 ? '+' : ''}${growth.toFixed(1)} MB); ` +
    `samples: ${samples.map(([n, mb]) => `${n}: ${mb.toFixed(0)}`).join(', ')}\n`);
  const flat = growth < 40;
  process.stdout.write(flat ? 'server: memory flat (growth under 40 MB)\n' : 'FAIL server: memory grew by more than 40 MB\n');
  return flat;
}

async function main(argv: string[]): Promise<number> {
  const options = parseOptions(argv);
  if (options.caseIndex !== undefined) {
    const fuzzCase = buildCase(options.seed, options.caseIndex);
    const file = saveInput(options, options.caseIndex);
    process.stdout.write(`seed ${options.seed} case ${options.caseIndex}: ${fuzzCase.kind}: ${fuzzCase.recipe.join(', ')}; ${fuzzCase.text.length} characters → ${file}\n`);
    const result = runCase(fuzzCase, options.features);
    for (const failure of result.failures) process.stdout.write(`FAIL ${failure.kind}: ${failure.message}\n`);
    process.stdout.write(`${result.failures.length === 0 ? 'ok' : 'failed'} in ${result.milliseconds.toFixed(0)} ms\n`);
    return result.failures.length === 0 ? 0 : 1;
  }
  if (options.server) return (await serverSession(options)) ? 0 : 1;
  let failed = false;
  if (options.adversarial !== 'only') failed = (await fuzz(options)).failures > 0;
  if (options.adversarial !== 'no') failed = (await adversarial(options)).some((result) => result.verdict === 'super-linear' || result.verdict === 'error') || failed;
  return failed ? 1 : 0;
}

if (!isMainThread && parentPort) {
  workerMain(workerData as WorkerJob | MeasureJob);
} else if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  }, (error: unknown) => {
    process.stderr.write(`fuzz: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  });
}
