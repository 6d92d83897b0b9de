// The open documents, kept in sync with the client (full or incremental changes). Forgiving by design:
// a change for a document that was never opened, or one older than what we hold, is logged and ignored.

import type {
  DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams, TextDocumentContentChangeEvent,
} from 'vscode-languageserver';
import { PositionIndex } from './positions';

export class OpenDocument {
  private index: PositionIndex | undefined;

  constructor(readonly uri: string, readonly languageId: string, readonly version: number, readonly text: string, index?: PositionIndex) {
    this.index = index;
  }

  /** The line index of this version, built on first use. */
  get positions(): PositionIndex {
    this.index ??= new PositionIndex(this.text);
    return this.index;
  }
}

export type ChangeOutcome = { document: OpenDocument } | { ignored: string };

export class DocumentStore {
  private readonly documents = new Map<string, OpenDocument>();

  get(uri: string): OpenDocument | undefined {
    return this.documents.get(uri);
  }

  all(): OpenDocument[] {
    return [...this.documents.values()];
  }

  open(params: DidOpenTextDocumentParams): OpenDocument {
    const { uri, languageId, version, text } = params.textDocument;
    const document = new OpenDocument(uri, languageId, version, typeof text === 'string' ? text : '');
    this.documents.set(uri, document);
    return document;
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
    let positions: PositionIndex | undefined = current.positions;
    for (const change of params.contentChanges ?? []) {
      text = applyChange(text, positions ?? new PositionIndex(text), change);
      positions = undefined;
    }
    // The line index of the new text is built once, on first use.
    const document = new OpenDocument(uri, current.languageId, typeof version === 'number' ? version : current.version + 1, text, positions);
    this.documents.set(uri, document);
    return { document };
  }

  close(params: DidCloseTextDocumentParams): OpenDocument | undefined {
    const document = this.documents.get(params.textDocument.uri);
    this.documents.delete(params.textDocument.uri);
    return document;
  }
}

function applyChange(text: string, positions: PositionIndex, change: TextDocumentContentChangeEvent): string {
  if (typeof change.text !== 'string') return text;
  if (!('range' in change) || !change.range) return change.text;
  const { start, end } = positions.offsets(change.range);
  return text.slice(0, start) + change.text + text.slice(end);
}
