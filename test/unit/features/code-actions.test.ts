import * as assert from 'node:assert/strict';
import { analyze } from '../../../server/src/features/analysis';
import { CodeAction, codeActions, FIX_NOT_SAFE, QUICK_FIX_FINDINGS, FIX_STALE, fixAll, fixAllAction, quickFixKey, resolveDeferred, resolveQuickFix } from '../../../server/src/features/code-actions';
import { applyEdits, lostReference, lostUnit } from '../../../server/src/features/edits';
import { fixture as corpusText } from '../helpers';
import { editsForNumberChanges, renumberPlan } from '../../../server/src/features/renumber';
import { fixture, seed } from './check';

/** The quick fixes at `$0`, each as "title (preferred?) => text after applying it". */
function quickFixes(source: string): string[] {
  const { text, offset, analysis } = fixture(source);
  return codeActions(analysis, { start: offset, end: offset })
    .filter((action) => action.kind === 'quickfix')
    .map((action) => `${action.title.en}${action.isPreferred ? ' *' : ''} => ${applyEdits(text, action.edits)}`);
}

function check(source: string, expected: string[]): void {
  assert.deepEqual(quickFixes(source), expected);
}

describe('code actions', () => {
  // "Change to N" is the fix for ONE wrong number: it is offered only when no other unit carries N and the
  // next unit follows N (else it would only make a duplicate or move the gap; renumbering is the fix), and the
  // references to the unit follow it, as with renumbering.
  it('offers renumbering (preferred) and changing just the heading for a duplicate Pasal', () => {
    check('Pasal 1\\nLihat Pasal 2.\\n\\nPasal 2\\nA.\\n\\n$0Pasal 2\\nB.\\n\\nPasal 4\\nC.\\n\\nPasal 4\\nD.\\n', [
      'Renumber Pasal from here and update references * => Pasal 1\nLihat Pasal 2.\n\nPasal 2\nA.\n\nPasal 3\nB.\n\nPasal 4\nC.\n\nPasal 5\nD.\n',
      'Change to Pasal 3 => Pasal 1\nLihat Pasal 2.\n\nPasal 2\nA.\n\nPasal 3\nB.\n\nPasal 4\nC.\n\nPasal 4\nD.\n',
    ]);
  });

  it('does not offer "change to" when it would make a duplicate or move the gap', () => {
    // 1, 2, 2, 3: changing the second 2 to 3 makes two Pasal 3.
    check('Pasal 1\\nA.\\n\\nPasal 2\\nA.\\n\\n$0Pasal 2\\nB.\\n\\nPasal 3\\nC.\\n', [
      'Renumber Pasal from here and update references * => Pasal 1\nA.\n\nPasal 2\nA.\n\nPasal 3\nB.\n\nPasal 4\nC.\n',
    ]);
    // 1, 3, 4: changing 3 to 2 leaves the gap before 4.
    check('Pasal 1\\n(1) A.\\n$0(3) B.\\n(4) C.\\n', ['Renumber ayat from here and update references * => Pasal 1\n(1) A.\n(2) B.\n(3) C.\n']);
  });

  it('"change to" updates the references to the unit', () => {
    check('Pasal 1\\n(1) A.\\n$0(5) B.\\n(3) C sebagaimana dimaksud pada ayat (5).\\n(3) D.\\n', [
      'Renumber ayat from here and update references * => Pasal 1\n(1) A.\n(2) B.\n(3) C sebagaimana dimaksud pada ayat (2).\n(4) D.\n',
      'Change to ayat (2) and update references => Pasal 1\n(1) A.\n(2) B.\n(3) C sebagaimana dimaksud pada ayat (2).\n(3) D.\n',
    ]);
  });

  it('names the kind in the title: ayat, huruf, BAB', () => {
    const titles = (source: string): string[] => {
      const { offset, analysis } = fixture(source);
      return codeActions(analysis, { start: offset, end: offset }).filter((action) => action.kind === 'quickfix').map((action) => action.title.id);
    };
    assert.deepEqual(titles('Pasal 1\\n(1) A.\\n$0(5) B.\\n(3) C.\\n(3) D.\\n'), ['Nomori ulang ayat mulai dari sini dan perbarui rujukan', 'Ubah menjadi ayat (2)']);
    assert.deepEqual(titles('Pasal 1\\nMeliputi:\\na. x;\\n$0e. y;\\nc. z; dan\\nc. w.\\n'), ['Nomori ulang huruf mulai dari sini dan perbarui rujukan', 'Ubah menjadi huruf b']);
    assert.deepEqual(titles('BAB I\\nUMUM\\n\\nPasal 1\\nA.\\n\\n$0BAB V\\nLAIN\\n\\nPasal 2\\nB.\\n\\nBAB III\\nAKHIR\\n\\nPasal 3\\nC.\\n\\nBAB III\\nLAGI\\n\\nPasal 4\\nD.\\n'), ['Nomori ulang BAB mulai dari sini dan perbarui rujukan', 'Ubah menjadi BAB II']);
  });

  it('a misnumbered unit between two that follow each other is renumbered alone; swapped numbers are swapped back', () => {
    check('Pasal 1\\nA.\\n\\nPasal 2\\nB.\\n\\n$0Pasal 9\\nC.\\n\\nPasal 4\\nD sebagaimana dimaksud dalam Pasal 9.\\n', [
      'Change to Pasal 3 and update references * => Pasal 1\nA.\n\nPasal 2\nB.\n\nPasal 3\nC.\n\nPasal 4\nD sebagaimana dimaksud dalam Pasal 3.\n',
    ]);
    check('Pasal 1\\nA.\\n\\n$0Pasal 3\\nB.\\n\\nPasal 2\\nC.\\n\\nPasal 4\\nD.\\n', [
      'Renumber Pasal from here and update references * => Pasal 1\nA.\n\nPasal 2\nB.\n\nPasal 3\nC.\n\nPasal 4\nD.\n',
    ]);
  });

  it('a renumbering that changes the unit alone is titled "Change to N", and offered once', () => {
    check('Pasal 1\\nA.\\n\\n$0Pasal 3\\nB.\\n', ['Change to Pasal 2 * => Pasal 1\nA.\n\nPasal 2\nB.\n']);
  });

  // In scraped text a label in the middle of a line counts only when it continues its list, and an amendment
  // instruction ("2. Ketentuan …") ends the quoted text only when its number follows the instruction before.
  // Renumbering the instructions 2 → 1 makes the second "2." end the quote, and the inline "(3)" after it no
  // longer continues an ayat list: it would stop being read. The renumbering (and "change to", the same edit)
  // is therefore not offered; the drafter sees the diagnostic without a fix that would lose a unit.
  const LOSES_AN_INLINE_LABEL =
    'Pasal 1\\nKetentuan dalam Peraturan Daerah Nomor 1 Tahun 2020 diubah sebagai berikut:\\n$02. Ketentuan Pasal 5 diubah sehingga berbunyi sebagai berikut:\\n' +
    'Pasal 5\\n(1) Satu.\\n(2) Dua.\\n2. Ketentuan Pasal 6 diubah sehingga berbunyi sebagai berikut: (3) Tiga.\\n\\nPasal 2\\nCukup.\\n';

  it('does not offer a renumbering after which an inline label elsewhere is no longer read', () => {
    const { text, offset, analysis } = fixture(LOSES_AN_INLINE_LABEL);
    assert.ok(analysis.diagnostics.some((diagnostic) => diagnostic.code === 'numbering-gap' && diagnostic.range.start === offset), 'the gap is reported');
    assert.ok(analysis.regulation.units.some((unit) => unit.kind === 'ayat' && unit.number === '3'), 'the inline (3) is read as a label');
    // The plain renumbering would lose it: read back, the (3) is text.
    const plan = editsForNumberChanges(analysis, renumberPlan(analysis, analysis.diagnostics.find((diagnostic) => diagnostic.range.start === offset)!.data.unitId!));
    assert.equal(applyEdits(text, plan), text.replace('2. Ketentuan Pasal 5', '1. Ketentuan Pasal 5'));
    assert.ok(lostUnit(analysis, analyze(applyEdits(text, plan)), plan));
    check(LOSES_AN_INLINE_LABEL, []);
  });

  it('reads each edited text back once per diagnostic and analysis', () => {
    const { offset, analysis } = fixture(LOSES_AN_INLINE_LABEL);
    let reads = 0;
    const counting = (text: string): ReturnType<typeof analyze> => {
      reads++;
      return analyze(text);
    };
    codeActions(analysis, { start: offset, end: offset }, counting);
    const first = reads;
    assert.ok(first >= 1, 'the renumbering is read back');
    codeActions(analysis, { start: offset, end: offset }, counting);
    assert.equal(reads, first, 'asked again, nothing is read again');
  });

  // Asked automatically by a client that resolves actions: the fixes unchecked, the one picked checked then.
  it('checkLater: the fixes offered without reading any text again, each checked when it is resolved', () => {
    const { text, offset, analysis } = fixture('Pasal 1\\nLihat Pasal 2.\\n\\nPasal 2\\nA.\\n\\n$0Pasal 2\\nB.\\n\\nPasal 4\\nC.\\n\\nPasal 4\\nD.\\n');
    let reads = 0;
    const counting = (edited: string): ReturnType<typeof analyze> => {
      reads++;
      return analyze(edited);
    };
    const unchecked = codeActions(analysis, { start: offset, end: offset }, counting, 'none', true);
    assert.equal(reads, 0, 'nothing read back');
    assert.deepEqual(unchecked.map((action) => `${action.title.en}${action.deferred ? ' (deferred)' : ''}`), [
      'Renumber Pasal from here and update references (deferred)',
      'Change to Pasal 3 (deferred)',
    ]);
    const checked = codeActions(analysis, { start: offset, end: offset }, counting);
    for (const action of unchecked) {
      const resolved = resolveQuickFix(analysis, quickFixKey(action)!, counting);
      assert.deepEqual(resolved?.edits, checked.find((candidate) => candidate.title.id === action.title.id)!.edits, action.title.en);
      assert.equal(resolved?.deferred, undefined);
    }
    assert.equal(applyEdits(text, unchecked[1].edits), text.replace('\n\nPasal 2\nB.', '\n\nPasal 3\nB.'));
  });

  it('checkLater: a fix that would lose a unit is offered unchecked, and resolves to nothing', () => {
    const { offset, analysis } = fixture(LOSES_AN_INLINE_LABEL);
    const [renumber] = codeActions(analysis, { start: offset, end: offset }, analyze, 'none', true);
    assert.equal(renumber?.title.en, 'Change to angka 1');
    assert.equal(resolveQuickFix(analysis, quickFixKey(renumber)!), undefined);
    // Nor is a key that names no finding (the text changed) resolved.
    assert.equal(resolveQuickFix(analysis, { ...quickFixKey(renumber)!, start: offset + 1 }), undefined);
    // Picked, each gets no edit and its own reason: unsafe, or stale.
    assert.deepEqual(resolveDeferred(analysis, quickFixKey(renumber)!), { edits: [], notice: FIX_NOT_SAFE });
    assert.deepEqual(resolveDeferred(analysis, { ...quickFixKey(renumber)!, start: offset + 1 }), { edits: [], notice: FIX_STALE });
  });

  it('a range over many findings offers the fixes of the first few, and none when the client asks for other kinds only', () => {
    // Sixty Pasal, each with a damaged label "(21": sixty findings with a quick fix each.
    const text = 'MEMUTUSKAN:\nMenetapkan : PERATURAN.\n\n' + Array.from({ length: 60 }, (_, i) => `Pasal ${i + 1}\n(1) Satu.\n(21 Dua.\n`).join('');
    const analysis = analyze(text);
    let reads = 0;
    const counting = (edited: string): ReturnType<typeof analyze> => { reads++; return analyze(edited); };
    const whole = { start: 0, end: text.length };
    const actions = codeActions(analysis, whole, counting, 'none');
    const fixed = new Set(actions.map((action) => action.diagnostic));
    assert.equal(analysis.diagnostics.length, 60);
    assert.equal(fixed.size, QUICK_FIX_FINDINGS);
    assert.deepEqual([...fixed], analysis.diagnostics.slice(0, QUICK_FIX_FINDINGS));
    assert.ok(reads <= QUICK_FIX_FINDINGS, `${reads} texts read again`);
    assert.deepEqual(codeActions(analyze(text), whole, counting, 'none', false, false), []);
  });
  it('offers nothing away from diagnostics', () => {
    check('Pasal 1\\nA.\\n\\n$0Pasal 2\\nB.\\n', []);
  });

  it('replaces "dalam" by "pada" before an ayat of the same Pasal', () => {
    check('Pasal 1\\n(1) A.\\n(2) B sebagaimana dimaksud $0dalam ayat (1).\\n', [
      'Replace "dalam" with "pada" * => Pasal 1\n(1) A.\n(2) B sebagaimana dimaksud pada ayat (1).\n',
    ]);
  });

  it('repairs an OCR-damaged reference to its probable reading', () => {
    const { text, analysis } = fixture('Pasal 1\\n(1) A.\\n(2) B.\\n\\nPasal 2\\nSebagaimana dimaksud dalam Pasal 1 ayat (21 huruf a.\\n');
    const diagnostic = analysis.diagnostics.find((candidate) => candidate.code === 'dangling-reference' && candidate.data.replacement);
    assert.ok(diagnostic, 'the damaged reference is reported');
    const [action] = codeActions(analysis, diagnostic.range).filter((candidate) => candidate.diagnostic === diagnostic);
    assert.ok(action);
    assert.match(applyEdits(text, action.edits), /dalam Pasal 1 ayat \(2\) huruf a/);
  });

  it('repairs an ayat label whose closing parenthesis OCR read as "1" ("(21" → "(2)"), in the body and in a Penjelasan', () => {
    const { text, analysis } = fixture('Pasal 1\n(1) Satu. (21 Dua sebagaimana dimaksud pada ayat (1).\n(3) Tiga.\n');
    const diagnostic = analysis.diagnostics.find((candidate) => candidate.code === 'malformed-heading');
    assert.ok(diagnostic, 'the damaged label is reported');
    assert.deepEqual(analysis.diagnostics.map((candidate) => candidate.code), ['malformed-heading'], 'no gap: (3) follows the (2) read');
    const [action] = codeActions(analysis, diagnostic.range).filter((candidate) => candidate.diagnostic === diagnostic);
    assert.equal(action.title.en, 'Repair the label to "(2)"');
    assert.match(applyEdits(text, action.edits), /Satu\. \(2\) Dua/);
    const penjelasan = fixture('Pasal 1\n(1) Satu.\n(2) Dua.\n\nPENJELASAN\nATAS\nPERATURAN\nI. UMUM\nUmum.\nII. PASAL DEMI PASAL\nPasal 1 Ayat (1) Cukup jelas. Ayat (21 Cukup jelas.\n');
    const [repair] = codeActions(penjelasan.analysis, penjelasan.analysis.diagnostics[0].range).filter((candidate) => candidate.kind === 'quickfix');
    assert.match(applyEdits(penjelasan.text, repair.edits), /Ayat \(2\) Cukup jelas\.\n$/);
  });

  it('repairs a Pasal number OCR spaced ("Pasal 1 1" after Pasal 10) to the joined one, without a numbering finding', () => {
    const tenPasal = Array.from({ length: 10 }, (_, i) => `Pasal ${i + 1}\nIsi ${i + 1}.\n`).join('');
    const { text, analysis } = fixture(`${tenPasal}Pasal 1 1\n(1) Sebelas.\nPasal 12\nDua belas sebagaimana dimaksud dalam Pasal 11 ayat (1).\n`);
    assert.deepEqual(analysis.diagnostics.map((candidate) => candidate.code), ['malformed-heading'], 'no gap before Pasal 12, no dangling Pasal 11');
    const [action] = codeActions(analysis, analysis.diagnostics[0].range).filter((candidate) => candidate.kind === 'quickfix');
    assert.equal(action.title.en, 'Repair the heading to "Pasal 11"');
    assert.match(applyEdits(text, action.edits), /Isi 10\.\nPasal 11\n\(1\) Sebelas/);
  });

  it('repairs list labels OCR damaged: "b," to "b.", "l." opening a list to "1."', () => {
    const { text, analysis } = fixture('PERATURAN\nMenimbang :\na. bahwa satu;\nb, bahwa dua;\nMengingat :\nl. Undang-Undang Nomor 1;\n2. Undang-Undang Nomor 2;\n\nMEMUTUSKAN:\nMenetapkan : PERATURAN.\n\nPasal 1\nIsi.\n');
    const repaired = analysis.diagnostics.filter((d) => d.code === 'malformed-heading').map((d) => {
      const [action] = codeActions(analysis, d.range).filter((candidate) => candidate.diagnostic === d);
      return `${action.title.en}: ${applyEdits(text, action.edits).split('\n').find((line) => /^(b|1)\. /.test(line))}`;
    });
    assert.deepEqual(repaired, ['Repair the label to "b.": b. bahwa dua;', 'Repair the label to "1.": 1. Undang-Undang Nomor 1;']);
  });

  it('Kupang: "Pasal B" is repaired to "Pasal 13"', () => {
    const analysis = seed('kupang');
    const at = analysis.text.indexOf('Pasal B');
    const actions = codeActions(analysis, { start: at, end: at });
    const repair = actions.find((action) => action.kind === 'quickfix' && action.diagnostic?.code === 'malformed-heading');
    assert.ok(repair);
    assert.equal(repair.title.id, 'Perbaiki judul menjadi "Pasal 13"');
    assert.deepEqual(repair.edits, [{ range: { start: at, end: at + 'Pasal B'.length }, newText: 'Pasal 13' }]);
    assert.ok(actions.some((action) => action.kind === 'source.fixAll'));
  });

  it('Bekasi: the duplicate Pasal 14 offers the renumbering to 15 … 22 (not "Change to Pasal 15": Pasal 15 exists)', () => {
    const analysis = seed('bekasi');
    const text = analysis.text;
    const second = text.indexOf('Pasal 14', text.indexOf('Pasal 14') + 1);
    const actions = codeActions(analysis, { start: second, end: second + 8 }).filter((action) => action.kind === 'quickfix');
    assert.deepEqual(actions.map((action) => action.title.en), ['Renumber Pasal from here and update references']);
    const renumbered = applyEdits(text, actions[0].edits);
    assert.deepEqual(renumbered.match(/^(Pasal|asal) \d+$/gm)!.slice(-9), ['Pasal 14', 'Pasal 15', 'Pasal 16', 'Pasal 17', 'Pasal 18', 'asal 19', 'Pasal 20', 'Pasal 21', 'Pasal 22']);
  });
});

describe('fix all', () => {
  function fixed(text: string): string {
    return applyEdits(text, fixAll(analyze(text)));
  }

  it('renumbers every group with numbering diagnostics and repairs damaged headings together', () => {
    const text = 'Pasal 1\nLihat Pasal 3.\n\nPasal 3\n(1) A.\n(3) B sebagaimana dimaksud pada ayat (1).\n\nPasal 4\nC.\n';
    assert.equal(fixed(text), 'Pasal 1\nLihat Pasal 2.\n\nPasal 2\n(1) A.\n(2) B sebagaimana dimaksud pada ayat (1).\n\nPasal 3\nC.\n');
  });

  it('is idempotent and leaves no numbering or heading diagnostic on the seeds', () => {
    for (const name of ['bekasi', 'kupang'] as const) {
      const once = fixed(seed(name).text);
      const after = analyze(once);
      assert.deepEqual(fixAll(after), [], `${name}: fixing again changes nothing`);
      const left = after.diagnostics.filter((diagnostic) => ['duplicate-number', 'numbering-gap', 'numbering-order', 'malformed-heading'].includes(diagnostic.code));
      assert.deepEqual(left.map((diagnostic) => diagnostic.message.en), [], name);
    }
  });

  it('UU 11/2020: a renumbering that loses a unit far below is dropped, the rest is offered, loses nothing and is final', function () {
    this.timeout(60_000);
    // In the omnibus law renumbering an instruction list can move where a quote ends, 100,000 characters on.
    const analysis = analyze(corpusText('corpus/mblx-uu-11-2020.txt'));
    const edits = fixAll(analysis);
    assert.ok(edits.length > 0, 'fix all offers the fixes that are safe');
    const after = analyze(applyEdits(analysis.text, edits));
    assert.equal(lostUnit(analysis, after, edits), undefined);
    assert.equal(lostReference(analysis, after, edits), undefined);
    assert.deepEqual(fixAll(after), [], 'fixing again changes nothing');
  });

  it('Bekasi: the damaged "asal 18" becomes "Pasal 19" in one edit with the renumbering', () => {
    const once = fixed(seed('bekasi').text);
    assert.match(once, /^Pasal 19\n\nPembiayaan Dinas/m);
    assert.match(once, /^Pasal 22\n\nPeraturan Wali Kota ini mulai berlaku/m);
  });

  it('Kupang: only the heading is repaired', () => {
    const text = seed('kupang').text;
    const edits = fixAll(seed('kupang'));
    assert.deepEqual(edits.map((edit) => [text.slice(edit.range.start, edit.range.end), edit.newText]), [['Pasal B', 'Pasal 13']]);
  });

  it('returns plain code actions data', () => {
    const { analysis } = fixture('Pasal 1\\nA.\\n\\n$0Pasal 3\\nB.\\n');
    const actions: CodeAction[] = codeActions(analysis, { start: 0, end: analysis.text.length });
    assert.deepEqual(actions.map((action) => action.kind), ['quickfix', 'source.fixAll']);
  });

  // A client that resolves code actions gets fix all at once, without its edits: no re-analysis until chosen.
  it('deferred: offered without edits and without reading any text again, while there is something to try', () => {
    const { analysis } = fixture('Pasal 1\\nA.\\n\\n$0Pasal 3\\nB.\\n');
    let reads = 0;
    const counting = (text: string): ReturnType<typeof analyze> => {
      reads++;
      return analyze(text);
    };
    const actions = codeActions(analysis, { start: 0, end: analysis.text.length }, counting, 'deferred');
    const deferred = actions.find((action) => action.kind === 'source.fixAll');
    assert.ok(deferred?.deferred, JSON.stringify(actions.map((action) => action.title.en)));
    assert.deepEqual(deferred.edits, []);
    const quickFixReads = reads;
    assert.equal(fixAllAction(analysis, counting, true)?.deferred, true);
    assert.equal(reads, quickFixReads, 'offering fix all deferred reads nothing');
    // Chosen: the edits are those fix all gives at once.
    const eager = fixAllAction(analysis, counting);
    assert.ok(reads > quickFixReads, 'fix all reads its result back');
    assert.equal(applyEdits(analysis.text, eager!.edits), 'Pasal 1\nA.\n\nPasal 2\nB.\n');
    assert.equal(codeActions(analysis, { start: 0, end: analysis.text.length }, counting, 'none').some((action) => action.kind === 'source.fixAll'), false);
  });

  it('deferred: not offered where nothing can be tried, nor once fix all found nothing safe', () => {
    const clean = analyze('Pasal 1\nA.\n\nPasal 2\nB.\n');
    assert.equal(fixAllAction(clean, analyze, true), undefined);
    const { analysis } = fixture('Pasal 1\\nA.\\n\\n$0Pasal 3\\nB.\\n');
    // A re-analysis that loses every unit: every fix is unsafe, so fix all finds nothing.
    const losing = (): ReturnType<typeof analyze> => analyze('');
    assert.deepEqual(fixAll(analysis, losing), []);
    assert.equal(fixAllAction(analysis, losing, true), undefined, 'known to find nothing: not offered again');
  });
});
