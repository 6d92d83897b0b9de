// Pushed diagnostics (clients without pull: Neovim, Emacs, Vim) are sent whole at every version. Most
// keystrokes change none of them in line/character terms, yet encoding a large law's list (UU 11/2020: 223
// diagnostics, 69 KB) took ~1 ms per keystroke. An unchanged list keeps its array, and the stdio writer
// reuses that array's bytes instead of stringifying it again.

import type { ContentTypeEncoderOptions, Diagnostic, Message } from 'vscode-languageserver';
import { sameDiagnostics } from './diagnostic-reports';

const PUBLISH = 'textDocument/publishDiagnostics';

/** The last list pushed for each document, so that an equal list is sent as the same array. */
export class PushedDiagnostics {
  private readonly last = new Map<string, readonly Diagnostic[]>();

  /** `items`, or the array pushed last time for `uri` when it holds the same diagnostics. */
  settle(uri: string, items: Diagnostic[]): Diagnostic[] {
    const last = this.last.get(uri);
    const settled = last !== undefined && sameDiagnostics(last, items) ? (last as Diagnostic[]) : items;
    this.last.set(uri, settled);
    return settled;
  }

  forget(uri: string): void {
    this.last.delete(uri);
  }

  clear(): void {
    this.last.clear();
  }
}

interface PublishMessage {
  jsonrpc: string;
  method: typeof PUBLISH;
  params: { uri: string; version?: number; diagnostics: Diagnostic[] };
}

/** A publishDiagnostics notification with only the fields the encoder writes itself (anything else: generic path). */
function isPlainPublish(message: Message): message is Message & PublishMessage {
  const candidate = message as Partial<PublishMessage> & { id?: unknown };
  if (candidate.method !== PUBLISH || candidate.id !== undefined) return false;
  const params = candidate.params as Record<string, unknown> | undefined;
  if (params === null || typeof params !== 'object' || typeof params.uri !== 'string' || !Array.isArray(params.diagnostics)) return false;
  for (const key in params) if (key !== 'uri' && key !== 'version' && key !== 'diagnostics') return false;
  return params.version === undefined || typeof params.version === 'number';
}

/** vscode-jsonrpc's FunctionContentTypeEncoder (not re-exported by vscode-languageserver). */
export interface PublishEncoder {
  readonly name: string;
  encode(message: Message, options: ContentTypeEncoderOptions): Promise<Uint8Array>;
}

/**
 * application/json as vscode-jsonrpc writes it, except that a publishDiagnostics' list is encoded once per
 * array: the bytes are kept (weakly) with the array and spliced into the message.
 */
export function publishEncoder(): PublishEncoder {
  const encoded = new WeakMap<readonly Diagnostic[], Buffer>();
  return {
    name: 'application/json',
    encode(message: Message, options: ContentTypeEncoderOptions): Promise<Uint8Array> {
      try {
        const charset = options.charset as BufferEncoding;
        if (charset !== 'utf-8' && charset !== 'utf8') return Promise.resolve(Buffer.from(JSON.stringify(message), charset));
        if (!isPlainPublish(message)) return Promise.resolve(Buffer.from(JSON.stringify(message), 'utf8'));
        const { uri, version, diagnostics } = message.params;
        let list = encoded.get(diagnostics);
        if (list === undefined) {
          list = Buffer.from(JSON.stringify(diagnostics), 'utf8');
          encoded.set(diagnostics, list);
        }
        const versionField = version === undefined ? '' : `"version":${version},`;
        const head = `{"jsonrpc":${JSON.stringify(message.jsonrpc)},"method":"${PUBLISH}","params":{"uri":${JSON.stringify(uri)},${versionField}"diagnostics":`;
        return Promise.resolve(Buffer.concat([Buffer.from(head, 'utf8'), list, Buffer.from('}}', 'utf8')]));
      } catch (error) {
        return Promise.reject(error);
      }
    },
  };
}
