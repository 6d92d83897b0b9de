// Rename a Pasal, ayat, huruf or angka: change its number and every reference to it. Invoked on the
// number in a heading or label, or on the number of a resolved reference.

import { normaliseKey } from '../syntax';
import { parseNumberFor, TextRange, Unit, unitName } from '../model';
import { Analysis } from './analysis';
import { numberSpan, TextEdit } from './edits';
import { Message } from './messages';
import { editsForNumberChanges, groupOf, segmentUnits, segmentValueSpan } from './renumber';

const RENAMEABLE = new Set<string>(['pasal', 'ayat', 'huruf', 'angka']);

interface Target {
  readonly unit: Unit;
  /** The number text under the cursor. */
  readonly range: TextRange;
}

export function prepareRename(analysis: Analysis, offset: number): { range: TextRange; placeholder: string } | { error: Message } {
  const found = targetAt(analysis, offset);
  if ('error' in found) return found;
  return { range: found.range, placeholder: analysis.text.slice(found.range.start, found.range.end) };
}

export function rename(analysis: Analysis, offset: number, newNumber: string): { edits: TextEdit[] } | { error: Message } {
  const found = targetAt(analysis, offset);
  if ('error' in found) return found;
  const unit = found.unit;
  const wanted = cleanNumber(unit, newNumber);
  const parsed = wanted === '' ? undefined : parseNumberFor(unit.kind, unit.kind === 'pasal' ? wanted.toUpperCase() : wanted.toLowerCase());
  if (!parsed || (unit.parsed && parsed.style !== unit.parsed.style)) {
    const name = unitName({ ...unit, number: newNumber.trim() });
    return { error: { id: `"${newNumber.trim()}" bukan nomor ${kindWord(unit)} yang sah (${name}).`, en: `"${newNumber.trim()}" is not a valid ${kindWord(unit)} number (${name}).` } };
  }
  const key = normaliseKey(parsed.text);
  const siblings = groupOf(analysis, unit)?.units ?? [];
  const clash = siblings.find((other) => other !== unit && other.number !== undefined && normaliseKey(other.number) === key);
  if (clash) {
    const name = unitName({ ...unit, number: parsed.text });
    return { error: { id: `${name} sudah ada.`, en: `${name} already exists.` } };
  }
  return { edits: editsForNumberChanges(analysis, [{ unit, number: parsed.text }]) };
}

/** "(3)" or "ayat (3)" typed for an ayat, "Pasal 15" for a Pasal: keep just the number. */
function cleanNumber(unit: Unit, typed: string): string {
  let text = typed.trim();
  const word = kindWord(unit);
  if (text.toLowerCase().startsWith(word.toLowerCase() + ' ')) text = text.slice(word.length).trim();
  if (unit.kind === 'ayat') text = text.replace(/^\((.*)\)$/, '$1').trim();
  if (unit.kind === 'huruf' || unit.kind === 'angka') text = text.replace(/[.)]$/, '');
  return text;
}

function kindWord(unit: Unit): string {
  return unit.kind === 'pasal' ? 'Pasal' : unit.kind;
}

const NOTHING_HERE: Message = {
  id: 'Tidak ada nomor Pasal, ayat, huruf, atau angka di sini yang dapat diganti.',
  en: 'There is no Pasal, ayat, huruf or angka number here to rename.',
};

function targetAt(analysis: Analysis, offset: number): Target | { error: Message } {
  const text = analysis.text;
  // A heading or label.
  for (const unit of analysis.regulation.units) {
    if (unit.number === undefined || Math.min(unit.nameRange.start, unit.numberRange.start) > offset || offset > Math.max(unit.nameRange.end, unit.numberRange.end)) continue;
    if (!RENAMEABLE.has(unit.kind)) continue;
    if (unit.quoted) return { error: quotedError() };
    return { unit, range: numberSpan(text, unit) };
  }
  // A reference.
  for (const reference of analysis.references) {
    if (offset < reference.range.start || offset > reference.range.end) continue;
    for (const item of reference.items) {
      if (offset < item.range.start || offset > item.range.end) continue;
      const segment = item.written.find((candidate) => candidate.range.start <= offset && offset <= candidate.range.end);
      if (!segment) continue;
      if (item.status === 'external') return { error: { id: 'Rujukan ini menunjuk peraturan lain; nomornya tidak dapat diganti di sini.', en: 'This reference cites another regulation; its number cannot be renamed here.' } };
      if (item.status === 'ambiguous') return { error: { id: 'Rujukan ini ambigu (ada beberapa unit dengan nomor ini); ganti nomor pada judulnya.', en: 'This reference is ambiguous (several units carry this number); rename the heading instead.' } };
      if (item.status !== 'resolved') return { error: { id: 'Rujukan ini tidak menunjuk unit mana pun dalam peraturan ini.', en: 'This reference does not point at any unit of this regulation.' } };
      const entry = segmentUnits(item).find((candidate) => candidate.segment === segment);
      const range = segmentValueSpan(text, segment);
      if (!entry || !range) return { error: NOTHING_HERE };
      if (entry.unit.quoted) return { error: quotedError() };
      return { unit: entry.unit, range };
    }
  }
  return { error: NOTHING_HERE };
}

function quotedError(): Message {
  return { id: 'Teks ini kutipan dari peraturan yang diubah; nomornya milik peraturan itu.', en: 'This is quoted text of the amended regulation; its numbers belong to that regulation.' };
}
