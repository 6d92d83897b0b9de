// Selection ranges (expand selection): for each cursor, the chain from the innermost piece outwards —
// the word or reference segment, the reference item and the whole reference, then huruf/angka, ayat,
// Pasal, Paragraf, Bagian, BAB, the part, the document. Each range strictly contains the previous one;
// unit ranges leave out their trailing blank lines.

import { Analysis } from './analysis';
import { referenceAt, unitNamedAt } from './definition';
import { TextRange, unitAt } from '../model';
import { headingOf } from '../syntax';

export function selectionRanges(analysis: Analysis, offsets: number[]): TextRange[][] {
  return offsets.map((offset) => selectionChain(analysis, offset));
}

function selectionChain(analysis: Analysis, offset: number): TextRange[] {
  const text = analysis.text;
  const chain: TextRange[] = [];
  const push = (range: TextRange | undefined): void => {
    if (!range || range.end < range.start || range.start > offset || range.end < offset) return;
    const last = chain[chain.length - 1];
    if (last && !(range.start <= last.start && range.end >= last.end && (range.start < last.start || range.end > last.end))) return;
    chain.push({ start: range.start, end: range.end });
  };
  const hit = referenceAt(analysis, offset);
  if (hit) {
    push(wordAt(text, offset));
    push(hit.segment.range);
    push(hit.item.range);
    push(rangeSpanOf(hit));
    push(hit.reference.range);
  } else {
    push(wordAt(text, offset));
    const named = unitNamedAt(analysis, offset);
    if (named) {
      push(named.nameRange);
      const heading = headingOf(named.node);
      if (heading) push(trim(text, heading.start, heading.end, offset));
    }
  }
  for (let unit = unitAt(analysis.regulation, offset); unit; unit = unit.parent) push(trim(text, unit.range.start, unit.range.end, offset));
  push({ start: 0, end: text.length });
  return chain;
}

/** "ayat (1) sampai dengan ayat (4)" around an item that is one end of a range. */
function rangeSpanOf(hit: NonNullable<ReturnType<typeof referenceAt>>): TextRange | undefined {
  const items = hit.reference.items;
  const index = items.indexOf(hit.item);
  if (hit.item.role === 'range-start' && items[index + 1]?.role === 'range-end') return { start: hit.item.range.start, end: items[index + 1].range.end };
  if (hit.item.role === 'range-end' && items[index - 1]?.role === 'range-start') return { start: items[index - 1].range.start, end: hit.item.range.end };
  return undefined;
}

/** Letters and digits around the cursor ("Pasal", "14", "(1)" gives "1"). */
function wordAt(text: string, offset: number): TextRange | undefined {
  const isWord = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  let start = offset;
  let end = offset;
  while (start > 0 && isWord(text[start - 1])) start--;
  while (end < text.length && isWord(text[end])) end++;
  return end > start ? { start, end } : undefined;
}

/** A unit's range without its trailing whitespace, but never so short that it loses the cursor. */
function trim(text: string, start: number, end: number, offset: number): TextRange {
  let at = end;
  while (at > start && /\s/.test(text[at - 1])) at--;
  return { start, end: Math.max(at, Math.min(end, offset)) };
}
