// Recognisers for the pieces a line of regulation text can start with: headings, list labels,
// part markers. They only read; deciding whether a candidate really is a heading is the parser's job.
// Every regular expression here is anchored or sticky and free of nested quantifiers (no ReDoS).

import { compareNumbers, isSuccessor, parseArabic, parseLetter, parseOrdinal, parseRoman, UnitNumber } from './numbering';
import { editDistance } from './text';

export type HeadingKind = 'buku' | 'bab' | 'bagian' | 'paragraf' | 'pasal';

export interface HeadingCandidate {
  readonly kind: HeadingKind;
  /** Offsets relative to the scanned string. */
  readonly keywordStart: number;
  readonly keywordEnd: number;
  readonly numberStart: number;
  readonly numberEnd: number;
  readonly numberText: string;
  /** The number read cleanly, if the written text is a valid number. */
  readonly number: UnitNumber | undefined;
  /** The keyword is damaged (e.g. "asal", "Pasa]") or glued to the number ("BABV"). */
  readonly keywordDamage: string | undefined;
  /** Where the rest of the line (title or content) starts. */
  readonly restStart: number;
}

export type LabelKind = 'ayat' | 'huruf' | 'angka';

export interface LabelCandidate {
  readonly kind: LabelKind;
  readonly style: 'dot' | 'paren' | 'ayat';
  readonly start: number;
  readonly end: number;
  /** The label text without punctuation: "1", "1a", "b", "aa". */
  readonly value: string;
  readonly number: UnitNumber;
  /** Penjelasan writes "Ayat (1)", "Huruf a", "Angka 1": the keyword part, and where the label proper starts. */
  readonly keywordEnd?: number;
  readonly labelStart?: number;
  /**
   * A Penjelasan label for a run of labels ("Huruf a s/d c", "Ayat (2) sampai dengan ayat (4)"): where the words
   * naming the run start (after the label proper), and the last label's value.
   */
  readonly rangeStart?: number;
  readonly rangeEnd?: string;
}

// Module constants rather than literals in the functions that run per candidate (a literal makes a RegExp per call).
const PARENTHESES = /[()]/g;
const ONE_OR_TWO_DIGITS = /^[0-9]{1,2}$/;
const PASAL_KEYWORD = /(Pasal|PASAL|Pasa[\]|!1I]|Pasa7(?=[0-9])|Pasai|[FR]asal|P\s?asal|Pesal|Pasel|asal)[ \t]*/y;
// A stray mark may follow the number ("Pasal 2'7": spacedHeading reads the digits after it), and Markdown emphasis ("_Pasal 4_").
const PASAL_NUMBER = /([0-9]{1,4}[A-Z]?|[IVX]{1,5}[A-Z]?|[0-9A-Za-z\]|!]{1,4})(?=$|[\s.,:;*_)'\u2018\u2019`\x00-\x08\x0e-\x1f])/y;
const BAB_HEADING = /(BAB|Bab)([ \t]*)([IVXLC]{1,7}[A-Z]?|[IVXLC1l|]{1,7})(?=$|[\s.:*\x00-\x08\x0e-\x1f])/y;
const BAGIAN_HEADING = /(Bagian|BAGIAN)[ \t]+((?:Ke[a-z]+|KE[A-Z]+|Pertama|PERTAMA)(?:[ \t]+(?:Belas|BELAS|Puluh|PULUH)(?:[ \t]+(?:Satu|Dua|Tiga|Empat|Lima|Enam|Tujuh|Delapan|Sembilan|SATU|DUA|TIGA|EMPAT|LIMA|ENAM|TUJUH|DELAPAN|SEMBILAN)(?=$|[\s.:*\x00-\x08\x0e-\x1f]))?)?(?:[ \t]+[A-Z](?=$|[ \t]*$|[ \t]+[A-Z]))?)(?=$|[\s.:*\x00-\x08\x0e-\x1f])/y;
const PARAGRAF_HEADING = /(Paragraf|PARAGRAF)[ \t]+([0-9]{1,3}[A-Z]?)(?=$|[\s.:*\x00-\x08\x0e-\x1f])/y;
const BUKU_HEADING = /(BUKU|Buku)[ \t]+((?:KE[A-Z]+|Ke[a-z]+|PERTAMA|Pertama))(?=$|[\s.:*\x00-\x08\x0e-\x1f])/y;

const PASAL_CLEAN = new Set(['Pasal', 'PASAL']);
const GLUED_ROMAN = /[Il]{1,3}[ \t]*$/y;

/** Scans a heading starting exactly at `pos` of `text`. */
export function scanHeading(text: string, pos: number): HeadingCandidate | undefined {
  const first = text.charCodeAt(pos);
  // Fast reject: every heading keyword starts with one of these letters.
  if (first !== 80 /* P */ && first !== 66 /* B */ && first !== 97 /* a */ && first !== 70 /* F */ && first !== 82 /* R */) return undefined;
  return scanPasal(text, pos) ?? scanBab(text, pos) ?? scanSimple(text, pos, BAGIAN_HEADING, 'bagian') ?? scanSimple(text, pos, PARAGRAF_HEADING, 'paragraf') ?? scanSimple(text, pos, BUKU_HEADING, 'buku');
}

function scanPasal(text: string, pos: number): HeadingCandidate | undefined {
  PASAL_KEYWORD.lastIndex = pos;
  const keyword = PASAL_KEYWORD.exec(text);
  if (!keyword) return undefined;
  const numberStart = PASAL_KEYWORD.lastIndex;
  // "Pasal3": OCR lost the space; only a digit may follow the keyword directly, or a Roman I alone to the end of
  // the line ("PasalI", "Pasall": Pasal I of an amending regulation; the parser decides with the next line).
  const glued = numberStart === pos + keyword[1].length;
  if (glued && !/[0-9]/.test(text.charAt(numberStart))) {
    GLUED_ROMAN.lastIndex = numberStart;
    if (!GLUED_ROMAN.test(text)) return undefined;
  }
  PASAL_NUMBER.lastIndex = numberStart;
  const number = PASAL_NUMBER.exec(text);
  if (!number) return undefined;
  const numberText = number[1];
  const word = keyword[1];
  const clean = parseArabic(numberText) ?? parseRoman(numberText);
  return {
    kind: 'pasal',
    keywordStart: pos,
    keywordEnd: pos + word.length,
    numberStart,
    numberEnd: numberStart + numberText.length,
    numberText,
    number: clean,
    keywordDamage: glued ? `${word}${numberText}` : PASAL_CLEAN.has(word) ? undefined : word,
    restStart: numberStart + numberText.length,
  };
}

// "Paseri 41", "Petsal 56", "I'asal 81", "Pa.sal 478", "P.rsal 12": a Pasal keyword OCR garbled beyond the forms
// above, before a number. Only the parser's strictest mid-line test takes it (the exact next number, after a
// sentence, opening an article).
const FUZZY_PASAL = /([PI][A-Za-z.'][A-Za-z.\\-]{2,5})[ \t]+([0-9]{1,4})(?=[ \t]|$)/y;
/** Real words near "pasal" that a garbled keyword must not be taken for. */
const NOT_PASAL = new Set(['pasar', 'pajak', 'pakai', 'pasti', 'panas', 'pasang', 'pagar', 'pasir', 'pusat', 'pasak', 'papan', 'pasca', 'paham', 'pada', 'para', 'pasien', 'pegawai', 'perlu', 'pusaka', 'pahala', 'pagi', 'palu', 'pena', 'peta', 'pola', 'pos', 'ini', 'itu']);

/** "(1)" (or OCR's "(l)") right after a number. */
const FIRST_AYAT_AFTER = /^[ \t]+\([1l]\)/;

/** A Pasal heading with a keyword within two edits of "Pasal" (dots and apostrophes aside; three before "(1)"), its number Arabic. */
export function scanFuzzyPasal(text: string, pos: number): HeadingCandidate | undefined {
  FUZZY_PASAL.lastIndex = pos;
  const match = FUZZY_PASAL.exec(text);
  if (!match) return undefined;
  const word = match[1];
  // "Pasa-l", "Pasa\\": a hyphen or a backslash is as stray as a dot.
  const plain = word.toLowerCase().replace(/[.'\\-]/g, '');
  if (plain === 'pasal' && !/[.'\\-]/.test(word) || NOT_PASAL.has(plain) || plain.length < 4) return undefined;
  // Three edits ("Paseri 41 (1)") only for a word that keeps "Pas" and an article that opens with its "(1)".
  const distance = editDistance(plain, 'pasal');
  if (distance > 3 || (distance === 3 && !(plain.startsWith('pas') && FIRST_AYAT_AFTER.test(text.slice(pos + match[0].length, pos + match[0].length + 6))))) return undefined;
  const number = parseArabic(match[2]);
  if (!number) return undefined;
  const numberStart = pos + match[0].length - match[2].length;
  return { kind: 'pasal', keywordStart: pos, keywordEnd: pos + word.length, numberStart, numberEnd: numberStart + match[2].length, numberText: match[2], number, keywordDamage: word, restStart: numberStart + match[2].length };
}

// A group may be a "1" OCR'd as "I" or "l" ("Pasal 4 I Beberapa …" for Pasal 41).
const SPACED_DIGITS = /[ \t]([0-9]{1,3}[A-Z]?|[0-9]?[Il][0-9]?)(?:[ \t]([0-9]{1,2}[A-Z]?))?(?=$|[\s.,:;)\x00-\x08\x0e-\x1f])/y;

/** "Pasal 2'7", "Pasai 1.06": one stray mark OCR set inside the number, digits after it. */
const MARKED_DIGITS = /['.,\u2018\u2019`]([0-9]{1,3})(?=$|[\s.,:;)\x00-\x08\x0e-\x1f])/y;

/** A spaced group with a "1" read as "I" or "l": its digits. */
const OCR_ONE_GROUP = /^[0-9]?[Il][0-9]?$/;

/**
 * "Pasal 1 1", "Pasal 1 16A", "Pasal 1 1 1", "Paragraf 1 1": OCR set a space inside the number (or a stray mark:
 * "Pasal 2'7", "Pasai 1.06"). The candidate with
 * the digits joined ("11", "116A", "111"), its number text the written "1 1"; undefined when `h` is no such Pasal
 * or Paragraf. Whether
 * the joined reading is meant is the parser's to decide (the sequence, or the number an amendment announced).
 */
export function spacedHeading(text: string, h: HeadingCandidate): HeadingCandidate | undefined {
  if ((h.kind !== 'pasal' && h.kind !== 'paragraf') || h.keywordDamage !== undefined || !ONE_OR_TWO_DIGITS.test(h.numberText)) return undefined;
  SPACED_DIGITS.lastIndex = h.numberEnd;
  MARKED_DIGITS.lastIndex = h.numberEnd;
  const more = SPACED_DIGITS.exec(text) ?? MARKED_DIGITS.exec(text);
  if (!more) return undefined;
  const groups = [h.numberText, OCR_ONE_GROUP.test(more[1]) ? ocrDigits(more[1]) : more[1], ...(more[2] === undefined ? [] : [more[2]])];
  // Only a letter at the very end ("1 16A"), and at most four digits in all.
  if (groups.slice(0, -1).some((group) => /[A-Z]/.test(group))) return undefined;
  const joined = groups.join('');
  if (joined.replace(/[A-Z]$/, '').length > 4) return undefined;
  const number = parseArabic(joined);
  if (!number) return undefined;
  const numberEnd = h.numberEnd + more[0].length;
  // Explicit fields in scanPasal's order: one hidden class for every candidate (see shiftHeading in the parser).
  return {
    kind: h.kind,
    keywordStart: h.keywordStart,
    keywordEnd: h.keywordEnd,
    numberStart: h.numberStart,
    numberEnd,
    numberText: text.slice(h.numberStart, numberEnd),
    number,
    keywordDamage: undefined,
    restStart: numberEnd,
  };
}

function scanBab(text: string, pos: number): HeadingCandidate | undefined {
  BAB_HEADING.lastIndex = pos;
  const match = BAB_HEADING.exec(text);
  if (!match) return undefined;
  const numberStart = pos + match[1].length + match[2].length;
  const numberText = match[3];
  const glued = match[2].length === 0;
  return {
    kind: 'bab',
    keywordStart: pos,
    keywordEnd: pos + match[1].length,
    numberStart,
    numberEnd: numberStart + numberText.length,
    numberText,
    number: parseRoman(numberText),
    keywordDamage: glued ? `${match[1]}${numberText}` : undefined,
    restStart: numberStart + numberText.length,
  };
}

function scanSimple(text: string, pos: number, pattern: RegExp, kind: HeadingKind): HeadingCandidate | undefined {
  pattern.lastIndex = pos;
  const match = pattern.exec(text);
  if (!match) return undefined;
  const numberStart = pos + match[0].length - match[2].length;
  const numberText = match[2];
  const number = kind === 'paragraf' ? parseArabic(numberText) : parseOrdinal(numberText.replace(/[ \t]+/g, ' '));
  if (!number) return undefined;
  return {
    kind,
    keywordStart: pos,
    keywordEnd: pos + match[1].length,
    numberStart,
    numberEnd: numberStart + numberText.length,
    numberText,
    number,
    keywordDamage: undefined,
    restStart: numberStart + numberText.length,
  };
}

const AYAT_LABEL = /\(([0-9]{1,3}[a-z]?)\)(?=$|[\s*\x00-\x08\x0e-\x1f])/y;
const DOT_LABEL = /([a-z]{1,2}|[0-9]{1,3})\.(?=$|[\s*\x00-\x08\x0e-\x1f])/y;
const PAREN_LABEL = /([a-z]{1,2}|[0-9]{1,3})\)(?=$|[\s*\x00-\x08\x0e-\x1f])/y;
const PENJELASAN_LABEL = /(Ayat|Huruf|Angka)[ \t]+(\([0-9]{1,3}[a-z]?\)|[a-z]{1,2}|[0-9]{1,3})(?=$|[\s.,:\x00-\x08\x0e-\x1f])/y;

/** A label as it is written: "(2)" for an ayat, "b." or "1)" for a list item. */
export function formatLabel(kind: LabelKind, value: string, style: 'dot' | 'paren'): string {
  return kind === 'ayat' ? `(${value})` : `${value}${style === 'paren' ? ')' : '.'}`;
}

// "(21 Harta …": an ayat label whose closing parenthesis OCR read as "1", before a capitalised word.
// A Penjelasan's "Ayat (21 Cukup jelas.": the same after its keyword.
const DAMAGED_AYAT_LABEL = /(Ayat[ \t]+)?\(([0-9]{1,2})1(?=[ \t]+[A-Z])/y;

/**
 * An ayat label "(N)" written "(N1" by OCR (the caller checks that N is the number expected), with what was
 * written; in a Penjelasan, after "Ayat".
 */
export function scanDamagedAyat(text: string, pos: number, penjelasan: boolean): (LabelCandidate & { readonly written: string }) | undefined {
  DAMAGED_AYAT_LABEL.lastIndex = pos;
  const match = DAMAGED_AYAT_LABEL.exec(text);
  if (!match || (match[1] !== undefined) !== penjelasan) return undefined;
  const number = parseArabic(match[2], false);
  if (!number) return undefined;
  const end = pos + match[0].length;
  const keyword = match[1] === undefined ? {} : { keywordEnd: pos + 4, labelStart: pos + match[1].length };
  return { kind: 'ayat', style: 'ayat', start: pos, end, value: match[2], number, ...keyword, written: text.slice(pos + (match[1]?.length ?? 0), end) };
}

// A number label OCR damaged at a line's start: "14 . Peraturan", "I 5. Peraturan", "ll.Indeks", "1 1.. Peraturan" (angka),
// "(1O) Penyusunan" (ayat): digits with I/l for 1 and O for 0, a space inside, a doubled full stop or a comma for it
// ("12, Peraturan"). Before a capital.
const OCR_ANGKA_LABEL = /([0-9IlO](?:[ \t]?[0-9IlO]){0,2})[ \t]?(?:\.\.?|,)(?=[ \t]*[A-Z\[])/y;
const OCR_AYAT_LABEL = /\(([0-9IlO]{1,2}[0-9lO])\)(?=[ \t]+[A-Z])/y;
const OCR_DIGIT_LETTERS = /[IlO]/;

/**
 * A number label at `pos` written with OCR damage (see OCR_ANGKA_LABEL): read as the number its digits make, with
 * what was written. The caller takes it only as the number expected next. Undefined for a clean label.
 */
export function scanOcrNumberLabel(text: string, pos: number): (LabelCandidate & { readonly written: string }) | undefined {
  const ayat = text.charCodeAt(pos) === 40; /* ( */
  const pattern = ayat ? OCR_AYAT_LABEL : OCR_ANGKA_LABEL;
  pattern.lastIndex = pos;
  const match = pattern.exec(text);
  if (!match) return undefined;
  const written = match[0].trimEnd();
  // A clean label is the scanner's; this reads only what OCR did (a letter for a digit, spacing, "..").
  if (!OCR_DIGIT_LETTERS.test(match[1]) && !written.includes(' ') && !written.includes('\t') && !written.endsWith('..') && !written.endsWith(',')) return undefined;
  const digits = ocrDigits(match[1].replace(/[ \t]/g, ''));
  const number = parseArabic(digits, false);
  if (!number) return undefined;
  return ayat
    ? { kind: 'ayat', style: 'ayat', start: pos, end: pos + match[0].length, value: digits, number, written }
    : { kind: 'angka', style: 'dot', start: pos, end: pos + written.length, value: digits, number, written };
}

// "( 1)", "(2 )": an ayat label with spacing inside its parentheses (pdftotext).
const SPACED_AYAT_LABEL = /\(([ \t]{0,2})([0-9]{1,2}[a-z]?)([ \t]{0,2})\)(?=$|[\s*\x00-\x08\x0e-\x1f])/y;

/** Digits as OCR wrote them read as digits: "I" and "l" as 1, "O" as 0 ("1O" → "10", "l2" → "12"). */
export function ocrDigits(text: string): string {
  return text.replace(OCR_ONE_LETTERS, '1').replace(OCR_ZERO_LETTER, '0');
}
const OCR_ONE_LETTERS = /[Il]/g;
const OCR_ZERO_LETTER = /O/g;

/** An ayat label written with spacing inside its parentheses ("( 1)"), with what was written; else undefined. */
export function scanSpacedAyat(text: string, pos: number): (LabelCandidate & { readonly written: string }) | undefined {
  SPACED_AYAT_LABEL.lastIndex = pos;
  const match = SPACED_AYAT_LABEL.exec(text);
  if (!match || match[1].length + match[3].length === 0) return undefined;
  const number = parseArabic(match[2], false);
  if (!number) return undefined;
  return { kind: 'ayat', style: 'ayat', start: pos, end: pos + match[0].length, value: match[2], number, written: match[0] };
}

// "(l) Setiap …", "(i) Dana …", "(lt Dalam …", "(l ) Pemantauan …": the "(1)" that opens a Pasal, its digit read
// as a letter by OCR (and at times its closing parenthesis too), before a capitalised word.
const OCR_FIRST_AYAT = /[({][lIiUtJ|!][lit]?(?: ?\))?(?=[ \t]+[A-Z])/y;

/**
 * An ayat label "(1)" as OCR may write it where a Pasal's first ayat is due ("(l)", "(i)", "(lt"), with what was
 * written: the caller checks that ayat (1) is due (right after the Pasal heading), where no list opens so.
 */
export function scanOcrFirstAyat(text: string, pos: number): (LabelCandidate & { readonly written: string }) | undefined {
  OCR_FIRST_AYAT.lastIndex = pos;
  const match = OCR_FIRST_AYAT.exec(text);
  if (!match) return undefined;
  return { kind: 'ayat', style: 'ayat', start: pos, end: pos + match[0].length, value: '1', number: parseArabic('1')!, written: match[0] };
}

/** Two-letter labels are only aa, bb … (doubled) or ab … az (spreadsheet); "jo." or "dr." are words. */
function plausibleLetters(value: string): boolean {
  return value.length === 1 || value[0] === value[1] || value[0] === 'a';
}

export function scanLabel(text: string, pos: number, penjelasan: boolean): LabelCandidate | undefined {
  const ch = text.charCodeAt(pos);
  if (ch === 40 /* ( */) {
    AYAT_LABEL.lastIndex = pos;
    const match = AYAT_LABEL.exec(text);
    if (!match) return undefined;
    const number = parseArabic(match[1], false);
    if (!number) return undefined;
    return { kind: 'ayat', style: 'ayat', start: pos, end: pos + match[0].length, value: match[1], number };
  }
  if (penjelasan && (ch === 65 || ch === 72)) {
    PENJELASAN_LABEL.lastIndex = pos;
    const match = PENJELASAN_LABEL.exec(text);
    if (match) {
      const raw = match[2];
      const kind: LabelKind = match[1] === 'Ayat' ? 'ayat' : match[1] === 'Huruf' ? 'huruf' : 'angka';
      const value = raw.replace(PARENTHESES, '');
      const number = labelNumber(kind, value);
      if (!number) return undefined;
      const end = pos + match[0].length;
      const range = labelRange(text, end, kind, number);
      return { kind, style: kind === 'ayat' ? 'ayat' : 'dot', start: pos, end: range ? range.end : end, value, number, keywordEnd: pos + match[1].length, labelStart: end - raw.length, rangeStart: range ? end : undefined, rangeEnd: range?.value };
    }
    return undefined;
  }
  const isLetter = ch >= 97 && ch <= 122;
  const isDigit = ch >= 48 && ch <= 57;
  if (!isLetter && !isDigit) return undefined;
  DOT_LABEL.lastIndex = pos;
  let match = DOT_LABEL.exec(text);
  let style: 'dot' | 'paren' = 'dot';
  if (!match) {
    PAREN_LABEL.lastIndex = pos;
    match = PAREN_LABEL.exec(text);
    style = 'paren';
  }
  if (!match) return undefined;
  const value = match[1];
  if (isLetter) {
    if (!plausibleLetters(value)) return undefined;
    const number = parseLetter(value);
    if (!number) return undefined;
    return { kind: 'huruf', style, start: pos, end: pos + match[0].length, value, number };
  }
  const number = parseArabic(value, false);
  if (!number) return undefined;
  return { kind: 'angka', style, start: pos, end: pos + match[0].length, value, number };
}

/** A label's value read as its kind numbers it: a letter for huruf, digits (maybe with a letter: "2a") otherwise. */
export function labelNumber(kind: LabelKind, value: string): UnitNumber | undefined {
  return kind === 'huruf' ? parseLetter(value) : parseArabic(value, false);
}

/** " s/d c", " sampai dengan huruf c", " s.d. ayat (4)" after a Penjelasan label: the run it heads; " dan c": the pair. */
const LABEL_RANGE = /[ \t]+(?:s\/d\.?|s\.[ \t]?d\.?|sampai[ \t]+dengan|(dan))[ \t]+(?:(Ayat|Huruf|Angka|ayat|huruf|angka)[ \t]+)?(\([0-9]{1,3}[a-z]?\)|[a-z]{1,2}|[0-9]{1,3})(?=$|[\s.,:\x00-\x08\x0e-\x1f])/y;

/**
 * The run a Penjelasan label heads ("Huruf a s/d c Cukup jelas."): where it ends and its last value, when the words
 * after the label at `at` name a later label of the same kind.
 */
function labelRange(text: string, at: number, kind: LabelKind, first: UnitNumber): { end: number; value: string } | undefined {
  LABEL_RANGE.lastIndex = at;
  const match = LABEL_RANGE.exec(text);
  if (!match || (match[2] !== undefined && match[2].toLowerCase() !== kind)) return undefined;
  const value = match[3].replace(PARENTHESES, '');
  // "(4)" only for ayat (which may also write "4").
  if (match[3].charCodeAt(0) === 40 && kind !== 'ayat') return undefined;
  const last = labelNumber(kind, value);
  if (!last || last.style !== first.style || compareNumbers(last, first) <= 0) return undefined;
  // "Huruf b dan c": two labels explained together, the second the next one.
  if (match[1] !== undefined && !isSuccessor(first, last)) return undefined;
  return { end: at + match[0].length, value };
}

/** Maps characters OCR often confuses with digits; B can be 8 or a squeezed 13. */
const OCR_DIGITS: Record<string, string[]> = {
  O: ['0'], o: ['0'], D: ['0'], Q: ['0'],
  l: ['1'], I: ['1'], i: ['1'], '|': ['1'], ']': ['1'], '!': ['1'], L: ['1'], T: ['7', '1'],
  Z: ['2'], z: ['2'], S: ['5'], s: ['5'], G: ['6'], b: ['6'], B: ['8', '13'], g: ['9'], q: ['9'], A: ['4'],
};

/** All readings of an OCR-damaged number; used only to test whether the expected number is among them. */
export function ocrReadings(text: string): string[] {
  let readings = [''];
  for (const ch of text) {
    const options = ch >= '0' && ch <= '9' ? [ch] : OCR_DIGITS[ch];
    if (!options) return [];
    const next: string[] = [];
    for (const prefix of readings) for (const option of options) next.push(prefix + option);
    readings = next;
    if (readings.length > 64) return [];
  }
  return readings.map((reading) => String(Number(reading)));
}

/** Roman numerals with OCR'd I (l, 1, |). */
export function ocrRoman(text: string): string {
  return text.replace(/[l1|]/g, 'I');
}

/** Words that, after "Pasal 5", show the line is a reference to another regulation, not a heading. */
export const REGULATION_NOUN = /^(Undang|UU\b|UUD|Peraturan|Keputusan|Kitab|KUHP|KUHAP|Instruksi|Ketetapan|Staatsblad|Stbl|Wetboek|Reglement|Ordonnantie|Penetapan|Perpu|Perppu|Perpres|Permen|Perda|Perwal|Perbup|Qanun|Surat|Konvensi|Traktat|Persetujuan|Protokol|Herziene|Regeling|HIR|RIB|RBg|Burgerlijk)/;

/** "LAMPIRAN II …" (its "L" OCR may lose): the word and the annex's numeral, when it has one. */
export const LAMPIRAN_HEADING = /^L?AMPIRAN(?:[ \t]+([IVX]{1,5})(?![A-Za-z]))?/;

export const PAGE_NUMBER = /^[\s\x00-\x08\x0e-\x1f]*-[ \t]*[0-9]{1,4}[ \t]*-[\s\x00-\x08\x0e-\x1f]*$/;
export const CATCHWORD_TAIL = /(\.\.\.|…|\.\s\.\s\.)[ \t]*$/;

/**
 * "Pajak Penghasilan Pasal 21", "PPh Pasal 21/26", "PPh Final Pasal 4 ayat (2)", "Pajak Penghasilan (PPh) Pasal 22":
 * the name of a tax, after the article of the Income Tax Law that levies it, ends at `end` (spacing and line breaks
 * before it aside). What follows names no article of the text at hand.
 */
export function taxNameEndsAt(text: string, end: number): boolean {
  let word = wordBefore(text, end);
  if (word.text === 'final') word = wordBefore(text, word.start);
  if (word.text === 'pph') return true;
  return word.text === 'penghasilan' && wordBefore(text, word.start).text === 'pajak';
}

/** The word (letters, lower-cased) that ends before `end`, spacing, line breaks and parentheses aside; '' when none. */
function wordBefore(text: string, end: number): { text: string; start: number } {
  const floor = Math.max(0, end - 40);
  let wordEnd = end;
  while (wordEnd > floor) {
    const code = text.charCodeAt(wordEnd - 1);
    if (code !== 40 && code !== 41 && code !== 32 && code !== 9 && code !== 10 && code !== 13) break;
    wordEnd--;
  }
  let start = wordEnd;
  while (start > floor && isLetterCode(text.charCodeAt(start - 1))) start--;
  return { text: wordEnd - start <= 12 ? text.slice(start, wordEnd).toLowerCase() : '', start };
}

export function isLetterCode(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}
