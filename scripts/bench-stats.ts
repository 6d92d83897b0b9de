// Small numeric helpers for the bench: a seeded PRNG, medians and percentiles, a least-squares line,
// timing with warm-up, and table formatting. No dependencies.

import { performance } from 'node:perf_hooks';

/** mulberry32: a tiny, fast, seeded PRNG; the same seed gives the same edits and the same synthetic texts. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Nearest-rank percentile (p in 0..100) of a copy of `values`. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** Least squares y = intercept + slope·x, with r². */
export function linearFit(xs: number[], ys: number[]): { slope: number; intercept: number; r2: number } {
  const n = xs.length;
  const mx = xs.reduce((s, x) => s + x, 0) / n;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  const intercept = my - slope * mx;
  const r2 = syy === 0 ? 1 : (sxy * sxy) / (sxx * syy);
  return { slope, intercept, r2 };
}

export function gc(): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (collect) {
    collect();
    collect();
  }
}

/**
 * Runs `body` `warmup` times untimed, then `runs` times timed; returns the times in ms. A full GC runs before
 * the timed runs and, with `collectEach`, before each of them (worth it for big inputs, whose garbage would
 * otherwise be collected during the next run; for small ones the GC would cost more than the runs).
 */
export function timeRuns<T>(body: () => T, runs: number, warmup: number, collectEach = true): { times: number[]; last: T | undefined } {
  let last: T | undefined;
  for (let i = 0; i < warmup; i++) last = body();
  last = undefined;
  gc();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    last = undefined;
    if (collectEach && i > 0) gc();
    const start = performance.now();
    last = body();
    times.push(performance.now() - start);
  }
  return { times, last };
}

export async function timeRunsAsync<T>(body: () => Promise<T>, runs: number, warmup: number, collectEach = true): Promise<{ times: number[]; last: T | undefined }> {
  let last: T | undefined;
  for (let i = 0; i < warmup; i++) last = await body();
  last = undefined;
  gc();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    last = undefined;
    if (collectEach && i > 0) gc();
    const start = performance.now();
    last = await body();
    times.push(performance.now() - start);
  }
  return { times, last };
}

export const MB = 1024 * 1024;

export function fmt(value: number, digits = 1): string {
  if (!Number.isFinite(value)) return '—';
  return value.toFixed(digits);
}

/** A plain text table with right-aligned numeric columns. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
