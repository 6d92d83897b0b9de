// Numbers of every level (Pasal 5A, BAB IXA, Bagian Kedua A, ayat (1a), huruf aa) as comparable values.
// Pure and total: a label that cannot be read yields undefined, never an exception.

/** A parsed unit number: `base` is the integer part, `suffix` the inserted-unit letter (5A → base 5, suffix "A"). */
export interface UnitNumber {
  readonly base: number;
  readonly suffix: string;
  /** The canonical text used for display and lookup ("5A", "IXA", "Kedua A", "1a", "aa"). */
  readonly text: string;
  readonly style: NumberStyle;
}

export type NumberStyle = 'arabic' | 'roman' | 'ordinal' | 'letter';

// Module constants rather than literals in functions called per label (a literal makes a RegExp per call).
const LETTERS = /^[a-z]{1,3}$/;
const SPACES = /\s+/g;
const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };

export function romanToInt(roman: string): number | undefined {
  if (!/^[IVXLCDM]+$/.test(roman) || roman.length > 12) return undefined;
  let total = 0;
  for (let i = 0; i < roman.length; i++) {
    const value = ROMAN_VALUES[roman[i]];
    const next = i + 1 < roman.length ? ROMAN_VALUES[roman[i + 1]] : 0;
    total += value < next ? -value : value;
  }
  // Only canonical numerals count, so "IIII" or "VX" are not taken for numbers.
  return intToRoman(total) === roman ? total : undefined;
}

export function intToRoman(value: number): string {
  if (!Number.isInteger(value) || value <= 0 || value >= 4000) return String(value);
  const table: Array<[number, string]> = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let rest = value;
  let out = '';
  for (const [amount, symbol] of table) {
    while (rest >= amount) {
      out += symbol;
      rest -= amount;
    }
  }
  return out;
}

const ORDINAL_UNITS = ['', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'];

/** Reads "Kesatu", "Pertama", "Kedua Belas", "Kedua Puluh Satu" (case-insensitive) as an integer. */
export function ordinalToInt(words: string): number | undefined {
  const text = words.trim().toLowerCase().replace(SPACES, ' ');
  if (text === 'pertama' || text === 'kesatu') return 1;
  if (text === 'kesepuluh') return 10;
  if (text === 'kesebelas') return 11;
  if (text === 'keseratus') return 100;
  const match = /^ke(satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan)(?: (belas|puluh(?: (satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan))?))?$/.exec(text);
  if (!match) return undefined;
  const head = ORDINAL_UNITS.indexOf(match[1]);
  if (!match[2]) return head;
  if (match[2] === 'belas') return 10 + head;
  const tail = match[3] ? ORDINAL_UNITS.indexOf(match[3]) : 0;
  return head * 10 + tail;
}

const ORDINAL_NAMES = ['', 'Kesatu', 'Kedua', 'Ketiga', 'Keempat', 'Kelima', 'Keenam', 'Ketujuh', 'Kedelapan', 'Kesembilan'];

export function intToOrdinal(value: number): string {
  if (value === 10) return 'Kesepuluh';
  if (value === 11) return 'Kesebelas';
  if (value > 0 && value < 10) return ORDINAL_NAMES[value];
  if (value > 11 && value < 20) return `${ORDINAL_NAMES[value - 10]} Belas`;
  if (value >= 20 && value < 100) {
    const tens = Math.floor(value / 10);
    const units = value % 10;
    const head = ORDINAL_NAMES[tens];
    return units === 0 ? `${head} Puluh` : `${head} Puluh ${capitalise(ORDINAL_UNITS[units])}`;
  }
  return String(value);
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** What /^(\d{1,5})([A-Z]?)$/ (or [a-z] when not `upperSuffix`) reads, by character codes: it runs for every label. */
export function parseArabic(text: string, upperSuffix = true): UnitNumber | undefined {
  const length = text.length;
  let digits = 0;
  while (digits < length && digits < 6) {
    const code = text.charCodeAt(digits);
    if (code < 48 || code > 57) break;
    digits++;
  }
  if (digits === 0 || digits > 5 || length - digits > 1) return undefined;
  let suffix = '';
  if (length > digits) {
    const code = text.charCodeAt(digits);
    if (upperSuffix ? code < 65 || code > 90 : code < 97 || code > 122) return undefined;
    suffix = text.charAt(digits);
  }
  const base = Number(digits === length ? text : text.slice(0, digits));
  return { base, suffix, text: `${base}${suffix}`, style: 'arabic' };
}

/** "IXA" → IX with suffix A; a non-canonical numeral yields undefined. */
export function parseRoman(text: string): UnitNumber | undefined {
  const whole = romanToInt(text);
  if (whole !== undefined) return { base: whole, suffix: '', text, style: 'roman' };
  const match = /^([IVXLCDM]+)([A-Z])$/.exec(text);
  if (!match) return undefined;
  const base = romanToInt(match[1]);
  return base === undefined ? undefined : { base, suffix: match[2], text, style: 'roman' };
}

/** "Kedua", "Kedua A", "Kedua Belas" → ordinal number. */
export function parseOrdinal(text: string): UnitNumber | undefined {
  // "Kedua A": an inserted Bagian carries a single capital after the ordinal word.
  const trimmed = text.trim();
  const inserted = /\s[A-Z]$/.test(trimmed);
  const base = ordinalToInt(inserted ? trimmed.slice(0, -2) : trimmed);
  if (base === undefined) return undefined;
  const suffix = inserted ? trimmed.charAt(trimmed.length - 1) : '';
  return { base, suffix, text: suffix ? `${intToOrdinal(base)} ${suffix}` : intToOrdinal(base), style: 'ordinal' };
}

/** Letter labels: a..z, then either doubled (aa, bb) or spreadsheet style (aa, ab); both read here. */
export function parseLetter(text: string): UnitNumber | undefined {
  if (!LETTERS.test(text)) return undefined;
  let base: number;
  if (text.length === 1) base = text.charCodeAt(0) - 96;
  else if (/^(.)\1+$/.test(text)) base = 26 * (text.length - 1) + (text.charCodeAt(0) - 96);
  else {
    base = 0;
    for (const ch of text) base = base * 26 + (ch.charCodeAt(0) - 96);
  }
  return { base, suffix: '', text, style: 'letter' };
}

/** The labels that may directly follow `previous` in a well-numbered sequence. */
export function successorTexts(previous: UnitNumber): string[] {
  const out: string[] = [];
  if (previous.style === 'letter') {
    const value = previous.base;
    if (previous.text.length === 1) {
      out.push(value < 26 ? String.fromCharCode(97 + value) : 'aa');
    } else if (/^(.)\1+$/.test(previous.text)) {
      const ch = previous.text.charCodeAt(0);
      if (ch < 122) out.push(String.fromCharCode(ch + 1).repeat(previous.text.length));
      if (previous.text === 'aa') out.push('ab');
    } else {
      const last = previous.text.charCodeAt(previous.text.length - 1);
      if (last < 122) out.push(previous.text.slice(0, -1) + String.fromCharCode(last + 1));
    }
    return out;
  }
  const nextBase = previous.base + 1;
  const nextSuffix = previous.suffix === '' ? 'A' : String.fromCharCode(previous.suffix.charCodeAt(0) + 1);
  out.push(formatNumber(nextBase, '', previous.style));
  out.push(formatNumber(previous.base, nextSuffix, previous.style));
  return out;
}

export function formatNumber(base: number, suffix: string, style: NumberStyle): string {
  switch (style) {
    case 'roman':
      return intToRoman(base) + suffix;
    case 'ordinal':
      return suffix ? `${intToOrdinal(base)} ${suffix}` : intToOrdinal(base);
    case 'letter':
      return base <= 26 ? String.fromCharCode(96 + base) : String.fromCharCode(96 + ((base - 1) % 26) + 1).repeat(Math.ceil(base / 26));
    default:
      return `${base}${suffix}`;
  }
}

/** Total order of numbers of one style: 5 < 5A < 5B < 6. */
export function compareNumbers(a: UnitNumber, b: UnitNumber): number {
  if (a.base !== b.base) return a.base - b.base;
  return a.suffix < b.suffix ? -1 : a.suffix > b.suffix ? 1 : 0;
}

export function isSuccessor(previous: UnitNumber, next: UnitNumber): boolean {
  const key = normaliseKey(next.text);
  // Checked on every label and heading, often against a number parsed just then (a fresh object, so nothing
  // memoised): the common answers are read off the key without building successorTexts(). Arabic (ayat,
  // angka, most Pasal): "N+1"; a single letter (huruf): the next letter, "aa" after "z".
  if (previous.style === 'arabic') {
    if (isDecimal(key, previous.base + 1, 0, key.length)) return true;
    // Else only the same number with the next letter ("5" → "5A", "5A" → "5B", "2a" → "2b"), normalised.
    // (Any other suffix letter goes the way of the definition.)
    const code = previous.suffix === '' ? 65 : previous.suffix.charCodeAt(0) + 1;
    const lower = code >= 65 && code <= 90 ? code + 32 : code >= 97 && code <= 122 ? code : -1;
    if (lower >= 0) return key.length >= 2 && key.charCodeAt(key.length - 1) === lower && isDecimal(key, previous.base, 0, key.length - 1);
  }
  if (previous.style === 'letter' && previous.text.length === 1) {
    return previous.base < 26 ? key.length === 1 && key.charCodeAt(0) === 97 + previous.base : key === 'aa';
  }
  return isSuccessorText(previous, key);
}

/** `key[from, to)` is `value` written in decimal digits, as String(value) writes it (no sign, no leading zero). */
function isDecimal(key: string, value: number, from: number, to: number): boolean {
  if (to <= from || (to - from > 1 && key.charCodeAt(from) === 48)) return false;
  let n = 0;
  for (let i = from; i < to; i++) {
    const digit = key.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return false;
    n = n * 10 + digit;
  }
  return n === value;
}

/** isSuccessor() by its definition: `key` (normalised) is one of successorTexts(previous), normalised. */
export function isSuccessorText(previous: UnitNumber, key: string): boolean {
  let keys = successorKeys.get(previous);
  if (!keys) {
    keys = successorTexts(previous).map(normaliseKey);
    successorKeys.set(previous, keys);
  }
  return keys.includes(key);
}

/** Per number, its successors normalised: numbers are shared by the units that carry them and outlive edits,
 *  and every keystroke checks every label's number again (features/diagnostics.ts). */
const successorKeys = new WeakMap<UnitNumber, readonly string[]>();

/** A key that makes "Kedua A" and "kedua a", "5a" and "5A" equal for lookups. */
export function normaliseKey(text: string): string {
  // Most keys are already normal ("5", "ix", "kedua"): printable ASCII without capitals or spaces.
  let plain = true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code <= 32 || code >= 127 || (code >= 65 && code <= 90)) {
      plain = false;
      break;
    }
  }
  if (plain) return text;
  return text.toLowerCase().replace(SPACES, ' ').trim();
}

/** The plain successor (no suffix) used to propose a corrected number. */
export function nextPlain(previous: UnitNumber | undefined, style: NumberStyle): string {
  if (!previous) return formatNumber(1, '', style);
  if (style === 'letter') return successorTexts(previous)[0] ?? previous.text;
  return formatNumber(previous.base + 1, '', style);
}
