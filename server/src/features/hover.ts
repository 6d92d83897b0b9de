// Hover: on a reference, the cited unit's text (or why there is none: missing, duplicated, in another
// regulation, inside quoted amendment text); on a heading or label, the unit's name, title, place in the
// structure and how often it is cited. Markdown out, in Indonesian or English.

import { trimWhere } from '../syntax';
import { Analysis } from './analysis';
import { citationsOf } from './find-references';
import { referenceAt, ReferenceHit, segmentTargets, unitNamedAt } from './definition';
import { segmentName } from './diagnostics';
import { Locale, Message, pick } from './messages';
import { ancestor, citation, membersOf, RefItem, TextRange, Unit, unitName } from '../model';
import { normaliseKey, SyntaxNode } from '../syntax';

export interface Hover {
  readonly range: TextRange;
  readonly markdown: string;
}

/** How much of a cited unit's text the hover quotes. */
const QUOTE_LIMIT = 600;

export function hover(analysis: Analysis, offset: number, locale: Locale): Hover | undefined {
  const hit = referenceAt(analysis, offset);
  if (hit) return { range: hit.segment.range, markdown: referenceHover(analysis, hit, locale) };
  const span = rangeHover(analysis, offset, locale);
  if (span) return span;
  const unit = unitNamedAt(analysis, offset);
  if (unit) return { range: unit.nameRange, markdown: headingHover(analysis, unit, locale) };
  return undefined;
}

/** On "sampai dengan" between the two ends of a range: every unit the range covers. */
function rangeHover(analysis: Analysis, offset: number, locale: Locale): Hover | undefined {
  for (const reference of analysis.references) {
    if (reference.range.start > offset) break;
    if (offset >= reference.range.end) continue;
    const items = reference.items;
    for (let i = 0; i + 1 < items.length; i++) {
      const [first, last] = [items[i], items[i + 1]];
      if (first.role !== 'range-start' || last.role !== 'range-end' || offset < first.range.end || offset > last.range.start) continue;
      const range = { start: first.range.start, end: last.range.end };
      const ends = [...first.targets.slice(0, 1), ...last.targets.slice(0, 1)];
      if (ends.length < 2) return undefined;
      const covered = [ends[0], ...membersOf(reference).filter((unit) => ends[0].range.start < unit.range.start && unit.range.start < ends[1].range.start), ends[1]];
      const title = `**${escape(analysis.text.slice(range.start, range.end).replace(/\s+/g, ' '))}**`;
      return { range, markdown: [title, '', pick(say.covers(covered.map(displayName).join(', '), covered.length), locale)].join('\n') };
    }
  }
  return undefined;
}

// ---- on a reference ---------------------------------------------------------------------------

function referenceHover(analysis: Analysis, hit: ReferenceHit, locale: Locale): string {
  const { item, segment } = hit;
  const t = (message: Message): string => pick(message, locale);
  const targets = segmentTargets(item, segment);
  if (targets.length === 1) return unitCard(analysis, targets[0]);
  if (targets.length > 1) {
    const lines = [`**${escape(displayName(targets[0]))}**`, '', t(say.ambiguous(displayName(targets[0]), targets.length)), ''];
    for (const target of targets) {
      const where = [container(target), t(say.line(lineOf(analysis.text, target.nameRange.start)))].filter(Boolean).join(', ');
      lines.push(`- **${escape(displayName(target))}** (${escape(where)}): ${escape(firstLine(analysis, target))}`);
    }
    return lines.join('\n');
  }
  const written = item.path.slice(0, item.path.indexOf(segment) + 1).map((part) => segmentName(part.kind, part.value)).join(' ');
  const heading = `**${escape(written)}**`;
  switch (item.status) {
    case 'external': {
      const name = externalName(analysis.text, hit.reference.range.end);
      return [heading, '', t(name ? say.externalNamed(name) : say.external)].join('\n');
    }
    case 'unchecked':
      return [heading, '', t(uncheckedReason(analysis, hit))].join('\n');
    default:
      return [heading, '', t(danglingReason(item))].join('\n');
  }
}

function danglingReason(item: RefItem): Message {
  const failed = item.failedAt;
  if (failed?.damagedFrom) return say.damaged(failed.damagedFrom.replace(/\s+/g, ' '), failed.probable);
  if (failed && item.resolvedPrefix) return say.noChild(displayName(item.resolvedPrefix), segmentName(failed.kind, failed.value));
  const name = failed ? segmentName(failed.kind, failed.value) : item.path.map((part) => segmentName(part.kind, part.value)).join(' ');
  return say.noTarget(name);
}

function uncheckedReason(analysis: Analysis, hit: ReferenceHit): Message {
  const context = hit.reference.context;
  const pasal = context ? ancestor(context, 'pasal') : undefined;
  if (context?.quoted) return say.quoted;
  if ((analysis.regulation.amending && hit.item.path[0].kind === 'pasal') || (pasal && hasQuote(pasal))) return say.amending;
  for (let unit = context; unit; unit = unit.parent) {
    if (unit.kind === 'batang-tubuh' || unit.kind === 'penjelasan' || unit.kind === 'konsiderans') return say.noAnchor;
  }
  return say.outsideBody;
}

function hasQuote(unit: Unit): boolean {
  return unit.children.some((child) => child.quoted || hasQuote(child));
}

/** "Pasal 4 Peraturan Pemerintah Nomor 18 Tahun 2016 tentang Perangkat Daerah" → the regulation's name. */
function externalName(source: string, end: number): string | undefined {
  const after = source.slice(end, end + 200).replace(/\s+/g, ' ');
  const match = /^[ ,]*(?:dari |atas )?((?:Undang|UU|UUD|Peraturan|Keputusan|Kitab|Instruksi|Ketetapan|Perpu|Perppu|Perpres|Permen|Perda|Perwal|Perbup|Qanun)[^;:()]*?)(?:[;:()]|\. |\.$|, (?:perlu|maka|dan perlu)|$)/.exec(after);
  if (!match) return undefined;
  const name = match[1].trim().replace(/[,.]$/, '');
  return name.length > 160 ? `${cutAtWord(name.slice(0, 160))} …` : name;
}

// ---- on a heading or label --------------------------------------------------------------------

function headingHover(analysis: Analysis, unit: Unit, locale: Locale): string {
  const t = (message: Message): string => pick(message, locale);
  const title = unit.title ? ` — ${escape(unit.title)}` : '';
  const lines = [`**${escape(displayName(unit))}**${title}`];
  const place = container(unit, true);
  if (place) lines.push('', escape(place));
  const citing = citationsOf(analysis, (cited) => cited === unit);
  lines.push('', t(say.cited(citing.length)));
  if (citing.length > 0) {
    const from: string[] = [];
    for (const entry of citing) {
      const context = referenceContext(analysis, entry.range.start);
      const name = context ? displayName(context) : t(say.line(lineOf(analysis.text, entry.range.start)));
      if (!from.includes(name)) from.push(name);
    }
    const shown = from.slice(0, 10).map(escape).join(', ');
    lines.push('', t(say.citedFrom(from.length > 10 ? `${shown}, …` : shown)));
  }
  const twins = unit.kind === 'pasal' && unit.scope === 'main' && unit.number !== undefined ? analysis.regulation.pasalIndex.get(normaliseKey(unit.number)) ?? [] : [];
  if (twins.length > 1) {
    const where = twins.map((twin) => String(lineOf(analysis.text, twin.nameRange.start))).join(', ');
    lines.push('', t(say.duplicates(unitName(unit), twins.length, where)));
  }
  if (unit.damage) lines.push('', `_${escape(t(unit.damage))}_`);
  return lines.join('\n');
}

function referenceContext(analysis: Analysis, offset: number): Unit | undefined {
  const reference = analysis.references.find((candidate) => candidate.range.start <= offset && offset < candidate.range.end);
  let unit = reference?.context;
  while (unit && !isCitable(unit)) unit = unit.parent;
  return unit;
}

function isCitable(unit: Unit): boolean {
  return unit.kind === 'pasal' || unit.kind === 'ayat' || unit.kind === 'huruf' || unit.kind === 'angka';
}

// ---- rendering --------------------------------------------------------------------------------

/** The cited unit: its citation, where it sits, and its text quoted (children's labels included). */
function unitCard(analysis: Analysis, unit: Unit): string {
  const place = container(unit);
  const lines = [`**${escape(displayName(unit))}**${place ? ` — ${escape(place)}` : ''}`, ''];
  const body = unitText(analysis, unit, QUOTE_LIMIT);
  for (const line of body) lines.push(`> ${escape(line)}`, '>');
  if (body.length > 0) lines.pop();
  return lines.join('\n');
}

/** "Pasal 5 ayat (2)", "Menimbang huruf a", "Penjelasan Pasal 3", "BAB II". */
export function displayName(unit: Unit): string {
  if (!isCitable(unit)) return unitName(unit);
  const base = citation(unit);
  if (ancestor(unit, 'pasal')) return unit.scope === 'penjelasan' ? `Penjelasan ${base}` : base;
  if (ancestor(unit, 'konsiderans')) return `Menimbang ${base}`;
  if (ancestor(unit, 'dasar-hukum')) return `Mengingat ${base}`;
  if (ancestor(unit, 'memperhatikan')) return `Memperhatikan ${base}`;
  return base;
}

/** The BAB (with its title) a unit sits in; with `full`, BAB › Bagian › Paragraf. */
function container(unit: Unit, full = false): string {
  const names: string[] = [];
  for (let current = unit.parent; current; current = current.parent) {
    if (current.kind === 'bab' || (full && (current.kind === 'buku' || current.kind === 'bagian' || current.kind === 'paragraf'))) {
      names.unshift(current.title ? `${unitName(current)} ${current.title}` : unitName(current));
      if (!full) break;
    }
  }
  return names.join(' › ');
}

/** The unit's text as lines (heading and own label left out, decorations dropped), cut at about `limit` characters. */
export function unitText(analysis: Analysis, unit: Unit, limit: number): string[] {
  const source = analysis.text;
  let raw = '';
  const walk = (node: SyntaxNode): void => {
    for (const child of node.children) {
      if (child.type === 'node') {
        if (child.kind !== 'heading') walk(child);
        continue;
      }
      if (child.kind === 'decoration' || child.kind === 'catchword' || child.kind === 'page-number') continue;
      if (child.kind === 'label' && child.start === unit.numberRange.start) continue;
      raw += child.kind === 'newline' ? '\n' : source.slice(child.start, child.end);
    }
  };
  walk(unit.node);
  const lines = raw.split('\n').map((line) => trimWhere(line.replace(/\s+/g, ' '), (code) => code === 42 || code === 32)).filter((line) => line.length > 0);
  const out: string[] = [];
  let used = 0;
  for (const line of lines) {
    if (used + line.length > limit) {
      const room = Math.max(0, limit - used);
      const cut = cutAtWord(line.slice(0, room));
      out.push(cut ? `${cut} …` : '…');
      break;
    }
    out.push(line);
    used += line.length;
  }
  return out;
}

function firstLine(analysis: Analysis, unit: Unit): string {
  const [line] = unitText(analysis, unit, 160);
  return line ?? '';
}

function lineOf(source: string, offset: number): number {
  let line = 1;
  for (let i = source.indexOf('\n'); i >= 0 && i < offset; i = source.indexOf('\n', i + 1)) line++;
  return line;
}

/** Escapes what Markdown would otherwise read as emphasis, links, HTML, headings or list markers. */
function escape(value: string): string {
  return value.replace(/[\\`*_{}[\]<>#|~]/g, '\\$&').replace(/^(\d+)\./, '$1\\.').replace(/^([-+])/, '\\$1');
}

// ---- messages ---------------------------------------------------------------------------------

const say = {
  ambiguous: (name: string, count: number): Message => ({
    id: `Rujukan ambigu: ada ${count} unit bernama ${name}. Kemungkinan:`,
    en: `Ambiguous reference: ${count} units are named ${name}. Candidates:`,
  }),
  line: (line: number): Message => ({ id: `baris ${line}`, en: `line ${line}` }),
  damaged: (written: string, probable: string | undefined): Message => ({
    id: `Rujukan rusak (kemungkinan OCR): "${written}"${probable ? ` — mungkin maksudnya ${probable}` : ''}.`,
    en: `Damaged reference (probably OCR): "${written}"${probable ? ` — probably meant ${probable}` : ''}.`,
  }),
  noChild: (parent: string, child: string): Message => ({
    id: `Rujukan tidak menunjuk apa pun: ${parent} tidak memiliki ${child}.`,
    en: `Dangling reference: ${parent} has no ${child}.`,
  }),
  noTarget: (name: string): Message => ({
    id: `Rujukan tidak menunjuk apa pun: ${name} tidak ada dalam peraturan ini.`,
    en: `Dangling reference: there is no ${name} in this regulation.`,
  }),
  external: {
    id: 'Rujukan ke peraturan lain; tidak dicari dalam dokumen ini.',
    en: 'A reference to another regulation; it is not looked up in this document.',
  } as Message,
  externalNamed: (name: string): Message => ({
    id: `Rujukan ke peraturan lain: ${name}${name.endsWith('…') ? '' : '.'} Tidak dicari dalam dokumen ini.`,
    en: `A reference to another regulation: ${name}${name.endsWith('…') ? '' : '.'} It is not looked up in this document.`,
  }),
  quoted: {
    id: 'Rujukan dalam teks kutipan perubahan: menunjuk peraturan yang diubah, sehingga tidak diperiksa.',
    en: 'A reference inside quoted amendment text: it points into the amended regulation, so it is not checked.',
  } as Message,
  amending: {
    id: 'Dalam peraturan perubahan, rujukan ini menunjuk peraturan yang diubah, sehingga tidak diperiksa.',
    en: 'In an amending regulation this reference points into the amended regulation, so it is not checked.',
  } as Message,
  outsideBody: {
    id: 'Rujukan di luar batang tubuh (misalnya dasar hukum): tidak diperiksa.',
    en: 'A reference outside the body (for example in the legal basis): not checked.',
  } as Message,
  noAnchor: {
    id: 'Rujukan relatif tanpa Pasal yang memuatnya: tidak diperiksa.',
    en: 'A relative reference with no enclosing Pasal: not checked.',
  } as Message,
  cited: (count: number): Message =>
    count === 0
      ? { id: 'Belum pernah dirujuk dalam peraturan ini.', en: 'Not cited in this regulation.' }
      : { id: `Dirujuk ${count} kali.`, en: count === 1 ? 'Cited once.' : `Cited ${count} times.` },
  covers: (list: string, count: number): Message => ({ id: `Mencakup ${count} unit: ${list}.`, en: `Covers ${count} units: ${list}.` }),
  citedFrom: (list: string): Message => ({ id: `Dirujuk dari: ${list}.`, en: `Cited from: ${list}.` }),
  duplicates: (name: string, count: number, lines: string): Message => ({
    id: `Ada ${count} ${name} dalam peraturan ini (baris ${lines}): rujukan ke ${name} ambigu.`,
    en: `This regulation has ${count} units named ${name} (lines ${lines}): references to ${name} are ambiguous.`,
  }),
};

/** Drops the last, possibly cut, word (no end-anchored regular expression: those backtrack on long runs). */
function cutAtWord(text: string): string {
  const space = text.lastIndexOf(' ');
  return space > 0 ? text.slice(0, space).trimEnd() : '';
}
