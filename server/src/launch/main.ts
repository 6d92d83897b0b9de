// The stdio launcher (bin/perwal-language-server.js → dist/launch.js): runs the language server with the
// environment and Node options of launch/environment.ts. glibc reads its tunables and Node its options only
// when a process starts, so when they are missing the server is started once more as a child with them,
// sharing this process's standard streams (no copying in between); this process only passes signals on and
// exits with the child's code. Under node IPC (a client that forks us with a channel) the channel cannot be
// handed on: the server runs here as it is.

import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { hasServerEnvironment, hasServerExecArgv, machineCores, serverEnvironment, serverExecArgv } from './environment';

const TRANSPORT = /^--(stdio|node-ipc|socket|pipe)\b/;
const FORWARDED_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

const serverPath = path.join(__dirname, 'server.js');
const args = process.argv.slice(2);
if (!args.some((arg) => TRANSPORT.test(arg))) args.push('--stdio');

function runHere(): void {
  process.argv = [process.argv[0], serverPath, ...args];
  // A computed path: the server stays its own bundle instead of being copied into this one.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(serverPath);
}

// Only on Linux, where the settings were measured (and glibc reads the tunables), is a second process worth it.
const tuned = process.platform !== 'linux' || (hasServerEnvironment(process.env, process.platform) && hasServerExecArgv(process.execArgv, machineCores()));
if (process.send !== undefined || args.includes('--node-ipc') || tuned) {
  runHere();
} else {
  const execArgv = serverExecArgv(process.execArgv, machineCores());
  const child = spawn(process.execPath, [...execArgv, serverPath, ...args], { stdio: 'inherit', env: serverEnvironment(process.env, process.platform) });
  let started = false;
  child.once('spawn', () => (started = true));
  child.once('error', (error) => {
    if (started) return;
    // Could not start a second process: the server runs here, without its settings (slower keystrokes, same results).
    process.stderr.write(`[perwal] could not start the server with its malloc and Node settings (${error.message}); running it without them\n`);
    runHere();
  });
  for (const signal of FORWARDED_SIGNALS) process.on(signal, () => child.kill(signal));
  child.once('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
