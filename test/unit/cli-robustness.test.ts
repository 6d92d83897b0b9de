// The CLI on hostile file systems: a missing file, symlink loops, Windows-1252 bytes, unreadable paths, and
// megabytes piped out. Each time: a clear message on stderr, exit 2 when a file could not be read, and the
// other files still checked. Runs `node bin/perwal.js` (the bundle dist/cli.js) in temp folders.

import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureServerBuilt, ROOT, seed } from './server/lsp-client';

const CLI = path.join(ROOT, 'bin', 'perwal.js');
/** A regulation with exactly one error (a numbering gap at line 5). */
const GAP = 'Pasal 1\n\nSatu.\n\nPasal 3\n\nTiga.\n';

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`perwal ${args.join(' ')} did not finish in 60 s`));
    }, 60_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

describe('CLI robustness (node bin/perwal.js)', function () {
  this.timeout(90_000);
  let dir: string;

  before(() => ensureServerBuilt());
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'perwal-cli-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a missing file: a clear message, exit 2, the other files still checked', async () => {
    fs.writeFileSync(path.join(dir, 'good.txt'), GAP);
    const result = await run(['check', 'missing.txt', 'good.txt'], dir);
    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stderr, /missing\.txt: no such file or folder/);
    assert.match(result.stdout, /good\.txt:5:1: error numbering-gap/);
    assert.match(result.stderr, /1 file\(s\) checked/);
  });

  it('a folder with symlink loops (to itself, to its parent, to each other) terminates; each file is checked once', async () => {
    const folder = path.join(dir, 'regs');
    fs.mkdirSync(path.join(folder, 'sub'), { recursive: true });
    fs.writeFileSync(path.join(folder, 'a.txt'), GAP);
    fs.writeFileSync(path.join(folder, 'sub', 'b.txt'), GAP);
    fs.symlinkSync('..', path.join(folder, 'sub', 'up'));
    fs.symlinkSync(folder, path.join(folder, 'sub', 'again'));
    fs.symlinkSync('self.txt', path.join(folder, 'self.txt'));
    fs.symlinkSync('ping.txt', path.join(folder, 'pong.txt'));
    fs.symlinkSync('pong.txt', path.join(folder, 'ping.txt'));
    const result = await run(['check', 'regs'], dir);
    assert.equal(result.stdout.match(/a\.txt:5:1: error numbering-gap/g)?.length, 1, `a.txt once:\n${result.stdout}`);
    assert.equal(result.stdout.match(/b\.txt:5:1: error numbering-gap/g)?.length, 1, `b.txt once:\n${result.stdout}`);
    for (const name of ['self.txt', 'ping.txt', 'pong.txt']) assert.match(result.stderr, new RegExp(`${name.replace('.', '\\.')}: symbolic link loop`), result.stderr);
    assert.equal(result.code, 2, 'unreadable links count as problems');
    assert.match(result.stderr, /2 file\(s\) checked/);
  });

  it('a Windows-1252 file (0xE9 for é) is read, and the user is told', async () => {
    fs.writeFileSync(path.join(dir, 'old.txt'), Buffer.from('Pasal 1\n\nKetentuan caf\xe9 dan r\xe9gim.\n\nPasal 3\n\nTiga.\n', 'latin1'));
    fs.writeFileSync(path.join(dir, 'new.txt'), GAP);
    const result = await run(['check', '--format', 'json', 'old.txt', 'new.txt'], dir);
    assert.match(result.stderr, /old\.txt: not UTF-8; read as Windows-1252/);
    assert.doesNotMatch(result.stderr, /new\.txt: not UTF-8/);
    const report = JSON.parse(result.stdout) as { files: Array<{ path: string; diagnostics: Array<{ code: string }> }> };
    assert.deepEqual(report.files.map((file) => [file.path, file.diagnostics.map((d) => d.code)]), [['old.txt', ['numbering-gap']], ['new.txt', ['numbering-gap']]]);
    assert.equal(result.code, 1, 'read fine: exit 1 for the errors, not 2');
    const outline = await run(['outline', 'old.txt'], dir);
    assert.equal(outline.code, 0);
    assert.match(outline.stdout, /"number": "3"/);
  });

  it('an unreadable file: a clear message, exit 2, the other files still checked', async function () {
    const secret = path.join(dir, 'secret.txt');
    fs.writeFileSync(secret, GAP);
    fs.chmodSync(secret, 0o000);
    let readable = true;
    try {
      fs.readFileSync(secret);
    } catch {
      readable = false;
    }
    // As root (CI, containers) chmod 000 does not stop reading: the ENOTDIR test below covers that path.
    if (readable) this.skip();
    fs.writeFileSync(path.join(dir, 'good.txt'), GAP);
    const result = await run(['check', 'secret.txt', 'good.txt'], dir);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /secret\.txt: permission denied/);
    assert.match(result.stdout, /good\.txt:5:1/);
  });

  it('a path that cannot be read even by root (a file used as a folder): exit 2, others checked', async () => {
    fs.writeFileSync(path.join(dir, 'plain.txt'), GAP);
    fs.writeFileSync(path.join(dir, 'good.txt'), GAP);
    const result = await run(['check', 'plain.txt/inside.txt', 'good.txt'], dir);
    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stderr, /plain\.txt\/inside\.txt: .*(not a directory|ENOTDIR|no such file)/i);
    assert.match(result.stdout, /good\.txt:5:1: error numbering-gap/);
  });

  it('megabytes of output through a pipe arrive complete (text and JSON)', async () => {
    const bekasi = seed('bekasi-perwal-121-2021.txt');
    // Each copy has dozens of diagnostics; 60 copies (2.5 MB) give megabytes of JSON and use the worker threads (> 2 MB input).
    for (let i = 0; i < 60; i++) fs.writeFileSync(path.join(dir, `copy-${String(i).padStart(3, '0')}.txt`), bekasi + '\nPasal 14\n\nDuplikat.\n'.repeat(40 + (i % 5)));
    const json = await run(['check', '--format', 'json', '.'], dir);
    assert.ok(json.stdout.length > 1_000_000, `only ${json.stdout.length} bytes`);
    const report = JSON.parse(json.stdout) as { files: Array<{ path: string; diagnostics: unknown[] }> };
    assert.equal(report.files.length, 60);
    assert.ok(report.files.every((file) => file.diagnostics.length > 0));
    const text = await run(['check', '.'], dir);
    const lines = text.stdout.split('\n').filter((line) => /^copy-\d{3}\.txt:\d+:\d+: /.test(line));
    const total = report.files.reduce((sum, file) => sum + file.diagnostics.length, 0);
    assert.equal(lines.length, total, 'every diagnostic of the JSON report is in the text output');
    assert.ok(text.stdout.endsWith('\n'));
    assert.match(text.stderr, /60 file\(s\) checked/);
  });
});
