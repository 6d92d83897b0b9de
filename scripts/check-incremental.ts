// Incremental re-analysis equals analyze(), on EVERY fixture (the unit tests check a sample): chains of edits
// at the places where the parser decides something (heading and label candidates, "Cukup jelas", page numbers,
// quote leads), each re-analysed with features/incremental.ts and compared with a full analysis of the new
// text. Prints a line per file and exits 1 on any difference. What guards the parser's rules for doubtful
// lines: each reads only what a re-parse resumed at a checkpoint reads again (see ARCHITECTURE.md).
//   npm run check:incremental [-- --sites N] [--edits N] [--seed S] [file-name-part …]

import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { analyze, Analysis } from '../server/src/features/analysis';
import { reanalyze } from '../server/src/features/incremental';
import { plain } from './analysis-equality';
import { prng } from './bench-stats';
import { editFixtures } from './edits-checks';

const root = path.resolve(__dirname, '..', '..');

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

/** Where the parser decides: heading keywords, labels, Penjelasan statements, page numbers, amendment leads. */
const DECISION = /Pasal|PASAL|BAB|Bagian|Paragraf|Ayat|Huruf|Angka|\([0-9]{1,2}\)|\n[a-z]\.|Cukup jelas|\n-|berikut:|…/g;
/** What a drafter (or a bad paste) types there: letters, digits, spacing, line breaks, brackets, stops, quotes. */
const TYPED = ['a', 'l', 'P', 'x', '1', '7', ' ', ' ', '\n', '.', '(', ')', '…', '"', "'", ''];

function main(): void {
  const sites = option('--sites', 6);
  const edits = option('--edits', 20);
  const seed = option('--seed', 1);
  const values = new Set(['--sites', '--edits', '--seed'].flatMap((name) => (process.argv.includes(name) ? [process.argv[process.argv.indexOf(name) + 1]] : [])));
  const filters = process.argv.slice(2).filter((argument) => !argument.startsWith('--') && !values.has(argument));
  const random = prng(seed);
  const pick = (n: number): number => Math.floor(random() * n);
  let total = 0;
  let afresh = 0;
  let failures = 0;
  const started = Date.now();
  for (const { name, text: original } of editFixtures(root)) {
    if (filters.length > 0 && !filters.some((filter) => name.includes(filter))) continue;
    const candidates = [...original.matchAll(DECISION)].map((match) => match.index ?? 0);
    if (candidates.length === 0) continue;
    const fileStarted = Date.now();
    let fileEdits = 0;
    let failure: string | undefined;
    for (let site = 0; site < sites && !failure; site++) {
      let text = original;
      let analysis: Analysis = analyze(text);
      const center = candidates[pick(candidates.length)];
      for (let i = 0; i < edits; i++) {
        const start = Math.max(0, Math.min(text.length, center + pick(240) - 120));
        const end = Math.min(text.length, start + (pick(4) === 0 ? pick(4) : 0));
        const newText = TYPED[pick(TYPED.length)];
        const change = { start, end, newText };
        const next = text.slice(0, start) + newText + text.slice(end);
        const moved = reanalyze(analysis, next, change);
        const fresh = analyze(next);
        fileEdits++;
        if (moved) {
          try {
            assert.deepEqual(plain(moved), plain(fresh));
          } catch {
            failure = `site ${site} edit ${i}: ${JSON.stringify(change)} near ${JSON.stringify(text.slice(Math.max(0, start - 40), start + 40))}`;
            break;
          }
        } else afresh++;
        analysis = moved ?? fresh;
        text = next;
      }
    }
    total += fileEdits;
    if (failure) failures++;
    const seconds = ((Date.now() - fileStarted) / 1000).toFixed(1);
    console.log(`${failure ? 'FAIL' : 'ok  '} ${name.padEnd(40)} ${String(fileEdits).padStart(5)} edits ${seconds.padStart(5)} s${failure ? `  ${failure}` : ''}`);
  }
  console.log(`\n${total} edits (seed ${seed}), ${afresh} analysed afresh, ${failures} file(s) where the incremental result differed from analyze() (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  process.exitCode = failures > 0 ? 1 : 0;
}

main();
