// Ayat labels that pdftotext set before a Pasal's heading. In scraped ministerial texts it prints the label
// column of a page as a block ("(1)" / "(2)" / "(3)" / "Pasal 2" / the ayat's text): the parser reads those
// labels as the last ayat of the previous Pasal. The numbering checks and the resolution of "ayat (2)" read
// them as the Pasal's they stand before.

import { isBlank } from '../syntax/text';
import { NO_UNITS, Regulation, Unit } from './regulation';

/** How far back a run of labels is looked for. */
const MAX_RUN = 40;

/**
 * The labels `pasal` adopts, in text order: a run of ayat labels right before its heading, in a text whose layout
 * is broken, where the Pasal's own ayat show the same breakage (it has none, or one of them is a label alone: the
 * rest of the column after a page break) or go on from the run (its first own ayat numbered above the run's last).
 * The run holds at least one label alone; the label nearest the heading may hold text, a list too (what pdftotext
 * printed after the column: the previous Pasal's tail). It starts at its "(1)"
 * (labels before that are the previous Pasal's; a "(1)" nearest the heading may be set a line off), and a run
 * without one is the previous Pasal's own column.
 * Reads the regulation as it is (units in document order, their ids their indices).
 */
export function labelsBefore(regulation: Regulation, pasal: Unit): readonly Unit[] {
  // Only in the body: a Penjelasan writes "Ayat (1) Ayat (2) Cukup jelas." on purpose, and its labels are no column.
  if (pasal.kind !== 'pasal' || !regulation.layoutBroken || pasal.quoted || pasal.scope !== 'main') return NO_UNITS;
  const units = regulation.units;
  if (units[pasal.id] !== pasal) return NO_UNITS;
  const text = regulation.text;
  let ownAyat = false;
  let ownFirst: Unit | undefined;
  for (const child of pasal.children) {
    if (child.kind !== 'ayat') continue;
    ownFirst ??= child;
    if (isLabelAlone(text, child)) {
      ownAyat = false;
      break;
    }
    ownAyat = true;
  }
  // The label nearest the heading, above its own list when it holds one (the units just before are its huruf).
  let nearest = units[pasal.id - 1] as Unit | undefined;
  while (nearest && (nearest.kind === 'huruf' || nearest.kind === 'angka')) nearest = nearest.parent;
  if (!nearest || nearest.kind !== 'ayat' || pasal.id - nearest.id > MAX_RUN) return NO_UNITS;
  let first = pasal.id;
  let alone = false;
  for (let i = nearest.id; i >= 0 && pasal.id - i <= MAX_RUN; i--) {
    const unit = units[i];
    if (unit.kind !== 'ayat' || unit.quoted || unit.number === undefined) break;
    if (isLabelAlone(text, unit)) alone = true;
    else if (i !== nearest.id) break;
    first = i;
    if (unit.number === '1' && i !== nearest.id) break;
  }
  // A "(1)" nearest the heading that took the previous Pasal's tail, before own ayat that go on from it ("(2)" /
  // "(1) … tail …" / "Pasal 14" / its text / "(2)" …): the labels before it are the previous Pasal's.
  const goesOn = ownFirst !== undefined && ownFirst.number !== undefined && Number(ownFirst.number) === Number(nearest.number) + 1;
  if (nearest.number === '1' && goesOn && !isLabelAlone(text, nearest) && (first === pasal.id || units[first].number !== '1')) return units.slice(nearest.id, nearest.id + 1);
  // A run that does not start at a "(1)" is the previous Pasal's own labels (set after a page break), not this one's.
  if (!alone || first === pasal.id || units[first].number !== '1') return NO_UNITS;
  // Own ayat that all hold their text: the run is this Pasal's only when they go on from it ("(1) (2) (3)" before
  // the heading, "(4) …" after it; numbered above the run's last, so that a slip in the run is still reported).
  if (ownAyat && !(ownFirst !== undefined && Number(ownFirst.number) > Number(nearest.number))) return NO_UNITS;
  return units.slice(first, nearest.id + 1);
}

/** A label without children or text of its own. */
export function isLabelAlone(text: string, unit: Unit): boolean {
  return unit.children.length === 0 && isBlank(text, unit.numberRange.end, unit.range.end);
}

/** How far after a label its adopting Pasal may stand (labelsBefore looks MAX_RUN units back). */
const ADOPTION_REACH = MAX_RUN;

/** An ayat label alone that the next Pasal of the body adopts (labelsBefore). */
export function adoptedByNext(regulation: Regulation, label: Unit): boolean {
  if (label.kind !== 'ayat' || !regulation.layoutBroken || !isLabelAlone(regulation.text, label)) return false;
  const units = regulation.units;
  for (let i = label.id + 1; i < units.length && i - label.id <= ADOPTION_REACH; i++) {
    const unit = units[i];
    if (unit.kind === 'pasal') return unit.scope === 'main' && labelsBefore(regulation, unit).includes(label);
  }
  return false;
}

/**
 * The units a citation may mean, less the labels the next Pasal adopts (pdftotext set them before its heading,
 * the parser made them this Pasal's last ayat); all of them when that would leave none.
 */
export function ownCandidates(regulation: Regulation, targets: readonly Unit[]): readonly Unit[] {
  if (!regulation.layoutBroken || targets.length < 2) return targets;
  const own = targets.filter((target) => !adoptedByNext(regulation, target));
  return own.length > 0 ? own : targets;
}

/** The label numbered `value` among those `pasal` adopts. */
export function adoptedLabel(regulation: Regulation, pasal: Unit, value: string): Unit | undefined {
  return labelsBefore(regulation, pasal).find((label) => label.number === value);
}
