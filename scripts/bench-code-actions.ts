// Code actions on the largest laws, in process: what a request at a finding costs when the client asks by itself
// (VS Code, whenever the cursor rests on a finding, also while one types) and when the user asks. Each quick fix
// is checked by reading its edited text again, fix all up to six times; asked automatically by a client that
// resolves actions, the fixes come unchecked and the one picked is checked then (server.ts, codeAction/resolve).
//   node out/scripts/bench-code-actions.js [file] [findings]

import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze, Analysis } from '../server/src/features/analysis';
import { codeActions } from '../server/src/features/code-actions';
import { percentile } from './bench-stats';

export interface CodeActionTimes {
  readonly name: string;
  readonly findings: number;
  /** Per request at a finding, ms: asked automatically (unchecked fixes, no fix all). */
  readonly automatic: number[];
  /** Asked by the user: checked quick fixes, fix all deferred (a client that resolves actions). */
  readonly invoked: number[];
  /** Asked automatically by a client that cannot resolve: checked quick fixes, no fix all (the old automatic path). */
  readonly checked: number[];
}

/** Requests at up to `findings` findings spread over the text, each on a fresh analysis's caches (a new version). */
export function codeActionTimes(name: string, text: string, findings = 40): CodeActionTimes {
  const first = analyze(text);
  const step = Math.max(1, Math.floor(first.diagnostics.length / findings));
  const picked = first.diagnostics.filter((_, i) => i % step === 0).slice(0, findings).map((d) => d.range);
  const time = (run: (analysis: Analysis, range: { start: number; end: number }) => void): number[] => {
    const analysis = analyze(text);
    return picked.map((range) => {
      const started = performance.now();
      run(analysis, range);
      return performance.now() - started;
    });
  };
  return {
    name,
    findings: picked.length,
    automatic: time((analysis, range) => codeActions(analysis, range, analyze, 'none', true)),
    checked: time((analysis, range) => codeActions(analysis, range, analyze, 'none')),
    invoked: time((analysis, range) => codeActions(analysis, range, analyze, 'deferred')),
  };
}

export function formatCodeActionTimes(results: CodeActionTimes[]): string {
  const stats = (times: number[]): string => `p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms`;
  return results.map((r) => `Code actions at ${r.findings} findings of ${r.name} (in process, each request on its version's first ask): ` +
    `asked automatically, fixes unchecked ${stats(r.automatic)}; checked (a client that cannot resolve) ${stats(r.checked)}; asked by the user (checked, fix all deferred) ${stats(r.invoked)}.`).join('\n');
}

if (require.main === module) {
  const file = process.argv[2] ?? path.join(__dirname, '..', '..', 'test', 'fixtures', 'corpus', 'mblx-uu-11-2020.txt');
  console.log(formatCodeActionTimes([codeActionTimes(path.basename(file), readFileSync(file, 'utf8'), Number(process.argv[3] ?? 40))]));
}
