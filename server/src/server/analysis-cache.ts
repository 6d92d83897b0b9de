// One Analysis per (uri, version), computed on first use and kept for the most recently used documents.
// The pure layers keep no state; this is the only cache. A new version replaces the old one; closing a
// document or changing the settings drops entries.

import type { Analysis } from '../features/analysis';

interface Entry {
  readonly version: number;
  readonly analysis: Analysis;
}

export class AnalysisCache {
  /** Map iteration order is insertion order: the first key is the least recently used. */
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly capacity = 32) {}

  get(uri: string, version: number, compute: () => Analysis): Analysis {
    const hit = this.entries.get(uri);
    if (hit && hit.version === version) {
      this.entries.delete(uri);
      this.entries.set(uri, hit);
      return hit.analysis;
    }
    const analysis = compute();
    this.entries.delete(uri);
    this.entries.set(uri, { version, analysis });
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return analysis;
  }

  /** The cached analysis of this document, whatever its version; it leaves the cache (the caller consumes it). */
  take(uri: string): Entry | undefined {
    const hit = this.entries.get(uri);
    this.entries.delete(uri);
    return hit;
  }

  /** The cached analysis of exactly this version, without computing. */
  peek(uri: string, version: number): Analysis | undefined {
    const hit = this.entries.get(uri);
    return hit && hit.version === version ? hit.analysis : undefined;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }
}
