// Pull diagnostics (textDocument/diagnostic, LSP 3.17): the last report each document got, so that a pull
// whose diagnostics are the same as last time is answered "unchanged" in a few bytes. Most keystrokes change
// no diagnostic (a letter typed in running text moves nothing in line/character terms unless a diagnostic
// follows it on the same line); a law with 500 diagnostics would otherwise send ~200 KB per keystroke, which
// costs client and server ~9 ms of encoding, piping and decoding, more than the analysis itself.

import type { Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver';

interface LastReport {
  readonly resultId: string;
  readonly items: readonly Diagnostic[];
}

export class DiagnosticReports {
  private readonly last = new Map<string, LastReport>();
  private sequence = 0;

  /**
   * The report for `items`, the diagnostics of `version`. "unchanged" only when the client holds the last
   * report (its `previousResultId` is that report's id) and `items` equal it; otherwise the full list.
   * The result id starts with the version ("12.345"), which makes reports traceable in logs and benches.
   */
  report(uri: string, version: number, items: Diagnostic[], previousResultId: string | undefined): DocumentDiagnosticReport {
    const resultId = `${version}.${++this.sequence}`;
    const last = this.last.get(uri);
    if (last !== undefined && previousResultId === last.resultId && sameDiagnostics(last.items, items)) {
      this.last.set(uri, { resultId, items: last.items });
      return { kind: 'unchanged', resultId };
    }
    this.last.set(uri, { resultId, items });
    return { kind: 'full', resultId, items };
  }

  forget(uri: string): void {
    this.last.delete(uri);
  }

  clear(): void {
    this.last.clear();
  }
}

/** Field by field: what the client would show is the same (range, severity, code, source, message, related places). */
export function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameDiagnostic(a[i], b[i])) return false;
  return true;
}

function sameDiagnostic(a: Diagnostic, b: Diagnostic): boolean {
  if (!sameRange(a.range, b.range) || a.severity !== b.severity || a.code !== b.code || a.source !== b.source || a.message !== b.message) return false;
  if (a.tags?.length !== b.tags?.length || (a.tags ?? []).some((tag, i) => tag !== b.tags![i])) return false;
  if (a.codeDescription?.href !== b.codeDescription?.href || JSON.stringify(a.data) !== JSON.stringify(b.data)) return false;
  const ra = a.relatedInformation ?? [];
  const rb = b.relatedInformation ?? [];
  if (ra.length !== rb.length) return false;
  for (let i = 0; i < ra.length; i++) {
    if (ra[i].message !== rb[i].message || ra[i].location.uri !== rb[i].location.uri || !sameRange(ra[i].location.range, rb[i].location.range)) return false;
  }
  return true;
}

function sameRange(a: Diagnostic['range'], b: Diagnostic['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
