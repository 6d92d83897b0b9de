// Find references: every place that cites a unit. A chain cites each unit it names ("Pasal 5 ayat (2)"
// cites Pasal 5 with its "Pasal 5" segment and the ayat with the whole item); a "sampai dengan" range
// cites every unit between its ends. Relative forms ("pada ayat (1)") cite only the unit they name.

import { Analysis } from './analysis';
import { segmentTargets, unitsAt } from './definition';
import { Reference, TextRange, Unit } from '../model';

export interface Citation {
  readonly unit: Unit;
  /** The written item, the chain segment, or the whole "X sampai dengan Y" span. */
  readonly range: TextRange;
}

/** Cursor on a heading, a label or a reference → the ranges that cite that unit (and its name, if asked). */
export function referencesTo(analysis: Analysis, offset: number, includeDeclaration: boolean): TextRange[] {
  const units = unitsAt(analysis, offset);
  if (units.length === 0) return [];
  const out: TextRange[] = [];
  if (includeDeclaration) for (const unit of units) out.push(unit.nameRange);
  for (const citation of citationsOf(analysis, (unit) => units.includes(unit))) out.push(citation.range);
  return dedupe(out);
}

/** How many times each unit is cited, by unit id (units never cited are absent). */
export function citationCounts(analysis: Analysis): Map<number, number> {
  const counts = new Map<number, number>();
  eachCitation(analysis, () => true, (unit) => counts.set(unit.id, (counts.get(unit.id) ?? 0) + 1));
  return counts;
}

/** Every (unit, range) citation in the document, in text order. */
export function citations(analysis: Analysis): Citation[] {
  return citationsOf(analysis, () => true);
}

/**
 * The citations of the units `wanted` accepts, in text order. Asked before a citation is made, so a caller that
 * wants a few units (or a few citations of each) does not pay for all: a text of N ranges over N Pasal has N².
 */
export function citationsOf(analysis: Analysis, wanted: (unit: Unit) => boolean): Citation[] {
  const out: Citation[] = [];
  eachCitation(analysis, wanted, (unit, range) => out.push({ unit, range }));
  out.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  return out;
}

/** Calls `visit` for each citation of a unit `wanted` accepts, reference by reference. */
function eachCitation(analysis: Analysis, wanted: (unit: Unit) => boolean, visit: (unit: Unit, range: TextRange) => void): void {
  for (const reference of analysis.references) {
    // What the items name, which a range in the same reference does not cite again ("…, kecuali ayat (2)").
    const cited = reference.members.length > 0 ? new Set<Unit>() : undefined;
    for (const item of reference.items) {
      // The whole item cites its final targets; earlier written segments cite the units they name.
      const final = item.path[item.path.length - 1];
      const targets = item.status === 'resolved' || item.status === 'ambiguous' ? item.targets : segmentTargets(item, final);
      for (const target of targets) {
        cited?.add(target);
        if (wanted(target)) visit(target, item.range);
      }
      // (The last of the path is the item's; written last it is not in "ayat (2) Pasal 16".) Each unit once per item.
      let seen: Set<Unit> | undefined;
      for (const segment of item.written) {
        if (segment === final) continue;
        seen ??= new Set(targets);
        for (const unit of segmentTargets(item, segment)) {
          if (seen.has(unit)) continue;
          seen.add(unit);
          cited?.add(unit);
          if (wanted(unit)) visit(unit, segment.range);
        }
      }
    }
    for (const { units, from, to, kind } of reference.members) {
      for (let k = from; k < to; k++) {
        const unit = units[k];
        if (unit.kind !== kind || cited!.has(unit) || !wanted(unit)) continue;
        const span = rangeSpan(reference, unit);
        if (span) visit(unit, span);
      }
    }
  }
}

/** The "Pasal 5 sampai dengan Pasal 9" span (first end to second end) whose ends enclose `member`. */
function rangeSpan(reference: Reference, member: Unit): TextRange | undefined {
  const items = reference.items;
  for (let i = 0; i + 1 < items.length; i++) {
    const first = items[i];
    const last = items[i + 1];
    if (first.role !== 'range-start' || last.role !== 'range-end') continue;
    const from = first.targets[0];
    const to = last.targets[0];
    if (!from || !to) continue;
    if (from.range.start <= member.range.start && member.range.start <= to.range.start) return { start: first.range.start, end: last.range.end };
  }
  return undefined;
}

function dedupe(ranges: TextRange[]): TextRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
  return sorted.filter((range, index) => index === 0 || range.start !== sorted[index - 1].start || range.end !== sorted[index - 1].end);
}
