/**
 * Event YAML and EventCatalog validation in the language server: thin glue
 * between the LSP and the core language service (src/core/language), whose
 * event model (`EventService`, src/core/events) it asks. The workspace is
 * indexed at start, in slices that never hold up the open files' diagnostics,
 * so cross-file checks see files that are not open.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { CancellationTokenSource, CodeActionKind, CompletionItemKind, InsertTextFormat, MarkupKind, SymbolKind, type CodeAction, type CompletionItem, type Diagnostic, type DocumentSymbol } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { classifyFile } from '../core/events/fileKinds';
import { walkFiles } from '../core/host/folderWalk';
import { inSlices } from '../core/language/inSlices';
import { nodeGitBaseline } from '../core/host/nodeGitBaseline';
import { nodeLanguageHost } from '../core/host/nodeLanguageHost';
import { createLanguageService } from '../core/language/service';
import { nodeLinkedFilePrefetcher } from '../core/host/nodeLinkedPrefetch';
import { likelyLinkedFiles } from '../core/events/linkedFiles';
import { dirnameOf, joinPath } from '../core/paths';
import { complete, definition, hover, quickFixes, symbols, type SymbolEntry } from '../core/events/languageFeatures';
import { fromLspDiagnostic, pathToUri, toLspDiagnostic, uriToPath } from './convert';
import type { FeatureContext, ServerFeature, ServerSettings } from './feature';

const maxIndexedFiles = 20_000;

const readDisk = (path: string): string | undefined => {
  try {
    return path.startsWith('/') || /^[a-z]:\//i.test(path) ? readFileSync(path, 'utf8') : undefined;
  } catch {
    return undefined;
  }
};

export function createEventsFeature(): ServerFeature {
  let ctx: FeatureContext | undefined;
  const roots = () => ctx?.workspaceFolders() ?? [];
  // Event files go through the core language service like every other kind; its event model serves completion and the rest.
  const language = createLanguageService({ workspace: { folders: roots }, host: { ...nodeLanguageHost(roots), readBaseline: nodeGitBaseline() }, kinds: ['events'] });
  const service = language.events;
  const prefetch = nodeLinkedFilePrefetcher(roots);
  let enabled = true;

  function applySettings(s: ServerSettings): void {
    enabled = s.enable !== false;
    language.configure({ eventGlobs: s.eventFiles?.length ? s.eventFiles : undefined, catalogGlobs: s.catalogFiles?.length ? s.catalogFiles : undefined });
  }

  /**
   * Path → what a file defines (`scope\0id\0version`) and references (the same after `ref\0`).
   * Ids resolve within their project (scope): a starter and a solution that define the same
   * ids do not re-check each other.
   */
  const idsOf = new Map<string, Set<string>>();

  function ids(path: string): Set<string> {
    const facts = service.index.facts(path);
    const out = new Set<string>();
    for (const d of facts?.definitions ?? []) out.add(`${d.scope}\0${d.id}\0${d.version ?? ''}`);
    for (const r of facts?.references ?? []) out.add(`ref\0${r.scope}\0${r.id}\0${r.version ?? ''}`);
    return out;
  }

  /** `scope\0id` of an entry of `ids`. */
  const scopedId = (k: string) => k.slice(k.startsWith('ref\0') ? 4 : 0, k.lastIndexOf('\0'));

  /**
   * Updates one file. When what it defines or references changed, the open
   * files that mention one of the changed ids are re-checked (their text is
   * unchanged, so only their cross-file checks run again).
   */
  function update(path: string, text: string | undefined, except?: string): void {
    if (text === undefined) language.removeFile(path);
    else language.setFile(path, text);
    const before = idsOf.get(path) ?? new Set<string>();
    const after = ids(path);
    idsOf.set(path, after);
    const changed = new Set<string>();
    for (const k of before) if (!after.has(k)) changed.add(scopedId(k));
    for (const k of after) if (!before.has(k)) changed.add(scopedId(k));
    if (!changed.size) return;
    for (const doc of ctx?.openDocuments() ?? []) {
      if (doc.uri === except) continue;
      const other = uriToPath(doc.uri);
      if (other === path) continue;
      const mentions = idsOf.get(other);
      if (mentions && [...mentions].some((k) => changed.has(scopedId(k)))) ctx?.revalidate(doc.uri);
    }
  }

  /** The event files of the workspace folders, lazily, up to the limit. */
  function* candidates(roots: readonly string[]): Generator<string> {
    let count = 0;
    for (const root of roots) {
      for (const p of walkFiles(root)) {
        if (count >= maxIndexedFiles) return;
        if (!/\.(ya?ml|mdx?)$/i.test(p) || classifyFile(p, undefined) === undefined) continue;
        count++;
        yield p;
      }
    }
  }

  function indexOne(path: string): void {
    // The editor's text of an open file wins over the disk's.
    if (openPaths.has(path)) return;
    try {
      if (statSync(path).size > 5 * 1024 * 1024) return;
      language.setFile(path, readFileSync(path, 'utf8'));
      idsOf.set(path, ids(path));
    } catch {
      // Unreadable files are skipped; they get diagnostics when opened.
    }
  }

  /** Paths of the documents open in the editor. */
  const openPaths = new Set<string>();
  let indexing: CancellationTokenSource | undefined;

  /**
   * Reads the workspace in short slices, so the file the learner opens is
   * validated at once (its reference checks wait for the index; the other
   * checks do not), and re-checks the open files when the index is complete.
   */
  function startIndexing(context: FeatureContext): void {
    indexing?.cancel();
    const source = (indexing = new CancellationTokenSource());
    language.indexComplete = false;
    const started = performance.now();
    void inSlices(candidates(context.workspaceFolders()), indexOne, { token: source.token, now: () => performance.now(), pause: () => new Promise((r) => setImmediate(r)) }).then(
      ({ done, cancelled, pauses }) => {
        if (cancelled) return;
        language.indexComplete = true;
        context.log(`events: indexed ${done} file(s) in ${Math.round(performance.now() - started)} ms (${pauses} pauses)`);
        for (const doc of context.openDocuments()) context.revalidate(doc.uri);
      },
      (err: unknown) => context.log(`events: indexing failed: ${String(err)}`),
    );
  }

  return {
    name: 'events',
    activate(context) {
      ctx = context;
      applySettings(context.settings());
      startIndexing(context);
    },
    dispose() {
      indexing?.cancel();
    },
    onSettingsChanged: applySettings,
    async validate(doc) {
      if (!enabled) return [];
      const path = uriToPath(doc.uri);
      openPaths.add(path);
      const text = doc.getText();
      // The schemas it links are read on the thread pool while the text is parsed here.
      // Only on the first validation: after it, an edit's new link is one file, read when checked.
      const ahead = service.result(path) ? [] : likelyLinkedFiles(path, text, joinPath, dirnameOf).filter((p) => !service.hasLinked(p, path));
      const read = ahead.length ? prefetch(ahead, path) : undefined;
      update(path, text, doc.uri);
      if (read) for (const [p, linked] of await read) service.primeLinked(p, path, linked);
      return (await language.diagnostics(path)).map(toLspDiagnostic);
    },
    onClose(doc) {
      // Back to the disk version, which other files' checks should see.
      const path = uriToPath(doc.uri);
      openPaths.delete(path);
      const disk = readDisk(path);
      update(path, disk);
    },
    onFileChanged(path, text) {
      update(path, text);
    },
    complete(doc, pos) {
      return complete(service, uriToPath(doc.uri), pos).map((c): CompletionItem => ({
        label: c.label,
        kind: c.kind === 'property' ? CompletionItemKind.Property : c.kind === 'reference' ? CompletionItemKind.Reference : CompletionItemKind.Value,
        // LSP's optional fields take no `undefined`: a key only when there is a value.
        ...(c.detail !== undefined ? { detail: c.detail } : {}),
        ...(c.documentation ? { documentation: { kind: MarkupKind.Markdown, value: c.documentation } } : {}),
        insertText: c.insertText,
        insertTextFormat: InsertTextFormat.PlainText,
      }));
    },
    hover(doc, pos) {
      const h = hover(service, uriToPath(doc.uri), pos);
      return h ? { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: h.range } : undefined;
    },
    symbols(doc) {
      return symbols(service, uriToPath(doc.uri)).map(toDocumentSymbol);
    },
    definition(doc, pos) {
      const loc = definition(service, uriToPath(doc.uri), pos);
      return loc ? { uri: pathToUri(loc.path), range: loc.range } : undefined;
    },
    codeActions(doc, params) {
      const ours = params.context.diagnostics.filter((d: Diagnostic) => d.source === 'edgo-events');
      return quickFixes(service, uriToPath(doc.uri), ours.map(fromLspDiagnostic)).map((f, i): CodeAction => ({
        title: f.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [ours.find((d) => d.range.start.line === f.diagnostic.range.start.line && d.code === f.diagnostic.code) ?? (ours[i] as Diagnostic)],
        isPreferred: f.preferred,
        edit: f.creates?.length
          ? {
              // New files first, then the edit of this document. A file that exists is the old version kept
              // already and is left alone; one that appears meanwhile makes the client refuse the whole edit.
              documentChanges: [
                ...f.creates
                  .filter((c) => !existsSync(c.path))
                  .flatMap((c) => [
                    { kind: 'create' as const, uri: pathToUri(c.path), options: { overwrite: false, ignoreIfExists: false } },
                    { textDocument: { uri: pathToUri(c.path), version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: c.text }] },
                  ]),
                { textDocument: { uri: doc.uri, version: doc.version }, edits: f.edits.map((e) => ({ range: e.range, newText: e.newText })) },
              ],
            }
          : { changes: { [doc.uri]: f.edits.map((e) => ({ range: e.range, newText: e.newText })) } },
      }));
    },
  };
}

const symbolKinds: Record<SymbolEntry['kind'], SymbolKind> = {
  object: SymbolKind.Object,
  array: SymbolKind.Array,
  property: SymbolKind.Property,
  string: SymbolKind.String,
  number: SymbolKind.Number,
  boolean: SymbolKind.Boolean,
};

function toDocumentSymbol(s: SymbolEntry): DocumentSymbol {
  return { name: s.name || ' ', ...(s.detail !== undefined ? { detail: s.detail } : {}), kind: symbolKinds[s.kind], range: s.range, selectionRange: s.selectionRange, children: s.children.map(toDocumentSymbol) };
}

/** For tests and the bench: the document's text type is all the feature needs. */
export type { TextDocument };
