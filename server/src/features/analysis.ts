// One analysis of one document version: parse, model, references. Features take it as input so
// nothing is parsed twice. Callers (server, CLI) cache it; this layer keeps no state beyond memos in
// WeakMaps keyed by the objects they describe (results depend only on their inputs).

import { makeNode, makeToken, parse } from '../syntax';
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

/** The text with no structure at all (one text token): what a request sees while a huge text's structure is computed elsewhere. */
export function unstructured(text: string): Analysis {
  const root = makeNode('document', 0, text.length, [], {});
  if (text.length > 0) root.children.push(makeToken('text', 0, text.length));
  return { text, regulation: buildRegulation(text, { source: text, root, errors: [] }), references: [], diagnostics: [] };
}
