// `perwal outline --format json` gives the whole tree, down to ayat, huruf and angka (the bundle is built by
// `npm test` before mocha runs).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { ROOT } from './helpers';

interface Node {
  kind: string;
  number: string | null;
  children: Node[];
}

describe('cli outline', () => {
  it('lists parts, BAB, Pasal, ayat, huruf and angka of a seed', () => {
    const out = execFileSync(process.execPath, [path.join(ROOT, 'bin/perwal.js'), 'outline', '--format', 'json', path.join(ROOT, 'test/fixtures/seeds/kupang-perwal-49-2021.txt')], { encoding: 'utf8' });
    const kinds = new Set<string>();
    const pasal: string[] = [];
    const walk = (node: Node): void => {
      kinds.add(node.kind);
      if (node.kind === 'pasal' && node.number) pasal.push(node.number);
      node.children.forEach(walk);
    };
    (JSON.parse(out).outline as Node[]).forEach(walk);
    for (const kind of ['pembukaan', 'batang-tubuh', 'bab', 'pasal', 'ayat', 'huruf', 'angka']) assert.ok(kinds.has(kind), kind);
    assert.deepEqual(pasal, Array.from({ length: 16 }, (_, i) => String(i + 1)));
  });
});
