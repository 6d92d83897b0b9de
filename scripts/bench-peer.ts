// The peer: Microsoft's vscode-markdown-languageservice (what VS Code runs for Markdown) over an in-memory,
// one-document workspace, with markdown-it as its parser (as in VS Code). One "run" = document symbols +
// link diagnostics of a fresh document (new URI and version, so nothing is served from its caches).

import MarkdownIt from 'markdown-it';
import * as md from 'vscode-markdown-languageservice';
import { CancellationTokenSource, Emitter } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';

class MemoryWorkspace implements md.IWorkspace {
  private readonly documents = new Map<string, md.ITextDocument>();
  private readonly changed = new Emitter<md.ITextDocument>();
  private readonly created = new Emitter<md.ITextDocument>();
  private readonly deleted = new Emitter<URI>();
  readonly onDidChangeMarkdownDocument = this.changed.event;
  readonly onDidCreateMarkdownDocument = this.created.event;
  readonly onDidDeleteMarkdownDocument = this.deleted.event;

  get workspaceFolders(): readonly URI[] {
    return [URI.file('/bench')];
  }

  set(document: md.ITextDocument): void {
    this.documents.clear();
    this.documents.set(document.uri, document);
    this.created.fire(document);
  }

  async getAllMarkdownDocuments(): Promise<Iterable<md.ITextDocument>> {
    return this.documents.values();
  }

  hasMarkdownDocument(resource: URI): boolean {
    return this.documents.has(resource.toString());
  }

  async openMarkdownDocument(resource: URI): Promise<md.ITextDocument | undefined> {
    return this.documents.get(resource.toString());
  }

  async stat(resource: URI): Promise<md.FileStat | undefined> {
    return this.documents.has(resource.toString()) ? { isDirectory: false } : undefined;
  }

  async readDirectory(): Promise<Iterable<readonly [string, md.FileStat]>> {
    return [];
  }
}

const DIAGNOSTIC_OPTIONS: md.DiagnosticOptions = {
  validateReferences: md.DiagnosticLevel.warning,
  validateFragmentLinks: md.DiagnosticLevel.warning,
  validateFileLinks: md.DiagnosticLevel.warning,
  validateMarkdownFileLinkFragments: md.DiagnosticLevel.warning,
  validateUnusedLinkDefinitions: md.DiagnosticLevel.hint,
  validateDuplicateLinkDefinitions: md.DiagnosticLevel.warning,
  ignoreLinks: [],
};

export interface PeerResult {
  symbols: number;
  diagnostics: number;
}

export class MarkdownPeer {
  private readonly workspace = new MemoryWorkspace();
  private readonly service: md.IMdLanguageService;
  private serial = 0;

  constructor() {
    const engine = new MarkdownIt({ html: true });
    const parser: md.IMdParser = {
      slugifier: md.githubSlugifier,
      tokenize: async (document) => engine.parse(document.getText(), {}) as unknown as md.Token[],
    };
    const logger: md.ILogger = { level: md.LogLevel.Off, log: () => undefined };
    this.service = md.createLanguageService({ workspace: this.workspace, parser, logger });
  }

  /** Document symbols and diagnostics of `text` as a new document. */
  async run(text: string): Promise<PeerResult> {
    this.serial++;
    const document = TextDocument.create(URI.file(`/bench/doc-${this.serial}.md`).toString(), 'markdown', this.serial, text);
    this.workspace.set(document);
    const token = new CancellationTokenSource().token;
    const symbols = await this.service.getDocumentSymbols(document, { includeLinkDefinitions: true }, token);
    const diagnostics = await this.service.computeDiagnostics(document, DIAGNOSTIC_OPTIONS, token);
    return { symbols: symbols.length, diagnostics: diagnostics.length };
  }

  dispose(): void {
    this.service.dispose();
  }
}
