// Edits lose nothing, on EVERY corpus file and seed (the unit tests check a sample): renumbering, rename,
// every quick fix of the sampled diagnostics and fix all, with the checks of scripts/edits-checks.ts.
// Prints the counts and every failure (file, check, detail); exits 1 when anything failed.
//   npm run check:edits [-- --quick-fixes N] [-- --renames N] [-- file-name-part …]

import * as path from 'node:path';
import { checkFileEdits, editFixtures, newTally, Sampling } from './edits-checks';

const root = path.resolve(__dirname, '..', '..');

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

function main(): void {
  const sampling: Sampling = {
    renames: option('--renames', 2),
    quickFixDiagnostics: option('--quick-fixes', 12),
    fixAll: true,
    renumbers: option('--renumbers', 12),
    renumberBudget: Number.POSITIVE_INFINITY,
  };
  const values = new Set(['--renames', '--quick-fixes', '--renumbers'].flatMap((name) => (process.argv.includes(name) ? [process.argv[process.argv.indexOf(name) + 1]] : [])));
  const filters = process.argv.slice(2).filter((argument) => !argument.startsWith('--') && !values.has(argument));
  const tally = newTally();
  const started = Date.now();
  for (const { name, text } of editFixtures(root)) {
    if (filters.length > 0 && !filters.some((filter) => name.includes(filter))) continue;
    const fileStarted = Date.now();
    const failures = checkFileEdits(name, text, sampling, tally);
    const seconds = ((Date.now() - fileStarted) / 1000).toFixed(1);
    console.log(`${failures.length === 0 ? 'ok  ' : 'FAIL'} ${name.padEnd(40)} ${String(text.length).padStart(8)} chars ${seconds.padStart(5)} s${failures.length > 0 ? `  ${failures.length} failure(s)` : ''}`);
  }
  console.log('');
  console.log(`files: ${tally.files}; renames checked: ${tally.renames} (+${tally.renamesRefused} refused with a reason); quick fixes: ${tally.quickFixes}; fix-alls: ${tally.fixAlls}; renumberings: ${tally.renumbers} (+${tally.renumbersRefused} refused with a reason); failures: ${tally.failures.length} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  console.log(`quick-fix kinds: ${[...tally.kinds].sort().join(' | ')}`);
  for (const failure of tally.failures) console.log(`FAIL ${failure.file}: ${failure.check}: ${failure.detail}`);
  process.exitCode = tally.failures.length > 0 ? 1 : 0;
}

main();
