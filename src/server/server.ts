/**
 * The Event-Driven Go language server: owns the LSP connection, the open
 * documents and per-URI debounced validation, and fans every request out to
 * the FEATURES below, merging their answers.
 *
 * Extension point: to add a feature (e.g. Mermaid diagnostics for `.mmd` and
 * Markdown files), write ONE file `src/server/<name>Feature.ts` exporting a
 * factory that returns a `ServerFeature` (see feature.ts: implement `validate`
 * returning [] for files that are not yours, plus any of complete/hover/...),
 * then add ONE entry to `FEATURES`. Diagnostics of all features for a URI are
 * merged before publishing; nothing else needs to change. The client's
 * document selector (src/extension/languageClient.ts) already includes yaml,
 * markdown, mdx and mermaid.
 */
import {
  createConnection,
  DidChangeConfigurationNotification,
  FileChangeType,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type CodeAction,
  type CompletionItem,
  type Connection,
  type Definition,
  type Diagnostic,
  type DocumentSymbol,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readFileSync } from 'node:fs';
import { uriToPath } from './convert';
import { createEventsFeature } from './eventsFeature';
import { createKindsFeature } from './kindsFeature';
import type { FeatureContext, ServerFeature, ServerSettings } from './feature';
import { edgoVersion } from '../core/host/version';

/** Every feature of the server, in the order their answers are merged. */
const FEATURES: ReadonlyArray<() => ServerFeature> = [createEventsFeature, createKindsFeature];

/** Creates the connection, declares capabilities and wires the features. */
export function startServer(connection: Connection = createConnection(ProposedFeatures.all)): void {
  const documents = new TextDocuments(TextDocument);
  const features = FEATURES.map((make) => make());
  let settings: ServerSettings = {};
  let folders: string[] = [];
  let canPullConfiguration = false;
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** The version each document was opened with: its first change event is the open itself. */
  const openVersions = new Map<string, number>();

  const log = (message: string) => connection.console.log(message);

  // Validation waits until the features are activated (the workspace is indexed).
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  /** Runs every feature's validation of one document and publishes the merged result. */
  async function validateNow(uri: string): Promise<void> {
    timers.delete(uri);
    await ready;
    const doc = documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    const all: Diagnostic[] = [];
    for (const f of features) {
      if (!f.validate) continue;
      // A newer edit arrived meanwhile (or the document closed): this run is cancelled, the newer one publishes.
      if (documents.get(uri)?.version !== version) return;
      try {
        all.push(...(await f.validate(doc)));
      } catch (err) {
        // One broken feature must not hide the others' diagnostics, nor kill the server.
        log(`${f.name}: validation failed for ${uri}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      }
    }
    // A newer edit arrived while validating: its own run will publish.
    if (documents.get(uri)?.version !== version) return;
    void connection.sendDiagnostics({ uri, version, diagnostics: all });
  }

  function schedule(uri: string, delay = settings.debounceMs ?? 150): void {
    const old = timers.get(uri);
    if (old) clearTimeout(old);
    if (delay <= 0) {
      void validateNow(uri);
      return;
    }
    timers.set(
      uri,
      setTimeout(() => void validateNow(uri), delay),
    );
  }

  const context: FeatureContext = {
    connection,
    workspaceFolders: () => folders,
    openDocuments: () => documents.all(),
    revalidate: (uri) => schedule(uri),
    settings: () => settings,
    log,
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    folders = (params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : [])).filter((u) => u.startsWith('file:')).map(uriToPath);
    settings = { ...((params.initializationOptions ?? {}) as ServerSettings) };
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: [':', ' ', '-'] },
        hoverProvider: true,
        documentSymbolProvider: true,
        definitionProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
      },
      serverInfo: { name: 'edgo-language-server', version: edgoVersion },
    };
  });

  async function pullSettings(): Promise<void> {
    if (!canPullConfiguration) return;
    try {
      const pulled = (await connection.workspace.getConfiguration('edgo.validation')) as ServerSettings | null;
      if (pulled) settings = { ...settings, ...pulled };
    } catch {
      // Clients without `edgo.validation` keep the initialization options.
    }
    for (const f of features) f.onSettingsChanged?.(settings);
  }

  connection.onInitialized(async () => {
    if (canPullConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'edgo' });
    await pullSettings();
    for (const f of features) {
      try {
        await f.activate?.(context);
      } catch (err) {
        log(`${f.name}: failed to start: ${String(err)}`);
      }
    }
    markReady();
  });

  connection.onDidChangeConfiguration(async (change) => {
    const pushed = (change.settings as { edgo?: { validation?: ServerSettings } } | null)?.edgo?.validation;
    if (pushed) settings = { ...settings, ...pushed };
    await pullSettings();
    for (const doc of documents.all()) schedule(doc.uri, 0);
  });

  connection.onDidChangeWatchedFiles((params) => {
    for (const change of params.changes) {
      if (documents.get(change.uri)) continue; // The editor's text wins over the disk.
      const path = uriToPath(change.uri);
      let text: string | undefined;
      if (change.type !== FileChangeType.Deleted) {
        try {
          text = readFileSync(path, 'utf8');
        } catch {
          text = undefined;
        }
      }
      for (const f of features) f.onFileChanged?.(path, text);
    }
  });

  // Validate at once on open (nothing to wait for), debounced while typing.
  documents.onDidOpen((e) => {
    openVersions.set(e.document.uri, e.document.version);
    schedule(e.document.uri, 0);
  });
  documents.onDidChangeContent((e) => {
    if (openVersions.get(e.document.uri) === e.document.version) return;
    schedule(e.document.uri);
  });
  documents.onDidClose((e) => {
    const t = timers.get(e.document.uri);
    if (t) clearTimeout(t);
    timers.delete(e.document.uri);
    openVersions.delete(e.document.uri);
    for (const f of features) f.onClose?.(e.document);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onShutdown(() => {
    for (const f of features) f.dispose?.();
  });

  /** Every feature's answer to a request; none once the client cancelled it (it no longer waits for one). */
  function each<T>(token: CancellationToken, run: (f: ServerFeature) => T | undefined): T[] {
    const out: T[] = [];
    for (const f of features) {
      if (token.isCancellationRequested) return [];
      try {
        const r = run(f);
        if (r !== undefined) out.push(r);
      } catch (err) {
        log(`${f.name}: ${String(err)}`);
      }
    }
    return out;
  }

  connection.onCompletion((p, token): CompletionItem[] => {
    const doc = documents.get(p.textDocument.uri);
    return doc ? each(token, (f) => f.complete?.(doc, p.position)).flat() : [];
  });
  connection.onHover((p, token) => {
    const doc = documents.get(p.textDocument.uri);
    return doc ? (each(token, (f) => f.hover?.(doc, p.position))[0] ?? null) : null;
  });
  connection.onDocumentSymbol((p, token): DocumentSymbol[] => {
    const doc = documents.get(p.textDocument.uri);
    return doc ? each(token, (f) => f.symbols?.(doc)).flat() : [];
  });
  connection.onDefinition((p, token): Definition | null => {
    const doc = documents.get(p.textDocument.uri);
    return doc ? (each(token, (f) => f.definition?.(doc, p.position))[0] ?? null) : null;
  });
  connection.onCodeAction((p, token): CodeAction[] => {
    const doc = documents.get(p.textDocument.uri);
    return doc ? each(token, (f) => f.codeActions?.(doc, p)).flat() : [];
  });

  documents.listen(connection);
  connection.listen();
}
