// One analysis of one document version: parse, model, references. Features take it as input so
// nothing is parsed twice. Callers (server, CLI) cache it; this layer keeps no state.

import { parse } from '../syntax';
import { buildRegulation, findReferences, Reference, Regulation } from '../model';
import { computeDiagnostics, Diagnostic, DiagnosticOptions } from './diagnostics';

export interface Analysis {
  readonly text: string;
  readonly regulation: Regulation;
  readonly references: Reference[];
  readonly diagnostics: Diagnostic[];
}

export interface AnalysisOptions extends DiagnosticOptions {
  /** Above this size only the structure is computed (no references, no diagnostics). */
  readonly maxBytesForFullAnalysis?: number;
}

export function analyze(text: string, options: AnalysisOptions = {}): Analysis {
  if (options.maxBytesForFullAnalysis !== undefined && text.length > options.maxBytesForFullAnalysis) {
    // Over the limit: headings at line starts only, so a huge file never freezes the editor.
    return { text, regulation: buildRegulation(text, parse(text, { headingsOnly: true })), references: [], diagnostics: [] };
  }
  const regulation = buildRegulation(text, parse(text));
  const references = findReferences(regulation);
  const diagnostics = computeDiagnostics(regulation, references, options);
  return { text, regulation, references, diagnostics };
}
