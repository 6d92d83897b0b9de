// The server survives its client: after each bad thing a client can do, the NEXT request still gets a
// correct answer (checked against the kupang seed: its outline and a definition whose target is known).
// The real bundled server (dist/server.js) over stdio; raw garbage goes to separate server processes.
// Complements the "language server robustness" block of server/protocol.test.ts (which covers unknown
// documents, stale versions, wild positions, failing handlers, empty and binary text, initial bad settings).

import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import type { DocumentSymbol, Hover, Location, LocationLink } from 'vscode-languageserver';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import * as path from 'node:path';
import { ensureServerBuilt, positionOf, ROOT, seed, SERVER, TestClient, withTimeout } from './server/lsp-client';

const KUPANG = 'file:///robustness/kupang.perwal';
const kupangText = seed('kupang-perwal-49-2021.txt');

/** The check after every disturbance: the outline and a definition on the kupang seed are right, promptly. */
async function answersCorrectly(client: TestClient, what: string, withinMs = 5_000): Promise<void> {
  const symbols = await withTimeout(client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: KUPANG } }), withinMs, `documentSymbol after ${what}`);
  assert.equal(symbols[0]?.name, 'BAB I', `outline after ${what}`);
  const links = await withTimeout(client.request<Array<LocationLink | Location>>('textDocument/definition', { textDocument: { uri: KUPANG }, position: positionOf(kupangText, 59, 'ayat (1)', 2) }), withinMs, `definition after ${what}`);
  assert.deepEqual(links.map((link) => ('targetSelectionRange' in link ? link.targetSelectionRange : link.range).start.line), [58], `definition after ${what}`);
  assert.ok(client.alive, `server alive after ${what}`);
}

function rssMegabytes(pid: number): number {
  const match = /VmRSS:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

const lines = (...content: string[]): string => content.join('\n');
const symbolNames = (symbols: DocumentSymbol[]): string[] => symbols.flatMap((symbol) => [symbol.name, ...symbolNames(symbol.children ?? [])]);

describe('server robustness: the next request is answered correctly', function () {
  this.timeout(30_000);
  let client: TestClient;

  before(async () => {
    ensureServerBuilt();
    client = await TestClient.start({ locale: 'en', settings: {} });
    await client.open(KUPANG, kupangText);
    await answersCorrectly(client, 'start');
  });

  after(async () => {
    await client?.stop();
  });

  it('didChange for a document that is not open', async () => {
    await client.change('file:///robustness/never-opened.perwal', [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }], 7);
    await answersCorrectly(client, 'didChange for an unknown document');
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///robustness/never-opened.perwal' } }), []);
  });

  it('a stale version is ignored; a repeated version with other text does not leave a stale analysis', async () => {
    const uri = 'file:///robustness/versions.perwal';
    await client.open(uri, lines('Pasal 1', '', 'Satu.'));
    await client.change(uri, [{ text: lines('Pasal 1', '', 'Satu.', '', 'Pasal 2', '', 'Dua.') }], 5);
    await client.change(uri, [{ text: 'Pasal 9' }], 2);
    const afterStale = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbolNames(afterStale), ['Pasal 1', 'Pasal 2'], 'the stale version 2 was ignored');
    await answersCorrectly(client, 'a stale version');
  });

  // A didChange whose version equals the open one must not leave answers from the old text's analysis.
  it('a repeated version with different text is either ignored or re-analysed, never half-applied', async () => {
    const uri = 'file:///robustness/repeated.perwal';
    await client.open(uri, lines('Pasal 1', '', 'Satu.'));
    await client.change(uri, [{ text: lines('Pasal 1', '', 'Satu.', '', 'Pasal 2', '', 'Dua.') }], 5);
    await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    await client.change(uri, [{ text: lines('Pasal 7', '', 'Tujuh.') }], 5);
    const answered = symbolNames(await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } }));
    // An insertion at the very start with a new version reveals which text the server really holds.
    await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }], 6);
    const held = symbolNames(await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } }));
    assert.deepEqual(answered, held, 'the answer for the repeated version matches the text the server holds');
    await answersCorrectly(client, 'a repeated version');
  });

  it('incremental changes with ranges out of bounds, reversed or negative are clamped', async () => {
    const uri = 'file:///robustness/ranges.perwal';
    await client.open(uri, lines('Pasal 1', '', 'Satu.', ''));
    const far = { line: 9_999, character: 9_999 };
    await client.change(uri, [{ range: { start: far, end: far }, text: lines('', 'Pasal 2', '', 'Dua.', '') }]);
    await client.change(uri, [{ range: { start: { line: -5, character: -5 }, end: { line: -1, character: 0 } }, text: '' }]);
    await client.change(uri, [{ range: { start: { line: 2, character: 400 }, end: { line: 2, character: 0 } }, text: 'Satu lagi.' }]);
    const names = symbolNames(await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } }));
    assert.deepEqual(names, ['Pasal 1', 'Pasal 2'], 'the far insertion landed at the end; the reversed range replaced line 3');
    await answersCorrectly(client, 'out-of-bounds ranges');
  });

  it('unknown methods: MethodNotFound for requests, silence for notifications', async () => {
    await assert.rejects(client.request('perwal/doesNotExist', { x: 1 }), (error: { code?: number }) => error.code === -32601);
    await client.connection.sendNotification('perwal/doesNotExistEither', { x: 1 });
    await client.connection.sendNotification('$/somethingOptional', {});
    await answersCorrectly(client, 'unknown methods');
  });

  it('requests cancelled mid-way ($/cancelRequest) answer or report cancellation; the next one is right', async () => {
    const uri = 'file:///robustness/cancelled.perwal';
    await client.open(uri, kupangText.repeat(20));
    const sources = Array.from({ length: 5 }, () => new CancellationTokenSource());
    const pending = sources.map((source, i) => client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }, source.token).then(
      () => 'answered',
      (error: { code?: number }) => {
        assert.equal(error.code, -32800, `request ${i}: a cancelled request fails with RequestCancelled`);
        return 'cancelled';
      },
    ));
    for (const source of sources) source.cancel();
    const outcomes = await Promise.all(pending);
    assert.equal(outcomes.length, 5);
    await answersCorrectly(client, 'cancelled requests');
  });

  it('binary content and an empty document answer with empty results', async () => {
    const binary = Buffer.from(Array.from({ length: 50_000 }, (_, i) => (i * 7919) % 256)).toString('latin1') + '\u0000\uFFFF\uD800';
    await client.open('file:///robustness/binary.perwal', binary);
    await client.open('file:///robustness/empty.perwal', '');
    for (const uri of ['file:///robustness/binary.perwal', 'file:///robustness/empty.perwal']) {
      await client.request('textDocument/documentSymbol', { textDocument: { uri } });
      await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } });
      await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 0 } });
      await client.request('textDocument/foldingRange', { textDocument: { uri } });
      await client.request('textDocument/semanticTokens/full', { textDocument: { uri } });
    }
    // The empty document may still have an (empty) Judul part; nothing may reach past 0:0.
    const empty = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: 'file:///robustness/empty.perwal' } });
    assert.ok(empty.every((symbol) => symbol.range.end.line === 0 && symbol.range.end.character === 0), JSON.stringify(empty));
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: 'file:///robustness/empty.perwal' }, position: { line: 0, character: 0 } }), null);
    await answersCorrectly(client, 'binary and empty documents');
  });

  it('UTF-16 positions after emoji, ZWJ sequences and combining marks land on the right characters', async () => {
    const uri = 'file:///robustness/utf16.perwal';
    const prefix = '(2) 😀 👨‍👩‍👧 🇮🇩 Cafe\u0301 e\u0301\u0302 ';
    const text = lines('Pasal 1', '', '(1) Satu.', `${prefix}Sebagaimana dimaksud pada ayat (1) berlaku.`, '', 'Pasal 2', '', `👍🏽 Lihat Pasal 1.`);
    await client.open(uri, text);
    const line3 = text.split('\n')[3];
    const at = line3.indexOf('ayat (1)');
    const links = await client.request<LocationLink[]>('textDocument/definition', { textDocument: { uri }, position: { line: 3, character: at + 6 } });
    assert.equal(links.length, 1, 'one target');
    assert.deepEqual(links[0].originSelectionRange, { start: { line: 3, character: at }, end: { line: 3, character: at + 'ayat (1)'.length } }, 'origin in UTF-16 code units');
    assert.equal(links[0].targetSelectionRange.start.line, 2);
    const line7 = text.split('\n')[7];
    const pasal = line7.indexOf('Pasal 1');
    const toPasal = await client.request<LocationLink[]>('textDocument/definition', { textDocument: { uri }, position: { line: 7, character: pasal + 6 } });
    assert.deepEqual(toPasal.map((link) => [link.originSelectionRange?.start.character, link.targetSelectionRange.start.line]), [[pasal, 0]]);
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: at + 1 } });
    assert.ok(hover, 'hover on the reference after the emoji');
    assert.deepEqual(hover.range?.start, { line: 3, character: at });
    // Inside a surrogate pair or a combining sequence: an answer, never an exception.
    await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 5 } });
    await client.request('textDocument/definition', { textDocument: { uri }, position: { line: 3, character: prefix.indexOf('\u0301') } });
    await answersCorrectly(client, 'UTF-16 positions');
  });

  it('bad settings pushed later: ONE warning naming each setting, defaults used, no crash', async () => {
    const bad = { client: await TestClient.start({ locale: 'en', capabilities: {} }) };
    try {
      await bad.client.open(KUPANG, kupangText);
      const push = (perwal: unknown): Promise<void> => bad.client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { perwal } });
      await push({ maxFileSizeMB: -1, debounceMs: '10', detectLanguage: 'yes', severity: { 'numbering-gap': 'fatal', 'duplicate-number': 3 } });
      const warning = await bad.client.message((message) => message.type === 2 && /invalid setting/.test(message.message), 'the settings warning');
      for (const name of ['perwal.maxFileSizeMB', 'perwal.debounceMs', 'perwal.detectLanguage', 'perwal.severity.numbering-gap', 'perwal.severity.duplicate-number']) {
        assert.ok(warning.message.includes(name), `the warning names ${name}: ${warning.message}`);
      }
      assert.match(warning.message, /using the default 20/);
      await push({ maxFileSizeMB: -1, debounceMs: '10', detectLanguage: 'yes', severity: { 'numbering-gap': 'fatal', 'duplicate-number': 3 } });
      await answersCorrectly(bad.client, 'bad settings');
      assert.equal(bad.client.messages.filter((message) => /invalid setting/.test(message.message)).length, 1, 'the same bad settings again: no second warning');
      await push('not an object');
      const section = await bad.client.message((message) => /perwal = "not an object"/.test(message.message), 'the warning about the whole section');
      assert.match(section.message, /expected an object of settings/);
      await push({ maxFileSizeMB: Number.MAX_VALUE, debounceMs: 10_001, locale: null, severity: null });
      await answersCorrectly(bad.client, 'more bad settings');
      const diagnostics = await bad.client.diagnosticsFor(KUPANG, (list) => list.some((d) => d.code === 'malformed-heading'), 'diagnostics with the defaults');
      assert.ok(diagnostics.length > 0);
    } finally {
      await bad.client.stop();
    }
  });

  it('a document over perwal.maxFileSizeMB gets structure only and ONE clear message; the server stays responsive', async () => {
    const small = await TestClient.start({ locale: 'en', settings: { maxFileSizeMB: 0.5 } });
    try {
      await small.open(KUPANG, kupangText);
      const uri = 'file:///robustness/large.perwal';
      const large = kupangText.repeat(Math.ceil((0.8 * 1024 * 1024) / kupangText.length));
      await small.open(uri, large);
      const message = await small.message((m) => /maxFileSizeMB/.test(m.message), 'the size message');
      assert.match(message.message, /large\.perwal is 0\.\d MB, above perwal\.maxFileSizeMB \(0\.5 MB\): only the structure/);
      await small.diagnosticsFor(uri, (list) => list.length === 0, 'no diagnostics above the limit');
      const symbols = await small.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.equal(symbols[0]?.name, 'BAB I', 'structure (outline) is still there');
      await answersCorrectly(small, 'a document over the size limit');
      assert.equal(small.messages.filter((m) => /maxFileSizeMB/.test(m.message)).length, 1, 'one message');
    } finally {
      await small.stop();
    }
  });

  // Above the limit only the structure is computed, in a worker thread (server/src/server/structure-worker.ts),
  // with a scan that jumps to the lines that can be headings (server/src/syntax/structure-scan.ts). Was: the next request on ANOTHER document answered after 45 s (whole
  // structure parse), then ~5 s (headings-only line by line); documentSymbol on the large one took 68 s. The
  // bounds are liveness bounds for a loaded 2-core machine, not performance figures (those are printed by
  // `node out/scripts/bench-huge.js`); the latencies are logged so a slow CI run shows where it stands.
  it('a 50 MB document (default limit 20 MB): requests are answered within 5 s while its structure is computed', async function () {
    this.timeout(180_000);
    const uri = 'file:///robustness/fifty.perwal';
    const fifty = kupangText.repeat(Math.ceil((50 * 1024 * 1024) / kupangText.length));
    await client.open(uri, fifty);
    let started = performance.now();
    await answersCorrectly(client, 'opening a 50 MB document', 5_000);
    const nextMs = performance.now() - started;
    const message = await client.message((m) => /fifty\.perwal is 5\d\.\d MB, above perwal\.maxFileSizeMB \(20 MB\)/.test(m.message), 'the size message');
    assert.ok(message);
    // The outline of the huge text is computed in a worker thread: meanwhile the server keeps answering.
    started = performance.now();
    const outline = client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    await answersCorrectly(client, 'while the outline of the 50 MB document is computed', 5_000);
    const duringMs = performance.now() - started;
    const symbols = await withTimeout(outline, 120_000, 'the outline of the 50 MB document');
    const outlineMs = performance.now() - started;
    assert.equal(symbols[0]?.name, 'BAB I', 'the structure of the 50 MB document');
    assert.equal(client.messages.filter((m) => /fifty\.perwal.*maxFileSizeMB/.test(m.message)).length, 1, 'one message');
    console.log(`      50 MB: next request ${nextMs.toFixed(0)} ms, another request during its outline ${duringMs.toFixed(0)} ms, documentSymbol ${outlineMs.toFixed(0)} ms (${symbols.length} top-level symbols)`);
    await client.close(uri);
    await answersCorrectly(client, 'closing the 50 MB document');
  });
});

describe('server robustness: garbage on stdin (a fresh server process each)', function () {
  this.timeout(20_000);
  before(() => ensureServerBuilt());

  const frame = (body: string | Buffer): Buffer => {
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    return Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n\r\n`, 'ascii'), bytes]);
  };
  const message = (value: unknown): Buffer => frame(JSON.stringify(value));
  const initialize = message({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
  const probe = message({ jsonrpc: '2.0', id: 42, method: 'workspace/symbol', params: { query: '' } });

  /** Sends initialize, then `garbage`, then a well-formed request; resolves with what happened to it. */
  function afterGarbage(garbage: Buffer): Promise<{ answered: boolean; exited: boolean; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      let initialized = false;
      const finish = (outcome: { answered: boolean; exited: boolean }): void => {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        child.kill('SIGKILL');
        resolve({ ...outcome, stderr });
      };
      const timer = setTimeout(() => finish({ answered: false, exited: false }), 4_000);
      child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('exit', () => finish({ answered: false, exited: true }));
      child.stdout!.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (!initialized && stdout.includes('"id":1,"result"')) {
          initialized = true;
          child.stdin!.write(garbage);
          setTimeout(() => child.stdin!.write(probe), 100);
        }
        if (/"id":42,"result":\[\]/.test(stdout)) finish({ answered: true, exited: false });
      });
      child.stdin!.on('error', () => undefined);
      child.stdin!.write(initialize);
    });
  }

  const recoverable: Array<[string, Buffer]> = [
    ['a body that is not JSON', frame('{not json')],
    ['JSON that is not JSON-RPC', message({ hello: 'world' })],
    ['a request with params of the wrong type', message({ jsonrpc: '2.0', id: 7, method: 'textDocument/hover', params: 'nonsense' })],
    ['a batch (array) of requests', message([{ jsonrpc: '2.0', id: 8, method: 'shutdown' }])],
    ['a notification for an unknown method with binary params', message({ jsonrpc: '2.0', method: 'x/y', params: { bytes: '\u0000\uFFFF' } })],
    ['a body with invalid UTF-8', frame(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]))],
  ];
  for (const [name, garbage] of recoverable) {
    it(`${name}: the next request is answered`, async () => {
      const outcome = await afterGarbage(garbage);
      assert.deepEqual({ answered: outcome.answered, exited: outcome.exited }, { answered: true, exited: false }, `stderr: ${outcome.stderr.slice(-300)}`);
    });
  }

  // SERVER GAP (server/src/server/server.ts: the connection's reader, vscode-jsonrpc StreamMessageReader): a
  // broken frame HEADER (bytes without "Content-Length", "Content-Length: abc", a length shorter than the
  // body) leaves the server alive but deaf: it answers nothing ever again, exits not, and says nothing on
  // stderr, so the client waits forever instead of restarting it. Measured: all four cases below. Fix idea:
  // connection.onError / reader.onError → log the error to stderr and exit(1) (clients restart a server
  // that exits), or resynchronise on the next "Content-Length:". Un-skip when fixed.
  const framing: Array<[string, Buffer]> = [
    ['garbage bytes without a header', Buffer.from('\u0000\u00ff\u00fegarbage\r\n\r\n', 'latin1')],
    ['Content-Length: abc', Buffer.from('Content-Length: abc\r\n\r\n{}', 'ascii')],
    ['a Content-Length shorter than the body', Buffer.from('Content-Length: 3\r\n\r\n{"jsonrpc":"2.0"}', 'ascii')],
    ['a header without Content-Length', Buffer.from('Content-Type: text/plain\r\n\r\n{}', 'ascii')],
  ];
  for (const [name, garbage] of framing) {
    it(`${name}: the next request is answered, or the server exits with a message (never alive and silent)`, async () => {
      const outcome = await afterGarbage(garbage);
      assert.ok(outcome.answered || (outcome.exited && outcome.stderr.trim().length > 0), `answered ${outcome.answered}, exited ${outcome.exited}, stderr ${JSON.stringify(outcome.stderr.slice(-200))}`);
    });
  }
});

describe('server robustness: a long session leaves memory flat', function () {
  // 800 warm-up + 1,000 measured cycles here (~15 s); `npm run fuzz -- --server --cycles 10000` runs the
  // full 10,000 (measured: VmRSS 75 MB after 200 cycles, ~96 MB after 1,000, then flat: 97–108 MB up to 10,000).
  const CYCLES = Number(process.env.PERWAL_MEMORY_CYCLES ?? 1_000);
  const WARM_UP = 800;
  /** VmRSS may grow this much after warm-up (V8 heap growth is lazy; a leak of ~1 KB per cycle shows as more). */
  const TOLERANCE_MB = 30;
  this.timeout(120_000);

  it(`${CYCLES} open/edit/close cycles: VmRSS grows less than ${TOLERANCE_MB} MB after warm-up`, async function () {
    if (!fs.existsSync('/proc/self/status')) this.skip();
    ensureServerBuilt();
    const client = await TestClient.start({ locale: 'en', settings: { debounceMs: 0 } });
    try {
      const pid = client.process.pid!;
      const base = kupangText.split('\n');
      const cycle = async (i: number): Promise<void> => {
        const uri = `file:///robustness/cycle-${i}.perwal`;
        const start = (i * 37) % (base.length - 60);
        await client.open(uri, base.slice(start, start + 60).join('\n'));
        await client.change(uri, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: `Pasal ${i}\n` }]);
        await client.request('textDocument/documentSymbol', { textDocument: { uri } });
        await client.close(uri);
      };
      for (let i = 0; i < WARM_UP; i++) await cycle(i);
      const before = rssMegabytes(pid);
      for (let i = WARM_UP; i < WARM_UP + CYCLES; i++) await cycle(i);
      await client.request('workspace/symbol', { query: '' });
      const after = rssMegabytes(pid);
      console.log(`      server VmRSS: ${before.toFixed(1)} MB after ${WARM_UP} warm-up cycles, ${after.toFixed(1)} MB after ${CYCLES} more (${(after - before).toFixed(1)} MB)`);
      assert.ok(after - before < TOLERANCE_MB, `VmRSS grew from ${before.toFixed(1)} to ${after.toFixed(1)} MB`);
      const open = await client.request<unknown[]>('workspace/symbol', { query: 'Pasal' });
      assert.deepEqual(open, [], 'every cycle closed its document');
      assert.ok(client.alive);
    } finally {
      await client.stop();
    }
  });
});

describe('nothing leaves the machine', function () {
  this.timeout(30_000);
  const bundles = ['server.js', 'structure-worker.js', 'cli.js', 'extension.js'];
  before(() => ensureServerBuilt());

  it('our sources import no network module, send no telemetry and write no files', () => {
    const sources: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith('.ts')) sources.push(full);
      }
    };
    walk(path.join(ROOT, 'server', 'src'));
    walk(path.join(ROOT, 'client', 'src'));
    const forbidden = /from '(node:)?(http|https|http2|net|tls|dgram|dns|undici)'|require\('(node:)?(http|https|net|tls)'\)|\bfetch\(|XMLHttpRequest|WebSocket|\.telemetry\b|writeFile|appendFile|createWriteStream|\bmkdir/;
    const offenders = sources.flatMap((file) => fs.readFileSync(file, 'utf8').split('\n').map((line, i) => ({ file: path.relative(ROOT, file), line: i + 1, text: line.trim() })))
      .filter((line) => forbidden.test(line.text) && !line.text.startsWith('//'));
    assert.deepEqual(offenders, []);
  });

  for (const bundle of bundles) {
    it(`dist/${bundle}: no HTTP(S)/TLS/DNS client, no fetch; "net" only for vscode-jsonrpc's local pipe/127.0.0.1 transports`, function () {
      const file = path.join(ROOT, 'dist', bundle);
      if (!fs.existsSync(file)) this.skip();
      const code = fs.readFileSync(file, 'utf8');
      assert.deepEqual(code.match(/require\("(node:)?(http|https|http2|tls|dgram|dns|undici)"\)/g) ?? [], [], 'network client modules bundled');
      assert.deepEqual(code.match(/\b(fetch|XMLHttpRequest|WebSocket)\(/g) ?? [], [], 'fetch / XHR / WebSocket');
      // vscode-jsonrpc's node transports: createConnection(pipeName) / createConnection(port, "127.0.0.1") / createServer.
      const calls = code.match(/\(0, net_\d+\.(createConnection|connect)\)\([^)]*\)/g) ?? [];
      const remote = calls.filter((call) => !/\((pipeName|port, "127\.0\.0\.1")\)$/.test(call));
      assert.deepEqual(remote, [], 'every socket is a local pipe or 127.0.0.1');
    });
  }

  it('package.json declares untrusted and virtual workspace support', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { capabilities?: { untrustedWorkspaces?: { supported?: unknown }; virtualWorkspaces?: unknown } };
    assert.equal(manifest.capabilities?.untrustedWorkspaces?.supported, true);
    assert.equal(manifest.capabilities?.virtualWorkspaces, true);
  });
});
