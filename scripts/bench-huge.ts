// A document over perwal.maxFileSizeMB: how long its structure-only analysis takes in process (issue 6: "a 50 MB
// document … structure only, … no freeze"). The input is the kupang seed repeated to 50 MB, as in the server
// robustness test; the analysis is the server's over-limit path, `analyze(text, { maxBytesForFullAnalysis: 0 })`
// (the fast structure scan + the model). Medians after one warm-up; machine load changes them by up to 2×.
//   node --expose-gc out/scripts/bench-huge.js [--mb N] [--runs N] [--line-by-line]
// --line-by-line also times the headings-only parse without the fast scan (every line through the parser).

import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../server/src/features/analysis';
import { parse } from '../server/src/syntax';
import { median, MB, timeRuns } from './bench-stats';

export interface HugeDocumentResult {
  /** UTF-8 size of the document. */
  readonly bytes: number;
  /** Structure-only analysis (parse + model), median ms. */
  readonly ms: number;
  /** Of which the structure-only parse, median ms. */
  readonly parseMs: number;
  /** Units (parts and headings) found. */
  readonly units: number;
  /** The headings-only parse without the fast scan, median ms (only when asked for). */
  readonly lineByLineParseMs?: number;
}

export interface HugeDocumentOptions {
  readonly megabytes?: number;
  readonly runs?: number;
  readonly lineByLine?: boolean;
}

/** The kupang seed repeated to `megabytes` MB, as one flat string (as the server gets it from JSON). */
export function hugeText(megabytes = 50): string {
  const seed = readFileSync(path.join(__dirname, '..', '..', 'test', 'fixtures', 'seeds', 'kupang-perwal-49-2021.txt'), 'utf8');
  return new Array<string>(Math.ceil((megabytes * MB) / seed.length)).fill(seed).join('');
}

export function hugeDocument(options: HugeDocumentOptions = {}): HugeDocumentResult {
  const text = hugeText(options.megabytes ?? 50);
  const runs = options.runs ?? 3;
  const overLimit = { maxBytesForFullAnalysis: 0 };
  const analysis = timeRuns(() => analyze(text, overLimit), runs, 1);
  const units = analysis.last?.regulation.units.length ?? 0;
  const parsing = timeRuns(() => parse(text, { headingsOnly: true }), runs, 1);
  const lineByLine = options.lineByLine ? timeRuns(() => parse(text, { headingsOnly: true, lineByLine: true }), runs, 1) : undefined;
  return {
    bytes: Buffer.byteLength(text, 'utf8'),
    ms: median(analysis.times),
    parseMs: median(parsing.times),
    units,
    ...(lineByLine ? { lineByLineParseMs: median(lineByLine.times) } : {}),
  };
}

export function formatHugeDocument(result: HugeDocumentResult): string {
  const mb = (result.bytes / MB).toFixed(1);
  const lineByLine = result.lineByLineParseMs === undefined ? '' : `; line by line the parse takes ${result.lineByLineParseMs.toFixed(0)} ms`;
  return `${mb} MB over perwal.maxFileSizeMB: structure-only analysis ${result.ms.toFixed(0)} ms (parse ${result.parseMs.toFixed(0)} ms), ${result.units} units${lineByLine}`;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: number): number => {
    const at = args.indexOf(name);
    return at >= 0 && at + 1 < args.length ? Number(args[at + 1]) : fallback;
  };
  const result = hugeDocument({ megabytes: option('--mb', 50), runs: option('--runs', 3), lineByLine: args.includes('--line-by-line') });
  process.stdout.write(formatHugeDocument(result) + '\n');
}
