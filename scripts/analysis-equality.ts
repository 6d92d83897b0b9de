// What an analysis says, as plain data: two analyses say the same when these are deeply equal. Shared by the
// incremental tests and `npm run check:incremental` (incremental re-analysis must equal analyze()).

import { Analysis } from '../server/src/features/analysis';
import { membersOf, Unit } from '../server/src/model';

/** Everything an analysis says, as plain data with units named by id (objects compared by value). */
export function plain(analysis: Analysis): unknown {
  const { regulation } = analysis;
  const id = (unit: Unit | undefined): number | undefined => unit?.id;
  return {
    tree: JSON.stringify(regulation.parse.root),
    errors: regulation.parse.errors,
    units: regulation.units.map((unit) => ({
      id: unit.id, kind: unit.kind, number: unit.number, written: unit.writtenNumber, title: unit.title,
      range: [unit.range.start, unit.range.end], name: [unit.nameRange.start, unit.nameRange.end], num: [unit.numberRange.start, unit.numberRange.end],
      parent: id(unit.parent), children: unit.children.map(id), scope: unit.scope, quoted: unit.quoted, labelStyle: unit.labelStyle,
      damage: unit.damage, artefact: unit.artefact, unreliable: unit.unreliable,
    })),
    flags: [regulation.amending, regulation.amendsOthers, regulation.inlineRatio, regulation.layoutBroken, id(regulation.konsiderans), [...regulation.pasalIndex.keys()]],
    references: analysis.references.map((reference) => ({
      range: [reference.range.start, reference.range.end], context: id(reference.context), preposition: reference.preposition,
      prepositionRange: reference.prepositionRange && [reference.prepositionRange.start, reference.prepositionRange.end],
      members: membersOf(reference).map(id),
      items: reference.items.map((item) => ({
        path: item.path.map((segment) => [segment.kind, segment.value, segment.range.start, segment.range.end, segment.damagedFrom, segment.probable]),
        written: item.written.length, range: [item.range.start, item.range.end], role: item.role, status: item.status, targets: item.targets.map(id),
        failedAt: item.failedAt && [item.failedAt.kind, item.failedAt.range.start], resolvedPrefix: id(item.resolvedPrefix), weak: item.weak,
      })),
    })),
    diagnostics: analysis.diagnostics,
  };
}

