// Finding and reading the files the CLI checks: folders are walked (symlink loops are cut),
// bytes that are not UTF-8 are read as Windows-1252, as old scans often are, and the user is told.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';

export const REGULATION_EXTENSIONS = new Set(['.txt', '.md', '.perwal']);

export interface FileProblem {
  readonly path: string;
  readonly message: string;
}

export async function collectFiles(inputs: string[], problems: FileProblem[]): Promise<string[]> {
  const out: string[] = [];
  const seen = new Set<string>();
  const walk = async (target: string, explicit: boolean): Promise<void> => {
    let stat;
    try {
      stat = await fs.stat(target);
    } catch (error) {
      problems.push({ path: target, message: describeError(error) });
      return;
    }
    let real: string;
    try {
      real = await fs.realpath(target);
    } catch (error) {
      problems.push({ path: target, message: describeError(error) });
      return;
    }
    if (seen.has(real)) return;
    seen.add(real);
    if (stat.isDirectory()) {
      let entries: string[];
      try {
        entries = (await fs.readdir(target)).sort();
      } catch (error) {
        problems.push({ path: target, message: describeError(error) });
        return;
      }
      for (const entry of entries) await walk(path.join(target, entry), false);
    } else if (stat.isFile() && (explicit || REGULATION_EXTENSIONS.has(path.extname(target).toLowerCase()))) {
      out.push(target);
    }
  };
  for (const input of inputs) await walk(input, true);
  return out;
}

export interface ReadResult {
  readonly text: string;
  readonly encoding: 'utf-8' | 'windows-1252';
}

export function decode(bytes: Uint8Array): ReadResult {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

export function describeError(error: unknown): string {
  const code = (error as { code?: string }).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder / berkas tidak ada';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied / tidak boleh dibaca';
    case 'ELOOP':
      return 'symbolic link loop / tautan simbolik berputar';
    case 'EISDIR':
      return 'is a folder / berupa folder';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
