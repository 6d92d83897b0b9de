// The VS Code side of Perwal: start the language server (dist/server.js, over IPC), switch .txt/.md files
// that look like a regulation to the "perwal" language, and two small commands. Everything else is LSP.

import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, Location as LspLocation, Position as LspPosition, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { machineCores, serverEnvironment, serverExecArgv } from '../../server/src/launch/environment';

let client: LanguageClient | undefined;

/** A regulation opens with its title or the preamble formula, in capitals, within its first lines. */
const REGULATION_OPENING = /^[\s#*>_-]*(PERATURAN\s+(WALI\s*KOTA|WALIKOTA|BUPATI|DAERAH|GUBERNUR|MENTERI|PEMERINTAH)\b|UNDANG-UNDANG\b|DENGAN\s+RAHMAT\s+TUHAN\s+YANG\s+MAHA\s+ESA\b)/m;
const LINES_TO_SCAN = 30;
/** Real files, new untitled files, and virtual workspaces (the server never reads the disk). */
const SCHEMES = ['file', 'untitled', 'vscode-vfs'];

export function activate(context: vscode.ExtensionContext): { ready: Promise<void> } {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  // The server's process gets the environment and Node options it is tuned for (malloc settings that keep
  // keystrokes off fresh pages, V8 helper threads that leave a core to the editor).
  const env = serverEnvironment(process.env, process.platform);
  const cores = machineCores();
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { env, execArgv: serverExecArgv([], cores) } },
    debug: { module, transport: TransportKind.ipc, options: { env, execArgv: serverExecArgv(['--nolazy', '--inspect=6009'], cores) } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: SCHEMES.map((scheme) => ({ scheme, language: 'perwal' })),
    // Pull diagnostics after each change: the server answers "unchanged" in a few bytes when a keystroke
    // changed none, instead of pushing every diagnostic of a large law again.
    diagnosticPullOptions: { onChange: true, onSave: false },
  };
  client = new LanguageClient('perwal', 'Perwal', serverOptions, clientOptions);

  const switched = new Set<string>();
  const detect = (document: vscode.TextDocument): void => {
    if (!looksLikeRegulation(document) || switched.has(document.uri.toString())) return;
    if (vscode.workspace.getConfiguration('perwal', document.uri).get('detectLanguage') === false) return;
    switched.add(document.uri.toString()); // once: a user who switches it back keeps their choice
    void vscode.languages.setTextDocumentLanguage(document, 'perwal');
  };

  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(detect),
    // A new untitled tab is empty when opened: look again once a regulation is pasted into it.
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document.isUntitled) detect(event.document);
    }),
    vscode.commands.registerCommand('perwal.setLanguage', async () => {
      const document = vscode.window.activeTextEditor?.document;
      if (document) await vscode.languages.setTextDocumentLanguage(document, 'perwal');
    }),
    // Run by the server's code lenses: show the citing places in the references peek view.
    vscode.commands.registerCommand('perwal.showReferences', async (uri: string, position: LspPosition, locations: LspLocation[]) => {
      const converter = client!.protocol2CodeConverter;
      await vscode.commands.executeCommand('editor.action.showReferences', vscode.Uri.parse(uri), converter.asPosition(position), await Promise.all(locations.map((location) => converter.asLocation(location))));
    }),
  );
  vscode.workspace.textDocuments.forEach(detect);
  const ready = client.start();
  ready.catch((error: unknown) => void vscode.window.showErrorMessage(`Perwal: the language server did not start: ${error instanceof Error ? error.message : String(error)}`));
  return { ready };
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}

function looksLikeRegulation(document: vscode.TextDocument): boolean {
  if (document.languageId !== 'plaintext' && document.languageId !== 'markdown') return false;
  if (!SCHEMES.includes(document.uri.scheme)) return false;
  const lines = Math.min(document.lineCount, LINES_TO_SCAN);
  return lines > 0 && REGULATION_OPENING.test(document.getText(new vscode.Range(0, 0, lines, 0)));
}
