// Rename a Pasal, ayat, huruf or angka: change its number and every reference to it. Invoked on the
// number in a heading or label, or on the number of a resolved reference.
// A rename loses nothing or is refused: the edited text is read again, and when the renamed heading would
// no longer be read as one (an inline or damaged heading counts only when its number continues the sequence,
// so "Pasal 901" after Pasal 1 mid-line is text) or any reference would stop pointing at its unit, the
// rename is refused with the reason instead of leaving the drafter with references to nothing.

import { normaliseKey } from '../syntax';
import { citation, parseNumberFor, TextRange, Unit, unitNameWith } from '../model';
import { analyze, Analysis } from './analysis';
import { applyEdits, lostReference, lostUnit, numberSpan, TextEdit } from './edits';
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

/**
 * The edits that give the unit under `offset` the number `newNumber` and make every reference to it follow.
 * `reanalyze` reads the edited text back (the server may pass its own, with the document's settings).
 */
export function rename(analysis: Analysis, offset: number, newNumber: string, reanalyze: (text: string) => Analysis = analyze): { edits: TextEdit[] } | { error: Message } {
  const found = targetAt(analysis, offset);
  if ('error' in found) return found;
  const unit = found.unit;
  const wanted = cleanNumber(unit, newNumber);
  const parsed = wanted === '' ? undefined : parseNumberFor(unit.kind, unit.kind === 'pasal' ? wanted.toUpperCase() : wanted.toLowerCase());
  if (!parsed || (unit.parsed && parsed.style !== unit.parsed.style)) {
    const name = unitNameWith(unit, newNumber.trim());
    return { error: { id: `"${newNumber.trim()}" bukan nomor ${kindWord(unit)} yang sah (${name}).`, en: `"${newNumber.trim()}" is not a valid ${kindWord(unit)} number (${name}).` } };
  }
  const key = normaliseKey(parsed.text);
  const siblings = groupOf(analysis, unit)?.units ?? [];
  const clash = siblings.find((other) => other !== unit && other.number !== undefined && normaliseKey(other.number) === key);
  if (clash) {
    const name = unitNameWith(unit, parsed.text);
    return { error: { id: `${name} sudah ada.`, en: `${name} already exists.` } };
  }
  const edits = editsForNumberChanges(analysis, [{ unit, number: parsed.text }]);
  const loss = edits.length === 0 ? undefined : renameLoss(analysis, unit, parsed.text, edits, reanalyze(applyEdits(analysis.text, edits)));
  return loss ? { error: loss } : { edits };
}

/** Why the renamed text would read differently: the heading is no longer one, or a reference points elsewhere. */
function renameLoss(analysis: Analysis, unit: Unit, number: string, edits: readonly TextEdit[], after: Analysis): Message | undefined {
  const gone = lostUnit(analysis, after, edits);
  if (gone) {
    const name = gone === unit ? unitNameWith(unit, number) : citation(gone);
    return {
      id: `Setelah diganti, ${name} tidak lagi terbaca sebagai judul atau label: yang berada di tengah baris atau rusak hanya dikenali bila nomornya melanjutkan urutan, dan rujukan kepadanya akan hilang. Pilih nomor yang melanjutkan urutan, atau nomori ulang.`,
      en: `After the rename, ${name} would no longer be read as a heading or label: one in the middle of a line, or damaged, is recognised only when its number continues the sequence, and the references to it would be lost. Choose a number that continues the sequence, or renumber.`,
    };
  }
  const lost = lostReference(analysis, after, edits);
  if (lost) {
    const written = analysis.text.slice(lost.item.range.start, lost.item.range.end).replace(/\s+/g, ' ');
    const target = citation(lost.item.targets[0]);
    return {
      id: `Setelah diganti, rujukan "${written}" tidak lagi terbaca sebagai rujukan ke ${target}; penggantian tidak dilakukan.`,
      en: `After the rename, the reference "${written}" would no longer be read as pointing at ${target}; the rename is not applied.`,
    };
  }
  return undefined;
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

function within(range: TextRange, offset: number): boolean {
  return range.start <= offset && offset <= range.end;
}

/** Between the unit's name and number, where they touch ("Pasal 5": the space); not across a label column. */
function between(unit: Unit, offset: number): boolean {
  return unit.numberRange.start >= unit.nameRange.start && unit.nameRange.start <= offset && offset <= unit.numberRange.end;
}

function targetAt(analysis: Analysis, offset: number): Target | { error: Message } {
  const text = analysis.text;
  // A heading or label.
  for (const unit of analysis.regulation.units) {
    if (unit.number === undefined || !(within(unit.nameRange, offset) || within(unit.numberRange, offset) || between(unit, offset))) continue;
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
