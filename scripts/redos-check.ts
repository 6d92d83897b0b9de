// ReDoS check of the pure layers: every regular expression literal (and `new RegExp` / `RegExp` call with
// literal arguments) in server/src/syntax, server/src/model and server/src/features is found with the
// TypeScript compiler API and checked with recheck. A "vulnerable" expression (super-linear matching
// time on some input) fails the check. Used by test/unit/redos.test.ts and runnable on its own:
//   npm run compile && node out/scripts/redos-check.js [--json]
//
// recheck has three back ends: a native binary (shipped inside the npm package recheck-<os>-<arch>, an
// optional dependency), a JVM jar and a pure-JS build. The JVM is never used. The native binary is used
// when npm installed it for this platform (it is about 3x faster, which keeps the unit test short), else
// the pure-JS build; RECHECK_BACKEND=pure forces the latter. Neither downloads anything at run time: the
// check passes with the network namespace removed (`unshare -n`), and under strace the native agent opens
// no connection. Each check is seeded and time-boxed.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { check } from 'recheck';
import * as ts from 'typescript';

/** "native" when recheck's binary for this platform is installed, else "pure"; never the JVM. */
export function chooseBackend(): 'native' | 'pure' {
  const requested = process.env.RECHECK_BACKEND;
  if (requested === 'pure' || requested === 'native') return requested;
  const platform = ({ linux: 'linux', darwin: 'macos', win32: 'windows' } as Record<string, string>)[process.platform];
  try {
    require.resolve(`recheck-${platform}-${process.arch}/package.json`);
    return 'native';
  } catch {
    return 'pure';
  }
}

process.env.RECHECK_BACKEND = chooseBackend();

/** Per expression; the slowest safe one takes about 3 s on the native back end. */
export const DEFAULT_TIMEOUT_MS = 8_000;

export const PURE_LAYERS = ['server/src/syntax', 'server/src/model', 'server/src/features'];

export interface FoundRegex {
  readonly file: string;
  /** 1-based line of the literal or call. */
  readonly line: number;
  readonly source: string;
  readonly flags: string;
  /** How it was written: a literal, or a RegExp constructor call. */
  readonly form: 'literal' | 'constructor';
}

export interface UnresolvedRegex {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

export interface Extraction {
  readonly found: FoundRegex[];
  /** `new RegExp(x)` whose pattern is not a literal (built at run time): listed, not checked. */
  readonly unresolved: UnresolvedRegex[];
}

export interface CheckedRegex extends FoundRegex {
  readonly status: 'safe' | 'vulnerable' | 'unknown';
  /** recheck's complexity summary ("linear", "2nd degree polynomial", "exponential"), or its error. */
  readonly summary: string;
  /** For a vulnerable expression: an attack string recheck found, shortened. */
  readonly attack?: string;
  readonly milliseconds: number;
}

/** The repository root (the folder with package.json above this file, compiled or not). */
export function repositoryRoot(from = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'server', 'src'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`repository root not found above ${from}`);
  }
}

function sourceFiles(root: string, folders: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(full);
    }
  };
  for (const folder of folders) {
    const dir = path.join(root, folder);
    if (fs.existsSync(dir)) walk(dir);
  }
  return out;
}

/** The string value of a literal argument, following a `const NAME = '…'` in the same file. */
function literalString(node: ts.Expression, constants: Map<string, string>): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isIdentifier(node)) return constants.get(node.text);
  if (ts.isParenthesizedExpression(node)) return literalString(node.expression, constants);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = literalString(node.left, constants);
    const right = literalString(node.right, constants);
    return left !== undefined && right !== undefined ? left + right : undefined;
  }
  // `/…/.source` is the literal's pattern.
  if (ts.isPropertyAccessExpression(node) && node.name.text === 'source' && ts.isRegularExpressionLiteral(node.expression)) {
    return splitLiteral(node.expression.text).source;
  }
  return undefined;
}

function splitLiteral(text: string): { source: string; flags: string } {
  const slash = text.lastIndexOf('/');
  return { source: text.slice(1, slash), flags: text.slice(slash + 1) };
}

/** Finds every regular expression in the given folders (relative to root). Pure: reads files, runs nothing. */
export function extractRegexes(root = repositoryRoot(), folders: readonly string[] = PURE_LAYERS): Extraction {
  const found: FoundRegex[] = [];
  const unresolved: UnresolvedRegex[] = [];
  for (const file of sourceFiles(root, folders)) {
    const relative = path.relative(root, file).split(path.sep).join('/');
    const sourceFile = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
    const lineOf = (node: ts.Node): number => sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
    const constants = new Map<string, string>();
    const collectConstants = (node: ts.Node): void => {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && ts.isVariableDeclarationList(node.parent) && (node.parent.flags & ts.NodeFlags.Const) !== 0) {
        const value = literalString(node.initializer, constants);
        if (value !== undefined) constants.set(node.name.text, value);
      }
      ts.forEachChild(node, collectConstants);
    };
    collectConstants(sourceFile);
    const visit = (node: ts.Node): void => {
      if (ts.isRegularExpressionLiteral(node)) {
        found.push({ file: relative, line: lineOf(node), ...splitLiteral(node.text), form: 'literal' });
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        const [patternArgument, flagsArgument] = node.arguments ?? [];
        const source = patternArgument ? literalString(patternArgument, constants) : '';
        const flags = flagsArgument ? literalString(flagsArgument, constants) : '';
        if (source !== undefined && flags !== undefined) found.push({ file: relative, line: lineOf(node), source, flags, form: 'constructor' });
        else unresolved.push({ file: relative, line: lineOf(node), text: node.getText(sourceFile).slice(0, 120) });
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return { found, unresolved };
}

/** Checks one expression with recheck (seeded; `timeoutMs` per expression). */
export async function checkRegex(regex: FoundRegex, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<CheckedRegex> {
  const started = performance.now();
  const result = await check(regex.source, regex.flags, { timeout: timeoutMs, randomSeed: 1 });
  const milliseconds = performance.now() - started;
  const summary = result.status === 'unknown' ? describeUnknown(result.error) : result.complexity.summary;
  const attack = result.status === 'vulnerable' ? shorten(result.attack.pattern) : undefined;
  return { ...regex, status: result.status, summary, attack, milliseconds };
}

function describeUnknown(error: unknown): string {
  const { kind, message } = (error ?? {}) as { kind?: string; message?: string };
  return [kind ?? 'error', message].filter(Boolean).join(': ');
}

function shorten(text: string): string {
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

/**
 * True when the pattern has an unbounded quantifier (`*`, `+`, `{n,}`) outside a character class. Without
 * one, a match attempt reads at most a constant number of characters, so matching is linear whatever the
 * input: such expressions are safe without asking recheck (which keeps the check fast).
 */
export function hasUnboundedQuantifier(source: string): boolean {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '*' || c === '+') return true;
    else if (c === '{' && /^\{\d*,\}/.test(source.slice(i))) return true;
  }
  return false;
}

/**
 * Checks each distinct (pattern, flags) once, `concurrency` at a time (recheck's own timeout only starts
 * when a check starts, so a small pool keeps timeouts meaningful); bounded patterns are "safe" unasked.
 */
export async function checkAll(regexes: readonly FoundRegex[], options: { timeoutMs?: number; concurrency?: number } = {}): Promise<CheckedRegex[]> {
  const distinct = new Map<string, FoundRegex>();
  for (const regex of regexes) if (!distinct.has(keyOf(regex))) distinct.set(keyOf(regex), regex);
  const queue = [...distinct.values()].filter((regex) => hasUnboundedQuantifier(regex.source));
  const done = new Map<string, CheckedRegex>();
  const concurrency = Math.max(1, options.concurrency ?? Math.min(2, os.availableParallelism()));
  await Promise.all(Array.from({ length: concurrency }, async () => {
    for (let regex = queue.shift(); regex; regex = queue.shift()) done.set(keyOf(regex), await checkRegex(regex, options.timeoutMs));
  }));
  const seen = new Set<string>();
  return regexes.map((regex): CheckedRegex => {
    const key = keyOf(regex);
    const result = done.get(key);
    const first = !seen.has(key);
    seen.add(key);
    if (!result) return { ...regex, status: 'safe', summary: 'bounded: no unbounded quantifier', milliseconds: 0 };
    return { ...result, file: regex.file, line: regex.line, form: regex.form, milliseconds: first ? result.milliseconds : 0 };
  });
}

function keyOf(regex: FoundRegex): string {
  return `${regex.flags}/${regex.source}`;
}

export function formatResult(result: CheckedRegex): string {
  const where = `${result.file}:${result.line}`;
  const pattern = `/${result.source}/${result.flags}`;
  const attack = result.attack ? ` — attack: ${result.attack}` : '';
  return `${result.status.padEnd(10)} ${where.padEnd(42)} ${pattern} (${result.summary}, ${result.milliseconds.toFixed(0)} ms)${attack}`;
}

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const { found, unresolved } = extractRegexes();
  const started = performance.now();
  const results = await checkAll(found);
  const seconds = (performance.now() - started) / 1000;
  const vulnerable = results.filter((result) => result.status === 'vulnerable');
  const unknown = results.filter((result) => result.status === 'unknown');
  if (json) {
    process.stdout.write(JSON.stringify({ results, unresolved }, null, 2) + '\n');
  } else {
    for (const result of results) process.stdout.write(formatResult(result) + '\n');
    for (const item of unresolved) process.stdout.write(`unresolved ${item.file}:${item.line} ${item.text}\n`);
    process.stdout.write(`\n${results.length} regular expressions in ${PURE_LAYERS.join(', ')} checked in ${seconds.toFixed(1)} s (recheck back end: ${process.env.RECHECK_BACKEND}): ` +
      `${results.length - vulnerable.length - unknown.length} safe, ${vulnerable.length} vulnerable, ${unknown.length} unknown, ${unresolved.length} not literal\n`);
  }
  return vulnerable.length > 0 ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
    // recheck keeps its native agent running; nothing else is pending.
    process.exit();
  });
}
