// Keystroke latency through the real bundled server (dist/server.js --stdio) with a JSON-RPC client:
// single-character incremental didChange edits at random places (seeded), each timed from the moment the
// notification is written to the arrival of the publishDiagnostics carrying that version; bursts of edits
// sent in a few milliseconds, counting how many versions of the burst get analysed (published); and
// repeated didOpen/didClose of one document, watching the server's resident memory (/proc/<pid>/status).

import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { machineCores, serverEnvironment, serverExecArgv } from '../server/src/launch/environment';
import { percentile, prng } from './bench-stats';

interface Publish {
  uri: string;
  version?: number;
  diagnostics: unknown[];
  at: number;
}

export interface ServerOptions {
  serverPath: string;
  /** perwal.debounceMs sent in initializationOptions; undefined = the server's default. */
  debounceMs?: number;
  /** Extra node flags for the server process (e.g. --cpu-prof). */
  nodeFlags?: string[];
  /** Preload bench-server-probe.js (with --expose-gc) so that memory() works. */
  probe?: boolean;
  /** Advertise pull diagnostics (textDocument/diagnostic), as VS Code does; otherwise the server pushes. */
  pull?: boolean;
}

export interface ProbeUsage {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  /** Of heapUsed, V8's compiled code. */
  codeSpace: number;
  collected: boolean;
}

export class BenchServer {
  readonly process: ChildProcess;
  readonly connection: MessageConnection;
  readonly publishes: Publish[] = [];
  private waiters: { match: (p: Publish) => boolean; resolve: (p: Publish) => void }[] = [];
  private probeWaiters: ((usage: ProbeUsage) => void)[] = [];
  private probeBuffer = '';
  /** Publishes without a version and without diagnostics: what didClose sends. */
  emptyUnversioned = 0;
  stderr = '';

  constructor(readonly options: ServerOptions) {
    const probe = options.probe ? ['--expose-gc', '-r', path.join(__dirname, 'bench-server-probe.js')] : [];
    // The environment and Node options every launcher gives the server (the VS Code client, bin/perwal-language-server.js).
    const env = serverEnvironment(process.env, process.platform);
    const execArgv = serverExecArgv([...probe, ...(options.nodeFlags ?? [])], machineCores());
    this.process = spawn(process.execPath, [...execArgv, options.serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env });
    this.process.stderr!.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString()).slice(-4000);
      this.probeBuffer += chunk.toString();
      let newline: number;
      while ((newline = this.probeBuffer.indexOf('\n')) >= 0) {
        const line = this.probeBuffer.slice(0, newline);
        this.probeBuffer = this.probeBuffer.slice(newline + 1);
        if (line.startsWith('[bench-probe] ')) this.probeWaiters.shift()?.(JSON.parse(line.slice(14)) as ProbeUsage);
      }
    });
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: Omit<Publish, 'at'>) => {
      const publish = { ...params, at: performance.now() };
      this.publishes.push(publish);
      if (publish.version === undefined && publish.diagnostics.length === 0) this.emptyUnversioned++;
      const ready: typeof this.waiters = [];
      const keep: typeof this.waiters = [];
      for (const waiter of this.waiters) (waiter.match(publish) ? ready : keep).push(waiter);
      this.waiters = keep;
      for (const waiter of ready) waiter.resolve(publish);
    });
    this.connection.onNotification(() => undefined);
    this.connection.onRequest(() => null);
    this.connection.listen();
  }

  async initialize(): Promise<void> {
    const initializationOptions = this.options.debounceMs === undefined ? {} : { perwal: { debounceMs: this.options.debounceMs } };
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { textDocument: { publishDiagnostics: { versionSupport: true }, ...(this.options.pull ? { diagnostic: { dynamicRegistration: false } } : {}) } },
      initializationOptions,
    });
    await this.connection.sendNotification('initialized', {});
  }

  /** The next publishDiagnostics matching `match` (already received ones are not considered). */
  next(match: (p: Publish) => boolean, timeoutMs = 120_000): Promise<Publish> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no publishDiagnostics within ${timeoutMs} ms; server stderr: ${this.stderr}`)), timeoutMs);
      this.waiters.push({ match, resolve: (p) => { clearTimeout(timer); resolve(p); } });
    });
  }

  /** The server's memory after a full GC, through the preloaded probe (needs `probe: true`). */
  memory(timeoutMs = 30_000): Promise<ProbeUsage> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no answer from the memory probe')), timeoutMs);
      this.probeWaiters.push((usage) => { clearTimeout(timer); resolve(usage); });
      this.process.kill('SIGUSR2');
    });
  }

  /** Resident set size of the server process in bytes (Linux), or NaN. */
  rss(): number {
    try {
      const status = readFileSync(`/proc/${this.process.pid}/status`, 'utf8');
      const match = /VmRSS:\s+(\d+) kB/.exec(status);
      return match ? Number(match[1]) * 1024 : NaN;
    } catch {
      return NaN;
    }
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), delay(5000)]);
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    await Promise.race([new Promise((resolve) => this.process.once('exit', resolve)), delay(10_000)]);
    if (this.process.exitCode === null) this.process.kill();
    this.connection.dispose();
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * A client-side mirror of the document: random single-character edits and their LSP ranges. It keeps the text
 * as lines, not as one string: a new 1.3 MB string per edit made the bench client collect garbage while it
 * waited for the server, and those pauses were counted as the server's latency (up to ~10 ms at p95).
 */
export class Mirror {
  /** The last edit in offsets of the text before it. */
  lastChange = { start: 0, end: 0, newText: '' };
  /** The lines, each with its '\n' (the last one without); flat strings (joined, not concatenated: slices
   *  and ropes would keep the whole first text and every earlier version of a line alive, and in-process
   *  benches watch the heap). */
  private readonly lines: string[];
  /** Line lengths in a Fenwick tree: the line holding an offset, and the offset of a line, in O(log n). */
  private readonly tree: LineLengths;

  constructor(text: string, private readonly random: () => number) {
    this.lines = text.split('\n').map((line, i, all) => [line, i < all.length - 1 ? '\n' : ''].join(''));
    this.tree = new LineLengths(this.lines.map((line) => line.length));
  }

  /** The current text, joined (for in-process benches; the server bench never needs it). */
  get text(): string {
    return this.lines.join('');
  }

  /** Inserts a letter, or (one time in three) deletes a non-newline character; returns the LSP change. */
  edit(): { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string } {
    for (;;) {
      const offset = Math.floor(this.random() * this.tree.total);
      const line = this.tree.lineAt(offset);
      const character = offset - this.tree.startOf(line);
      const content = this.lines[line];
      const here = content.charCodeAt(character);
      const before = character > 0 ? content.charCodeAt(character - 1) : line > 0 ? this.lines[line - 1].charCodeAt(this.lines[line - 1].length - 1) : Number.NaN;
      if (here === 10 || here === 13 || before === 13) continue; // stay off line breaks (and CRLF halves)
      if ((here & 0xfc00) === 0xdc00) continue; // not inside a surrogate pair
      const start = { line, character };
      if (this.random() < 1 / 3 && (here & 0xfc00) !== 0xd800) {
        this.lastChange = { start: offset, end: offset + 1, newText: '' };
        this.lines[line] = [content.slice(0, character), content.slice(character + 1)].join('');
        this.tree.add(line, -1);
        return { range: { start, end: { line, character: character + 1 } }, text: '' };
      }
      const letter = String.fromCharCode(97 + Math.floor(this.random() * 26));
      this.lastChange = { start: offset, end: offset, newText: letter };
      this.lines[line] = [content.slice(0, character), letter, content.slice(character)].join('');
      this.tree.add(line, 1);
      return { range: { start, end: start }, text: letter };
    }
  }
}

/** A Fenwick (binary indexed) tree over line lengths. */
class LineLengths {
  private readonly sums: number[];
  total = 0;

  constructor(lengths: readonly number[]) {
    this.sums = new Array<number>(lengths.length + 1).fill(0);
    lengths.forEach((length, line) => this.add(line, length));
  }

  add(line: number, delta: number): void {
    this.total += delta;
    for (let i = line + 1; i < this.sums.length; i += i & -i) this.sums[i] += delta;
  }

  /** The offset where `line` starts. */
  startOf(line: number): number {
    let sum = 0;
    for (let i = line; i > 0; i -= i & -i) sum += this.sums[i];
    return sum;
  }

  /** The line holding `offset` (0 ≤ offset < total): the last line whose start is ≤ offset. */
  lineAt(offset: number): number {
    let line = 0;
    let rest = offset;
    for (let step = 1 << Math.floor(Math.log2(this.sums.length)); step > 0; step >>= 1) {
      const next = line + step;
      if (next < this.sums.length && this.sums[next] <= rest) {
        line = next;
        rest -= this.sums[next];
      }
    }
    return line;
  }
}

/** A pull result (textDocument/diagnostic): the full list, or "unchanged" from the previous report. */
type Report = { kind: 'full'; resultId?: string; items: unknown[] } | { kind: 'unchanged'; resultId: string };

export interface LatencyResult {
  /** push: time to the publishDiagnostics of the version; pull: time from the didChange to the pull result (as VS Code asks). */
  mode: 'push' | 'pull';
  /** Pull mode: how many of the edits were answered "unchanged" (a few bytes instead of every diagnostic). */
  unchanged: number;
  debounceMs: number | 'default';
  edits: number;
  p50: number;
  p95: number;
  max: number;
  /** Time to the first diagnostics after didOpen. */
  openMs: number;
  bursts: { size: number; published: number; lastVersionPublished: boolean; publishedVersions: number[]; latencyMs: number }[];
  versioned: boolean;
  /** Per sequential edit, in order: its change (offsets of the text before it) and its latency. */
  timeline: { change: { start: number; end: number; newText: string }; ms: number }[];
}

/** One server, one document: `edits` sequential edits (each waits for its diagnostics), then `bursts` bursts. */
/**
 * `gapMs`: a pause before each keystroke, as between a typist's keys (the bench itself sends them back to back,
 * the worst case: whatever the server does after answering then delays the next keystroke).
 */
export async function keystrokeLatency(serverPath: string, text: string, options: { debounceMs?: number; edits: number; bursts: number; burstSize: number; seed: number; nodeFlags?: string[]; pull?: boolean; gapMs?: number }): Promise<LatencyResult> {
  if (options.pull) return pulledKeystrokeLatency(serverPath, text, options);
  const server = new BenchServer({ serverPath, debounceMs: options.debounceMs, nodeFlags: options.nodeFlags });
  const uri = 'file:///bench/keystroke.perwal';
  try {
    await server.initialize();
    const mirror = new Mirror(text, prng(options.seed));
    let version = 1;
    const openStart = performance.now();
    const opened = server.next((p) => p.uri === uri && p.version === 1);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'perwal', version, text } });
    const first = await opened;
    const openMs = first.at - openStart;
    const versioned = first.version === 1;
    const latencies: number[] = [];
    const timeline: LatencyResult['timeline'] = [];
    for (let i = 0; i < options.edits; i++) {
      if (options.gapMs) await delay(options.gapMs);
      const change = mirror.edit();
      version++;
      const v = version;
      const published = server.next((p) => p.uri === uri && p.version === v);
      const start = performance.now();
      await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [change] });
      const publish = await published;
      latencies.push(publish.at - start);
      timeline.push({ change: mirror.lastChange, ms: publish.at - start });
    }
    const bursts: LatencyResult['bursts'] = [];
    const quiet = Math.max(500, 3 * percentile(latencies, 95));
    for (let b = 0; b < options.bursts; b++) {
      const firstVersion = version + 1;
      const lastVersion = version + options.burstSize;
      const before = server.publishes.length;
      const last = server.next((p) => p.uri === uri && p.version === lastVersion);
      const start = performance.now();
      for (let i = 0; i < options.burstSize; i++) {
        version++;
        // Not awaited one by one: all of the burst is written within a few milliseconds.
        void server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [mirror.edit()] });
      }
      const publish = await last;
      await delay(quiet);
      const inBurst = server.publishes.slice(before).filter((p) => p.uri === uri && p.version !== undefined && p.version >= firstVersion && p.version <= lastVersion);
      bursts.push({ size: options.burstSize, published: inBurst.length, lastVersionPublished: inBurst.some((p) => p.version === lastVersion), publishedVersions: inBurst.map((p) => p.version! - firstVersion + 1), latencyMs: publish.at - start });
    }
    return {
      mode: 'push',
      unchanged: 0,
      debounceMs: options.debounceMs ?? 'default',
      edits: latencies.length,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      max: Math.max(...latencies),
      openMs,
      bursts,
      versioned,
      timeline,
    };
  } finally {
    await server.stop();
  }
}

/**
 * The same edits with a client that pulls, as VS Code does: didChange, then textDocument/diagnostic with the
 * last result id, timed to the answer. The result id must name the edit's version; at the end the diagnostics
 * the client holds (full lists, kept through "unchanged") must equal a fresh full report, or the run fails.
 */
async function pulledKeystrokeLatency(serverPath: string, text: string, options: { debounceMs?: number; edits: number; bursts: number; seed: number; nodeFlags?: string[]; gapMs?: number }): Promise<LatencyResult> {
  if (options.bursts > 0) throw new Error('bursts are measured in push mode (a pulling client cancels its own requests)');
  const server = new BenchServer({ serverPath, debounceMs: options.debounceMs, nodeFlags: options.nodeFlags, pull: true });
  const uri = 'file:///bench/keystroke.perwal';
  const pull = (previousResultId?: string): Promise<Report> => server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId }) as Promise<Report>;
  try {
    await server.initialize();
    const mirror = new Mirror(text, prng(options.seed));
    let version = 1;
    const openStart = performance.now();
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'perwal', version, text } });
    let report = await pull();
    const openMs = performance.now() - openStart;
    if (report.kind !== 'full') throw new Error('the first pull must give the full list');
    let held = report.items;
    let unchanged = 0;
    const latencies: number[] = [];
    const timeline: LatencyResult['timeline'] = [];
    for (let i = 0; i < options.edits; i++) {
      if (options.gapMs) await delay(options.gapMs);
      const change = mirror.edit();
      version++;
      const start = performance.now();
      await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      report = await pull(report.resultId);
      const ms = performance.now() - start;
      if (!report.resultId?.startsWith(`${version}.`)) throw new Error(`pull after version ${version} answered ${report.resultId}`);
      if (report.kind === 'full') held = report.items;
      else unchanged++;
      latencies.push(ms);
      timeline.push({ change: mirror.lastChange, ms });
    }
    const fresh = await pull();
    if (fresh.kind !== 'full' || JSON.stringify(fresh.items) !== JSON.stringify(held)) throw new Error('pull mode: the diagnostics the client holds differ from a full report of the same version');
    return {
      mode: 'pull', unchanged, debounceMs: options.debounceMs ?? 'default', edits: latencies.length,
      p50: percentile(latencies, 50), p95: percentile(latencies, 95), max: Math.max(...latencies), openMs, bursts: [], versioned: true, timeline,
    };
  } finally {
    await server.stop();
  }
}

export interface OpenCloseResult {
  cycles: number;
  analysed: number;
  /** Server heap (used + external, after GC) with nothing open, with the document open and analysed, after closing it. */
  heapIdle: number;
  heapOneOpen: number;
  heapClosed: number;
  /**
   * V8's compiled code with nothing open and with the document open: the first analysis compiles ~0.5 MB of
   * code, which heapOneOpen - heapIdle holds; it is the process's, not the document's.
   */
  codeIdle: number;
  codeOneOpen: number;
  heapAfterWarmup: number;
  heapEnd: number;
  /** Heap (used + external) after each tenth of the cycles; the first is heapAfterWarmup, the last heapEnd. */
  heapByTenth: number[];
  /** Of the heap, V8's compiled code, after the first tenth and at the end. */
  codeAfterWarmup: number;
  codeEnd: number;
  rssAfterWarmup: number;
  rssEnd: number;
  seconds: number;
}

/**
 * Through the server (with the memory probe): the heap with the document open and analysed; then `cycles` ×
 * (didOpen, didClose), the heap after GC after 10 % of the cycles and at the end.
 */
export async function openCloseThroughServer(serverPath: string, text: string, cycles: number): Promise<OpenCloseResult> {
  if (!(cycles >= 1)) throw new Error(`open/close cycles: at least one, not ${cycles}`);
  const server = new BenchServer({ serverPath, probe: true });
  const uri = 'file:///bench/open-close.perwal';
  const start = performance.now();
  const used = (usage: ProbeUsage): number => usage.heapUsed + usage.external;
  try {
    await server.initialize();
    const idle = await server.memory();
    const heapIdle = used(idle);
    const analysed1 = server.next((p) => p.uri === uri && p.version === 1);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'perwal', version: 1, text } });
    await analysed1;
    const oneOpen = await server.memory();
    const heapOneOpen = used(oneOpen);
    const closed1 = server.next((p) => p.uri === uri && p.version === undefined);
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await closed1;
    const heapClosed = used(await server.memory());
    const before = server.publishes.length;
    let rssAfterWarmup = NaN;
    const byTenth: ProbeUsage[] = [];
    // Pipelined in batches of BATCH pairs (the client serialises while the server parses), waiting for the
    // batch's last close (each close publishes empty diagnostics).
    const BATCH = 5;
    const closesBefore = server.emptyUnversioned;
    let pending: Promise<Publish> | undefined;
    for (let i = 1; i <= cycles; i++) {
      const target = closesBefore + i;
      const closed = server.next(() => server.emptyUnversioned >= target);
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'perwal', version: 1, text } });
      await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      pending = closed;
      const tenth = i % Math.ceil(cycles / 10) === 0 || i === cycles;
      if (i % BATCH === 0 || tenth) await pending;
      if (tenth) {
        byTenth.push(await server.memory());
        if (byTenth.length === 1) rssAfterWarmup = server.rss();
      }
    }
    const rssEnd = server.rss();
    const analysed = server.publishes.slice(before).filter((p) => p.uri === uri && p.version !== undefined).length;
    const first = byTenth[0];
    const last = byTenth[byTenth.length - 1];
    return {
      cycles, analysed, heapIdle, heapOneOpen, heapClosed, codeIdle: idle.codeSpace, codeOneOpen: oneOpen.codeSpace, heapAfterWarmup: used(first), heapEnd: used(last), heapByTenth: byTenth.map(used),
      codeAfterWarmup: first.codeSpace, codeEnd: last.codeSpace, rssAfterWarmup, rssEnd, seconds: (performance.now() - start) / 1000,
    };
  } finally {
    await server.stop();
  }
}
