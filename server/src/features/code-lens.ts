// Code lens: above every Pasal heading of the batang tubuh, how many times the Pasal is cited
// ("3 rujukan" / "3 references"). Quoted Pasal of an amendment and the Penjelasan get none.

import { Analysis } from './analysis';
import { citationCounts, citationsOf } from './find-references';
import { Locale, Message, pick } from './messages';
import { TextRange } from '../model';

export interface CodeLens {
  /** The Pasal heading ("Pasal 5"). */
  readonly range: TextRange;
  readonly unitId: number;
  readonly count: number;
  /** "3 rujukan" / "3 references": the server turns it into a command that lists them. */
  readonly title: string;
}

export function codeLenses(analysis: Analysis, locale: Locale): CodeLens[] {
  const counts = citationCounts(analysis);
  const out: CodeLens[] = [];
  for (const unit of analysis.regulation.units) {
    if (unit.kind !== 'pasal' || unit.scope !== 'main' || unit.quoted) continue;
    const count = counts.get(unit.id) ?? 0;
    out.push({ range: unit.nameRange, unitId: unit.id, count, title: pick(title(count), locale) });
  }
  return out;
}

/** At most this many places listed by one code lens. */
export const LENS_PLACES = 200;

/**
 * The places each lens lists ("show references"), by unit id: the first `limit` citing its Pasal, in text order
 * (its title keeps the count). A text of N Pasal each cited by N ranges would otherwise build N² places.
 */
export function lensPlaces(analysis: Analysis, lenses: readonly CodeLens[], limit = LENS_PLACES): Map<number, TextRange[]> {
  const lensUnits = new Set(lenses.map((lens) => lens.unitId));
  const taken = new Map<number, number>();
  const wanted = (unit: { id: number }): boolean => {
    const count = taken.get(unit.id) ?? 0;
    if (!lensUnits.has(unit.id) || count >= limit) return false;
    taken.set(unit.id, count + 1);
    return true;
  };
  const places = new Map<number, TextRange[]>();
  for (const citation of citationsOf(analysis, wanted)) {
    const list = places.get(citation.unit.id);
    if (list) list.push(citation.range);
    else places.set(citation.unit.id, [citation.range]);
  }
  return places;
}

function title(count: number): Message {
  return { id: `${count} rujukan`, en: count === 1 ? '1 reference' : `${count} references` };
}
