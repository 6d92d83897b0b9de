// A document over perwal.maxFileSizeMB gets only its structure (outline, folding), and even that can take
// seconds for tens of megabytes: it is computed in a worker thread so the server keeps answering. The
// worker is this same file bundled as dist/structure-worker.js; it posts LSP-ready data back.

import * as path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { DocumentSymbol, FoldingRange } from 'vscode-languageserver';
import { analyze } from '../features/analysis';
import { foldingRanges } from '../features/folding';
import { outline } from '../features/outline';
import { PositionIndex } from './positions';
import { toDocumentSymbols, toFoldingRanges } from './to-protocol';

export interface Structure {
  readonly symbols: DocumentSymbol[];
  readonly folding: FoldingRange[];
}

/** The structure of `text`, computed where it is called (the worker, or a test). */
export function structureOf(text: string): Structure {
  const analysis = analyze(text, { maxBytesForFullAnalysis: 0 });
  const positions = new PositionIndex(text);
  return {
    symbols: toDocumentSymbols(outline(analysis.regulation, { depth: 'ayat' }), positions),
    folding: toFoldingRanges(foldingRanges(analysis), positions),
  };
}

/** A running computation: its result, and a way to stop it when the document changes or closes. */
export interface StructureJob {
  readonly result: Promise<Structure>;
  stop(): void;
}

/** Starts a worker on `text` (the bundled worker file next to the server, `dist/structure-worker.js`). */
export function structureInWorker(text: string, workerFile = path.join(__dirname, 'structure-worker.js')): StructureJob {
  const worker = new Worker(workerFile, { workerData: { text } });
  let settled = false;
  const result = new Promise<Structure>((resolve, reject) => {
    worker.once('message', (structure: Structure) => {
      settled = true;
      resolve(structure);
      void worker.terminate();
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the structure worker stopped (exit code ${code})`));
    });
  });
  // A stopped job's promise rejects; callers that no longer wait must not see an unhandled rejection.
  result.catch(() => undefined);
  return { result, stop: () => void worker.terminate() };
}

if (!isMainThread && parentPort && typeof (workerData as { text?: unknown } | undefined)?.text === 'string') {
  parentPort.postMessage(structureOf((workerData as { text: string }).text));
}
