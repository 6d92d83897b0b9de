// Find references: every place that cites a unit. A chain cites each unit it names ("Pasal 5 ayat (2)"
// cites Pasal 5 with its "Pasal 5" segment and the ayat with the whole item); a "sampai dengan" range
// cites every unit between its ends. Relative forms ("pada ayat (1)") cite only the unit they name.

import { Analysis } from './analysis';
import { segmentTargets, unitsAt } from './definition';
import { membersOf, Reference, TextRange, Unit } from '../model';

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
  for (const citation of citations(analysis)) if (units.includes(citation.unit)) out.push(citation.range);
  return dedupe(out);
}

/** How many times each unit is cited, by unit id (units never cited are absent). */
export function citationCounts(analysis: Analysis): Map<number, number> {
  const counts = new Map<number, number>();
  for (const citation of citations(analysis)) counts.set(citation.unit.id, (counts.get(citation.unit.id) ?? 0) + 1);
  return counts;
}

/** Every (unit, range) citation in the document, in text order. */
export function citations(analysis: Analysis): Citation[] {
  const out: Citation[] = [];
  for (const reference of analysis.references) {
    const cited = new Set<Unit>();
    for (const item of reference.items) {
      const seen = new Set<Unit>();
      // The whole item cites its final targets; earlier written segments cite the units they name.
      for (const target of segmentTargets(item, item.path[item.path.length - 1])) {
        seen.add(target);
        out.push({ unit: target, range: item.range });
      }
      // (The last of the path is the item's; written last it is not in "ayat (2) Pasal 16".)
      const final = item.path[item.path.length - 1];
      for (const segment of item.written) {
        if (segment === final) continue;
        for (const unit of segmentTargets(item, segment)) {
          if (seen.has(unit)) continue;
          seen.add(unit);
          out.push({ unit, range: segment.range });
        }
      }
      for (const unit of seen) cited.add(unit);
    }
    // Units inside a range; one already named by an item ("…, kecuali ayat (2)") is not counted twice.
    for (const unit of membersOf(reference)) {
      if (cited.has(unit)) continue;
      const span = rangeSpan(reference, unit);
      if (span) out.push({ unit, range: span });
    }
  }
  out.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  return out;
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
