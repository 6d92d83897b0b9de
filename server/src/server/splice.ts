// The next version of a document's text: the old text with one range replaced.
//
// `a.slice(0, s) + x + a.slice(e)` is a rope that V8 flattens on first read. For a text over 128 KB the
// flat copy goes to V8's large-object space, on freshly mapped pages: on this project's machines that is
// ~9 ms per keystroke for a 1.25 MB law, more than everything else a keystroke costs. For texts above
// Node's external-string threshold, the new text is written into a reused buffer and handed to V8 as an
// external string (Buffer#toString copies it once into malloc'd memory, which the allocator reuses): ~0.3 ms.

/** Node makes an external string from Buffer#toString above ~1,031,913 characters; below it, a heap string. */
export const EXTERNAL_MIN_LENGTH = 1 << 20;
/** Above this the scratch buffer would hold too much memory for too little gain: plain concatenation. */
export const EXTERNAL_MAX_LENGTH = 1 << 25;

/** Only characters U+0000–U+00FF: the text fits Latin-1, one byte per character. */
const BEYOND_LATIN1 = /[^\u0000-\u00ff]/;

/** A splicer keeps one scratch buffer for the texts it makes; one per document store. */
export class Splicer {
  private scratch: Buffer | undefined;

  /** The bounds are parameters so that tests can take the buffer path with small texts. */
  constructor(private readonly minLength = EXTERNAL_MIN_LENGTH, private readonly maxLength = EXTERNAL_MAX_LENGTH) {}

  /** text[0, start) + inserted + text[end, …), as a flat string. `oneByte`: the result has only Latin-1 characters. */
  splice(text: string, start: number, end: number, inserted: string, oneByte: boolean): string {
    const length = text.length - (end - start) + inserted.length;
    if (length < this.minLength || length > this.maxLength) return text.slice(0, start) + inserted + text.slice(end);
    const encoding: BufferEncoding = oneByte ? 'latin1' : 'utf16le';
    const bytes = length * (encoding === 'latin1' ? 1 : 2);
    if (!this.scratch || this.scratch.length < bytes) this.scratch = Buffer.allocUnsafeSlow(Math.ceil(bytes * 1.25));
    const scratch = this.scratch;
    let at = scratch.write(text.slice(0, start), 0, encoding);
    at += scratch.write(inserted, at, encoding);
    at += scratch.write(text.slice(end), at, encoding);
    return scratch.toString(encoding, 0, at);
  }

  /** Gives the scratch buffer back (no large document is open any more). */
  release(): void {
    this.scratch = undefined;
  }
}

/**
 * What the heap is grown by. V8 frees the versions of a text (external strings) only in a full GC. It starts
 * one once ~64 MB of external memory have piled up, by incremental marking that ends a few keystrokes later;
 * the versions made meanwhile pile up too. Measured through the server over 200 keystrokes in UU 11/2020
 * (2.6 MB versions), 56 MB served the first ~21 keystrokes after each full GC, and the next ones, up to ~13 per
 * cycle, wrote to fresh pages (~7.6 ms each). So: 64 MB and 18 versions, at most 112 MB (under glibc's trim
 * threshold, launch/environment.ts). Paired A/B, 8 rounds of 200 keystrokes: 96 MB against 56, keystroke p95
 * −2.6 ms (median), faster in 8 of 8; 112 MB against 96, −1.1 ms, 6 of 6.
 */
export function growthBytes(versionBytes: number): number {
  return Math.min(GROWTH_CAP, EXTERNAL_TRIGGER + VERSIONS_WHILE_MARKING * versionBytes);
}
const EXTERNAL_TRIGGER = 64 * 1024 * 1024;
const VERSIONS_WHILE_MARKING = 18;
const GROWTH_CAP = 112 * 1024 * 1024;
/** Blocks glibc serves from its heap with the server's tunables (launch/environment.ts); larger ones are mapped anew. */
const HEAP_BLOCK_LIMIT = 32 * 1024 * 1024;
let heapGrown = false;

/**
 * Once per process, before the first large text is edited: writes about as much memory as its versions take
 * before V8 frees any (growthBytes: ~110 MB for UU 11/2020, in blocks of one version's size) and lets it go. glibc keeps it (its trim threshold is above
 * that) and serves the next versions from it. Otherwise each of the first ~25 keystrokes in a large law writes its
 * version to fresh pages: ~7 ms of page faults each on these machines (a fault costs ~11 µs), until V8's first
 * full GC frees them. Only worth it with the server's malloc tunables, which the caller checks. Returns the
 * megabytes written (0 when done before, or when a version would be mapped afresh anyway).
 */
export function growHeapForVersions(length: number): number {
  // Two bytes per character: a text with one character beyond Latin-1 is stored that way, and a block that
  // size serves a one-byte version as well.
  const bytes = length * 2;
  if (heapGrown || length < EXTERNAL_MIN_LENGTH || bytes >= HEAP_BLOCK_LIMIT) return 0;
  heapGrown = true;
  const count = Math.floor(growthBytes(bytes) / bytes);
  // All held until the return (a block dropped at once may be freed by a collection during the loop and its
  // memory taken again by the next, so the heap would not grow by all of them), filled so that the pages are
  // faulted in here. Collected while held, they may be moved to the old generation, which only a full collection
  // frees: the server starts one right after (server/heap.ts).
  const blocks: Buffer[] = [];
  for (let i = 0; i < count; i++) blocks.push(Buffer.allocUnsafeSlow(bytes).fill(0));
  return Math.round((count * bytes) / (1024 * 1024));
}

/** Whether `text` has only Latin-1 characters (then the splicer stores it with one byte per character). */
export function isLatin1(text: string): boolean {
  return !BEYOND_LATIN1.test(text);
}
