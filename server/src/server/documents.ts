// The open documents, kept in sync with the client (full or incremental changes). Forgiving by design:
// a change for a document that was never opened, or one older than what we hold, is logged and ignored.

import type { DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams } from 'vscode-languageserver';
import { SUPPRESSION_MARKER } from '../features/suppressions';
import { collectNow, SETTLE_MIN_LENGTH } from './heap';
import { PositionIndex } from './positions';
import { EXTERNAL_MIN_LENGTH, growHeapForVersions, isLatin1, Splicer } from './splice';

/**
 * What changed since the version last analysed: text[start, oldEnd) of that version is
 * text[start, newEnd) of this one. Lets the analysis move instead of starting over.
 */
export interface PendingEdit {
  readonly since: number;
  readonly start: number;
  readonly oldEnd: number;
  readonly newEnd: number;
}

export class OpenDocument {
  private index: PositionIndex | undefined;
  /** The edit since the last analysed version (undefined: none recorded, analyse from scratch). */
  pending: PendingEdit | undefined;
  /** The version didOpen gave, not one made by changes since. */
  opened = false;

  constructor(readonly uri: string, readonly languageId: string, readonly version: number, readonly text: string, index?: PositionIndex, pending?: PendingEdit, oneByte?: boolean, markerFree?: boolean) {
    this.index = index;
    this.pending = pending;
    this.latin1 = oneByte;
    this.markerFree = markerFree;
  }

  private markerFree: boolean | undefined;

  /** Whether the text may hold a suppression comment: read once per document, then kept up to date by edits. */
  get maySuppress(): boolean {
    this.markerFree ??= !this.text.includes(SUPPRESSION_MARKER);
    return !this.markerFree;
  }

  private latin1: boolean | undefined;

  /** Whether the text has only Latin-1 characters; read once per document, then kept up to date by edits. */
  get oneByte(): boolean {
    this.latin1 ??= isLatin1(this.text);
    return this.latin1;
  }

  /** This version is analysed: later edits are counted from it. */
  analysed(): void {
    this.pending = { since: this.version, start: 0, oldEnd: 0, newEnd: 0 };
  }

  private bytes: number | undefined;

  /** The UTF-8 size of this version, computed on first use (the size limit is checked on every request). */
  get utf8Bytes(): number {
    this.bytes ??= Buffer.byteLength(this.text, 'utf8');
    return this.bytes;
  }

  /** The line index of this version, built on first use. */
  get positions(): PositionIndex {
    this.index ??= new PositionIndex(this.text);
    return this.index;
  }
}

export type ChangeOutcome = { document: OpenDocument } | { ignored: string };

export interface StoreOptions {
  /**
   * Grow the C heap once for the versions of the first large text opened (server/splice.ts). Only worth it
   * when the process runs with the server's malloc tunables (launch/environment.ts), which the caller knows.
   */
  readonly growHeap?: boolean;
  /** Told how many megabytes were written and how long it took, when the heap was grown. */
  readonly onHeapGrown?: (megabytes: number, ms: number, uri: string) => void;
}

export class DocumentStore {
  private readonly documents = new Map<string, OpenDocument>();
  private readonly splicer = new Splicer();

  constructor(private readonly options: StoreOptions = {}) {}

  get(uri: string): OpenDocument | undefined {
    return this.documents.get(uri);
  }

  all(): OpenDocument[] {
    return [...this.documents.values()];
  }

  open(params: DidOpenTextDocumentParams): OpenDocument {
    const { uri, languageId, version, text } = params.textDocument;
    const document = new OpenDocument(uri, languageId, version, typeof text === 'string' ? text : '');
    document.opened = true;
    this.documents.set(uri, document);
    return document;
  }

  /**
   * The document was just opened and analysed whole, and its keystrokes are to come. For a large text: grows
   * the C heap for its versions when the store was told to (once per process, server/splice.ts), then starts
   * one full collection (server/heap.ts), which frees the blocks written to grow it and moves the analysis out
   * of V8's young generation. The two go together: grown blocks left to V8's own schedule were freed too late.
   */
  prepareForEdits(document: OpenDocument): void {
    if (document.text.length < SETTLE_MIN_LENGTH) return;
    // What the first keystroke would otherwise do: read the text's width (a scan of the whole text). Not the
    // splicer's buffer (3.3 MB for UU 11/2020): a law opened to be read only would hold it for nothing.
    if (document.text.length >= EXTERNAL_MIN_LENGTH) void document.oneByte;
    if (this.options.growHeap) {
      const started = performance.now();
      const megabytes = growHeapForVersions(document.text.length);
      if (megabytes > 0) this.options.onHeapGrown?.(megabytes, performance.now() - started, document.uri);
    }
    collectNow();
  }

  change(params: DidChangeTextDocumentParams): ChangeOutcome {
    const { uri, version } = params.textDocument;
    const current = this.documents.get(uri);
    if (!current) return { ignored: `didChange for ${uri}, which is not open` };
    // Versions only grow (LSP); a repeated one would collide with the analysis cached for that version.
    if (typeof version === 'number' && version <= current.version) {
      return { ignored: `didChange for ${uri} version ${version}, not newer than the open version ${current.version}` };
    }
    let text = current.text;
    let positions: PositionIndex = current.positions;
    let pending = current.pending;
    // Only large texts are spliced through the scratch buffer, and only they need to know their width.
    let oneByte: boolean | undefined;
    // A text without the suppression marker gains one only where an edit writes (with the marker's reach around it).
    let markerFree: boolean | undefined = !current.maySuppress;
    for (const change of params.contentChanges ?? []) {
      if (typeof change.text !== 'string') continue;
      if (!('range' in change) || !change.range) {
        pending = undefined;
        oneByte = undefined;
        markerFree = undefined;
        text = change.text;
        positions = new PositionIndex(text);
        continue;
      }
      const { start, end } = positions.offsets(change.range);
      // Known once the text is large; then kept up to date by every change (an insertion can only widen it).
      if (oneByte !== undefined || text.length >= EXTERNAL_MIN_LENGTH) oneByte = (oneByte ?? (text === current.text ? current.oneByte : isLatin1(text))) && isLatin1(change.text);
      const next = this.splicer.splice(text, start, end, change.text, oneByte === true);
      if (markerFree) markerFree = !next.slice(Math.max(0, start - SUPPRESSION_MARKER.length), start + change.text.length + SUPPRESSION_MARKER.length).includes(SUPPRESSION_MARKER);
      positions = PositionIndex.afterChange(positions, next, start, end, change.text.length);
      pending = pending && compose(pending, start, end, change.text.length);
      text = next;
    }
    const document = new OpenDocument(uri, current.languageId, typeof version === 'number' ? version : current.version + 1, text, positions, pending, oneByte, markerFree);
    this.documents.set(uri, document);
    return { document };
  }

  close(params: DidCloseTextDocumentParams): OpenDocument | undefined {
    const document = this.documents.get(params.textDocument.uri);
    this.documents.delete(params.textDocument.uri);
    if (![...this.documents.values()].some((open) => open.text.length >= EXTERNAL_MIN_LENGTH)) this.splicer.release();
    return document;
  }
}

/** The pending edit followed by one more: [start, end) of the current text replaced by `inserted` characters. */
export function compose(pending: PendingEdit, start: number, end: number, inserted: number): PendingEdit {
  const delta = inserted - (end - start);
  if (pending.newEnd === pending.start && pending.oldEnd === pending.start) {
    // Nothing pending yet: the edit itself.
    return { since: pending.since, start, oldEnd: end, newEnd: start + inserted };
  }
  const mappedEnd = pending.newEnd >= end ? pending.newEnd + delta : pending.newEnd <= start ? pending.newEnd : start + inserted;
  return {
    since: pending.since,
    start: Math.min(pending.start, start),
    oldEnd: pending.oldEnd + Math.max(0, end - pending.newEnd),
    newEnd: Math.max(mappedEnd, start + inserted),
  };
}
