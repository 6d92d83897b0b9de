// Go to definition: from a cross-reference under the cursor to the unit it cites. Every segment of a
// chain is its own link ("Pasal 2" → Pasal 2, "ayat (1)" → Pasal 2 ayat (1)); list and range items each
// go to their own target; an ambiguous reference offers every candidate; dangling, external and
// unchecked ones offer nothing. Also home of the "what is under the cursor" helpers other features share.

import { firstWhere } from '../syntax';
import { Analysis } from './analysis';
import { adoptedLabel, ownCandidates, RefItem, Reference, RefKind, RefSegment, TextRange, Unit, unitAt } from '../model';

export interface LocationLink {
  /** The clicked segment ("ayat (1)") or item. */
  originRange: TextRange;
  /** The whole cited unit. */
  targetRange: TextRange;
  /** Its heading or label ("Pasal 5", "(1)"). */
  targetSelectionRange: TextRange;
}

export function definition(analysis: Analysis, offset: number): LocationLink[] {
  const hit = referenceAt(analysis, offset);
  if (!hit) return [];
  return definitionTargets(analysis, hit).map((unit) => ({
    originRange: hit.segment.range,
    targetRange: unit.range,
    targetSelectionRange: unit.nameRange,
  }));
}

/**
 * What a definition offers: the segment's targets, except that in a text whose label columns pdftotext set apart
 * (model/stray-labels.ts) an ayat the Pasal adopted from before its heading is found, and labels the next Pasal
 * adopts are no candidates.
 */
function definitionTargets(analysis: Analysis, hit: ReferenceHit): readonly Unit[] {
  const regulation = analysis.regulation;
  const { item, segment } = hit;
  const targets = segmentTargets(item, segment);
  if (targets.length > 1) return ownCandidates(regulation, targets);
  if (targets.length === 0 && item.status === 'dangling' && item.failedAt === segment && segment.kind === 'ayat' && item.resolvedPrefix?.kind === 'pasal') {
    const adopted = adoptedLabel(regulation, item.resolvedPrefix, segment.value);
    if (adopted) return [adopted];
  }
  return targets;
}

// ---- shared: what is under the cursor ---------------------------------------------------------

export interface ReferenceHit {
  readonly reference: Reference;
  readonly item: RefItem;
  /** The written segment under the cursor. */
  readonly segment: RefSegment;
}

/**
 * The reference segment under the cursor. A cursor just after a segment ("Pasal 5|") still counts,
 * but a segment that starts at the cursor wins over one that ends there.
 */
export function referenceAt(analysis: Analysis, offset: number): ReferenceHit | undefined {
  const references = analysis.references;
  // References are sorted by start: skip those that start after the cursor.
  let high = references.length - 1;
  let low = 0;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (references[mid].range.start <= offset) low = mid + 1;
    else high = mid - 1;
  }
  let touching: ReferenceHit | undefined;
  // References do not overlap: only the last one starting at or before the cursor (or the one before it,
  // ending exactly at the cursor) can be under it.
  for (let i = high; i >= 0 && i >= high - 1; i--) {
    const reference = references[i];
    if (offset > reference.range.end) continue;
    for (const item of reference.items) {
      for (const segment of item.written) {
        if (segment.range.start <= offset && offset < segment.range.end) return { reference, item, segment };
        if (offset === segment.range.end && !touching) touching = { reference, item, segment };
      }
    }
  }
  return touching;
}

/** The units a written segment denotes: the item's targets for its last segment, their ancestors for a prefix. */
export function segmentTargets(item: RefItem, segment: RefSegment): Unit[] {
  const index = item.path.indexOf(segment);
  if (index < 0) return [];
  const last = index === item.path.length - 1;
  if (item.status === 'resolved' || item.status === 'ambiguous') {
    if (last) return [...item.targets];
    return unique(item.targets.map((target) => ancestorOfKind(target, segment.kind)));
  }
  if (item.status === 'dangling' && item.resolvedPrefix && item.failedAt) {
    // "Pasal 2 ayat (9)": Pasal 2 exists even though its ayat (9) does not.
    const failedIndex = item.path.indexOf(item.failedAt);
    if (failedIndex >= 0 && index < failedIndex) return unique([ancestorOfKind(item.resolvedPrefix, segment.kind)]);
  }
  return [];
}

/** The unit whose heading or label ("Pasal 5", "(2)", "b.") is under the cursor, innermost first. */
export function unitNamedAt(analysis: Analysis, offset: number): Unit | undefined {
  for (let unit = unitAt(analysis.regulation, offset); unit; unit = unit.parent) {
    const name = unit.nameRange;
    if (name.end > name.start && name.start <= offset && offset <= name.end && unit.number !== undefined) return unit;
  }
  return unitOfColumnLabelAt(analysis, offset);
}

/** Units a label column names stand after their labels: the next few units, looked at from the first after `offset`. */
const COLUMN_REACH = 64;

/** The unit whose label, in a label column (syntax/label-column.ts), is at `offset`. */
function unitOfColumnLabelAt(analysis: Analysis, offset: number): Unit | undefined {
  const units = analysis.regulation.units;
  const first = firstWhere(units.length, (i) => units[i].range.start > offset);
  for (let i = first; i < units.length && i < first + COLUMN_REACH; i++) {
    const unit = units[i];
    const number = unit.numberRange;
    if (unit.node.info.columnLabel !== undefined && number.start <= offset && offset <= number.end) return unit;
  }
  return undefined;
}

/** The units the cursor points at: the target of a reference, or the unit whose heading it is on. */
export function unitsAt(analysis: Analysis, offset: number): Unit[] {
  const hit = referenceAt(analysis, offset);
  if (hit) return segmentTargets(hit.item, hit.segment);
  const named = unitNamedAt(analysis, offset);
  return named ? [named] : [];
}

function ancestorOfKind(unit: Unit, kind: RefKind): Unit | undefined {
  for (let current: Unit | undefined = unit; current; current = current.parent) if (current.kind === kind) return current;
  return undefined;
}

/** The units, each once, in order (a Set: an ambiguous item may have thousands of targets). */
function unique(units: (Unit | undefined)[]): Unit[] {
  const seen = new Set<Unit>();
  for (const unit of units) if (unit) seen.add(unit);
  return [...seen];
}
