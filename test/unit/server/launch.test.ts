// The environment every launcher gives the server (server/src/launch/environment.ts).

import * as assert from 'node:assert/strict';
import { hasServerEnvironment, hasServerExecArgv, helperThreads, MALLOC_TUNABLES, serverEnvironment, serverExecArgv } from '../../../server/src/launch/environment';

describe('server environment', () => {
  it('adds the malloc tunables on Linux and keeps every other variable', () => {
    const env = serverEnvironment({ PATH: '/usr/bin', HOME: '/root' }, 'linux');
    assert.equal(env.PATH, '/usr/bin');
    assert.equal(env.HOME, '/root');
    assert.deepEqual(env.GLIBC_TUNABLES!.split(':').sort(), Object.entries(MALLOC_TUNABLES).map(([name, value]) => `${name}=${value}`).sort());
  });

  it('keeps tunables the user set, and theirs win over ours', () => {
    const env = serverEnvironment({ GLIBC_TUNABLES: 'glibc.malloc.trim_threshold=1:glibc.malloc.arena_max=2' }, 'linux');
    const entries = env.GLIBC_TUNABLES!.split(':');
    assert.ok(entries.includes('glibc.malloc.trim_threshold=1'));
    assert.ok(entries.includes('glibc.malloc.arena_max=2'));
    assert.equal(entries.filter((entry) => entry.startsWith('glibc.malloc.trim_threshold=')).length, 1);
    assert.ok(entries.includes(`glibc.malloc.mmap_threshold=${MALLOC_TUNABLES['glibc.malloc.mmap_threshold']}`));
  });

  it('changes nothing on other systems, nor when the tunables are there already', () => {
    const base = { PATH: '/bin' };
    assert.equal(serverEnvironment(base, 'darwin'), base);
    assert.equal(serverEnvironment(base, 'win32'), base);
    const tuned = serverEnvironment(base, 'linux');
    assert.notEqual(tuned, base);
    assert.ok(hasServerEnvironment(tuned, 'linux'));
    assert.ok(!hasServerEnvironment(base, 'linux'));
    assert.equal(serverEnvironment(tuned, 'linux'), tuned);
  });

  it('leaves one core to the editor: V8 helper threads are the cores but one, at least one, at most four', () => {
    assert.deepEqual([1, 2, 3, 4, 8, 64].map(helperThreads), [1, 1, 2, 3, 4, 4]);
    assert.deepEqual(serverExecArgv([], 2), ['--v8-pool-size=1', '--expose-gc']);
    assert.deepEqual(serverExecArgv(['--nolazy'], 4), ['--nolazy', '--v8-pool-size=3', '--expose-gc']);
  });

  it('adds no pool size where Node\'s default of four is already right (five cores or more)', () => {
    assert.deepEqual(serverExecArgv(['--nolazy'], 8), ['--nolazy', '--expose-gc']);
    assert.ok(hasServerExecArgv(['--expose-gc'], 5));
    assert.ok(!hasServerExecArgv([], 5), 'without --expose-gc the server cannot settle a large law after opening it');
  });

  it('keeps a pool size the user gave, adds each option once, and knows the options are there', () => {
    assert.deepEqual(serverExecArgv(['--v8-pool-size=2'], 2), ['--v8-pool-size=2', '--expose-gc']);
    assert.deepEqual(serverExecArgv(['--expose-gc', '--v8-pool-size=2'], 2), ['--expose-gc', '--v8-pool-size=2']);
    assert.ok(hasServerExecArgv(serverExecArgv([], 2), 2));
    assert.ok(hasServerExecArgv(serverExecArgv([], 8), 8));
    assert.ok(!hasServerExecArgv(['--v8-pool-size-x=1', '--nolazy', '--expose-gc'], 2));
    assert.ok(!hasServerExecArgv(['--v8-pool-size=1'], 2));
  });
});
