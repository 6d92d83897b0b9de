// The `perwal.*` settings: one zod schema per setting, so a bad value costs only that setting (it falls back
// to its default) and the user gets ONE message naming every setting that was ignored. Never throws.

import * as z from 'zod/mini';
import { DIAGNOSTIC_CODES } from '../features/diagnostics';

export type SeveritySetting = 'error' | 'warning' | 'information' | 'hint' | 'off';
export type LocaleSetting = 'auto' | 'id' | 'en';

export interface Settings {
  /** Diagnostic code → severity ("off" hides it). Codes not listed keep their default. */
  readonly severity: Readonly<Record<string, SeveritySetting>>;
  /** Above this size a document gets its structure only (outline, folding), no references or diagnostics. */
  readonly maxFileSizeMB: number;
  /** Quiet time after the last keystroke before a document is analysed. */
  readonly debounceMs: number;
  /** Used by the VS Code client: switch .txt/.md files that look like a regulation to "perwal". */
  readonly detectLanguage: boolean;
  readonly locale: LocaleSetting;
}

export const DEFAULT_SETTINGS: Settings = {
  severity: {},
  maxFileSizeMB: 20,
  debounceMs: 150,
  detectLanguage: true,
  locale: 'auto',
};

const severityValue = z.enum(['error', 'warning', 'information', 'hint', 'off']);

const SCHEMA = {
  maxFileSizeMB: z.number().check(z.positive()),
  debounceMs: z.int().check(z.minimum(0), z.maximum(10_000)),
  detectLanguage: z.boolean(),
  locale: z.enum(['auto', 'id', 'en']),
} as const;

/** What each setting expects, for the warning, in English and Indonesian. */
const EXPECTED: Record<keyof typeof SCHEMA | 'severity' | 'severityLevel' | 'section', { en: string; id: string }> = {
  maxFileSizeMB: { en: 'a positive number of megabytes', id: 'angka positif (megabita)' },
  debounceMs: { en: 'a whole number of milliseconds from 0 to 10000', id: 'bilangan bulat milidetik 0–10000' },
  detectLanguage: { en: 'true or false', id: 'true atau false' },
  locale: { en: '"auto", "id" or "en"', id: '"auto", "id" atau "en"' },
  severity: { en: 'an object mapping diagnostic codes to a severity', id: 'objek kode diagnostik → tingkat' },
  severityLevel: { en: 'error, warning, information, hint or off', id: 'error, warning, information, hint atau off' },
  section: { en: 'an object of settings', id: 'objek pengaturan' },
};

/** One ignored value: which setting, what was given, what is used instead. */
export interface SettingsProblem {
  readonly setting: string;
  readonly got: string;
  readonly expected: { readonly en: string; readonly id: string };
  /** The value used instead, or undefined for "the default severity" / "ignored". */
  readonly fallback: string | undefined;
}

export interface SettingsResult {
  readonly settings: Settings;
  /** Empty when all is well. */
  readonly problems: SettingsProblem[];
}

/** Validates the `perwal` section as the client sent it (any shape, including undefined or null). */
export function parseSettings(raw: unknown): SettingsResult {
  const problems: SettingsProblem[] = [];
  if (raw === undefined || raw === null) return { settings: DEFAULT_SETTINGS, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push({ setting: 'perwal', got: show(raw), expected: EXPECTED.section, fallback: undefined });
    return { settings: DEFAULT_SETTINGS, problems };
  }
  const section = raw as Record<string, unknown>;
  const pickValue = <K extends keyof typeof SCHEMA>(key: K): Settings[K] => {
    const value = section[key];
    if (value === undefined || value === null) return DEFAULT_SETTINGS[key];
    const result = SCHEMA[key].safeParse(value);
    if (result.success) return result.data as Settings[K];
    problems.push({ setting: `perwal.${key}`, got: show(value), expected: EXPECTED[key], fallback: show(DEFAULT_SETTINGS[key]) });
    return DEFAULT_SETTINGS[key];
  };
  const settings: Settings = {
    severity: parseSeverity(section.severity, problems),
    maxFileSizeMB: pickValue('maxFileSizeMB'),
    debounceMs: pickValue('debounceMs'),
    detectLanguage: pickValue('detectLanguage'),
    locale: pickValue('locale'),
  };
  return { settings, problems };
}

function parseSeverity(value: unknown, problems: SettingsProblem[]): Record<string, SeveritySetting> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push({ setting: 'perwal.severity', got: show(value), expected: EXPECTED.severity, fallback: undefined });
    return {};
  }
  const out: Record<string, SeveritySetting> = {};
  for (const [code, level] of Object.entries(value as Record<string, unknown>)) {
    if (!(DIAGNOSTIC_CODES as string[]).includes(code)) {
      const known = DIAGNOSTIC_CODES.join(', ');
      problems.push({ setting: `perwal.severity.${code}`, got: show(level), expected: { en: `a known diagnostic code (${known})`, id: `kode diagnostik yang dikenal (${known})` }, fallback: undefined });
      continue;
    }
    const result = severityValue.safeParse(level);
    if (result.success) out[code] = result.data;
    else problems.push({ setting: `perwal.severity.${code}`, got: show(level), expected: EXPECTED.severityLevel, fallback: undefined });
  }
  return out;
}

function show(value: unknown): string {
  try {
    const text = JSON.stringify(value);
    return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}…` : text;
  } catch {
    return String(value);
  }
}

/** The single warning shown for a settings change with bad values, in the user's language. */
export function settingsWarning(problems: SettingsProblem[], locale: 'id' | 'en'): string | undefined {
  if (problems.length === 0) return undefined;
  const lines = problems.map((problem) => locale === 'id'
    ? `${problem.setting} = ${problem.got} tidak valid (seharusnya ${problem.expected.id}); ${problem.fallback === undefined ? 'diabaikan, memakai bawaan' : `memakai bawaan ${problem.fallback}`}`
    : `${problem.setting} = ${problem.got} is not valid (expected ${problem.expected.en}); ${problem.fallback === undefined ? 'ignored, using the default' : `using the default ${problem.fallback}`}`);
  return locale === 'id'
    ? `Perwal: pengaturan tidak valid — ${lines.join('; ')}.`
    : `Perwal: invalid setting${problems.length > 1 ? 's' : ''} — ${lines.join('; ')}.`;
}
