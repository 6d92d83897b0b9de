// Which units are numbered together: Pasal run through a whole scope, BAB restart per BUKU,
// Bagian per BAB, Paragraf per Bagian, ayat per Pasal, list items per parent and label style.
// Quoted amendment text is never checked: its numbers belong to the amended regulation.

import { LAMPIRAN_HEADING, SyntaxNode } from '../syntax';
import { Regulation, rootOf, Unit, UnitKind } from './regulation';
import { labelsBefore } from './stray-labels';

export interface NumberingGroup {
  readonly kind: UnitKind;
  /** The unit whose children are numbered (undefined for scope-wide Pasal and BAB runs). */
  readonly container: Unit | undefined;
  readonly scope: string;
  readonly units: Unit[];
}

const LIST_KINDS = new Set<UnitKind>(['ayat', 'huruf', 'angka']);

/** Groups depend on the structure alone: computed once per regulation, and carried over by shiftRegulation. */
const memo = new WeakMap<Regulation, readonly NumberingGroup[]>();

export function numberingGroups(regulation: Regulation): readonly NumberingGroup[] {
  let groups = memo.get(regulation);
  if (!groups) {
    groups = computeGroups(regulation);
    memo.set(regulation, groups);
  }
  return groups;
}

/** `to` is `from` moved over an edit that left the structure alone (model/shift.ts): the same groups. */
export function carryNumberingGroups(from: Regulation, to: Regulation): void {
  const groups = memo.get(from);
  if (groups) memo.set(to, groups);
}

function computeGroups(regulation: Regulation): NumberingGroup[] {
  const groups: NumberingGroup[] = [];
  const scopeRuns = new Map<string, NumberingGroup>();
  const run = (kind: UnitKind, key: string, scope: string): NumberingGroup => {
    let group = scopeRuns.get(key);
    if (!group) {
      group = { kind, container: undefined, scope, units: [] };
      scopeRuns.set(key, group);
      groups.push(group);
    }
    return group;
  };
  const lampiranKeys = lampiranKeysOf(regulation);
  for (const unit of regulation.units) {
    if (unit.quoted || unit.parsed === undefined) continue;
    if (unit.scope !== 'main' && unit.scope !== 'penjelasan' && unit.scope !== 'lampiran' && unit.scope !== 'pembukaan') continue;
    // The Penjelasan of an amending law is keyed by the amending structure, not by one Pasal run.
    if (unit.scope === 'penjelasan' && regulation.amendsOthers) continue;
    // Each Lampiran (I, II, …) is a document of its own: its BAB I and Pasal 1 start again.
    const scopeKey = unit.scope === 'lampiran' && lampiranKeys ? `lampiran ${lampiranKeys.get(rootOf(unit)) ?? ''}` : unit.scope;
    switch (unit.kind) {
      case 'pasal':
        run('pasal', `pasal|${scopeKey}`, unit.scope).units.push(unit);
        break;
      case 'buku':
        run('buku', `buku|${scopeKey}`, unit.scope).units.push(unit);
        break;
      case 'bab': {
        const buku = enclosing(unit, 'buku');
        run('bab', `bab|${scopeKey}|${buku?.id ?? ''}`, unit.scope).units.push(unit);
        break;
      }
      case 'bagian': {
        const bab = enclosing(unit, 'bab');
        run('bagian', `bagian|${unit.scope}|${bab?.id ?? ''}`, unit.scope).units.push(unit);
        break;
      }
      case 'paragraf': {
        const bagian = enclosing(unit, 'bagian');
        run('paragraf', `paragraf|${unit.scope}|${bagian?.id ?? ''}`, unit.scope).units.push(unit);
        break;
      }
      default:
        break;
    }
  }
  // Layout-broken texts: ayat labels set before a Pasal's heading are numbered with its ayat, not the previous one's.
  const adopted = adoptedRuns(regulation);
  // Lists: direct children of one unit, per kind and label style.
  for (const parent of regulation.units) {
    if (parent.quoted) continue;
    if (parent.scope !== 'main' && parent.scope !== 'penjelasan' && parent.scope !== 'pembukaan') continue;
    if (parent.scope === 'penjelasan' && regulation.amendsOthers) continue;
    // Most units have no list children (leaves, or headings only): no map for them.
    let byStyle: Map<string, Unit[]> | undefined;
    const run = adopted?.runs.get(parent);
    if (run) byStyle = new Map([['ayat|', run.filter((unit) => unit.parsed !== undefined)]]);
    const subsections = parent.kind === 'penjelasan-umum' ? subsectionsOf(parent) : undefined;
    for (const child of parent.children) {
      if (!LIST_KINDS.has(child.kind) || child.quoted || child.parsed === undefined) continue;
      if (adopted?.labels.has(child)) continue;
      const key = subsections ? `${child.kind}|${child.labelStyle ?? ''}|${subsections.get(child.node) ?? 0}` : `${child.kind}|${child.labelStyle ?? ''}`;
      byStyle ??= new Map<string, Unit[]>();
      const list = byStyle.get(key);
      if (list) list.push(child);
      else byStyle.set(key, [child]);
    }
    if (!byStyle) continue;
    // Directly under an amending Pasal (Pasal I), ayat and huruf are amended text the parser could not mark as
    // quoted (OCR damaged the instruction); only the numbered instructions themselves are checked.
    const amendingPasal = parent.kind === 'pasal' && parent.parsed?.style === 'roman';
    for (const units of byStyle.values()) {
      if (units.length === 0 || (amendingPasal && units[0].kind !== 'angka')) continue;
      groups.push({ kind: units[0].kind, container: parent, scope: parent.scope, units });
    }
  }
  return groups;
}

/**
 * The general part of a Penjelasan numbers its lists per subsection ("III. ALASAN … 1. …"): the parser makes each
 * subsection's numeral a keyword token. Per child node, how many keywords stand before it.
 */
function subsectionsOf(section: Unit): Map<SyntaxNode, number> {
  const out = new Map<SyntaxNode, number>();
  let keywords = 0;
  for (const child of section.node.children) {
    if (child.type === 'node') out.set(child, keywords);
    else if (child.kind === 'keyword') keywords++;
  }
  return out;
}

/** Per Pasal, the labels it adopts (stray-labels.ts), and all those labels. Undefined: none. */
function adoptedRuns(regulation: Regulation): { runs: Map<Unit, readonly Unit[]>; labels: Set<Unit> } | undefined {
  if (!regulation.layoutBroken) return undefined;
  let adopted: { runs: Map<Unit, readonly Unit[]>; labels: Set<Unit> } | undefined;
  for (const unit of regulation.units) {
    if (unit.kind !== 'pasal') continue;
    const run = labelsBefore(regulation, unit);
    if (run.length === 0) continue;
    adopted ??= { runs: new Map(), labels: new Set() };
    adopted.runs.set(unit, run);
    for (const label of run) adopted.labels.add(label);
  }
  return adopted;
}

/**
 * Per Lampiran part, which Lampiran it is, when the text has more than one: its numeral, or for an unnumbered
 * heading (a page's repeated "LAMPIRAN PERATURAN …") the Lampiran before it, which it goes on.
 * Undefined for one Lampiran or none.
 */
function lampiranKeysOf(regulation: Regulation): Map<Unit, string> | undefined {
  let keys: Map<Unit, string> | undefined;
  let previous = '';
  for (const root of regulation.roots) {
    if (root.kind !== 'lampiran') continue;
    // The parser makes the numeral part of the heading's keyword: a change to it is a structural edit.
    const numeral = LAMPIRAN_HEADING.exec(regulation.text.slice(root.range.start, root.range.start + 16))?.[1];
    previous = numeral ?? previous;
    (keys ??= new Map()).set(root, previous);
  }
  return keys !== undefined && keys.size > 1 ? keys : undefined;
}

function enclosing(unit: Unit, kind: UnitKind): Unit | undefined {
  let current = unit.parent;
  while (current && current.kind !== kind) current = current.parent;
  return current;
}
