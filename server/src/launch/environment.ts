// How the language server is started: the environment its process gets, shared by the VS Code client,
// the stdio launcher (bin/perwal-language-server.js) and the benchmarks, so that all three run the same server.
//
// Every keystroke makes the next version of the text, one flat string: 2.6 MB for a 1.3 MB law with one
// character beyond Latin-1 (server/splice.ts). glibc serves a block that size with mmap, or from the heap and
// then trims it back to the system when freed; either way the next version is written to fresh pages, and
// page faults on these machines cost ~3.5 ms per keystroke on UU 11/2020 (`ucs2Slice` was 20 % of the server's
// time over 200 keystrokes). Keeping such blocks in the heap, with room to reuse them, removes that cost:
// keystroke p50 through the server 11.5 → 7.8 ms. The memory kept is bounded by the trim threshold.

/** glibc's malloc tunables (Linux only; other C libraries and systems ignore the variable). */
export const MALLOC_TUNABLES: Readonly<Record<string, string>> = {
  // Blocks up to 32 MB come from the heap, not from a fresh mapping each time.
  'glibc.malloc.mmap_threshold': String(32 * 1024 * 1024),
  // Up to 32 MB of free memory at the top of the heap is kept for the next versions instead of returned.
  'glibc.malloc.trim_threshold': String(32 * 1024 * 1024),
};

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
