// User-facing messages, in Bahasa Indonesia and English. Features return both; the edge picks one.

export interface Message {
  readonly id: string;
  readonly en: string;
}

export type Locale = 'id' | 'en';

export function pick(message: Message, locale: Locale): string {
  return locale === 'id' ? message.id : message.en;
}

/** Chooses Indonesian for "id", "id-ID", "in"; English otherwise. */
export function localeOf(tag: string | undefined): Locale {
  return tag && /^(id|in)\b/i.test(tag) ? 'id' : 'en';
}

type Params = Record<string, string>;

const TEMPLATES: Record<string, { id: string; en: string }> = {
  duplicate: { id: '{name} bernomor ganda: nomor ini sudah dipakai sebelumnya.', en: '{name} is numbered twice: an earlier unit already has this number.' },
  duplicateIn: { id: '{name} bernomor ganda: {name} dalam {container} sudah memakai nomor ini.', en: '{name} is numbered twice: {name} in {container} already has this number.' },
  restart: { id: 'Penomoran {name} mulai lagi setelah {previous}: nomor ganda, mungkin judul Pasal di atasnya hilang.', en: 'Numbering restarts at {name} after {previous}: a duplicate number; a heading above it may be missing.' },
  repeatedLine: { id: '{name} terulang persis pada baris sebelumnya: kemungkinan duplikasi hasil pemindaian, bukan kesalahan penomoran.', en: '{name} repeats the previous line verbatim: probably a scraper duplicate, not a numbering defect.' },
  gap: { id: 'Penomoran melompat: {name} sesudah {previous}; {missing} tidak ada.', en: 'Numbering gap: {name} follows {previous}; {missing} is missing.' },
  startsAt: { id: 'Penomoran dimulai dari {name}; seharusnya {expected}.', en: 'Numbering starts at {name}; expected {expected}.' },
  order: { id: 'Urutan nomor salah: {name} sesudah {previous}; seharusnya {expected}.', en: 'Numbering out of order: {name} follows {previous}; expected {expected}.' },
  misnumbered: { id: 'Nomor salah: {name} di antara {previous} dan {next}; seharusnya {expected}.', en: 'Misnumbered: {name} stands between {previous} and {next}; expected {expected}.' },
  swapped: { id: 'Urutan nomor salah: {name} mendahului {next}; seharusnya {expected}.', en: 'Numbering out of order: {name} comes before {next}; expected {expected}.' },
  firstHere: { id: '{name} pertama di sini', en: 'first {name} here' },
  previousHere: { id: '{name} sebelumnya di sini', en: 'previous {name} here' },
  nextHere: { id: '{name} berikutnya di sini', en: 'next {name} here' },
  single: { id: '{name} adalah satu-satunya pembagian dalam {parent}: pembagian hanya berguna bila ada lebih dari satu.', en: '{name} is the only subdivision of {parent}: a subdivision is only useful when there are several.' },
  damagedRef: { id: 'Rujukan rusak (kemungkinan OCR): "{written}" — mungkin maksudnya {probable}.', en: 'Damaged reference (probably OCR): "{written}" — probably meant {probable}.' },
  damagedRefUnread: { id: 'Rujukan rusak (kemungkinan OCR): "{written}"; nomornya tidak terbaca.', en: 'Damaged reference (probably OCR): "{written}"; its number cannot be read.' },
  noChild: { id: 'Rujukan tidak menunjuk apa pun: {parent} tidak memiliki {child}.', en: 'Dangling reference: {parent} has no {child}.' },
  noTarget: { id: 'Rujukan tidak menunjuk apa pun: {name} tidak ada dalam peraturan ini.', en: 'Dangling reference: there is no {name} in this regulation.' },
  parentHere: { id: '{name} di sini', en: '{name} is here' },
  ambiguous: { id: 'Rujukan ke {name} ambigu: ada {count} unit dengan nomor ini.', en: 'Ambiguous reference to {name}: {count} units carry this number.' },
  candidate: { id: 'kemungkinan: {name}', en: 'candidate: {name}' },
  padaAyat: { id: 'Untuk ayat dalam Pasal yang sama gunakan "pada ayat", bukan "dalam ayat" (Lampiran II UU 12/2011 butir 272).', en: 'For an ayat of the same Pasal write "pada ayat", not "dalam ayat" (Lampiran II UU 12/2011, rule 272).' },
};

/** A template cut at its placeholders: literal, name, literal, name, …, literal. */
type Compiled = string[];

const COMPILED = new Map<string, { id: Compiled; en: Compiled }>();

function compile(text: string): Compiled {
  const parts: string[] = [];
  let last = 0;
  for (const match of text.matchAll(/\{(\w+)\}/g)) {
    parts.push(text.slice(last, match.index), match[1]);
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return parts;
}

/** Joined, not concatenated: one flat string instead of a rope of pieces (messages are kept with the analysis). */
function fill(parts: Compiled, params: Params): string {
  const pieces = new Array<string>(parts.length);
  for (let i = 0; i < parts.length; i++) pieces[i] = i % 2 === 0 ? parts[i] : params[parts[i]] ?? '';
  return pieces.join('');
}

export function msg(key: keyof typeof TEMPLATES, params: Params): Message {
  let compiled = COMPILED.get(key);
  if (!compiled) {
    const template = TEMPLATES[key];
    compiled = { id: compile(template.id), en: compile(template.en) };
    COMPILED.set(key, compiled);
  }
  return { id: fill(compiled.id, params), en: fill(compiled.en, params) };
}
