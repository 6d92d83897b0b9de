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

/** What the client would show is the same: the lists' fingerprints are. */
export function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  return a.length === b.length && sameFingerprint(fingerprint(a), fingerprint(b));
}

/**
 * What a client would show of a list (range, severity, tags, code, source, message, link, data, related places),
 * compactly: the numbers in one typed array, the texts by reference (the messages are the analysis's own strings).
 * Push mode keeps it instead of the list itself, whose objects cost a large law ~0.15 MB per open document.
 */
export interface Fingerprint {
  readonly numbers: Int32Array;
  readonly texts: readonly (string | undefined)[];
}

export function fingerprint(items: readonly Diagnostic[]): Fingerprint {
  let count = 0;
  for (const item of items) count += 7 + (item.tags?.length ?? 0) + 4 * (item.relatedInformation?.length ?? 0);
  const numbers = new Int32Array(count);
  const texts: (string | undefined)[] = [];
  let at = 0;
  const range = (r: Diagnostic['range']): void => {
    numbers[at++] = r.start.line;
    numbers[at++] = r.start.character;
    numbers[at++] = r.end.line;
    numbers[at++] = r.end.character;
  };
  for (const item of items) {
    range(item.range);
    numbers[at++] = item.severity ?? 0;
    numbers[at++] = item.tags?.length ?? 0;
    for (const tag of item.tags ?? []) numbers[at++] = tag;
    numbers[at++] = item.relatedInformation?.length ?? 0;
    texts.push(item.code === undefined ? undefined : `${typeof item.code}:${item.code}`, item.source, typeof item.message === 'string' ? item.message : JSON.stringify(item.message), item.codeDescription?.href, item.data === undefined ? undefined : JSON.stringify(item.data));
    for (const related of item.relatedInformation ?? []) {
      range(related.location.range);
      texts.push(related.location.uri, related.message);
    }
  }
  return { numbers, texts };
}

export function sameFingerprint(a: Fingerprint, b: Fingerprint): boolean {
  if (a.numbers.length !== b.numbers.length || a.texts.length !== b.texts.length) return false;
  for (let i = 0; i < a.numbers.length; i++) if (a.numbers[i] !== b.numbers[i]) return false;
  for (let i = 0; i < a.texts.length; i++) if (a.texts[i] !== b.texts[i]) return false;
  return true;
}
