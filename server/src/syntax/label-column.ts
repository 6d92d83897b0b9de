// Label columns: pdftotext of a two-column page layout (the labels in a narrow left column, the text beside them)
// prints the page's labels as a block of their own, one per line, before the page's text, which then has none:
//
//   (4)            ← the labels of the page, in order
//   (5)
//   (1)
//   Berdasarkan tanda bukti …     ← the paragraphs they label, unlabelled
//   Besaran biaya pengganti …
//   Pasal 9
//   Atas barang kena cukai …
//
// Read line by line, the labels open empty units and the text hangs under the last: duplicates, gaps and dangling
// references everywhere (Permenkeu and Permenhub of 2025). Here the block is matched with the paragraphs that start
// on the page, when there are exactly as many as labels: Pasal by Pasal where the numbers run as they must, else in
// order where they are off in one place at most (a drafting slip, then reported); the parser checks that the first
// ones continue what is open. Otherwise the lines are read as before.

import { isSuccessor } from './numbering';
import { HeadingCandidate, LabelCandidate, PAGE_NUMBER, scanHeading, scanLabel } from './scanner';
import { isBlank, VisibleLine, visibleLine } from './text';

export interface ColumnPlan {
  /** The block's labels (offsets in the source), in order. */
  readonly labels: LabelCandidate[];
  /** Where the paragraph each label opens starts (its line's first visible character). */
  readonly starts: number[];
  /** A Pasal heading stands before the paragraph of each label, after the previous label's paragraph. */
  readonly afterPasal: boolean[];
  /** A column of one ayat label: the item of the open list printed after it, before the ayat's paragraph. */
  readonly listAfter?: LabelCandidate;
}

/** How far the page after a block is read (lines). A page has ~50; beyond this the layout is something else. */
const REGION_LINES = 160;

/** A line's visible text that is a label and nothing else ("(3)", "b.", "12."): what a label column is made of. */
export function labelAlone(body: string): LabelCandidate | undefined {
  if (body.length > 6) return undefined;
  const label = scanLabel(body, 0, false);
  if (label) return label.end === body.length ? label : undefined;
  // "( 1)": pdftotext spaced the column's label; read as "(1)", reported as damaged (spacedLabel).
  if (!SPACED_AYAT.test(body)) return undefined;
  const despaced = scanLabel(body.replace(/[ \t]/g, ''), 0, false);
  return despaced && { ...despaced, end: body.length };
}

/** An ayat label alone with spacing inside its parentheses: "( 1)", "(2 )". */
const SPACED_AYAT = /^\([ \t]{0,2}[0-9]{1,2}[a-z]?[ \t]{0,2}\)$/;

/** The label as written has spacing inside it ("( 1)"): what it should read, else undefined. */
export function spacedLabel(written: string): string | undefined {
  return /[ \t]/.test(written) && SPACED_AYAT.test(written) ? written.replace(/[ \t]/g, '') : undefined;
}

/** The line is a label and nothing else; offsets in the source. */
function bareLabel(source: string, line: VisibleLine): LabelCandidate | undefined {
  if (line.bodyEnd - line.bodyStart > 6) return undefined;
  const label = labelAlone(source.slice(line.bodyStart, line.bodyEnd));
  return label && { ...label, start: label.start + line.bodyStart, end: label.end + line.bodyStart };
}

/** The next non-blank line from `pos` is a label alone. `read.to` is moved past the lines read. */
function nextIsLabel(source: string, pos: number, read: ReadExtent): boolean {
  while (pos < source.length) {
    const line = visibleLine(source, pos);
    read.to = Math.max(read.to, line.next);
    if (line.bodyStart < line.bodyEnd) return bareLabel(source, line) !== undefined;
    pos = line.next;
  }
  return false;
}

/** "- 12 -", or a page number run into what follows ("- 11 b.", "-7(5)"): a page ends or starts here. */
function pageLine(source: string, line: VisibleLine): boolean {
  if (source.charCodeAt(line.bodyStart) !== 45 /* - */) return source.charCodeAt(line.start) === 12 /* form feed */;
  return PAGE_NUMBER.test(source.slice(line.start, line.bodyEnd)) || /^-[ \t]*[0-9]{1,4}(?![0-9])/.test(source.slice(line.bodyStart, line.bodyEnd));
}

/** A line that cites a unit whose number is on the next line ("… dimaksud pada ayat" / "(1) dalam …"). */
function endsWithUnitWord(text: string): boolean {
  return /(?:^|[^A-Za-z])(?:Pasal|ayat|huruf|angka)$/.test(text);
}

/** The previous line ended a sentence or a list item: the next line opens a paragraph. */
function endsParagraph(text: string): boolean {
  return /[.;:]$/.test(text) || /;[ \t]*(?:dan|atau|dan\/atau)$/.test(text);
}

const CONNECTOR_LINE = /^(?:dan|atau|dan\/atau|serta)$/;

function isBreak(code: number): boolean {
  return code === 10 || code === 13;
}

/**
 * The text the column's first paragraph follows: the last non-blank line before it (page numbers skipped), with the
 * line before that when it is a connector alone ("…;" / "atau": the list item ended).
 */
function textBefore(source: string, lineStart: number): string {
  let last: string | undefined;
  let end = lineStart;
  while (end > 0) {
    // The start of the line before `end` (its break skipped, CRLF as one); of `end`'s own line when `end` is inside
    // one (after a page number run into the column's first label).
    let start = end - 1;
    if (start > 0 && source.charCodeAt(start) === 10 && source.charCodeAt(start - 1) === 13) start--;
    while (start > 0 && !isBreak(source.charCodeAt(start - 1))) start--;
    const line = visibleLine(source, start);
    end = start;
    if (line.bodyStart >= line.bodyEnd || pageLine(source, line)) continue;
    const body = source.slice(line.bodyStart, line.bodyEnd);
    if (last === undefined && CONNECTOR_LINE.test(body)) {
      last = body;
      continue;
    }
    return last === undefined ? body : `${body} ${last}`;
  }
  return last ?? '';
}

/** How far a reading went: the offset after the last line it looked at. */
export interface ReadExtent {
  to: number;
}

/**
 * The plan for a label column whose first label starts at `lineStart` (its line's first visible character), or
 * undefined when there is no column here or its labels cannot be matched with the paragraphs after it. The plan
 * reads up to a page ahead (REGION_LINES), further than a re-parse looks back (syntax/reparse.ts): `read.to` is set
 * to where it stopped, whatever it found, so that the parser keeps no checkpoint before that (an edit there must
 * be re-parsed from before the column's first label).
 */
export function columnPlan(source: string, lineStart: number, read: ReadExtent = { to: 0 }): ColumnPlan | undefined {
  read.to = lineStart;
  const before = textBefore(source, lineStart);
  if (endsWithUnitWord(before)) return undefined;
  // The block: label lines, blank lines between them.
  const labels: LabelCandidate[] = [];
  let pos = lineStart;
  while (pos < source.length) {
    const line = visibleLine(source, pos);
    read.to = line.next;
    if (line.bodyStart < line.bodyEnd) {
      const label = bareLabel(source, line);
      if (!label) break;
      labels.push(label);
    }
    pos = line.next;
  }
  // One label alone: only where the open list goes on after it before its paragraph ("(16)" / "b. …" / "Dalam hal …").
  let listAfter: LabelCandidate | undefined;
  if (labels.length === 1) {
    listAfter = listItemAt(source, pos);
    read.to = Math.max(read.to, visibleLine(source, pos).next);
    if (!listAfter || labels[0].kind !== 'ayat') return undefined;
  }
  if (labels.length === 0) return undefined;
  // The page after it: the paragraphs that start there, up to the page's end or the next label line.
  // The paragraphs that start, by Pasal: [0] before any Pasal heading of the page, then one list per heading.
  const segments: number[][] = [[]];
  // Right after a Pasal heading ("Pasal4" / "(1)" / "(2)" / text): the first line of text opens a paragraph.
  let previous: string | undefined = headingAlone(before) ? undefined : before;
  let inTitle = false;
  let labelledNext = false;
  // The list item being read is its list's last ("…; dan/atau" / "e. …"): a lowercase line after it goes on with
  // the unit the list is in ("…; sebagaimana diatur dalam …"), it opens no paragraph.
  let lastItem = false;
  for (let lines = 0; pos < source.length; lines++) {
    if (lines > REGION_LINES) return undefined;
    const line = visibleLine(source, pos);
    pos = line.next;
    read.to = Math.max(read.to, pos);
    if (isBlank(source, line.bodyStart, line.bodyEnd)) continue;
    if (pageLine(source, line)) break;
    const body = source.slice(line.bodyStart, line.bodyEnd);
    // "… dimaksud pada ayat" / "(1) dalam …": a citation wrapped, not a label.
    const label = previous !== undefined && endsWithUnitWord(previous) ? undefined : scanLabel(body, 0, false);
    if (label) {
      if (label.kind !== 'ayat') lastItem = previous !== undefined && /;[ \t]*(?:dan|atau|dan\/atau)$/.test(previous);
      if (label.end === body.length) {
        // Another column starts here (two label lines), or a label stands alone before its text ("f." / "uji …"):
        // that text is labelled (an ayat so printed is another layout than a column).
        if (label.kind === 'ayat' || nextIsLabel(source, pos, read)) break;
        labelledNext = true;
        continue;
      }
      // An ayat labelled in the text: not the layout of a column.
      if (label.kind === 'ayat') return undefined;
      previous = body;
      continue;
    }
    const heading = headingAlone(body);
    if (heading) {
      if (heading.kind === 'pasal') segments.push([]);
      inTitle = heading.kind !== 'pasal';
      previous = undefined;
      continue;
    }
    if (inTitle) continue;
    if (CONNECTOR_LINE.test(body)) {
      previous = `${previous ?? ''} ${body}`;
      continue;
    }
    if (labelledNext) {
      labelledNext = false;
    } else if (previous === undefined || endsParagraph(previous)) {
      const lowercase = source.charCodeAt(line.bodyStart) >= 97 && source.charCodeAt(line.bodyStart) <= 122;
      if (!(lastItem && lowercase)) segments[segments.length - 1].push(line.bodyStart);
      lastItem = false;
    }
    previous = body;
  }
  const plan = align(labels, segments) ?? inOrder(labels, segments);
  return plan && listAfter ? { ...plan, listAfter } : plan;
}

/** The list item ("b. tanggal …", "3) …") whose line starts at `pos`, its text on the same line. */
function listItemAt(source: string, pos: number): LabelCandidate | undefined {
  const line = visibleLine(source, pos);
  const body = source.slice(line.bodyStart, line.bodyEnd);
  const label = scanLabel(body, 0, false);
  return label && label.kind !== 'ayat' && label.end < body.length ? { ...label, start: label.start + line.bodyStart, end: label.end + line.bodyStart } : undefined;
}

/** A heading alone on its line, damaged too ("Pasal38", "asal 18"): the parser reads those as headings. */
function headingAlone(body: string): HeadingCandidate | undefined {
  const heading = scanHeading(body, 0);
  return heading && heading.number !== undefined && isBlank(body, heading.numberEnd, body.length) ? heading : undefined;
}

/**
 * As many labels as paragraphs, but not in runs that fit the Pasal headings: each label to the next paragraph,
 * when the numbers so read are off in one place at most. A drafting slip in a column (a label twice, a heading
 * lost) is then reported where it is, by the numbering checks, instead of turning the page back into empty units
 * and stray text; two or more places off, the layout is something else.
 */
function inOrder(labels: LabelCandidate[], segments: number[][]): ColumnPlan | undefined {
  const starts: number[] = [];
  const afterPasal: boolean[] = [];
  for (let j = 0; j < segments.length; j++) {
    const segment = segments[j];
    // A Pasal of one paragraph has no label, unless the next label is a "(1)".
    const next = labels[starts.length];
    if (j > 0 && segment.length === 1 && !(next && next.kind === 'ayat' && next.number.base === 1)) continue;
    segment.forEach((start, i) => {
      starts.push(start);
      afterPasal.push(j > 0 && i === 0);
    });
  }
  if (starts.length !== labels.length) return undefined;
  let off = 0;
  // The numbers the next ayat label may carry: after a slip, either the one its place or the one its label says.
  let expected: number[] | undefined;
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    const prior = i > 0 ? labels[i - 1] : undefined;
    if (label.kind !== 'ayat') {
      // The rest of a list from the page before: first, in sequence, before a heading.
      if (afterPasal[i] || (prior && !continuesList(prior, label))) return undefined;
      continue;
    }
    const base = label.number.base;
    // Right after a heading only "(1)": a Pasal's first paragraph never carries another (the labels went astray).
    if (afterPasal[i] && (base !== 1 || label.number.suffix !== '')) return undefined;
    if (expected === undefined || afterPasal[i] || expected.includes(base)) {
      expected = [base + 1];
    } else {
      // A restart where no heading stands (one lost), a number repeated or skipped: read on from either.
      off++;
      expected = [expected[0] + 1, base + 1];
    }
  }
  return off <= 1 ? { labels, starts, afterPasal } : undefined;
}

/**
 * Labels to paragraphs, Pasal by Pasal. The labels fall in runs: those that go on with what is open (a list's
 * rest, the next ayat), then one run per Pasal from "(1)". The paragraphs before the page's first Pasal heading
 * take the first run; after each heading, a Pasal of one paragraph has no label (UU 12/2011: an ayat is only
 * numbered among several), one of k paragraphs takes a run of k. Anything else: no plan.
 */
function align(labels: LabelCandidate[], segments: number[][]): ColumnPlan | undefined {
  const runs: LabelCandidate[][] = [];
  for (const label of labels) {
    if (opensPasal(label) || runs.length === 0) runs.push([label]);
    else runs[runs.length - 1].push(label);
  }
  // Within a run: list labels first (one list, in sequence), then ayat in sequence.
  for (const run of runs) {
    for (let i = 1; i < run.length; i++) {
      const prior = run[i - 1];
      const label = run[i];
      if (label.kind === 'ayat' ? prior.kind === 'ayat' && !isSuccessor(prior.number, label.number) : !continuesList(prior, label)) return undefined;
    }
  }
  const starts: number[] = [];
  const afterPasal: boolean[] = [];
  let run = 0;
  const take = (segment: number[], after: boolean): boolean => {
    if (run >= runs.length || runs[run].length !== segment.length) return false;
    starts.push(...segment);
    for (let i = 0; i < segment.length; i++) afterPasal.push(after && i === 0);
    run++;
    return true;
  };
  // Before the first heading: the run that goes on with what is open (or, with "(1)", the Pasal open above).
  if (segments[0].length > 0 && !take(segments[0], false)) return undefined;
  const first = runs[0][0];
  if (segments[0].length === 0 && !opensPasal(first)) return undefined;
  for (let j = 1; j < segments.length; j++) {
    const segment = segments[j];
    // Every run placed: the page's later Pasal are read as written (their labels, if any, stand in their text).
    if (segment.length === 0 || run === runs.length) continue;
    if (run < runs.length && runs[run].length === segment.length && opensPasal(runs[run][0])) {
      take(segment, true);
    } else if (segment.length !== 1) {
      return undefined;
    }
  }
  if (run !== runs.length) return undefined;
  return { labels, starts, afterPasal };
}

/** "(1)": the first ayat of a Pasal. */
function opensPasal(label: LabelCandidate): boolean {
  return label.kind === 'ayat' && label.number.base === 1 && label.number.suffix === '';
}

/** `label` is the next item of the list `prior` belongs to (same kind and style, the next number). */
function continuesList(prior: LabelCandidate, label: LabelCandidate): boolean {
  return prior.kind === label.kind && prior.style === label.style && isSuccessor(prior.number, label.number);
}
