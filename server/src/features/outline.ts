// The outline: parts, BUKU, BAB, Bagian, Paragraf, Pasal, ayat, huruf, angka as a tree of plain data.

import { Regulation, TextRange, Unit, unitName, ownText } from '../model';

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
    if (depth === 'all') return true;
    if (depth === 'ayat') return unit.kind !== 'huruf' && unit.kind !== 'angka';
    return unit.kind !== 'huruf' && unit.kind !== 'angka' && unit.kind !== 'ayat';
  };
  const convert = (unit: Unit): OutlineNode => {
    const name = PART_NAMES[unit.kind] ?? unitName(unit);
    const detail = unit.title ?? (isNumbered(unit) ? firstWords(ownText(regulation, unit, 120)) : '');
    return {
      kind: unit.kind,
      number: unit.number ?? null,
      title: unit.title ?? null,
      name,
      detail,
      range: unit.range,
      selectionRange: isNumbered(unit) ? unit.nameRange : { start: unit.range.start, end: Math.min(unit.range.end, unit.range.start + name.length) },
      quoted: unit.quoted,
      children: unit.children.filter(include).map(convert),
    };
  };
  return regulation.roots.filter(include).map(convert);
}

function isNumbered(unit: Unit): boolean {
  return unit.number !== undefined;
}

function firstWords(text: string): string {
  const words = text.split(' ').slice(0, 8).join(' ');
  return words.length < text.length ? `${words} …` : words;
}
