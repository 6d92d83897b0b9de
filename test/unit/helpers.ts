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
