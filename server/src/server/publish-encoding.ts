// Pushed diagnostics (clients without pull: Neovim, Emacs, Vim) are sent whole at every version. Most
// keystrokes change none of them in line/character terms, yet encoding a large law's list (UU 11/2020: 223
// diagnostics, 69 KB) took ~1 ms per keystroke. The stdio writer writes a list equal to the last one pushed for
// its document with that one's bytes instead of stringifying it again.

import type { ContentTypeEncoderOptions, Diagnostic, Message } from 'vscode-languageserver';
import { Fingerprint, fingerprint, sameFingerprint } from './diagnostic-reports';

const PUBLISH = 'textDocument/publishDiagnostics';

/**
 * The last list pushed for each document, as a fingerprint and (once written) its encoded bytes: a list equal to
 * it is written with those bytes. Lists are remembered only until written (weakly).
 */
export class PushedDiagnostics {
  private readonly last = new Map<string, { print: Fingerprint; serial: number; bytes: Buffer | undefined }>();
  private readonly reuse = new WeakMap<readonly Diagnostic[], Buffer>();
  private readonly pending = new WeakMap<readonly Diagnostic[], { uri: string; serial: number }>();
  private serial = 0;

  /** Before pushing `items` for `uri`: the bytes of the last list are reused when `items` equal it. */
  settle(uri: string, items: Diagnostic[]): Diagnostic[] {
    const print = fingerprint(items);
    const last = this.last.get(uri);
    if (last !== undefined && last.bytes !== undefined && sameFingerprint(last.print, print)) {
      this.reuse.set(items, last.bytes);
    } else {
      const serial = ++this.serial;
      this.last.set(uri, { print, serial, bytes: undefined });
      this.pending.set(items, { uri, serial });
    }
    return items;
  }

  /** The bytes to write for `items`, when settle found them equal to the last list written. */
  bytesFor(items: readonly Diagnostic[]): Buffer | undefined {
    return this.reuse.get(items);
  }

  /** `items` were written as `bytes`: kept for the next equal list of their document (unless a newer list came). */
  encoded(items: readonly Diagnostic[], bytes: Buffer): void {
    const owner = this.pending.get(items);
    if (owner === undefined) return;
    const last = this.last.get(owner.uri);
    if (last !== undefined && last.serial === owner.serial) last.bytes = bytes;
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
 * application/json as vscode-jsonrpc writes it, except that a publishDiagnostics' list equal to the last one
 * pushed for its document (PushedDiagnostics.settle) is written with that one's bytes, spliced into the message.
 */
export function publishEncoder(pushed: PushedDiagnostics): PublishEncoder {
  return {
    name: 'application/json',
    encode(message: Message, options: ContentTypeEncoderOptions): Promise<Uint8Array> {
      try {
        const charset = options.charset as BufferEncoding;
        if (charset !== 'utf-8' && charset !== 'utf8') return Promise.resolve(Buffer.from(JSON.stringify(message), charset));
        if (!isPlainPublish(message)) return Promise.resolve(Buffer.from(JSON.stringify(message), 'utf8'));
        const { uri, version, diagnostics } = message.params;
        let list = pushed.bytesFor(diagnostics);
        if (list === undefined) {
          list = Buffer.from(JSON.stringify(diagnostics), 'utf8');
          pushed.encoded(diagnostics, list);
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
