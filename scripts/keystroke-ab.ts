// A/B of keystroke latency through the server: the bench's 200 seeded keystrokes on UU 11/2020 (pulled,
// debounce 0, as `npm run bench` times them), run alternately against two server bundles over several rounds.
// On this project's VMs one run's p95 moves by 2–5 ms from run to run with the same code, so a change is judged
// by the paired differences over rounds (the order alternates, so that drift of the machine cancels), not by
// one run.
//   node out/scripts/keystroke-ab.js --a <dir | git revision> [--b <dir>] [--rounds 5] [--seed 7] [--gap-ms 0] [--file <text>] [--json <out>]
// --a / --b: a directory holding server.js (a dist/), or for --a a git revision, built into a temporary worktree
// (node_modules linked from this checkout). --b defaults to this checkout's dist/. --gap-ms pauses before each
// keystroke, as a typist does (the bench sends them back to back).

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { EditPath, incrementalPaths } from './bench-incremental';
import { keystrokeLatency } from './bench-lsp';
import { median, percentile } from './bench-stats';

const root = path.resolve(__dirname, '..', '..');
const EDITS = 200;

/** What one run of the keystrokes gave. */
export interface RunFigures {
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
  readonly openMs: number;
  /** p95 of the keystrokes that moved the old analysis (running text), and the sum of the re-parsed ones. */
  readonly movedP95: number;
  readonly reparsedSum: number;
}

export interface Round {
  readonly a: RunFigures;
  readonly b: RunFigures;
}

export interface SideSummary {
  readonly p95Median: number;
  readonly p95Mean: number;
  readonly p50Median: number;
  readonly movedP95Median: number;
  readonly reparsedSumMedian: number;
  readonly openMsMedian: number;
}

export interface AbSummary {
  readonly rounds: number;
  readonly a: SideSummary;
  readonly b: SideSummary;
  /** b − a per round (negative: b was faster in that round). */
  readonly p95Differences: number[];
  readonly p95DifferenceMedian: number;
  /** Rounds in which b's p95 was lower than a's. */
  readonly bFaster: number;
}

/** The figures of one run from its latencies and the path each keystroke took. */
export function runFigures(latencies: readonly number[], paths: readonly EditPath[], openMs: number): RunFigures {
  const moved = latencies.filter((_, i) => paths[i] === 'moved');
  const reparsed = latencies.filter((_, i) => paths[i] === 'reparsed');
  return {
    p50: percentile([...latencies], 50),
    p95: percentile([...latencies], 95),
    max: Math.max(...latencies),
    openMs,
    movedP95: moved.length > 0 ? percentile(moved, 95) : Number.NaN,
    reparsedSum: reparsed.reduce((sum, ms) => sum + ms, 0),
  };
}

export function summariseAb(rounds: readonly Round[]): AbSummary {
  if (rounds.length === 0) throw new Error('an A/B needs at least one round');
  const side = (pick: (round: Round) => RunFigures): SideSummary => {
    const runs = rounds.map(pick);
    return {
      p95Median: median(runs.map((run) => run.p95)),
      p95Mean: runs.reduce((sum, run) => sum + run.p95, 0) / runs.length,
      p50Median: median(runs.map((run) => run.p50)),
      movedP95Median: median(runs.map((run) => run.movedP95)),
      reparsedSumMedian: median(runs.map((run) => run.reparsedSum)),
      openMsMedian: median(runs.map((run) => run.openMs)),
    };
  };
  const p95Differences = rounds.map((round) => round.b.p95 - round.a.p95);
  return {
    rounds: rounds.length,
    a: side((round) => round.a),
    b: side((round) => round.b),
    p95Differences,
    p95DifferenceMedian: median(p95Differences),
    bFaster: p95Differences.filter((difference) => difference < 0).length,
  };
}

export function formatAb(summary: AbSummary, a: string, b: string): string {
  const f = (value: number): string => value.toFixed(1);
  const line = (name: string, side: SideSummary): string =>
    `${name}: p95 median ${f(side.p95Median)} ms (mean ${f(side.p95Mean)}), p50 median ${f(side.p50Median)} ms, moved p95 median ${f(side.movedP95Median)} ms, ` +
    `re-parsed sum median ${f(side.reparsedSumMedian)} ms, open median ${f(side.openMsMedian)} ms`;
  return [
    line(`A ${a}`, summary.a),
    line(`B ${b}`, summary.b),
    `B − A p95 per round: ${summary.p95Differences.map((d) => (d >= 0 ? '+' : '') + f(d)).join(' ')} ms; median ${f(summary.p95DifferenceMedian)} ms; B faster in ${summary.bFaster} of ${summary.rounds} rounds`,
  ].join('\n');
}

/** A directory holding server.js for `spec`: the directory itself, or a git revision built into a worktree. */
function serverDirectory(spec: string, cleanups: (() => void)[]): string {
  if (existsSync(path.join(spec, 'server.js'))) return path.resolve(spec);
  const worktree = mkdtempSync(path.join(tmpdir(), 'perwal-ab-'));
  execFileSync('git', ['worktree', 'add', '--detach', '--force', worktree, spec], { cwd: root, stdio: 'ignore' });
  cleanups.push(() => execFileSync('git', ['worktree', 'remove', '--force', worktree], { cwd: root, stdio: 'ignore' }));
  symlinkSync(path.join(root, 'node_modules'), path.join(worktree, 'node_modules'), 'dir');
  execFileSync(process.execPath, ['esbuild.mjs'], { cwd: worktree, stdio: 'inherit' });
  return path.join(worktree, 'dist');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      a: { type: 'string' },
      b: { type: 'string', default: path.join(root, 'dist') },
      rounds: { type: 'string', default: '5' },
      seed: { type: 'string', default: '7' },
      'gap-ms': { type: 'string', default: '0' },
      file: { type: 'string', default: path.join(root, 'test', 'fixtures', 'corpus', 'mblx-uu-11-2020.txt') },
      json: { type: 'string' },
    },
  });
  const rounds = Number(values.rounds);
  const seed = Number(values.seed);
  if (!values.a) throw new Error('--a is required: a directory holding server.js, or a git revision');
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds: a whole number of at least 1, not ${values.rounds}`);
  if (!Number.isInteger(seed)) throw new Error(`--seed: a whole number, not ${values.seed}`);
  const gapMs = Number(values['gap-ms']);
  if (!(gapMs >= 0)) throw new Error(`--gap-ms: milliseconds, 0 or more, not ${values['gap-ms']}`);
  const text = readFileSync(values.file, 'utf8');
  const cleanups: (() => void)[] = [];
  try {
    const sides = { a: serverDirectory(values.a, cleanups), b: serverDirectory(values.b, cleanups) };
    let paths: EditPath[] | undefined;
    const run = async (side: 'a' | 'b'): Promise<RunFigures> => {
      const result = await keystrokeLatency(path.join(sides[side], 'server.js'), text, { debounceMs: 0, edits: EDITS, bursts: 0, burstSize: 0, seed, pull: true, gapMs });
      // Which path each keystroke takes is the same for both sides unless the change is to that: read it once, with this checkout's code.
      paths ??= incrementalPaths(text, result.timeline.map((step) => step.change));
      const figures = runFigures(result.timeline.map((step) => step.ms), paths, result.openMs);
      console.log(`  ${side.toUpperCase()}: p50 ${figures.p50.toFixed(1)}  p95 ${figures.p95.toFixed(1)}  max ${figures.max.toFixed(1)}  moved p95 ${figures.movedP95.toFixed(1)}  re-parsed sum ${figures.reparsedSum.toFixed(0)}  open ${figures.openMs.toFixed(0)} ms`);
      return figures;
    };
    const results: Round[] = [];
    for (let r = 0; r < rounds; r++) {
      console.log(`round ${r + 1} of ${rounds}`);
      // Alternate which side runs first, so that a machine slowing down or speeding up favours neither.
      if (r % 2 === 0) {
        const a = await run('a');
        results.push({ a, b: await run('b') });
      } else {
        const b = await run('b');
        results.push({ a: await run('a'), b });
      }
    }
    const summary = summariseAb(results);
    console.log(formatAb(summary, values.a, values.b));
    if (values.json) writeFileSync(values.json, JSON.stringify({ a: values.a, b: values.b, seed, gapMs, rounds: results, summary }, null, 2));
  } finally {
    for (const cleanup of cleanups.reverse()) {
      try {
        cleanup();
      } catch (error) {
        console.error(`cleanup failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  });
}
