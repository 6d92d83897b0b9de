// Text → lossless tree. One pass over the lines; a stack of open nodes; decisions that real text makes
// hard (inline headings, OCR-damaged headings, wrapped references, amendment quotes) are settled by the
// numbering sequence: a doubtful candidate is a heading only when its number is the one expected next.

import { compareNumbers, isSuccessor, normaliseKey, parseArabic, parseLetter, parseRoman, successorTexts, UnitNumber } from './numbering';
import { isBlank, isJsWhitespace, isSpacing, isWordChar, trimmedEnd, trimmedStart, trimWhere, visibleLine } from './text';
import { CATCHWORD_TAIL, formatLabel, HeadingCandidate, isLetterCode, LabelCandidate, labelNumber, LAMPIRAN_HEADING, ocrReadings, ocrRoman, PAGE_NUMBER, REGULATION_NOUN, scanDamagedAyat, scanFuzzyPasal, scanHeading, scanLabel, scanOcrFirstAyat, ocrDigits, scanOcrNumberLabel, scanSpacedAyat, spacedHeading } from './scanner';
import { keepShape } from './shapes';
import { makeNode, makeToken, NodeInfo, NodeKind, ParseResult, PartKind, SectionKind, SyntaxElement, SyntaxError, SyntaxNode, TokenKind, withoutContent } from './tree';
import { nextStructureLine } from './structure-scan';
import { ColumnPlan, columnPlan, labelAlone, ReadExtent, spacedLabel } from './label-column';

/** The depth a node kind sits at: document 0; parts 1; sections 2; quote 3; buku … angka 4 … 10; heading 100. */
function rankOf(kind: NodeKind): number {
  switch (kind) {
    case 'document':
      return 0;
    case 'judul':
    case 'pembukaan':
    case 'batang-tubuh':
    case 'penutup':
    case 'penjelasan':
    case 'lampiran':
      return 1;
    case 'konsiderans':
    case 'dasar-hukum':
    case 'memperhatikan':
    case 'diktum':
    case 'penjelasan-umum':
    case 'penjelasan-pasal':
      return 2;
    case 'quote':
      return 3;
    case 'buku':
      return 4;
    case 'bab':
      return 5;
    case 'bagian':
      return 6;
    case 'paragraf':
      return 7;
    case 'pasal':
      return 8;
    case 'ayat':
      return RANK_AYAT;
    case 'huruf':
    case 'angka':
      return 10;
    default:
      return 100;
  }
}

const RANK_AYAT = 9;

/** One object shape for every scope (made by newScope, copied by copyScope): every field always present. */
interface Scope {
  readonly kind: 'main' | 'penjelasan' | 'lampiran' | 'quote';
  readonly node: SyntaxNode;
  lastBuku: UnitNumber | undefined;
  lastBab: UnitNumber | undefined;
  lastBagian: UnitNumber | undefined;
  lastParagraf: UnitNumber | undefined;
  lastPasal: UnitNumber | undefined;
  pasalStyle: 'roman' | 'arabic' | undefined;
  announced: Set<string>;
}

function newScope(kind: Scope['kind'], node: SyntaxNode, announced: Set<string>): Scope {
  return { kind, node, lastBuku: undefined, lastBab: undefined, lastBagian: undefined, lastParagraf: undefined, lastPasal: undefined, pasalStyle: undefined, announced };
}

/** A scope's copy for a checkpoint (or from one): every field, with its own set of announced names. */
export function copyScope(scope: Scope, node: SyntaxNode): Scope {
  return {
    kind: scope.kind,
    node,
    lastBuku: scope.lastBuku,
    lastBab: scope.lastBab,
    lastBagian: scope.lastBagian,
    lastParagraf: scope.lastParagraf,
    lastPasal: scope.lastPasal,
    pasalStyle: scope.pasalStyle,
    announced: new Set(scope.announced),
  };
}

const INSTRUCTION_VERB = /\b(d[il1]uba[a-z]{1,2}|dis[il1]sip(?:kan|an|kannya)|ditambahkan|ditambah|diganti|dirumuskan)\b/i;
const QUOTE_LEAD = /(berbunyi|berikut|yakni|sebagai\s+berikut)[\s:.,"“”]*$/i;
/** What an amendment instruction that `text` ends with announces ("… Pasal 22 diubah sehingga berbunyi sebagai berikut:"); undefined when it ends otherwise. */
function announcedBy(text: string): Set<string> | undefined {
  return endsWithQuoteLead(text, 0, text.length) && INSTRUCTION_VERB.test(text) ? announcedNames(text) : undefined;
}

/** A repeal: "… dicabut dan dinyatakan tidak berlaku" (glued to what precedes it too: "Nomor 32141dicabut"). */
const REPEAL = /dicabut\b/;

/** An article that amends a law: "Beberapa ketentuan dalam Undang-Undang …", "Ketentuan Pasal 15 Undang-Undang Nomor 2 …". */
const AMENDS_LAW = /^(?:Beberapa ketentuan(?: dalam)?|Ketentuan(?: dalam)? Pasal [0-9]{1,3}[A-Z]?(?: ayat \([0-9]{1,2}\))?)[ \t]+(?:Undang-Undang|Peraturan Pemerintah Pengganti Undang-Undang)[ \t]+Nomor/;

/** After a container's title, a Pasal heading (its number perhaps spaced by OCR: "Pasal 1 1 1") opening an article. */
const BODY_ARTICLE_AFTER_TITLE = /[ \t]Pasal[ \t]+([0-9](?:[0-9 ]{0,5}[0-9])?)[ \t]+(?=[A-Z(])/;
/** A Pasal heading alone on its line. */
const BODY_ARTICLE_ALONE = /^Pasal[ \t]+([0-9]{1,4})[ \t]*$/;

/** Where a sentence ends: a full stop or semicolon before spacing or the end (a colon leads into a quote). */
const SENTENCE_END = /[.;](?=[ \t\r\n]|$)/;
const INSTRUCTION_START = /^(Ketentuan|Di antara|Diantara|Setelah|Sesudah|Pasal|BAB|Bab|Bagian|Paragraf|Judul|Penjelasan|Lampiran|Ayat|Huruf|Angka|Istilah|Frasa|Kata|Seluruh|Menambahkan|Mengubah|Menghapus|Mencabut|Menyisipkan|Beberapa|Sebutan|Rumusan|Bunyi|Dalam|Penambahan|Perubahan|Mulai)\b/;
// The first words of an amending regulation's articles: "Beberapa ketentuan … diubah", "… ini mulai berlaku".
const AMENDING_START = /^(Beberapa|Ketentuan|Di antara|Diantara|Mengubah|Menambahkan|Menyisipkan|Mencabut|Menghapus|(?:Peraturan|Undang-Undang|Keputusan)\b[^\n]{0,40}\bini mulai berlaku)/;
const SECTION_OF_PENJELASAN = /^II?\.[ \t]*(?:UMUM|PASAL[ \t]*DEMI[ \t]*PASAL)/;
// The same section's name without "II." (a scraper's loss).
const BARE_PASAL_DEMI_PASAL = /^PASAL[ \t]+DEMI[ \t]+PASAL\b/;
// A numbered subsection of the Penjelasan's general part: "II. LATAR BELAKANG", "III. ALASAN …" (a capital after).
const ROMAN_SUBSECTION = /^(?:II|III|IV|VI{0,3}|IX|X)\.(?=[ \t]+[A-Z])/;
const REFERENCE_CONTINUATION = /^(ayat|huruf|angka|jo\.?|juncto|dan|atau|sampai|serta|s\.d\.?|tentang)\b/;
// "Peraturan Menteri ini …": this regulation's own name, not another's.
const OWN_REGULATION = /^[A-Z][\w-]*(?: [A-Z][\w-]*){0,4} ini\b/;
// An amending regulation's Roman article may open with its first instruction: "PASAL II 1. Ketentuan …".
const FIRST_INSTRUCTION = /^1\.[ \t]+[A-Z]/;
// A line ending where a citation goes on: "… sebagaimana dimaksud dalam", "… Pasal 3,", "(".
const CITING_END = /(?:\b(?:dalam|pada|dimaksud|di|dan|atau|serta|dengan|oleh|sesuai|menurut|berdasarkan|terhadap|tentang|atas|jo\.?|juncto)|[,(])[ \t]*$/i;
// REFERENCE_CONTINUATION, or any lowercase word (a literal, so that the ReDoS check reads it).
const CONTINUATION_START = /^(ayat|huruf|angka|jo\.?|juncto|dan|atau|sampai|serta|s\.d\.?|tentang)\b|^[a-z][a-z]{2,}/;
// "huruf a Dalam pengertian …", "ayat (2) Cukup jelas": a Penjelasan label in lower case before its explanation.
const LOWERCASE_PENJELASAN_LABEL = /^(?:huruf[ \t]+[a-z]|ayat[ \t]+\([0-9]{1,2}[a-z]?\)|angka[ \t]+[0-9]{1,2})[ \t]+(?:Cukup|Yang[ \t]|[A-Z][a-z]+[ \t])/;
// Where an inline heading, label or part marker may start; midline() decides. No unbounded quantifier (ReDoS).
// Run on the whole source: no alternative can cross a line break, so a match starting in a line ends in it.
// The candidate is in a lookahead, so every match is one character long: test() gives its start through lastIndex
// without a match array (11,000 candidates in UU 11/2020).
const MIDLINE = /[ \t\u00a0\x00-\x08\x0b\x0c\x0e-\x1f"\u201c_](?=Pasal[ \t]|PASAL[ \t]|Pasa[1I\]|!i][ \t]|[PI][A-Za-z.'][A-Za-z.\\-]{2,5}[ \t][0-9]|Fasal[ \t]|BAB[ \t]|Bagian[ \t]|Paragraf[ \t]|BUKU[ \t]|\([0-9]{1,3}[a-z]?\)[ \t]|\([0-9]{1,2}1[ \t]|[a-z]{1,2}[.)][ \t]|[a-z],?[ \t]+bahwa[ \t]|[a-z][ \t][A-Z]|[0-9]{1,3}[.)][ \t]|Agar setiap orang|PENJELASAN[ \t]|LAMPIRAN[ \t]|Ayat[ \t]|Huruf[ \t]|Angka[ \t]|MEMUTUSKAN|Menetapkan|Mengingat|Menimbang|I\.|II\.|III\.|IV\.|VI{0,3}\.|IX\.|X\.)/g;
// Sticky, at a line's first visible character: "- 11 " or "-3" before a heading keyword and its number.
const PAGE_NUMBER_BEFORE_HEADING = /-[ \t]?[0-9]{1,4}[ \t]*(?:-[ \t]*)?(?=(?:BAB|BUKU|Bagian|Paragraf|Pasal)[ \t]+[0-9IVXLKPSE])/y;
// Regular expressions the parser tests per line or per candidate: module constants, because a literal in a function
// makes a new RegExp object each time it is evaluated (~50,000 per analysis of UU 11/2020).
const LEADING_MARKS = /^[ \t\u00a0\-*•>#]+/;
const PENJELASAN_ATAS = /^PENJELASAN[ \t]+ATAS/;
const PENJELASAN_WORD = /^PENJELASAN\b/;
// What may stand between a heading's number and its rest: a full stop, spacing, scrapers' emphasis, one stray mark.
const REST_LEAD = /^\.?[ \t\u00a0\x00-\x08\x0b\x0c\x0e-\x1f_*]+(?:['\u2018\u2019`][ \t]+)?/;
const NOTHING_WRITTEN = /^[.:*\s]*$/;
const PENJELASAN_DOT = /^\.[ \t]+(Ayat|Huruf|Angka|Cukup|Yang|[A-Z])/;
const AYAT_OPENS = /^\([0-9]/;
const CAPITAL_FIRST = /^[A-Z]/;
const CAPITALISED_WORD = /^[A-Z][a-z]/;
// A huruf label whose letter OCR read as a capital ("C." for "c."), at a line's start.
const CAPITAL_LETTER_LABEL = /^([A-Z])\.(?=[ \t]|$)/;
const PASAL_OPENS = /^(?:Pasal|PASAL|BAB|Bagian|Paragraf)[ \t]/;
const CLAUSE_END = /[.;]/;
// A label or heading and a word or two, then a spaced full stop ("2. Aparatur .", "Huruf c ."): a catchword's shape.
const SPACED_DOT_CATCHWORD = /^(\S{1,12}(?:[ \t]\S{1,30}){1,2})[ \t]\.(?=[ \t]|$)/;
// The definitions that open a regulation's first article: "Dalam Peraturan Pemerintah ini yang dimaksud dengan".
const DEFINITIONS_OPEN = /^Dalam[ \t](?:[A-Za-z-]{1,30}[ \t]){1,8}ini,?[ \t]yang[ \t]dimaksud/;
const OCR_ONE_LETTER = /[lIi]/;
// A scanned page's running header on its own line: "PRES I DEN REPUBLIK INDONESIA -5-" (OCR's spacing, or a page
// number after it; "PRESIDEN REPUBLIK INDONESIA," alone is the signature's).
const RUNNING_HEADER = /^(?:PRES[ \t]I[ \t]?DEN[ \t]+REPUBLIK[ \t]+INDONESIA(?:[ \t]{0,3}-[ \t]?[0-9]{1,3}[ \t]?-?)?|PRESIDEN[ \t]+REPUBLIK[ \t]+INDONESIA[ \t]{0,3}-[ \t]?[0-9]{1,3}[ \t]?-?)$/;
// The same inside a line, before a page number or a heading: ends the text it is tested on.
const HEADER_AT_END = /PRES[ \t]?I[ \t]?DEN[ \t]+REPUBLIK[ \t]+INDONESIA$/;
/** Words that count what a "(5)" after them repeats in digits ("lima (5) orang"). */
const NUMBER_WORDS = new Set(['satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan', 'sepuluh', 'sebelas', 'belas', 'puluh', 'ratus', 'ribu']);
// "Ayat (a)" before a capitalised word or the line's end (penjelasanLetterAyat).
const PENJELASAN_LETTER_AYAT = /^(Ayat[ \t]+)\(([a-zA-Z])\)(?=$|[ \t]+[A-Z^])/;
/** Letters OCR makes of digits in a label (the shapes alike), and the digit each stands for. */
const LETTER_FOR_DIGIT: Readonly<Record<string, string>> = { a: '4', A: '4', s: '5', S: '5', b: '6', g: '9', q: '9', z: '2', Z: '2' };
// A line that only names a tax levied by an article of the Income Tax Law ("PPh" / "Pasal 21": a table's column).
const TAX_NAME_LINE = /^(?:pph|pajak[ \t]+penghasilan)(?:[ \t]+final)?$/i;
const FIRST_AYAT_OPENS = /^[({]1[)}]/;
const FULL_STOP_MARK = /[.;:]/;
const PROMULGATION_OPENS = /^Agar setiap orang mengetahui(?:nya)?\b/;
const PROMULGATION_WORDS = /\b(memerintahkan|penempatannya|pengundangan)\b/;
const SPACE_OR_MARK = /[ \t'.,\u2018\u2019`]/;
const NUMERAL_WORD = /^[0-9IVXL]+$/;
const NOT_TITLE_WORD = /^(Undang|Peraturan|Nomor|Tahun|Keputusan|Pasal|ayat|huruf|angka)/;
const SPACES_OR_TABS = /[ \t]+/;
// What may end the sentence before a mid-line candidate (a module constant: a literal in the function would make a
// RegExp object per candidate).
const SENTENCE_END_MARK = /[.;:"”)…'’]/;
/** A mid-line candidate taken: `handle` reads it into the tree and returns where reading goes on. */
interface MidlineDecision {
  readonly at: number;
  readonly labelsNext: boolean;
  readonly handle: () => number;
}
/** Characters between parser checkpoints: re-parsing after an edit starts at one (see reparse.ts); each costs ~1 KB. */
const CHECKPOINT_SPACING = 8192;
/** How far after a misplaced "Mengingat" its own items are looked for (lines): the konsiderans' last item and a page break. */
const MARKER_LOOKAHEAD_LINES = 80;

export interface ParseOptions {
  /** Only headings at the start of a line (no labels, no inline structure): a fast outline for huge texts. */
  readonly headingsOnly?: boolean;
  /** With headingsOnly: every line through the per-line parser, without the fast scan (the reference in tests). */
  readonly lineByLine?: boolean;
}

export function parse(source: string, options: ParseOptions = {}): ParseResult {
  try {
    if (options.headingsOnly === true) return options.lineByLine === true ? new Parser(source, true).run() : new Parser(source, true).runHeadingsOnly();
    return new Parser(source).run();
  } catch (error) {
    // Parsing must never throw: fall back to one text token so the document stays whole.
    const root = makeNode('document', 0, source.length, [], {});
    if (source.length > 0) root.children.push(makeToken('text', 0, source.length));
    const detail = error instanceof Error ? error.message : String(error);
    return {
      source,
      root,
      errors: [{ code: 'malformed-heading', start: 0, end: 0, message: { id: `Galat internal pengurai: ${detail}`, en: `Internal parser error: ${detail}` } }],
    };
  }
}

/**
 * The parser's whole state at the start of a line, so that parsing can resume there after an edit.
 * Nodes are those of the tree the state was taken from; `childCounts` are their child counts then.
 */
export interface ParserCheckpoint {
  readonly offset: number;
  readonly stack: readonly SyntaxNode[];
  readonly childCounts: readonly number[];
  readonly scopes: readonly Scope[];
  readonly part: PartKind | undefined;
  readonly itemText: string;
  /** Whether any quote was opened before (only that is read, so states after the second quote can meet). */
  readonly quoteSeen: boolean;
  readonly pendingLead: readonly [number, number] | undefined;
  readonly pendingQuote: boolean;
  readonly titleLinesLeft: number;
  readonly lastLineOpen: boolean;
  readonly lastLineWantsNumber: boolean;
  readonly lastLineKind: 'text' | 'structure' | 'none';
  readonly previousLineText: string;
  readonly errorCount: number;
  /** A label column is being matched with its paragraphs (label-column.ts). Never in a stored checkpoint. */
  readonly column: boolean;
}

export type { Scope as ParserScope };

/** A parse that can be resumed: the checkpoints taken every few thousand characters. */
export interface ResumableParse extends ParseResult {
  readonly checkpoints: ParserCheckpoint[];
}

/**
 * Resumes parsing `source` at a checkpoint of an earlier parse (whose nodes are copied, not touched) and
 * parses whole lines until `stop(offset, state)` says so at a line start. Returns the new tree's path
 * copies, the errors found and the checkpoints taken on the way (they name the copies: only a caller that
 * keeps the copies may keep them); at the end of the text, finishes the parse as run() does (`complete`).
 */
export function resumeParse(
  source: string,
  checkpoint: ParserCheckpoint,
  stop: (offset: number, state: () => ParserCheckpoint) => boolean,
): { path: SyntaxNode[]; errors: SyntaxError[]; complete: boolean; fresh: SyntaxNode[]; checkpoints: ParserCheckpoint[] } {
  const parser = new Parser(source);
  const path = parser.restore(checkpoint);
  let pos = checkpoint.offset;
  while (pos < source.length) {
    pos = parser.step(pos);
    if (stop(pos, () => parser.snapshot(pos))) {
      return { path, errors: parser.newErrors(), complete: false, fresh: parser.fresh, checkpoints: parser.taken() };
    }
  }
  parser.finish();
  return { path, errors: parser.newErrors(), complete: true, fresh: parser.fresh, checkpoints: parser.taken() };
}

class Parser {
  private readonly root: SyntaxNode;
  private stack: SyntaxNode[];
  private errors: SyntaxError[] = [];
  /** Errors before the checkpoint a resumed parse started from (not kept, only counted). */
  private errorBase = 0;
  private readonly checkpoints: ParserCheckpoint[] = [];
  private nextCheckpoint = 0;
  /** Set by restore(): this parse continues an earlier one. */
  private resumed = false;
  /** A resumed parse: the path copies and every node it opened (their ends are not set yet). */
  readonly fresh: SyntaxNode[] = [];
  private part: PartKind | undefined;
  private mainScope: Scope;
  private scopes: Scope[];
  /** The text of the current item so far, its last 600 characters: kept as pieces until read (most never are). */
  private itemBase = '';
  private readonly itemPieces: number[] = [];
  private itemPending = 0;

  private get itemText(): string {
    if (this.itemPieces.length > 0) {
      let text = this.itemBase;
      for (let i = 0; i < this.itemPieces.length; i += 2) text += ' ' + this.source.slice(this.itemPieces[i], this.itemPieces[i + 1]);
      this.itemBase = text.slice(-600);
      this.itemPieces.length = 0;
      this.itemPending = 0;
    }
    return this.itemBase;
  }

  private set itemText(value: string) {
    this.itemBase = value;
    this.itemPieces.length = 0;
    this.itemPending = 0;
  }

  private appendItem(start: number, end: number): void {
    this.itemPieces.push(start, end);
    this.itemPending += end - start + 1;
    // Long items are folded now and then so the pieces never outgrow the text kept.
    if (this.itemPending > 4096) void this.itemText;
  }
  private quoteSeen = false;
  private pendingLead: [number, number] | undefined;
  private pendingQuote = false;
  private titleLinesLeft = 0;
  private lastLineOpen = false;
  /** The previous line ended with a unit word ("… dalam Pasal", "… pada ayat"): its number is on this line. */
  private lastLineWantsNumber = false;
  private lastLineKind: 'text' | 'structure' | 'none' = 'none';
  private previousLineText = '';
  /**
   * The label column being matched with the paragraphs after it: its label lines and the paragraphs they open,
   * the next of each. The plan read ahead past any checkpoint's lookahead, so none is taken while one is open.
   */
  private column: { readonly plan: ColumnPlan; nextLabel: number; nextStart: number } | undefined = undefined;
  /**
   * A reading beyond the re-parse's look-back (a label column's plan) went up to here: a checkpoint before it would
   * let a re-parse start after lines whose reading depends on an edit it covers. Never set at a stored checkpoint.
   */
  private readAheadUntil = 0;
  /** A Pasal heading's keyword stood alone on its line: the number its next non-blank line holds (splitPasalHeading). */
  private splitNumber: string | undefined = undefined;
  /**
   * A section marker printed before the last item of the section above it ("Mengingat" / "c." / "bahwa …;" /
   * ": 1."): the section opens at the line `at`, where its own items start. Never in a stored checkpoint.
   */
  private deferredSection: { readonly kind: SectionKind; readonly at: number } | undefined = undefined;
  /** The previous non-blank line's text while a line is read (taken from previousLineText, which checkpoints hold). */
  private lineBeforeText = '';
  private lineStart = 0;
  private lineEnd = 0;
  /** Memos of lineBreak(): the next LF and CR at or after the position they were searched from (derived from
   *  the source alone, so no part of a checkpoint). */
  private lfFrom = Infinity;
  private lfAt = -1;
  private crFrom = Infinity;
  private crAt = -1;
  /** Set by lineBreak(): where the next line starts. */
  private afterBreak = 0;

  /**
   * Where the line starting at `pos` ends (its LF, CR or CRLF, else the end of the text), without a match
   * object per line; `afterBreak` is then the next line's start. Searches are memoised so that a text
   * without any LF (or CR) is not searched to its end once per line.
   */
  private lineBreak(pos: number): number {
    const source = this.source;
    if (pos < this.lfFrom || pos > this.lfAt) {
      const lf = source.indexOf('\n', pos);
      this.lfFrom = pos;
      this.lfAt = lf < 0 ? source.length : lf;
    }
    if (pos < this.crFrom || pos > this.crAt) {
      const cr = source.indexOf('\r', pos);
      this.crFrom = pos;
      this.crAt = cr < 0 ? source.length : cr;
    }
    if (this.crAt < this.lfAt) {
      this.afterBreak = source.charCodeAt(this.crAt + 1) === 10 ? this.crAt + 2 : this.crAt + 1;
      return this.crAt;
    }
    this.afterBreak = this.lfAt < source.length ? this.lfAt + 1 : source.length;
    return this.lfAt;
  }

  /** The memo of midlineMatch(): derived from the source alone, so no part of a checkpoint. */
  private midlineFrom = -1;
  private midlineAt = -1;

  constructor(private readonly source: string, private readonly headingsOnly = false) {
    this.root = makeNode('document', 0, source.length, [], {});
    this.stack = [this.root];
    this.mainScope = newScope('main', this.root, new Set());
    this.scopes = [this.mainScope];
  }

  run(): ResumableParse {
    const source = this.source;
    this.openPart('judul', 0);
    let pos = 0;
    while (pos < source.length) pos = this.step(pos);
    this.flushLead();
    finishEnds(this.root);
    return { source, root: this.root, errors: this.errors, checkpoints: this.checkpoints };
  }

  /** Parses the line starting at `pos` (taking a checkpoint first when one is due); returns the next line's start. */
  step(pos: number): number {
    if (!this.headingsOnly && pos >= this.nextCheckpoint && pos >= this.readAheadUntil && this.column === undefined && this.deferredSection === undefined && this.splitNumber === undefined) {
      this.checkpoints.push(this.snapshot(pos));
      this.nextCheckpoint = pos + CHECKPOINT_SPACING;
    }
    return this.lineAt(pos);
  }

  /** Parses the line starting at `pos` and its line break; returns the next line's start. */
  private lineAt(pos: number): number {
    const contentEnd = this.lineBreak(pos);
    const lineEnd = this.afterBreak;
    this.line(pos, contentEnd);
    if (lineEnd > contentEnd) this.token('newline', contentEnd, lineEnd);
    return lineEnd;
  }

  // ---- checkpoints -----------------------------------------------------------------------------

  snapshot(offset: number): ParserCheckpoint {
    return {
      offset,
      stack: [...this.stack],
      childCounts: this.stack.map((node) => node.children.length),
      scopes: this.scopes.map((scope) => copyScope(scope, scope.node)),
      part: this.part,
      // Copies: a slice would keep this version's whole text alive for as long as the checkpoint lives, and
      // checkpoints outlive versions (re-parses keep theirs).
      itemText: detached(this.itemText),
      quoteSeen: this.quoteSeen,
      pendingLead: this.pendingLead ? [this.pendingLead[0], this.pendingLead[1]] : undefined,
      pendingQuote: this.pendingQuote,
      titleLinesLeft: this.titleLinesLeft,
      lastLineOpen: this.lastLineOpen,
      lastLineWantsNumber: this.lastLineWantsNumber,
      lastLineKind: this.lastLineKind,
      previousLineText: detached(this.previousLineText),
      errorCount: this.errorBase + this.errors.length,
      column: this.column !== undefined,
    };
  }

  /** Takes the state of a checkpoint; the open nodes are copied (children up to then) so the old tree stays whole. */
  restore(checkpoint: ParserCheckpoint): SyntaxNode[] {
    const copies = new Map<SyntaxNode, SyntaxNode>();
    const path: SyntaxNode[] = [];
    checkpoint.stack.forEach((node, depth) => {
      const copy = makeNode(node.kind, node.start, node.end, node.children.slice(0, checkpoint.childCounts[depth]), node.info);
      if (depth > 0) path[depth - 1].children[path[depth - 1].children.length - 1] = copy;
      copies.set(node, copy);
      path.push(copy);
    });
    this.stack = [...path];
    this.resumed = true;
    this.fresh.push(...path);
    this.scopes = checkpoint.scopes.map((scope) => copyScope(scope, copies.get(scope.node) ?? scope.node));
    this.mainScope = this.scopes[0];
    this.part = checkpoint.part;
    this.itemText = checkpoint.itemText;
    this.quoteSeen = checkpoint.quoteSeen;
    this.pendingLead = checkpoint.pendingLead ? [checkpoint.pendingLead[0], checkpoint.pendingLead[1]] : undefined;
    this.pendingQuote = checkpoint.pendingQuote;
    this.titleLinesLeft = checkpoint.titleLinesLeft;
    this.column = undefined;
    this.readAheadUntil = 0;
    this.splitNumber = undefined;
    this.deferredSection = undefined;
    this.lastLineOpen = checkpoint.lastLineOpen;
    this.lastLineWantsNumber = checkpoint.lastLineWantsNumber;
    this.lastLineKind = checkpoint.lastLineKind;
    this.previousLineText = checkpoint.previousLineText;
    this.errorBase = checkpoint.errorCount;
    this.errors = [];
    this.nextCheckpoint = checkpoint.offset + CHECKPOINT_SPACING;
    return path;
  }

  newErrors(): SyntaxError[] {
    return this.errors;
  }

  taken(): ParserCheckpoint[] {
    return this.checkpoints;
  }

  /** What run() does after the last line, for a resumed parse that reached the end of the text. */
  finish(): void {
    this.flushLead();
  }

  /** Structure only (huge texts): the lines that cannot be more than text (structure-scan.ts) become one text
   *  token per run; the others, and every line while a heading is open, go through line() as in run(). */
  runHeadingsOnly(): ParseResult {
    const source = this.source;
    this.openPart('judul', 0);
    let pos = 0;
    while (pos < source.length) {
      if (this.top.kind !== 'heading') {
        const next = nextStructureLine(source, pos);
        if (next > pos) {
          this.token('text', pos, next);
          pos = next;
          continue;
        }
      }
      pos = this.lineAt(pos);
    }
    this.flushLead();
    finishEnds(this.root);
    return { source, root: this.root, errors: this.errors };
  }

  // ---- tree building -------------------------------------------------------------------------

  private get top(): SyntaxNode {
    return this.stack[this.stack.length - 1];
  }

  private get scope(): Scope {
    return this.scopes[this.scopes.length - 1];
  }

  private token(kind: TokenKind, start: number, end: number): void {
    if (end <= start) return;
    this.flushLead();
    this.top.children.push(makeToken(kind, start, end));
  }

  /** A line's leading decoration ("- " before "(1)") belongs to the unit that starts right after it. */
  private flushLead(): void {
    const lead = this.pendingLead;
    if (!lead) return;
    this.pendingLead = undefined;
    this.decorate(lead[0], lead[1]);
  }

  private open(kind: NodeKind, start: number, info: NodeInfo = {}): SyntaxNode {
    const lead = this.pendingLead !== undefined && this.pendingLead[1] === start && kind !== 'heading' ? this.pendingLead : undefined;
    if (lead) this.pendingLead = undefined;
    else this.flushLead();
    const node = makeNode(kind, lead ? lead[0] : start, start, [], info);
    this.top.children.push(node);
    this.stack.push(node);
    if (this.resumed) this.fresh.push(node);
    if (lead) this.decorate(lead[0], lead[1]);
    return node;
  }

  private closeHeading(): void {
    if (this.top.kind === 'heading') this.stack.pop();
    this.titleLinesLeft = 0;
  }

  /** Pops nodes of rank ≥ `rank`, never past a quote (a quote is closed explicitly). */
  private popTo(rank: number): void {
    this.closeHeading();
    while (this.stack.length > 1) {
      const node = this.top;
      if (node.kind === 'quote' || rankOf(node.kind) < rank) break;
      this.stack.pop();
    }
  }

  private closeQuote(): void {
    this.closeHeading();
    const index = findLastIndex(this.stack, (node) => node.kind === 'quote');
    if (index < 0) return;
    this.stack.length = index;
    this.scopes.pop();
  }

  private closeAllQuotes(): void {
    while (this.scope.kind === 'quote') this.closeQuote();
    this.pendingQuote = false;
  }

  private openPart(kind: PartKind, start: number): void {
    this.closeAllQuotes();
    this.closeHeading();
    this.stack.length = 1;
    const node = this.open(kind, start);
    this.part = kind;
    if (kind === 'penjelasan' || kind === 'lampiran') {
      this.scopes = [this.mainScope, newScope(kind, node, new Set())];
    } else if (this.scopes.length !== 1) {
      this.scopes = [this.mainScope];
    }
  }

  private openSection(kind: SectionKind, start: number): void {
    this.closeAllQuotes();
    this.popTo(2);
    this.open(kind, start);
  }

  private openQuote(start: number): void {
    this.closeHeading();
    const announced = announcedNames(this.itemText);
    const node = this.open('quote', start, { announced: [...announced] });
    // A Lampiran's example is no amendment: the Penjelasan is not read as an amending law's.
    if (this.part !== 'lampiran') this.quoteSeen = true;
    this.scopes.push(newScope('quote', node, announced));
    this.pendingQuote = false;
  }

  // ---- lines ---------------------------------------------------------------------------------

  private line(start: number, end: number): void {
    this.lineStart = start;
    this.lineEnd = end;
    if (isBlank(this.source, start, end)) {
      // Not lastLineWantsNumber: "… pada ayat", a blank line (a page's foot), "(2) merupakan …" is one citation.
      // "Nomor" only leads into the very next line: after it, a blank line and "3." is a list label again.
      this.token('whitespace', start, end);
      if (this.lastLineWantsNumber && this.previousLineText.endsWith('Nomor')) this.lastLineWantsNumber = false;
      return;
    }
    if (this.deferredSection !== undefined && start >= this.deferredSection.at) {
      this.openSection(this.deferredSection.kind, start);
      this.deferredSection = undefined;
      this.itemText = '';
    }
    const source = this.source;
    // A page number "- 12 -" (the regex only for lines whose first visible character allows one).
    const visible = trimmedStart(source, isSpacing, start, end);
    const first = source.charCodeAt(visible);
    if ((first === 45 /* - */ || first > 127) && PAGE_NUMBER.test(source.slice(start, end))) {
      this.token('page-number', start, end);
      return;
    }
    // "PRES I DEN REPUBLIK INDONESIA -5-": a scanned page's running header (as OCR spaced it, or with its page
    // number), page furniture like the number alone; a heading repeated across it is the scraper's repeat.
    if (first === 80 /* P */ && RUNNING_HEADER.test(source.slice(visible, trimmedEnd(source, isJsWhitespace, end, visible)))) {
      this.token('page-number', start, end);
      return;
    }
    // "*. \", J.T[ t,',?Sf; ,., r., o -8-": a running header OCR made marks of, its page number at the end.
    if (end - visible < 60 && isGarbledHeader(source, visible, trimmedEnd(source, isJsWhitespace, end, visible))) {
      this.token('page-number', start, end);
      return;
    }
    // "- 11 BAB II", "-3BAB I": a page number that lost its closing dash, run into the line that opens the page.
    if (first === 45) {
      PAGE_NUMBER_BEFORE_HEADING.lastIndex = visible;
      if (PAGE_NUMBER_BEFORE_HEADING.test(source) && PAGE_NUMBER_BEFORE_HEADING.lastIndex < end) {
        const rest = PAGE_NUMBER_BEFORE_HEADING.lastIndex;
        this.token('page-number', start, rest);
        this.line(rest, end);
        return;
      }
      // "\f-7(5)", "\f- 10 5.", "\f-424. Perusahaan …": after a page break (form feed), the page number run
      // into whatever opens the page, a list label too. Only there: elsewhere "-5 …" may be text.
      const rest = hasFormFeed(source, start, visible) ? this.afterGluedPageNumber(visible, end) : visible;
      if (rest > visible) {
        this.token('page-number', start, rest);
        this.line(rest, end);
        return;
      }
    }
    // Suppression comments are trivia: they neither end nor continue the text around them.
    if (startsComment(source, start, end)) {
      this.token('comment', start, end);
      return;
    }
    // Markdown bullets and emphasis, and the opening quote of quoted amendment text ("Pasal 6 …), lead a heading.
    const bodyStart = leadEnd(source, start, end);
    const bodyEnd = Math.max(bodyStart, trimmedEnd(source, isSpacingOrStar, end, bodyStart));
    const body = this.source.slice(bodyStart, bodyEnd);
    // A heading alone repeated with OCR's letters for digits counts too ("Pasal 10" / "Pasal 1O").
    const repeated = body.length > 3 && (body === this.previousLineText || sameHeadingAlone(body, this.previousLineText));
    this.lineBeforeText = this.previousLineText;
    this.previousLineText = body;
    if (bodyStart > start) this.pendingLead = [start, bodyStart];
    // A label column (label-column.ts): its label lines, and the paragraphs its labels open.
    if ((this.column !== undefined || (body.length <= 6 && this.columnsHere())) && this.columnLine(bodyStart, bodyEnd, end)) return;
    // And one whose "..." was lost ("(3) Pengumuman ." before "(3) Pengumuman sebagaimana …"): a label or heading
    // and a word or two, ending in a full stop, that the next line begins with.
    // The next line is read last: most short lines ending in a full stop are no label or heading at all.
    // And one whose page ends without dots, its foot and the next page's head between it and its repeat ("e. memberikan"
    // / "SK No 211862A" / "PRESIDEN" / "REPUBLIK INDONESIA" / "-4-" / "e. memberikan saran …"): read last, rarest.
    if (body.length < 80 && (CATCHWORD_TAIL.test(body) ? isCatchword(body) : (body.endsWith('.') && isCatchword(body) && this.nextLineRepeats(body)) || (body.length < 48 && this.repeatsAfterPageTurn(body) && isCatchword(body)))) {
      this.token('catchword', bodyStart, bodyEnd);
      this.decorate(bodyEnd, end);
      return;
    }
    // "Pasal 3" / "b c d" / "Pasal 3": stray letters (a column of list labels that lost their dots) between a
    // heading and the scraper's repeat of it are no text of the article, so the repeat reads as one.
    // Not in a headings-only parse: its fast scan skips the lines between headings.
    // So are stray ayat labels there ("Pasal 70" / "(1) (2t" / "Pasal 70"): a label column's remains.
    if (body.length <= 16 && !this.headingsOnly && (STRAY_LETTERS.test(body) || STRAY_AYAT_LABELS.test(body)) && this.strayBeforeRepeat()) {
      this.token('catchword', bodyStart, bodyEnd);
      this.decorate(bodyEnd, end);
      return;
    }
    // The number of a Pasal heading whose keyword stood alone on a line before (see splitPasalHeading).
    if (this.splitNumber !== undefined) {
      const expected = this.splitNumber;
      this.splitNumber = undefined;
      if (body === expected) {
        this.token('number', bodyStart, bodyEnd);
        this.decorate(bodyEnd, end);
        this.lastLineKind = 'structure';
        this.lastLineOpen = false;
        this.lastLineWantsNumber = false;
        return;
      }
    }
    if (this.top.kind === 'heading' && this.titleLinesLeft > 0 && this.isTitleLine(body)) {
      this.token('title', bodyStart, bodyEnd);
      this.titleLinesLeft--;
      this.decorate(bodyEnd, end);
      this.lastLineKind = 'structure';
      this.lastLineOpen = false;
      return;
    }
    this.closeHeading();
    // "3. Persetujuan... Bagian Kedua...": a scraper left a label and one word of a lost page; the rest may be real.
    // The heading or label the line starts with, scanned once for lostPagePrefix and lineStartStructure.
    let heading = scanHeading(body, 0);
    const plainLabel = heading ? undefined : scanLabel(body, 0, false);
    const lost = lostPagePrefix(body, heading, plainLabel);
    if (lost > 0) {
      this.token('catchword', bodyStart, bodyStart + lost);
      const restStart = bodyStart + lost;
      if (restStart < bodyEnd) {
        const ws = /^[ \t]*/.exec(this.source.slice(restStart, bodyEnd))![0].length;
        this.token('whitespace', restStart, restStart + ws);
        this.inlineRest(restStart + ws, bodyEnd);
      }
      this.decorate(bodyEnd, end);
      this.flushLead();
      this.lastLineOpen = false;
      return;
    }
    if (this.headingsOnly) {
      if (heading) heading = this.spacedOrWritten(heading, body);
      const accepted = heading && heading.number && !heading.keywordDamage ? this.spaceDamage(heading, this.acceptHeading(heading, body, 'line')) : undefined;
      if (heading && accepted) {
        const next = this.handleHeading(shiftHeading(heading, bodyStart), accepted, bodyEnd, false);
        this.token(this.top.kind === 'heading' ? 'title' : 'text', next, bodyEnd);
        this.closeHeading();
      } else {
        this.token('text', bodyStart, bodyEnd);
      }
    } else {
      this.segments(bodyStart, bodyEnd, body, repeated, heading, plainLabel);
    }
    this.decorate(bodyEnd, end);
    this.flushLead();
    const last = body.charAt(body.length - 1);
    // A line ending in a word that leads into a reference ("… sebagaimana dimaksud dalam") continues on the next;
    // so does one ending in "Nomor" ("… Tahun 2023 Nomor" / "472) sebagaimana …": a number, not a label).
    const word = lastWord(body);
    this.lastLineWantsNumber = UNIT_WORDS.has(word.text) || word.text === 'Nomor';
    this.lastLineOpen = last === ',' || word.open;
  }

  private decorate(start: number, end: number): void {
    if (end <= start) return;
    const text = this.source.slice(start, end);
    this.token(/^[ \t\u00a0\x00-\x08\x0b\x0c\x0e-\x1f]*$/.test(text) ? 'whitespace' : 'decoration', start, end);
  }

  private isTitleLine(body: string): boolean {
    if (scanHeading(body, 0) || scanLabel(body, 0, this.part === 'penjelasan') || partMarker(body)) return false;
    const heading = this.top;
    const owner = this.stack[this.stack.length - 2];
    if (owner?.kind === 'bab' || owner?.kind === 'buku') {
      const upper = (body.match(/[A-Z]/g) ?? []).length;
      const lower = (body.match(/[a-z]/g) ?? []).length;
      return upper > 0 && lower <= upper * 0.25;
    }
    return heading.kind === 'heading' && CAPITAL_FIRST.test(body) && body.length < 200 && !/[;]$/.test(body);
  }

  /** Splits a line body into text, headings and labels, left to right. */
  private segments(start: number, end: number, body: string, repeated: boolean, heading: HeadingCandidate | undefined, plainLabel: LabelCandidate | undefined): void {
    let pos = start;
    // Not after a line that ended in a unit word ("… pada ayat" / "(3) huruf b …"): the label is its number.
    let labelsAllowed = !this.lastLineWantsNumber;
    if (this.lineStartMarker(start, end, body)) {
      return;
    }
    const first = this.lineStartStructure(start, end, body, repeated, heading, plainLabel);
    if (first !== undefined) {
      pos = first.next;
      labelsAllowed = first.labelsNext;
      this.lastLineKind = 'structure';
    } else {
      this.lastLineKind = 'text';
    }
    this.inlineRest(pos, end, labelsAllowed);
  }

  private text(start: number, end: number): void {
    if (end <= start) return;
    const heading = this.top.kind === 'heading';
    this.token(heading ? 'title' : 'text', start, end);
    if (heading) {
      this.closeHeading();
      return;
    }
    this.appendItem(start, end);
    if (this.scope.kind !== 'quote' && !this.pendingQuote && endsWithQuoteLead(this.source, start, end) && INSTRUCTION_VERB.test(this.itemText) && /\b(berbunyi|disisipkan|ditambahkan|ditambah|sehingga)\b/i.test(this.itemText)) {
      this.pendingQuote = true;
    }
    // "… ditulis dengan huruf kapital. Contoh:" in a Lampiran (a drafting manual): what follows is an example, quoted
    // (never checked) until the Lampiran's own list goes on.
    if (this.part === 'lampiran' && this.scope.kind !== 'quote' && !this.pendingQuote && endsWithExampleLead(this.source, start, end)) {
      this.pendingQuote = true;
    }
  }

  /**
   * Where the page's own text starts after "-N" at `at` (a page number that lost its closing dash), or `at`
   * when there is none. Digits run into a list label ("-424.", page 4 and angka 24) are split where the label
   * continues the open list, else they all number the page.
   */
  private afterGluedPageNumber(at: number, end: number): number {
    const source = this.source;
    let p = at + 1;
    if (p < end && (source.charCodeAt(p) === 32 || source.charCodeAt(p) === 9)) p++;
    const digits = p;
    while (p < end && p - digits < 4 && isDigit(source.charCodeAt(p))) p++;
    if (p === digits || p >= end || isDigit(source.charCodeAt(p))) return at;
    const next = source.charCodeAt(p);
    if (next === 32 || next === 9) {
      const after = trimmedStart(source, isSpacing, p, end);
      // "- 13 -" with text after it: the closing dash belongs to the page number.
      if (source.charCodeAt(after) === 45 && after + 1 < end && isSpacing(source.charCodeAt(after + 1))) return trimmedStart(source, isSpacing, after + 1, end);
      return after < end ? after : at;
    }
    if (next === 45 /* - */) return at;
    if (next === 46 /* . */ || next === 41 /* ) */) {
      const line = source.slice(digits, end);
      for (let split = 1; split < p - digits; split++) {
        if (line.charCodeAt(split) === 48 /* 0 */) continue;
        const label = scanLabel(line, split, this.part === 'penjelasan');
        if (label && label.kind === 'angka' && (label.value === '1' || this.listFits(label))) return digits + split;
      }
    }
    return p;
  }

  /**
   * "Mengingat" alone on its line, then the konsiderans' next item ("c." / "bahwa …;"), then ": 1.": the page
   * printed the marker a row early (Permenkeu 99/2025). The start of the line where the dasar hukum's items begin
   * (a colon, or a label that is not the konsiderans' next), or undefined when the lines after read otherwise.
   */
  private markerBeforeLastItem(from: number): number | undefined {
    const section = this.stack[2];
    if (!section || section.kind !== 'konsiderans') return undefined;
    let last: UnitNumber | undefined;
    for (let i = section.children.length - 1; i >= 0 && !last; i--) {
      const child = section.children[i];
      if (child.type === 'node' && child.kind === 'huruf' && child.info.numberText) last = parseLetter(child.info.numberText);
    }
    if (!last) return undefined;
    const source = this.source;
    let pos = from;
    let item: UnitNumber | undefined;
    // The item's label stood alone: its text, on the next line, must open with "bahwa".
    let textNext = false;
    for (let lines = 0; lines < MARKER_LOOKAHEAD_LINES && pos < source.length; lines++) {
      const line = visibleLine(source, pos);
      const { start: lineStart, bodyStart, bodyEnd: end } = line;
      pos = line.next;
      if (bodyStart >= end) continue;
      if (textNext) {
        if (!source.startsWith('bahwa', bodyStart)) return undefined;
        textNext = false;
        continue;
      }
      if (item && source.charCodeAt(bodyStart) === 58 /* : */) return lineStart;
      const label = scanLabel(source.slice(bodyStart, Math.min(end, bodyStart + 8)), 0, false);
      const next = label !== undefined && label.kind === 'huruf' && isSuccessor(item ?? last, label.number);
      if (!item && !next) return undefined;
      if (label && !next) return lineStart;
      if (next) {
        item = label.number;
        const textStart = trimmedStart(source, isSpacing, bodyStart + label.end, end);
        if (textStart >= end) textNext = true;
        else if (!source.startsWith('bahwa', textStart)) return undefined;
      }
    }
    return undefined;
  }

  private labelsCountHere(): boolean {
    return this.part !== 'judul' && this.part !== 'penutup';
  }

  // ---- part markers ----------------------------------------------------------------------------

  private lineStartMarker(start: number, end: number, body: string): boolean {
    const marker = partMarker(body);
    if (!marker) return false;
    const inBody = this.part === 'batang-tubuh';
    switch (marker.kind) {
      case 'pembukaan':
        if (this.part !== 'judul') return false;
        this.openPart('pembukaan', start);
        // "DENGAN RAHMAT TUHAN YANG MAHA ESA PRESIDEN REPUBLIK INDONESIA, Menimbang : a. bahwa …": what a scraper
        // joined to the formula is read after it.
        this.markerThenRest(start, start + marker.length, end);
        return true;
      case 'konsiderans':
      case 'dasar-hukum':
      case 'memperhatikan':
      case 'diktum': {
        if (this.part !== 'judul' && this.part !== 'pembukaan') return false;
        if (this.part === 'judul') this.openPart('pembukaan', start);
        const at = marker.kind === 'dasar-hukum' && body.length === marker.length ? this.markerBeforeLastItem(end) : undefined;
        if (at !== undefined) {
          // The keyword stays where it was printed; the section opens where its items start.
          this.token('keyword', start, start + marker.length);
          this.deferredSection = { kind: marker.kind, at };
          return true;
        }
        this.openSection(marker.kind, start);
        this.token('keyword', start, start + marker.length);
        this.itemText = '';
        this.afterMarker(start + marker.length, end);
        return true;
      }
      case 'penutup':
        if (!inBody && this.part !== 'pembukaan') return false;
        this.openPart('penutup', start);
        // "Agar setiap orang mengetahuinya, … ttd. … PENJELASAN ATAS UNDANG-UNDANG … I. UMUM …": the Penjelasan a
        // scraper joined to the promulgation line opens where it stands.
        this.inlineRest(start, end);
        return true;
      case 'penjelasan':
        if (this.part === 'judul' || this.part === 'pembukaan' || (inBody && this.scope.kind === 'quote')) return false;
        this.openPart('penjelasan', start);
        // "PENJELASAN ATAS … NOMOR 2 TAHUN 2008 … II. PASAL DEMI PASAL Pasal 1 Ayat (1) Cukup jelas.": as mid-line.
        this.markerThenRest(start, start + marker.length, end);
        return true;
      case 'lampiran':
        if (this.part === 'judul' || this.part === 'pembukaan' || (inBody && this.scope.kind === 'quote')) return false;
        // A second annex ("LAMPIRAN II …") starts a new part; the annex's own repeated headers do not.
        if (this.part === 'lampiran' && !/^L?AMPIRAN[ \t]+[IVX]{1,5}\b/.test(body)) return false;
        this.openPart('lampiran', start);
        this.token('keyword', start, end);
        return true;
      case 'penjelasan-umum':
      case 'penjelasan-pasal':
        if (!this.penjelasanSectionHere(body)) return false;
        if (this.part !== 'penjelasan') this.openPart('penjelasan', start);
        this.openSection(marker.kind, start);
        this.token('keyword', start, start + marker.length);
        if (start + marker.length < end) {
          const rest = trimmedStart(this.source, isSpacing, start + marker.length, end);
          this.token('whitespace', start + marker.length, rest);
          this.inlineRest(rest, end);
        }
        return true;
    }
    return false;
  }

  /**
   * "I. UMUM" / "II. PASAL DEMI PASAL" open a section of the Penjelasan after its header or the penutup; "II. PASAL
   * DEMI PASAL", which nothing else says, also where the scraper lost the PENJELASAN header (outside quoted text).
   */
  private penjelasanSectionHere(text: string): boolean {
    if (this.part === 'penjelasan' || this.part === 'penutup') return true;
    return this.part === 'batang-tubuh' && this.scope.kind !== 'quote' && text.startsWith('II');
  }

  /** A part's marker as a keyword token, then the rest of its line read as any line's rest. */
  private markerThenRest(start: number, markerEnd: number, end: number): void {
    this.token('keyword', start, markerEnd);
    if (markerEnd >= end) return;
    const rest = trimmedStart(this.source, isSpacing, markerEnd, end);
    this.token('whitespace', markerEnd, rest);
    this.inlineRest(rest, end);
  }

  /** After "Menimbang :" the rest of the line may start with a label ("a. bahwa …"). */
  private afterMarker(pos: number, end: number): void {
    const colon = /^[ \t\u00a0\x00-\x08\x0b\x0c\x0e-\x1f]*:?[ \t\u00a0\x00-\x08\x0b\x0c\x0e-\x1f]*/.exec(this.source.slice(pos, end))![0].length;
    this.token('text', pos, pos + colon);
    let at = pos + colon;
    if (at >= end) return;
    const rest = this.source.slice(at, end);
    const plain = scanLabel(rest, 0, false);
    // "l." reads as a huruf: first in a Mengingat it is "1.".
    const damaged = !plain || (plain.kind === 'huruf' && plain.value === 'l') ? this.damagedFirstItem(rest) : undefined;
    const label = damaged ?? plain;
    if (label) at = this.handleLabel(shift(label, at), false, damaged?.written);
    this.inlineRest(at, end);
  }

  /**
   * The section's first item after its marker, its label OCR damaged: "Menimbang : a bahwa …" (the full stop lost)
   * and "Mengingat : I.Undang-Undang …" (the digit read as a capital I or an l). Reported with the repair.
   */
  private damagedFirstItem(rest: string): (LabelCandidate & { written: string }) | undefined {
    const section = this.top.kind;
    if (section === 'konsiderans') {
      const comma = DAMAGED_LIST_LABEL.exec(rest);
      if (!comma || comma[1] !== 'a') return undefined;
      const letter = damagedListLabel(comma);
      return { ...letter, written: rest.slice(0, letter.end) };
    }
    if (section !== 'dasar-hukum' && section !== 'memperhatikan') return undefined;
    const one = FIRST_ITEM_AS_LETTER.exec(rest);
    return one ? { kind: 'angka', style: 'dot', start: 0, end: 2, value: '1', number: parseArabic('1')!, written: one[1] } : undefined;
  }

  /**
   * The rest of a line from `at`: text, with the inline headings and labels midline() accepts. `labelsFirst`: a
   * label may open it (after a heading: "Pasal 1 Angka 1 Cukup jelas …", "Pasal 5 (1) …").
   */
  private inlineRest(at: number, end: number, labelsFirst = false): void {
    let labelsAllowed = labelsFirst;
    let pos = at;
    while (pos < end) {
      if (labelsAllowed) {
        const ws = trimmedStart(this.source, isSpacing, pos, Math.min(end, pos + 16)) - pos;
        const rest = pos + ws < end ? this.source.slice(pos + ws, end) : '';
        const label = rest !== '' ? scanLabel(rest, 0, this.part === 'penjelasan') : undefined;
        if (label && this.labelsCountHere() && !this.itemEnumeration(label)) {
          this.token('whitespace', pos, pos + ws);
          pos = this.handleLabel(shift(label, pos + ws), false);
          labelsAllowed = false;
          continue;
        }
        // "Pasal 28 (l) Penanggung jawab …": the first ayat, OCR-damaged.
        const first = !label && rest !== '' && this.labelsCountHere() ? this.ocrFirstAyat(rest, 0) : undefined;
        if (first) {
          this.token('whitespace', pos, pos + ws);
          pos = this.handleLabel(shift(first, pos + ws), false, first.written);
          labelsAllowed = false;
          continue;
        }
        labelsAllowed = false;
      }
      const next = this.nextMidline(pos, end);
      if (!next) {
        this.text(pos, end);
        pos = end;
        break;
      }
      this.text(pos, next.at);
      pos = next.handle();
      labelsAllowed = next.labelsNext;
    }
  }

  // ---- headings ---------------------------------------------------------------------------------

  /** `heading` and `plainLabel` are scanHeading(body, 0) and (when no heading) scanLabel(body, 0, false). */
  private lineStartStructure(
    start: number,
    end: number,
    body: string,
    repeated: boolean,
    heading: HeadingCandidate | undefined,
    plainLabel: LabelCandidate | undefined,
  ): { next: number; labelsNext: boolean } | undefined {
    if (this.lastLineWantsNumber) return undefined;
    if (heading) {
      heading = this.spacedOrWritten(heading, body);
      let accepted = this.spaceDamage(heading, this.acceptHeading(heading, body, 'line'));
      // "Pasal 10" / "Pasal 1O": the scraper's repeat with OCR's letters has the number of the heading it repeats.
      const last = this.scope.lastPasal;
      if (repeated && accepted && heading.kind === 'pasal' && last && body !== this.lineBeforeText && normaliseKey(accepted.number.text) !== normaliseKey(last.text)) {
        accepted = { number: last, repaired: last.text, damage: { kind: 'number', written: heading.numberText, read: last.text } };
      }
      // "Pasal 71" / "Beberapa ketentuan dalam Undang-Undang Nomor 36 …" in a quote: the body's article after a lost
      // one (its own line, or the line after a heading alone) amends the next law, so it ends the quote.
      // Asked in a quote only: the next line is read for a heading alone on its line.
      if (this.scope.kind === 'quote') {
        const after = body.slice(heading.numberEnd);
        const bodyArticle = heading.kind === 'pasal' && this.bodyArticleAfterLost(heading, after.trim() === '' ? this.nextLineBody() : after);
        if (bodyArticle || this.bodyContainerHere(heading, after)) {
          if (bodyArticle) accepted = { number: heading.number! };
          this.endQuoteForBody();
        }
      }
      if (accepted) {
        const next = this.handleHeading(shiftHeading(heading, start), accepted, end, repeated);
        return { next, labelsNext: heading.kind === 'pasal' };
      }
    }
    // "Pasal" / "" / "3" / "Peraturan Daerah ini …": pdftotext set the heading's number on a line of its own.
    const split = heading === undefined && body.length === 5 ? this.splitPasalHeading(body) : undefined;
    if (split) {
      const next = this.handleHeading(shiftHeading(split, start), { number: split.number! }, end, repeated);
      this.splitNumber = split.numberText;
      return { next, labelsNext: false };
    }
    if (!this.labelsCountHere()) return undefined;
    const numeral = heading === undefined && this.inPenjelasanUmum() && !SECTION_OF_PENJELASAN.test(body) ? ROMAN_SUBSECTION.exec(body) : null;
    if (numeral) return { next: this.subsection(start, numeral[0].length), labelsNext: false };
    const label = heading === undefined && this.part !== 'penjelasan' ? plainLabel : scanLabel(body, 0, this.part === 'penjelasan');
    if (label) {
      if (this.part === 'judul') return undefined;
      if (this.itemEnumeration(label)) return undefined;
      // "l. Pasal 5 ayat (2) …" where no huruf list is open: a list never starts at l, so it is "1." OCR'd.
      // And "b. Tahap II berupa:" / "l. Laporan …": a list opening after a colon never starts at l either.
      if (label.kind === 'huruf' && label.value === 'l' && (!this.inListOf(label) || (!this.listFits(label) && this.lineBeforeText.endsWith(':')))) {
        const one: LabelCandidate = { kind: 'angka', style: label.style, start: label.start, end: label.end, value: '1', number: parseArabic('1')! };
        return { next: this.handleLabel(shift(one, start), repeated, body.slice(label.start, label.end)), labelsNext: false };
      }
      // "k. pendidikan;" / "1. pariwisata;": the huruf list's "l." OCR'd as "1." (a sublist would follow a colon).
      if (label.kind === 'angka' && label.value === '1' && label.style === 'dot' && /;(?:[ \t]*(?:dan|atau|dan\/atau))?$/.test(this.lineBeforeText)) {
        const ell: LabelCandidate = { kind: 'huruf', style: 'dot', start: label.start, end: label.end, value: 'l', number: parseLetter('l')! };
        if (this.listFits(ell)) return { next: this.handleLabel(shift(ell, start), repeated, body.slice(label.start, label.end)), labelsNext: false };
      }
      const next = this.handleLabel(shift(label, start), repeated);
      return { next, labelsNext: false };
    }
    // "b, bahwa …", "e bahwa …": the huruf that continues the open list, its full stop read as a comma or lost.
    const comma = heading === undefined && this.part !== 'judul' ? DAMAGED_LIST_LABEL.exec(body) : null;
    if (comma) {
      const letter = damagedListLabel(comma);
      if (this.listFits(letter)) return { next: this.handleLabel(shift(letter, start), repeated, body.slice(0, letter.end)), labelsNext: false };
    }
    // "(21 Dua …" opening a line: the ayat expected next, its closing parenthesis read as "1" (see midline()).
    const damaged = heading === undefined && this.part !== 'judul' ? scanDamagedAyat(body, 0, this.part === 'penjelasan') : undefined;
    if (damaged && this.ayatFits(damaged.number)) return { next: this.handleLabel(shift(damaged, start), repeated, damaged.written), labelsNext: false };
    // "Tahun 1945; C." / "d.": a huruf list's letter OCR read as a capital, in the body or the pembukaan (elsewhere
    // "C. Tujuan" may head a section), the letter expected next only.
    const capital = heading === undefined && (this.part === 'batang-tubuh' || this.part === 'pembukaan') ? CAPITAL_LETTER_LABEL.exec(body) : null;
    if (capital) {
      const letter: LabelCandidate = { kind: 'huruf', style: 'dot', start: 0, end: 2, value: capital[1].toLowerCase(), number: parseLetter(capital[1].toLowerCase())! };
      if (this.listFits(letter)) return { next: this.handleLabel(shift(letter, start), repeated, capital[0]), labelsNext: false };
    }
    // "Ayat (a)" in a Penjelasan where ayat (4) is expected.
    const letterAyat = heading === undefined && this.part === 'penjelasan' && body.startsWith('Ayat') ? this.penjelasanLetterAyat(body) : undefined;
    if (letterAyat) return { next: this.handleLabel(shift(letterAyat, start), repeated, letterAyat.written), labelsNext: false };
    // The same alone on its line, its text on the next ("(21" / "Desa dengan kinerja …"), when the ayat is expected.
    const alone = heading === undefined && this.part !== 'judul' && this.part !== 'penjelasan' && CLOSING_READ_AS_ONE.test(body) ? parseArabic(body.slice(1, -1), false) : undefined;
    if (alone && this.ayatFits(alone) && CAPITAL_FIRST.test(this.nextLineBody())) {
      const label: LabelCandidate = { kind: 'ayat', style: 'ayat', start: 0, end: body.length, value: body.slice(1, -1), number: alone };
      return { next: this.handleLabel(shift(label, start), repeated, body), labelsNext: false };
    }
    // "m.Perindustrian;", "2.Peraturan": a label glued to its item's text, the item the open list expects next.
    const glued = heading === undefined && this.part !== 'judul' ? GLUED_LIST_LABEL.exec(body) : null;
    if (glued) {
      const letter = glued[1].charCodeAt(0) >= 97;
      const number = letter ? parseLetter(glued[1]) : parseArabic(glued[1]);
      const item: LabelCandidate | undefined = number && { kind: letter ? 'huruf' : 'angka', style: 'dot', start: 0, end: glued[0].length, value: glued[1], number };
      if (item && this.listFits(item)) return { next: this.handleLabel(shift(item, start), repeated), labelsNext: false };
    }
    // "14 . Peraturan", "ll.Indeks", "(1O) Penyusunan": a number label OCR damaged, taken as the number expected next.
    const ocr = heading === undefined && this.part !== 'judul' ? scanOcrNumberLabel(body, 0) : undefined;
    if (ocr && (ocr.kind === 'ayat' ? this.ayatFits(ocr.number) : this.listFits(ocr))) return { next: this.handleLabel(shift(ocr, start), repeated, ocr.written), labelsNext: false };
    // "( 1)" opening a line: an ayat label spaced inside its parentheses by pdftotext. Alone on its line it is read
    // as "(1)" would be; before text, only as the ayat expected next.
    const spaced = heading === undefined && this.part !== 'judul' ? scanSpacedAyat(body, 0) : undefined;
    if (spaced && (this.ayatFits(spaced.number) || NOTHING_WRITTEN.test(body.slice(spaced.end)))) return { next: this.handleLabel(shift(spaced, start), repeated, spaced.written), labelsNext: false };
    // "(l) Setiap …" opening a line under "Pasal 28": its first ayat, OCR-damaged.
    const first = heading === undefined ? this.ocrFirstAyat(body, 0) : undefined;
    if (first) return { next: this.handleLabel(shift(first, start), repeated, first.written), labelsNext: false };
    // "Pasa-l 15" / "(1) …": a keyword OCR garbled beyond the scanner's forms opening its line, taken (as mid-line)
    // only for the body's exact next article, opening with "(1)" or a capitalised sentence there or on the next line.
    const fuzzy = heading === undefined && plainLabel === undefined ? this.lineStartFuzzyPasal(body) : undefined;
    if (fuzzy) return { next: this.handleHeading(shiftHeading(fuzzy.heading, start), fuzzy.accepted, end, repeated), labelsNext: true };
    return undefined;
  }

  private lineStartFuzzyPasal(body: string): { heading: HeadingCandidate; accepted: { number: UnitNumber; damage: Damage } } | undefined {
    const first = body.charCodeAt(0);
    if ((first !== 80 /* P */ && first !== 73 /* I */) || this.part !== 'batang-tubuh' || this.scope.kind === 'quote' || this.pendingQuote) return undefined;
    const heading = scanFuzzyPasal(body, 0);
    if (!heading || !this.fits('pasal', heading.number!, this.scope)) return undefined;
    const restStart = trimmedStart(body, isSpacing, heading.restStart, body.length);
    const rest = restStart < body.length ? body.slice(restStart) : this.nextLineBody();
    if (!opensArticleOrOcrAyat(rest)) return undefined;
    return { heading, accepted: { number: heading.number!, damage: { kind: 'keyword', written: heading.keywordDamage! } } };
  }

  /**
   * "Ayat (a)" opening `text` in a Penjelasan where ayat (4) is expected: a Penjelasan label whose digit OCR read as a
   * letter that looks like it (a for 4, s for 5, b for 6, g for 9, z for 2), taken only as the ayat expected next.
   */
  private penjelasanLetterAyat(text: string): (LabelCandidate & { readonly written: string }) | undefined {
    const match = PENJELASAN_LETTER_AYAT.exec(text);
    if (!match) return undefined;
    const digit = LETTER_FOR_DIGIT[match[2]];
    const number = digit === undefined ? undefined : parseArabic(digit, false);
    if (!number || !this.ayatFits(number)) return undefined;
    return { kind: 'ayat', style: 'ayat', start: 0, end: match[0].length, value: digit, number, keywordEnd: 4, labelStart: match[1].length, written: match[0].slice(match[1].length) };
  }

  /**
   * "a. Terdapat permasalahan …, yaitu (1) Aset Tetap …;" / "(2) Aset Tetap …": in a Penjelasan, the enumeration an
   * explained item began in its own text goes on; it is no ayat of the article explained.
   */
  private itemEnumeration(label: LabelCandidate): boolean {
    return this.part === 'penjelasan' && label.kind === 'ayat' && label.keywordEnd === undefined && label.number.base > 1 && (this.top.kind === 'huruf' || this.top.kind === 'angka') && this.itemText.includes(`(${label.number.base - 1})`);
  }

  /** "(l)", "(i)", "(lt" at `pos` of `text` where the innermost open Pasal has nothing but its heading: its ayat (1). */
  private ocrFirstAyat(text: string, pos: number): (LabelCandidate & { readonly written: string }) | undefined {
    if (this.part === 'penjelasan' || this.part === 'judul' || this.part === 'lampiran') return undefined;
    const ch = text.charCodeAt(pos);
    if (ch !== 40 /* ( */ && ch !== 123 /* { */) return undefined;
    const label = scanOcrFirstAyat(text, pos);
    if (!label) return undefined;
    const open = findLast(this.stack, (node) => node.kind === 'pasal');
    return open !== undefined && withoutContent(open.children) && this.ayatFits(label.number) ? label : undefined;
  }

  /**
   * "Pasal 1 1" read as Pasal 11, "Paragraf 1 1" as Paragraf 11, "Pasal 2'7" as Pasal 27 (scanner's spacedHeading):
   * where the amendment being quoted announced the joined number and not the written one, or where the joined number
   * continues the sequence and the written one does not.
   */
  private spacedOrWritten(h: HeadingCandidate, text: string, at?: number): HeadingCandidate {
    const joined = spacedHeading(text, h);
    if (joined === undefined) return h;
    const key = (number: UnitNumber): string => `${h.kind}:${normaliseKey(number.text)}`;
    // Right after an instruction on its line ("… Pasal 11 diubah … berikut: Pasal 1 1 (1) …"): only as it announced.
    const justBefore = at === undefined ? undefined : this.announcedJustBefore(at);
    if (justBefore !== undefined) return justBefore.has(key(joined.number!)) && (h.number === undefined || !justBefore.has(key(h.number))) ? joined : h;
    const announced = this.scope.kind === 'quote' ? this.scope.announced : this.pendingQuote ? announcedNames(this.itemText) : undefined;
    if (announced !== undefined && announced.has(key(joined.number!))) return h.number === undefined || !announced.has(key(h.number)) ? joined : h;
    // By the sequence: the next number, or one just ahead of the last (a heading before it may be lost). A Paragraf
    // that ends a quote (bodyContainerHere) is counted outside it.
    const scope = h.kind === 'paragraf' && this.bodyContainerHere(joined, text.slice(joined.numberEnd)) ? this.scopes[this.scopes.length - 2] : this.targetScope(joined);
    const ahead = this.fits(h.kind, joined.number!, scope) || justAhead(lastOf(scope, h.kind), joined.number!, 3);
    return ahead && !(h.number !== undefined && this.fits(h.kind, h.number, scope)) ? joined : h;
  }

  /**
   * The names an amendment instruction announced just before `at` on its line, when the text there leads into a
   * quote ("… Ketentuan Pasal 11 diubah sehingga berbunyi sebagai berikut:"); undefined otherwise. Only the current
   * line is read (a re-parse resumes at a line start).
   */
  private announcedJustBefore(at: number): Set<string> | undefined {
    if (at <= this.lineStart) return undefined;
    const from = Math.max(this.lineStart, at - 300);
    // The lead's tail first: every inline heading asks, few follow an instruction.
    if (!endsWithQuoteLead(this.source, from, at)) return undefined;
    return announcedBy(this.source.slice(from, at));
  }

  /**
   * In a quote, a heading at its line's start that the instruction on the line above announced ("10. Ketentuan
   * Pasal 62 diubah sehingga berbunyi sebagai berikut:" / "Pasal 62"): quoted, even where the body's next article
   * has that number (outside a quote the instruction leaves a quote pending instead).
   */
  private announcedOnLineAbove(at: number, key: string): boolean {
    // Not in a headings-only parse: its fast scan skips the lines between headings.
    if (this.headingsOnly || this.scope.kind !== 'quote' || !isBlank(this.source, this.lineStart, at)) return false;
    return announcedBy(this.lineBeforeText)?.has(key) === true;
  }

  /** An accepted joined reading ("1 1" as 11, "2'7" as 27) is reported as damage, with its repair. */
  private spaceDamage<T extends { number: UnitNumber; repaired?: string; damage?: Damage }>(h: HeadingCandidate, accepted: T | undefined): T | undefined {
    if (accepted === undefined || accepted.damage !== undefined || (h.kind !== 'pasal' && h.kind !== 'paragraf') || !SPACE_OR_MARK.test(h.numberText)) return accepted;
    const kind = /[ \t]/.test(h.numberText) ? 'spaced' : 'marked';
    return { ...accepted, repaired: accepted.number.text, damage: { kind, written: h.numberText, read: accepted.number.text } };
  }

  /** Decides whether a heading candidate is a heading; returns the number it carries. */
  private acceptHeading(h: HeadingCandidate, text: string, where: 'line' | 'mid', at?: number): { number: UnitNumber; repaired?: string; damage?: Damage } | undefined {
    // "Pasal 14. (1) …": older texts put a full stop after the number.
    // Markdown emphasis left by scrapers ("Pasal 158 __ Berdasarkan …") is transparent, as before a heading, and so
    // is one stray OCR mark between spaces ("Pasai 18 ' Hasil evaluasi …").
    const rest = text.slice(h.restStart).replace(REST_LEAD, '');
    const ownLine = NOTHING_WRITTEN.test(rest);
    if (this.part === 'judul' && h.kind !== 'bab' && h.kind !== 'pasal') return undefined;
    if (h.kind === 'pasal') {
      const ownRegulation = OWN_REGULATION.test(rest);
      // "Pasal 13 s/d pasal 14. Cukup jelas.": a Penjelasan heading for a run of articles.
      const penjelasanDot = this.part === 'penjelasan' && (PENJELASAN_DOT.test(rest) || PASAL_RUN.test(rest));
      const firstInstruction = h.number?.style === 'roman' && FIRST_INSTRUCTION.test(rest);
      // "Pasal 1 Peraturan Pemerintah Pengganti Undang-Undang Nomor 2 … ditetapkan menjadi Undang-Undang": the
      // first article of the body may open with a regulation's name (a law that enacts a Perppu).
      const firstArticle = (this.part === 'batang-tubuh' || this.part === 'pembukaan') && this.scope.kind !== 'quote' && h.number?.style === 'arabic' && h.number.base === 1 && h.number.suffix === '' && lastOf(this.scope, 'pasal') === undefined;
      // "Pasal 2 a. Ruang lingkup …": an old law's article opening with its list.
      // "Pasal 110 Staatsblad Tahun 1926 Nomor 226 … dicabut dan dinyatakan tidak berlaku": an article repealing a law.
      const repeals = CAPITAL_FIRST.test(rest) && citesRegulation(rest) && REPEAL.test(rest.slice(0, 400));
      const restOk = ownLine || penjelasanDot || firstInstruction || repeals || AYAT_OPENS.test(rest) || scanOcrFirstAyat(rest, 0) !== undefined || /^[a1][.)][ \t]/.test(rest) || (/^[A-Z"“]/.test(rest) && (!citesRegulation(rest) || ownRegulation || firstArticle)) || /^Cukup jelas/i.test(rest);
      if (!restOk) return undefined;
      if (ownLine && where === 'line' && this.nextLineContinues() && !this.headsScrambledText(h)) return undefined;
      // "PPh" / "Pasal 21" / "(Rp)": a table's column named after a tax, not a heading (not in a headings-only parse,
      // whose fast scan does not read the lines between headings).
      if (where === 'line' && !this.headingsOnly && this.lastLineKind === 'text' && TAX_NAME_LINE.test(this.lineBeforeText)) return undefined;
    } else if (h.kind === 'bab' || h.kind === 'buku') {
      if (!ownLine && !/^[A-Z"“(]/.test(rest)) return undefined;
    } else if (!ownLine && !/^[A-Z"“(]/.test(rest)) {
      return undefined;
    }
    const expected = this.expectedTexts(h.kind);
    const scope = this.targetScope(h);
    const fits = (number: UnitNumber): boolean => this.fits(h.kind, number, scope);
    // "Pasal I" / "Dalam Peraturan Pemerintah ini yang dimaksud dengan:": the first article's "1" read as "I" by OCR
    // (an amending regulation's Pasal I says what it amends, not what its words mean).
    if (h.kind === 'pasal' && h.number?.style === 'roman' && h.number.base === 1 && scope.kind === 'main' && lastOf(scope, 'pasal') === undefined && DEFINITIONS_OPEN.test(ownLine ? this.nextLineBody() : rest)) {
      return { number: parseArabic('1')!, repaired: '1', damage: { kind: 'number', written: h.numberText, read: '1' } };
    }
    if (h.number && !h.keywordDamage) {
      if (!fits(h.number)) {
        // "Pasal 14O" after Pasal 139: a letter OCR made of the last digit, read as the number expected. Mid-line,
        // where midline() lets a heading stand, before the article's "(1)" or its sentence ("… 83. Pasal 43O
        // Kedaruratan …").
        const letterDigit = this.letterDigitRepair(h, expected, where === 'line' || opensArticle(rest), rest);
        if (letterDigit !== undefined) return letterDigit;
      }
      if (where === 'mid' && !fits(h.number) && !this.nearlyFits(h.kind, h.number, scope, ownLine ? this.nextLineBody() : rest, at)) return undefined;
      // After a line that ended open, a number that does not fit is cited: "(1) Dalam melaksanakan tugas sebagaimana
      // dimaksud dalam" / "Pasal 4 Anggota JDIH …". After a line opened by a label too, when it ended citing (not in
      // a headings-only parse, which reads no line kinds: its fast scan skips the lines between headings).
      if (where === 'line' && !fits(h.number) && this.lastLineOpen && (this.lastLineKind === 'text' || (!this.headingsOnly && CITING_WORDS.has(lastWord(this.lineBeforeText).text)))) return undefined;
      return { number: h.number };
    }
    if (where === 'mid') {
      // Inline OCR damage ("… tertentu. Pasal 1O9 (1) …", "Pasai 188 (1)"): only the exact next number, opening with
      // "(1)"; or right after the title of a BAB, Bagian or Paragraf, opening an article ("BAB III PENCEGAHAN
      // PERKAWINAN Pasal l3 Perkawinan dapat …"), where a citation cannot stand: there a number just ahead too.
      // Not in a Penjelasan: there every heading number fits, so a damaged one would not be checked by the sequence.
      if (h.kind !== 'pasal' || this.part === 'penjelasan') return undefined;
      const afterTitle = this.inContainerTitle() && opensArticle(rest);
      // "… dalam Undang-Undang ini. Pasa1 II Undang-Undang ini mulai berlaku …": an amending regulation's next article.
      const romanArticle = h.number !== undefined && h.number.style === 'roman' && opensArticle(rest);
      const firstAyat = /^[({]1[)}]/.test(rest) || scanOcrFirstAyat(rest, 0) !== undefined;
      // "… Lingkungan Hidup. Pasai 9 Menteri melakukan …": a damaged keyword opening an article with a sentence,
      // after a sentence end or a title (what lets midline() ask): the exact next number only.
      const exactArticle = h.number !== undefined && h.keywordDamage !== undefined && fits(h.number) && opensArticle(rest);
      // "… yang ditunjuk. Pasal l0 Atase ketenagakerjaan …": a damaged number that reads as the one expected next.
      const exactDamagedNumber = h.number === undefined && h.keywordDamage === undefined && opensArticle(rest) && expectedReading(expected, ocrReadings(h.numberText)) !== undefined;
      if (!afterTitle && !romanArticle && !firstAyat && !exactArticle && !exactDamagedNumber) return undefined;
      if (h.number && h.keywordDamage && fits(h.number)) return { number: h.number, damage: { kind: 'keyword', written: h.keywordDamage } };
      // "… fungsi Lingkungan Hidup. Pasai 512 (1) Menteri, …" after Pasal 509: the headings between lost too, as
      // OCR loses runs of them. A few numbers ahead only with the article's "(1)" and its capitalised sentence.
      if (h.number && h.keywordDamage && scope.kind !== 'quote' && aheadOfLostHeadings(lastOf(scope, h.kind), h.number, rest)) return { number: h.number, damage: { kind: 'keyword', written: h.keywordDamage } };
      if (!h.number && !h.keywordDamage) {
        const readings = ocrReadings(h.numberText);
        const last = lastOf(scope, h.kind);
        const hit = expectedReading(expected, readings) ?? (afterTitle ? readingJustAhead(readings, last) : undefined);
        if (hit) return numberReadAs(hit, h.numberText);
      }
      return undefined;
    }
    // "PasalI" / "Pasall" on its own line: Roman, when an amendment instruction or the Roman sequence says so.
    if (h.kind === 'pasal' && h.keywordDamage && /^[Il]{1,3}$/.test(h.numberText)) {
      const roman = parseRoman(ocrRoman(h.numberText));
      const amendingHere = this.mainScope.pasalStyle === 'roman' || AMENDING_START.test(this.nextLineBody());
      if (!roman || !ownLine || !amendingHere || !fits(roman)) return undefined;
      const read = h.numberText === roman.text ? undefined : roman.text;
      return { number: roman, repaired: read, damage: read ? { kind: 'number', written: h.numberText, read } : { kind: 'glued', written: h.keywordDamage } };
    }
    // Damaged keyword or number: only where the sequence confirms it.
    if (h.number && h.keywordDamage) {
      if (!(ownLine || AYAT_OPENS.test(rest)) && h.kind === 'pasal') return undefined;
      if (h.kind === 'bab' && fits(h.number)) {
        return { number: h.number, damage: { kind: 'glued', written: h.keywordDamage } };
      }
      const last = lastOf(scope, h.kind);
      const nearAhead = justAhead(last, h.number, 2);
      // On its own line, as an undamaged heading would be taken: the first Pasal after a lost "Pasal 1", or the
      // number of the Pasal before it again once that one has text (a duplicate, which the numbering reports).
      const firstAfterLost = ownLine && h.kind === 'pasal' && startsAfterLostFirst(last, h.number, scope);
      const repeatsLast = last !== undefined && ownLine && h.kind === 'pasal' && sameNumber(last, h.number) && this.openPasalHasText();
      // Three ahead, as mid-line: only before the article's "(1)" and its capitalised sentence on the next line.
      const aheadOfLost = !nearAhead && ownLine && h.kind === 'pasal' && scope.kind !== 'quote' && aheadOfLostHeadings(last, h.number, this.nextLineBody());
      if (!fits(h.number) && !nearAhead && !firstAfterLost && !repeatsLast && !aheadOfLost) return undefined;
      return { number: h.number, damage: { kind: /[0-9]$/.test(h.keywordDamage) ? 'glued' : 'keyword', written: h.keywordDamage } };
    }
    if (h.kind === 'bab') {
      const repaired = parseRoman(ocrRoman(h.numberText));
      if (repaired && fits(repaired)) return { number: repaired, repaired: repaired.text, damage: { kind: 'number', written: h.numberText, read: repaired.text } };
      return undefined;
    }
    if (h.kind !== 'pasal') return undefined;
    const readings = ocrReadings(h.numberText);
    if (!ownLine) {
      // "Pasal l0 Atase ketenagakerjaan …" opening its line: the number expected next only, before the article's sentence.
      const exact = opensArticle(rest) ? expectedReading(expected, readings) : undefined;
      return exact ? numberReadAs(exact, h.numberText) : undefined;
    }
    // The expected number first; else a reading just ahead of it (a heading before may be missing).
    const last = lastOf(scope, h.kind);
    const hit = expectedReading(expected, readings) ?? readingJustAhead(readings, last);
    if (hit) return numberReadAs(hit, h.numberText);
    if (!h.keywordDamage && h.numberText.length <= 3 && expected.length > 0 && /[A-Za-z\]|!]/.test(h.numberText)) {
      const number = parseArabic(expected[0]);
      if (number) return { number, repaired: expected[0], damage: { kind: 'unreadable', written: h.numberText } };
    }
    return undefined;
  }

  /**
   * A Pasal number whose last digit OCR read as a capital letter ("14O", "14I", "10B"): it reads as a lettered
   * Pasal, which the sequence does not expect there, while its digit reading is exactly the number expected. Not in
   * an amendment quote (a quote's lettered Pasal are what it announces) and only where a heading may stand.
   */
  private letterDigitRepair(h: HeadingCandidate, expected: readonly string[], placed: boolean, rest: string): { number: UnitNumber; repaired: string; damage: Damage } | undefined {
    const number = h.number;
    if (h.kind !== 'pasal' || number === undefined || number.style !== 'arabic' || number.suffix === '') return undefined;
    if (this.scope.kind === 'quote') {
      // "… (lima miliar rupiah). Pasal 4T Beberapa ketentuan dalam Undang-Undang …": the body's next article,
      // opening as an amending article does, ends the quote.
      const outer = this.scopes[this.scopes.length - 2];
      const last = outer.kind === 'main' ? lastOf(outer, 'pasal') : undefined;
      if (last === undefined || outer.pasalStyle === 'roman' || !AMENDING_START.test(rest)) return undefined;
      expected = successorTexts(last);
    } else if (!placed) return undefined;
    const hit = expectedReading(expected, ocrReadings(h.numberText));
    return hit === undefined ? undefined : numberReadAs(hit, h.numberText);
  }

  /** The scope a heading of this kind would be counted in (a quote may be about to close or open). */
  private targetScope(h: HeadingCandidate): Scope {
    const scope = this.scope;
    if (scope.kind === 'quote' && this.closesQuote(h)) return this.scopes[this.scopes.length - 2];
    return scope;
  }

  private expectedTexts(kind: HeadingCandidate['kind']): string[] {
    const scope = this.scope;
    const last = lastOf(scope, kind);
    if (!last) return kind === 'pasal' && scope.pasalStyle === 'roman' ? ['I'] : ['1'];
    return successorTexts(last);
  }

  private fits(kind: HeadingCandidate['kind'], number: UnitNumber, scope: Scope): boolean {
    if (scope.kind === 'quote') {
      if (scope.announced.has(`${kind}:${normaliseKey(number.text)}`)) return true;
      const last = lastOf(scope, kind);
      return last ? isSuccessor(last, number) : true;
    }
    const last = lastOf(scope, kind);
    // The Penjelasan of an amending law lists amended Pasal in any order: every heading there fits.
    if (scope.kind === 'penjelasan' && (this.mainScope.pasalStyle === 'roman' || this.quoteSeen || !last)) return true;
    if (!last) {
      return number.base === 1 && number.suffix === '';
    }
    if (last.style !== number.style) return false;
    return isSuccessor(last, number);
  }

  /** The PENJELASAN header (and the penutup) can be lost in scraping: Pasal numbers restarting low, followed by
   *  "Cukup jelas." or "Yang dimaksud dengan", begin the Penjelasan. */
  private startsLostPenjelasan(h: HeadingCandidate, number: UnitNumber): boolean {
    if (h.kind !== 'pasal' || this.part !== 'batang-tubuh' || this.scope.kind !== 'main') return false;
    const last = this.mainScope.lastPasal;
    if (!last || last.style !== 'arabic' || number.style !== 'arabic' || last.base < 10 || number.base * 2 > last.base) return false;
    const ahead = this.source.slice(h.numberEnd, h.numberEnd + 400);
    return EXPLANATION_AHEAD.test(ahead);
  }

  /** Scraped text loses headings: an inline Pasal a few numbers ahead, opening with "(1)" or a sentence, is still one. */
  /** Whether the parser is in the title of a BAB, Bagian or Paragraf heading (a Pasal may follow it on the line). */
  private inContainerTitle(): boolean {
    const stack = this.stack;
    if (stack.length < 2 || stack[stack.length - 1].kind !== 'heading') return false;
    const owner = stack[stack.length - 2].kind;
    return owner === 'bab' || owner === 'bagian' || owner === 'paragraf';
  }

  /**
   * Whether the innermost open Pasal holds text, a label or a unit besides its heading: `withoutContent`, the one
   * reading of open nodes' children that a re-parse checks at its convergence point.
   */
  private openPasalHasText(): boolean {
    const open = findLast(this.stack, (node) => node.kind === 'pasal');
    return open !== undefined && !withoutContent(open.children);
  }

  /**
   * Whether a word stands before `at` in its line and after the node's heading number (the text before `at` is
   * not a token yet). Only the current line is read, as every look back here: a re-parse resumes at a line start.
   */
  private wordsSinceHeading(node: SyntaxNode, at: number): boolean {
    const heading = node.children[0];
    if (heading === undefined || heading.type !== 'node' || heading.kind !== 'heading') return false;
    const number = heading.children.find((child) => child.type === 'token' && child.kind === 'number');
    const from = number === undefined ? at : Math.max(number.end, this.lineStart);
    return from < at && /[A-Za-z]{2}/.test(this.source.slice(from, at));
  }

  private nearlyFits(kind: HeadingCandidate['kind'], number: UnitNumber, scope: Scope, rest: string, at?: number): boolean {
    if (kind !== 'pasal' || scope.kind === 'quote' || number.suffix !== '') return false;
    const last = lastOf(scope, kind);
    // "… Cukup jelas. Pasal 218 Cukup jelas." in a Penjelasan: no citation goes on after a statement complete in
    // itself, so this is the next heading even where its number breaks the sequence (the one before it OCR'd:
    // "Pasal 277" for 217); the numbering check says where.
    // Only before what opens an explanation (not "Pasal 31 I Cukup jelas": a number OCR split, read by the sequence).
    if (this.part === 'penjelasan' && at !== undefined && number.style === 'arabic' && last?.style === 'arabic' && OPENS_EXPLANATION.test(rest) && this.afterCukupJelas(at)) return true;
    // "… berlaku. Pasal 4. Tunjangan …" inside Pasal 4 again, after its text: a heading given its predecessor's
    // number, opening a sentence as headings do (the numbering check reports the duplicate). A citation there
    // would go on with "ayat", a small word or another regulation's name; a heading repeated by the scraper
    // ("Pasal 135. Pasal 135 (1)") follows one with no text yet.
    if (last && sameNumber(last, number)) {
      const open = findLast(this.stack, (node) => node.kind === 'pasal');
      return open !== undefined && at !== undefined && this.wordsSinceHeading(open, at) && (opensArticle(rest) || (number.style === 'roman' && FIRST_INSTRUCTION.test(rest)));
    }
    // "… berikut: … Pasal II Undang-Undang ini mulai berlaku …" where the amending regulation's "Pasal I" is lost:
    // its quoted text was read, and the next Roman article starts the main sequence (which then misses Pasal I).
    if (!last && number.style === 'roman') return scope.kind === 'main' && number.base === 2 && this.quoteSeen && opensArticle(rest);
    if (number.style !== 'arabic') return false;
    // The first Pasal may be the lost one: Pasal 2 or 3 opening the body still starts it.
    if (!last) return startsAfterLostFirst(last, number, scope) && (/^[({]1[)}]/.test(rest) || (/^[A-Z][a-z]/.test(rest) && !citesRegulation(rest)));
    if (last.style !== 'arabic') return false;
    if (number.base <= last.base) return false;
    // "Pasal 57 (1) …" after a sentence is a heading even after a run of lost ones; a sentence opener is weaker.
    if (/^[({]1[)}]/.test(rest)) return number.base <= last.base + 12;
    return number.base <= last.base + 3 && /^[A-Z][a-z]/.test(rest) && !citesRegulation(rest);
  }

  /** "Cukup jelas." (or without its full stop) ends right before `at`, spacing between. */
  private afterCukupJelas(at: number): boolean {
    const source = this.source;
    const from = Math.max(this.lineStart, at - 40);
    let b = trimmedEnd(source, isSpacingOrEmphasis, at, from);
    if (b > from && (source.charCodeAt(b - 1) === 46 /* . */ || source.charCodeAt(b - 1) === 44 /* , */)) b--;
    return endsWithCukupJelas(source, b, from);
  }

  /** A heading whose number (`number`: as accepted, a repaired one when known) continues the outer sequence ends the quoted amendment text. */
  private closesQuote(h: HeadingCandidate, number: UnitNumber | undefined = h.number): boolean {
    const scope = this.scope;
    if (scope.kind !== 'quote' || !number) return false;
    const outer = this.scopes[this.scopes.length - 2];
    // In an amending regulation the next Roman Pasal (even a misnumbered one) always ends the quoted text.
    if (h.kind === 'pasal' && outer.kind === 'main' && number.style === 'roman') return true;
    if (h.kind === 'pasal' && outer.kind === 'main' && outer.pasalStyle === 'roman') return false;
    if (number.style === 'roman' && h.kind === 'pasal') return false;
    const key = `${h.kind}:${normaliseKey(number.text)}`;
    if (scope.announced.has(key)) return false;
    if (h.kind !== 'pasal' && h.kind !== 'bab') return false;
    return this.fits(h.kind, number, outer) && lastOf(outer, h.kind) !== undefined;
  }

  /** The next non-blank line without its leading decoration ("" at the end of the text). */
  private nextLineBody(): string {
    return this.nextNonBlankLine(200) ?? '';
  }

  /**
   * pdftotext scrambles columns into a word per line ("Pasal 4" / "ditetapkan" / "sebagai"): an own-line heading
   * followed by a lowercase word is still one when the line before did not lead into a citation ("… dimaksud
   * dalam" / "Pasal 4" / "ditetapkan …"), the next word does not go on with one, and its number is the one
   * expected, a few ahead (headings before it lost), or the last one again after that Pasal's text (a duplicate).
   */
  private headsScrambledText(h: HeadingCandidate): boolean {
    const number = h.number;
    // A keyword glued to its number ("Pasal3") is pdftotext's too; other damage is not read here.
    if (!number || (h.keywordDamage !== undefined && !/[0-9]$/.test(h.keywordDamage))) return false;
    const scope = this.targetScope(h);
    if (!this.fits(h.kind, number, scope)) {
      const last = lastOf(scope, h.kind);
      if (h.kind !== 'pasal' || scope.kind === 'quote') return false;
      // No Pasal yet: the first after a lost "Pasal 1", or "Pasal II" after the quoted text of a lost "Pasal I".
      const first = startsAfterLostFirst(last, number, scope) || (!last && scope.kind === 'main' && number.style === 'roman' && number.base === 2 && this.quoteSeen);
      const ahead = justAhead(last, number, 3);
      const again = last !== undefined && sameNumber(last, number) && this.openPasalHasText();
      if (!first && !ahead && !again) return false;
    }
    const next = this.nextNonBlankLine(40) ?? '';
    return !REFERENCE_CONTINUATION.test(next) && !CITING_END.test(this.lineBeforeText);
  }

  /**
   * "Pasal" alone on its line, in the body, and the number expected next alone on the next non-blank line (of the
   * three after it): one heading that pdftotext broke in two (a text laid out a word per line). Not after a line
   * that leads into a citation ("… dimaksud dalam" / "Pasal" / "3"). The number is read as the heading's when its
   * line comes (line()), and the keyword's line closes no heading until then.
   */
  private splitPasalHeading(body: string): HeadingCandidate | undefined {
    if ((body !== 'Pasal' && body !== 'PASAL') || this.headingsOnly || this.part !== 'batang-tubuh' || this.scope.kind === 'quote' || this.pendingQuote) return undefined;
    if (CITING_END.test(this.lineBeforeText)) return undefined;
    const next = this.nextNonBlankLine(8)?.trim();
    if (next === undefined || !SPLIT_PASAL_NUMBER.test(next)) return undefined;
    const number = parseArabic(next);
    if (!number || !this.fits('pasal', number, this.scope)) return undefined;
    return { kind: 'pasal', keywordStart: 0, keywordEnd: body.length, numberStart: body.length, numberEnd: body.length, numberText: next, number, keywordDamage: undefined, restStart: body.length };
  }

  private nextLineContinues(): boolean {
    const text = this.nextNonBlankLine();
    if (text === undefined || scanLabel(text, 0, false)) return false;
    // "Pasal 24" / "huruf a Dalam pengertian …": a Penjelasan's label written in lower case, its explanation after it.
    // Not after a line that leads into a citation ("… sebagaimana dimaksud dalam" / "Pasal 2" / "huruf a …").
    if (this.part === 'penjelasan' && LOWERCASE_PENJELASAN_LABEL.test(text) && !CITING_END.test(this.lineBeforeText)) return false;
    return CONTINUATION_START.test(text);
  }

  /** The first non-blank of the next three lines (its first `limit` characters), without leading decoration. */
  /**
   * The page ends after this line: a page's foot and the next page's head follow ("SK No 211862A", "PRESIDEN",
   * "REPUBLIK INDONESIA", "-4-"; a page number among them), then a line that begins with `body` (its trailing dots
   * aside) and goes on. What it read bounds the parser's checkpoints (it looks further than a re-parse looks back).
   */
  private repeatsAfterPageTurn(body: string): boolean {
    const source = this.source;
    let pos = this.lineEnd;
    let numbered = false;
    for (let lines = 0; lines < 10 && pos < source.length; lines++) {
      const line = visibleLine(source, pos);
      pos = line.next;
      if (line.bodyStart >= line.bodyEnd) continue;
      const text = source.slice(line.bodyStart, line.bodyEnd);
      // The first line must be furniture: most lines are followed by text, turned down here at once.
      if (PAGE_FOOT.test(text)) {
        numbered ||= text.charCodeAt(0) !== 80 && text.charCodeAt(0) !== 82 && text.charCodeAt(0) !== 70;
        continue;
      }
      if (!numbered) return false;
      this.readAheadUntil = Math.max(this.readAheadUntil, pos);
      const stem = trimWhere(body, () => false, (code) => code === 46 || code === 32 || code === 9);
      // The same words going on, or the same heading alone ("Pasal 5" / … / "Pasal 5").
      return stem.length >= 4 && text.startsWith(stem) && (text.length === stem.length || isSpacing(text.charCodeAt(stem.length)));
    }
    return false;
  }

  /** The next line starts with `body` less its final full stop, then spacing and more: `body` is its catchword. */
  private nextLineRepeats(body: string): boolean {
    const stem = trimWhere(body.slice(0, -1), () => false, (code) => code === 32 || code === 9);
    if (stem.length < 4) return false;
    const next = this.nextLineBody();
    return next.length > stem.length + 1 && next.startsWith(stem) && isSpacing(next.charCodeAt(stem.length));
  }

  /** The line before was a Pasal heading alone, its article has no text yet, and the next line repeats the heading. */
  private strayBeforeRepeat(): boolean {
    const heading = this.lineBeforeText;
    const pasal = findLast(this.stack, (node) => node.kind === 'pasal');
    if (!pasal || pasal.info.numberText === undefined || !withoutContent(pasal.children) || !REPEATED_HEADING.test(heading)) return false;
    return heading.endsWith(pasal.info.numberText) && this.nextLineBody().trimEnd() === heading;
  }

  private nextNonBlankLine(limit = Infinity): string | undefined {
    const source = this.source;
    let pos = this.lineEnd;
    for (let i = 0; i < 3 && pos < source.length; i++) {
      const contentEnd = this.lineBreak(pos);
      const text = source.slice(pos, Math.min(contentEnd, pos + limit)).replace(LEADING_MARKS, '');
      pos = this.afterBreak;
      if (text.trim().length > 0) return text;
    }
    return undefined;
  }

  private handleHeading(h: HeadingCandidate, accepted: { number: UnitNumber; repaired?: string; damage?: Damage }, lineEnd: number, repeated: boolean): number {
    this.closeHeading();
    // "… Ketentuan Pasal 22 diubah sehingga berbunyi sebagai berikut: Pasal 22 (1) …": the heading an instruction
    // announced just before it on its line is quoted, even where it would go on with the sequence outside.
    const key = `pasal:${normaliseKey(accepted.number.text)}`;
    const announcedHere = h.kind === 'pasal' && this.part === 'batang-tubuh' && (this.announcedJustBefore(h.keywordStart)?.has(key) === true || this.announcedOnLineAbove(h.keywordStart, key));
    // Quotes: close when the heading continues the outer sequence (or a new instruction announced it); open when an
    // instruction announced one.
    if (this.scope.kind === 'quote' && (announcedHere || this.closesQuote(h, accepted.number))) this.closeQuote();
    if (this.startsLostPenjelasan(h, accepted.number)) this.openPart('penjelasan', h.keywordStart);
    if (this.part === 'judul' || this.part === 'pembukaan') {
      // An amendment instruction may stand before the first heading (when "Pasal I" is lost): keep it pending.
      const pending = this.pendingQuote;
      this.openPart('batang-tubuh', h.keywordStart);
      this.pendingQuote = pending;
    } else if (this.part === 'penutup' && h.kind === 'pasal') this.openPart('penjelasan', h.keywordStart);
    if (this.scope.kind !== 'quote' && this.part === 'batang-tubuh') {
      const inRomanPasal = this.mainScope.pasalStyle === 'roman' && this.mainScope.lastPasal !== undefined && accepted.number.style !== 'roman';
      const outerPasal = this.mainScope.lastPasal !== undefined && (h.kind === 'pasal' || h.kind === 'bab') && !this.fits(h.kind, accepted.number, this.mainScope) && INSTRUCTION_VERB.test(this.itemText) && /\b(berbunyi|berikut)\b/i.test(this.itemText);
      // A Roman Pasal in an amending regulation is the next article of the amending text, never quoted.
      // Unless it repeats one and the instruction announced that number: "Ketentuan Pasal 1 diubah sehingga berbunyi
      // sebagai berikut: Pasal I …" is the quoted Pasal 1, its digit OCR'd as a Roman I.
      const quotedOcrPasal = this.pendingQuote && h.kind === 'pasal' && accepted.number.style === 'roman' && !this.fits('pasal', accepted.number, this.mainScope) && announcedNames(this.itemText).has(`pasal:${accepted.number.base}`);
      const nextAmendingPasal = h.kind === 'pasal' && accepted.number.style === 'roman' && this.mainScope.pasalStyle === 'roman' && !quotedOcrPasal;
      if (nextAmendingPasal) this.pendingQuote = false;
      else if (this.pendingQuote || inRomanPasal || outerPasal || announcedHere) this.openQuote(h.keywordStart);
    } else if (this.scope.kind !== 'quote' && this.part === 'lampiran' && this.pendingQuote) {
      // "Contoh: … Pasal 48 …" in a Lampiran (a drafting manual): the example's headings are quoted, never checked.
      this.openQuote(h.keywordStart);
    }
    const scope = this.scope;
    const kind = h.kind;
    // "Pasal 20" on its own line, then "Pasal 20 (1) …": the scraper repeated the heading.
    const previous = findLast(this.stack, (node) => node.kind === kind);
    if (previous && previous.info.numberText === h.numberText && withoutContent(previous.children)) {
      repeated = true;
    }
    const firstAyatBefore = kind === 'pasal' && this.firstAyatAloneOpen();
    this.popTo(rankOf(kind));
    const info: NodeInfo = { numberText: h.numberText };
    if (accepted.repaired) info.repairedNumber = accepted.repaired;
    if (accepted.damage) info.damage = { id: damageText(accepted.damage, 'id'), en: damageText(accepted.damage, 'en') };
    if (repeated) info.artefact = true;
    if (firstAyatBefore) info.firstAyatBefore = true;
    // "Pasal 13 s/d pasal 14. Cukup jelas.": a Penjelasan's heading for a run of articles stands for the run.
    const run = kind === 'pasal' && this.part === 'penjelasan' ? this.pasalRun(h.numberEnd, accepted.number) : undefined;
    if (run) info.rangeEnd = run.text;
    const node = this.open(kind, h.keywordStart, info);
    this.open('heading', h.keywordStart);
    this.token(h.keywordDamage && kind === 'bab' ? 'keyword' : 'keyword', h.keywordStart, h.keywordEnd);
    this.token('whitespace', h.keywordEnd, h.numberStart);
    this.token('number', h.numberStart, h.numberEnd);
    if (accepted.damage) {
      const shown = accepted.repaired ?? accepted.number.text;
      const label = kindLabel(kind);
      this.errors.push({
        code: 'malformed-heading',
        start: h.keywordStart,
        end: h.numberEnd,
        message: {
          id: `Judul ${label} rusak (kemungkinan OCR): "${this.source.slice(h.keywordStart, h.numberEnd)}" seharusnya "${label} ${shown}" — ${damageText(accepted.damage, 'id')}.`,
          en: `Damaged ${label} heading (probably OCR): "${this.source.slice(h.keywordStart, h.numberEnd)}" should read "${label} ${shown}" — ${damageText(accepted.damage, 'en')}.`,
        },
      });
    }
    // Counters of the scope.
    switch (kind) {
      case 'buku':
        scope.lastBuku = accepted.number;
        scope.lastBab = scope.lastBagian = scope.lastParagraf = undefined;
        break;
      case 'bab':
        scope.lastBab = accepted.number;
        scope.lastBagian = scope.lastParagraf = undefined;
        break;
      case 'bagian':
        scope.lastBagian = accepted.number;
        scope.lastParagraf = undefined;
        break;
      case 'paragraf':
        scope.lastParagraf = accepted.number;
        break;
      case 'pasal':
        scope.lastPasal = run ?? accepted.number;
        if (!scope.pasalStyle) scope.pasalStyle = accepted.number.style === 'roman' ? 'roman' : 'arabic';
        break;
    }
    if (scope.kind === 'quote') scope.announced.delete(`${kind}:${normaliseKey(accepted.number.text)}`);
    this.itemText = '';
    void node;
    if (kind === 'pasal') {
      this.closeHeading();
      return h.numberEnd;
    }
    // BAB, Bagian, Paragraf, BUKU: the title follows on this line or on the next ones.
    const restText = this.source.slice(h.numberEnd, lineEnd);
    if (NOTHING_WRITTEN.test(restText)) {
      this.titleLinesLeft = kind === 'bab' || kind === 'buku' ? 2 : 1;
      this.token('decoration', h.numberEnd, lineEnd);
      return lineEnd;
    }
    return h.numberEnd;
  }

  // ---- labels -----------------------------------------------------------------------------------

  /** `written`: the label as OCR left it ("(21" for "(2)"), which is then reported and repaired. */
  private handleLabel(label: LabelCandidate, repeated: boolean, written?: string): number {
    this.closeHeading();
    if (this.scope.kind === 'quote' && this.labelClosesQuote(label)) this.closeQuote();
    if (this.pendingQuote && this.scope.kind !== 'quote') this.openQuote(label.start);
    // Built with its final keys (numberText, labelStyle, artefact: the order they always had), not grown.
    const style = labelStyleOf(label);
    const info: NodeInfo = style === undefined
      ? repeated ? { numberText: label.value, artefact: true } : { numberText: label.value }
      : repeated ? { numberText: label.value, labelStyle: style, artefact: true } : { numberText: label.value, labelStyle: style };
    // "Huruf a s/d c Cukup jelas.": the unit stands for the run; the labels after it go on from its last.
    if (label.rangeEnd !== undefined) info.rangeEnd = label.rangeEnd;
    // The number stays the one read ("2"): the label sequence and the model go on from it.
    if (written !== undefined) {
      const reads = formatLabel(label.kind, label.value, label.style === 'paren' ? 'paren' : 'dot');
      info.damage = { id: `label "${written}" dibaca "${reads}"`, en: `label "${written}" read as "${reads}"` };
      const why = labelDamage(label.kind, written, label.value);
      this.errors.push({
        code: 'malformed-heading',
        start: label.labelStart ?? label.start,
        end: label.end,
        message: {
          id: `Label ${label.kind} rusak (kemungkinan OCR): "${written}" seharusnya "${reads}" — ${why.id}.`,
          en: `Damaged ${label.kind} label (probably OCR): "${written}" should read "${reads}" — ${why.en}.`,
        },
      });
    }
    this.closeToLabel(label);
    this.open(label.kind, label.start, info);
    if (label.keywordEnd !== undefined) {
      this.token('keyword', label.start, label.keywordEnd);
      this.token('whitespace', label.keywordEnd, label.labelStart!);
      // The words naming a run ("s/d c") are a keyword of their own: the label token stays the number a fix edits.
      this.token('label', label.labelStart!, label.rangeStart ?? label.end);
      if (label.rangeStart !== undefined) this.token('keyword', label.rangeStart, label.end);
    } else {
      this.token('label', label.start, label.end);
    }
    this.itemText = '';
    return label.end;
  }

  /** A new amendment instruction ("2. Ketentuan Pasal 7 diubah …") ends the quoted text of the previous one. */
  private labelClosesQuote(label: LabelCandidate): boolean {
    const quote = this.scope.node;
    const owner = this.stack[this.stack.indexOf(quote) - 1];
    if (!owner || owner.kind !== label.kind) return false;
    const ownerStyle = owner.info.labelStyle;
    if (ownerStyle !== labelStyleOf(label)) return false;
    const previous = owner.info.numberText;
    if (!previous) return false;
    const prevNumber = label.kind === 'huruf' ? undefined : parseArabic(previous, false);
    const follows = prevNumber ? isSuccessor(prevNumber, label.number) : label.number.base === (previous.charCodeAt(0) - 96) + 1;
    if (!follows) return false;
    // A Lampiran's example ends where the Lampiran's own list goes on.
    if (this.part === 'lampiran') return true;
    const after = this.source.slice(label.end, Math.min(this.source.length, label.end + 400)).replace(/^[ \t\u00a0\x00-\x08\x0b\x0c\x0e-\x1f]+/, '');
    if (!INSTRUCTION_START.test(after)) return false;
    // The verb in the label's own sentence: "(4) Ketentuan lebih lanjut … diatur dalam Peraturan Pemerintah." is the
    // quoted article's last ayat, even when the next instruction ("Ketentuan Pasal 43 diubah …") follows.
    const sentence = SENTENCE_END.exec(after);
    return /\b(diubah|disisipkan|ditambah|ditambahkan|dihapus|dicabut|diganti|berbunyi)\b/i.test(sentence ? after.slice(0, sentence.index) : after);
  }

  // ---- label columns ---------------------------------------------------------------------------

  /** Where a label column may stand: the body of the regulation, outside quoted amendments. */
  private columnsHere(): boolean {
    return !this.headingsOnly && this.part === 'batang-tubuh' && this.scope.kind !== 'quote' && !this.pendingQuote && !this.lastLineWantsNumber;
  }

  /**
   * A line of a label column: its labels are tokens where they stand, each unit opens where its paragraph starts
   * (label-column.ts). True when the line is done (a label line); a paragraph's line goes on as any other.
   */
  private columnLine(bodyStart: number, bodyEnd: number, end: number): boolean {
    let column = this.column;
    if (column === undefined) {
      // Only at a column's first label: planned from each of its lines, a long run of labels took quadratic time.
      if (!labelAlone(this.previousLineText) || labelAlone(this.lineBeforeText)) return false;
      const read: ReadExtent = { to: 0 };
      const plan = columnPlan(this.source, bodyStart, read);
      // What the plan read decides how these lines are parsed, planned or not: no checkpoint before its end.
      this.readAheadUntil = Math.max(this.readAheadUntil, read.to);
      if (!plan || plan.labels[0].start !== bodyStart || !this.columnFits(plan)) return false;
      column = this.column = { plan, nextLabel: 0, nextStart: 0 };
    }
    const { labels, starts } = column.plan;
    if (column.nextLabel < labels.length) {
      const label = labels[column.nextLabel];
      if (label.start !== bodyStart) {
        // Not where the plan put it (a line read otherwise): the column is given up, the text read as it is.
        this.column = undefined;
        return false;
      }
      column.nextLabel++;
      this.closeHeading();
      this.token('label', label.start, label.end);
      this.decorate(bodyEnd, end);
      this.flushLead();
      this.lastLineKind = 'structure';
      this.lastLineOpen = false;
      this.lastLineWantsNumber = false;
      return true;
    }
    const start = starts[column.nextStart];
    if (bodyStart > start) {
      this.column = undefined;
      return false;
    }
    if (bodyStart === start) {
      const label = labels[column.nextStart++];
      if (column.nextStart === starts.length) this.column = undefined;
      this.openColumnUnit(label, bodyStart);
    }
    return false;
  }

  /** Closes what a unit of this label ends: every unit below the Pasal for an ayat; a list's items down to its own for a list item. */
  private closeToLabel(label: LabelCandidate): void {
    if (label.kind === 'ayat') {
      this.popTo(RANK_AYAT);
    } else {
      const index = this.openListIndex(label);
      if (index > 0) this.stack.length = index;
    }
  }

  /** The column's first labels go on with what is open: the list they continue, the ayat expected next. */
  private columnFits(plan: ColumnPlan): boolean {
    const first = plan.labels[0];
    if (first.kind !== 'ayat' && !this.listFits(first)) return false;
    if (plan.listAfter && !(this.listFits(plan.listAfter) && this.ayatFits(first.number))) return false;
    const ayat = plan.labels.findIndex((label) => label.kind === 'ayat');
    return ayat < 0 || plan.afterPasal[ayat] || this.ayatFits(plan.labels[ayat].number) || (ayat === 0 && this.goesOnFromFirstAyatBefore(plan.labels[0].number));
  }

  /** "(2)" opening a column in a Pasal whose "(1)" stood alone before its heading and whose text has no ayat yet. */
  private goesOnFromFirstAyatBefore(number: UnitNumber): boolean {
    if (number.base !== 2 || number.suffix !== '') return false;
    const pasal = findLast(this.stack, (node) => node.kind === 'pasal');
    return pasal !== undefined && pasal.info.firstAyatBefore === true && this.stack[this.stack.length - 1] === pasal && lastChildLabel(pasal, 'ayat') === undefined;
  }

  /** The innermost open unit is an ayat "(1)" with nothing after its label: a label printed alone before a heading. */
  private firstAyatAloneOpen(): boolean {
    const top = this.stack[this.stack.length - 1];
    return this.columnsHere() && top.kind === 'ayat' && top.info.numberText === '1' && top.info.columnLabel === undefined && top.children.every((child) => child.type === 'token' && child.kind !== 'text');
  }

  /** Opens the unit a column label names at its paragraph; the label is remembered relative to the unit's start. */
  private openColumnUnit(label: LabelCandidate, at: number): void {
    this.closeHeading();
    this.closeToLabel(label);
    const style = labelStyleOf(label);
    const info: NodeInfo = style === undefined
      ? { numberText: label.value, columnLabel: 0, columnLabelEnd: 0 }
      : { numberText: label.value, labelStyle: style, columnLabel: 0, columnLabelEnd: 0 };
    // "( 1)" in a column: read as "(1)", reported where it stands once its unit opens (a column given up opens none).
    const written = this.source.slice(label.start, label.end);
    const reads = spacedLabel(written);
    if (reads !== undefined) {
      info.damage = { id: `label "${written}" dibaca "${reads}"`, en: `label "${written}" read as "${reads}"` };
      this.errors.push({
        code: 'malformed-heading',
        start: label.start,
        end: label.end,
        message: {
          id: `Label ayat rusak: "${written}" seharusnya "${reads}" — spasi di dalam tanda kurung.`,
          en: `Damaged ayat label: "${written}" should read "${reads}" — spacing inside the parentheses.`,
        },
      });
    }
    const node = this.open(label.kind, at, info);
    info.columnLabel = label.start - node.start;
    info.columnLabelEnd = label.end - node.start;
    this.itemText = '';
  }

  // ---- mid-line candidates ----------------------------------------------------------------------

  private nextMidline(from: number, end: number): MidlineDecision | undefined {
    for (let p = this.midlineMatch(Math.max(this.lineStart, from - 1)); p + 1 < end; p = this.midlineMatch(p + 1)) {
      const decision = this.midline(p + 1, end);
      if (decision) return decision;
    }
    return undefined;
  }

  /**
   * Where MIDLINE matches first at or after `from` in the whole source (its length when nowhere). Memoised:
   * a search from anywhere between the last search's start and its match gives that match, so a line without
   * candidates is not searched again and again past its end. A pure function of the source, not parser state.
   */
  private midlineMatch(from: number): number {
    if (from >= this.midlineFrom && from <= this.midlineAt) return this.midlineAt;
    MIDLINE.lastIndex = from;
    const found = MIDLINE.test(this.source);
    this.midlineFrom = from;
    this.midlineAt = found ? MIDLINE.lastIndex - 1 : this.source.length;
    return this.midlineAt;
  }

  // No closure is made in midline() itself: one there gives every call a context on the heap (11,000 candidates
  // in UU 11/2020, most turned down). The decisions below make theirs.
  private midline(at: number, end: number): MidlineDecision | undefined {
    const source = this.source;
    // Markdown emphasis left by scrapers ("belum menguntungkan _._ __ 19.") is transparent.
    const windowStart = Math.max(this.lineStart, at - 40);
    // An opening quote glued to the heading ("… sebagai berikut: “Pasal 16 (1) …") belongs to the quoted text.
    const candidateStart = at > windowStart && isQuoteMark(source.charCodeAt(at - 1)) ? at - 1 : at;
    // A page number the scraper left in the line ("… atas nama BPK. - 3 - 4. Pejabat …", "…; _ 11_ b. Kawasan …") is
    // transparent too: what ended before it is what the candidate follows.
    const spaced = trimmedEnd(source, isSpacing, candidateStart, windowStart);
    const page = runningHeaderStart(source, inlinePageNumberStart(source, spaced, windowStart), this.lineStart);
    const b = trimmedEnd(source, isSpacingOrEmphasis, page < spaced ? page : candidateStart, windowStart);
    // "II. PASAL DEMI PASAL Pasal I Angka 1 …": right after a part or section marker read in the line, as at its start.
    const prev = b > windowStart && !this.markerEndsAt(b) ? source.charAt(b - 1) : '';
    // "…" too: a page catchword ("… Pasal 18… Pasal 18. Ayat (1) …") ends where a page ended. And "Cukup jelas"
    // is a whole statement in a Penjelasan, full stop or not ("Ayat (4) Cukup jelas Pasal 71 Ayat (1) …").
    // "Dihapus" (an item struck out: "e. Dihapus PASAL II …") is a whole statement anywhere.
    const statementEnd = ((prev === 's' || prev === 'S') && this.part === 'penjelasan' && endsWithCukupJelas(source, b, windowStart)) || (prev === 's' && (endsWithWord(source, b, windowStart, 'Dihapus') || deletionInstructionEndsAt(source, b, windowStart)));
    // A stray OCR quote after the full stop too ("… berwenang. ' Pasal 45 (1) …").
    // After a page's catchword ("… rupiah). Pasal 20 . 1 Pasal 20 Beberapa …"): where the catchword stood.
    const sentenceEnd = SENTENCE_END_MARK.test(prev) || statementEnd || this.catchwordEndsAt(b);
    // "… Umum Pasal 274 (1) Setiap Orang …": a Pasal opening with "(1)" and a capitalised word is a heading even
    // where no sentence ended (a lost or damaged heading title before it); a citation would say "ayat (1)".
    const opensWithAyat = source.charCodeAt(at) === 80 /* P */ && !sentenceEnd && this.scope.kind !== 'quote' && pasalOpensWithAyat(source, at, end);
    const inHeadingTitle = this.top.kind === 'heading';
    // "… Bagian keempat Pembuktian dan Putusan Dalam Acara Pemeriksaan Biasa Pasal 183 Hakim …": a title whose
    // heading was not read (a lowercase ordinal, an unread Paragraf) before the Pasal expected next.
    // (A citation's "dalam Pasal 5" is turned down at its lowercase word before any look back.)
    const afterTitle = (source.charCodeAt(at) === 80 /* P */ || source.startsWith('Fasal', at)) && !sentenceEnd && !inHeadingTitle && prev !== '' && !opensWithAyat && this.part === 'batang-tubuh' && wordBeforeCapitalised(source, b, windowStart) && endsWithTitleWords(source, Math.max(this.lineStart, at - 160), b);
    const restOfLine = source.slice(at, end);
    const ch = restOfLine.charAt(0);
    // Part markers written inline in scraped text.
    if (ch === 'A' && PROMULGATION_OPENS.test(restOfLine) && PROMULGATION_WORDS.test(restOfLine.slice(0, 300)) && this.part === 'batang-tubuh' && this.scope.kind !== 'quote' && (sentenceEnd || prev === '')) {
      return this.partDecision('penutup', at, 0);
    }
    if (ch === 'P' && PENJELASAN_ATAS.test(restOfLine) && (this.part === 'penutup' || this.part === 'batang-tubuh') && this.scope.kind !== 'quote') {
      return this.partDecision('penjelasan', at, 10);
    }
    if (ch === 'L' && /^LAMPIRAN(?:[ \t]+[IVX]{1,5})?[ \t]+(?:UNDANG|PERATURAN|KEPUTUSAN|INSTRUKSI|QANUN)/.test(restOfLine) && this.part !== 'judul' && this.part !== 'pembukaan' && this.scope.kind !== 'quote') {
      // The numeral too: it tells one annex from another (model/numbering-groups.ts), so an edit of it is structural.
      const length = LAMPIRAN_HEADING.exec(restOfLine)![0].length;
      return this.partDecision('lampiran', at, length);
    }
    if ((ch === 'M') && (this.part === 'pembukaan' || this.part === 'judul')) {
      const marker = /^(MEMUTUSKAN|Menetapkan(?=[ \t]{0,3}:)|Mengingat(?=[ \t]{0,3}:)|Menimbang(?=[ \t]{0,3}:))/.exec(restOfLine);
      if (marker) {
        const kind: SectionKind = marker[1] === 'Mengingat' ? 'dasar-hukum' : marker[1] === 'Menimbang' ? 'konsiderans' : 'diktum';
        return this.markerDecision(kind, marker[1].length, at, end);
      }
    }
    if ((ch === 'I' || ch === 'V' || ch === 'X') && (sentenceEnd || prev === '') && this.inPenjelasanUmum() && !SECTION_OF_PENJELASAN.test(restOfLine)) {
      const numeral = ROMAN_SUBSECTION.exec(restOfLine);
      if (numeral) return this.subsectionDecision(at, numeral[0].length);
    }
    // "… kehati-hatian. PASAL DEMI PASAL Pasal 1 Angka 1 …": the section's name without its numeral.
    if (ch === 'P' && (this.part === 'penjelasan' || this.part === 'penutup') && this.scope.kind !== 'quote') {
      const section = BARE_PASAL_DEMI_PASAL.exec(restOfLine);
      if (section) return this.penjelasanSectionDecision('penjelasan-pasal', at, section[0].length);
    }
    if (ch === 'I' && SECTION_OF_PENJELASAN.test(restOfLine) && this.penjelasanSectionHere(restOfLine)) {
      const kind: SectionKind = restOfLine.startsWith('II') ? 'penjelasan-pasal' : 'penjelasan-umum';
      const length = SECTION_OF_PENJELASAN.exec(restOfLine)![0].length;
      return this.penjelasanSectionDecision(kind, at, length);
    }
    // Most candidates are citations in running text ("dalam Pasal 5", "ayat (3) huruf a", "Angka 2 dan"): settled
    // here by the character before them, with the answer the scans below would give (a heading keyword needs a
    // sentence end or the line start before it, "(n)" other than "(1)" a sentence end, "Ayat (1)" a full stop).
    // "Ayat (3) Huruf a Cukup jelas.", "Ayat (2) Ayat (2a) Cukup jelas.": in a Penjelasan a label may follow a
    // label with nothing between (a citation never follows a label the parser took).
    const afterBareLabel = (ch === 'A' || ch === 'H') && this.part === 'penjelasan' && this.bareLabelEndsAt(b);
    // "… diatur dalam anggaran dasar Ayat (2) Cukup jelas.", "Lihat penjelasan Pasal 6 Huruf d Cukup jelas.": a
    // Penjelasan run together, its next heading after a sentence without a full stop. Capitalised, before a
    // capitalised word, and the label expected next (checked below): citations write "ayat", "huruf".
    const penjelasanHeading = (ch === 'A' || ch === 'H') && this.part === 'penjelasan' && prev !== '' && PENJELASAN_HEADING_MIDLINE.test(restOfLine);
    if ((ch === 'A' || ch === 'H') && !(prev === '.' || prev === ':' || prev === ';' || statementEnd || afterBareLabel || penjelasanHeading)) return undefined;
    // "… kegiatan usaha. J (2) Penetapan …": one stray OCR character between a sentence end and an ayat label.
    const strayMark = ch === '(' && !sentenceEnd && b - 3 >= windowStart && isSpacing(source.charCodeAt(b - 2)) && FULL_STOP_MARK.test(source.charAt(b - 3));
    // "… dalam perjanjian jual beli tenaga listrik (5) Penyesuaian harga … sebagaimana dimaksud pada ayat (4) …": an
    // ayat run on to the one before it, its full stop and line break lost.
    const runOn = ch === '(' && !sentenceEnd && !strayMark && this.runOnAyat(restOfLine, b, windowStart);
    if (ch === '(' && !sentenceEnd && !strayMark && !runOn && !restOfLine.startsWith('(1)')) return undefined;
    // "a. Terdapat permasalahan …, yaitu (1) Aset Tetap …": in a Penjelasan, an explained item's own enumeration.
    if (ch === '(' && this.part === 'penjelasan' && (this.top.kind === 'huruf' || this.top.kind === 'angka') && AYAT_OPENS.test(restOfLine)) return undefined;
    // "… rupiah). Pasal 20 . 1 Pasal 20 Beberapa …", "… tetap. b Pasal 1 12 1 Pasal 1 12 Beberapa …": a page's catchword
    // (its "..." worn away or to a dot, a page number after it) right before the heading it announces, whatever stands
    // before it. Not after a citation's word ("dalam Pasal 5. Pasal 5 …"); one per heading ("Pasal 36… Pasal 36. Pasal
    // 36 ini …": the second is the heading).
    // (The repeat is looked for first: few candidates have one, and the word before is read by a copy.)
    const catchwordEnd = ch === 'P' ? repeatedHeadingCatchword(source, at, end) : undefined;
    // "… perbuatan pengadilan Pasal 30 Cukup jelas. Pasal 31 …": in a Penjelasan, the next Pasal before "Cukup
    // jelas" is its heading wherever it stands (no citation is followed by "Cukup jelas").
    const beforeCukupJelas = ch === 'P' && this.part === 'penjelasan' && !sentenceEnd && this.nextBeforeCukupJelas(restOfLine);
    // "… pemberdayaan masyarakat BAB III PENDIRIAN DAN PENYELENGGARAAN …", "… TENTANG STANDAR BAB I KETENTUAN UMUM": the
    // BAB expected next before its title in capitals opens where no sentence ended (a scraper joined the lines); a
    // citation says "dalam BAB III" and goes on in lower case.
    const babBeforeTitle = ch === 'B' && !sentenceEnd && prev !== '' && this.babBeforeTitle(restOfLine, b, windowStart);
    if (catchwordEnd !== undefined && !this.catchwordEndsAt(b) && !this.citedAfter(b, windowStart)) {
      return this.catchwordDecision(at, catchwordEnd);
    }
    if ((ch === 'P' || ch === 'B' || ch === 'F' || ch === 'R') && !(sentenceEnd || inHeadingTitle || prev === '' || opensWithAyat || afterTitle || beforeCukupJelas || babBeforeTitle)) return undefined;
    // A catchword run into the text ("korporasi. BAB III...", "31. Kebandarudaraan...") is not structure.
    // (Both tests need "..." or "…" in the first 60 characters: looked for first, without a copy.)
    if (hasEllipsis(source, at, Math.min(end, at + 60)) && /^\S+(?:[ \t]+\S+)?[ \t]*(?:\.{2,}|…)/.test(restOfLine) && restOfLine.length > 0 && /^(?:\S+[ \t]+)?\S+[ \t]*(?:\.{3,}|…)/.test(restOfLine.slice(0, 60))) {
      const words = restOfLine.slice(0, 60).split(SPACES_OR_TABS);
      if (words.length <= 3 || /^(?:\S+[ \t]+){1,2}\S*(?:\.{3,}|…)/.test(restOfLine)) {
        // A catchword token, so that its "Huruf f" or "Ayat (3)" is read as no citation either.
        const catchword = MIDLINE_CATCHWORD.exec(restOfLine.slice(0, 60));
        if (!catchword || !(scanHeading(restOfLine, 0) || scanLabel(restOfLine, 0, this.part === 'penjelasan'))) return undefined;
        return this.catchwordDecision(at, at + catchword[0].length);
      }
    }
    // "… Negara. 2. Aparatur ." / "2. Aparatur Sipil Negara …", "… kelembagaan. Huruf c . Huruf c Sistem …": a page's
    // catchword whose "..." OCR left as a spaced full stop, repeated by what follows it (on its line or the next).
    const spacedDot = SPACED_DOT_CATCHWORD.exec(restOfLine);
    if (spacedDot) {
      const following = trimmedStart(restOfLine, isSpacing, spacedDot[0].length, restOfLine.length);
      const repeat = following < restOfLine.length ? restOfLine.slice(following, following + 40) : this.nextLineBody();
      if (repeat.startsWith(spacedDot[1])) return this.catchwordDecision(at, at + spacedDot[0].length);
    }
    const written = scanHeading(restOfLine, 0);
    if (!written && (ch === 'P' || ch === 'I') && (sentenceEnd || inHeadingTitle)) {
      // "… Lingkungan Hidup. Paseri 41 (1) …": a keyword OCR garbled beyond the scanner's forms, taken only for the
      // exact next article of the body, opening with "(1)" or a sentence. After a heading's title too ("Bagian
      // Kedelapan Dokumen … Hidup , Pasar.l 86 Penanggung jawab …"), where no citation stands.
      const fuzzy = this.part === 'batang-tubuh' && this.scope.kind !== 'quote' && !this.pendingQuote ? scanFuzzyPasal(restOfLine, 0) : undefined;
      if (!fuzzy) return undefined;
      const rest = restOfLine.slice(fuzzy.restStart).replace(/^[ \t]+/, '');
      // The number expected next, or a few ahead before the article's "(1)" (see acceptHeading).
      if (!this.fits('pasal', fuzzy.number!, this.scope) && !aheadOfLostHeadings(this.scope.lastPasal, fuzzy.number!, rest)) return undefined;
      if (!opensArticleOrOcrAyat(rest)) return undefined;
      const accepted = { number: fuzzy.number!, damage: { kind: 'keyword', written: fuzzy.keywordDamage! } as Damage };
      return this.headingDecision(fuzzy, accepted, at, end, true, false);
    }
    if (written) {
      // "… diubah sehingga berbunyi sebagai Pasal 5 (1) …": the heading the instruction just before it announced.
      const announced = written.kind === 'pasal' && !sentenceEnd && this.part === 'batang-tubuh' && this.announcedJustBefore(at) !== undefined;
      if (!(sentenceEnd || inHeadingTitle || prev === '' || opensWithAyat || afterTitle || announced || beforeCukupJelas || babBeforeTitle)) return undefined;
      const heading = this.spacedOrWritten(written, restOfLine, at);
      // Without a sentence end or a title before it, only the number expected next or one just ahead of it.
      if (opensWithAyat && !inHeadingTitle && prev !== '' && !announced && !this.expectedOrJustAhead(heading)) return undefined;
      // After unread title words, only a Pasal numbered as expected next, opening a sentence.
      // In a quote, only the body's next article, which ends it ("… rupiah). Paragraf 11 Kesehatan Pasal 59 Untuk …").
      // A damaged keyword too ("… KERUSAKAN LINGKUNGAN HIDUP Pasai 272. (1) Untuk …"): afterTitle needs a "P".
      if (afterTitle && (heading.kind !== 'pasal' || heading.number === undefined || (this.scope.kind === 'quote' && !this.closesQuote(heading)) || !this.fits('pasal', heading.number, this.targetScope(heading)) || !OPENS_AFTER_NUMBER.test(restOfLine.slice(heading.numberEnd)))) return undefined;
      if (this.part === 'judul' || this.part === 'penutup' && heading.kind !== 'pasal') return undefined;
      let accepted = this.acceptHeading(heading, restOfLine, 'mid', at);
      // "… diubah sehingga berbunyi sebagai berikut: Pasal 10 …": the quoted heading opens the amended text.
      if (!accepted && heading.number && !heading.keywordDamage && this.scope.kind !== 'quote' && this.part === 'batang-tubuh') {
        // Only the last few hundred characters: the whole line prefix would make long lines quadratic.
        const before = source.slice(Math.max(this.lineStart, at - 300), at);
        if ((announced || QUOTE_LEAD.test(before)) && INSTRUCTION_VERB.test(this.itemText + ' ' + before) && /\b(berbunyi|disisipkan|ditambahkan|ditambah|sehingga)\b/i.test(this.itemText + ' ' + before)) {
          accepted = { number: heading.number };
        }
      }
      // "… (seratus miliar rupiah). Pasal 75 Ketentuan Pasal 15 Undang-Undang Nomor 2 …": the body's article after a
      // lost one amends the next law; it ends the quote.
      // (Also when the quote would take it: quoted text never amends a law itself.)
      const lostBefore = sentenceEnd && this.bodyArticleAfterLost(heading, restOfLine.slice(heading.numberEnd));
      if (lostBefore) accepted = { number: heading.number! };
      // "… Pemerintah Pusat. Paragraf 3 Perbankan Pasal 78 Ketentuan …": the body's Paragraf before its next article.
      const bodyContainer = sentenceEnd && heading.number !== undefined && this.bodyContainerHere(heading, restOfLine.slice(heading.numberEnd));
      if (bodyContainer && !accepted) accepted = { number: heading.number! };
      accepted = this.spaceDamage(heading, accepted);
      if (!accepted) return undefined;
      return this.headingDecision(heading, accepted, at, end, heading.kind === 'pasal', Boolean(lostBefore || bodyContainer));
    }
    if (!this.labelsCountHere()) return undefined;
    const label = scanLabel(restOfLine, 0, this.part === 'penjelasan');
    if (!label) {
      // "… perlu dilakukan perubahan; e bahwa upaya …": a Menimbang's next huruf, its full stop lost or read as a
      // comma, after the item before it ended.
      // And "… untuk Pengurus Tingkat Pusat; b Ibukota propinsi …": any item's, before a capitalised word.
      const comma = prev === ';' ? DAMAGED_LIST_LABEL.exec(restOfLine) ?? LIST_LABEL_WITHOUT_DOT.exec(restOfLine) : null;
      if (comma) {
        const letter = damagedListLabel(comma);
        if (!this.listFits(letter)) return undefined;
        return this.labelDecision(letter, at, restOfLine.slice(0, letter.end));
      }
      // "… wajib lapor. (21 Harta bersih …": OCR read the closing parenthesis as "1". Only the ayat expected
      // next, after a sentence and before a capitalised word.
      const penjelasan = this.part === 'penjelasan';
      const afterStatement = FULL_STOP_MARK.test(prev) || statementEnd;
      const damaged = (penjelasan ? ch === 'A' : ch === '(') && afterStatement ? scanDamagedAyat(restOfLine, 0, penjelasan) : undefined;
      if (damaged && this.ayatFits(damaged.number)) return this.labelDecision(damaged, at, damaged.written);
      // "… Cukup jelas. Ayat (a) Cukup jelas Ayat (5) …": the digit of the ayat expected next read as a letter.
      const letter = penjelasan && ch === 'A' && (afterStatement || afterBareLabel) ? this.penjelasanLetterAyat(restOfLine) : undefined;
      return letter && this.labelDecision(letter, at, letter.written);
    }
    // The first character after the label and its spacing ("" at the end).
    const nextAt = trimmedStart(source, isSpacing, at + label.end - label.start, end);
    const next = nextAt < end ? source.charCodeAt(nextAt) : -1;
    if (label.keywordEnd !== undefined) {
      // The same label twice ("Huruf d Huruf d Cukup jelas.") is a scraper's repeat, not a second unit.
      const repeated = afterBareLabel && this.repeatsTop(label);
      const expectedNext = penjelasanHeading && (label.kind === 'ayat' ? this.ayatFits(label.number) : this.listFits(label));
      if (!(prev === '.' || prev === ':' || prev === ';' || statementEnd || (afterBareLabel && !repeated) || expectedNext)) return undefined;
    } else if (label.kind === 'ayat') {
      // "… berlaku. (2) Setiap …": after a sentence and before a capitalised word, "(n)" is a label even when its
      // number is wrong (that is what the numbering check is for); elsewhere only the expected number is.
      const opensSentence = next >= 65 && next <= 90 && FULL_STOP_MARK.test(prev) && this.nearExpectedAyat(label.number);
      // "Bank Umum milik Negara (1) Bank …" with "(2)" opening the next line: a lost heading title before it.
      const firstOfList = label.value === '1' && this.ayatFits(label.number) && this.nextLineBody().startsWith('(2)');
      const afterStray = strayMark && next >= 65 && next <= 90 && this.ayatFits(label.number);
      // "Pasal 8⏎Bank Umum Swasta (1) Bank Umum Swasta hanya …": old laws print an article's side title on its
      // first line. "(1)" after it and before a capitalised word opens the ayat of a Pasal without text yet.
      const afterSideTitle = label.value === '1' && next >= 65 && next <= 90 && this.top.kind === 'pasal' && withoutContent(this.top.children) && this.ayatFits(label.number) && isSideTitle(source, this.lineStart, b);
      if (!firstOfList && !afterStray && !afterSideTitle && !runOn && (!sentenceEnd || !(this.ayatFits(label.number) || opensSentence))) return undefined;
    } else {
      // "… pada ayat (5), a. permintaan …" with "b." opening the next line: a list run into its lead-in.
      // And "… ialah. a. warga-negara …", "… meliputi a. penetapan …", "(2) a. Sesudah itu …": any lead-in, when
      // "b." opens the next line, unless a unit word makes "a." the number of a citation ("dalam huruf a.").
      const second = label.value === 'a' ? 'b' : '2';
      const first = label.value === 'a' || label.value === '1';
      // Not the label open now again: "a. keterseCiaan a. ketersediaan" is a scraper's repeat.
      const again = this.repeatsTop(label);
      const nextOpensSecond = first && prev !== ':' && !again && this.nextLineBody().startsWith(`${second}${label.style === 'paren' ? ')' : '.'}`);
      const opensList = first && (prev === ':' || (nextOpensSecond && (prev === ',' || !UNIT_WORDS.has(lastWord(source.slice(windowStart, b)).text))));
      const continues = this.listFits(label);
      // "a. peran dan fungsi; serta b. rencana induk": the last item run into the one before it, after the
      // "; dan", "; atau", "; serta" that ends the item before the last. A label of the item it is written in
      // (kind and style) is taken whatever its number, so that the numbering check sees a repeated "c.".
      const sibling = continues || this.openListIndex(label) === this.stack.length - 1;
      const afterLastConjunction = sibling && conjunctionAfterSemicolon(source, b, windowStart);
      // "b. keberdayaan c. kemaslahatan;", "a. keputusan Rapat Anggota, atau b. keputusan Pemerintah.", "2. … lainnya,
      // 3. Pengelolaan …": the next item a scraper (or OCR, losing the ";") joined to the one this line opened. Not where a unit word stands just
      // before it ("a. … dalam huruf a dan b. …": letters cited).
      // After a bare conjunction ("a. satu dan b. dua.") only with a comma before it: that is running text.
      const joinedItem = continues && !again && (isLetterCode(source.charCodeAt(b - 1)) || prev === ',') && this.top.kind === label.kind && this.top.start >= this.lineStart && !citesOrConjoins(source.slice(Math.max(windowStart, b - 24), b));
      // "i. mengirimkan… __ i. mengirimkan daftar …": after a page's catchword on its line, the item it announced.
      if (!(opensList || afterLastConjunction || joinedItem || (continues && (prev === ';' || prev === ':' || prev === '…' || (prev === '.' && ((next >= 97 && next <= 122) || label.kind === 'angka')))))) return undefined;
    }
    return this.labelDecision(label, at, undefined);
  }

  /** "Menimbang :", "Mengingat:", "MEMUTUSKAN", "Menetapkan :" read mid-line (`length`: the marker's). */
  private markerDecision(kind: SectionKind, length: number, at: number, end: number): MidlineDecision {
    return {
      at,
      labelsNext: false,
      handle: () => {
        if (this.part === 'judul') this.openPart('pembukaan', at);
        if (!(kind === 'diktum' && this.top.kind === 'diktum')) this.openSection(kind, at);
        this.token('keyword', at, at + length);
        this.itemText = '';
        const colon = /^[ \t\u00a0\x00-\x08\x0b\x0c\x0e-\x1f]*:?[ \t\u00a0\x00-\x08\x0b\x0c\x0e-\x1f]*/.exec(this.source.slice(at + length, end))![0].length;
        this.token('text', at + length, at + length + colon);
        return at + length + colon;
      },
    };
  }

  private subsectionDecision(at: number, length: number): MidlineDecision {
    return { at, labelsNext: false, handle: () => this.subsection(at, length) };
  }

  /** Inside the Penjelasan's general part (not in a quote): where its own "III. ALASAN …" subsections stand. */
  private inPenjelasanUmum(): boolean {
    return this.part === 'penjelasan' && this.stack[2]?.kind === 'penjelasan-umum' && this.scope.kind !== 'quote';
  }

  /**
   * "III. ALASAN INDONESIA MENGESAHKAN KONVENSI 1. …": a subsection of the Penjelasan's general part closes the lists
   * of the one before (its "1." starts a list of its own); the numeral is a keyword, the title text.
   */
  private subsection(at: number, length: number): number {
    this.popTo(3);
    this.token('keyword', at, at + length);
    this.itemText = '';
    return at + length;
  }

  private partDecision(part: PartKind, at: number, keywordLength: number): MidlineDecision {
    return {
      at,
      labelsNext: false,
      handle: () => {
        this.openPart(part, at);
        if (keywordLength > 0) this.token('keyword', at, at + keywordLength);
        return at + keywordLength;
      },
    };
  }

  private penjelasanSectionDecision(kind: SectionKind, at: number, length: number): MidlineDecision {
    return {
      at,
      labelsNext: false,
      handle: () => {
        if (this.part !== 'penjelasan') this.openPart('penjelasan', at);
        this.openSection(kind, at);
        this.token('keyword', at, at + length);
        return at + length;
      },
    };
  }

  private catchwordDecision(at: number, end: number): MidlineDecision {
    return { at, labelsNext: false, handle: () => { this.token('catchword', at, end); return end; } };
  }

  /** `endsQuote`: the heading is the body's, after a quote it ends. */
  private headingDecision(heading: HeadingCandidate, accepted: { number: UnitNumber; repaired?: string; damage?: Damage }, at: number, end: number, labelsNext: boolean, endsQuote: boolean): MidlineDecision {
    return {
      at,
      labelsNext,
      handle: () => {
        if (endsQuote) this.endQuoteForBody();
        return this.markInline(this.handleHeading(shiftHeading(heading, at), accepted, end, false), at);
      },
    };
  }

  private labelDecision(label: LabelCandidate, at: number, written: string | undefined): MidlineDecision {
    return { at, labelsNext: false, handle: () => this.markInline(this.handleLabel(shift(label, at), false, written), at) };
  }

  /**
   * "(5) Penyesuaian …" mid-line without a sentence end before it: the ayat expected next (not the first), before a
   * capitalised word, not after a word that makes it a citation's or a count's ("ayat (5)", "lima (5)"), and the
   * ayat list ends there (the next line opens the next ayat or a heading) or its text cites the ayat before it.
   */
  private runOnAyat(rest: string, before: number, windowStart: number): boolean {
    // Most "(n)" without a sentence end before them are citations, "ayat (2)": turned down before any scan.
    if (before - 4 >= windowStart && (this.source.startsWith('ayat', before - 4) || this.source.startsWith('Ayat', before - 4)) && !isWordChar(this.source.charCodeAt(before - 5))) return false;
    const label = scanLabel(rest, 0, false);
    if (!label || label.kind !== 'ayat' || label.value === '1' || !this.ayatFits(label.number)) return false;
    const after = trimmedStart(rest, isSpacing, label.end, rest.length);
    if (!CAPITALISED_WORD.test(rest.slice(after, after + 2))) return false;
    const word = lastWord(this.source.slice(windowStart, before)).text;
    const lower = word.toLowerCase();
    if (UNIT_WORDS.has(word) || UNIT_WORDS.has(lower) || NUMBER_WORDS.has(lower)) return false;
    // A sentence, not a page's catchword ("… e 9 (2) Pemasaran. (21 Pemasaran sebagaimana …"): four words at least.
    const sentence = rest.slice(after, after + 400);
    const stop = sentence.search(CLAUSE_END);
    if ((stop < 0 ? sentence : sentence.slice(0, stop)).split(' ').length < 4) return false;
    const next = this.nextLineBody();
    const following = `(${label.number.base + 1})`;
    return next.startsWith(following) || PASAL_OPENS.test(next) || rest.slice(after, after + 400).includes(`ayat (${label.number.base - 1})`);
  }

  /** The open part or section has only its marker so far ("II. PASAL DEMI PASAL", "PENJELASAN"), ending at `at`. */
  private markerEndsAt(at: number): boolean {
    const top = this.top;
    if (top.kind !== 'penjelasan-pasal' && top.kind !== 'penjelasan-umum' && top.kind !== 'penjelasan') return false;
    // The spacing after a marker at a line's start is a token of its own.
    return this.lastTokenEndsAt('keyword', at, true);
  }

  /**
   * A BAB heading mid-line with its title in capitals, the BAB expected next: in the body outside quoted text, or
   * the first BAB on the Menetapkan line. Not after a word that cites it.
   */
  private babBeforeTitle(rest: string, before: number, windowStart: number): boolean {
    const body = this.part === 'batang-tubuh' && this.scope.kind !== 'quote' && !this.pendingQuote;
    if (!(body || (this.part === 'pembukaan' && this.top.kind === 'diktum')) || !BAB_BEFORE_CAPITALS.test(rest)) return false;
    if (CITING_END.test(this.source.slice(windowStart, before))) return false;
    const heading = scanHeading(rest, 0);
    if (!heading || heading.kind !== 'bab' || !heading.number) return false;
    return body ? this.fits('bab', heading.number, this.scope) : heading.number.base === 1 && lastOf(this.scope, 'bab') === undefined;
  }

  /** After a Penjelasan's Pasal heading at `at`: "s/d pasal 14", "sampai dengan Pasal 14", "dan 42", the run's last article. */
  private pasalRun(at: number, first: UnitNumber): UnitNumber | undefined {
    const match = PASAL_RUN.exec(this.source.slice(at, at + 40));
    const last = match ? parseArabic(match[2]) : undefined;
    if (!last || first.style !== 'arabic' || compareNumbers(last, first) <= 0) return undefined;
    // "Pasal 41 dan 42.": two articles explained together, the second the next one.
    return match![1] === undefined || isSuccessor(first, last) ? last : undefined;
  }

  /** "Pasal 30 Cukup jelas" with the Penjelasan's next Pasal number. */
  private nextBeforeCukupJelas(rest: string): boolean {
    const match = PASAL_BEFORE_CUKUP_JELAS.exec(rest) ?? PASAL_BEFORE_FIRST_AYAT.exec(rest);
    if (!match) return false;
    const number = parseArabic(match[1]);
    return number !== undefined && justAhead(this.scope.lastPasal, number, 1);
  }

  /** The body's heading ends the quote. The instruction that opened it is behind it: the heading is not quoted again. */
  private endQuoteForBody(): void {
    this.closeQuote();
    this.itemText = '';
  }

  /**
   * In a quote, "Bagian Ketiga Paten Pasal 107 Beberapa ketentuan …": a Bagian or Paragraf heading whose line goes
   * on with the body's next article (or one a little ahead that amends a law) is the body's; the quote ends before it.
   */
  private bodyContainerHere(heading: HeadingCandidate, after: string): boolean {
    if (this.scope.kind !== 'quote' || (heading.kind !== 'bagian' && heading.kind !== 'paragraf')) return false;
    const outer = this.scopes[this.scopes.length - 2];
    const last = lastOf(outer, 'pasal');
    if (outer.kind !== 'main' || outer.pasalStyle === 'roman' || last === undefined) return false;
    const head = after.slice(0, 160);
    const article = BODY_ARTICLE_AFTER_TITLE.exec(head);
    if (!article) {
      // The title ends the line, the next one is the heading: "Bagian Keempat Merek" / "Pasal 108": the number expected.
      const next = BODY_ARTICLE_ALONE.exec(this.nextLineBody());
      const alone = next ? parseArabic(next[1]) : undefined;
      return alone !== undefined && this.fits('pasal', alone, outer);
    }
    const number = parseArabic(article[1].replace(/[ \t]+/g, ''));
    return number !== undefined && (this.fits('pasal', number, outer) || (justAhead(last, number, 3) && AMENDS_LAW.test(after.slice(article.index + article[0].length))));
  }

  /**
   * In a quote, a Pasal numbered a little ahead of the body's last (one between lost) whose text amends another law
   * ("Ketentuan Pasal 15 Undang-Undang Nomor 2 …", "Beberapa ketentuan dalam Undang-Undang …").
   */
  private bodyArticleAfterLost(h: HeadingCandidate, after: string): boolean {
    if (this.scope.kind !== 'quote' || h.kind !== 'pasal' || h.number === undefined || h.keywordDamage !== undefined) return false;
    const outer = this.scopes[this.scopes.length - 2];
    if (outer.kind !== 'main' || outer.pasalStyle === 'roman' || !justAhead(lastOf(outer, 'pasal'), h.number, 3)) return false;
    return AMENDS_LAW.test(after.replace(/^[ \t]+/, ''));
  }

  /** The last token read is a catchword that ends at `at`. */
  private catchwordEndsAt(at: number): boolean {
    return this.lastTokenEndsAt('catchword', at);
  }

  /** The open node's last child is a token of `kind` ending at `at` (`afterSpacing`: a whitespace token after it allowed). */
  private lastTokenEndsAt(kind: TokenKind, at: number, afterSpacing = false): boolean {
    const children = this.top.children;
    let last = children[children.length - 1];
    if (afterSpacing && last !== undefined && last.type === 'token' && last.kind === 'whitespace') last = children[children.length - 2];
    return last !== undefined && last.type === 'token' && last.kind === kind && last.end === at;
  }

  /** The word before `b` leaves the sentence open ("dalam", "pada", "dan", …): what follows is cited, not announced. */
  private citedAfter(b: number, windowStart: number): boolean {
    return lastWord(this.source.slice(Math.max(windowStart, b - 24), b)).open;
  }

  /** The open unit is an ayat or huruf whose label ends at `at`, with no text after it yet. */
  private bareLabelEndsAt(at: number): boolean {
    const top = this.top;
    // "Angka 12 Huruf a Cukup jelas.": an angka of a Pasal of definitions or prohibitions explained letter by letter.
    if (top.kind !== 'ayat' && top.kind !== 'huruf' && top.kind !== 'angka') return false;
    return this.lastTokenEndsAt('label', at);
  }

  /** A Pasal heading whose number is the one expected next, or at most three ahead of the last one (Arabic). */
  private expectedOrJustAhead(h: HeadingCandidate): boolean {
    const number = h.number;
    if (!number) return false;
    const scope = this.targetScope(h);
    if (this.fits(h.kind, number, scope)) return true;
    // A damaged keyword ("Pasai 288 (1) Fasilitas …" after a catchword OCR broke): the number expected next only.
    return !h.keywordDamage && justAhead(lastOf(scope, h.kind), number, 3);
  }

  /** Records that the unit starting at `start` was found in the middle of a line. */
  private markInline(next: number, start: number): number {
    for (let i = this.stack.length - 1; i > 0; i--) {
      const node = this.stack[i];
      if (node.start === start && node.kind !== 'heading') {
        node.info.inline = true;
        break;
      }
    }
    return next;
  }

  /** A repeated or slightly wrong ayat number (the expected one or the two before it) inside a Pasal. */
  private nearExpectedAyat(number: UnitNumber): boolean {
    for (let i = this.stack.length - 1; i > 0; i--) {
      const node = this.stack[i];
      if (node.kind === 'quote') return false;
      if (node.kind === 'pasal') {
        const last = lastChildLabel(node, 'ayat');
        const expected = last ? last.base + 1 : 1;
        return number.suffix === '' && number.base <= expected && number.base >= expected - 2;
      }
    }
    return false;
  }

  private ayatFits(number: UnitNumber): boolean {
    for (let i = this.stack.length - 1; i > 0; i--) {
      const node = this.stack[i];
      if (node.kind === 'quote') break;
      if (node.kind === 'pasal') {
        const last = lastChildLabel(node, 'ayat');
        return last ? isSuccessor(last, number) : number.base === 1;
      }
    }
    return false;
  }

  /** Where the innermost open list unit of the label's kind and style stands in the stack (above the ayat or Pasal), or -1. */
  private openListIndex(label: LabelCandidate): number {
    const style = label.style === 'paren' ? 'paren' : 'dot';
    // A Penjelasan's "Huruf b" heads an explanation; a list in that explanation ("a.", "b.") is its own, and the
    // next "Huruf c" follows "Huruf b", not the list's "b.".
    const keyword = label.keywordEnd !== undefined;
    for (let i = this.stack.length - 1; i > 0; i--) {
      const node = this.stack[i];
      if (node.kind === 'quote' || rankOf(node.kind) < RANK_AYAT) break;
      if (node.kind === label.kind && node.info.labelStyle === style && keywordLabelled(node) === keyword) return i;
    }
    return -1;
  }

  /** A list unit of the label's kind and style is open. */
  private inListOf(label: LabelCandidate): boolean {
    return this.openListIndex(label) > 0;
  }

  /** The label continues the open list of its kind and style. */
  private listFits(label: LabelCandidate): boolean {
    const index = this.openListIndex(label);
    const written = index > 0 ? lastValue(this.stack[index].info) : undefined;
    if (!written) return false;
    const previous = labelNumber(label.kind, written);
    return previous ? isSuccessor(previous, label.number) : false;
  }

  /** The unit open now is a label of the same kind and number (a scraper's repeat when it comes again at once). */
  private repeatsTop(label: LabelCandidate): boolean {
    return this.top.kind === label.kind && this.top.info.numberText === label.value;
  }
}

keepShape(new Parser(''));

// ---- helpers ------------------------------------------------------------------------------------

/**
 * `rest` (what follows "Pasal 5") names another regulation: "Undang-Undang Nomor …", "Surat Keputusan …". Not
 * when a lowercase word other than one of a name follows the noun ("Pasal 187 Surat sebagaimana dimaksud …" is
 * an article on a letter).
 */
function citesRegulation(rest: string): boolean {
  return REGULATION_NOUN.test(rest) && !NOT_A_NAME.test(rest);
}

/** A noun, then a lowercase word that no regulation's name continues with. */
const NOT_A_NAME = /^[A-Za-z-]+[ \t]+(?!(?:tentang|nomor|no|tahun|dan|atau|jo|juncto|serta)\b)[a-z]/;

/** The huruf a DAMAGED_LIST_LABEL match reads: the letter and its comma, if any. */
function damagedListLabel(match: RegExpExecArray): LabelCandidate {
  const end = match[0].charAt(1) === ',' ? 2 : 1;
  return { kind: 'huruf', style: 'dot', start: 0, end, value: match[1], number: parseLetter(match[1])! };
}

/** What OCR did to a label of `kind` that scanDamagedAyat, scanOcrFirstAyat or damagedListLabel read. */
function labelDamage(kind: LabelCandidate['kind'], written: string, value: string): { id: string; en: string } {
  switch (kind) {
    case 'ayat':
      // "( 1)" for "(1)" (scanSpacedAyat); "(21" for "(2)"; "(1O)" (scanOcrNumberLabel); else "(l)", "(i)" for "(1)".
      if (SPACED_DIGITS.test(written)) return { id: 'spasi di dalam tanda kurung', en: 'spacing inside the parentheses' };
      if (CLOSING_READ_AS_ONE.test(written)) return { id: 'tanda kurung tutup terbaca "1"', en: 'the closing parenthesis read as "1"' };
      // "(l)", "(U", "(lt": no digit left of the "1" (scanOcrFirstAyat).
      if (value === '1' && !DIGIT.test(written)) return { id: 'angka 1 terbaca huruf', en: 'the digit 1 read as a letter' };
      return digitDamage(written);
    case 'huruf':
      if (written === '1.') return { id: 'huruf "l" terbaca angka 1', en: 'the letter "l" read as the digit 1' };
      if (CAPITAL_FIRST.test(written)) return { id: 'huruf terbaca kapital', en: 'the letter read as a capital' };
      return written.endsWith(',') ? { id: 'titik terbaca koma', en: 'the full stop read as a comma' } : { id: 'titik hilang', en: 'the full stop lost' };
    default:
      return digitDamage(written);
  }
}

/** What OCR did to the digits of a label: "l" or "I" for 1, "O" for 0, another letter for a digit, spacing inside, "..". */
function digitDamage(written: string): { id: string; en: string } {
  const id: string[] = [];
  const en: string[] = [];
  if (written.includes('O')) {
    id.push('angka 0 terbaca huruf "O"');
    en.push('the digit 0 read as the letter "O"');
  }
  if (OCR_ONE_LETTER.test(written)) {
    id.push('angka 1 terbaca huruf');
    en.push('the digit 1 read as a letter');
  }
  if (written.includes(' ') || written.includes('\t')) {
    id.push('spasi di dalam nomor');
    en.push('spacing inside the number');
  }
  if (written.endsWith('..')) {
    id.push('titik ganda');
    en.push('a doubled full stop');
  }
  if (written.endsWith(',')) {
    id.push('titik terbaca koma');
    en.push('the full stop read as a comma');
  }
  if (id.length === 0) {
    id.push('angka terbaca huruf');
    en.push('a digit read as a letter');
  }
  return { id: id.join(', '), en: en.join(', ') };
}

/**
 * "Pasal 20 . 1 Pasal 20", "Pasal 135. Pasal 135", "Pasal 1 12 1 Pasal 1 12": where a catchword that repeats the
 * heading after it ends (its worn "..." and page number included), when "Pasal" at `at` is one; else undefined.
 * The repeat must open its article (a capital or "(" after it): "Pasal 36 ini …" is cited.
 */
function repeatedHeadingCatchword(source: string, at: number, end: number): number | undefined {
  if (!source.startsWith('Pasal', at)) return undefined;
  const limit = Math.min(end, at + 32);
  let second = at + 6;
  while (second < limit && !(source.charCodeAt(second) === 80 /* P */ && source.startsWith('Pasal', second))) second++;
  if (second >= limit) return undefined;
  // The heading both share: their common start, up to a word's end in each.
  let common = 0;
  while (at + common < second && source.charCodeAt(at + common) === source.charCodeAt(second + common)) common++;
  const heading = source.slice(at, trimmedEnd(source, isSpacing, at + common, at));
  if (!REPEATED_HEADING.test(heading) || isWordChar(source.charCodeAt(at + heading.length)) || isWordChar(source.charCodeAt(second + heading.length))) return undefined;
  if (!CATCHWORD_JUNK.test(source.slice(at + heading.length, second))) return undefined;
  const word = trimmedStart(source, isSpacing, second + heading.length, end);
  const first = source.charCodeAt(word);
  if (!((first >= 65 && first <= 90) || first === 40 /* ( */ || word >= end)) return undefined;
  return trimmedEnd(source, isSpacing, second, at);
}

/** A Pasal heading with its number, spaced as OCR may ("Pasal 1 12"). */
const REPEATED_HEADING = /^Pasal[ \t]+[0-9](?:[0-9 ]{0,4}[0-9])?[A-Z]?$/;
/** Single letters or digits apart ("b c d"): a label column whose dots and text were lost. */
const STRAY_LETTERS = /^[a-z0-9](?:[ \t]+[a-z0-9]){1,5}$/;
const STRAY_AYAT_LABELS = /^\([0-9]{1,2}[)t]?(?:[ \t]+\([0-9]{1,2}[)t]?){0,3}$/;
/** Between a catchword's heading and the heading: its worn "...", a page number. */
const CATCHWORD_JUNK = /^[ \t.…]*(?:[0-9]{1,3}[ \t.…]*)?$/;

/** A list item's label style (info.labelStyle); none for an ayat. */
/** The unit was opened by a keyword label ("Huruf b" in a Penjelasan): its first token is the keyword. */
function keywordLabelled(node: SyntaxNode): boolean {
  for (const child of node.children) {
    if (child.type === 'node') return false;
    if (child.kind === 'decoration' || child.kind === 'whitespace') continue;
    return child.kind === 'keyword';
  }
  return false;
}

function labelStyleOf(label: LabelCandidate): 'dot' | 'paren' | undefined {
  return label.kind === 'ayat' ? undefined : label.style === 'paren' ? 'paren' : 'dot';
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** A form feed (a page break in pdftotext output) among the characters [start, end). */
function hasFormFeed(source: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (source.charCodeAt(i) === 12) return true;
  return false;
}

/** Spacing, or the markdown emphasis scrapers leave ("_", "*"): transparent before a mid-line candidate. */
/** A straight or opening double quote: what an amendment's quoted text opens with. */
function isQuoteMark(code: number): boolean {
  return code === 34 /* " */ || code === 0x201c;
}

function isSpacingOrEmphasis(code: number): boolean {
  return isSpacing(code) || code === 95 /* _ */ || code === 42 /* * */;
}

interface PartMarker {
  kind: PartKind | SectionKind;
  length: number;
}

// The opening formula, "DENGAN RAHMAT TUHAN YANG MAHA ESA" (any case).
const FORMULA = /^dengan[ \t]+rahmat[ \t]+tuhan(?:[ \t]+yang[ \t]+maha[ \t]+esa)?/i;

function partMarker(body: string): PartMarker | undefined {
  const c = body.charAt(0);
  let match: RegExpExecArray | null;
  switch (c) {
    case 'D':
      match = FORMULA.exec(body);
      if (match) return { kind: 'pembukaan', length: match[0].length };
      if (/^(Ditetapkan|Disahkan|Diundangkan)[ \t]+di\b/.test(body)) return { kind: 'penutup', length: body.length };
      if (/^Dengan [Pp]ersetujuan [Bb]ersama\b/.test(body)) return { kind: 'diktum', length: 0 };
      return undefined;
    case 'd':
      match = FORMULA.exec(body);
      if (match) return { kind: 'pembukaan', length: match[0].length };
      return undefined;
    case 'M':
      match = /^(Menimbang|Mengingat|Memperhatikan|MEMUTUSKAN|M E M U T U S K A N|Menetapkan|MENIMBANG|MENGINGAT|MENETAPKAN)(?=$|[\s:])/.exec(body);
      if (!match) return undefined;
      switch (match[1].toLowerCase()) {
        case 'menimbang':
          return { kind: 'konsiderans', length: match[1].length };
        case 'mengingat':
          return { kind: 'dasar-hukum', length: match[1].length };
        case 'memperhatikan':
          return { kind: 'memperhatikan', length: match[1].length };
        default:
          return { kind: 'diktum', length: match[1].length };
      }
    case 'A':
      // "Agar setiap orang mengetahuinya, memerintahkan pengundangan …": the promulgation order, not any sentence.
      if (PROMULGATION_OPENS.test(body) && PROMULGATION_WORDS.test(body.slice(0, 300))) return { kind: 'penutup', length: body.length };
      if (/^AMPIRAN\b/.test(body)) return { kind: 'lampiran', length: body.length };
      return undefined;
    case 'P':
      if (PENJELASAN_WORD.test(body)) return { kind: 'penjelasan', length: 10 };
      match = BARE_PASAL_DEMI_PASAL.exec(body);
      if (match) return { kind: 'penjelasan-pasal', length: match[0].length };
      return undefined;
    case 'L':
      if (/^LAMPIRAN\b/.test(body)) return { kind: 'lampiran', length: body.length };
      return undefined;
    case 'I':
      // The marker alone: what a scraper joined to it ("II. PASAL DEMI PASAL Pasal I Angka 1 …") is read after it.
      match = /^I\.[ \t]*UMUM\b/.exec(body);
      if (match) return { kind: 'penjelasan-umum', length: match[0].length };
      match = /^II\.[ \t]*PASAL[ \t]*DEMI[ \t]*PASAL\b/.exec(body);
      if (match) return { kind: 'penjelasan-pasal', length: match[0].length };
      return undefined;
    default:
      return undefined;
  }
}

/** Length of a "label + one word + ..." prefix (a page the scraper lost), or 0. */
function lostPagePrefix(body: string, heading: HeadingCandidate | undefined, label: LabelCandidate | undefined): number {
  const after = heading ? heading.numberEnd : label ? label.end : -1;
  if (after < 0) return 0;
  // The regex below needs "." or "…" right after at most 30 other visible characters: checked first, without a copy.
  let i = after;
  while (i < body.length && (body.charCodeAt(i) === 32 || body.charCodeAt(i) === 9)) i++;
  const from = i;
  while (i < body.length && i - from < 30) {
    const code = body.charCodeAt(i);
    if (code === 46 || code === 0x2026 || isJsWhitespace(code)) break;
    i++;
  }
  if (body.charCodeAt(i) !== 46 && body.charCodeAt(i) !== 0x2026) return 0;
  const match = /^[ \t]*[^\s.…]{0,30}(?:\.{3,}|…|\.[ \t]\.[ \t]\.)/.exec(body.slice(after));
  return match ? after + match[0].length : 0;
}

/** A catchword run into a line: a heading or label, at most two more words, and its ellipsis ("Huruf f..."). */
const MIDLINE_CATCHWORD = /^(?:\S+[ \t]+){0,2}?\S*?(?:\.{2,}|…)/;

/** A page catchword repeats a heading or label and at most two words of the next page: "Pasal 12 ...", "(2) Tim ...". */
function isCatchword(body: string): boolean {
  const heading = scanHeading(body, 0);
  const label = heading ? undefined : scanLabel(body, 0, false);
  const after = heading ? heading.numberEnd : label ? label.end : -1;
  if (after < 0) return false;
  const words = body.slice(after).replace(/(\.\.\.|…|\.\s\.\s\.)[ \t]*$/, '').trim();
  return words.length === 0 || words.split(/\s+/).length <= 2;
}

function announcedNames(text: string): Set<string> {
  const out = new Set<string>();
  // "yakni Pasal 1 16A dan Pasal 1 16B": a number OCR spaced, announced joined only.
  for (const match of text.matchAll(/\bPasal[ \t]+([0-9]{1,4}[A-Z]?)\b(?![ \t][0-9]{1,2}[A-Z]?\b)/g)) out.add(`pasal:${normaliseKey(match[1])}`);
  for (const match of text.matchAll(/\bPasal[ \t]+([0-9]{1,2})[ \t]([0-9]{1,2}[A-Z]?)\b/g)) out.add(`pasal:${normaliseKey(match[1] + match[2])}`);
  for (const match of text.matchAll(/\b(?:dan|,)[ \t]+([0-9]{1,4}[A-Z])\b/g)) out.add(`pasal:${normaliseKey(match[1])}`);
  for (const match of text.matchAll(/\bBAB[ \t]+([IVXLC]{1,7}[A-Z]?)\b/g)) out.add(`bab:${normaliseKey(match[1])}`);
  for (const match of text.matchAll(/\bParagraf[ \t]+([0-9]{1,3}[A-Z]?)\b/g)) out.add(`paragraf:${normaliseKey(match[1])}`);
  return out;
}

/** An Arabic number without suffix, above the last one and at most `span` ahead of it. */
function justAhead(last: UnitNumber | undefined, number: UnitNumber, span: number): boolean {
  return last !== undefined && last.style === 'arabic' && number.style === 'arabic' && number.suffix === '' && number.base > last.base && number.base <= last.base + span;
}

/** The first number expected that is one of a damaged number's OCR readings. */
function expectedReading(expected: readonly string[], readings: readonly string[]): string | undefined {
  return expected.find((candidate) => readings.includes(candidate));
}

/** A damaged heading number read as `read` (an Arabic number: one of its OCR readings). */
function numberReadAs(read: string, written: string): { number: UnitNumber; repaired: string; damage: Damage } {
  return { number: parseArabic(read)!, repaired: read, damage: { kind: 'number', written, read } };
}

/** The smallest OCR reading of a damaged number that is just ahead of the last one (headings before it lost). */
function readingJustAhead(readings: string[], last: UnitNumber | undefined): string | undefined {
  if (!last || last.style !== 'arabic') return undefined;
  return readings.filter((reading) => Number(reading) > last.base && Number(reading) <= last.base + 3).sort((a, b) => Number(a) - Number(b))[0];
}

/** No Pasal yet in the body: Pasal 2 or 3 still starts it when "Pasal 1" is lost. */
function startsAfterLostFirst(last: UnitNumber | undefined, number: UnitNumber, scope: Scope): boolean {
  return last === undefined && scope.kind === 'main' && number.style === 'arabic' && number.suffix === '' && number.base <= 3;
}

function sameNumber(a: UnitNumber, b: UnitNumber): boolean {
  return a.style === b.style && a.base === b.base && a.suffix === b.suffix;
}

// "jelas" as the mblx scraper and OCR leave it: "^jelas" (a caret before a word), "jeias", "je1as". Written out in
// each literal: scripts/redos-check.ts checks literals only.
/** "Pasal 30 Cukup jelas": a Penjelasan's heading and its whole explanation. */
// "… Undang-Undang Pajak Penghasilan Pasal 4 Ayat (1) Cukup jelas.": the next Pasal's explanation, its first ayat's label
// capitalised (a citation writes "ayat").
/** "BAB III PENDIRIAN DAN …": a BAB heading and the first word of a title in capitals (not a word in lower case). */
const BAB_BEFORE_CAPITALS = /^BAB[ \t]+[IVXLC]{1,7}[ \t]+[A-Z]{4,}(?![A-Za-z])/;
/** " s/d pasal 14", " sampai dengan Pasal 14A", " dan 42": the end of a run of articles a Penjelasan heading stands for. */
const PASAL_RUN = /^[ \t]*(?:s\/d\.?|s\.[ \t]?d\.?|sampai[ \t]+dengan|(dan))[ \t]+(?:[Pp]asal[ \t]+)?([0-9]{1,3}[A-Z]?)(?![0-9A-Za-z])/;
/**
 * A page's foot or head in an official PDF's text: "SK No 211862A", "PRESIDEN", "REPUBLIK INDONESIA" (OCR'd:
 * "FRESIDEN", "REPUELIK TNDONESIA"), a page number ("-4-", "- 11-", "-t2-", "_ 11_").
 */
const PAGE_FOOT = /^(?:SK[ \t]+No\.?[ \t]*[0-9][0-9A-Z ]{0,12}|[PF]RES[ \t]?[I1l][ \t]?DEN|REPU[A-Z]{2,4}[ \t]+[A-Z]{6,10}|[-_][ \t]*[0-9A-Za-z]{1,3}[ \t]*[-_]?)$/;
/** A Pasal number alone on its line: "12", "12A". */
const SPLIT_PASAL_NUMBER = /^[1-9][0-9]{0,2}[A-Z]?$/;
const PASAL_BEFORE_FIRST_AYAT = /^Pasal[ \t]+([0-9]{1,3})[ \t]+Ayat[ \t]+\(1\)[ \t]+[A-Z]/;
const PASAL_BEFORE_CUKUP_JELAS = /^Pasal[ \t]+([0-9]{1,3})[ \t]+Cukup[ \t]+\^?je[l1i]as/;
/** "Cukup jelas" at the end, in any case. */
const CUKUP_JELAS_AT_END = /cukup[ \t]\^?je[l1i]as$/i;
/** What a Penjelasan's heading opens: "Cukup jelas", a label, a capitalised explanation. */
const OPENS_EXPLANATION = /^(?:Cukup \^?je[l1i]as|Ayat[ \t]+\(|Huruf[ \t]+[a-z]\b|Angka[ \t]+[0-9]|[A-Z][a-z]{2,})/;
/** A lost Penjelasan's first explanations ahead. */
const EXPLANATION_AHEAD = /Cukup[ \t^]*je[l1i]as|Yang dimaksud dengan[ \t]*["“]/;

/** An article's "(1)" (OCR: "(l)") and its capitalised first word. */
const FIRST_AYAT_SENTENCE = /^[({][1l][)}][ \t]+[A-Z][a-z]/;

/**
 * A damaged Pasal keyword up to three numbers after the last Pasal, opening with its "(1)" and a capitalised
 * sentence: the headings between were lost too, as OCR loses runs of them.
 */
function aheadOfLostHeadings(last: UnitNumber | undefined, number: UnitNumber, rest: string): boolean {
  return justAhead(last, number, 3) && FIRST_AYAT_SENTENCE.test(rest);
}

/** After a heading's number: a capitalised word, maybe after a full stop, one stray OCR mark, or "(1)". */
const OPENS_AFTER_NUMBER = /^\.?[ \t]+(?:['\u2018\u2019`][ \t]+)?(?:[({]1[)}][ \t]+)?[A-Z][a-z]/;

/** An article's first words: "(1)", or a capitalised word other than another regulation's name ("Peraturan ini" is this one). */
/**
 * Where a page number printed inside a line ("- 3 -", "-12-", "_ 11_") that ends at `end` starts, or `end` when none
 * does: a dash or underscore, one to four digits, a dash or underscore, spacing between them. Not before `floor`.
 */
function inlinePageNumberStart(source: string, end: number, floor: number): number {
  let at = end - 1;
  if (at <= floor || !isPageDash(source.charCodeAt(at))) return end;
  at = trimmedEnd(source, isSpacing, at, floor);
  let digits = 0;
  while (at > floor && isDigitCode(source.charCodeAt(at - 1)) && digits < 5) {
    at--;
    digits++;
  }
  if (digits === 0 || digits > 4) return end;
  at = trimmedEnd(source, isSpacing, at, floor);
  if (at <= floor || !isPageDash(source.charCodeAt(at - 1))) return end;
  // A dash that joins words ("Undang-Undang 3 -") is no page number's: spacing or the line's start before it.
  return at - 1 === floor || isSpacing(source.charCodeAt(at - 2)) ? at - 1 : end;
}

/**
 * Where a running header ("PRES I DEN REPUBLIK INDONESIA") printed inside a line before `end` (its spacing aside)
 * starts, or `end` when none ends there. Not before `floor`.
 */
function runningHeaderStart(source: string, end: number, floor: number): number {
  const last = trimmedEnd(source, isSpacing, end, floor);
  if (last - floor < 28 || !source.startsWith('INDONESIA', last - 9)) return end;
  const match = HEADER_AT_END.exec(source.slice(Math.max(floor, last - 40), last));
  return match ? last - match[0].length : end;
}

/**
 * Two short lines that are the same Pasal heading alone once OCR's O, l and I in its number read as digits, and a
 * T as 7 ("Pasal 47" / "Pasal 4T"): a heading alone right after the same one alone is the scraper's repeat.
 */
function sameHeadingAlone(line: string, previous: string): boolean {
  if (line.length > 12 || previous.length !== line.length || !line.startsWith('Pasal ') || !previous.startsWith('Pasal ')) return false;
  return ocrDigits(line.slice(6)).replace(OCR_SEVEN_LETTER, '7') === ocrDigits(previous.slice(6)).replace(OCR_SEVEN_LETTER, '7');
}
const OCR_SEVEN_LETTER = /T/g;

/**
 * A short line ending in a page number ("- 11-", "-8-") whose other characters are mostly marks, not letters: a
 * scanned page's header as OCR garbled it. A line with a word of five letters or more in a row is text.
 */
function isGarbledHeader(source: string, start: number, end: number): boolean {
  if (end - start < 8 || source.charCodeAt(end - 1) !== 45 /* - */) return false;
  const page = inlinePageNumberStart(source, end, start);
  if (page === end || page - start < 6) return false;
  let letters = 0;
  let marks = 0;
  let run = 0;
  for (let i = start; i < page; i++) {
    const code = source.charCodeAt(i);
    if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) {
      letters++;
      if (++run >= 5) return false;
    } else {
      run = 0;
      if (!isSpacing(code)) marks++;
    }
  }
  return marks > letters;
}

function isPageDash(code: number): boolean {
  return code === 45 /* - */ || code === 95 /* _ */;
}

function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

function opensArticle(rest: string): boolean {
  return FIRST_AYAT_OPENS.test(rest) || (CAPITALISED_WORD.test(rest) && (!citesRegulation(rest) || OWN_REGULATION.test(rest)));
}

/** An article's opening as above, or its first ayat label as OCR damaged it ("(l)", "(U"): what a damaged Pasal keyword must be followed by. */
function opensArticleOrOcrAyat(rest: string): boolean {
  return opensArticle(rest) || scanOcrFirstAyat(rest, 0) !== undefined;
}

function lastOf(scope: Scope, kind: HeadingCandidate['kind']): UnitNumber | undefined {
  switch (kind) {
    case 'buku':
      return scope.lastBuku;
    case 'bab':
      return scope.lastBab;
    case 'bagian':
      return scope.lastBagian;
    case 'paragraf':
      return scope.lastParagraf;
    default:
      return scope.lastPasal;
  }
}

/** The last label a unit stands for: its own, or the last of the run it heads ("Huruf a s/d c": c). */
function lastValue(info: NodeInfo): string | undefined {
  return info.rangeEnd ?? info.numberText;
}

function lastChildLabel(node: SyntaxNode, kind: 'ayat'): UnitNumber | undefined {
  for (let i = node.children.length - 1; i >= 0; i--) {
    const child = node.children[i];
    if (child.type === 'node' && child.kind === kind && child.info.numberText) return parseArabic(lastValue(child.info)!, false);
  }
  return undefined;
}


const UNIT_WORDS = new Set(['Pasal', 'ayat', 'huruf', 'angka']);
/** A list label glued to a capitalised word: "m.Perindustrian", "12.Peraturan". */
const GLUED_LIST_LABEL = /^([a-z]|[0-9]{1,2})\.(?=[A-Z][a-z])/;
/** The words before a mid-line list label cite its letter or join it with a bare conjunction: not an item there. */
function citesOrConjoins(before: string): boolean {
  return CITED_LETTERS_BEFORE.test(before) || BARE_CONJUNCTION_BEFORE.test(before);
}
/** A conjunction before a list label with no comma or semicolon before it ("a. satu dan b. dua."). */
const BARE_CONJUNCTION_BEFORE = /(?:^|[^,;:\s])[ \t]+(?:dan|atau|serta|dan\/atau)$/;
/** A unit word among the last few words before a list label: the label's letter is cited ("huruf a dan b."). */
const CITED_LETTERS_BEFORE = /(?:^|[^A-Za-z])(?:Pasal|pasal|ayat|huruf|angka)[ \t][^.;:]{0,14}$/;
/**
 * "b, bahwa": a single letter, a comma, spacing, a lowercase word; "e bahwa": a single letter whose full stop was
 * lost, before the word every item of a Menimbang opens with (the caller checks that the letter continues the list).
 */
const DAMAGED_LIST_LABEL = /^([a-z])(?:,[ \t]+(?=[a-z])|[ \t]+(?=bahwa[ \t]))/;
/** "I.Undang-Undang", "l. Peraturan": a list's first "1." OCR read as a capital I or an l, before a capitalised word. */
const FIRST_ITEM_AS_LETTER = /^([Il]\.)[ \t]*(?=[A-Z][a-z])/;
// Mid-line after "; ": a huruf whose full stop was lost before a capitalised word ("; b Ibukota propinsi …").
const LIST_LABEL_WITHOUT_DOT = /^([a-z])[ \t]+(?=[A-Z][a-z])(?!Mengingat|Menimbang|Menetapkan|Memperhatikan)/;
const DIGIT = /[0-9]/;
/** "(21" for "(2)": the closing parenthesis OCR read as "1". */
const CLOSING_READ_AS_ONE = /^\([0-9]+1$/;
/** An ayat label of digits written with spacing inside its parentheses ("( 1)"): not "(l )", a letter OCR made. */
const SPACED_DIGITS = /^\([ \t]*[0-9]+[a-z]?[ \t]*\)$/;
/** Words after which a line's end is inside a citation ("… sebagaimana dimaksud dalam" / "Pasal 4 …"). */
const CITING_WORDS = new Set(['dalam', 'pada', 'dimaksud']);
/** Words that leave a line open: the next line continues the sentence (or the reference). */
const OPEN_WORDS = new Set(['dalam', 'pada', 'dan', 'atau', 'serta', 'dimaksud', 'tersebut', 'ketentuan', 'menurut', 'berdasarkan', 'jo', 'juncto', 'dengan', 'kecuali', 'di', 'oleh', 'terhadap', 'Pasal', 'ayat', 'huruf', 'angka']);

/**
 * The last word of a line (after trailing whitespace) and whether it leaves the line open: what
 * /\b(word|…|jo\.?)$/ and /BUKU [A-Z]+$/ said, read backwards from the end (a regex anchored at the end
 * tried every position of long lines).
 */
function lastWord(body: string): { text: string; open: boolean } {
  let end = body.length;
  while (end > 0 && isJsWhitespace(body.charCodeAt(end - 1))) end--;
  // "jo." leaves the line open too: the word before a final full stop.
  const dotted = end > 0 && body.charCodeAt(end - 1) === 46;
  const wordEnd = dotted ? end - 1 : end;
  let start = wordEnd;
  while (start > 0 && isWordChar(body.charCodeAt(start - 1))) start--;
  const word = body.slice(start, wordEnd);
  if (dotted) return { text: '', open: word === 'jo' };
  if (OPEN_WORDS.has(word)) return { text: word, open: true };
  return { text: word, open: word.length > 0 && start >= 5 && body.startsWith('BUKU ', start - 5) && /^[A-Z]+$/.test(word) };
}

/** A Penjelasan's heading label ("Ayat (2)", "Huruf d", "Angka 3") and the capitalised word its explanation opens with. */
const PENJELASAN_HEADING_MIDLINE = /^(?:Ayat[ \t]+\([0-9]{1,3}[a-z]?\)|Huruf[ \t]+[a-z]{1,2}|Angka[ \t]+[0-9]{1,3}[a-z]?)[ \t]+[A-Z][a-z]/;

/** The conjunction before the last list item ("dan", "atau", "dan/atau", "serta") ends at `end`, after a semicolon. */
function conjunctionAfterSemicolon(source: string, end: number, floor: number): boolean {
  let start = end;
  while (start > floor && ((source.charCodeAt(start - 1) >= 97 && source.charCodeAt(start - 1) <= 122) || source.charCodeAt(start - 1) === 47 /* / */)) start--;
  if (start === end || !LAST_ITEM_CONJUNCTIONS.has(source.slice(start, end))) return false;
  let before = start;
  while (before > floor && isSpacing(source.charCodeAt(before - 1))) before--;
  return before < start && before > floor && source.charCodeAt(before - 1) === 59 /* ; */;
}

const LAST_ITEM_CONJUNCTIONS: ReadonlySet<string> = new Set(['dan', 'atau', 'dan/atau', 'serta']);

/** source[from, to) reads as a short title: a capitalised word first, at most six words, no punctuation or digit. */
function isSideTitle(source: string, from: number, to: number): boolean {
  if (to - from < 3 || to - from > 60) return false;
  const first = source.charCodeAt(from);
  if (first < 65 || first > 90) return false;
  let words = 1;
  for (let i = from; i < to; i++) {
    const code = source.charCodeAt(i);
    if (code === 32) words++;
    else if (!((code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 45)) return false;
  }
  return words <= 6;
}

/** Whether source[start, end) holds "..." or "…" before its third word. */
function hasEllipsis(source: string, start: number, end: number): boolean {
  let dots = 0;
  // The tests after this one want it within the first two words (or right after them): the scan stops at a third.
  let words = 0;
  let inWord = false;
  for (let i = start; i < end; i++) {
    const code = source.charCodeAt(i);
    if (code === 0x2026) return true;
    if (code === 32 || code === 9) inWord = false;
    else if (!inWord) {
      inWord = true;
      words++;
    }
    // A third word only as the dots themselves ("Pasal 5 ...").
    if (words > 2 && code !== 46 && inWord) return false;
    dots = code === 46 ? dots + 1 : 0;
    if (dots === 3) return true;
  }
  return false;
}

/** After /^[ \t]*%%/: a suppression comment. */
function startsComment(source: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && (source.charCodeAt(i) === 32 || source.charCodeAt(i) === 9)) i++;
  return i + 1 < end && source.charCodeAt(i) === 37 && source.charCodeAt(i + 1) === 37;
}

/**
 * The end of a line's leading decoration: what /^(?:[ \t\u00a0\x00-\x08\x0b\x0c\x0e-\x1f]|\*\*|[-*•>#·"“])*\/ matched
 * (spacing, markdown bullets and emphasis, opening quotes), by character codes.
 */
function leadEnd(source: string, start: number, end: number): number {
  let i = start;
  while (i < end) {
    const code = source.charCodeAt(i);
    // And the colon of "Menimbang :" set in a column of its own, before the first label (": a.", ": 1.").
    const colon = code === 58 && i + 1 < end && isSpacing(source.charCodeAt(i + 1));
    // Markdown emphasis a scraper left before a label or heading ("__ (1) Pelayanan …", "_Pasal 4_") too.
    if (!(isSpacing(code) || colon || code === 45 || code === 42 || code === 95 || code === 0x2022 || code === 62 || code === 35 || code === 0xb7 || code === 34 || code === 0x201c)) break;
    i++;
  }
  return i;
}

function isSpacingOrStar(code: number): boolean {
  return isSpacing(code) || code === 42 /* * */;
}

/** The fifth letter of "Pasal" as the scanner reads it damaged ("Pasai", "Pasa1"). */
const PASAL_FIFTH = 'l1I]|!i';

/** "Pasal 12 (1) S…" or "Pasal 12A (1) S…" at `at`, before `end`: an article opening with its first ayat. */
function pasalOpensWithAyat(source: string, at: number, end: number): boolean {
  // The keyword's "l" OCR'd as the scanner reads it ("Pasai 288 (1) Fasilitas …"): acceptHeading checks the number.
  if (!source.startsWith('Pasa', at) || !PASAL_FIFTH.includes(source.charAt(at + 4))) return false;
  let i = at + 5;
  const spaceFrom = i;
  while (i < end && (source.charCodeAt(i) === 32 || source.charCodeAt(i) === 9)) i++;
  if (i === spaceFrom) return false;
  const digitsFrom = i;
  while (i < end && i - digitsFrom < 4 && source.charCodeAt(i) >= 48 && source.charCodeAt(i) <= 57) i++;
  if (i === digitsFrom) return false;
  if (i < end && source.charCodeAt(i) >= 65 && source.charCodeAt(i) <= 90) i++;
  // "… Bagian VI. Hak pakai, Pasal 41." ending the line, and "(1) Hak pakai …" opening the next (older laws).
  const numberEnd = i;
  if (i < end && source.charCodeAt(i) === 46 /* . */) i++;
  while (i < end && (source.charCodeAt(i) === 32 || source.charCodeAt(i) === 9)) i++;
  if (i === end && numberEnd < end) return nextLineOpensWithAyat(source, end);
  i = numberEnd;
  while (i < end && (source.charCodeAt(i) === 32 || source.charCodeAt(i) === 9)) i++;
  // "… Pemanfaatan Pasal 125 (U Pemanfaatan air …": the "(1)" OCR-damaged, before a capitalised word too.
  if (!source.startsWith('(1)', i)) return scanOcrFirstAyat(source, i) !== undefined;
  i += 3;
  const gap = i;
  while (i < end && (source.charCodeAt(i) === 32 || source.charCodeAt(i) === 9)) i++;
  return i > gap && i < end && source.charCodeAt(i) >= 65 && source.charCodeAt(i) <= 90;
}

/** The line after the one ending at `end` opens with "(1)" and a capitalised word. */
function nextLineOpensWithAyat(source: string, end: number): boolean {
  let i = end;
  while (i < source.length && i - end < 8 && (source.charCodeAt(i) === 32 || source.charCodeAt(i) === 9 || source.charCodeAt(i) === 13)) i++;
  if (source.charCodeAt(i) !== 10) return false;
  i++;
  while (i < source.length && i - end < 16 && (source.charCodeAt(i) === 32 || source.charCodeAt(i) === 9)) i++;
  if (!source.startsWith('(1)', i)) return scanOcrFirstAyat(source, i) !== undefined;
  i += 3;
  const gap = i;
  while (i < source.length && (source.charCodeAt(i) === 32 || source.charCodeAt(i) === 9)) i++;
  return i > gap && source.charCodeAt(i) >= 65 && source.charCodeAt(i) <= 90;
}

/** Whether `word` (in any case with `anyCase`) ends at `end`, within [from, end), after a non-letter or `from`. */
/** "Cukup jelas" ends at `end`, in any case, also as the mblx scraper writes it ("Cukup ^jelas": a caret before a word). */
function endsWithCukupJelas(source: string, end: number, from: number): boolean {
  const start = Math.max(from, end - 14);
  const match = CUKUP_JELAS_AT_END.exec(source.slice(start, end));
  if (!match) return false;
  const at = start + match.index;
  return at === from || !/[A-Za-z]/.test(source.charAt(at - 1));
}

function endsWithWord(source: string, end: number, from: number, word: string, anyCase = false): boolean {
  const start = end - word.length;
  if (start < from) return false;
  if (anyCase ? source.slice(start, end).toLowerCase() !== word : !source.startsWith(word, start)) return false;
  return start === from || !/[A-Za-z]/.test(source.charAt(start - 1));
}

/** "… 10. Pasal 56 dihapus Paragraf 3 …": an amending law's instruction to delete an article ends at `end`. */
function deletionInstructionEndsAt(source: string, end: number, from: number): boolean {
  return endsWithWord(source, end, from, 'dihapus') && DELETION_INSTRUCTION.test(source.slice(Math.max(from, end - 24), end));
}

// The number OCR damaged too ("Pasal lll dihapus" for Pasal 111).
const DELETION_INSTRUCTION = /(?:^|[ \t])Pasal[ \t]+[0-9IlO]{1,4}[A-Z]?[ \t]+dihapus$/;

/** . ; : ! ? " ” ) */
const SENTENCE_MARKS = new Set([46, 59, 58, 33, 63, 34, 0x201d, 41]);

/** The word that ends at `end` (after spacing is skipped by the caller) opens with a capital letter. */
function wordBeforeCapitalised(source: string, end: number, floor: number): boolean {
  let start = end;
  while (start > floor && isWordChar(source.charCodeAt(start - 1))) start--;
  if (start === end) return false;
  const code = source.charCodeAt(start);
  return code >= 65 && code <= 90;
}

/** Words in a title's connectors, lowercase there: they neither count for nor against Title Case. */
const TITLE_CONNECTORS = new Set(['dan', 'atau', 'di', 'ke', 'dari', 'untuk', 'yang', 'pada', 'dalam', 'serta', 'mengenai', 'tentang', 'bagi', 'oleh', 'terhadap', 'dengan']);

/**
 * The words in [from, end) after the last sentence end there read as a heading's title: 2 to 14 words, the last one
 * capitalised, at least two thirds of those that are not connectors or numbers capitalised, and no regulation's
 * name among them (a citation "… tentang Cipta Kerja Pasal 161" is no title).
 */
function endsWithTitleWords(source: string, from: number, end: number): boolean {
  let start = end;
  while (start > from && !SENTENCE_MARKS.has(source.charCodeAt(start - 1))) start--;
  if (start === from && from > 0 && !SENTENCE_MARKS.has(source.charCodeAt(from - 1)) && source.charCodeAt(from - 1) !== 10) return false;
  const words = source.slice(start, end).trim().split(SPACES_OR_TABS).filter((word) => word.length > 0);
  if (words.length < 2 || words.length > 14 || !CAPITAL_FIRST.test(words[words.length - 1])) return false;
  let capitalised = 0;
  let counted = 0;
  for (const word of words) {
    if (TITLE_CONNECTORS.has(word) || NUMERAL_WORD.test(word)) continue;
    if (NOT_TITLE_WORD.test(word)) return false;
    counted++;
    if (CAPITAL_FIRST.test(word)) capitalised++;
  }
  return counted > 0 && capitalised * 3 >= counted * 2;
}

/** The text [start, end) ends with "Contoh:" or "Contoh … :" (at most 80 characters of words between). */
function endsWithExampleLead(source: string, start: number, end: number): boolean {
  let e = end;
  while (e > start && isJsWhitespace(source.charCodeAt(e - 1))) e--;
  if (e === start) return false;
  if (source.charCodeAt(e - 1) === 58 /* : */) return /\bContoh\b[^.:;\n]{0,80}:$/.test(source.slice(Math.max(start, e - 90), e));
  // "Contoh: Undang-Undang Nomor 26 Tahun 2007 tentang Penataan Ruang" and the example's Pasal on the next line:
  // the regulation the example quotes named after the colon, no sentence.
  const tail = source.slice(Math.max(start, e - 260), e);
  return tail.includes('Contoh') && EXAMPLE_SOURCE_LEAD.test(tail);
}

const EXAMPLE_SOURCE_LEAD = /\bContoh\b[^.:;\n]{0,20}:[ \t]*(?:Undang|Peraturan|Keputusan|Qanun)[^.:;\n]{0,160}$/;

/** QUOTE_LEAD.test(source.slice(start, end)) without the slice: "… berbunyi:", "sebagai berikut.", "yakni". */
function endsWithQuoteLead(source: string, start: number, end: number): boolean {
  let e = end;
  while (e > start) {
    const code = source.charCodeAt(e - 1);
    if (isJsWhitespace(code) || code === 58 || code === 46 || code === 44 || code === 34 || code === 0x201c || code === 0x201d) e--;
    else break;
  }
  // Every lead ends in "i" or "t", in any case: most text ends otherwise, and is answered without a copy.
  const last = e > start ? source.charCodeAt(e - 1) | 32 : 0;
  if (last !== 105 /* i */ && last !== 116 /* t */) return false;
  const tail = source.slice(Math.max(start, e - 8), e).toLowerCase();
  if (tail.endsWith('berbunyi') || tail.endsWith('berikut') || tail.endsWith('yakni')) return true;
  // "Ketentuan Pasal berikut: 5 diubah sehingga berbunyi sebagai Pasal 5 …": the scraper moved "berikut:" back.
  return tail.endsWith('sebagai') && /berbunyi[ \t]+sebagai$/i.test(source.slice(Math.max(start, e - 24), e));
}

// Explicit fields, one object shape: a spread of candidates of varying shapes was a tenth of the parse time.
function shift(label: LabelCandidate, by: number): LabelCandidate {
  return {
    kind: label.kind,
    style: label.style,
    start: label.start + by,
    end: label.end + by,
    value: label.value,
    number: label.number,
    keywordEnd: label.keywordEnd === undefined ? undefined : label.keywordEnd + by,
    labelStart: label.labelStart === undefined ? undefined : label.labelStart + by,
    rangeStart: label.rangeStart === undefined ? undefined : label.rangeStart + by,
    rangeEnd: label.rangeEnd,
  };
}

function shiftHeading(h: HeadingCandidate, by: number): HeadingCandidate {
  return {
    kind: h.kind,
    keywordStart: h.keywordStart + by,
    keywordEnd: h.keywordEnd + by,
    numberStart: h.numberStart + by,
    numberEnd: h.numberEnd + by,
    numberText: h.numberText,
    number: h.number,
    keywordDamage: h.keywordDamage,
    restStart: h.restStart + by,
  };
}

function findLast<T>(items: T[], predicate: (item: T) => boolean): T | undefined {
  const index = findLastIndex(items, predicate);
  return index < 0 ? undefined : items[index];
}

function findLastIndex<T>(items: T[], predicate: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (predicate(items[i])) return i;
  return -1;
}

/**
 * Sets every node's end; also trims its children array to its length (grown by push, it kept up to 16 slots: ~1×
 * the text's size). With `only`, just those nodes (a re-parse's): any other node is finished already.
 */
export function finishEnds(node: SyntaxNode, only?: ReadonlySet<SyntaxNode>): number {
  const children = node.children.slice();
  (node as { children: SyntaxElement[] }).children = children;
  let end = node.start;
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    end = child.type === 'node' && (!only || only.has(child)) ? finishEnds(child, only) : child.end;
  }
  node.end = end;
  return end;
}

/**
 * The same characters in a string of their own. V8 makes a slice of 13 or more characters a view into the
 * string it was cut from, which it keeps alive; slicing a concatenation flattens it into a new string first.
 */
function detached(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}

export function kindLabel(kind: string): string {
  switch (kind) {
    case 'bab':
      return 'BAB';
    case 'buku':
      return 'BUKU';
    case 'bagian':
      return 'Bagian';
    case 'paragraf':
      return 'Paragraf';
    case 'pasal':
      return 'Pasal';
    default:
      return kind;
  }
}

interface Damage {
  readonly kind: 'keyword' | 'number' | 'unreadable' | 'glued' | 'spaced' | 'marked';
  readonly written: string;
  readonly read?: string;
}

function damageText(damage: Damage, language: 'id' | 'en'): string {
  const { written, read } = damage;
  switch (damage.kind) {
    case 'keyword':
      return language === 'id' ? `kata "${written}" dibaca "Pasal"` : `keyword "${written}" read as "Pasal"`;
    case 'number':
      return language === 'id' ? `nomor "${written}" dibaca "${read}"` : `number "${written}" read as "${read}"`;
    case 'spaced':
      return language === 'id' ? `nomor "${written}" berspasi dibaca "${read}"` : `number "${written}" with a space inside read as "${read}"`;
    case 'marked':
      return language === 'id' ? `nomor "${written}" dengan tanda baca di dalamnya dibaca "${read}"` : `number "${written}" with a stray mark inside read as "${read}"`;
    case 'unreadable':
      return language === 'id' ? `nomor "${written}" tidak terbaca; urutan menunjukkan nomor berikutnya` : `number "${written}" is unreadable; the sequence gives the next number`;
    default:
      return language === 'id' ? `kata dan nomor tanpa spasi: "${written}"` : `keyword glued to its number: "${written}"`;
  }
}
