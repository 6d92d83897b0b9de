// Preloaded into the language server by the bench (node --expose-gc -r out/scripts/bench-server-probe.js):
// on SIGUSR2, two full collections, then one line of memory figures on stderr (stdout carries LSP).
// The server itself has no memory request, and this changes nothing else in it.

process.on('SIGUSR2', () => {
  const collect = (globalThis as { gc?: () => void }).gc;
  collect?.();
  collect?.();
  process.stderr.write(`[bench-probe] ${JSON.stringify({ ...process.memoryUsage(), collected: collect !== undefined })}\n`);
});
