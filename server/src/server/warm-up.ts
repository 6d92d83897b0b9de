// Before the first document arrives, the server runs its keystroke path on a small built-in regulation.
// V8 compiles a function for speed only after it has run a while: without this, the first dozen keystrokes
// in a large law ran the incremental path unoptimised (20–55 ms each through the server on UU 11/2020,
// against ~8 ms later). The sample is parsed, edited the ways a drafter edits (a letter typed and deleted
// in running text, a digit typed into a Pasal number, Enter and the first letter on the new line), and each
// version's diagnostics are converted as for a client. Nothing it makes is kept.

import { analyze, Analysis } from '../features/analysis';
import { reanalyze, settleAnalysis } from '../features/incremental';
import { outline } from '../features/outline';
import { DocumentStore } from './documents';
import { PositionIndex } from './positions';
import { toDiagnostic, toDocumentSymbols } from './to-protocol';

/** The warm-up stops after this long even if edits are left (a slow machine still starts promptly). */
export const WARM_UP_BUDGET_MS = 250;
const SAMPLE_BAB = 6;
const PASAL_PER_BAB = 6;

/** What the warm-up did, for the log. */
export interface WarmUpReport {
  readonly edits: number;
  /** Edits re-analysed incrementally: the old tree moved, or re-parsed around the edit (`restructured`). */
  readonly incremental: number;
  readonly restructured: number;
  readonly ms: number;
}

/** A regulation with the usual structure and cross-references (and one damaged heading), ~20 KB. */
export function sampleRegulation(): string {
  const lines = [
    'PERATURAN WALI KOTA CONTOH', 'NOMOR 1 TAHUN 2024', '', 'TENTANG', 'TATA CARA CONTOH', '',
    'DENGAN RAHMAT TUHAN YANG MAHA ESA', '', 'WALI KOTA CONTOH,', '',
    'Menimbang : a. bahwa untuk melaksanakan ketentuan tentang tata cara contoh perlu pengaturan;',
    'b. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan Peraturan Wali Kota;', '',
    'Mengingat : 1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;', '', 'MEMUTUSKAN:', '',
    'Menetapkan : PERATURAN WALI KOTA TENTANG TATA CARA CONTOH.', '',
  ];
  let pasal = 0;
  const total = SAMPLE_BAB * PASAL_PER_BAB;
  for (let bab = 1; bab <= SAMPLE_BAB; bab++) {
    lines.push(`BAB ${roman(bab)}`, `KETENTUAN BAGIAN ${bab}`, '', 'Bagian Kesatu', 'Umum', '');
    for (let i = 0; i < PASAL_PER_BAB; i++) {
      pasal++;
      const cited = ((pasal * 7) % total) + 1;
      // One OCR-damaged heading, so that the repair path runs too.
      lines.push(pasal === 9 ? 'Pasal B' : `Pasal ${pasal}`);
      lines.push(`(1) Kepala Dinas melaksanakan tugas sebagaimana dimaksud dalam Pasal ${cited} ayat (2) dengan memperhatikan ketentuan peraturan perundang-undangan.`);
      lines.push('(2) Pelaksanaan tugas sebagaimana dimaksud pada ayat (1) meliputi:');
      lines.push('a. perencanaan kegiatan pelayanan kepada masyarakat;', 'b. pelaksanaan kegiatan sebagaimana dimaksud dalam huruf a; dan', 'c. pengawasan dan evaluasi.');
      lines.push(`(3) Ketentuan lebih lanjut mengenai tata cara sebagaimana dimaksud pada ayat (2) huruf b diatur dalam Pasal ${total + 5}.`, '');
    }
  }
  // What real laws have and the articles above lack, so that the code is compiled for the shapes of their
  // objects too (a regulation whose share of inline headings is a fraction, not 0, has another hidden class):
  // a list of angka, a range, a long chain, a typographic quote (beyond Latin-1: the text is stored two bytes
  // per character, as most real texts are), an inline heading, and an amendment with its quoted article.
  lines.push(
    `Pasal ${total + 1}`,
    '(1) Penyelenggaraan sebagaimana dimaksud dalam Pasal 2 sampai dengan Pasal 4 meliputi:',
    'a. pelayanan dasar, terdiri atas:', '1. pendidikan; dan', '2. kesehatan;',
    'b. pelayanan umum sebagaimana dimaksud dalam Pasal 3 ayat (2) huruf a angka 1.',
    `(2) Ketentuan sebagaimana dimaksud pada ayat (1) huruf a angka 2 berlaku sejak \u201cpenetapan\u201d. Pasal ${total + 2} Penyelenggaraan dilaporkan setiap tahun.`,
    '', `Pasal ${total + 3}`, 'Beberapa ketentuan dalam Peraturan Wali Kota Nomor 2 Tahun 2020 diubah sebagai berikut:',
    '1. Ketentuan Pasal 52 diubah sehingga berbunyi sebagai berikut:',
    'Pasal 52', '(1) Tugas dilaksanakan oleh Dinas.', '(2) Pelaksanaan sebagaimana dimaksud pada ayat (1) dilaporkan kepada Wali Kota.', '',
  );
  const last = total + 4;
  lines.push(`Pasal ${last}`, 'Peraturan Wali Kota ini mulai berlaku pada tanggal diundangkan.', '', 'Ditetapkan di Contoh', 'WALI KOTA CONTOH,', '');
  lines.push('PENJELASAN', 'ATAS', 'PERATURAN WALI KOTA CONTOH', '', 'I. UMUM', 'Cukup jelas.', '', 'II. PASAL DEMI PASAL');
  for (let i = 1; i <= last; i++) lines.push(`Pasal ${i}`, i % 3 === 0 ? 'Ayat (1)\nCukup jelas.\nAyat (2)\nCukup jelas.' : 'Cukup jelas.');
  lines.push('', 'LAMPIRAN', 'PERATURAN WALI KOTA CONTOH', 'NOMOR 1 TAHUN 2024', 'TABEL CONTOH');
  return lines.join('\n') + '\n';
}

/** Runs the keystroke path on the sample until every edit is done or the budget is spent. */
export function warmUp(budgetMs = WARM_UP_BUDGET_MS, now: () => number = () => performance.now()): WarmUpReport {
  const started = now();
  const uri = 'perwal-warm-up:sample';
  const store = new DocumentStore();
  let document = store.open({ textDocument: { uri, languageId: 'perwal', version: 1, text: sampleRegulation() } });
  let analysis: Analysis = analyze(document.text);
  convert(analysis, document.positions, uri);
  let edits = 0;
  let incremental = 0;
  let restructured = 0;
  for (const edit of editsOf(document.text)) {
    if (now() - started > budgetMs) break;
    const text = document.text;
    const at = edit.at(text);
    if (at < 0) continue;
    const range = { start: document.positions.positionAt(at), end: document.positions.positionAt(at + edit.remove) };
    const outcome = store.change({ textDocument: { uri, version: document.version + 1 }, contentChanges: [{ range, text: edit.insert }] });
    if (!('document' in outcome)) break;
    document = outcome.document;
    const root = analysis.regulation.parse.root;
    const moved = reanalyze(analysis, document.text, { start: at, end: at + edit.remove, newText: edit.insert }, { deferTreeMoves: true });
    if (moved) incremental++;
    if (moved && moved.regulation.parse.root !== root) restructured++;
    analysis = moved ?? analyze(document.text);
    convert(analysis, document.positions, uri);
    // As the server does once its answer is out.
    settleAnalysis(analysis);
    edits++;
  }
  return { edits, incremental, restructured, ms: now() - started };
}

/** As a client would get them: the diagnostics and, now and then, the outline. */
function convert(analysis: Analysis, positions: PositionIndex, uri: string): void {
  for (const diagnostic of analysis.diagnostics) toDiagnostic(diagnostic, uri, positions, 'id');
  toDocumentSymbols(outline(analysis.regulation, { depth: 'ayat' }), positions);
}

export interface SampleEdit {
  /** Where in the current text, or -1 to skip. */
  readonly at: (text: string) => number;
  readonly remove: number;
  readonly insert: string;
}

/** The edits, in rounds through the sample: each kind at several places, far apart. */
export function editsOf(sample: string): SampleEdit[] {
  const edits: SampleEdit[] = [];
  const rounds = 12;
  // In the articles: the Penjelasan has no running text of this kind.
  const body = sample.indexOf('\nPENJELASAN');
  for (let round = 0; round < rounds; round++) {
    const from = Math.floor((body * round) / rounds);
    const word = (needle: string, offset: number) => (text: string): number => {
      const found = text.indexOf(needle, from);
      return found < 0 ? -1 : found + offset;
    };
    edits.push({ at: word('pelayanan', 3), remove: 0, insert: 'x' });
    edits.push({ at: word('pelxayanan', 3), remove: 1, insert: '' });
    edits.push({ at: word('melaksanakan tugas', 5), remove: 1, insert: '' });
    edits.push({ at: word('melakanakan tugas', 5), remove: 0, insert: 's' });
    // A digit typed into a Pasal number and deleted again: the structure changes twice.
    edits.push({ at: word('\nPasal 1', 8), remove: 0, insert: '7' });
    edits.push({ at: word('\nPasal 17', 8), remove: 1, insert: '' });
    // Enter at the end of a line of running text, a letter on the new line, and both taken back.
    edits.push({ at: word('masyarakat;', 11), remove: 0, insert: '\n' });
    edits.push({ at: word('masyarakat;\n', 12), remove: 0, insert: 'd' });
    edits.push({ at: word('masyarakat;\nd', 12), remove: 1, insert: '' });
    edits.push({ at: word('masyarakat;\n', 11), remove: 1, insert: '' });
  }
  return edits;
}

function roman(n: number): string {
  return ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'][n - 1] ?? String(n);
}
