// The outline: parts, BUKU, BAB, Bagian, Paragraf, Pasal, ayat, huruf, angka as a tree of plain data.

import { Regulation, TextRange, Unit } from '../model';
// Straight from the module, not through the index: compiled to CommonJS, every call through a re-export is a
// getter call, and isJsWhitespace runs once per character of the details.
import { textStart, unitName } from '../model/regulation';
import { isJsWhitespace } from '../syntax/text';

export interface OutlineNode {
  readonly kind: string;
  readonly number: string | null;
  readonly title: string | null;
  /** "Pasal 5", "BAB I", "Pembukaan". */
  readonly name: string;
  /** For Pasal, ayat and list items: their first words. */
  readonly detail: string;
  readonly range: TextRange;
  readonly selectionRange: TextRange;
  readonly quoted: boolean;
  readonly children: OutlineNode[];
}

const PART_NAMES: Record<string, string> = {
  judul: 'Judul',
  pembukaan: 'Pembukaan',
  'batang-tubuh': 'Batang Tubuh',
  penutup: 'Penutup',
  penjelasan: 'Penjelasan',
  lampiran: 'Lampiran',
  konsiderans: 'Menimbang',
  'dasar-hukum': 'Mengingat',
  memperhatikan: 'Memperhatikan',
  diktum: 'Diktum',
  'penjelasan-umum': 'I. Umum',
  'penjelasan-pasal': 'II. Pasal Demi Pasal',
};

export interface OutlineOptions {
  /** Deepest unit kind to include; the default stops at ayat so huge laws stay navigable. */
  readonly depth?: 'pasal' | 'ayat' | 'all';
}

export function outline(regulation: Regulation, options: OutlineOptions = {}): OutlineNode[] {
  const depth = options.depth ?? 'all';
  const include = (unit: Unit): boolean => {
    if (depth === 'ayat') return unit.kind !== 'huruf' && unit.kind !== 'angka';
    return unit.kind !== 'huruf' && unit.kind !== 'angka' && unit.kind !== 'ayat';
  };
  const text = regulation.text;
  const convert = (unit: Unit): OutlineNode => {
    const name = PART_NAMES[unit.kind] ?? unitName(unit);
    const detail = unit.title ?? (isNumbered(unit) ? leadingWords(text, unit) : '');
    const children = unit.children.length === 0 ? [] : depth === 'all' ? unit.children.map(convert) : unit.children.filter(include).map(convert);
    return {
      kind: unit.kind,
      number: unit.number ?? null,
      title: unit.title ?? null,
      name,
      detail,
      range: unit.range,
      selectionRange: isNumbered(unit) ? unit.nameRange : { start: unit.range.start, end: Math.min(unit.range.end, unit.range.start + name.length) },
      quoted: unit.quoted,
      children,
    };
  };
  return (depth === 'all' ? regulation.roots : regulation.roots.filter(include)).map(convert);
}

function isNumbered(unit: Unit): boolean {
  return unit.number !== undefined;
}

const DETAIL_WORDS = 8;
const DETAIL_LIMIT = 120;

/**
 * The first eight words of the unit's own text (its first 120 characters), then " …" when more follow:
 * what firstWords(ownText(regulation, unit, 120)) gives, read straight from the text (no slice, no regex).
 */
function leadingWords(text: string, unit: Unit): string {
  const start = textStart(unit);
  const end = Math.min(unit.children.length > 0 ? unit.children[0].range.start : unit.range.end, start + DETAIL_LIMIT);
  let words = 0;
  let first = -1;
  let last = -1;
  // Whether the words so far are separated by exactly one space, so one slice of the text is the answer.
  let contiguous = true;
  let out = '';
  let i = start;
  while (i < end) {
    while (i < end && isJsWhitespace(text.charCodeAt(i))) i++;
    if (i >= end) break;
    if (words === DETAIL_WORDS) return `${contiguous ? text.slice(first, last) : out} …`;
    const wordStart = i;
    while (i < end && !isJsWhitespace(text.charCodeAt(i))) i++;
    if (words === 0) first = wordStart;
    else if (contiguous && (wordStart !== last + 1 || text.charCodeAt(last) !== 32)) {
      contiguous = false;
      out = text.slice(first, last);
    }
    if (!contiguous) out = `${out} ${text.slice(wordStart, i)}`;
    last = i;
    words++;
  }
  return words === 0 ? '' : contiguous ? text.slice(first, last) : out;
}
