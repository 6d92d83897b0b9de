// The renumbering quick fix on real texts: for numbering diagnostics of every corpus file (and the seeds),
// apply "renumber from here" and check that only numbers change, the group is sound afterwards, every unit
// and every reference is still read the same, and renumbering again changes nothing (the checks are in
// scripts/edits-checks.ts, shared with `npm run check:edits`).
// The large files have hundreds of diagnostics; a deterministic, evenly spread sample keeps this under ~20 s.

import * as assert from 'node:assert/strict';
import { checkFileEdits, editFixtures, newTally, Sampling } from '../../scripts/edits-checks';
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
  it('checked renumberings on the seeds at least', () => {
    assert.ok(tally.renumbers >= 2, `only ${tally.renumbers} renumberings were checked`);
  });
});
