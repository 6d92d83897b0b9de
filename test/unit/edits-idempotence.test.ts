// Edits lose nothing, beyond renumbering (which edits-corpus.test.ts covers): RENAME of a Pasal, EVERY quick
// fix offered for a sample of diagnostics, and FIX ALL, on every seed and corpus file. Each time: the edits
// touch only number/heading text, every unit is still read as one and every reference that resolved before
// resolves after to the same unit, the fixed diagnostic is gone, and doing it again changes nothing more
// (idempotent); a rename and its reverse give back the original text. The checks are in
// scripts/edits-checks.ts, shared with `npm run check:edits` (the same over every file, with a larger sample).
// A rename far out of sequence (Pasal 901) that would leave an inline heading unread is refused by the
// feature with its reason; the check verifies that refusal independently (see checkRename there).

import * as assert from 'node:assert/strict';
import { checkFileEdits, editFixtures, newTally, Sampling } from '../../scripts/edits-checks';
import { ROOT } from './helpers';

const SAMPLING: Sampling = { renames: 2, quickFixDiagnostics: 6, fixAll: true, renumbers: 0, renumberBudget: 0 };

describe('edits lose nothing: rename, every quick fix, fix all', function () {
  this.timeout(60_000);
  const tally = newTally();

  for (const { name, text } of editFixtures(ROOT)) {
    it(name, () => {
      const failures = checkFileEdits(name, text, SAMPLING, tally);
      assert.deepEqual(failures.map((failure) => `${failure.check}: ${failure.detail}`), []);
    });
  }

  it('checked renames and quick fixes of several kinds', () => {
    console.log(`      ${tally.renames} renames (+${tally.renamesRefused} refused with a reason), ${tally.quickFixes} quick fixes, ${tally.fixAlls} fix-alls; kinds: ${[...tally.kinds].sort().join(' | ')}`);
    assert.ok(tally.renames >= 20, `only ${tally.renames} renames`);
    assert.ok(tally.renamesRefused >= 1, 'no refused rename checked');
    assert.ok(tally.quickFixes >= 50, `only ${tally.quickFixes} quick fixes`);
    assert.ok(tally.fixAlls >= 10, `only ${tally.fixAlls} fix-alls`);
  });
});
