// The keystroke A/B's arithmetic (scripts/keystroke-ab.ts): figures per run, and the paired comparison.

import * as assert from 'node:assert/strict';
import { Round, runFigures, summariseAb } from '../../scripts/keystroke-ab';

describe('keystroke A/B', () => {
  it('splits a run by path: p95 of the moved keystrokes, the sum of the re-parsed ones', () => {
    const latencies = [4, 5, 30, 6, 40, 7];
    const figures = runFigures(latencies, ['moved', 'moved', 'reparsed', 'moved', 'reparsed', 'moved'], 400);
    assert.equal(figures.reparsedSum, 70);
    assert.equal(figures.max, 40);
    assert.equal(figures.openMs, 400);
    assert.ok(figures.movedP95 >= 6 && figures.movedP95 <= 7, `moved p95 ${figures.movedP95}`);
    assert.ok(figures.p95 > 30, `p95 ${figures.p95}`);
    assert.deepEqual(latencies, [4, 5, 30, 6, 40, 7], 'the latencies are left in keystroke order');
  });

  it('pairs the rounds: B − A per round, how often B was faster, medians per side', () => {
    const run = (p95: number): Round['a'] => ({ p50: 7, p95, max: 40, openMs: 450, movedP95: 13, reparsedSum: 200 });
    const rounds: Round[] = [
      { a: run(19), b: run(17) },
      { a: run(18), b: run(18.5) },
      { a: run(21), b: run(16) },
    ];
    const summary = summariseAb(rounds);
    assert.deepEqual(summary.p95Differences, [-2, 0.5, -5]);
    assert.equal(summary.p95DifferenceMedian, -2);
    assert.equal(summary.bFaster, 2);
    assert.equal(summary.a.p95Median, 19);
    assert.equal(summary.b.p95Median, 17);
    assert.ok(Math.abs(summary.a.p95Mean - 19.333) < 0.01);
  });

  it('refuses an A/B without rounds', () => {
    assert.throws(() => summariseAb([]), /at least one round/);
  });
});
