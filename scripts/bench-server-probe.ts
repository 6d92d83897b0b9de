// Preloaded into the language server by the bench (node --expose-gc -r out/scripts/bench-server-probe.js):
// on SIGUSR2, a quarter of a second later, two full collections, then one line of memory figures on stderr (stdout carries LSP).
// The server itself has no memory request, and this changes nothing else in it.

import { getHeapSpaceStatistics } from 'node:v8';

/**
 * Optimising compilations run on a helper thread and hold the functions they compile, with the contexts
 * those close over, until the main thread installs the code. Read at once after a didClose, the heap
 * sometimes still held the closed law's analysis (~9 MB, freed ~100 ms later; never with
 * --no-concurrent-recompilation), which read as growth in the open/close runs. The wait lets them finish.
 */
const SETTLE_MS = 250;

process.on('SIGUSR2', () => setTimeout(report, SETTLE_MS));

function report(): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  collect?.();
  collect?.();
  // V8's compiled code is part of heapUsed: told apart, so that growth of code (optimised again after a
  // deoptimisation) is not mistaken for data kept.
  const codeSpace = getHeapSpaceStatistics().find((space) => space.space_name === 'code_space')?.space_used_size ?? 0;
  process.stderr.write(`[bench-probe] ${JSON.stringify({ ...process.memoryUsage(), codeSpace, collected: collect !== undefined })}\n`);
}
