// The full collection the server starts after opening a large law (server/src/server/heap.ts).

import * as assert from 'node:assert/strict';
import { collectNow } from '../../../server/src/server/heap';

describe('collectNow', () => {
  const holder = globalThis as { gc?: unknown };
  const original = holder.gc;
  afterEach(() => {
    if (original === undefined) delete holder.gc;
    else holder.gc = original;
  });

  it('starts one collection when the process may (node --expose-gc) and says how long it took', () => {
    let calls = 0;
    holder.gc = () => calls++;
    const ms = collectNow();
    assert.equal(calls, 1);
    assert.ok(typeof ms === 'number' && ms >= 0);
  });

  it('does nothing, and says so, when the process may not', () => {
    delete holder.gc;
    assert.equal(collectNow(), undefined);
  });
});
