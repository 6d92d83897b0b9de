// After a large law is opened and analysed, two things stand between it and fast keystrokes:
// - its analysis, ~10 MB of new objects for UU 11/2020, sits in V8's young generation, which copies it out
//   in its next collections, whichever keystrokes those fall on (10–20 ms each);
// - the C heap grown for the versions to come (server/splice.ts) is free only once V8 has collected the
//   blocks written to grow it; an external-memory collection during the growth had moved them to the old
//   generation, so they stayed until a full collection, and the first ~25 keystrokes each wrote their
//   version to fresh pages (~7 ms of page faults each).
// When the server can start collections itself (node --expose-gc, which launch/environment.ts gives it),
// one full collection right after the open settles both (~13 ms, inside an open of ~500 ms). Measured in
// process on UU 11/2020: first keystroke 34 → 11 ms, and no page faults in the next ones.

/** Below this many characters an analysis is small enough to leave to V8's own schedule. */
export const SETTLE_MIN_LENGTH = 256 * 1024;

/** One full collection now. Returns the milliseconds it took, or undefined when the process cannot start one. */
export function collectNow(): number | undefined {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (typeof collect !== 'function') return undefined;
  const started = performance.now();
  collect();
  return performance.now() - started;
}
