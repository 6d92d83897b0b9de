// The Perwal language server: a thin LSP edge over the pure service in ../features. Every request handler
// has the same few lines: find the document (empty answer if it is not open), take its cached analysis,
// call the pure feature, convert offsets and messages to LSP. Started over stdio (`--stdio`, the default)
// or node IPC (`--node-ipc`, the VS Code client).

import {
  CancellationToken, CodeAction, CodeActionKind, CodeActionTriggerKind, createConnection, Diagnostic as LspDiagnostic, DidChangeConfigurationNotification, DocumentDiagnosticReport,
  DocumentSymbol, ErrorCodes,
  InitializeParams, InitializeResult, Location, LSPErrorCodes, MessageType, ResponseError, ShowMessageNotification,
  StreamMessageReader, StreamMessageWriter, SymbolInformation,
} from 'vscode-languageserver/node';
import { analyze, Analysis, AnalysisOptions, unstructured } from '../features/analysis';
import { CodeAction as PlainCodeAction, codeActions, fixAllAction, resolveDeferred } from '../features/code-actions';
import { codeLenses, lensPlaces } from '../features/code-lens';
import { completions } from '../features/completion';
import { definition } from '../features/definition';
import type { DiagnosticOptions } from '../features/diagnostics';
import { referencesTo } from '../features/find-references';
import { foldingRanges } from '../features/folding';
import { hover } from '../features/hover';
import { prepareForEdits, reanalyze, rehearseEdits, settleAnalysis } from '../features/incremental';
import { Locale, localeOf, pick } from '../features/messages';
import { outline } from '../features/outline';
import { prepareRename, rename } from '../features/rename';
import { selectionRanges } from '../features/selection-ranges';
import { semanticTokens } from '../features/semantic-tokens';
import { applySuppressions } from '../features/suppressions';
import { workspaceSymbols } from '../features/workspace-symbols';
import { AnalysisCache } from './analysis-cache';
import { SEMANTIC_TOKEN_TYPES, serverCapabilities } from './capabilities';
import { DiagnosticReports } from './diagnostic-reports';
import { publishEncoder, PushedDiagnostics } from './publish-encoding';
import { hasServerEnvironment } from '../launch/environment';
import { DocumentStore, OpenDocument } from './documents';
import { SETTLE_MIN_LENGTH } from './heap';
import { PositionIndex } from './positions';
import { parseResolveData, resolveDataOf } from './resolve-data';
import { DEFAULT_SETTINGS, parseSettings, Settings, settingsWarning } from './settings';
import { Structure, StructureJob, structureInWorker } from './structure-worker';
import { warmUp } from './warm-up';
import {
  flattenSymbols, symbolKindOf, toCodeAction, toCodeLens, toCompletionItem, toDiagnostic, toDocumentSymbols, toFoldingRanges, toHover,
  toLocationLinks, toLocations, toSelectionRange, toSemanticTokens, toWorkspaceEdit,
} from './to-protocol';

const OTHER_TRANSPORTS = /^--(node-ipc|socket|pipe)/;

/** Over stdio, a frame the reader cannot parse (a bad Content-Length) would leave the server deaf: say so and exit,
 *  so the client restarts it, instead of staying alive and silent. */
function stdioConnection(): ReturnType<typeof createConnection> {
  const reader = new StreamMessageReader(process.stdin);
  reader.onError((error) => {
    // A body that is not JSON is skipped by the reader; only a broken frame header loses the stream.
    if (!/header|content-length/i.test(error.message)) {
      process.stderr.write(`[perwal] ignored a message that is not JSON (${error.message})\n`);
      return;
    }
    process.stderr.write(`[perwal] unreadable message from the client (${error.message}); exiting so that it can restart the server\n`);
    process.exit(1);
  });
  return createConnection(reader, new StreamMessageWriter(process.stdout, { charset: 'utf-8', contentTypeEncoder: publishEncoder(pushed) }));
}

// Push mode: the last list pushed per document; the stdio writer writes an equal list with its bytes.
const pushed = new PushedDiagnostics();
const connection = process.argv.some((arg) => OTHER_TRANSPORTS.test(arg)) ? createConnection() : stdioConnection();

const documents = new DocumentStore({
  // Started with the server's malloc tunables (Linux; launch/environment.ts): versions come from a heap it keeps.
  growHeap: process.platform === 'linux' && hasServerEnvironment(process.env, process.platform),
  onHeapGrown: (megabytes, ms, uri) => log(`wrote ${megabytes} MB for the versions of ${uri} to come (${ms.toFixed(0)} ms)`),
});
const cache = new AnalysisCache(64);
/** Per document, how to cancel its scheduled analysis. */
const pendingAnalysis = new Map<string, () => void>();
const warnedTooLarge = new Set<string>();
/** Structure of documents over the size limit, computed in a worker (one job per document, for one version). */
const structureJobs = new Map<string, { version: number; job: StructureJob }>();

/** Pull mode: the last report each document got, and when each document last changed (for the debounce). */
const reports = new DiagnosticReports();
const changedAt = new Map<string, number>();

let settings: Settings = DEFAULT_SETTINGS;
let lastSettingsWarning: string | undefined;
let clientLocale: string | undefined;
let canPullConfiguration = false;
/** Until the first workspace/configuration answer, diagnostics wait (no flash of default severities). */
let awaitingFirstSettings = false;
let firstSettingsArrived: () => void = () => undefined;
const firstSettings = new Promise<void>((resolve) => (firstSettingsArrived = resolve));
/** The client pulls diagnostics (textDocument/diagnostic) instead of waiting for publishDiagnostics. */
let pullDiagnostics = false;
let canRefreshDiagnostics = false;
let canRegisterConfigurationChange = false;
let versionedEdits = false;
let hierarchicalSymbols = false;
let definitionLinks = false;
/** The client resolves a code action's edit when it is chosen: fix all is then computed only if the user picks it. */
let resolveCodeActions = false;

function locale(): Locale {
  return settings.locale === 'auto' ? localeOf(clientLocale) : settings.locale;
}

/** window/showMessage (a notification: nothing to answer, works with every client). */
function showWarning(message: string): void {
  void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
}

function showInformation(message: string): void {
  void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message });
}

function log(message: string): void {
  connection.console.log(`[perwal] ${message}`);
}

// ---- lifecycle -----------------------------------------------------------------------------------

connection.onInitialize((params: InitializeParams): InitializeResult => {
  clientLocale = params.locale;
  const capabilities = params.capabilities ?? {};
  canPullConfiguration = capabilities.workspace?.configuration === true;
  awaitingFirstSettings = canPullConfiguration;
  canRegisterConfigurationChange = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
  versionedEdits = capabilities.workspace?.workspaceEdit?.documentChanges === true;
  hierarchicalSymbols = capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true;
  definitionLinks = capabilities.textDocument?.definition?.linkSupport === true;
  pullDiagnostics = capabilities.textDocument?.diagnostic !== undefined;
  canRefreshDiagnostics = capabilities.workspace?.diagnostics?.refreshSupport === true;
  resolveCodeActions = capabilities.textDocument?.codeAction?.resolveSupport?.properties?.includes('edit') === true;
  const options = params.initializationOptions as { settings?: { perwal?: unknown }; perwal?: unknown } | undefined;
  const initial = options?.settings?.perwal ?? options?.perwal;
  if (initial !== undefined) applySettings(initial);
  // Before answering, while no document can arrive yet: the first keystrokes then run optimised code.
  try {
    const warmed = warmUp();
    log(`warmed up in ${warmed.ms.toFixed(0)} ms (${warmed.edits} edits, ${warmed.incremental} incremental, ${warmed.restructured} of them re-parsed)`);
  } catch (error) {
    log(`warm-up failed (the server works, its first keystrokes are slower): ${describe(error)}`);
  }
  return { capabilities: serverCapabilities({ pullDiagnostics, resolveCodeActions }), serverInfo: { name: 'perwal-language-server', version: '0.1.0' } };
});

connection.onInitialized(() => {
  if (canRegisterConfigurationChange) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'perwal' }).catch((error) => log(`cannot register for configuration changes: ${describe(error)}`));
  }
  if (canPullConfiguration) void pullSettings();
});

connection.onDidChangeConfiguration(notification('workspace/didChangeConfiguration', (params) => {
  if (canPullConfiguration) void pullSettings();
  else applySettings((params?.settings as { perwal?: unknown } | undefined)?.perwal);
}));

async function pullSettings(): Promise<void> {
  try {
    const [section] = await connection.workspace.getConfiguration([{ section: 'perwal' }]);
    applySettings(section);
  } catch (error) {
    log(`workspace/configuration failed: ${describe(error)}`);
  } finally {
    if (awaitingFirstSettings) {
      awaitingFirstSettings = false;
      firstSettingsArrived();
      for (const document of documents.all()) scheduleAnalysis(document.uri, 0);
    }
  }
}

/** New settings: warn once about bad values, forget every analysis, re-check the open documents. */
function applySettings(raw: unknown): void {
  const { settings: next, problems } = parseSettings(raw);
  const changed = JSON.stringify(next) !== JSON.stringify(settings);
  settings = next;
  const warning = settingsWarning(problems, locale());
  if (warning && warning !== lastSettingsWarning) showWarning(warning);
  lastSettingsWarning = warning;
  if (!changed) return;
  cache.clear();
  warnedTooLarge.clear();
  reports.clear();
  pushed.clear();
  if (pullDiagnostics) {
    // Before the first settings no report was made (pulls wait for them): nothing to refresh.
    if (canRefreshDiagnostics && !awaitingFirstSettings) connection.languages.diagnostics.refresh().catch((error) => log(`workspace/diagnostic/refresh failed: ${describe(error)}`));
    return;
  }
  for (const document of documents.all()) scheduleAnalysis(document.uri, 0);
}

// ---- documents and diagnostics -----------------------------------------------------------------

connection.onDidOpenTextDocument(notification('textDocument/didOpen', (params) => {
  const document = documents.open(params);
  changedAt.delete(document.uri); // a document just opened is analysed at once
  scheduleAnalysis(document.uri, 0);
}));

connection.onDidChangeTextDocument(notification('textDocument/didChange', (params) => {
  const outcome = documents.change(params);
  if ('ignored' in outcome) log(`ignored ${outcome.ignored}`);
  else {
    changedAt.set(outcome.document.uri, performance.now());
    scheduleAnalysis(outcome.document.uri, settings.debounceMs);
  }
}));

connection.onDidCloseTextDocument(notification('textDocument/didClose', (params) => {
  const uri = params.textDocument.uri;
  pendingAnalysis.get(uri)?.();
  pendingAnalysis.delete(uri);
  cache.delete(uri);
  stopStructureJob(uri);
  warnedTooLarge.delete(uri);
  reports.forget(uri);
  pushed.forget(uri);
  changedAt.delete(uri);
  if (documents.close(params) && !pullDiagnostics) void connection.sendDiagnostics({ uri, diagnostics: [] });
}));

/**
 * Debounce: only the version current when the quiet time ends is analysed; earlier timers are dropped. Without
 * a quiet time the analysis runs right after the pending input (setTimeout would wait at least 1 ms).
 */
function scheduleAnalysis(uri: string, delayMs: number): void {
  if (pullDiagnostics) return; // the client asks when it wants them
  pendingAnalysis.get(uri)?.();
  const run = (): void => {
    pendingAnalysis.delete(uri);
    try {
      publishDiagnostics(uri);
    } catch (error) {
      log(`diagnostics for ${uri} failed: ${describe(error)}`);
    }
  };
  if (delayMs > 0) {
    const timer = setTimeout(run, delayMs);
    pendingAnalysis.set(uri, () => clearTimeout(timer));
  } else {
    const immediate = setImmediate(run);
    pendingAnalysis.set(uri, () => clearImmediate(immediate));
  }
}

function publishDiagnostics(uri: string): void {
  const document = documents.get(uri);
  if (!document || awaitingFirstSettings) return;
  const items = lspDiagnostics(document);
  // Kept for reuse once the document is typed into: one opened to be read would hold the list for nothing.
  void connection.sendDiagnostics({ uri, version: document.version, diagnostics: document.opened ? items : pushed.settle(uri, items) });
}

function lspDiagnostics(document: OpenDocument): LspDiagnostic[] {
  const current = locale();
  const analysis = analysisOf(document, true);
  // The tree's tail is moved once the answer is out. vscode-jsonrpc writes it from a setImmediate of its own,
  // queued after this one: a second hop lets the write go first (one hop delayed every answer by the move).
  setImmediate(() => setImmediate(() => settleQuietly(analysis, document.uri)));
  return analysis.diagnostics.map((diagnostic) => toDiagnostic(diagnostic, document.uri, document.positions, current));
}

/**
 * Pull mode: the same debounce as pushing (answer once the document has been quiet for perwal.debounceMs; a
 * client that types on cancels the request and asks again), then the diagnostics of the current version, or
 * "unchanged" when the client already holds exactly these.
 */
connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
  const method = 'textDocument/diagnostic';
  if (awaitingFirstSettings) await firstSettings;
  const uri = params?.textDocument?.uri;
  for (let quiet = quietFor(uri); quiet > 0 && !token.isCancellationRequested; quiet = quietFor(uri)) await delay(quiet, token);
  if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, `${method} cancelled`);
  const document = documents.get(uri);
  if (!document) return { kind: 'full', items: [] };
  try {
    return reports.report(uri, document.version, lspDiagnostics(document), params.previousResultId);
  } catch (error) {
    throw failure(method, error);
  }
});

/** Milliseconds until the document has been unchanged for perwal.debounceMs (0: now). */
function quietFor(uri: string): number {
  const changed = changedAt.get(uri);
  return changed === undefined ? 0 : Math.max(0, changed + settings.debounceMs - performance.now());
}

/** Resolves after `ms`, or as soon as the request is cancelled. */
function delay(ms: number, token: CancellationToken): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    const cancelled = token.onCancellationRequested(done);
    function done(): void {
      clearTimeout(timer);
      cancelled.dispose();
      resolve();
    }
  });
}

/** The analysis of the document's current version: cached, computed at most once per version. */
function isTooLarge(document: OpenDocument): boolean {
  const limitBytes = settings.maxFileSizeMB * 1024 * 1024;
  return document.text.length * 3 > limitBytes && document.utf8Bytes > limitBytes;
}

/** The structure of a document over the size limit, from its worker (started on first need). */
function structureJob(document: OpenDocument): Promise<Structure> {
  const running = structureJobs.get(document.uri);
  if (running && running.version === document.version) return running.job.result;
  running?.job.stop();
  const job = structureInWorker(document.text);
  structureJobs.set(document.uri, { version: document.version, job });
  return job.result;
}

function stopStructureJob(uri: string): void {
  structureJobs.get(uri)?.job.stop();
  structureJobs.delete(uri);
}

/** Outside any handler, so never thrown: on failure the half-moved analysis is dropped, and the next request analyses afresh. */
function settleQuietly(analysis: Analysis, uri: string): void {
  try {
    settleAnalysis(analysis);
  } catch (error) {
    cache.delete(uri);
    log(`moving the tree of ${uri} after answering failed, dropped its analysis: ${describe(error)}`);
  }
}

/**
 * `forDiagnostics`: the caller reads only the diagnostics, which are final even while the tree of a keystroke's
 * analysis has its tail still to move (features/incremental.ts, deferTreeMoves); every other caller gets it settled.
 */
function analysisOf(document: OpenDocument, forDiagnostics = false): Analysis {
  const analysis = cachedAnalysis(document);
  if (!forDiagnostics) settleAnalysis(analysis);
  return analysis;
}

function cachedAnalysis(document: OpenDocument): Analysis {
  return cache.get(document.uri, document.version, () => {
    const tooLarge = isTooLarge(document);
    if (tooLarge) {
      // Over the limit: the main thread keeps no structure (a worker computes outline and folding), so it never freezes.
      warnTooLarge(document);
      void structureJob(document);
      return unstructured(document.text);
    }
    const options: AnalysisOptions = {
      severity: settings.severity as DiagnosticOptions['severity'],
      maxBytesForFullAnalysis: tooLarge ? 0 : undefined,
    };
    try {
      const incremental = moved(document, options);
      let analysis = incremental ?? analyze(document.text, options);
      // Just opened: prepare for the keystrokes to come while there is time. Not for a text replaced whole by
      // a change: a client that sends the whole text on every keystroke would pay for it on each.
      if (document.opened && !incremental) {
        if (!rehearsed && document.text.length >= SETTLE_MIN_LENGTH) analysis = rehearse(document, analysis, options);
        prepareForEdits(analysis);
        documents.prepareForEdits(document);
      }
      document.analysed();
      return document.maySuppress ? { ...analysis, diagnostics: applySuppressions(analysis.text, analysis.diagnostics) } : analysis;
    } catch (error) {
      log(`analysis of ${document.uri} (version ${document.version}) failed: ${describe(error)}`);
      return analyze('');
    }
  });
}

/** Whether the keystroke path has been rehearsed on a large law in this process (once is enough: the code stays compiled). */
let rehearsed = false;

/** The first large law opened: its structural keystroke path is rehearsed before the user types (features/incremental.ts). */
function rehearse(document: OpenDocument, analysis: Analysis, options: AnalysisOptions): Analysis {
  rehearsed = true;
  const started = performance.now();
  try {
    const rehearsal = rehearseEdits(analysis, options);
    log(`rehearsed ${rehearsal.edits} keystrokes (${rehearsal.restructured} re-parsed) on ${fileName(document.uri)} in ${(performance.now() - started).toFixed(0)} ms${rehearsal.incremental ? '' : ', then analysed it afresh'}`);
    return rehearsal.analysis;
  } catch (error) {
    // The rehearsal may have consumed the analysis half way: the text is analysed afresh (what a user sees is unchanged).
    log(`rehearsing keystrokes on ${fileName(document.uri)} failed, analysing it afresh: ${describe(error)}`);
    return analyze(document.text, options);
  }
}

/** The previous version's analysis moved over the edits since (features/incremental.ts), when they allow it. */
function moved(document: OpenDocument, options: AnalysisOptions): Analysis | undefined {
  const pending = document.pending;
  const previous = cache.take(document.uri);
  if (!pending || !previous || previous.version !== pending.since || previous.analysis.text.length !== document.text.length - (pending.newEnd - pending.oldEnd)) return undefined;
  const change = { start: pending.start, end: pending.oldEnd, newText: document.text.slice(pending.start, pending.newEnd) };
  try {
    return reanalyze(previous.analysis, document.text, change, { ...options, deferTreeMoves: true });
  } catch (error) {
    // The previous analysis may be half moved: it is gone from the cache; analyse from scratch.
    log(`incremental analysis of ${document.uri} (version ${document.version}) failed, analysing anew: ${describe(error)}`);
    return undefined;
  }
}

/** How edits offered to the user are read back before they are offered: with the user's severities, like the document. */
function checkingAnalyser(text: string): Analysis {
  return analyze(text, { severity: settings.severity as DiagnosticOptions['severity'] });
}

function warnTooLarge(document: OpenDocument): void {
  if (warnedTooLarge.has(document.uri)) return;
  warnedTooLarge.add(document.uri);
  const name = fileName(document.uri);
  const size = (document.utf8Bytes / (1024 * 1024)).toFixed(1);
  const limit = settings.maxFileSizeMB;
  showWarning(locale() === 'id'
    ? `Perwal: ${name} berukuran ${size} MB, melebihi perwal.maxFileSizeMB (${limit} MB): hanya struktur (kerangka, lipatan) yang dihitung; rujukan dan diagnostik dilewati.`
    : `Perwal: ${name} is ${size} MB, above perwal.maxFileSizeMB (${limit} MB): only the structure (outline, folding) is computed; references and diagnostics are skipped.`);
}

// ---- requests: every handler is "document → analysis → pure feature → convert" ------------------

interface Context {
  readonly document: OpenDocument;
  readonly analysis: Analysis;
  readonly positions: PositionIndex;
  readonly locale: Locale;
}

connection.onDocumentSymbol(onDocument('textDocument/documentSymbol', [], ({ document, analysis, positions }) => {
  const shown = (symbols: DocumentSymbol[]): DocumentSymbol[] | SymbolInformation[] => (hierarchicalSymbols ? symbols : flattenSymbols(symbols, document.uri));
  if (isTooLarge(document)) return structureJob(document).then((structure) => shown(structure.symbols), (error) => failedStructure(document, error, []));
  return shown(toDocumentSymbols(outline(analysis.regulation, { depth: 'ayat' }), positions));
}));

connection.onDefinition(onDocument('textDocument/definition', [], ({ document, analysis, positions }, params) => {
  const links = toLocationLinks(definition(analysis, positions.offsetAt(params.position)), document.uri, positions);
  return definitionLinks ? links : toLocations(links);
}));

connection.onReferences(onDocument('textDocument/references', [], ({ document, analysis, positions }, params) =>
  referencesTo(analysis, positions.offsetAt(params.position), params.context?.includeDeclaration ?? true)
    .map((range): Location => ({ uri: document.uri, range: positions.range(range) }))));

connection.onHover(onDocument('textDocument/hover', null, ({ analysis, positions, locale: current }, params) =>
  toHover(hover(analysis, positions.offsetAt(params.position), current), positions)));

connection.onCompletion(onDocument('textDocument/completion', [], ({ analysis, positions, locale: current }, params) =>
  completions(analysis, positions.offsetAt(params.position), current).map(toCompletionItem)));

connection.onCodeLens(onDocument('textDocument/codeLens', [], ({ document, analysis, positions, locale: current }) => {
  const lenses = codeLenses(analysis, current);
  const places = lensPlaces(analysis, lenses);
  return lenses.map((lens) => toCodeLens(lens, document.uri, positions, (places.get(lens.unitId) ?? []).map((range) => ({ uri: document.uri, range: positions.range(range) }))));
}));

connection.languages.semanticTokens.on(onDocument('textDocument/semanticTokens/full', { data: [] }, ({ analysis, positions }) =>
  toSemanticTokens(semanticTokens(analysis), SEMANTIC_TOKEN_TYPES, positions)));

connection.onFoldingRanges(onDocument('textDocument/foldingRange', [], ({ document, analysis, positions }) => {
  if (isTooLarge(document)) return structureJob(document).then((structure) => structure.folding, (error) => failedStructure(document, error, []));
  return toFoldingRanges(foldingRanges(analysis), positions);
}));

/** A stopped (newer version, closed) or failed structure job answers empty; a failure is logged. */
function failedStructure<T>(document: OpenDocument, error: unknown, empty: T): T {
  if (documents.get(document.uri) === document) log(`structure of ${document.uri} (version ${document.version}) failed: ${describe(error)}`);
  return empty;
}

connection.onSelectionRanges(onDocument('textDocument/selectionRange', [], ({ analysis, positions }, params) => {
  const offsets = (params.positions ?? []).map((position) => positions.offsetAt(position));
  const chains = selectionRanges(analysis, offsets);
  return offsets.map((offset, index) => toSelectionRange(chains[index] ?? [], offset, positions));
}));

connection.onWorkspaceSymbol(request('workspace/symbol', (params) => {
  const open = documents.all();
  const analysed = open.map((document) => ({ uri: document.uri, analysis: analysisOf(document) }));
  const byUri = new Map(open.map((document) => [document.uri, document]));
  return workspaceSymbols(analysed, String(params?.query ?? '')).map((symbol) => ({
    name: symbol.name,
    kind: symbolKindOf(symbol.kind),
    location: { uri: symbol.uri, range: byUri.get(symbol.uri)!.positions.range(symbol.range) },
    containerName: symbol.containerName || undefined,
  }));
}));

connection.onCodeAction(onDocument('textDocument/codeAction', [], (context, params) => {
  const { analysis, positions } = context;
  const only = params.context?.only;
  const wants = (kind: string): boolean => !only || only.some((prefix) => kind === prefix || kind.startsWith(`${prefix}.`));
  const uri = context.document.uri;
  const edit = { uri, version: context.document.version, positions, locale: context.locale, versioned: versionedEdits };
  // A deferred action carries what codeAction/resolve reads back.
  const convert = (action: PlainCodeAction): CodeAction => toCodeAction(action.deferred ? { ...action, data: resolveDataOf(uri, action) } : action, edit);
  // Asked automatically (the cursor moved onto a finding, as VS Code does while one types): no fix all, which costs
  // a large law seconds of re-analysis; and with a client that resolves actions, the quick fixes unchecked (each
  // check re-reads the edited text: 40-300 ms on the largest laws), checked by codeAction/resolve when one is picked.
  // Asked by the user: checked quick fixes, and fix all, deferred to resolve when the client can.
  const automatic = params.context?.triggerKind === CodeActionTriggerKind.Automatic;
  const mode = automatic ? 'none' : resolveCodeActions ? 'deferred' : 'eager';
  // "Fix all on save" asks for source.fixAll alone, over the whole law: no quick fix is computed for it.
  const actions: CodeAction[] = codeActions(analysis, positions.offsets(params.range), checkingAnalyser, mode, automatic && resolveCodeActions, wants(CodeActionKind.QuickFix))
    .filter((action) => wants(action.kind))
    .map(convert);
  if (only && wants(CodeActionKind.SourceFixAll) && !actions.some((action) => action.kind === CodeActionKind.SourceFixAll)) {
    const action = fixAllAction(analysis, checkingAnalyser, resolveCodeActions);
    if (action) actions.push(convert(action));
  }
  return actions;
}));

/**
 * A deferred action, chosen: its edit for the document as it is now (the edit names that version). Fix all is
 * computed; a quick fix is checked (found again by its finding's code and range, and its title). An action whose
 * data does not name an open document is answered unchanged; one that turned out unsafe gets no edit, and the
 * user is told why.
 */
connection.onCodeActionResolve(request('codeAction/resolve', (action: CodeAction): CodeAction => {
  const data = parseResolveData(action?.data);
  const document = data ? documents.get(data.uri) : undefined;
  if (!data || !document) return action;
  if (!data.fix && action.kind !== CodeActionKind.SourceFixAll) return action;
  const { edits, notice } = resolveDeferred(analysisOf(document), data.fix, checkingAnalyser);
  if (notice) showInformation(pick(notice, locale()));
  if (edits.length === 0) return action;
  return { ...action, edit: toWorkspaceEdit(edits, document.uri, document.version, document.positions, versionedEdits) };
}));

connection.onPrepareRename(onDocument('textDocument/prepareRename', null, ({ analysis, positions, locale: current }, params) => {
  const result = prepareRename(analysis, positions.offsetAt(params.position));
  if ('error' in result) throw new ResponseError(LSPErrorCodes.RequestFailed, pick(result.error, current));
  return { range: positions.range(result.range), placeholder: result.placeholder };
}));

connection.onRenameRequest(onDocument('textDocument/rename', null, ({ document, analysis, positions, locale: current }, params) => {
  const result = rename(analysis, positions.offsetAt(params.position), String(params.newName ?? ''), checkingAnalyser);
  if ('error' in result) throw new ResponseError(LSPErrorCodes.RequestFailed, pick(result.error, current));
  return toWorkspaceEdit(result.edits, document.uri, document.version, positions, versionedEdits);
}));

// ---- plumbing -------------------------------------------------------------------------------------

/** A request about one document: empty answer when it is not open. */
function onDocument<P extends { textDocument: { uri: string } }, R, E>(method: string, empty: E, body: (context: Context, params: P) => R) {
  return request(method, (params: P): R | E => {
    const document = documents.get(params?.textDocument?.uri);
    if (!document) return empty;
    return body({ document, analysis: analysisOf(document), positions: document.positions, locale: locale() }, params);
  });
}

/** Any request: a cancelled one is not started; an exception becomes an error response and a log line. */
function request<P, R>(method: string, body: (params: P) => R) {
  return (params: P, token?: CancellationToken): R | ResponseError<void> => {
    if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, `${method} cancelled`);
    try {
      return body(params);
    } catch (error) {
      return failure(method, error);
    }
  };
}

/** What a request that threw answers: its own ResponseError, or an internal error (logged). */
function failure(method: string, error: unknown): ResponseError<void> {
  if (error instanceof ResponseError) return error as ResponseError<void>;
  log(`${method} failed: ${describe(error)}`);
  return new ResponseError(ErrorCodes.InternalError, `Perwal: ${method} failed: ${error instanceof Error ? error.message : String(error)}`);
}

/** A notification handler that logs instead of throwing. */
function notification<P>(method: string, body: (params: P) => void): (params: P) => void {
  return (params) => {
    try {
      body(params);
    } catch (error) {
      log(`${method} failed: ${describe(error)}`);
    }
  };
}

function fileName(uri: string): string {
  const last = uri.replace(/[?#].*$/, '').replace(/^.*\//, '');
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

process.on('uncaughtException', (error) => log(`uncaught exception: ${describe(error)}`));
process.on('unhandledRejection', (error) => log(`unhandled rejection: ${describe(error)}`));

connection.listen();
