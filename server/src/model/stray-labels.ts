// Ayat labels that pdftotext set before a Pasal's heading. In scraped ministerial texts it prints the label
// column of a page as a block ("(1)" / "(2)" / "(3)" / "Pasal 2" / the ayat's text): the parser reads those
// labels as the last ayat of the previous Pasal. The numbering checks and the resolution of "ayat (2)" read
// them as the Pasal's they stand before.

import { isBlank, isJsWhitespace } from '../syntax/text';
import { NO_UNITS, Regulation, textStart, Unit } from './regulation';

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
  return unit.children.length === 0 && isBlank(text, textStart(unit), unit.range.end);
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

/**
 * Whether ayat `value` of `pasal` may exist though the parser found no such ayat: in a layout-broken text, a Pasal
 * without ayat of its own that hold their text (their labels were lost, or set apart as a column and adopted)
 * whose text has at least `value` paragraphs (and two at least), its ayat unlabelled; or one with no ayat found at
 * all whose own text cites its ayat; or, below the first ayat label found, one with as many paragraphs before it.
 */
export function unlabelledAyat(regulation: Regulation, pasal: Unit, value: string): boolean {
  if (!regulation.layoutBroken || pasal.kind !== 'pasal' || pasal.quoted) return false;
  const text = regulation.text;
  const wanted = Number(value);
  if (!Number.isInteger(wanted) || wanted < 1) return false;
  // Below the first ayat label found ("(3)" after two unlabelled paragraphs: the page with "(1)" and "(2)" lost
  // them): as many paragraphs before it.
  const first = pasal.children.find((child) => child.kind === 'ayat');
  const firstNumber = first === undefined ? Number.NaN : Number(first.number);
  if (first !== undefined && wanted < firstNumber) return paragraphs(text, pasal.nameRange.end, first.range.start, wanted) >= wanted;
  if (pasal.children.some((child) => child.kind === 'ayat' && !isLabelAlone(text, child))) return false;
  // No ayat found at all, yet its own text cites one ("pada ayat (1)"): it has ayat, their labels lost.
  if (first === undefined && labelsBefore(regulation, pasal).length === 0 && citesOwnAyat(text, pasal.range.start, pasal.range.end)) return true;
  return paragraphs(text, pasal.nameRange.end, pasal.range.end, Math.max(2, wanted)) >= Math.max(2, wanted);
}

/** "… sebagaimana dimaksud pada ayat (2) …": the drafting rules' way to cite an ayat of the same Pasal. */
const OWN_AYAT_CITATION = /\bpada[ \t\r\n]+ayat[ \t\r\n]*\(/g;

/** OWN_AYAT_CITATION in [start, end), without a copy of the Pasal's text. */
function citesOwnAyat(text: string, start: number, end: number): boolean {
  OWN_AYAT_CITATION.lastIndex = start;
  const match = OWN_AYAT_CITATION.exec(text);
  return match !== null && match.index + match[0].length <= end;
}

/**
 * Paragraphs in [from, end), counted up to `enough`: the first line with text, and each line that opens with a
 * capital letter after a line that ends a sentence (".", ";" or ":"). List items open with a lowercase label or a
 * digit, label columns with "(": neither counts.
 */
function paragraphs(text: string, from: number, end: number, enough: number): number {
  let count = 0;
  let lastEnd = -1; // the last non-blank character before the line
  let at = text.indexOf('\n', from);
  if (at < 0 || at >= end) return 0;
  // The heading's line is not the Pasal's text.
  for (let lineStart = at + 1; lineStart < end && count < enough; lineStart = at + 1) {
    at = text.indexOf('\n', lineStart);
    if (at < 0 || at > end) at = end;
    let first = lineStart;
    while (first < at && isJsWhitespace(text.charCodeAt(first))) first++;
    if (first >= at) continue;
    let last = at - 1;
    while (last > first && isJsWhitespace(text.charCodeAt(last))) last--;
    const code = text.charCodeAt(first);
    const opensParagraph = code >= 65 && code <= 90 && (lastEnd < 0 || lastEnd === 46 || lastEnd === 59 || lastEnd === 58);
    if (opensParagraph) count++;
    lastEnd = text.charCodeAt(last);
  }
  return count;
}
