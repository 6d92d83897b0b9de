// Workspace symbols: BUKU, BAB, Bagian, Paragraf and Pasal of every open regulation, matched leniently
// ("pasal 14", "Pasal14", "psl 14", "ketentuan umum"), exact matches first, at most 500 results.

import { Analysis } from './analysis';
import { TextRange, Unit, unitName } from '../model';

export interface WorkspaceSymbol {
  readonly uri: string;
  /** "Pasal 14", "BAB II", "Bagian Kesatu". */
  readonly name: string;
  /** The unit kind: "pasal", "bab", "bagian", "paragraf", "buku". */
  readonly kind: string;
  readonly range: TextRange;
  /** The BAB the unit sits in ("BAB II ORGANISASI DINAS"), or the part ("Penjelasan") outside a BAB. */
  readonly containerName: string;
}

export const WORKSPACE_SYMBOL_LIMIT = 500;

const KINDS = new Set(['buku', 'bab', 'bagian', 'paragraf', 'pasal']);

const PART_NAMES: Record<string, string> = { penjelasan: 'Penjelasan', lampiran: 'Lampiran', 'batang-tubuh': 'Batang Tubuh' };

export function workspaceSymbols(documents: { uri: string; analysis: Analysis }[], query: string): WorkspaceSymbol[] {
  const wanted = normalise(query);
  const scored: { symbol: WorkspaceSymbol; score: number; order: number }[] = [];
  let order = 0;
  for (const { uri, analysis } of documents) {
    for (const unit of analysis.regulation.units) {
      if (!KINDS.has(unit.kind) || unit.number === undefined) continue;
      const name = unitName(unit);
      const score = match(wanted, name, unit.title);
      if (score === undefined) continue;
      scored.push({ symbol: { uri, name, kind: unit.kind, range: unit.nameRange, containerName: containerOf(unit) }, score, order: order++ });
    }
  }
  scored.sort((a, b) => a.score - b.score || a.order - b.order);
  return scored.slice(0, WORKSPACE_SYMBOL_LIMIT).map((entry) => entry.symbol);
}

/** Lower is better: 0 exact, 1 prefix, 2 whole words, 3 substring, 4 title, 5 subsequence; undefined: no match. */
function match(query: string, name: string, title: string | undefined): number | undefined {
  if (query === '') return 0;
  const candidate = normalise(name);
  const compactQuery = query.replace(/ /g, '');
  const compactName = candidate.replace(/ /g, '');
  if (candidate === query || compactName === compactQuery) return 0;
  // "pasal 1" is a prefix of "pasal 14" but means Pasal 1: a prefix must stop at a number boundary to rank 1.
  if (candidate.startsWith(query)) return /[0-9]$/.test(query) && /^[0-9]/.test(candidate.slice(query.length)) ? 3 : 1;
  if (query.split(' ').every((word) => candidate.split(' ').includes(word))) return 2;
  if (compactName.includes(compactQuery)) return 3;
  const full = normalise(`${name} ${title ?? ''}`);
  if (title && full.includes(query)) return 4;
  // "psl 114": the letters as a subsequence, the number as the start of the unit's number.
  const letters = compactQuery.replace(/[0-9]+/g, '');
  const digits = compactQuery.replace(/[^0-9]+/g, '');
  const number = candidate.replace(/[^0-9 ]+/g, '').trim();
  if (letters && isSubsequence(letters, compactName.replace(/[0-9]+/g, '')) && (!digits || number.startsWith(digits))) return 5;
  return undefined;
}

function isSubsequence(needle: string, haystack: string): boolean {
  let at = 0;
  for (const c of haystack) if (c === needle[at]) at++;
  return at === needle.length;
}

function normalise(value: string): string {
  return value.toLowerCase().replace(/[^0-9a-z]+/g, ' ').trim();
}

function containerOf(unit: Unit): string {
  let part: Unit | undefined;
  for (let current = unit.parent; current; current = current.parent) {
    if (current.kind === 'bab') return current.title ? `${unitName(current)} ${current.title}` : unitName(current);
    if (current.kind === 'pasal' && unit.quoted && !current.quoted) return unitName(current);
    part = current;
  }
  return part ? PART_NAMES[part.kind] ?? '' : '';
}
