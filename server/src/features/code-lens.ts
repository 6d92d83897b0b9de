// Code lens: above every Pasal heading of the batang tubuh, how many times the Pasal is cited
// ("3 rujukan" / "3 references"). Quoted Pasal of an amendment and the Penjelasan get none.

import { Analysis } from './analysis';
import { citationCounts } from './find-references';
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

function title(count: number): Message {
  return { id: `${count} rujukan`, en: count === 1 ? '1 reference' : `${count} references` };
}
