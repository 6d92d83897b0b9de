// Shared helpers for the feature tests: fixtures with inline markers, in the style of rust-analyzer's
// `check()` and markdown-ls's test utilities.
//
//   $0        the cursor (at most one per fixture unless `cursors` is used)
//   <|…|>     an expected range (several allowed, nesting allowed: `|>` closes the latest `<|`)
//   \n        literal "\n" in one-line fixtures is a line break (so many cases fit on one line)
//
// Fixtures are plain strings; the seed regulations are read from test/fixtures/seeds.

import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, Analysis } from '../../../server/src/features/analysis';
import { TextRange } from '../../../server/src/model';

export interface Fixture {
  /** The text with every marker removed. */
  readonly text: string;
  /** The offsets of the `$0` markers, in order. */
  readonly cursors: number[];
  /** The first cursor (or -1 when there is none). */
  readonly offset: number;
  /** The `<|…|>` ranges, in the order they close. */
  readonly ranges: TextRange[];
}

/** Strips `$0` and `<|`/`|>` markers, recording where they were. `\n` (backslash n) becomes a line break. */
export function parseFixture(source: string): Fixture {
  const input = source.replace(/\\n/g, '\n');
  let text = '';
  const cursors: number[] = [];
  const ranges: TextRange[] = [];
  const open: number[] = [];
  for (let i = 0; i < input.length; i++) {
    if (input.startsWith('$0', i)) {
      cursors.push(text.length);
      i += 1;
    } else if (input.startsWith('<|', i)) {
      open.push(text.length);
      i += 1;
    } else if (input.startsWith('|>', i) && open.length > 0) {
      ranges.push({ start: open.pop()!, end: text.length });
      i += 1;
    } else {
      text += input[i];
    }
  }
  return { text, cursors, offset: cursors[0] ?? -1, ranges };
}

/** Parses a fixture and analyses its text. */
export function fixture(source: string): Fixture & { analysis: Analysis } {
  const parsed = parseFixture(source);
  return { ...parsed, analysis: analyze(parsed.text) };
}

/** Writes `<|…|>` around each range (overlapping ranges are written in start order) — for readable diffs. */
export function annotate(text: string, ranges: readonly TextRange[]): string {
  const marks: { at: number; mark: string; order: number }[] = [];
  ranges.forEach((range, index) => {
    marks.push({ at: range.start, mark: '<|', order: index * 2 + 1 });
    marks.push({ at: range.end, mark: '|>', order: -(index * 2 + 1) });
  });
  marks.sort((a, b) => a.at - b.at || a.order - b.order);
  let out = '';
  let last = 0;
  for (const { at, mark } of marks) {
    out += text.slice(last, at) + mark;
    last = at;
  }
  return out + text.slice(last);
}

/** Asserts that `actual` are exactly the fixture's `<|…|>` ranges (order-insensitive), showing both as text. */
export function assertRanges(text: string, actual: readonly TextRange[], expected: readonly TextRange[]): void {
  const sort = (list: readonly TextRange[]): TextRange[] => [...list].map((r) => ({ start: r.start, end: r.end })).sort((a, b) => a.start - b.start || a.end - b.end);
  assert.strictEqual(annotate(text, sort(actual)), annotate(text, sort(expected)));
}

/** The text a range covers. */
export function slice(text: string, range: TextRange): string {
  return text.slice(range.start, range.end);
}

/** test/fixtures/seeds, found upwards from here (works from out/test/unit/features and from the sources). */
function seedsDirectory(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'test', 'fixtures', 'seeds');
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`test/fixtures/seeds not found above ${__dirname}`);
  }
}

/** Reads a seed regulation (bekasi, kupang) and analyses it; cached per name. */
const seedCache = new Map<string, Analysis>();
export function seed(name: 'bekasi' | 'kupang'): Analysis {
  const cached = seedCache.get(name);
  if (cached) return cached;
  const directory = seedsDirectory();
  const file = fs.readdirSync(directory).find((entry) => entry.startsWith(name) && entry.endsWith('.txt'));
  assert.ok(file, `seed ${name} not found in ${directory}`);
  const analysis = analyze(fs.readFileSync(path.join(directory, file), 'utf8'));
  seedCache.set(name, analysis);
  return analysis;
}

/** The offset of the `occurrence`-th (1-based) match of `needle` in `text`, plus `delta`. */
export function offsetOf(text: string, needle: string | RegExp, occurrence = 1, delta = 0): number {
  let from = 0;
  for (let n = 1; ; n++) {
    let at: number;
    let length: number;
    if (typeof needle === 'string') {
      at = text.indexOf(needle, from);
      length = needle.length;
    } else {
      const re = new RegExp(needle.source, needle.flags.includes('g') ? needle.flags : needle.flags + 'g');
      re.lastIndex = from;
      const match = re.exec(text);
      at = match ? match.index : -1;
      length = match ? match[0].length : 0;
    }
    assert.ok(at >= 0, `${String(needle)} (occurrence ${n}) not found`);
    if (n === occurrence) return at + delta;
    from = at + Math.max(1, length);
  }
}

/** 1-based line of an offset. */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
