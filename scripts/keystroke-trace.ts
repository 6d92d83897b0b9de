// Keystrokes through the bundled server with V8's own traces, attributed to each keystroke: the bench's 200
// seeded edits on UU 11/2020, pulled with debounce 0, but over node IPC, so that the server's stdout is free
// for what V8 prints there (--trace-gc-nvp, --trace-deopt, …). The slowest keystrokes are listed with the
// collections that fell inside them. What showed that V8's collections were most of the keystroke tail, and
// that the first keystroke after opening ran deoptimised code.
//   node out/scripts/keystroke-trace.js [--seed N] [--push] [--server dist/server.js] [--trace trace.txt] [-- <node flags>]
// --push: as a client without pull diagnostics, timed to the publishDiagnostics carrying the edit's version.
// Without node flags after `--` the server runs with --trace-gc --trace-gc-nvp.

import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-jsonrpc/node';
import { machineCores, serverEnvironment, serverExecArgv } from '../server/src/launch/environment';
import { Mirror } from './bench-lsp';
import { percentile, prng } from './bench-stats';

interface Report {
  kind: 'full' | 'unchanged';
  resultId?: string;
}

export interface TracedKeystroke {
  index: number;
  ms: number;
  /** V8 trace lines the server printed while this keystroke was being answered. */
  trace: string[];
}

const EDITS = 200;

/** Runs the keystrokes; the trace goes to `tracePath` too, with a marker line before and after each keystroke. */
export async function traceKeystrokes(serverPath: string, text: string, seed: number, nodeFlags: string[], tracePath: string, push = false): Promise<TracedKeystroke[]> {
  const child = spawn(process.execPath, [...serverExecArgv(nodeFlags, machineCores()), serverPath, '--node-ipc'], {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    env: serverEnvironment(process.env, process.platform),
  });
  mkdirSync(path.dirname(tracePath), { recursive: true });
  const out = createWriteStream(tracePath);
  let current: string[] | undefined;
  let pending = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    out.write(chunk);
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    if (current) current.push(...lines.filter((line) => line.trim().length > 0));
  });
  const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  // Push: each version's publishDiagnostics resolves the wait for that version.
  const published = new Map<number, () => void>();
  connection.onNotification('textDocument/publishDiagnostics', (params: { version?: number }) => {
    if (params.version === undefined) return;
    const done = published.get(params.version);
    published.delete(params.version);
    done?.();
  });
  const publishedFor = (version: number): Promise<void> => new Promise((resolve) => published.set(version, resolve));
  connection.onRequest(() => null);
  connection.listen();
  const uri = 'file:///trace/keystroke.perwal';
  const pull = (previousResultId?: string): Promise<Report> => connection.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId }) as Promise<Report>;
  try {
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { textDocument: push ? { publishDiagnostics: { versionSupport: true } } : { publishDiagnostics: { versionSupport: true }, diagnostic: { dynamicRegistration: false } } },
      initializationOptions: { perwal: { debounceMs: 0 } },
    });
    await connection.sendNotification('initialized', {});
    const opened = publishedFor(1);
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'perwal', version: 1, text } });
    let report: Report | undefined;
    if (push) await opened;
    else report = await pull();
    const mirror = new Mirror(text, prng(seed));
    const keystrokes: TracedKeystroke[] = [];
    for (let index = 0; index < EDITS; index++) {
      const change = mirror.edit();
      const trace: string[] = [];
      current = trace;
      out.write(`=== keystroke ${index} starts\n`);
      const start = performance.now();
      const answered = publishedFor(index + 2);
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: index + 2 }, contentChanges: [change] });
      if (push) await answered;
      else report = await pull(report?.resultId);
      const ms = performance.now() - start;
      out.write(`=== keystroke ${index} answered in ${ms.toFixed(1)} ms\n`);
      keystrokes.push({ index, ms, trace });
    }
    current = undefined;
    await connection.sendRequest('shutdown');
    // The server writes what --cpu-prof and the like collected as it exits: wait for that (at most 10 s).
    const exited = new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      setTimeout(resolve, 10_000).unref();
    });
    await connection.sendNotification('exit');
    await exited;
    return keystrokes;
  } finally {
    connection.dispose();
    child.kill();
    out.end();
  }
}

/** "s 4.2 ms" for a --trace-gc-nvp line (s: scavenge, mc: mark-compact, ms: minor mark-sweep); other lines as they are. */
export function describeTraceLine(line: string): string {
  const fields = new Map([...line.matchAll(/(\S+)=(\S+)/g)].map((match) => [match[1], match[2]]));
  if (!fields.has('gc') || !fields.has('pause')) return line.trim().slice(0, 160);
  return `${fields.get('gc')} ${fields.get('pause')} ms`;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const dashes = args.indexOf('--');
  const nodeFlags = dashes >= 0 ? args.splice(dashes).slice(1) : ['--trace-gc', '--trace-gc-nvp'];
  const option = (name: string, fallback: string): string => {
    const at = args.indexOf(name);
    return at >= 0 && at + 1 < args.length ? args[at + 1] : fallback;
  };
  const root = path.join(__dirname, '..', '..');
  const serverPath = path.resolve(option('--server', path.join(root, 'dist', 'server.js')));
  // With the bench's other output (ignored by git), not wherever the command was run.
  const tracePath = path.resolve(option('--trace', path.join(root, 'bench-results', 'keystroke-trace.txt')));
  const seed = Number(option('--seed', '7'));
  const text = readFileSync(path.join(root, 'test', 'fixtures', 'corpus', 'mblx-uu-11-2020.txt'), 'utf8');
  traceKeystrokes(serverPath, text, seed, nodeFlags, tracePath, args.includes('--push')).then(
    (keystrokes) => {
      const times = keystrokes.map((keystroke) => keystroke.ms);
      console.log(`${keystrokes.length} keystrokes${args.includes('--push') ? ' (pushed)' : ''}, node flags ${nodeFlags.join(' ') || '(none)'}: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms; full trace in ${tracePath}`);
      console.log('slowest, with what V8 printed while each was answered:');
      for (const keystroke of [...keystrokes].sort((a, b) => b.ms - a.ms).slice(0, 15)) {
        console.log(`  #${keystroke.index} ${keystroke.ms.toFixed(1)} ms  ${keystroke.trace.map(describeTraceLine).join(' | ')}`);
      }
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exitCode = 1;
    },
  );
}
