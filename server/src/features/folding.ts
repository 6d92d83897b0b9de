// Folding ranges: every part (Pembukaan, Batang Tubuh, Penjelasan…), section (Menimbang, Mengingat…),
// BUKU, BAB, Bagian, Paragraf, Pasal and ayat that spans more than one line, from the start of its
// heading to its last non-blank character. One range per start line: a part that begins exactly where
// its first BAB begins gives way to the BAB; inline headings ("BAB I … Pasal 1 (1) …") keep the outer one.

import { Analysis } from './analysis';
import { LineIndex } from './line-index';

export interface FoldingRange {
  readonly start: number;
  readonly end: number;
  readonly kind?: 'region';
}

const REGIONS = new Set([
  'judul', 'pembukaan', 'batang-tubuh', 'penutup', 'penjelasan', 'lampiran',
  'konsiderans', 'dasar-hukum', 'memperhatikan', 'penjelasan-umum', 'penjelasan-pasal',
]);
const UNITS = new Set(['buku', 'bab', 'bagian', 'paragraf', 'pasal', 'ayat']);

export function foldingRanges(analysis: Analysis): FoldingRange[] {
  const text = analysis.text;
  const lines = new LineIndex(text);
  const candidates: { range: FoldingRange; startLine: number }[] = [];
  for (const unit of analysis.regulation.units) {
    const region = REGIONS.has(unit.kind);
    if (!region && !UNITS.has(unit.kind)) continue;
    const start = firstNonBlank(text, unit.range.start, unit.range.end);
    const end = lastNonBlank(text, start, unit.range.end);
    const startLine = lines.position(start).line;
    if (lines.position(Math.max(start, end - 1)).line <= startLine) continue;
    candidates.push({ range: region ? { start, end, kind: 'region' } : { start, end }, startLine });
  }
  // Same line: the earliest start; same start: the smaller range; same range: the unit rather than the part.
  candidates.sort((a, b) => a.startLine - b.startLine || a.range.start - b.range.start || (a.range.end - a.range.start) - (b.range.end - b.range.start) || (a.range.kind ? 1 : 0) - (b.range.kind ? 1 : 0));
  const out: FoldingRange[] = [];
  let lastLine = -1;
  for (const candidate of candidates) {
    if (candidate.startLine === lastLine) continue;
    lastLine = candidate.startLine;
    out.push(candidate.range);
  }
  return out;
}

function firstNonBlank(text: string, start: number, end: number): number {
  let at = start;
  while (at < end && /\s/.test(text[at])) at++;
  return at < end ? at : start;
}

function lastNonBlank(text: string, start: number, end: number): number {
  let at = end;
  while (at > start && /\s/.test(text[at - 1])) at--;
  return at;
}

