// Label columns (syntax/label-column.ts): pdftotext prints a page's labels as a block before its unlabelled text.
// The plan matches them with the paragraphs; the parser opens each unit at its paragraph; edits in and around a
// column give what a fresh analysis gives.

import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/features/analysis';
import { codeActions } from '../../server/src/features/code-actions';
import { applyEdits } from '../../server/src/features/edits';
import { reanalyze } from '../../server/src/features/incremental';
import { hover } from '../../server/src/features/hover';
import { referencesTo } from '../../server/src/features/find-references';
import { outline, OutlineNode } from '../../server/src/features/outline';
import { prepareRename, rename } from '../../server/src/features/rename';
import { columnPlan } from '../../server/src/syntax/label-column';
import { plain } from '../../scripts/analysis-equality';

const HEAD = 'MEMUTUSKAN:\nMenetapkan : PERATURAN MENTERI TENTANG CONTOH.\n\nBAB I\nUMUM\nPasal 1\nIsi pasal satu.\n\n- 2 -\n\n';

/** A page whose label column holds the labels of Pasal 2 and Pasal 3 (the layout of Permenkeu 112/2025). */
const PAGE = HEAD +
  '(1)\n\n(2)\n\n(3)\n\n(1)\n\n(2)\n\n' +
  'Pasal 2\n' +
  'Menteri menetapkan pagu.\n' +
  'Pagu sebagaimana dimaksud pada ayat (1) meliputi:\n' +
  'a. pagu awal; dan\n' +
  'b. pagu akhir.\n' +
  'Pagu sebagaimana dimaksud pada ayat\n' +
  '(2) huruf b diumumkan.\n' +
  'Pasal 3\n' +
  'Pejabat menyusun laporan sesuai dengan Pasal 2 ayat (2)\n' +
  'huruf a dan huruf b.\n' +
  'Laporan sebagaimana dimaksud pada ayat (1) disampaikan\n' +
  'kepada Menteri.\n' +
  'Pasal 4\n' +
  'Peraturan ini mulai berlaku pada tanggal diundangkan.\n';

/** Permenhub 9/2025: the page's column holds Pasal 2's "(2)" and Pasal 3's two labels, the first spaced; Pasal 4 has none. */
const SPACED = HEAD.replace('Isi pasal satu.\n\n- 2 -\n\n', 'Isi pasal satu.\n') + 'Pasal 2\n(1) Masyarakat dapat berperan serta.\n\n- 7 -\n\n(2)\n\n( 1)\n(2)\n\n' +
  'Masyarakat dapat menyampaikan\ninformasi.\nPasal 3\nDirektorat melakukan pengawasan.\nDalam hal Penyelenggara tidak\nmelaksanakan, dapat diberikan sanksi.\n\n' +
  'Pasal 4\nPada saat Peraturan ini berlaku:\na. satu; dan\nb. dua.\nPeraturan ini mulai berlaku.\n';

function units(text: string): string[] {
  const analysis = analyze(text);
  return analysis.regulation.units
    .filter((unit) => unit.kind === 'pasal' || unit.kind === 'ayat' || unit.kind === 'huruf')
    .map((unit) => `${unit.kind} ${unit.number}: ${text.slice(unit.range.start, unit.range.start + 12).replace(/\n/g, '⏎')}`);
}

function offsetOf(text: string, needle: string, nth = 0): number {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, needle);
  return at;
}

describe('label columns', () => {
  it('the plan: each label to the paragraph it opens, Pasal by Pasal; a wrapped citation "ayat⏎(2) huruf b" is text', () => {
    const plan = columnPlan(PAGE, offsetOf(PAGE, '(1)\n\n(2)\n\n(3)'))!;
    assert.ok(plan);
    assert.deepEqual(plan.labels.map((label, i) => `${PAGE.slice(label.start, label.end)} ${PAGE.slice(plan.starts[i], plan.starts[i] + 9)}${plan.afterPasal[i] ? ' (after a heading)' : ''}`), [
      '(1) Menteri m (after a heading)',
      '(2) Pagu seba',
      '(3) Pagu seba',
      '(1) Pejabat m (after a heading)',
      '(2) Laporan s',
    ]);
  });

  it('the parser opens each ayat at its paragraph; the Pasal of one paragraph has none; nothing is reported', () => {
    assert.deepEqual(units(PAGE), [
      'pasal 1: Pasal 1⏎Isi ',
      'pasal 2: Pasal 2⏎Ment',
      'ayat 1: Menteri mene',
      'ayat 2: Pagu sebagai',
      'huruf a: a. pagu awal',
      'huruf b: b. pagu akhi',
      'ayat 3: Pagu sebagai',
      'pasal 3: Pasal 3⏎Peja',
      'ayat 1: Pejabat meny',
      'ayat 2: Laporan seba',
      'pasal 4: Pasal 4⏎Pera',
    ]);
    assert.deepEqual(analyze(PAGE).diagnostics.map((d) => d.message.en), []);
  });

  it('a citation resolves to the paragraph; the unit is named where its paragraph starts, numbered by its label in the column', () => {
    const analysis = analyze(PAGE);
    const ayat2 = analysis.regulation.units.find((unit) => unit.kind === 'ayat' && unit.number === '2' && unit.parent?.number === '2')!;
    assert.deepEqual(ayat2.nameRange, { start: offsetOf(PAGE, 'Pagu sebagaimana'), end: offsetOf(PAGE, 'Pagu sebagaimana') });
    assert.equal(ayat2.numberRange.start, offsetOf(PAGE, '(2)'));
    const citation = analysis.references.flatMap((reference) => reference.items).find((item) => PAGE.slice(item.range.start, item.range.end).startsWith('Pasal 2 ayat (2)'))!;
    assert.equal(citation.status, 'resolved');
    assert.equal(citation.targets[0].kind, 'huruf');
    assert.equal(citation.targets[0].parent, ayat2);
  });

  it('as many labels as paragraphs but not in runs: read in order when off in one place, the slip reported at its unit', () => {
    // Pasal 3's heading lost: "(1)" restarts inside Pasal 2 (a duplicate, where the heading is missing).
    const lost = PAGE.replace('Pasal 3\n', '');
    const restart = analyze(lost).diagnostics.filter((d) => d.code === 'duplicate-number');
    assert.deepEqual(restart.map((d) => d.range.start), [offsetOf(lost, 'Pejabat')]);
    // "(3)" written "(2)": the second ayat (2) is reported; the units stay on their paragraphs.
    const twice = PAGE.replace('(2)\n\n(3)\n\n', '(2)\n\n(2)\n\n');
    assert.deepEqual(analyze(twice).diagnostics.filter((d) => d.code === 'duplicate-number').map((d) => d.range.start), [offsetOf(twice, 'Pagu sebagaimana', 1)]);
    assert.deepEqual(units(twice).slice(2, 4), ['ayat 1: Menteri mene', 'ayat 2: Pagu sebagai']);
  });

  it('a column right after its Pasal heading ("Pasal4" / "(1)" / "(2)"): the first line of text opens the first paragraph', () => {
    // Lists with each label alone on its line before its text (Permenhub 8/2025).
    const text = HEAD + 'Pasal 2\n(1)\n\n(2)\n\nAerodrome Perairan terdiri atas:\na.\nAerodrome di Bandar Udara;\nb.\nAerodrome di Pelabuhan.\n' +
      'Aerodrome Perairan\ndi Bandar Udara sebagaimana dimaksud pada ayat (1) huruf a berupa tempat.\n- 4 -\nPasal 3\nSebagaimana dimaksud dalam Pasal 2 ayat (1) huruf b.\n';
    for (const heading of ['Pasal 2', 'Pasal2']) {
      const written = text.replace('Pasal 2\n', `${heading}\n`);
      assert.deepEqual(units(written).slice(2, 6), ['ayat 1: Aerodrome Pe', 'huruf a: a.⏎Aerodrome', 'huruf b: b.⏎Aerodrome', 'ayat 2: Aerodrome Pe'], heading);
      assert.deepEqual(analyze(written).diagnostics.filter((d) => d.code === 'dangling-reference'), [], heading);
    }
  });

  it('a Pasal whose "(1)" stood alone before its heading: the column on the next page goes on from "(2)"', () => {
    // Permenkeu 119/2025: the page ends with the label of the next Pasal's first paragraph.
    const text = HEAD.replace('Isi pasal satu.\n\n- 2 -\n\n', 'Isi pasal satu:\na. satu; dan\nb. dua.\n(1)\n\n') + 'Pasal 2\nPemerintah Daerah menyampaikan laporan.\n\n\f- 3 (2)\n\n(3)\n\n' +
      'Laporan sebagaimana dimaksud pada ayat (1) meliputi:\na. laporan awal; dan\nb. laporan akhir.\nLaporan sebagaimana dimaksud pada ayat (2) huruf b disampaikan.\n- 4 -\n' +
      'Pasal 3\nSebagaimana dimaksud dalam Pasal 2 ayat (2) huruf a dan Pasal 2 ayat (3).\n';
    assert.deepEqual(units(text).slice(4), ['pasal 2: Pasal 2⏎Peme', 'ayat 2: Laporan seba', 'huruf a: a. laporan a', 'huruf b: b. laporan a', 'ayat 3: Laporan seba', 'pasal 3: Pasal 3⏎Seba']);
    // The lists' citations resolve (whether the "(1)" counts as Pasal 2's is the model's call: stray-labels.ts, in
    // a text whose layout is broken).
    const ofLists = (source: string): string[] => analyze(source).diagnostics.filter((d) => d.code === 'dangling-reference' && /huruf/.test(d.message.en)).map((d) => d.message.en);
    assert.deepEqual(ofLists(text), []);
    // Without the "(1)" before the heading, a column from "(2)" does not go on with what is open.
    assert.deepEqual(ofLists(text.replace('b. dua.\n(1)\n\n', 'b. dua.\n\n')), ['Dangling reference: Pasal 2 ayat (2) has no huruf b.', 'Dangling reference: Pasal 2 ayat (2) has no huruf a.']);
  });

  it('a lowercase line after a list\'s last item ("…; dan/atau" / "e. …;" / "sebagaimana diatur …") goes on with the ayat: no paragraph', () => {
    // Permenkeu 112/2025: the column holds the open list's next item and the next ayat.
    const text = HEAD.replace('Isi pasal satu.\n\n- 2 -\n\n', '') + 'Pasal 2\n(1) Wajib Pajak memiliki usaha apabila:\na. terdapat tempat usaha;\nb. terdapat agen yang:\n1. lazim menyepakati kontrak; atau\n\n\f- 3 2.\n\n(2)\n\n' +
      'tidak menyepakati kontrak;\nc. terdapat pegawai; dan/atau\nd.\ntidak semata-mata melakukan kegiatan persiapan;\nsebagaimana diatur dalam Peraturan Menteri.\n' +
      'Agen sebagaimana dimaksud pada ayat (1) huruf b angka 2 dan huruf d merupakan agen tetap.\n- 4 -\nPasal 3\nSebagaimana dimaksud dalam Pasal 2 ayat (2).\n';
    assert.deepEqual(units(text).slice(1), ['pasal 2: Pasal 2⏎(1) ', 'ayat 1: (1) Wajib Pa', 'huruf a: a. terdapat ', 'huruf b: b. terdapat ', 'huruf c: c. terdapat ', 'huruf d: d.⏎tidak sem', 'ayat 2: Agen sebagai', 'pasal 3: Pasal 3⏎Seba']);
    const angka = analyze(text).regulation.units.filter((unit) => unit.kind === 'angka');
    assert.deepEqual(angka.map((unit) => `${unit.parent?.number}.${unit.number}: ${text.slice(unit.range.start, unit.range.start + 10)}`), ['b.1: 1. lazim m', 'b.2: tidak meny']);
    assert.deepEqual(analyze(text).diagnostics.map((d) => d.message.en), []);
  });

  it('a label spaced in the column ("( 1)") is read as "(1)" and reported with its repair; later Pasal of the page are read as written', () => {
    const text = SPACED;
    assert.deepEqual(units(text).slice(1), ['pasal 2: Pasal 2⏎(1) ', 'ayat 1: (1) Masyarak', 'ayat 2: Masyarakat d', 'pasal 3: Pasal 3⏎Dire', 'ayat 1: Direktorat m', 'ayat 2: Dalam hal Pe', 'pasal 4: Pasal 4⏎Pada', 'huruf a: a. satu; dan', 'huruf b: b. dua.⏎Pera']);
    const analysis = analyze(text);
    const spaced = offsetOf(text, '( 1)');
    assert.deepEqual(analysis.diagnostics.map((d) => [d.code, d.range.start, d.message.en]), [['malformed-heading', spaced, 'Damaged ayat label: "( 1)" should read "(1)" — spacing inside the parentheses.']]);
    const [fix] = codeActions(analysis, { start: spaced, end: spaced + 4 });
    assert.equal(fix.title.en, 'Repair the label to "(1)"');
    const repaired = applyEdits(text, fix.edits);
    assert.deepEqual(units(repaired), units(text));
    assert.deepEqual(analyze(repaired).diagnostics, []);
  });

  it('one label alone before the rest of the open list ("(3)" / "f. …" / "g. …" / "Kajian …"): the ayat opens at the paragraph after the list', () => {
    // Permenhub 8/2025, Permenkeu 119/2025: the page break fell inside a list; the next ayat's label stands above the list's rest.
    const text = HEAD.replace('Isi pasal satu.\n\n- 2 -\n\n', '') + 'Pasal 2\n(1) Lokasi ditetapkan.\n(2) Kajian memuat:\na. kelayakan teknis;\nb. kelayakan ekonomis;\n\n- 6 -\n\n(3)\n\n' +
      'c. kelayakan lingkungan; dan\nd. kelayakan sosial.\nKajian sebagaimana dimaksud pada ayat (2) huruf d disusun.\nPasal 3\nSebagaimana dimaksud dalam Pasal 2 ayat (3).\n';
    assert.deepEqual(units(text).slice(1), ['pasal 2: Pasal 2⏎(1) ', 'ayat 1: (1) Lokasi d', 'ayat 2: (2) Kajian m', 'huruf a: a. kelayakan', 'huruf b: b. kelayakan', 'huruf c: c. kelayakan', 'huruf d: d. kelayakan', 'ayat 3: Kajian sebag', 'pasal 3: Pasal 3⏎Seba']);
    assert.deepEqual(analyze(text).diagnostics, []);
    // Not when the item after the label does not go on with the open list, or when more paragraphs follow than labels.
    assert.deepEqual(units(text.replace('c. kelayakan', 'e. kelayakan')).slice(6, 8), ['ayat 3: (3)⏎⏎e. kela', 'huruf e: e. kelayakan']);
    const more = text.replace('Kajian sebagaimana', 'Lokasi diumumkan.\nKajian sebagaimana');
    assert.equal(columnPlan(more, offsetOf(more, '(3)\n\nc.')), undefined);
  });

  it('no plan where labels and paragraphs do not match: the lines are read as before', () => {
    // One paragraph more in Pasal 2 than labels.
    const more = PAGE.replace('Menteri menetapkan pagu.\n', 'Menteri menetapkan pagu.\nMenteri mengumumkan pagu.\n');
    assert.equal(columnPlan(more, offsetOf(more, '(1)\n\n(2)\n\n(3)')), undefined);
    // A label right after a heading other than "(1)".
    const astray = PAGE.replace('(3)\n\n(1)\n\n(2)\n\n', '(3)\n\n(2)\n\n(3)\n\n');
    assert.equal(columnPlan(astray, offsetOf(astray, '(1)\n\n(2)\n\n(3)')), undefined);
    // After a unit word ("… pada ayat" / "(1)"), a lone label is the citation's number.
    const cited = HEAD.replace('Isi pasal satu.\n\n- 2 -\n\n', 'Isi sebagaimana dimaksud pada ayat\n') + '(1)\n\n(2)\n\nPasal 2\nSatu.\nDua.\n';
    assert.equal(columnPlan(cited, offsetOf(cited, '(1)\n\n(2)')), undefined);
  });

  it('renumbering a unit of a column edits its label in the column', () => {
    const twice = PAGE.replace('(2)\n\n(3)\n\n', '(2)\n\n(2)\n\n');
    const analysis = analyze(twice);
    const duplicate = analysis.diagnostics.find((d) => d.code === 'duplicate-number')!;
    // The column's last ayat: renumbering it changes it alone ("Change to ayat (3)").
    const renumber = codeActions(analysis, duplicate.range).find((action) => /^(Renumber|Change to)/.test(action.title.en))!;
    assert.ok(renumber, JSON.stringify(codeActions(analysis, duplicate.range).map((action) => action.title.en)));
    assert.equal(applyEdits(twice, renumber.edits), PAGE);
  });

  it('renaming, hover and references at a label in the column are its unit\'s; the outline shows each unit\'s own words', () => {
    const analysis = analyze(PAGE);
    const three = offsetOf(PAGE, '(3)') + 1;
    assert.deepEqual(prepareRename(analysis, three), { range: { start: three, end: three + 1 }, placeholder: '3' });
    // At the paragraph too (its name): the label is what changes.
    assert.deepEqual(prepareRename(analysis, offsetOf(PAGE, 'Pagu sebagaimana', 1)), { range: { start: three, end: three + 1 }, placeholder: '3' });
    const renamed = rename(analysis, three, '4');
    assert.ok('edits' in renamed, JSON.stringify(renamed));
    assert.equal(applyEdits(PAGE, renamed.edits), PAGE.replace('(2)\n\n(3)\n\n', '(2)\n\n(4)\n\n'));
    const details: string[] = [];
    const walk = (node: OutlineNode): void => {
      if (node.kind === 'ayat') details.push(`${node.name}: ${node.detail}`);
      node.children.forEach(walk);
    };
    outline(analysis.regulation).forEach(walk);
    // Hovering a label in the column shows its unit; its references are found from there too.
    assert.match(hover(analysis, three, 'en')?.markdown ?? '', /Pasal 2 ayat \(3\)/);
    assert.ok(referencesTo(analysis, offsetOf(PAGE, '(2)') + 1, false).length > 0, 'the citations of Pasal 2 ayat (2), found from its label in the column');
    assert.deepEqual(details.slice(0, 2), ['ayat (1): Menteri menetapkan pagu.', 'ayat (2): Pagu sebagaimana dimaksud pada ayat (1) meliputi:']);
  });

  it('every one-character edit in and around the column gives what a fresh analysis gives', () => {
    let checked = 0;
    for (const [text, first, last, step] of [[PAGE, '- 2 -', 'Pasal 4', 3], [SPACED, '- 7 -', 'Dalam hal', 1]] as const) {
      for (let at = offsetOf(text, first); at < offsetOf(text, last); at += step) {
        for (const change of [{ start: at, end: at + 1, newText: '' }, { start: at, end: at, newText: '.' }, { start: at, end: at, newText: '\n' }, { start: at, end: at, newText: ' ' }]) {
          const next = text.slice(0, change.start) + change.newText + text.slice(change.end);
          const moved = reanalyze(analyze(text), next, change);
          if (!moved) continue;
          assert.deepEqual(plain(moved), plain(analyze(next)), JSON.stringify(change));
          checked++;
        }
      }
    }
    assert.ok(checked > 600, `${checked} edits re-analysed incrementally`);
  });
});
