// What a deferred code action carries to codeAction/resolve (its `data`), and the check of what comes back:
// the client returns the data as it got it, but any JSON may arrive, so it is validated before use.

import { z } from 'zod';
import { CodeAction, QuickFixKey, quickFixKey } from '../features/code-actions';
import type { DiagnosticCode } from '../features/diagnostics';

export interface ResolveData {
  readonly uri: string;
  /** For a quick fix: which one (its finding and title). Absent for fix all. */
  readonly fix?: QuickFixKey;
}

const resolveDataSchema = z.object({
  uri: z.string(),
  fix: z.object({ code: z.string(), start: z.number().int().nonnegative(), end: z.number().int().nonnegative(), title: z.string() }).optional(),
});

export function resolveDataOf(uri: string, action: CodeAction): ResolveData {
  const fix = action.kind === 'quickfix' ? quickFixKey(action) : undefined;
  return fix ? { uri, fix } : { uri };
}

/** The data of a code action sent back to resolve, or undefined when it is not what resolveDataOf made. */
export function parseResolveData(data: unknown): ResolveData | undefined {
  const parsed = resolveDataSchema.safeParse(data);
  if (!parsed.success) return undefined;
  const { uri, fix } = parsed.data;
  // The code is only compared with the findings' codes: an unknown one finds nothing.
  return fix ? { uri, fix: { ...fix, code: fix.code as DiagnosticCode } } : { uri };
}
