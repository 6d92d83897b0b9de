// Prints the structure the parser found (for eyeballing a file): one line per node.
import { readFileSync } from 'node:fs';
import { parse, SyntaxNode } from '../server/src/syntax';

const file = process.argv[2];
const text = readFileSync(file, 'utf8');
const result = parse(text);
function lineOf(offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
const maxDepth = Number(process.argv[3] ?? 99);
function show(node: SyntaxNode, depth: number): void {
  if (node.kind === 'heading') return;
  if (depth > maxDepth) return;
  const head = text.slice(node.start, Math.min(node.end, node.start + 60)).replace(/\s+/g, ' ');
  const info = Object.keys(node.info).length ? JSON.stringify(node.info) : '';
  console.log(`${'  '.repeat(depth)}${node.kind} L${lineOf(node.start)} ${info} | ${head}`);
  for (const child of node.children) if (child.type === 'node') show(child, depth + 1);
}
show(result.root, 0);
for (const error of result.errors) console.log('ERROR', lineOf(error.start), error.message.en);
