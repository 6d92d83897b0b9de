// What a full analysis allocates, and where: V8's sampling heap profiler over several analyses of one text.
// Allocation is steadier than time on a shared VM, so it shows the effect of allocation cuts that timings hide.
//   node out/scripts/bench-alloc.js [file] [runs]      (default UU 11/2020, 10 runs)

import { readFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import * as path from 'node:path';
import { analyze } from '../server/src/features/analysis';

interface SamplingNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: SamplingNode[];
}

function post<T>(session: Session, method: string, params: object = {}): Promise<T> {
  return new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result as T))));
}

/** Bytes allocated per function (builtins such as RegExp exec named after their caller). */
function bytesByFunction(head: SamplingNode): { total: number; byFunction: Map<string, number> } {
  const byFunction = new Map<string, number>();
  let total = 0;
  const visit = (node: SamplingNode, caller: string): void => {
    const frame = node.callFrame;
    const own = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').slice(-2).join('/')}:${frame.lineNumber + 1}`;
    const name = frame.url === '' && caller ? `${own.trim()} ← ${caller}` : own;
    total += node.selfSize;
    byFunction.set(name, (byFunction.get(name) ?? 0) + node.selfSize);
    for (const child of node.children) visit(child, frame.url === '' ? caller : own);
  };
  visit(head, '');
  return { total, byFunction };
}

async function main(): Promise<void> {
  const file = process.argv[2] ?? path.join(__dirname, '..', '..', 'test', 'fixtures', 'corpus', 'mblx-uu-11-2020.txt');
  const runs = Number(process.argv[3] ?? 10);
  const text = readFileSync(file, 'utf8');
  for (let i = 0; i < 3; i++) analyze(text);
  const session = new Session();
  session.connect();
  await post(session, 'HeapProfiler.enable');
  // Every object, including those the next scavenge frees: allocation, not retention.
  await post(session, 'HeapProfiler.startSampling', { samplingInterval: 256, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  for (let i = 0; i < runs; i++) analyze(text);
  const { profile } = await post<{ profile: { head: SamplingNode } }>(session, 'HeapProfiler.stopSampling');
  session.disconnect();
  const { total, byFunction } = bytesByFunction(profile.head);
  const mb = (bytes: number): string => (bytes / runs / 1e6).toFixed(2);
  console.log(`${path.basename(file)}: ${mb(total)} MB allocated per analysis (sampled over ${runs} analyses)`);
  for (const [name, bytes] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${mb(bytes).padStart(7)} MB  ${name}`);
}

void main();
