// Mutation evaluation: plant one known defect per copy of a real text (a deleted or renumbered Pasal
// heading, a duplicated ayat or huruf label, a reference to a missing Pasal or ayat), re-analyse, and
// measure how often the checker flags the plant where it was planted and how much noise it adds
// elsewhere. A "plain regex checker" runs on the same plants as a baseline. Always exits 0: it is a
// measurement, not a gate (test/unit/mutation.test.ts is the gate, on the seeds).
//   npm run eval:mutation [-- --per-file N] [--seed S] [--json out.json] [folder…]

import { prng } from './bench-stats';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze, Analysis } from '../server/src/features';
import { LineIndex } from '../server/src/features/line-index';
import { labelsBefore } from '../server/src/model';
import type { RefItem, RefSegment, Unit } from '../server/src/model';

// ---- kinds -------------------------------------------------------------------------------------

export const MUTATION_KINDS = [
  'delete-pasal-heading',
  'pasal-takes-predecessor-number',
  'duplicate-ayat-label',
  'duplicate-huruf-label',
  'reference-to-missing-pasal',
  'chained-reference-to-missing-ayat',
  'list-item-to-missing-ayat',
] as const;

export type MutationKind = (typeof MUTATION_KINDS)[number];

export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly replacement: string;
}

export interface Plant {
  readonly file: string;
  readonly kind: MutationKind;
  readonly edit: Edit;
  /** 0-based line of the plant in the untouched text. */
  readonly line: number;
  /** Inclusive 0-based line window (untouched text) where a new diagnostic counts as flagging the plant. */
  readonly windowStart: number;
  readonly windowEnd: number;
  /** "Pasal 5 → Pasal 4", for the report. */
  readonly description: string;
  /**
   * Lines of references that cite the renamed or deleted unit (or the one it now collides with): a new
   * dangling or ambiguous reference there is a true consequence of the plant, not noise.
   */
  readonly consequentLines: number[];
  /** What the untouched analysis says around the target, to sort the misses by cause. */
  readonly notes: string[];
}

/** A diagnostic reduced to what the diff needs; `start` is an offset in the analysed text. */
export interface Finding {
  readonly code: string;
  readonly severity: string;
  readonly start: number;
}

export interface NewFinding {
  readonly code: string;
  /** 0-based line in the untouched text. */
  readonly line: number;
  readonly where: 'window' | 'consequent' | 'stray';
}

export interface PlantResult {
  readonly plant: Plant;
  readonly flagged: boolean;
  readonly stray: number;
  readonly consequent: number;
  readonly findings: NewFinding[];
}

// ---- deterministic randomness ------------------------------------------------------------------

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

export { prng };

/** Up to `count` items, drawn without replacement; the draw depends only on (seed, file, kind). */
function sample<T>(items: T[], count: number, seed: number, file: string, kind: string): T[] {
  const random = prng(fnv1a(`${seed}|${file}|${kind}`));
  const copy = items.slice();
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, count);
}

// ---- candidates --------------------------------------------------------------------------------

function isMain(unit: Unit): boolean {
  return unit.scope === 'main' && !unit.quoted;
}

function mainPasal(analysis: Analysis): Unit[] {
  return analysis.regulation.units.filter((unit) => unit.kind === 'pasal' && isMain(unit));
}

function inSubtree(unit: Unit, root: Unit): boolean {
  for (let current: Unit | undefined = unit; current; current = current.parent) if (current === root) return true;
  return false;
}

function ancestorOf(unit: Unit | undefined, kind: string): Unit | undefined {
  let current = unit;
  while (current && current.kind !== kind) current = current.parent;
  return current;
}

/**
 * Whether deleting `unit`'s heading leaves a trace in the numbering at all: a later heading then
 * follows the wrong number, or the orphaned body restarts a list (ayat, huruf, angka) that the
 * preceding Pasal already numbers. The last Pasal of a text, without such a list, vanishes silently
 * into its predecessor; such plants measure nothing and are not planted.
 */
function revealsDeletion(unit: Unit, previous: Unit | undefined, next: Unit | undefined): boolean {
  if (next) return true;
  if (!previous) return false;
  return ['ayat', 'huruf', 'angka'].some((kind) => unit.children.some((child) => child.kind === kind) && previous.children.some((child) => child.kind === kind));
}

class PlantFactory {
  readonly lines: LineIndex;
  readonly pasal: Unit[];

  constructor(readonly file: string, readonly text: string, readonly analysis: Analysis) {
    this.lines = new LineIndex(text);
    this.pasal = mainPasal(analysis);
  }

  line(offset: number): number {
    return this.lines.position(offset).line;
  }

  /** The next Pasal heading after `offset`, or the end of `fallback` when there is none. */
  nextHeadingLine(offset: number, fallback: Unit): number {
    const next = this.pasal.find((unit) => unit.nameRange.start > offset);
    return next ? this.line(next.nameRange.start) : this.line(Math.max(fallback.range.start, fallback.range.end - 1));
  }

  /** Lines of references whose targets lie inside one of `roots`, or that name one of them and fail below it
   *  ("Pasal 2 ayat (2)" where Pasal 2's ayat are not found: renaming Pasal 2 changes what it says). */
  citingLines(roots: Unit[]): number[] {
    const lines = new Set<number>();
    const adopted = this.adoptedLabels(roots);
    for (const reference of this.analysis.references) {
      for (const item of reference.items) {
        const prefix = item.resolvedPrefix;
        const adoptedHere = prefix !== undefined && item.failedAt?.kind === 'ayat' && adopted.has(`${prefix.id}:${item.failedAt.value}`);
        if (adoptedHere || item.targets.some((target) => roots.some((root) => inSubtree(target, root))) || (prefix !== undefined && roots.some((root) => inSubtree(prefix, root)))) {
          for (let line = this.line(item.range.start); line <= this.line(item.range.end); line++) lines.add(line);
        }
      }
    }
    return [...lines].sort((a, b) => a - b);
  }

  /** Ayat labels set before a Pasal heading in a layout-broken text, which the diagnostics read as that Pasal's
   *  (model/stray-labels.ts), so its citations of them depend on them. As "pasal id:ayat number". */
  adoptedLabels(roots: Unit[]): Set<string> {
    const adopted = new Set<string>();
    const regulation = this.analysis.regulation;
    if (!regulation.layoutBroken) return adopted;
    for (const unit of regulation.units) {
      if (unit.kind !== 'pasal') continue;
      for (const label of labelsBefore(regulation, unit)) if (roots.includes(label)) adopted.add(`${unit.id}:${label.number}`);
    }
    return adopted;
  }

  headingPlant(kind: MutationKind, edit: Edit, unit: Unit, description: string, affected: Unit[]): Plant {
    const line = this.line(edit.start);
    const pasal = ancestorOf(unit, 'pasal') ?? unit;
    const windowEnd = Math.max(line, this.nextHeadingLine(unit.range.start, pasal));
    const windowStart = Math.min(line, this.runStartLine(unit, pasal));
    return { file: this.file, kind, edit, line, windowStart, windowEnd, description, consequentLines: this.citingLines(affected), notes: this.notes(unit, line, windowEnd) };
  }

  /** The first line of the labels set before the Pasal (model/stray-labels.ts) that the unit belongs to or stands
   *  in: those are numbered with the Pasal's ayat, so a plant there is reported on them too. Infinity: none. */
  runStartLine(unit: Unit, pasal: Unit): number {
    const regulation = this.analysis.regulation;
    if (!regulation.layoutBroken) return Infinity;
    let start = Infinity;
    const own = labelsBefore(regulation, pasal);
    if (own.length > 0) start = this.line(own[0].range.start);
    // A label of a run: the Pasal after the run adopts it.
    for (let i = unit.id + 1; i < regulation.units.length && i - unit.id <= 41; i++) {
      const next = regulation.units[i];
      if (next.kind !== 'pasal') continue;
      const run = labelsBefore(regulation, next);
      if (run.includes(unit)) start = Math.min(start, this.line(run[0].range.start));
      break;
    }
    return start;
  }

  referencePlant(kind: MutationKind, edit: Edit, item: RefItem, description: string): Plant {
    const line = this.line(edit.start);
    const windowStart = Math.min(line, this.line(item.range.start));
    const windowEnd = Math.max(line, this.line(item.range.end));
    return { file: this.file, kind, edit, line, windowStart, windowEnd, description, consequentLines: [], notes: this.notes(item.targets[0], windowStart, windowEnd) };
  }

  /**
   * Hints for the miss report (read defensively: the model grows): the target sits under a Pasal the
   * model marks unreliable, in a text whose layout it finds broken, in an amending regulation, or in a
   * window where the untouched text already draws a diagnostic (the plant's may be masked by it).
   */
  private notes(target: Unit | undefined, windowStart: number, windowEnd: number): string[] {
    const notes: string[] = [];
    const flags = (value: unknown, key: string): boolean => typeof value === 'object' && value !== null && (value as Record<string, unknown>)[key] === true;
    for (let current = target; current; current = current.parent) {
      if (flags(current, 'unreliable')) {
        notes.push('unreliable-unit');
        break;
      }
    }
    if (flags(this.analysis.regulation, 'layoutBroken')) notes.push('layout-broken-text');
    if (this.analysis.regulation.amending) notes.push('amending-text');
    const noisy = this.analysis.diagnostics.some((diagnostic) => {
      const line = this.line(diagnostic.range.start);
      return line >= windowStart && line <= windowEnd && diagnostic.severity !== 'hint';
    });
    if (noisy) notes.push('baseline-diagnostic-in-window');
    return notes;
  }

  candidates(kind: MutationKind): Plant[] {
    switch (kind) {
      case 'delete-pasal-heading':
        return this.deleteHeadings();
      case 'pasal-takes-predecessor-number':
        return this.renumberHeadings();
      case 'duplicate-ayat-label':
        return this.duplicateLabels('ayat');
      case 'duplicate-huruf-label':
        return this.duplicateLabels('huruf');
      case 'reference-to-missing-pasal':
        return this.missingPasalReferences();
      case 'chained-reference-to-missing-ayat':
        return this.missingAyatReferences('chain');
      case 'list-item-to-missing-ayat':
        return this.missingAyatReferences('list');
    }
  }

  /** Deleted-heading candidates no numbering check could notice (see `revealsDeletion`). */
  blind = 0;

  private deleteHeadings(): Plant[] {
    const out: Plant[] = [];
    this.blind = 0;
    for (const [i, unit] of this.pasal.entries()) {
      if (unit.number === undefined || unit.artefact) continue;
      if (!revealsDeletion(unit, this.pasal[i - 1], this.pasal[i + 1])) {
        this.blind++;
        continue;
      }
      let { start, end } = unit.nameRange;
      if (end <= start) continue;
      const lineStart = this.lines.offset({ line: this.line(start), character: 0 });
      const lineEndPosition = this.lines.offset({ line: this.line(end), character: Number.MAX_SAFE_INTEGER });
      const before = this.text.slice(lineStart, start);
      const after = this.text.slice(end, lineEndPosition);
      if (/^\s*$/.test(before) && /^\s*$/.test(after)) {
        // The heading stood on its own line: remove the line with its line break.
        start = lineStart;
        end = this.lines.offset({ line: this.line(end) + 1, character: 0 });
        if (end <= lineEndPosition) end = this.text.length;
      }
      // Its body now reads as the tail of the Pasal before it: references there may turn ambiguous.
      const affected = i > 0 ? [unit, this.pasal[i - 1]] : [unit];
      out.push(this.headingPlant('delete-pasal-heading', { start, end, replacement: '' }, unit, `deleted "${this.excerpt(unit.nameRange)}"`, affected));
    }
    return out;
  }

  private renumberHeadings(): Plant[] {
    const out: Plant[] = [];
    for (let i = 1; i < this.pasal.length; i++) {
      const unit = this.pasal[i];
      const previous = this.pasal[i - 1];
      if (unit.number === undefined || previous.number === undefined || unit.artefact) continue;
      const token = this.text.slice(unit.numberRange.start, unit.numberRange.end);
      const replacement = this.text.slice(previous.numberRange.start, previous.numberRange.end).trim();
      if (!replacement || replacement === token || unit.numberRange.end <= unit.numberRange.start) continue;
      const edit = { start: unit.numberRange.start, end: unit.numberRange.end, replacement };
      out.push(this.headingPlant('pasal-takes-predecessor-number', edit, unit, `"${this.excerpt(unit.nameRange)}" → number ${replacement}`, [unit, previous]));
    }
    return out;
  }

  private duplicateLabels(kind: 'ayat' | 'huruf'): Plant[] {
    const out: Plant[] = [];
    for (const unit of this.analysis.regulation.units) {
      if (unit.kind !== kind || !isMain(unit) || unit.number === undefined || !unit.parent || unit.artefact) continue;
      const siblings = unit.parent.children.filter((child) => child.kind === kind && child.labelStyle === unit.labelStyle);
      const index = siblings.indexOf(unit);
      if (index < 1) continue;
      const previous = siblings[index - 1];
      const token = this.text.slice(unit.numberRange.start, unit.numberRange.end);
      let replacement: string | undefined;
      if (kind === 'ayat') {
        const match = /^(\d+)$/.exec(unit.number);
        if (!match || Number(match[1]) < 2 || previous.number !== String(Number(match[1]) - 1)) continue;
        if (!new RegExp(`^\\(\\s*${match[1]}\\s*\\)$`).test(token)) continue;
        replacement = token.replace(match[1], previous.number);
      } else {
        if (!/^[b-z]$/.test(unit.number)) continue;
        const predecessor = String.fromCharCode(unit.number.charCodeAt(0) - 1);
        if (previous.number !== predecessor) continue;
        if (!new RegExp(`^${unit.number}[.)]$`).test(token)) continue;
        replacement = predecessor + token.slice(1);
      }
      const edit = { start: unit.numberRange.start, end: unit.numberRange.end, replacement };
      out.push(this.headingPlant(kind === 'ayat' ? 'duplicate-ayat-label' : 'duplicate-huruf-label', edit, unit, `label "${token}" → "${replacement}"`, [unit, previous]));
    }
    return out;
  }

  private bodyItems(): Array<{ item: RefItem; index: number; items: RefItem[] }> {
    const out: Array<{ item: RefItem; index: number; items: RefItem[] }> = [];
    for (const reference of this.analysis.references) {
      const context = reference.context;
      if (!context || !isMain(context)) continue;
      reference.items.forEach((item, index) => {
        if (item.status === 'resolved' && item.targets.length === 1 && !item.path.some((segment) => segment.damagedFrom)) out.push({ item, index, items: reference.items });
      });
    }
    return out;
  }

  private missingPasalReferences(): Plant[] {
    const max = Math.max(0, ...this.pasal.map((unit) => unit.parsed?.style === 'arabic' ? unit.parsed.base : 0));
    const out: Plant[] = [];
    for (const { item } of this.bodyItems()) {
      if (item.path.length !== 1 || item.written.length !== 1 || item.written[0].kind !== 'pasal') continue;
      const segment = item.written[0];
      if (!/^[0-9]+[A-Z]?$/.test(segment.value)) continue;
      const edit = this.valueEdit(segment.range, segment.value, String(max + 50));
      if (!edit) continue;
      out.push(this.referencePlant('reference-to-missing-pasal', edit, item, `"${this.excerpt(segment.range)}" → Pasal ${max + 50}`));
    }
    return out;
  }

  private missingAyatReferences(form: 'chain' | 'list'): Plant[] {
    const out: Plant[] = [];
    for (const { item, index, items } of this.bodyItems()) {
      let ayatSegment: RefSegment;
      if (form === 'chain') {
        if (item.written.length < 2 || item.written[0].kind !== 'pasal' || item.written[1].kind !== 'ayat') continue;
        ayatSegment = item.written[1];
      } else {
        if (items.length < 2 || index !== 1 || item.role !== 'single' || item.written[0].kind !== 'ayat') continue;
        ayatSegment = item.written[0];
      }
      const ayat = ancestorOf(item.targets[0], 'ayat');
      if (!ayat?.parent) continue;
      const taken = new Set(ayat.parent.children.filter((child) => child.kind === 'ayat').map((child) => child.number));
      const k = Number(ayatSegment.value);
      if (!Number.isInteger(k)) continue;
      let missing = 9;
      if (missing === k || taken.has(String(missing))) {
        missing = k + 20;
        while (taken.has(String(missing))) missing += 20;
      }
      const edit = this.valueEdit(ayatSegment.range, ayatSegment.value, String(missing));
      if (!edit) continue;
      const kind = form === 'chain' ? 'chained-reference-to-missing-ayat' : 'list-item-to-missing-ayat';
      out.push(this.referencePlant(kind, edit, item, `"${this.excerpt(item.range)}": ayat (${k}) → ayat (${missing})`));
    }
    return out;
  }

  /** Rewrite the designator at the end of a reference segment ("Pasal 5" → "Pasal 62", "ayat (1)" → "ayat (9)"). */
  private valueEdit(range: { start: number; end: number }, value: string, replacement: string): Edit | undefined {
    const written = this.text.slice(range.start, range.end);
    const at = written.lastIndexOf(value);
    if (at < 0) return undefined;
    return { start: range.start + at, end: range.start + at + value.length, replacement };
  }

  private excerpt(range: { start: number; end: number }): string {
    return this.text.slice(range.start, range.end).replace(/\s+/g, ' ').slice(0, 60);
  }
}

/** Every plant of `kind` that `text` admits (targets among the batang tubuh's units and references). */
export function candidatesOf(file: string, text: string, kind: MutationKind, analysis: Analysis = analyze(text)): Plant[] {
  return new PlantFactory(file, text, analysis).candidates(kind);
}

export function applyEdit(text: string, edit: Edit): string {
  return text.slice(0, edit.start) + edit.replacement + text.slice(edit.end);
}

/** An offset of the mutated text, mapped back to the untouched text. */
export function originalOffset(edit: Edit, offset: number): number {
  if (offset < edit.start) return offset;
  if (offset >= edit.start + edit.replacement.length) return offset - edit.replacement.length + (edit.end - edit.start);
  return edit.start;
}

// ---- checkers ----------------------------------------------------------------------------------

export type Checker = (text: string) => Finding[];

export const ourChecker: Checker = (text) => analyze(text).diagnostics.map((diagnostic) => ({ code: diagnostic.code, severity: diagnostic.severity, start: diagnostic.range.start }));

const REGEX_HEADING = /^\s*Pasal\s+(\d+)\s*$/;

/**
 * The baseline: only lines that are exactly "Pasal N" are headings; it reports duplicates and gaps in
 * their sequence and every "Pasal N" elsewhere whose N is not among them. Everything it says is an error.
 */
export const regexChecker: Checker = (text) => {
  const out: Finding[] = [];
  const headings = new Set<number>();
  const headingLines: Array<{ start: number; end: number }> = [];
  let previous: number | undefined;
  const linePattern = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  for (;;) {
    const match = linePattern.exec(text);
    if (!match || match[0].length === 0) break;
    const heading = REGEX_HEADING.exec(match[0].replace(/[\r\n]+$/, ''));
    if (heading) {
      const number = Number(heading[1]);
      headingLines.push({ start: match.index, end: match.index + match[0].length });
      if (headings.has(number)) out.push({ code: 'regex-duplicate', severity: 'error', start: match.index });
      else if (previous === undefined ? number !== 1 : number !== previous + 1) out.push({ code: 'regex-gap', severity: 'error', start: match.index });
      headings.add(number);
      previous = number;
    }
  }
  const reference = /\bPasal\s+(\d+)/g;
  for (;;) {
    const match = reference.exec(text);
    if (!match) break;
    if (headingLines.some((line) => match.index >= line.start && match.index < line.end)) continue;
    if (!headings.has(Number(match[1]))) out.push({ code: 'regex-dangling', severity: 'error', start: match.index });
  }
  return out.sort((a, b) => a.start - b.start);
};

// ---- evaluation --------------------------------------------------------------------------------

export type Baseline = Map<string, number>;

export function baselineOf(text: string, findings: Finding[], lines = new LineIndex(text)): Baseline {
  const counts = new Map<string, number>();
  for (const finding of findings) {
    const key = `${finding.code}|${lines.position(finding.start).line}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Re-checks the planted copy and sorts what is new into window, consequent and stray. */
export function evaluatePlant(text: string, plant: Plant, baseline: Baseline, checker: Checker, lines = new LineIndex(text)): PlantResult {
  const mutated = applyEdit(text, plant.edit);
  const remaining = new Map(baseline);
  const consequent = new Set(plant.consequentLines);
  const findings: NewFinding[] = [];
  for (const finding of checker(mutated)) {
    const line = lines.position(originalOffset(plant.edit, finding.start)).line;
    const key = `${finding.code}|${line}`;
    const left = remaining.get(key) ?? 0;
    if (left > 0) {
      remaining.set(key, left - 1);
      continue;
    }
    let where: NewFinding['where'] = 'stray';
    if (line >= plant.windowStart && line <= plant.windowEnd) where = 'window';
    else if (consequent.has(line) && /reference/.test(finding.code)) where = 'consequent';
    findings.push({ code: finding.code, line, where });
  }
  return {
    plant,
    flagged: findings.some((finding) => finding.where === 'window'),
    stray: findings.filter((finding) => finding.where === 'stray').length,
    consequent: findings.filter((finding) => finding.where === 'consequent').length,
    findings,
  };
}

export interface FileRun {
  readonly file: string;
  readonly pasal: number;
  /** Deleted-heading candidates left out because no numbering check could see the deletion. */
  readonly blind: number;
  /** Baseline findings (untouched text) per checker. */
  readonly errors: { ours: number; regex: number };
  readonly ours: PlantResult[];
  readonly regex: PlantResult[];
}

export interface RunOptions {
  readonly perFile: number;
  readonly seed: number;
  readonly kinds?: readonly MutationKind[];
  /** Also run the regex baseline on every plant. */
  readonly withRegex?: boolean;
}

/** Plants up to `perFile` defects of each kind in one text and evaluates each copy. */
export function runFile(file: string, text: string, options: RunOptions): FileRun {
  const analysis = analyze(text);
  const lines = new LineIndex(text);
  const ours = baselineOf(text, ourChecker(text), lines);
  const regexFindings = regexChecker(text);
  const regexBaseline = baselineOf(text, regexFindings, lines);
  const factory = new PlantFactory(file, text, analysis);
  const run: FileRun = {
    file,
    pasal: factory.pasal.length,
    blind: 0,
    errors: { ours: analysis.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length, regex: regexFindings.length },
    ours: [],
    regex: [],
  };
  for (const kind of options.kinds ?? MUTATION_KINDS) {
    const candidates = factory.candidates(kind);
    if (kind === 'delete-pasal-heading') (run as { blind: number }).blind = factory.blind;
    for (const plant of sample(candidates, options.perFile, options.seed, file, kind)) {
      run.ours.push(evaluatePlant(text, plant, ours, ourChecker, lines));
      if (options.withRegex !== false) run.regex.push(evaluatePlant(text, plant, regexBaseline, regexChecker, lines));
    }
  }
  return run;
}

// ---- report ------------------------------------------------------------------------------------

/** The text around an edit, one line, with the edit shown as [old→new]. */
export function around(text: string, edit: Edit, width = 100): string {
  const flat = (piece: string): string => piece.replace(/\r?\n/g, '⏎').replace(/\s+/g, ' ');
  const before = flat(text.slice(Math.max(0, edit.start - width), edit.start));
  const after = flat(text.slice(edit.end, edit.end + width));
  return `…${before}[${flat(text.slice(edit.start, edit.end))}→${flat(edit.replacement)}]${after}…`;
}

function pct(part: number, whole: number): string {
  return whole === 0 ? '—' : `${((100 * part) / whole).toFixed(1)}%`;
}

function per(part: number, whole: number, scale: number): string {
  return whole === 0 ? '—' : ((scale * part) / whole).toFixed(2);
}

interface Args {
  perFile: number;
  seed: number;
  json?: string;
  folders: string[];
}

function parseArgs(argv: string[]): Args {
  const root = path.resolve(__dirname, '..', '..');
  const args: Args = { perFile: 10, seed: 1, folders: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--per-file') args.perFile = Number(argv[++i]);
    else if (arg === '--seed') args.seed = Number(argv[++i]);
    else if (arg === '--json') args.json = argv[++i];
    else args.folders.push(arg);
  }
  if (!Number.isInteger(args.perFile) || args.perFile < 1) args.perFile = 10;
  if (!Number.isFinite(args.seed)) args.seed = 1;
  if (args.folders.length === 0) args.folders = [path.join(root, 'test/fixtures/seeds'), path.join(root, 'test/fixtures/corpus')];
  return args;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();
  console.log(`mutation-eval: seed ${args.seed}, up to ${args.perFile} plants per kind per file`);
  const runs: FileRun[] = [];
  const texts = new Map<string, string>();
  for (const folder of args.folders) {
    for (const name of readdirSync(folder).filter((file) => /\.(txt|perwal)$/.test(file)).sort()) {
      const text = readFileSync(path.join(folder, name), 'utf8');
      texts.set(name, text);
      runs.push(runFile(name, text, { perFile: args.perFile, seed: args.seed }));
    }
  }
  const ours = runs.flatMap((run) => run.ours);
  const regex = runs.flatMap((run) => run.regex);

  console.log('');
  console.log(['kind'.padEnd(36), 'files', 'plants', 'flagged', 'flag%', 'stray/plant', 'conseq/plant', 'regex flag%'].join('\t'));
  for (const kind of MUTATION_KINDS) {
    const mine = ours.filter((result) => result.plant.kind === kind);
    const theirs = regex.filter((result) => result.plant.kind === kind);
    const flagged = mine.filter((result) => result.flagged).length;
    const files = new Set(mine.map((result) => result.plant.file)).size;
    const stray = mine.reduce((sum, result) => sum + result.stray, 0);
    const consequent = mine.reduce((sum, result) => sum + result.consequent, 0);
    const regexFlagged = theirs.filter((result) => result.flagged).length;
    console.log([kind.padEnd(36), String(files), String(mine.length), String(flagged), pct(flagged, mine.length), per(stray, mine.length, 1), per(consequent, mine.length, 1), pct(regexFlagged, theirs.length)].join('\t'));
  }
  const flagged = ours.filter((result) => result.flagged).length;
  const stray = ours.reduce((sum, result) => sum + result.stray, 0);
  const consequent = ours.reduce((sum, result) => sum + result.consequent, 0);
  const regexFlagged = regex.filter((result) => result.flagged).length;
  const regexStray = regex.reduce((sum, result) => sum + result.stray, 0);
  const pasal = runs.reduce((sum, run) => sum + run.pasal, 0);
  const ourErrors = runs.reduce((sum, run) => sum + run.errors.ours, 0);
  const regexErrors = runs.reduce((sum, run) => sum + run.errors.regex, 0);
  console.log(['TOTAL'.padEnd(36), String(runs.filter((run) => run.ours.length > 0).length), String(ours.length), String(flagged), pct(flagged, ours.length), per(stray, ours.length, 1), per(consequent, ours.length, 1), pct(regexFlagged, regex.length)].join('\t'));
  const blind = runs.reduce((sum, run) => sum + run.blind, 0);
  console.log(`(${runs.length} texts, ${runs.filter((run) => run.ours.length === 0).length} without any candidate; ${blind} last-Pasal headings not deleted because no numbering check could see it;`);
  console.log(` conseq = new dangling/ambiguous references on lines that cited the renamed, deleted or now-colliding unit: true consequences, not counted as stray)`);

  console.log('');
  console.log(['checker'.padEnd(14), 'flagged %', 'stray/10 plants', 'errors/100 Pasal (untouched)'].join('\t'));
  console.log(['perwal'.padEnd(14), pct(flagged, ours.length), per(stray, ours.length, 10), `${per(ourErrors, pasal, 100)} (${ourErrors} errors, ${pasal} Pasal)`].join('\t'));
  console.log(['plain regex'.padEnd(14), pct(regexFlagged, regex.length), per(regexStray, regex.length, 10), `${per(regexErrors, pasal, 100)} (${regexErrors} errors)`].join('\t'));

  const misses = ours.filter((result) => !result.flagged);
  if (misses.length > 0) {
    // A rough sort of the misses by what the untouched analysis already said about the target.
    const byNote = new Map<string, { misses: number; plants: number }>();
    for (const result of ours) {
      const key = result.plant.notes.join('+') || '(none)';
      const entry = byNote.get(key) ?? { misses: 0, plants: 0 };
      entry.plants++;
      if (!result.flagged) entry.misses++;
      byNote.set(key, entry);
    }
    console.log('');
    console.log('misses by note on the target (notes from the untouched analysis):');
    for (const [key, entry] of [...byNote.entries()].sort((a, b) => b[1].misses - a[1].misses)) {
      console.log(`  ${key.padEnd(72)} ${String(entry.misses).padStart(4)} missed of ${String(entry.plants).padStart(4)} plants`);
    }
  }
  if (misses.length > 0) {
    console.log('');
    console.log(`first ${Math.min(Number(process.env.MISSES ?? 15), misses.length)} of ${misses.length} misses:`);
    for (const miss of misses.slice(0, Number(process.env.MISSES ?? 15))) {
      const plant = miss.plant;
      console.log(`- ${plant.file}:${plant.line + 1} ${plant.kind}: ${plant.description} (window L${plant.windowStart + 1}–L${plant.windowEnd + 1})`);
      console.log(`      ${around(texts.get(plant.file)!, plant.edit)}`);
      if (plant.notes.length > 0) console.log(`      notes: ${plant.notes.join(', ')}`);
      const news = miss.findings.map((finding) => `${finding.code}@L${finding.line + 1}(${finding.where})`);
      if (news.length > 0) console.log(`      new elsewhere: ${news.slice(0, 6).join(', ')}${news.length > 6 ? ' …' : ''}`);
    }
  }
  const strays = ours.filter((result) => result.stray > 0);
  if (strays.length > 0) {
    console.log('');
    const shown = Number(process.env.STRAYS ?? 10);
    console.log(`first ${Math.min(shown, strays.length)} of ${strays.length} plants with stray diagnostics:`);
    for (const result of strays.slice(0, shown)) {
      const plant = result.plant;
      const news = result.findings.filter((finding) => finding.where === 'stray').map((finding) => `${finding.code}@L${finding.line + 1}`);
      console.log(`- ${plant.file}:${plant.line + 1} ${plant.kind}: ${plant.description} → ${news.slice(0, 6).join(', ')}${news.length > 6 ? ' …' : ''}`);
    }
  }

  if (args.json) {
    const dump = {
      seed: args.seed,
      perFile: args.perFile,
      totals: { plants: ours.length, flagged, stray, consequent, regexFlagged, regexStray, pasal, ourErrors, regexErrors },
      plants: ours.map((result, i) => ({
        file: result.plant.file,
        kind: result.plant.kind,
        line: result.plant.line + 1,
        window: [result.plant.windowStart + 1, result.plant.windowEnd + 1],
        description: result.plant.description,
        notes: result.plant.notes,
        flagged: result.flagged,
        stray: result.stray,
        consequent: result.consequent,
        findings: result.findings.map((finding) => ({ ...finding, line: finding.line + 1 })),
        regexFlagged: regex[i]?.flagged,
      })),
    };
    writeFileSync(args.json, JSON.stringify(dump, null, 1) + '\n');
    console.log(`\nwrote ${args.json}`);
  }
  console.log(`\n(${((Date.now() - started) / 1000).toFixed(1)} s)`);
  console.log(`mutation: flagged ${flagged}/${ours.length} (${pct(flagged, ours.length)}), stray ${per(stray, ours.length, 10)} per 10 plants (${per(stray + consequent, ours.length, 10)} counting consequent references)`);
  process.exitCode = 0;
}

if (require.main === module) main();
