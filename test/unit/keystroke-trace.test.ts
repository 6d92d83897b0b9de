// The keystroke tracer's reading of V8's --trace-gc-nvp lines (scripts/keystroke-trace.ts).

import * as assert from 'node:assert/strict';
import { describeTraceLine } from '../../scripts/keystroke-trace';

describe('keystroke trace', () => {
  it('names a collection and its pause from a --trace-gc-nvp line, and passes other lines on', () => {
    const scavenge = '[123:0x1]    87 ms: pause=2.2 mutator=12.3 gc=s reduce_memory=0 time_to_safepoint=0.00 scavenge=2.20';
    assert.equal(describeTraceLine(scavenge), 's 2.2 ms');
    const markCompact = '[123:0x1]   501 ms: pause=18.3 mutator=1.0 gc=mc reduce_memory=0 mark=10.9 evacuate=6.4';
    assert.equal(describeTraceLine(markCompact), 'mc 18.3 ms');
    assert.equal(describeTraceLine('  [bailout (kind: deopt-eager, reason: wrong map): begin.  '), '[bailout (kind: deopt-eager, reason: wrong map): begin.');
  });
});
