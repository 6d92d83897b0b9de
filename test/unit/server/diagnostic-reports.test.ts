// The pull-mode report memory: "unchanged" only for the client's last report and exactly the same diagnostics.

import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver';
import { DiagnosticReports, sameDiagnostics } from '../../../server/src/server/diagnostic-reports';

const range = (line: number, start: number, end: number): Diagnostic['range'] => ({ start: { line, character: start }, end: { line, character: end } });
const base: Diagnostic = {
  range: range(3, 4, 9),
  severity: 2,
  code: 'dangling-reference',
  source: 'perwal',
  message: 'Pasal 9 does not exist.',
  relatedInformation: [{ location: { uri: 'file:///a.perwal', range: range(1, 0, 7) }, message: 'Pasal 8' }],
};

describe('diagnostic reports (pull mode)', () => {
  it('any difference a client would show makes the lists differ', () => {
    const variants: Diagnostic[] = [
      { ...base, range: range(3, 5, 9) },
      { ...base, range: range(3, 4, 10) },
      { ...base, range: range(4, 4, 9) },
      { ...base, range: { start: base.range.start, end: { line: 4, character: 9 } } },
      { ...base, severity: 1 },
      { ...base, code: 'numbering-gap' },
      { ...base, source: 'other' },
      { ...base, message: 'Pasal 9 tidak ada.' },
      { ...base, tags: [1] },
      { ...base, data: { fix: 1 } },
      { ...base, codeDescription: { href: 'https://example.org' } },
      { ...base, relatedInformation: [] },
      { ...base, relatedInformation: [{ ...base.relatedInformation![0], message: 'Pasal 7' }] },
      { ...base, relatedInformation: [{ ...base.relatedInformation![0], location: { uri: 'file:///b.perwal', range: range(1, 0, 7) } }] },
      { ...base, relatedInformation: [{ ...base.relatedInformation![0], location: { uri: 'file:///a.perwal', range: range(1, 0, 8) } }] },
    ];
    assert.ok(sameDiagnostics([base], [structuredClone(base)]), 'an equal copy is the same');
    for (const variant of variants) assert.ok(!sameDiagnostics([base], [variant]), JSON.stringify(variant));
    assert.ok(!sameDiagnostics([base], [base, base]));
    assert.ok(sameDiagnostics([], []));
  });

  it('"unchanged" needs the last report\'s id and the same diagnostics; ids carry the version', () => {
    const reports = new DiagnosticReports();
    const uri = 'file:///a.perwal';
    const first = reports.report(uri, 1, [base], undefined);
    assert.equal(first.kind, 'full');
    assert.match(first.resultId!, /^1\./);
    const second = reports.report(uri, 2, [structuredClone(base)], first.resultId);
    assert.deepEqual(second, { kind: 'unchanged', resultId: second.resultId });
    assert.match(second.resultId!, /^2\./);
    assert.equal(reports.report(uri, 3, [base], first.resultId).kind, 'full', 'a stale id: the client may hold something else');
    const fourth = reports.report(uri, 4, [base], undefined);
    assert.equal(fourth.kind, 'full', 'no id: the client holds nothing');
    assert.equal(reports.report(uri, 5, [], fourth.resultId).kind, 'full', 'changed diagnostics');
    const sixth = reports.report(uri, 6, [], undefined);
    reports.forget(uri);
    assert.equal(reports.report(uri, 7, [], sixth.resultId).kind, 'full', 'forgotten on close');
    const eighth = reports.report(uri, 8, [], undefined);
    reports.clear();
    assert.equal(reports.report(uri, 9, [], eighth.resultId).kind, 'full', 'cleared when the settings change');
  });
});
