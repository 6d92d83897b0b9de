// Incremental re-analysis equals full analysis. Random edits (fast-check, seeded; the seed is printed on
// failure) on real texts: whenever reanalyze() answers, its tree, units, references and diagnostics
// must be exactly those of analyze() on the new text. It must also answer for most small edits of
// running text (else the keystroke path is never taken and this test would prove nothing).

import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { setFlagsFromString } from 'node:v8';
import { analyze, Analysis } from '../../server/src/features/analysis';
import { prepareForEdits, reanalyze, rehearseEdits, settleAnalysis } from '../../server/src/features/incremental';
import { reparse, SyntaxNode } from '../../server/src/syntax';
import { parse } from '../../server/src/syntax/parser';
import { corpusFiles, fixture } from './helpers';
import { plain } from '../../scripts/analysis-equality';

const SEED = Number(process.env.PERWAL_PROPERTY_SEED ?? 20261125);

interface Edit {
  at: number;
  remove: number;
  insert: string;
}

function apply(text: string, edit: Edit): { text: string; change: { start: number; end: number; newText: string } } {
  const start = edit.at % (text.length + 1);
  const end = Math.min(text.length, start + edit.remove);
  return { text: text.slice(0, start) + edit.insert + text.slice(end), change: { start, end, newText: edit.insert } };
}

// What a drafter types: letters and spaces mostly, sometimes digits, brackets, a full stop, a line break.
const typed = fc.string({ unit: fc.constantFrom('a', 'e', 'n', 's', 'x', ' ', ' ', 'P', '1', '(', ')', '.', ',', '\n', '"'), maxLength: 3 });
const edit = fc.record({ at: fc.nat(), remove: fc.constantFrom(0, 0, 0, 1, 1, 2, 5), insert: typed });

/** ~30 KB with "sebagaimana dimaksud" phrases on every line, some with an OCR-damaged unit word and some broken
 *  over two lines, so that the reference window's edges (line starts) fall inside them. */
function denseWithPhrases(sparse = false): string {
  const phrases = ['sebagaimana dimaksud dalam Pasal 2 ayat (1)', 'sebagai mana dimaksud dalam Psal 3', 'sebagaimana dimaksud pada ayt (2)', 'sebagaimana dimaksud dalam hurf b', 'Sebagaimana\ndimaksud dalam Pasal 1', 'sebagaimana\ndimaksud dalam Psal 4', 'sebagaimana dimaksud\ndalam ayt (3)'];
  const lines = ['PERATURAN WALI KOTA CONTOH', 'BAB I', 'KETENTUAN UMUM'];
  for (let pasal = 1; pasal <= 80; pasal++) {
    lines.push(`Pasal ${pasal}`);
    for (let ayat = 1; ayat <= 3; ayat++) {
      const phrase = phrases[(pasal * 3 + ayat) % phrases.length];
      // Sparse: phrases in the first ayat only, so the reference window after a structural edit (which spans
      // the re-parsed lines) finds edges no phrase straddles, and the edit is answered incrementally.
      if (sparse && ayat > 1) lines.push(`(${ayat}) Ketentuan ${'lain '.repeat((pasal + ayat) % 7)}berlaku.`);
      else lines.push(`(${ayat}) Ketentuan ${'lain '.repeat((pasal + ayat) % 7)}${phrase} dan ${phrases[(pasal + ayat) % phrases.length]} berlaku.`);
    }
  }
  return lines.join('\n');
}

const FILES = corpusFiles().map((name) => ({ name, text: fixture(name) })).filter((file) => file.text.length > 20_000 && file.text.length < 200_000);

/** Chains of 1–6 random edits of one corpus text, as the property tests below run them. */
const editChains = [fc.nat(FILES.length - 1), fc.array(edit, { minLength: 1, maxLength: 6 })] as const;
const CHAIN_RUNS = { seed: SEED, numRuns: 60 };

describe('incremental re-analysis = full analysis', function () {
  this.timeout(300_000);

  it(`equals analyze() after random edits of ${FILES.length} corpus texts (seed ${SEED})`, () => {
    let answered = 0;
    let asked = 0;
    fc.assert(
      fc.property(...editChains, (index, edits) => {
        let text = FILES[index].text;
        let previous = analyze(text);
        for (const step of edits) {
          const next = apply(text, step);
          asked++;
          const incremental = reanalyze(previous, next.text, next.change);
          const full = analyze(next.text);
          // In text order and disjoint: reanalyze() cuts and searches them by bisection.
          full.references.forEach((reference, i) => assert.ok(i === 0 || reference.range.start >= full.references[i - 1].range.end, `references overlap at ${reference.range.start}`));
          if (incremental) {
            answered++;
            assert.deepEqual(plain(incremental), plain(full), `${FILES[index].name}: ${JSON.stringify(next.change)}`);
            previous = incremental;
          } else {
            previous = full;
          }
          text = next.text;
        }
      }),
      CHAIN_RUNS,
    );
    // Random edits include line breaks, numbers and brackets: many change the structure. Still, most don't.
    if (process.env.PERWAL_VERBOSE) console.log(`incremental ${answered}/${asked}`);
    assert.ok(answered / asked > 0.4, `incremental path taken for ${answered} of ${asked} edits`);
  });

  it(`with the tree's tail moved later: references and diagnostics final at once, the tree once settled (seed ${SEED})`, () => {
    const withoutTree = (analysis: Analysis): unknown => {
      const { tree: _tree, ...rest } = plain(analysis) as { tree: string };
      return rest;
    };
    let deferred = 0;
    fc.assert(
      fc.property(...editChains, (index, edits) => {
        let text = FILES[index].text;
        let previous = analyze(text);
        for (const step of edits) {
          const next = apply(text, step);
          // Chained from an unsettled analysis, as the server does when the next keystroke comes first.
          const incremental = reanalyze(previous, next.text, next.change, { deferTreeMoves: true });
          const full = analyze(next.text);
          if (incremental) {
            // What the server answers with before settling: units, references and diagnostics.
            assert.deepEqual(withoutTree(incremental), withoutTree(full), `${FILES[index].name}: ${JSON.stringify(next.change)}, before settling`);
            previous = incremental;
          } else {
            previous = full;
          }
          text = next.text;
        }
        deferred += settleAnalysis(previous);
        assert.deepEqual(plain(previous), plain(analyze(text)), `${FILES[index].name}: settled`);
        assert.equal(settleAnalysis(previous), 0, 'settling twice moves nothing');
      }),
      CHAIN_RUNS,
    );
    // Else nothing was left for later and this test would prove nothing about it.
    assert.ok(deferred > 0, 'some edits left subtrees to move');
  });

  it('a letter typed near the start of a law leaves the tree\'s tail to settle: the answer is the same, the tree too once settled', () => {
    const text = fixture('corpus/mblx-uu-11-2020.txt');
    const at = text.indexOf('sebagaimana dimaksud', 10_000) + 3;
    const next = text.slice(0, at) + 'x' + text.slice(at);
    const edited = reanalyze(analyze(text), next, { start: at, end: at, newText: 'x' }, { deferTreeMoves: true });
    assert.ok(edited, 'incremental');
    const full = analyze(next);
    assert.deepEqual(edited.diagnostics, full.diagnostics);
    assert.deepEqual(edited.references.map((reference) => [reference.range.start, reference.range.end]), full.references.map((reference) => [reference.range.start, reference.range.end]));
    assert.ok(settleAnalysis(edited) > 0, 'runs of siblings were left to move');
    assert.deepEqual(plain(edited), plain(full));
  });

  it('moves the old tree for a letter typed in running text, and re-parses around the edit for a digit typed in a heading number', () => {
    const text = fixture('corpus/mblx-pp-22-2021.txt');
    const inText = text.indexOf('sebagaimana dimaksud', 200_000) + 3;
    const typedInText = text.slice(0, inText) + 'x' + text.slice(inText);
    const before = analyze(text);
    const moved = reanalyze(before, typedInText, { start: inText, end: inText, newText: 'x' });
    assert.equal(moved?.regulation.parse.root, before.regulation.parse.root, 'a letter in running text: the old tree, moved');
    const heading = text.indexOf('\nPasal 2', 200_000) + 7;
    const typedInHeading = text.slice(0, heading) + '7' + text.slice(heading);
    const old = analyze(text);
    const restructured = reanalyze(old, typedInHeading, { start: heading, end: heading, newText: '7' });
    assert.ok(restructured, 'a digit in a Pasal number: re-parsed around the edit');
    assert.notEqual(restructured.regulation.parse.root, old.regulation.parse.root, 'a new tree');
    assert.deepEqual(plain(restructured), plain(analyze(typedInHeading)));
  });

  it('a moved regulation keeps the hidden class of a built one (else each keystroke deoptimises the code that reads it)', () => {
    // V8's own check: with an object spread, every version had a new hidden class (node --trace-deopt).
    setFlagsFromString('--allow-natives-syntax');
    const sameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;
    const text = fixture('seeds/kupang-perwal-49-2021.txt');
    const at = text.indexOf('Pasal 5') + 200;
    let analysis = analyze(text);
    const built = analysis.regulation;
    for (let i = 0; i < 3; i++) {
      const next = analysis.text.slice(0, at) + 'x' + analysis.text.slice(at);
      const root = analysis.regulation.parse.root;
      const moved = reanalyze(analysis, next, { start: at, end: at, newText: 'x' });
      assert.ok(moved && moved.regulation.parse.root === root, 'a letter in running text: moved');
      assert.ok(sameMap(moved.regulation, built), `version ${i + 2} has the hidden class of the built regulation`);
      analysis = moved;
    }
  });

  it('a re-parsed tree has one hidden class for all its nodes, as a parsed one (else the code reading the tree is thrown away)', () => {
    // The nodes the re-parse copies on the path to its window were object spreads: a second hidden class.
    setFlagsFromString('--allow-natives-syntax');
    const sameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;
    const text = fixture('seeds/bekasi-perwal-121-2021.txt');
    let analysis = analyze(text);
    const parsed = analysis.regulation.parse.root;
    for (const [needle, newText] of [['\nPasal 1', '7'], ['\nPasal 2', '9']] as const) {
      const at = analysis.text.indexOf(needle, 2000) + needle.length;
      const next = analysis.text.slice(0, at) + newText + analysis.text.slice(at);
      const root = analysis.regulation.parse.root;
      const edited = reanalyze(analysis, next, { start: at, end: at, newText });
      assert.ok(edited && edited.regulation.parse.root !== root, `a digit typed into "${needle.trim()}": re-parsed around the edit`);
      const odd: string[] = [];
      const visit = (node: SyntaxNode): void => {
        if (!sameMap(node, parsed)) odd.push(`${node.kind} at ${node.start}`);
        for (const child of node.children) if (child.type === 'node') visit(child);
      };
      visit(edited.regulation.parse.root);
      assert.deepEqual(odd, [], 'nodes with another hidden class than a parsed node');
      analysis = edited;
    }
  });

  it('prepared for edits after opening (what the server does for a large law), the next edits give what analyze() gives', () => {
    const text = fixture('seeds/bekasi-perwal-121-2021.txt');
    let analysis = analyze(text);
    prepareForEdits(analysis);
    for (const [needle, offset, newText] of [['sebagaimana dimaksud', 3, 'x'], ['\nPasal 1', 7, '7']] as const) {
      const at = analysis.text.indexOf(needle, 2000) + offset;
      const next = analysis.text.slice(0, at) + newText + analysis.text.slice(at);
      const edited = reanalyze(analysis, next, { start: at, end: at, newText });
      assert.ok(edited, `incremental for ${JSON.stringify(newText)}`);
      assert.deepEqual(plain(edited), plain(analyze(next)));
      analysis = edited;
    }
  });

  it('rehearsed after opening (what the server does for the first large law), the analysis is analyze()\'s, and so are the next edits\'', () => {
    for (const name of ['seeds/bekasi-perwal-121-2021.txt', 'corpus/mblx-pp-22-2021.txt']) {
      const text = fixture(name);
      const rehearsal = rehearseEdits(analyze(text));
      // Up to three places, a Pasal number and an ayat label at each (Bekasi's last third has no ayat label),
      // typed and taken back: all re-parsed around the edit.
      assert.equal(rehearsal.incremental, true, name);
      assert.ok(rehearsal.edits >= 10, `${name}: ${rehearsal.edits} edits`);
      assert.equal(rehearsal.restructured, rehearsal.edits, name);
      assert.equal(rehearsal.analysis.text, text);
      assert.deepEqual(plain(rehearsal.analysis), plain(analyze(text)), name);
      const at = text.indexOf('\nPasal 2', text.length >> 1) + 8;
      const next = text.slice(0, at) + '1' + text.slice(at);
      const edited = reanalyze(rehearsal.analysis, next, { start: at, end: at, newText: '1' });
      assert.ok(edited, name);
      assert.deepEqual(plain(edited), plain(analyze(next)), name);
    }
  });

  it('a text with no Pasal heading or ayat label to rehearse on is given back as it was analysed', () => {
    const analysis = analyze('Teks tanpa pasal.\n');
    const rehearsal = rehearseEdits(analysis);
    assert.equal(rehearsal.analysis, analysis);
    assert.deepEqual([rehearsal.edits, rehearsal.incremental], [0, true]);
  });

  it('a letter typed into a BAB title: incremental, and the unit\'s title is read again', () => {
    const text = fixture('corpus/mblx-pp-22-2021.txt');
    const before = analyze(text);
    const bab = before.regulation.units.find((unit) => unit.kind === 'bab' && unit.range.start > 100_000 && unit.title !== undefined && unit.title.length > 8)!;
    assert.ok(bab, 'a BAB with a title in the middle of the text');
    // Read before reanalyze: it consumes `before` (its units are moved and retitled in place).
    const oldTitle = bab.title!;
    const at = text.indexOf(oldTitle.slice(0, 6), bab.nameRange.end) + 3;
    const typed = text.slice(0, at) + 'x' + text.slice(at);
    const moved = reanalyze(before, typed, { start: at, end: at, newText: 'x' });
    assert.ok(moved, 'took the incremental path');
    const full = analyze(typed);
    assert.deepEqual(plain(moved), plain(full));
    assert.notEqual(full.regulation.units[bab.id].title, oldTitle, 'the title changed');
    assert.equal(moved.regulation.units[bab.id].title, full.regulation.units[bab.id].title);
  });

  it('equals analyze() for edits everywhere in text dense with (damaged) "sebagaimana dimaksud" phrases', () => {
    const text = denseWithPhrases();
    // Resuming needs checkpoints (every 8 KB): edit the middle of a ~30 KB text.
    let incremental = 0;
    let asked = 0;
    for (let at = 12_000; at < 16_000; at += 17) {
      asked++;
      const change = { start: at, end: at, newText: 'x' };
      const next = text.slice(0, at) + 'x' + text.slice(at);
      const moved = reanalyze(analyze(text), next, change);
      if (!moved) continue;
      incremental++;
      assert.deepEqual(plain(moved), plain(analyze(next)), `x typed at ${at}`);
    }
    assert.ok(incremental > asked / 2, `incremental for ${incremental} of ${asked} edits`);
  });

  it(`equals analyze() after chains of edits in text dense with damaged phrases (seed ${SEED})`, () => {
    // Damaged unit words ("Psal 3") are found once per text and carried from edit to edit: a chain of edits,
    // each re-analysed from the last result, some typing or breaking damaged words, must keep equalling a scan.
    const base = denseWithPhrases(true);
    const near = fc.record({
      at: fc.nat(),
      remove: fc.constantFrom(0, 0, 1, 2, 4),
      insert: fc.oneof(typed, fc.constantFrom('Psal ', 'sebagaimana dimaksud dalam Psal 7', 'ayt (2)', ' hurf b', '\nPasal 9\n', '7')),
    });
    let answered = 0;
    let restructured = 0;
    fc.assert(
      fc.property(fc.array(near, { minLength: 2, maxLength: 8 }), (edits) => {
        let text = base;
        let previous = analyze(text);
        for (const step of edits) {
          const next = apply(text, step);
          const root = previous.regulation.parse.root;
          const incremental = reanalyze(previous, next.text, next.change);
          const full = analyze(next.text);
          if (incremental) {
            answered++;
            if (incremental.regulation.parse.root !== root) restructured++;
            assert.deepEqual(plain(incremental), plain(full), JSON.stringify(next.change));
          }
          previous = incremental ?? full;
          text = next.text;
        }
      }),
      { seed: SEED, numRuns: 40 },
    );
    assert.ok(answered > 100 && restructured > 20, `incremental for ${answered} edits, ${restructured} of them re-parsed around the edit`);
  });

  it('typing at the end of a text (no checkpoint after the edit) and at its start stays incremental', () => {
    const text = fixture('corpus/mblx-uu-19-2019.txt');
    const lastWords = text.lastIndexOf(' ', text.trimEnd().length - 3);
    const atStart = text.indexOf(' ', 20);
    for (const at of [lastWords, text.trimEnd().length, atStart]) {
      const change = { start: at, end: at, newText: 'x' };
      const next = text.slice(0, at) + 'x' + text.slice(at);
      const moved = reanalyze(analyze(text), next, change);
      assert.ok(moved, `incremental at ${at} of ${text.length}`);
      assert.deepEqual(plain(moved), plain(analyze(next)), `x typed at ${at}`);
    }
    // A whole line typed at the end, one character at a time: every version equals a fresh analysis.
    let current = text.trimEnd() + '\n';
    let analysis = analyze(current);
    let incremental = 0;
    for (const character of 'Pasal 999 ditambah sebagaimana dimaksud dalam Pasal 1.') {
      const change = { start: current.length, end: current.length, newText: character };
      const next = current + character;
      const moved = reanalyze(analysis, next, change);
      const full = analyze(next);
      if (moved) {
        incremental++;
        assert.deepEqual(plain(moved), plain(full), `after typing ${JSON.stringify(next.slice(-20))}`);
      }
      analysis = moved ?? full;
      current = next;
    }
    assert.ok(incremental > 30, `incremental for ${incremental} of the characters typed at the end`);
  });

  it('Enter in running text and line breaks deleted between text lines stay incremental (the text tokens are regrafted)', () => {
    const text = fixture('corpus/mblx-uu-19-2019.txt');
    let asked = 0;
    let incremental = 0;
    const check = (change: { start: number; end: number; newText: string }): void => {
      const next = text.slice(0, change.start) + change.newText + text.slice(change.end);
      const moved = reanalyze(analyze(text), next, change);
      asked++;
      if (!moved) return;
      incremental++;
      assert.deepEqual(plain(moved), plain(analyze(next)), JSON.stringify(change));
    };
    for (let at = 9_000; at < 40_000; at += 1_500) {
      const lineEnd = text.indexOf('\n', at);
      const space = text.indexOf(' ', at);
      check({ start: space + 1, end: space + 1, newText: '\n' }); // Enter before a word
      check({ start: lineEnd, end: lineEnd, newText: '\n\n' }); // two Enters at a line end
      check({ start: space, end: space + 1, newText: ' \n ' }); // a space replaced by a break
      // Join with the next line when both are running text (a label or heading there would change the structure).
      if (/^[a-z]/.test(text.slice(lineEnd + 1, lineEnd + 2))) check({ start: lineEnd, end: lineEnd + 1, newText: ' ' });
    }
    if (process.env.PERWAL_VERBOSE) console.log(`spacing edits: incremental ${incremental}/${asked}`);
    assert.ok(incremental > asked * 0.7, `incremental for ${incremental} of ${asked} spacing edits`);
  });

  it('Enter, then the first letters of the new line: each step incremental and equal to analyze()', () => {
    const base = fixture('corpus/mblx-uu-19-2019.txt');
    let steps = 0;
    let incremental = 0;
    for (let from = 9_000; from < 40_000; from += 2_500) {
      const at = base.indexOf('\n', from);
      let text = base;
      let analysis = analyze(text);
      for (const [offset, typed] of [[0, '\n'], [1, 'x'], [2, 'y']] as const) {
        const change = { start: at + offset, end: at + offset, newText: typed };
        const next = text.slice(0, change.start) + typed + text.slice(change.end);
        const moved = reanalyze(analysis, next, change);
        const full = analyze(next);
        steps++;
        if (moved) {
          incremental++;
          assert.deepEqual(plain(moved), plain(full), `${JSON.stringify(typed)} typed at ${change.start}`);
        }
        analysis = moved ?? full;
        text = next;
      }
    }
    assert.ok(incremental > steps * 0.8, `incremental for ${incremental} of ${steps} steps`);
  });

  it('text typed on the empty line after a lone label makes that unit written: the layout judgement is redone', () => {
    // "(3)" alone marks Pasal 1's layout as broken (its ayat gap is then a warning); text after it undoes that.
    const text = 'Pasal 1\n(1) Satu.\n(3)\n\nPasal 2\nDua.\n';
    const at = text.indexOf('(3)\n') + 4;
    const next = text.slice(0, at) + 'x' + text.slice(at);
    const before = analyze(text);
    const full = analyze(next);
    assert.notDeepEqual(before.diagnostics.map((d) => d.severity), full.diagnostics.map((d) => d.severity), 'the fixture exercises the layout judgement');
    const moved = reanalyze(before, next, { start: at, end: at, newText: 'x' });
    if (moved) assert.deepEqual(plain(moved), plain(full));
  });

  it('a lead-in edited in running text ("terdiri atas:" -> "atas;") changes whether a restarting list is reported: moved, and checked again', () => {
    // The numbering findings are carried over text-only edits; the one group whose check read the edited text is redone.
    const withLeadIn = 'Pasal 1\nRuang lingkup meliputi:\na. satu;\nb. dua; dan\nc. tiga. Kegiatan terdiri atas:\na. empat;\nb. lima.\n\nPasal 2\nCukup.\n';
    const at = withLeadIn.indexOf('atas:') + 4;
    const without = withLeadIn.slice(0, at) + ';' + withLeadIn.slice(at + 1);
    for (const [from, to] of [[withLeadIn, without], [without, withLeadIn]]) {
      const before = analyze(from);
      const full = analyze(to);
      assert.notDeepEqual(before.diagnostics.map((d) => d.code), full.diagnostics.map((d) => d.code), 'the fixture exercises the lead-in');
      const moved = reanalyze(before, to, { start: at, end: at + 1, newText: to[at] });
      assert.equal(moved?.regulation.parse.root, before.regulation.parse.root, 'punctuation in running text: the old tree, moved');
      assert.deepEqual(plain(moved!), plain(full));
    }
  });

  it('numbering findings carried over a text edit take the severities asked for now, not those of the last analysis', () => {
    const text = fixture('corpus/mblx-pp-22-2021.txt');
    const at = text.indexOf('sebagaimana dimaksud', 100_000) + 3;
    const next = text.slice(0, at) + 'x' + text.slice(at);
    const options = { severity: { 'numbering-gap': 'hint', 'duplicate-number': 'off' } } as const;
    const before = analyze(text);
    const moved = reanalyze(before, next, { start: at, end: at, newText: 'x' }, options);
    assert.equal(moved?.regulation.parse.root, before.regulation.parse.root, 'a letter in running text: the old tree, moved');
    const full = analyze(next, options);
    assert.ok(full.diagnostics.some((d) => d.code === 'numbering-gap' && d.severity === 'hint'), 'the fixture has numbering gaps');
    assert.deepEqual(plain(moved!), plain(full));
  });

  it('reparse refuses a change that does not match the new text', () => {
    const text = fixture('corpus/mblx-pp-22-2021.txt');
    assert.equal(reparse(parse(text), text + 'x', { start: 10, end: 10, newText: '' }), undefined);
  });
});

describe('incremental re-analysis after edits that change the structure', function () {
  this.timeout(120_000);

  /** A regulation of `count` Pasal with two ayat each; the last Pasal cite the first ones. */
  function regulation(count: number): string {
    const lines = ['PERATURAN WALI KOTA CONTOH', 'BAB I', 'KETENTUAN UMUM'];
    for (let pasal = 1; pasal <= count; pasal++) {
      lines.push(`Pasal ${pasal}`);
      const cited = pasal > count - 5 ? ` sebagaimana dimaksud dalam Pasal ${pasal - count + 5} ayat (2)` : '';
      lines.push(`(1) Ketentuan tentang urusan ke-${pasal} dilaksanakan oleh Perangkat Daerah${cited}.`, `(2) Ketentuan lebih lanjut diatur dengan Peraturan Wali Kota.`);
    }
    return lines.join('\n') + '\n';
  }

  it('a label column whose plan reads past the re-parse\'s look-back: an edit far below its labels re-plans it (found by check:incremental seed 17)', () => {
    // pdftotext's page of two labels printed before their paragraphs, long ones: the parser's first checkpoint
    // after the labels falls inside them. A labelled ayat on the page ("(3) …") means no column; the
    // edit joins it to the paragraph before, and the labels open the two paragraphs, as in a fresh analysis.
    // A paragraph of 60 lines, none ending a sentence before its last.
    const long = (words: string): string => [words, ...Array.from({ length: 59 }, () => 'dilaksanakan sesuai dengan ketentuan peraturan perundang-undangan yang berlaku di daerah')].join('\n') + '.';
    const text = ['MEMUTUSKAN:', 'Menetapkan : PERATURAN MENTERI TENTANG CONTOH.', '', 'Pasal 1', '(1) Ketentuan satu berlaku.', '(2) Ketentuan dua berlaku.', '',
      'Pasal 2', '', '(1)', '', '(2)', '', long('Tugas pertama'), long('Tugas kedua'), '(3) Ketentuan tiga berlaku.', '', 'Pasal 3', 'Peraturan ini mulai berlaku.', ''].join('\n');
    const at = text.indexOf('\n(3) Ketentuan tiga');
    const change = { start: at, end: at + 1, newText: ' ' };
    const next = text.slice(0, at) + ' ' + text.slice(at + 1);
    const before = analyze(text);
    // The premise: the labels are read as a column after the edit only, and the edit is a checkpoint's spacing
    // and the look-back beyond them.
    const columned = (tree: SyntaxNode): boolean => tree.children.some((child) => child.type === 'node' && (child.info.columnLabel !== undefined || columned(child)));
    const fresh = analyze(next);
    assert.deepEqual([columned(before.regulation.parse.root), columned(fresh.regulation.parse.root)], [false, true]);
    assert.ok(at - text.indexOf('(1)\n\n(2)') > 8192 + 512);
    const edited = reanalyze(before, next, change);
    assert.ok(edited);
    assert.deepEqual(plain(edited), plain(fresh));
  });

  it('a dangling "Pasal 4Z" gets its probable reading (Pasal 42) when a structural edit far away makes Pasal 42, and loses it again', () => {
    const text = 'MEMUTUSKAN:\nMenetapkan : PERATURAN.\n\n' + Array.from({ length: 60 }, (_, i) => `Pasal ${i + 1}\n${i === 1 ? 'Sebagaimana dimaksud dalam Pasal 4Z.' : 'Isi pasal ini.'}\n`).join('').replace('Pasal 42\n', 'Pasal 4\n');
    const at = text.indexOf('Pasal 4\nIsi') + 7;
    let analysis = analyze(text);
    prepareForEdits(analysis);
    const probable = (a: Analysis): (string | undefined)[] => a.diagnostics.filter((d) => d.code === 'dangling-reference').map((d) => d.data.replacement);
    assert.deepEqual(probable(analysis), [undefined]);
    // The misnumbered "Pasal 4" after Pasal 41 → "Pasal 42": the citation in Pasal 2 now reads as it.
    const next = text.slice(0, at) + '2' + text.slice(at);
    const moved = reanalyze(analysis, next, { start: at, end: at, newText: '2' });
    assert.ok(moved, 'incremental');
    assert.deepEqual(plain(moved), plain(analyze(next)));
    assert.deepEqual(probable(moved), ['Pasal 42']);
    analysis = moved;
    const back = reanalyze(analysis, text, { start: at, end: at + 1, newText: '' });
    assert.ok(back, 'incremental');
    assert.deepEqual(plain(back), plain(analyze(text)));
    assert.deepEqual(probable(back), [undefined]);
  });
  it('the numeral of a Lampiran heading read mid-line, edited: the annexes\' numbering is judged again (II → I makes one Lampiran of two)', () => {
    const text = 'MEMUTUSKAN:\nMenetapkan : PERATURAN.\n\nBAB I\nUMUM\nPasal 1\nIsi.\nBAB II\nPENUTUP\nPasal 2\nIsi.\n\nLAMPIRAN I PERATURAN WALI KOTA NOMOR 1\n\nBAB I\nSATU\n\nBAB II\nDUA\n\n1. Isi lampiran satu. LAMPIRAN II PERATURAN WALI KOTA NOMOR 1\n\nBAB I\nTIGA\n';
    const at = text.indexOf('LAMPIRAN II') + 10;
    const codes = (a: Analysis): string[] => a.diagnostics.map((d) => d.code);
    assert.deepEqual(codes(analyze(text)), []);
    const next = text.slice(0, at) + text.slice(at + 1);
    const edited = reanalyze(analyze(text), next, { start: at, end: at + 1, newText: '' });
    assert.ok(edited, 'incremental');
    assert.deepEqual(plain(edited), plain(analyze(next)));
    assert.deepEqual(codes(edited), ['duplicate-number']);
  });
  it('a Penjelasan label\'s run ("Huruf a s/d c") typed and deleted one character at a time: every version equals analyze(), none analysed afresh', () => {
    const base = 'MEMUTUSKAN:\nMenetapkan : PERATURAN.\n\nPasal 1\n(1) Satu:\na. a;\nb. b;\nc. c;\nd. d.\n(2) Dua.\n\nPENJELASAN\nATAS\nPERATURAN\nII. PASAL DEMI PASAL\nPasal 1\nAyat (1) Huruf a Cukup jelas. Huruf d Cukup jelas.\nAyat (2)\nHuruf a\nCukup jelas.\nHuruf d\nCukup jelas.\n';
    const gaps = (a: Analysis): number => a.diagnostics.filter((d) => d.code === 'numbering-gap').length;
    for (const [anchor, typed] of [['Huruf a Cukup', ' s/d c'], ['Huruf a\nCukup', ' sampai dengan huruf c']]) {
      let text = base;
      let analysis = analyze(text);
      const before = gaps(analysis);
      let at = text.indexOf(anchor) + 7;
      const step = (next: string, change: { start: number; end: number; newText: string }): void => {
        const moved = reanalyze(analysis, next, change);
        assert.ok(moved, `incremental: ${JSON.stringify(next.slice(at - 12, at + 12))}`);
        assert.deepEqual(plain(moved), plain(analyze(next)));
        analysis = moved;
        text = next;
      };
      for (const ch of typed) {
        step(text.slice(0, at) + ch + text.slice(at), { start: at, end: at, newText: ch });
        at++;
      }
      assert.equal(gaps(analysis), before - 1, 'the run answers for the gap');
      for (let i = 0; i < typed.length; i++) {
        at--;
        step(text.slice(0, at) + text.slice(at + 1), { start: at, end: at + 1, newText: '' });
      }
      assert.equal(gaps(analysis), before);
    }
  });
  it('a Pasal heading deleted at the start: a citation of it at the far end dangles, as in a fresh analysis', () => {
    const text = regulation(600);
    const at = text.indexOf('\nPasal 3\n') + 1;
    assert.ok(text.length > 60_000 && at < 2_000, 'the citation lies far outside the re-parsed window');
    // (Renumbered instead, "Pasal 9" between Pasal 2 and Pasal 4 is misnumbered, and a citation of Pasal 3 is
    // that finding's, not reported again.)
    const next = text.slice(0, at) + text.slice(at + 8);
    const before = analyze(text);
    assert.ok(!before.diagnostics.some((d) => d.code === 'dangling-reference'), 'every citation resolves before the edit');
    const oldRoot = before.regulation.parse.root;
    const restructured = reanalyze(before, next, { start: at, end: at + 8, newText: '' });
    assert.ok(restructured, 're-parsed around the edit');
    assert.notEqual(restructured.regulation.parse.root, oldRoot);
    const full = analyze(next);
    assert.deepEqual(plain(restructured), plain(full));
    const citation = next.lastIndexOf('Pasal 3 ayat (2)');
    assert.ok(restructured.diagnostics.some((d) => d.code === 'dangling-reference' && d.range.start >= citation - 40 && d.range.start <= citation + 20), 'the far citation of Pasal 3 dangles');
  });

  it('a new Pasal typed one character at a time in the middle of a law: every version equals analyze(), none analysed afresh', () => {
    let text = fixture('corpus/mblx-uu-40-2007.txt');
    let at = text.indexOf('\nPasal ', text.length >> 1);
    let analysis = analyze(text);
    let full = 0;
    for (const character of '\nPasal 99\n(1) Ketentuan sebagaimana dimaksud dalam Pasal 3 ayat (2) berlaku.\n(2) Cukup.') {
      const change = { start: at, end: at, newText: character };
      const next = text.slice(0, at) + character + text.slice(at);
      const moved = reanalyze(analysis, next, change);
      const fresh = analyze(next);
      if (moved) assert.deepEqual(plain(moved), plain(fresh), `after ${JSON.stringify(next.slice(at - 30, at + 1))}`);
      else full++;
      analysis = moved ?? fresh;
      text = next;
      at++;
    }
    assert.equal(full, 0, 'every keystroke re-analysed around the edit');
  });

  it('headings that repeat the number before them, typed one character at a time (inline, glued or scrambled on their own line): every version equals analyze()', () => {
    // An old law on one line, and a scraped one with glued headings: the duplicate is read only after the Pasal's text.
    const oneLine = fixture('corpus/mblx-pp-31-1948.txt');
    const scraped = fixture('corpus/mshz-permenhub-3-2025.txt');
    // And pdftotext's word-per-line columns: "Pasal 9" / "ini" / "mulai" is a heading after text, not a citation.
    const columns = fixture('corpus/mshz-perbup-mamujutengah-34-2021.txt');
    const cases: Array<[string, number, string, string]> = [
      [oneLine, oneLine.indexOf(' Pasal 5.'), ' Pasal 4. Peraturan ini berlaku.', 'Pasal 4 is numbered twice'],
      [scraped, scraped.indexOf('\nPasal2'), '\nPasal1\nPeraturan Menteri ini berlaku.', 'Pasal 1 is numbered twice'],
      [columns, columns.indexOf('\nPasal 9\n'), '\n\nPasal 8\nini\n', 'Pasal 8 is numbered twice'],
    ];
    for (const [source, start, typedText, finding] of cases) {
      assert.ok(start > 0);
      let text = source;
      let analysis = analyze(text);
      let at = start;
      for (const character of typedText) {
        const change = { start: at, end: at, newText: character };
        const next = text.slice(0, at) + character + text.slice(at);
        const moved = reanalyze(analysis, next, change);
        const fresh = analyze(next);
        if (moved) assert.deepEqual(plain(moved), plain(fresh), `after ${JSON.stringify(next.slice(at - 30, at + 1))}`);
        analysis = moved ?? fresh;
        text = next;
        at++;
      }
      assert.ok(!analyze(source).diagnostics.some((d) => d.message.en.startsWith(finding)), 'not a duplicate before');
      assert.ok(analysis.diagnostics.some((d) => d.code === 'duplicate-number' && d.message.en.startsWith(finding)), `the typed heading is a duplicate: ${finding}`);
    }
  });

  it('a renumbered last Pasal whose number is read until the end of the text: re-parsed to the end, not analysed afresh', () => {
    // The last Pasal runs over 40 KB: every checkpoint after its heading holds the old number as the last Pasal.
    const body = Array.from({ length: 600 }, (_, i) => `Ketentuan ke-${i} berlaku bagi setiap urusan pemerintahan daerah yang menjadi kewenangan Daerah.`);
    const text = regulation(60) + 'Pasal 61\n' + body.join('\n') + '\n';
    const at = text.indexOf('\nPasal 61\n') + 8;
    assert.ok(text.length - at > 40_000);
    const next = text.slice(0, at) + '9' + text.slice(at);
    const before = analyze(text);
    const oldRoot = before.regulation.parse.root;
    const restructured = reanalyze(before, next, { start: at, end: at, newText: '9' });
    assert.ok(restructured && restructured.regulation.parse.root !== oldRoot, 're-parsed around the edit, to the end');
    assert.deepEqual(plain(restructured), plain(analyze(next)));
  });

  it('a structural edit keeps the citations it cannot affect and resolves again those that name the changed Pasal', () => {
    const text = fixture('corpus/mblx-uu-40-2007.txt');
    const before = analyze(text);
    const cites = (reference: (typeof before.references)[number], number: string): boolean => reference.items.some((item) => item.path[0].kind === 'pasal' && item.path[0].value === number);
    // A Pasal cited from far away; a digit typed into its number: it is gone and Pasal <number>1 is new.
    const pasal = before.regulation.units.find((unit) => unit.kind === 'pasal' && unit.scope === 'main' && unit.range.start > 30_000 && unit.number !== undefined && /^\d+$/.test(unit.number)
      && before.references.some((reference) => cites(reference, unit.number!) && Math.abs(reference.range.start - unit.range.start) > 20_000))!;
    const at = pasal.numberRange.end;
    const next = text.slice(0, at) + '1' + text.slice(at);
    const oldReferences = new Set(before.references);
    const oldRoot = before.regulation.parse.root;
    const far = before.references.filter((reference) => Math.abs(reference.range.start - at) > 20_000 && !cites(reference, pasal.number!) && reference.items.every((item) => item.role === 'single'));
    const naming = before.references.filter((reference) => Math.abs(reference.range.start - at) > 20_000 && cites(reference, pasal.number!));
    assert.ok(far.length > 100 && naming.length > 0, `${far.length} far citations, ${naming.length} of Pasal ${pasal.number}`);
    const moved = reanalyze(before, next, { start: at, end: at, newText: '1' });
    assert.ok(moved && moved.regulation.parse.root !== oldRoot, 're-parsed around the edit');
    assert.deepEqual(plain(moved), plain(analyze(next)));
    const kept = new Set(moved.references.filter((reference) => oldReferences.has(reference)));
    // A few are resolved again to be safe (the Penjelasan of the renumbered Pasal, a context next to a re-parsed node).
    const keptFar = far.filter((reference) => kept.has(reference)).length;
    assert.ok(keptFar >= far.length * 0.95, `far citations of other Pasal keep their resolution, the same objects (${keptFar} of ${far.length})`);
    assert.ok(naming.every((reference) => !kept.has(reference)), 'citations of the renumbered Pasal are resolved again');
  });

  it('an amendment\'s "berikut:" misspelt, so one quote fewer opens: the states meet again, re-parsed and not analysed afresh', () => {
    // UU 11/2020 opens ~50 quotes before this one. The parser once kept a count of quotes opened, which then
    // stayed one lower to the end of the text: the states never met and each such keystroke cost a full analysis.
    const text = fixture('corpus/mblx-uu-11-2020.txt');
    const at = text.indexOf('berbunyi sebagai berikut: Pasal 9 (1) Barang-barang') + 'berbunyi sebagai berik'.length;
    assert.ok(at > 900_000, 'the edit lies far from the end, after many quotes');
    const next = text.slice(0, at) + text.slice(at + 1);
    const before = analyze(text);
    const quotes = (analysis: Analysis): number => analysis.regulation.units.filter((unit) => unit.scope.startsWith('quote')).length;
    const quotedBefore = quotes(before);
    const moved = reanalyze(before, next, { start: at, end: at + 1, newText: '' });
    assert.ok(moved, 're-parsed around the edit');
    const full = analyze(next);
    assert.deepEqual(plain(moved), plain(full));
    assert.ok(quotes(full) < quotedBefore, 'the misspelling does change the structure: fewer quoted units');
  });

  it('a run of structural edits, each re-parsed from the last one\'s checkpoints, equals analyze() at every step', () => {
    let text = fixture('corpus/mblx-uu-40-2007.txt');
    let analysis = analyze(text);
    let restructured = 0;
    let full = 0;
    // Digits typed into Pasal numbers, ayat labels broken and mended, a new ayat typed: walking through the text.
    for (let from = 2_000; from < text.length - 2_000; from += 3_000) {
      const heading = text.indexOf('\nPasal ', from);
      const label = text.indexOf('\n(2)', from) + 1;
      if (heading < 0 || label <= 0) break;
      const edits = [
        { start: heading + 7, end: heading + 7, newText: '1' },
        { start: label, end: label + 1, newText: '' },
        { start: label, end: label, newText: '(' },
        { start: label, end: label, newText: '(9) x\n' },
      ];
      for (const change of edits) {
        const next = text.slice(0, change.start) + change.newText + text.slice(change.end);
        const root = analysis.regulation.parse.root;
        const moved = reanalyze(analysis, next, change);
        const fresh = analyze(next);
        if (moved) {
          if (moved.regulation.parse.root !== root) restructured++;
          assert.deepEqual(plain(moved), plain(fresh), `${JSON.stringify(change)} in ${JSON.stringify(text.slice(change.start - 20, change.end + 20))}`);
        } else full++;
        analysis = moved ?? fresh;
        text = next;
      }
    }
    assert.ok(restructured >= 40 && full <= restructured / 5, `re-parsed around the edit ${restructured} times, analysed afresh ${full} times`);
  });
});
