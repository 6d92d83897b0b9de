// Moving a regulation to the text after an edit that left its structure alone (syntax/reparse.ts proved
// that): every unit keeps its identity, number and place in the tree; only offsets move. Units are
// shifted in place because references and indexes hold them.

import { headingOf, ParseResult, SyntaxNode } from '../syntax';
import { Reference } from './references';
import { carryNumberingGroups } from './numbering-groups';
import { headingTitle, Regulation, TextRange, Unit } from './regulation';

type Shift = (offset: number) => number;

/** The regulation of the edited text. `regulation` is consumed: its units now belong to the result. */
export function shiftRegulation(regulation: Regulation, text: string, parse: ParseResult, shift: Shift, editStart = 0, retitled?: SyntaxNode): Regulation {
  for (const unit of regulation.units) {
    // The edit changed this unit's heading title (the structure is the same): read the title again.
    if (retitled && unit.node === retitled) (unit as { title: string | undefined }).title = headingTitle(text, headingOf(unit.node)!);
    // A unit that ends before the edit does not move (nor do its name and number, inside it).
    if (unit.range.end < editStart) continue;
    const mutable = unit as { -readonly [K in keyof Unit]: Unit[K] };
    mutable.range = shiftRange(unit.range, shift);
    mutable.nameRange = shiftRange(unit.nameRange, shift);
    mutable.numberRange = shiftRange(unit.numberRange, shift);
  }
  const moved = { ...regulation, text, parse };
  carryNumberingGroups(regulation, moved);
  return moved;
}

/**
 * References of the old text moved to the new one (objects shared between a reference and its items are
 * moved once). Only for references outside the edited window: the caller finds the ones inside again.
 */
export function shiftReferences(references: readonly Reference[], shift: Shift): void {
  // Ranges are shared only inside one reference (its single item, inherited segments): a short list suffices.
  // It is reused, with its own count: emptying an array by `length = 0` frees its backing store, and every
  // reference would then allocate a new one (~0.4 MB per keystroke in UU 11/2020).
  const moved: TextRange[] = [];
  let count = 0;
  const move = (range: TextRange | undefined): void => {
    if (!range) return;
    for (let i = 0; i < count; i++) if (moved[i] === range) return;
    moved[count++] = range;
    const mutable = range as { start: number; end: number };
    mutable.start = shift(range.start);
    mutable.end = shift(range.end);
  };
  for (let r = 0; r < references.length; r++) {
    const reference = references[r];
    count = 0;
    move(reference.range);
    move(reference.prepositionRange);
    for (const item of reference.items) {
      move(item.range);
      for (const segment of item.path) move(segment.range);
      for (const segment of item.written) move(segment.range);
    }
  }
}

function shiftRange(range: TextRange, shift: Shift): TextRange {
  return { start: shift(range.start), end: shift(range.end) };
}
