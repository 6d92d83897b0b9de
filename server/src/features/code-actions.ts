// Quick fixes for numbering and damaged-text diagnostics, and "fix all" for the whole document.
// Pure: an analysis and a range in, titled edit lists out; the server turns them into LSP code actions.

import { TextRange, Unit, unitName } from '../model';
import { Analysis } from './analysis';
import { Diagnostic, DiagnosticCode } from './diagnostics';
import { editsOverlap, mergeEdits, numberSpan, replaceEdit, sortEdits, TextEdit } from './edits';
import { Message } from './messages';
import { editsForNumberChanges, groupOf, matchCase, NumberChange, renumberPlan } from './renumber';

export interface CodeAction {
  readonly title: Message;
  readonly kind: 'quickfix' | 'source.fixAll';
  readonly diagnostic?: Diagnostic;
  readonly edits: TextEdit[];
  readonly isPreferred: boolean;
}

export const NUMBERING_CODES: ReadonlySet<DiagnosticCode> = new Set<DiagnosticCode>(['duplicate-number', 'numbering-gap', 'numbering-order']);

/** Code actions for the diagnostics that overlap `range` (an empty range touching a diagnostic counts). */
export function codeActions(analysis: Analysis, range: TextRange): CodeAction[] {
  const out: CodeAction[] = [];
  for (const diagnostic of analysis.diagnostics) {
    if (!touches(diagnostic.range, range)) continue;
    out.push(...actionsFor(analysis, diagnostic));
  }
  if (out.length > 0) {
    const edits = fixAll(analysis);
    if (edits.length > 0) out.push({ title: FIX_ALL_TITLE, kind: 'source.fixAll', edits, isPreferred: false });
  }
  return out;
}

function touches(a: TextRange, b: TextRange): boolean {
  return a.start <= b.end && b.start <= a.end;
}

function actionsFor(analysis: Analysis, diagnostic: Diagnostic): CodeAction[] {
  const text = analysis.text;
  const { replacement, expected, unitId } = diagnostic.data;
  if (NUMBERING_CODES.has(diagnostic.code)) {
    const unit = unitId === undefined ? undefined : analysis.regulation.units[unitId];
    if (!unit) return [];
    const out: CodeAction[] = [];
    const renumber = editsForNumberChanges(analysis, renumberPlan(analysis, unit.id));
    if (renumber.length > 0) {
      out.push({ title: renumberTitle(unit), kind: 'quickfix', diagnostic, edits: renumber, isPreferred: true });
    }
    if (expected !== undefined) {
      const span = numberSpan(text, unit);
      const edits = replaceEdit(text, span, matchCase(text.slice(span.start, span.end), expected));
      if (edits.length > 0 && !sameEdits(edits, renumber)) {
        const name = unitName({ ...unit, number: expected });
        out.push({ title: { id: `Ubah menjadi ${name}`, en: `Change to ${name}` }, kind: 'quickfix', diagnostic, edits, isPreferred: renumber.length === 0 });
      }
    }
    return out;
  }
  if (replacement === undefined) return [];
  const written = text.slice(diagnostic.range.start, diagnostic.range.end);
  const edits = replaceEdit(text, diagnostic.range, replacement);
  if (edits.length === 0) return [];
  switch (diagnostic.code) {
    case 'malformed-heading':
      return [{ title: { id: `Perbaiki judul menjadi "${replacement}"`, en: `Repair the heading to "${replacement}"` }, kind: 'quickfix', diagnostic, edits, isPreferred: true }];
    case 'dangling-reference':
      return [{ title: { id: `Ganti "${oneLine(written)}" dengan "${replacement}"`, en: `Replace "${oneLine(written)}" with "${replacement}"` }, kind: 'quickfix', diagnostic, edits, isPreferred: true }];
    case 'reference-style':
      return [{ title: { id: `Ganti "${written}" dengan "${replacement}"`, en: `Replace "${written}" with "${replacement}"` }, kind: 'quickfix', diagnostic, edits, isPreferred: true }];
    default:
      return [];
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}

function sameEdits(a: TextEdit[], b: TextEdit[]): boolean {
  return a.length === b.length && a.every((edit, i) => edit.range.start === b[i].range.start && edit.range.end === b[i].range.end && edit.newText === b[i].newText);
}

const KIND_WORDS: Record<string, string> = { pasal: 'Pasal', ayat: 'ayat', huruf: 'huruf', angka: 'angka', bab: 'BAB', bagian: 'Bagian', paragraf: 'Paragraf', buku: 'BUKU' };

function renumberTitle(unit: Unit): Message {
  const word = KIND_WORDS[unit.kind] ?? unit.kind;
  return { id: `Nomori ulang ${word} mulai dari sini dan perbarui rujukan`, en: `Renumber ${word} from here and update references` };
}

const FIX_ALL_TITLE: Message = { id: 'Perbaiki semua penomoran dan judul yang rusak', en: 'Fix all numbering and damaged headings' };

/**
 * Repairs every damaged heading and renumbers every group that has a numbering diagnostic, from its
 * first offending unit; references follow. The result never overlaps and applying it twice changes nothing more.
 */
export function fixAll(analysis: Analysis): TextEdit[] {
  const text = analysis.text;
  const regulation = analysis.regulation;
  // Renumber each group once, from its first offending unit.
  const starts = new Map<unknown, Unit>();
  for (const diagnostic of analysis.diagnostics) {
    if (!NUMBERING_CODES.has(diagnostic.code) || diagnostic.data.unitId === undefined) continue;
    const unit = regulation.units[diagnostic.data.unitId];
    const group = unit && groupOf(analysis, unit);
    if (!group) continue;
    const known = starts.get(group);
    if (!known || group.units.indexOf(unit) < group.units.indexOf(known)) starts.set(group, unit);
  }
  const changes: NumberChange[] = [];
  for (const unit of starts.values()) changes.push(...renumberPlan(analysis, unit.id));
  const renumbered = new Map(changes.map((change) => [change.unit.id, change.number]));
  // Damaged headings: the whole heading is rewritten, with the new number when the unit is renumbered too.
  const repairs: TextEdit[] = [];
  for (const diagnostic of analysis.diagnostics) {
    if (diagnostic.code !== 'malformed-heading' || diagnostic.data.replacement === undefined) continue;
    const unitId = diagnostic.data.unitId;
    const unit = unitId === undefined ? undefined : regulation.units[unitId];
    let replacement = diagnostic.data.replacement;
    const number = unit ? renumbered.get(unit.id) : undefined;
    if (unit && number !== undefined && unit.number !== undefined && replacement.endsWith(unit.number)) {
      replacement = replacement.slice(0, replacement.length - unit.number.length) + number;
    }
    repairs.push(...replaceEdit(text, diagnostic.range, replacement));
  }
  const renumberEdits = editsForNumberChanges(analysis, changes);
  // A repaired heading already carries its new number: drop the renumber edit inside it.
  const kept = renumberEdits.filter((edit) => !repairs.some((repair) => editsOverlap(repair, edit)));
  return sortEdits(mergeEdits(text, repairs, kept));
}
