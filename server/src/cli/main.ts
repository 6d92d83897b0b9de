// The `perwal` command line: a thin edge over the pure layers, like the language server.
// Results go to stdout, messages about the run to stderr; the exit code says what happened.

import { Command, CommanderError, Option } from 'commander';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { analyze, applySuppressions, Diagnostic, LineIndex, localeOf, Locale, outline } from '../features';
import { collectFiles, decode, describeError, FileProblem } from './files';
import { FileReport, formatJson, formatSarif, formatText } from './format';

const VERSION = '0.1.0';

interface CheckedFile {
  path: string;
  text?: string;
  diagnostics?: Diagnostic[];
  encoding?: string;
  problem?: string;
}

async function checkOne(file: string): Promise<CheckedFile> {
  try {
    const bytes = await fs.readFile(file);
    const { text, encoding } = decode(bytes);
    const analysis = analyze(text);
    // The same "%% perwal-disable…" comments the editor honours.
    return { path: file, text, diagnostics: applySuppressions(text, analysis.diagnostics), encoding };
  } catch (error) {
    return { path: file, problem: describeError(error) };
  }
}

/** Big batches are checked on both cores; small ones in this thread (starting workers costs more). */
async function checkAll(files: string[]): Promise<CheckedFile[]> {
  const sizes = await Promise.all(files.map((file) => fs.stat(file).then((stat) => stat.size, () => 0)));
  const total = sizes.reduce((sum, size) => sum + size, 0);
  const cores = Math.max(1, Math.min(os.availableParallelism?.() ?? os.cpus().length, 8));
  if (files.length < 2 || total < 2_000_000 || cores < 2 || !__filename.endsWith('.js')) {
    const out: CheckedFile[] = [];
    for (const file of files) out.push(await checkOne(file));
    return out;
  }
  const buckets: string[][] = Array.from({ length: Math.min(cores, files.length) }, () => []);
  const loads = buckets.map(() => 0);
  const order = files.map((file, i) => ({ file, size: sizes[i] })).sort((a, b) => b.size - a.size);
  for (const { file, size } of order) {
    const lightest = loads.indexOf(Math.min(...loads));
    buckets[lightest].push(file);
    loads[lightest] += size;
  }
  const results = await Promise.all(buckets.map((bucket) => new Promise<CheckedFile[]>((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: { files: bucket } });
    worker.once('message', resolve);
    worker.once('error', reject);
  })));
  const byPath = new Map(results.flat().map((result) => [result.path, result]));
  return files.map((file) => byPath.get(file)!);
}

function write(stream: NodeJS.WriteStream, text: string): Promise<void> {
  // Wait for the data to drain: a piped stdout must receive everything before the process ends.
  return new Promise((resolve) => {
    if (text.length === 0) return resolve();
    stream.write(text, () => resolve());
  });
}

async function runCheck(inputs: string[], format: string, locale: Locale): Promise<number> {
  const problems: FileProblem[] = [];
  const files = await collectFiles(inputs, problems);
  const checked = await checkAll(files);
  const reports: FileReport[] = [];
  for (const result of checked) {
    if (result.problem !== undefined) {
      problems.push({ path: result.path, message: result.problem });
      continue;
    }
    if (result.encoding === 'windows-1252') {
      await write(process.stderr, `perwal: ${result.path}: not UTF-8; read as Windows-1252 / bukan UTF-8; dibaca sebagai Windows-1252\n`);
    }
    reports.push({ path: result.path, text: result.text!, diagnostics: result.diagnostics! });
  }
  const output = format === 'json' ? formatJson(reports, locale) : format === 'sarif' ? formatSarif(reports, locale, VERSION) : formatText(reports, locale);
  await write(process.stdout, output);
  for (const problem of problems) await write(process.stderr, `perwal: ${problem.path}: ${problem.message}\n`);
  const errors = reports.reduce((count, report) => count + report.diagnostics.filter((d) => d.severity === 'error').length, 0);
  await write(process.stderr, `perwal: ${reports.length} file(s) checked, ${errors} error(s)\n`);
  if (problems.length > 0) return 2;
  return errors > 0 ? 1 : 0;
}

async function runOutline(file: string, locale: Locale): Promise<number> {
  void locale;
  let text: string;
  try {
    text = decode(await fs.readFile(file)).text;
  } catch (error) {
    await write(process.stderr, `perwal: ${file}: ${describeError(error)}\n`);
    return 2;
  }
  const analysis = analyze(text);
  const index = new LineIndex(text);
  type Out = { kind: string; number: string | null; title: string | null; range: object; children: Out[] };
  const convert = (node: ReturnType<typeof outline>[number]): Out => ({
    kind: node.kind,
    number: node.number,
    title: node.title,
    range: { start: index.position(node.range.start), end: index.position(node.range.end) },
    children: node.children.map(convert),
  });
  await write(process.stdout, JSON.stringify({ path: file, outline: outline(analysis.regulation).map(convert) }, null, 2) + '\n');
  return 0;
}

/** `perwal check … | head` closes the pipe early: that is not an error worth a stack trace. */
function ignoreBrokenPipe(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

export async function main(argv: string[]): Promise<number> {
  ignoreBrokenPipe();
  let exitCode = 0;
  const program = new Command();
  program
    .name('perwal')
    .description('Checks Indonesian regulations (Perwal, Perbup, Perda, PP, UU) for numbering and reference defects.')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  program
    .command('check')
    .description('check files or folders (.txt, .md, .perwal) and print diagnostics')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'sarif']).default('text'))
    .addOption(new Option('-l, --locale <locale>', 'message language (id or en)').default(process.env.PERWAL_LOCALE ?? 'en'))
    .argument('<paths...>', 'files or folders')
    .action(async (paths: string[], options: { format: string; locale: string }) => {
      exitCode = await runCheck(paths, options.format, localeOf(options.locale));
    });
  program
    .command('outline')
    .description('print the structure of a regulation as JSON')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['json']).default('json'))
    .addOption(new Option('-l, --locale <locale>', 'message language (id or en)').default('en'))
    .argument('<file>', 'a regulation file')
    .action(async (file: string, options: { locale: string }) => {
      exitCode = await runOutline(file, localeOf(options.locale));
    });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 2;
    }
    process.stderr.write(`perwal: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  return exitCode;
}

if (!isMainThread && parentPort) {
  const files = (workerData as { files: string[] }).files;
  Promise.all(files.map(checkOne)).then((results) => parentPort!.postMessage(results));
} else if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
