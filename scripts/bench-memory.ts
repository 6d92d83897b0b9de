// Memory, in process, with the server's own document store and analysis cache (they import without a
// connection): what one open document retains after a full GC (text + line index + cached analysis), as a
// multiple of its UTF-8 size, and whether opening and closing the largest document many times grows the heap.
// Needs node --expose-gc.

import { performance } from 'node:perf_hooks';
import { analyze } from '../server/src/features/analysis';
import { parse } from '../server/src/syntax';
import { AnalysisCache } from '../server/src/server/analysis-cache';
import { DocumentStore } from '../server/src/server/documents';
import { gc } from './bench-stats';

/** Heap + off-heap (ArrayBuffers, external strings) after a full collection. */
export function usedAfterGc(): number {
  gc();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.external;
}

/**
 * Copies of `text` that share no storage with it, as strings received from a client would. The text is
 * encoded once: a Buffer per copy would leave its backing store to be freed after the GC, off the main
 * thread, so `external` would count a few megabytes of not-yet-freed buffers as growth.
 */
function copier(text: string): () => string {
  const bytes = Buffer.from(text, 'utf8');
  return () => bytes.toString('utf8');
}

export interface RetainedResult {
  bytes: number;
  /** The cached Analysis alone (text already counted elsewhere). */
  analysisBytes: number;
  /** Of which the syntax tree and tokens (parse result). */
  parseBytes: number;
  /** One open document as the server holds it: text, line index, cached analysis. */
  documentBytes: number;
  /** How many of the document bytes are the string itself (V8 keeps 1 byte per char for Latin-1, else 2). */
  textBytes: number;
}

export function retainedPerDocument(text: string, copies = 3): RetainedResult {
  const bytes = Buffer.byteLength(text, 'utf8');
  const freshCopy = copier(text);
  // Analysis alone.
  const base = usedAfterGc();
  const analyses = Array.from({ length: copies }, () => analyze(text));
  const analysisBytes = (usedAfterGc() - base) / copies;
  analyses.length = 0;
  // Parse result alone.
  const base1 = usedAfterGc();
  const trees = Array.from({ length: copies }, () => parse(text));
  const parseBytes = (usedAfterGc() - base1) / copies;
  trees.length = 0;
  // Text alone.
  const base2 = usedAfterGc();
  const texts = Array.from({ length: copies }, () => freshCopy());
  const textBytes = (usedAfterGc() - base2) / copies;
  texts.length = 0;
  // Open documents as the server holds them.
  const base3 = usedAfterGc();
  const store = new DocumentStore();
  const cache = new AnalysisCache(64);
  for (let i = 0; i < copies; i++) {
    const uri = `file:///bench/memory-${i}.perwal`;
    const document = store.open({ textDocument: { uri, languageId: 'perwal', version: 1, text: freshCopy() } });
    void document.positions;
    cache.get(uri, 1, () => analyze(document.text));
  }
  const documentBytes = (usedAfterGc() - base3) / copies;
  void store;
  void cache;
  return { bytes, analysisBytes, parseBytes, documentBytes, textBytes };
}

export interface OpenCloseInProcess {
  cycles: number;
  heapAfterWarmup: number;
  heapEnd: number;
  /** The heap after each tenth of the cycles. */
  heapByTenth: number[];
  /** The median of the last three tenths less that of the second to fourth: a trend, not one reading. */
  growthBytes: number;
  seconds: number;
}

/** `cycles` × open → positions → analysis (through the cache) → close, as the server does. */
export function openCloseInProcess(text: string, cycles: number): OpenCloseInProcess {
  const store = new DocumentStore();
  const cache = new AnalysisCache(64);
  const freshCopy = copier(text);
  const start = performance.now();
  // The heap is read after each tenth, and growth judged from medians: a single reading moved by ±7-10 MB in
  // some runs (one law's text and model, held at one reading and not the next), while the heap after each
  // tenth stayed flat. A leak grows every tenth.
  const heapByTenth: number[] = [];
  let done = 0;
  for (let tenth = 1; tenth <= 10; tenth++) {
    const until = Math.round((cycles * tenth) / 10);
    openAndClose(store, cache, freshCopy, until - done);
    done = until;
    heapByTenth.push(usedAfterGc());
  }
  const median3 = (values: number[]): number => [...values].sort((x, y) => x - y)[1];
  const growthBytes = median3(heapByTenth.slice(7, 10)) - median3(heapByTenth.slice(1, 4));
  return { cycles, heapAfterWarmup: heapByTenth[0], heapEnd: heapByTenth[9], heapByTenth, growthBytes, seconds: (performance.now() - start) / 1000 };
}

function openAndClose(store: DocumentStore, cache: AnalysisCache, freshCopy: () => string, cycles: number): void {
  const uri = 'file:///bench/open-close.perwal';
  for (let i = 0; i < cycles; i++) {
    const document = store.open({ textDocument: { uri, languageId: 'perwal', version: 1, text: freshCopy() } });
    void document.positions;
    cache.get(uri, document.version, () => analyze(document.text));
    cache.delete(uri);
    store.close({ textDocument: { uri } });
  }
}
