// CPU profiles for the bench: the workload to profile under node --cpu-prof, and a summary of any
// .cpuprofile by function (self and inclusive time) and by source file.
//   node out/scripts/bench-profile.js some.cpuprofile [top] [root,…]   summarise a profile written by node --cpu-prof
//   node --cpu-prof out/scripts/bench-profile.js --run file.txt [runs]  analyse + outline a file `runs` times (what the bench profiles)

import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileLine {
  name: string;
  ms: number;
  share: number;
}

export interface ProfileSummary {
  totalMs: number;
  self: ProfileLine[];
  inclusive: ProfileLine[];
  folders: ProfileLine[];
}

function shortUrl(url: string): string {
  return url.replace(/^file:\/\//, '').replace(/^.*?\/(out|dist)\//, '$1/');
}

function folderOf(url: string, name: string): string {
  if (name === '(garbage collector)') return '(garbage collector)';
  if (name === '(program)' || name === '(idle)' || name === '(root)') return name;
  const match = /server\/src\/(\w+)\/(\w[\w-]*)/.exec(url);
  if (match) return `server/src/${match[1]}/${match[2]}`;
  if (url.startsWith('RegExp') || (url === '' && name.startsWith('RegExp'))) return '(regexp)';
  if (url === '') return '(native)';
  if (url.includes('node_modules')) return 'node_modules';
  if (url.startsWith('node:')) return 'node internals';
  return shortUrl(url);
}

/**
 * Self time per function, inclusive time per function (a function counted once per sample even when
 * recursive) and self time per source file (regular expressions appear as "RegExp: …" natives and are
 * charged to "(regexp)"). With `roots`, only samples under a frame of one of those names count, plus the
 * garbage collector's (which the profiler cannot attribute to a caller). Idle time never counts.
 */
export function summarise(profile: CpuProfile, top = 15, roots?: readonly string[]): ProfileSummary {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const perNode = new Map<number, number>();
  profile.samples.forEach((id, i) => perNode.set(id, (perNode.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const key = (node: ProfileNode): string => {
    const name = node.callFrame.functionName || '(anonymous)';
    return node.callFrame.url ? `${name} (${shortUrl(node.callFrame.url)}:${node.callFrame.lineNumber + 1})` : name;
  };
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const folders = new Map<string, number>();
  let total = 0;
  for (const [id, micros] of perNode) {
    const chain: ProfileNode[] = [];
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) chain.push(nodes.get(cur)!);
    const leaf = chain[0];
    const isGc = leaf.callFrame.functionName === '(garbage collector)';
    if (roots && !isGc && !chain.some((node) => roots.includes(node.callFrame.functionName))) continue;
    if (['(idle)', '(program)'].includes(leaf.callFrame.functionName)) continue;
    total += micros;
    self.set(key(leaf), (self.get(key(leaf)) ?? 0) + micros);
    const folder = folderOf(leaf.callFrame.url, leaf.callFrame.functionName || (leaf.callFrame.url ? '' : '(native)'));
    folders.set(folder, (folders.get(folder) ?? 0) + micros);
    const seen = new Set<string>();
    for (const node of chain) {
      const k = key(node);
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + micros);
    }
  }
  const lines = (map: Map<string, number>, n: number): ProfileLine[] =>
    [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([name, micros]) => ({ name, ms: micros / 1000, share: total === 0 ? 0 : micros / total }));
  const skip = (line: ProfileLine): boolean =>
    /^\((root|anonymous)\)|^(Module\.|executeUserEntryPoint|run_main|recordProfile|main |timeRuns|runMicrotasks|processTicksAndRejections|listOnTimeout|processTimers|processImmediate)/.test(line.name);
  return {
    totalMs: total / 1000,
    self: lines(self, top),
    inclusive: lines(inclusive, top + 20).filter((line) => !skip(line)).slice(0, top),
    folders: lines(folders, 12),
  };
}

export function formatSummary(summary: ProfileSummary, title: string): string {
  const pct = (line: ProfileLine): string => `${(line.share * 100).toFixed(1).padStart(5)}%  ${line.ms.toFixed(0).padStart(6)} ms  ${line.name}`;
  return [
    `${title}: ${summary.totalMs.toFixed(0)} ms sampled`,
    '  by source file (self time):',
    ...summary.folders.map((line) => `    ${pct(line)}`),
    '  hottest functions (self time):',
    ...summary.self.map((line) => `    ${pct(line)}`),
    '  heaviest call paths (inclusive time):',
    ...summary.inclusive.map((line) => `    ${pct(line)}`),
  ].join('\n');
}

if (require.main === module && process.argv[2] === '--run') {
  // Loaded lazily so that summarising a profile does not load the service.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { analyze } = require('../server/src/features/analysis') as typeof import('../server/src/features/analysis');
  const { outline } = require('../server/src/features/outline') as typeof import('../server/src/features/outline');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const text = readFileSync(process.argv[3], 'utf8');
  const runs = Number(process.argv[4] ?? 5);
  for (let i = 0; i < runs; i++) outline(analyze(text).regulation);
} else if (require.main === module) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node out/scripts/bench-profile.js <file.cpuprofile> [top] [rootFunction,…]');
    process.exit(2);
  }
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  console.log(formatSummary(summarise(profile, Number(process.argv[3] ?? 25), process.argv[4]?.split(',')), file));
}
