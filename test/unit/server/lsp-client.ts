// A small LSP client for the protocol tests: spawns `node dist/server.js --stdio`, speaks JSON-RPC with
// vscode-jsonrpc, records what the server pushes (diagnostics, messages, logs) and lets tests await it.
// No fixed sleeps: every wait is a promise on a notification, with a timeout that says what was awaited.

import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { CancellationToken, createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type {
  ClientCapabilities, Diagnostic, DocumentDiagnosticReport, InitializeResult, LogMessageParams, PublishDiagnosticsParams, ShowMessageParams,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver';

export const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
export const SERVER = path.join(ROOT, 'dist', 'server.js');
const WAIT_MS = 10_000;

/** Rebuilds dist/server.js when it is missing or older than a server source (so `mocha` alone tests fresh code). */
export function ensureServerBuilt(): void {
  const built = statOrUndefined(SERVER)?.mtimeMs ?? -1;
  const newest = newestMtime(path.join(ROOT, 'server', 'src'));
  if (built < newest) execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
}

function statOrUndefined(file: string): { mtimeMs: number } | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

function newestMtime(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

export function seed(name: string): string {
  return readFileSync(path.join(ROOT, 'test', 'fixtures', 'seeds', name), 'utf8');
}

export interface StartOptions {
  readonly locale?: string;
  /** What the client answers to workspace/configuration for "perwal" (undefined: no configuration capability). */
  readonly settings?: unknown;
  readonly capabilities?: ClientCapabilities;
  readonly initializationOptions?: unknown;
  /** Script and arguments to start (default: dist/server.js --stdio). */
  readonly command?: string[];
  /** The environment of the started process (default: this one's). */
  readonly env?: NodeJS.ProcessEnv;
}

interface Waiter<T> {
  readonly check: () => T | undefined;
  readonly resolve: (value: T) => void;
}

export class TestClient {
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  readonly publishes: PublishDiagnosticsParams[] = [];
  readonly messages: ShowMessageParams[] = [];
  readonly logs: string[] = [];
  readonly stderr: string[] = [];
  /** workspace/diagnostic/refresh requests received (pull mode). */
  refreshes = 0;
  private readonly waiters = new Set<Waiter<unknown>>();
  private readonly versions = new Map<string, number>();
  settings: unknown;
  initializeResult!: InitializeResult;

  private constructor(readonly process: ChildProcess, readonly connection: MessageConnection) {}

  static async start(options: StartOptions = {}): Promise<TestClient> {
    const child = spawn(process.execPath, options.command ?? [SERVER, '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'], env: options.env ?? process.env });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new TestClient(child, connection);
    client.settings = options.settings;
    child.stderr!.on('data', (chunk: Buffer) => client.stderr.push(chunk.toString()));
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      client.diagnostics.set(params.uri, params);
      client.publishes.push(params);
      client.wake();
    });
    connection.onNotification('window/showMessage', (params: ShowMessageParams) => {
      client.messages.push(params);
      client.wake();
    });
    connection.onNotification('window/logMessage', (params: LogMessageParams) => {
      client.logs.push(params.message);
      client.wake();
    });
    connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section === 'perwal' ? client.settings : null)));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/diagnostic/refresh', () => {
      client.refreshes++;
      client.wake();
      return null;
    });
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.listen();
    const capabilities: ClientCapabilities = options.capabilities ?? {
      workspace: { configuration: options.settings !== undefined, didChangeConfiguration: { dynamicRegistration: true }, workspaceEdit: { documentChanges: true } },
      textDocument: {
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        definition: { linkSupport: true },
        rename: { prepareSupport: true },
        publishDiagnostics: { relatedInformation: true, versionSupport: true },
      },
    };
    client.initializeResult = await connection.sendRequest('initialize', {
      processId: process.pid, rootUri: null, capabilities, locale: options.locale, initializationOptions: options.initializationOptions,
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.process.exitCode !== null) resolve();
      else this.process.once('exit', () => resolve());
    });
    try {
      await withTimeout(this.connection.sendRequest('shutdown'), 2000, 'shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      this.process.kill();
    }
    await withTimeout(exited, 3000, 'server exit').catch(() => this.process.kill('SIGKILL'));
    this.connection.dispose();
  }

  get alive(): boolean {
    return this.process.exitCode === null && this.process.signalCode === null;
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  async open(uri: string, text: string, languageId = 'perwal'): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Sends changes and returns the new version. */
  async change(uri: string, contentChanges: TextDocumentContentChangeEvent[], version?: number): Promise<number> {
    const next = version ?? (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, Math.max(next, this.versions.get(uri) ?? 0));
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: next }, contentChanges });
    return next;
  }

  /** textDocument/diagnostic (pull): the report for the document's current version. */
  pull(uri: string, previousResultId?: string, token?: CancellationToken): Promise<DocumentDiagnosticReport> {
    const params = { textDocument: { uri }, previousResultId };
    // A string method with two arguments would be sent as positional parameters: the token only when there is one.
    return (token ? this.connection.sendRequest('textDocument/diagnostic', params, token) : this.connection.sendRequest('textDocument/diagnostic', params)) as Promise<DocumentDiagnosticReport>;
  }

  /** Resolves once the server has asked the client to pull again `count` times in all. */
  refreshed(count: number): Promise<number> {
    return this.waitFor(() => (this.refreshes >= count ? this.refreshes : undefined), `${count} workspace/diagnostic/refresh`, () => String(this.refreshes));
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Resolves with the latest diagnostics of `uri` once `predicate` holds for them (checked now and on every publish). */
  diagnosticsFor(uri: string, predicate: (diagnostics: Diagnostic[], params: PublishDiagnosticsParams) => boolean = () => true, what = 'diagnostics'): Promise<Diagnostic[]> {
    return this.waitFor(() => {
      const params = this.diagnostics.get(uri);
      return params && predicate(params.diagnostics, params) ? params.diagnostics : undefined;
    }, `${what} for ${uri}`, () => JSON.stringify(this.diagnostics.get(uri)?.diagnostics.map((d) => `${d.range.start.line}:${d.code}`)));
  }

  message(predicate: (message: ShowMessageParams) => boolean, what: string): Promise<ShowMessageParams> {
    return this.waitFor(() => this.messages.find(predicate), what, () => JSON.stringify(this.messages));
  }

  log(predicate: (line: string) => boolean, what: string): Promise<string> {
    return this.waitFor(() => this.logs.find(predicate), what, () => JSON.stringify(this.logs.slice(-5)));
  }

  private waitFor<T>(check: () => T | undefined, what: string, state: () => string): Promise<T> {
    const now = check();
    if (now !== undefined) return Promise.resolve(now);
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter<T> = { check, resolve: (value) => { clearTimeout(timer); this.waiters.delete(waiter as Waiter<unknown>); resolve(value); } };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter as Waiter<unknown>);
        reject(new Error(`timed out after ${WAIT_MS} ms waiting for ${what}; last: ${state()}; server stderr: ${this.stderr.join('').slice(-500)}`));
      }, WAIT_MS);
      this.waiters.add(waiter as Waiter<unknown>);
    });
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) {
      const value = waiter.check();
      if (value !== undefined) waiter.resolve(value);
    }
  }
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms); }),
  ]);
}

/** 0-based line of the first line matching `pattern` at or after `from`. */
export function lineMatching(text: string, pattern: RegExp, from = 0): number {
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = from; i < lines.length; i++) if (pattern.test(lines[i])) return i;
  throw new Error(`no line matches ${pattern}`);
}

/** Position of `needle` on line `line` (+ `shift` characters). */
export function positionOf(text: string, line: number, needle: string, shift = 0): { line: number; character: number } {
  const content = text.split(/\r\n|\r|\n/)[line];
  const character = content.indexOf(needle);
  if (character < 0) throw new Error(`"${needle}" not on line ${line}: ${content}`);
  return { line, character: character + shift };
}
