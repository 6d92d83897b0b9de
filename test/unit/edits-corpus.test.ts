// The renumbering quick fix on real texts: for numbering diagnostics of every corpus file (and the seeds),
// apply "renumber from here" and check that only numbers change, the group is sound afterwards, every unit
// and every reference is still read the same, and renumbering again changes nothing (the checks are in
// scripts/edits-checks.ts, shared with `npm run check:edits`).
// The large files have hundreds of diagnostics; a deterministic, evenly spread sample keeps this under ~20 s.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkFileEdits, checkRenumberingOf, editFixtures, newTally, Sampling } from '../../scripts/edits-checks';
import { analyze } from '../../server/src/features/analysis';
import { ROOT } from './helpers';

/** At most 6 groups per file, and at most 200,000 characters re-analysed per file. */
const SAMPLING: Sampling = { renames: 0, quickFixDiagnostics: 0, fixAll: false, renumbers: 6, renumberBudget: 200_000 };

describe('renumbering on the corpus', function () {
  this.timeout(60_000);
  const tally = newTally();
  for (const { name, text } of editFixtures(ROOT)) {
    it(name, () => {
      const failures = checkFileEdits(name, text, SAMPLING, tally);
      assert.deepEqual(failures.map((failure) => `${failure.check}: ${failure.detail}`), []);
    });
  }

  // The two renumberings `npm run check:edits` once found losing something in the omnibus law: the plain edits
  // renumber amendment-instruction lists, which moves where quoted text ends, and an inline "Pasal 20A" and a
  // mid-line "(2)" far away are no longer read. The feature refuses them; the check confirms the reason (a
  // refusal must lose something, an offer nothing).
  it('UU 11/2020: the renumberings that would hide an inline Pasal 20A and an ayat (2) are refused with the reason', () => {
    const name = 'mblx-uu-11-2020.txt';
    const analysis = analyze(fs.readFileSync(path.join(ROOT, 'test/fixtures/corpus', name), 'utf8'));
    const lineStarts = [0];
    for (let i = analysis.text.indexOf('\n'); i >= 0; i = analysis.text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
    const angkaAt = (line: number, number: string) => analysis.regulation.units.find((unit) => unit.kind === 'angka' && unit.writtenNumber === number && unit.range.start >= lineStarts[line - 1] && unit.range.start < lineStarts[line]);
    const cases = newTally();
    for (const [line, number] of [[465, '21'], [774, '20']] as const) {
      const unit = angkaAt(line, number);
      assert.ok(unit, `angka ${number} at line ${line}`);
      assert.deepEqual(checkRenumberingOf(name, analysis, unit, cases).map((failure) => `${failure.check}: ${failure.detail}`), []);
    }
    // Refused today (renumbersRefused 2); should the parser one day read those lines without the sequence, they
    // would be offered, and the check above would still hold them to losing nothing.
    assert.equal(cases.renumbers + cases.renumbersRefused, 2, 'both renumberings were checked');
  });

  it('checked renumberings on the seeds at least', () => {
    assert.ok(tally.renumbers >= 2, `only ${tally.renumbers} renumberings were checked`);
  });
});
