// Counts diagnostics per code per file over the corpus, with errors per 100 Pasal, and compares each
// file with its reviewed golden list (test/golden/corpus/<file>.json). UPDATE_GOLDEN=1 rewrites them.
//   npm run eval [-- <folder>…]

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze, DIAGNOSTIC_CODES } from '../server/src/features';
import { LineIndex } from '../server/src/features/line-index';

const root = path.resolve(__dirname, '..', '..');
const folders = process.argv.slice(2).length > 0 ? process.argv.slice(2) : [path.join(root, 'test/fixtures/seeds'), path.join(root, 'test/fixtures/corpus')];
const goldenDir = path.join(root, 'test/golden/corpus');
const update = process.env.UPDATE_GOLDEN === '1';

export interface GoldenEntry {
  line: number;
  code: string;
  severity: string;
  text: string;
}

export function goldenOf(text: string): GoldenEntry[] {
  const analysis = analyze(text);
  const index = new LineIndex(text);
  return analysis.diagnostics.map((diagnostic) => ({
    line: index.position(diagnostic.range.start).line + 1,
    code: diagnostic.code,
    severity: diagnostic.severity,
    text: text.slice(diagnostic.range.start, diagnostic.range.end).replace(/\s+/g, ' ').slice(0, 60),
  }));
}

function main(): void {
  const codes = DIAGNOSTIC_CODES;
  const totals: Record<string, number> = {};
  let pasalTotal = 0;
  let errorTotal = 0;
  let mismatches = 0;
  const short = (code: string): string => code.split('-').map((part) => part.slice(0, 4)).join('-');
  console.log(['file'.padEnd(40), 'pasal', ...codes.map(short)].join('\t'));
  for (const folder of folders) {
    for (const name of readdirSync(folder).filter((file) => /\.(txt|perwal)$/.test(file)).sort()) {
      const text = readFileSync(path.join(folder, name), 'utf8');
      const entries = goldenOf(text);
      const analysis = analyze(text);
      const pasal = analysis.regulation.units.filter((unit) => unit.kind === 'pasal' && unit.scope === 'main' && !unit.quoted).length;
      pasalTotal += pasal;
      const counts: Record<string, number> = {};
      for (const entry of entries) {
        counts[entry.code] = (counts[entry.code] ?? 0) + 1;
        totals[entry.code] = (totals[entry.code] ?? 0) + 1;
        if (entry.severity === 'error') errorTotal++;
      }
      console.log([name.padEnd(40), String(pasal), ...codes.map((code) => String(counts[code] ?? 0))].join('\t'));
      const goldenFile = path.join(goldenDir, `${name}.json`);
      const serialised = JSON.stringify(entries, null, 1) + '\n';
      if (update) {
        mkdirSync(goldenDir, { recursive: true });
        writeFileSync(goldenFile, serialised);
      } else if (existsSync(goldenFile) && readFileSync(goldenFile, 'utf8') !== serialised) {
        mismatches++;
        console.log(`  ^ differs from ${path.relative(root, goldenFile)}`);
      }
    }
  }
  console.log(['TOTAL'.padEnd(40), String(pasalTotal), ...codes.map((code) => String(totals[code] ?? 0))].join('\t'));
  console.log(`errors per 100 Pasal: ${((100 * errorTotal) / Math.max(1, pasalTotal)).toFixed(2)} (${errorTotal} errors, ${pasalTotal} Pasal)`);
  if (!update && mismatches > 0) {
    console.log(`${mismatches} file(s) differ from their reviewed golden list; review and rerun with UPDATE_GOLDEN=1`);
    process.exitCode = 1;
  }
}

if (require.main === module) main();
