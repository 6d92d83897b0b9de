// How the language server is started: the environment and Node options its process gets, shared by the VS
// Code client, the stdio launcher (bin/perwal-language-server.js) and the benchmarks, so that all three run
// the same server.
//
// Every keystroke makes the next version of the text, one flat string: 2.6 MB for a 1.3 MB law with one
// character beyond Latin-1 (server/splice.ts). glibc serves a block that size with mmap, or from the heap and
// then trims it back to the system when freed; either way the next version is written to fresh pages, and
// page faults on these machines cost ~3.5 ms per keystroke on UU 11/2020 (`ucs2Slice` was 20 % of the server's
// time over 200 keystrokes). Keeping such blocks in the heap, with room to reuse them, removes that cost:
// keystroke p50 through the server 11.5 → 7.8 ms. The memory kept is bounded by the trim threshold.
//
// V8 frees those texts only in a full GC, which it starts once ~64 MB of them have piled up (external memory
// pressure): ~25 versions of UU 11/2020 are freed at once. With a 32 MB trim threshold glibc then gave them
// back and the next 25 keystrokes faulted again (~8 ms each); the threshold now sits above what piles up.
//
// V8's helper threads (concurrent marking, parallel scavenges, sweeping) run beside the server's main thread.
// On a 2-core machine four of them took the second core from the editor (the bench's client), whose answers
// then waited: keystroke p95 through the server 26 → 18 ms with one helper. One core is left to the editor.

import * as os from 'node:os';

/** glibc's malloc tunables (Linux only; other C libraries and systems ignore the variable). */
export const MALLOC_TUNABLES: Readonly<Record<string, string>> = {
  // Blocks up to 32 MB come from the heap, not from a fresh mapping each time.
  'glibc.malloc.mmap_threshold': String(32 * 1024 * 1024),
  // Up to 128 MB of free memory at the top of the heap is kept for the next versions instead of returned:
  // above the ~64 MB of versions V8 lets pile up plus two of the largest texts spliced on the heap (32 MB), and
  // above what the server grows the heap by for them (at most 112 MB, server/splice.ts).
  'glibc.malloc.trim_threshold': String(128 * 1024 * 1024),
};

/** The cores this process may use (availableParallelism is Node ≥ 18.14; older editors' Node count CPUs). */
export function machineCores(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

/** Node's default number of V8 helper threads. */
const NODE_POOL_SIZE = 4;

/** V8's helper threads for a machine with `cores` cores: all but one, at most Node's default of four. */
export function helperThreads(cores: number): number {
  return Math.min(NODE_POOL_SIZE, Math.max(1, Math.floor(cores) - 1));
}

const POOL_SIZE = '--v8-pool-size';

/**
 * Lets the server start a full collection itself: once, right after a large law is opened and analysed
 * (server/heap.ts), so that V8's own collections of that analysis do not fall on the first keystrokes.
 */
const EXPOSE_GC = '--expose-gc';

/**
 * `execArgv` with the server's Node options added: the helper-thread pool (a size the user gave wins; on
 * machines with five cores or more Node's default is already right and none is added) and --expose-gc.
 */
export function serverExecArgv(execArgv: readonly string[], cores: number): string[] {
  const added = [...execArgv];
  if (!hasPoolSize(execArgv, cores)) added.push(`${POOL_SIZE}=${helperThreads(cores)}`);
  if (!execArgv.includes(EXPOSE_GC)) added.push(EXPOSE_GC);
  return added;
}

/** Whether a process started with `execArgv` on a machine with `cores` cores has the server's Node options. */
export function hasServerExecArgv(execArgv: readonly string[], cores: number): boolean {
  return hasPoolSize(execArgv, cores) && execArgv.includes(EXPOSE_GC);
}

function hasPoolSize(execArgv: readonly string[], cores: number): boolean {
  return helperThreads(cores) === NODE_POOL_SIZE || execArgv.some((arg) => arg === POOL_SIZE || arg.startsWith(`${POOL_SIZE}=`));
}

export type Environment = Record<string, string | undefined>;

/**
 * `base` with the server's malloc tunables added to GLIBC_TUNABLES. Tunables the user already set win; on a
 * system other than Linux the environment is returned unchanged.
 */
export function serverEnvironment(base: Environment, platform: string): Environment {
  if (platform !== 'linux') return base;
  const current = base.GLIBC_TUNABLES ?? '';
  const given = new Set(current.split(':').filter(Boolean).map((entry) => entry.split('=')[0]));
  const added = Object.entries(MALLOC_TUNABLES).filter(([name]) => !given.has(name)).map(([name, value]) => `${name}=${value}`);
  if (added.length === 0) return base;
  return { ...base, GLIBC_TUNABLES: [current, ...added].filter(Boolean).join(':') };
}

/** Whether a process started with `env` already runs with the server's tunables (nothing to add). */
export function hasServerEnvironment(env: Environment, platform: string): boolean {
  return serverEnvironment(env, platform) === env;
}
