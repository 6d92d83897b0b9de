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

  // In the omnibus law the plain edits of a renumbering can move where quoted text ends (amendment-instruction lists
  // renumbered), and a heading or label far away is no longer read: `npm run check:edits` once found two such
  // renumberings offered. The feature refuses them; the check confirms the reason (a refusal must lose something,
  // an offer nothing). Every unit a numbering finding starts from is tried, not fixed lines: which lists have
  // findings changes as the parser reads more of the law.
  it('UU 11/2020: every renumbering is offered losing nothing or refused with the reason; some are refused', () => {
    const name = 'mblx-uu-11-2020.txt';
    const analysis = analyze(fs.readFileSync(path.join(ROOT, 'test/fixtures/corpus', name), 'utf8'));
    const cases = newTally();
    const starts = new Set<number>();
    for (const diagnostic of analysis.diagnostics) {
      if (!['numbering-gap', 'numbering-order', 'duplicate-number'].includes(diagnostic.code) || diagnostic.data.unitId === undefined) continue;
      if (starts.has(diagnostic.data.unitId)) continue;
      starts.add(diagnostic.data.unitId);
      const unit = analysis.regulation.units[diagnostic.data.unitId];
      assert.deepEqual(checkRenumberingOf(name, analysis, unit, cases).map((failure) => `${failure.check}: ${failure.detail}`), []);
    }
    assert.ok(cases.renumbers > 0, 'some renumberings were offered and checked');
    assert.ok(cases.renumbersRefused > 0, 'some renumberings were refused (with the reason checked)');
  });

  it('checked renumberings on the seeds at least', () => {
    assert.ok(tally.renumbers >= 2, `only ${tally.renumbers} renumberings were checked`);
  });
});
