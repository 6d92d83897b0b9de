// Moving a regulation to the text after an edit that left its structure alone (syntax/reparse.ts proved
// that): every unit keeps its identity, number and place in the tree; only offsets move. Units are
// shifted in place because references and indexes hold them.

import { headingOf, ParseResult, Shift, SyntaxNode } from '../syntax';
import { carryContextKinds, Reference } from './references';
import { carryNumberingGroups } from './numbering-groups';
import { headingTitle, Regulation, shiftUnit, TextRange } from './regulation';

/** The regulation of the edited text. `regulation` is consumed: its units now belong to the result. */
export function shiftRegulation(regulation: Regulation, text: string, parse: ParseResult, shift: Shift, editStart = 0, retitled?: SyntaxNode): Regulation {
  const units = regulation.units;
  for (let i = 0; i < units.length; i++) {
    const unit = units[i];
    // The edit changed this unit's heading title (the structure is the same): read the title again.
    if (retitled && unit.node === retitled) (unit as { title: string | undefined }).title = headingTitle(text, headingOf(unit.node)!);
    // A unit that ends before the edit does not move (nor do its name and number, inside it).
    shiftUnit(unit, editStart, shift);
  }
  // Written out field by field, in buildRegulation's order: an object spread gave each version its own
  // hidden class, and every keystroke then threw this function out of optimised code (node --trace-deopt).
  const moved: Regulation = {
    text, parse, roots: regulation.roots, units, pasalIndex: regulation.pasalIndex, konsiderans: regulation.konsiderans,
    amending: regulation.amending, amendsOthers: regulation.amendsOthers, inlineRatio: regulation.inlineRatio, layoutBroken: regulation.layoutBroken,
  };
  carryNumberingGroups(regulation, moved);
  carryContextKinds(regulation, moved);
  return moved;
}

/**
 * References of the old text moved to the new one (objects shared between a reference and its items are
 * moved once). Only for references outside the edited window: the caller finds the ones inside again.
 */
export function shiftReferences(references: readonly Reference[], shift: Shift, from = 0): void {
  // Ranges are shared only inside one reference (its single item, inherited segments): a short list suffices.
  // It is reused, with its own count: emptying an array by `length = 0` frees its backing store, and every
  // reference would then allocate a new one (~0.4 MB per keystroke in UU 11/2020).
  const moved: TextRange[] = [];
  for (let r = from; r < references.length; r++) {
    const reference = references[r];
    let count = moveOnce(reference.range, moved, 0, shift);
    count = moveOnce(reference.prepositionRange, moved, count, shift);
    const items = reference.items;
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      count = moveOnce(item.range, moved, count, shift);
      for (let j = 0; j < item.path.length; j++) count = moveOnce(item.path[j].range, moved, count, shift);
      for (let j = 0; j < item.written.length; j++) count = moveOnce(item.written[j].range, moved, count, shift);
    }
  }
}

/** Moves `range` unless it is among the first `count` of `moved` (then it has moved already); returns the new count. */
function moveOnce(range: TextRange | undefined, moved: TextRange[], count: number, shift: Shift): number {
  if (!range) return count;
  for (let i = 0; i < count; i++) if (moved[i] === range) return count;
  moved[count] = range;
  const mutable = range as { start: number; end: number };
  mutable.start = shift(range.start);
  mutable.end = shift(range.end);
  return count + 1;
}
