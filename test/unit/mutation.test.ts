// Regression guard over the mutation machinery of scripts/mutation-eval.ts: on the two seeds, every
// planted defect (deleted or renumbered Pasal heading, duplicated ayat or huruf label, reference to a
// missing Pasal or ayat) must be flagged where it was planted, with no stray diagnostic elsewhere.

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/features';
import { LineIndex } from '../../server/src/features/line-index';
import {
  applyEdit, around, baselineOf, candidatesOf, evaluatePlant, MUTATION_KINDS, MutationKind, originalOffset, ourChecker, PlantResult, regexChecker, runFile,
} from '../../scripts/mutation-eval';

const seeds = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'seeds');
const PLANTS_PER_KIND = 2;

/**
 * Seed × kind pairs with nothing to plant (checked by hand): Kupang's body cites no plain "Pasal N" and
 * no "ayat (k) dan ayat (m)" list; Bekasi's body has no "Pasal N ayat (k)" chain.
 */
const NO_CANDIDATE = new Set<string>([
  'kupang-perwal-49-2021.txt|reference-to-missing-pasal',
  'kupang-perwal-49-2021.txt|list-item-to-missing-ayat',
  'bekasi-perwal-121-2021.txt|chained-reference-to-missing-ayat',
]);

/** Known failures, each naming the parser bug; `it.skip` keeps them visible until the bug is fixed. */
const KNOWN_FAILURES = new Map<string, string>([]);

function describeResult(result: PlantResult, text: string): string {
  const plant = result.plant;
  const found = result.findings.map((finding) => `${finding.code}@L${finding.line + 1}(${finding.where})`).join(', ') || 'nothing new';
  return `${plant.kind} at L${plant.line + 1} (${plant.description}), window L${plant.windowStart + 1}–L${plant.windowEnd + 1}: ${found}\n    ${around(text, plant.edit, 60)}`;
}

describe('mutation evaluation on the seeds', () => {
  describe('machinery', () => {
    it('maps offsets of the planted copy back to the untouched text', () => {
      const edit = { start: 4, end: 9, replacement: 'XY' };
      assert.equal(applyEdit('abcdefghijkl', edit), 'abcdXYjkl');
      assert.equal(originalOffset(edit, 2), 2);
      assert.equal(originalOffset(edit, 5), 4);
      assert.equal(originalOffset(edit, 6), 9);
      assert.equal(originalOffset(edit, 8), 11);
    });

    it('the plain regex baseline sees line headings and references only', () => {
      const text = 'Pasal 1\nIsi.\nPasal 3\nsebagaimana dimaksud dalam Pasal 2.\n';
      assert.deepEqual(regexChecker(text).map((finding) => finding.code), ['regex-gap', 'regex-dangling']);
    });

    it('is deterministic for a seed', () => {
      const text = readFileSync(path.join(seeds, 'kupang-perwal-49-2021.txt'), 'utf8');
      const describeRun = (seed: number): string[] => runFile('kupang', text, { perFile: 2, seed, kinds: ['duplicate-huruf-label'], withRegex: false }).ours.map((result) => result.plant.description);
      assert.deepEqual(describeRun(7), describeRun(7));
    });
  });

  for (const file of ['kupang-perwal-49-2021.txt', 'bekasi-perwal-121-2021.txt']) {
    describe(file, () => {
      const text = readFileSync(path.join(seeds, file), 'utf8');
      for (const kind of MUTATION_KINDS) {
        const key = `${file}|${kind}`;
        const title = `${kind}: every plant flagged in its window, nothing stray`;
        const known = KNOWN_FAILURES.get(key);
        if (known) {
          it.skip(`${title} — KNOWN PARSER BUG: ${known}`, () => undefined);
          continue;
        }
        it(title, () => {
          const run = runFile(file, text, { perFile: PLANTS_PER_KIND, seed: 1, kinds: [kind as MutationKind], withRegex: false });
          if (NO_CANDIDATE.has(key)) {
            assert.equal(run.ours.length, 0);
            return;
          }
          assert.ok(run.ours.length > 0, `no candidate for ${kind} in ${file}`);
          const bad = run.ours.filter((result) => !result.flagged || result.stray > 0);
          assert.deepEqual(bad.map((result) => describeResult(result, text)), []);
        });
      }
    });
  }

  // Found with `npm run eval:mutation -- --per-file 100 test/fixtures/seeds` (all plants on the seeds).
  // Each case runs as written once un-skipped.
  describe('known misses on the seeds', () => {
    const single = (file: string, kind: MutationKind, line: number): PlantResult => {
      const text = readFileSync(path.join(seeds, file), 'utf8');
      const plant = candidatesOf(file, text, kind, analyze(text)).find((candidate) => candidate.line + 1 === line);
      assert.ok(plant, `no ${kind} candidate at L${line}`);
      const lines = new LineIndex(text);
      return evaluatePlant(text, plant, baselineOf(text, ourChecker(text), lines), ourChecker, lines);
    };
    // Damaged-heading repair prefers an OCR reading just ahead of the sequence: once Pasal 12 is gone,
    // "Pasal B" still reads 13 and the gap is reported there, not one heading later.
    for (const kind of ['delete-pasal-heading', 'pasal-takes-predecessor-number'] as MutationKind[]) {
      it(`kupang ${kind} at Pasal 12: the gap is reported at the OCR-damaged "Pasal B", not one heading later`, () => {
        const result = single('kupang-perwal-49-2021.txt', kind, 204);
        assert.ok(result.flagged && result.stray === 0, JSON.stringify(result.findings));
      });
    }
    // Same for "asal 18" (OCR for Pasal 18): a damaged keyword is accepted a number or two ahead.
    for (const kind of ['delete-pasal-heading', 'pasal-takes-predecessor-number'] as MutationKind[]) {
      it(`bekasi ${kind} at Pasal 17: flagged before Pasal 19`, () => {
        const result = single('bekasi-perwal-121-2021.txt', kind, 457);
        assert.ok(result.flagged && result.stray === 0, JSON.stringify(result.findings));
      });
    }
    // MASKED BY A REAL DEFECT (design, not a parser bug): Bekasi has two Pasal 14; deleting the first
    // (L424) leaves a clean 13, 14, 15, and deleting Pasal 15 (L436) leaves 14, 14, 16, which the
    // duplicate check accepts because the second 14 "takes the slot" of 15.
    it.skip('bekasi delete-pasal-heading at Pasal 15 right after the duplicated Pasal 14 — masked by the duplicate-slot rule', () => {
      assert.ok(single('bekasi-perwal-121-2021.txt', 'delete-pasal-heading', 436).flagged);
    });
  });
});
