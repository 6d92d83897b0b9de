// Output formats of `perwal check`: compiler-style text, JSON with LSP positions, SARIF 2.1.0.

import { SarifBuilder, SarifResultBuilder, SarifRuleBuilder, SarifRunBuilder } from 'node-sarif-builder';
import { DEFAULT_SEVERITY, Diagnostic, DIAGNOSTIC_CODES, Locale, pick } from '../features';
import { LineIndex } from '../features/line-index';

export interface FileReport {
  readonly path: string;
  readonly text: string;
  readonly diagnostics: Diagnostic[];
}

interface JsonRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

function rangeOf(index: LineIndex, diagnostic: Diagnostic): JsonRange {
  return { start: index.position(diagnostic.range.start), end: index.position(diagnostic.range.end) };
}

export function formatJson(reports: FileReport[], locale: Locale): string {
  const files = reports.map((report) => {
    const index = new LineIndex(report.text);
    return {
      path: report.path,
      diagnostics: report.diagnostics.map((diagnostic) => ({
        code: diagnostic.code,
        severity: diagnostic.severity,
        message: pick(diagnostic.message, locale),
        range: rangeOf(index, diagnostic),
        related: diagnostic.related.map((related) => ({ message: pick(related.message, locale), range: { start: index.position(related.range.start), end: index.position(related.range.end) } })),
      })),
    };
  });
  return JSON.stringify({ files }, null, 2) + '\n';
}

export function formatText(reports: FileReport[], locale: Locale): string {
  const lines: string[] = [];
  for (const report of reports) {
    const index = new LineIndex(report.text);
    for (const diagnostic of report.diagnostics) {
      const start = index.position(diagnostic.range.start);
      lines.push(`${report.path}:${start.line + 1}:${start.character + 1}: ${diagnostic.severity} ${diagnostic.code}: ${pick(diagnostic.message, locale)}`);
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;

export function formatSarif(reports: FileReport[], locale: Locale, version: string): string {
  const builder = new SarifBuilder();
  const run = new SarifRunBuilder().initSimple({ toolDriverName: 'perwal', toolDriverVersion: version, url: 'https://example.invalid/perwal' });
  for (const code of DIAGNOSTIC_CODES) {
    run.addRule(new SarifRuleBuilder().initSimple({ ruleId: code, shortDescriptionText: `${code} (default ${DEFAULT_SEVERITY[code]})` }));
  }
  for (const report of reports) {
    const index = new LineIndex(report.text);
    for (const diagnostic of report.diagnostics) {
      const range = rangeOf(index, diagnostic);
      const result = new SarifResultBuilder().initSimple({
        level: SARIF_LEVEL[diagnostic.severity],
        messageText: pick(diagnostic.message, locale),
        ruleId: diagnostic.code,
        fileUri: report.path.replace(/\\/g, '/'),
        // SARIF lines and columns are 1-based.
        startLine: range.start.line + 1,
        startColumn: range.start.character + 1,
        endLine: range.end.line + 1,
        endColumn: range.end.character + 1,
      });
      run.addResult(result);
    }
  }
  builder.addRun(run);
  return builder.buildSarifJsonString({ indent: true }) + '\n';
}
