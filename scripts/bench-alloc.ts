// What a full analysis allocates, and where: V8's sampling heap profiler over several analyses of one text.
// Allocation is steadier than time on a shared VM, so it shows the effect of allocation cuts that timings hide.
//   node out/scripts/bench-alloc.js [file] [runs]      (default UU 11/2020, 10 runs)
//   node out/scripts/bench-alloc.js --keystrokes [file] [edits]   per keystroke re-analysed (the bench's seeded edits)

import { readFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import * as path from 'node:path';
import { analyze, Analysis } from '../server/src/features/analysis';
import { reanalyze } from '../server/src/features/incremental';
import { Splicer } from '../server/src/server/splice';
import { Mirror } from './bench-lsp';
import { prng } from './bench-stats';

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
  const keystrokes = process.argv[2] === '--keystrokes';
  const args = keystrokes ? process.argv.slice(3) : process.argv.slice(2);
  const file = args[0] ?? path.join(__dirname, '..', '..', 'test', 'fixtures', 'corpus', 'mblx-uu-11-2020.txt');
  const runs = Number(args[1] ?? (keystrokes ? 200 : 10));
  const text = readFileSync(file, 'utf8');
  let work: () => void;
  if (keystrokes) {
    // The edits of the server bench, each version's text made as the server makes it, re-analysed as it does.
    const mirror = new Mirror(text, prng(7));
    const splicer = new Splicer();
    let current = text;
    let analysis: Analysis = analyze(text);
    work = () => {
      mirror.edit();
      const change = mirror.lastChange;
      const next = splicer.splice(current, change.start, change.end, change.newText, false);
      analysis = reanalyze(analysis, next, change) ?? analyze(next);
      current = next;
    };
  } else {
    for (let i = 0; i < 3; i++) analyze(text);
    work = () => void analyze(text);
  }
  const session = new Session();
  session.connect();
  await post(session, 'HeapProfiler.enable');
  // Every object, including those the next scavenge frees: allocation, not retention.
  await post(session, 'HeapProfiler.startSampling', { samplingInterval: 256, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  for (let i = 0; i < runs; i++) work();
  const { profile } = await post<{ profile: { head: SamplingNode } }>(session, 'HeapProfiler.stopSampling');
  session.disconnect();
  const { byFunction } = bytesByFunction(profile.head);
  // The harness's own (the client-side mirror of the text) is not the analysis's.
  const measured = [...byFunction].filter(([name]) => !name.includes('scripts/'));
  const total = measured.reduce((sum, [, bytes]) => sum + bytes, 0);
  const mb = (bytes: number): string => (bytes / runs / 1e6).toFixed(keystrokes ? 3 : 2);
  console.log(`${path.basename(file)}: ${mb(total)} MB allocated per ${keystrokes ? 'keystroke' : 'analysis'} (sampled over ${runs})`);
  for (const [name, bytes] of measured.sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 15))) console.log(`${mb(bytes).padStart(7)} MB  ${name}`);
}

void main();
