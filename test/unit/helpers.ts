// Shared helpers for the unit tests: fixture paths and line numbers of offsets.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..', '..');

export function fixture(relative: string): string {
  return readFileSync(path.join(ROOT, 'test/fixtures', relative), 'utf8');
}

export function corpusFiles(): string[] {
  const out: string[] = [];
  for (const folder of ['seeds', 'corpus']) {
    for (const name of readdirSync(path.join(ROOT, 'test/fixtures', folder)).sort()) {
      if (name.endsWith('.txt')) out.push(`${folder}/${name}`);
    }
  }
  return out;
}

export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** A line edit of the property tests: delete, duplicate or swap lines, or insert text into one. */
export interface LineEdit {
  kind: 'delete' | 'duplicate' | 'swap' | 'insert';
  at: number;
  other?: number;
  text?: string;
}

/** The lines with the edits applied; an insertion overwrites the line's start (`overwrite`) or goes before it. */
export function mutateLines(lines: readonly string[], edits: readonly LineEdit[], insert: 'overwrite' | 'prefix' = 'overwrite'): string {
  const out = [...lines];
  for (const change of edits) {
    if (out.length === 0) break;
    const at = change.at % out.length;
    if (change.kind === 'delete') out.splice(at, 1);
    else if (change.kind === 'duplicate') out.splice(at, 0, out[at]);
    else if (change.kind === 'swap') {
      const other = (change.other ?? 0) % out.length;
      [out[at], out[other]] = [out[other], out[at]];
    } else {
      const text = change.text ?? '';
      out[at] = insert === 'prefix' ? text + out[at] : out[at].slice(0, text.length) + text + out[at].slice(text.length);
    }
  }
  return out.join('\n');
}
