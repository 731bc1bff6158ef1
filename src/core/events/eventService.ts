/**
 * The workspace-level event validator shared by the language server and the
 * CLI: keeps each file's text and single-file result, the cross-file index,
 * and answers "what are this file's diagnostics now". Host-free: the host
 * feeds texts in and may give a disk reader for files it has not loaded.
 */
import type { CoreDiagnostic } from '../diagnostic';
import type { BaselineReader } from './baselineBreaking';
import { EventIndex, type FileReader } from './crossFile';
import { extractFacts } from './facts';
import type { ClassifyOptions } from './fileKinds';
import { validateText, type ValidationResult } from './validate';
import type { LinkedFileReader, LinkedText } from './linkedFiles';
import { dirnameOf } from '../paths';
import { newEntryCache, type EntryCache } from './catalogEntries';
import { errorMessage } from '../errorMessage';

export interface EventServiceOptions extends ClassifyOptions {
  /** Reads a linked file the service was not given (schema files on disk), as the host allows. */
  readonly readLinked?: LinkedFileReader | undefined;
  /** A file's text at the last commit (git's HEAD), for breaking changes since then; none: not checked. */
  readonly readBaseline?: BaselineReader | undefined;
}

export class EventService implements FileReader {
  readonly #texts = new Map<string, string>();
  readonly #results = new Map<string, ValidationResult>();
  readonly index = new EventIndex();
  /** Per-file entry results of large course catalogs (see catalogEntries.ts). */
  readonly #entryCaches = new Map<string, EntryCache>();
  /** Linked files read from disk; forgotten when the host reports the file changed (setFile/removeFile). */
  readonly #linked = new Map<string, Map<string, LinkedText>>();
  #options: EventServiceOptions;

  constructor(options: EventServiceOptions = {}) {
    this.#options = options;
  }

  /** Changes the file globs; every file is re-classified. */
  configure(options: EventServiceOptions): void {
    const before = JSON.stringify([this.#options.eventGlobs, this.#options.catalogGlobs]);
    this.#options = { ...this.#options, ...options };
    if (JSON.stringify([this.#options.eventGlobs, this.#options.catalogGlobs]) === before) return;
    for (const [path, text] of [...this.#texts]) {
      this.#results.delete(path);
      this.setFile(path, text);
    }
  }

  /** Sets (or replaces) a file's text and re-validates it alone. Returns whether it is one of ours. */
  setFile(path: string, text: string): boolean {
    // Unchanged text (a re-check after another file changed): nothing to redo here.
    if (this.#texts.get(path) === text && this.#results.has(path)) return true;
    this.#texts.set(path, text);
    this.forgetLinked(path);
    let entryCache = this.#entryCaches.get(path);
    if (!entryCache) this.#entryCaches.set(path, (entryCache = newEntryCache()));
    const result = validateText(path, text, { ...this.#options, entryCache, readLinked: (p, from) => this.readLinked(p, from) });
    if (!result) {
      this.#results.delete(path);
      this.index.remove(path);
      return false;
    }
    this.#results.set(path, result);
    this.index.update(extractFacts(result));
    return true;
  }

  removeFile(path: string): void {
    this.#texts.delete(path);
    this.forgetLinked(path);
    this.#entryCaches.delete(path);
    this.#results.delete(path);
    this.index.remove(path);
  }

  /** The text the service holds for a file (open in the editor, or indexed). */
  readFile(path: string): string | undefined {
    return this.#texts.get(path);
  }

  private forgetLinked(path: string): void {
    this.#linked.delete(path);
  }

  get readBaseline(): BaselineReader | undefined {
    return this.#options.readBaseline;
  }

  readLinked(path: string, from: string): LinkedText {
    const open = this.#texts.get(path);
    if (open !== undefined) return open;
    // Whether a read is allowed depends on the linking file's folder too.
    const dir = dirnameOf(from);
    let byDir = this.#linked.get(path);
    if (byDir?.has(dir)) return byDir.get(dir);
    const read = this.#options.readLinked?.(path, from);
    if (this.#linked.size > 5000) this.#linked.clear();
    if (!byDir) this.#linked.set(path, (byDir = new Map()));
    byDir.set(dir, read);
    return read;
  }

  /** Whether a linked file is already known as `from` would read it. */
  hasLinked(path: string, from: string): boolean {
    return this.#texts.has(path) || this.#linked.get(path)?.has(dirnameOf(from)) === true;
  }

  /** A linked file the host read ahead (as its reader would have): later reads from `from` take it. */
  primeLinked(path: string, from: string, text: LinkedText): void {
    if (this.#linked.size > 5000) this.#linked.clear();
    let byDir = this.#linked.get(path);
    if (!byDir) this.#linked.set(path, (byDir = new Map()));
    byDir.set(dirnameOf(from), text);
  }

  result(path: string): ValidationResult | undefined {
    return this.#results.get(path);
  }

  /** Every validated file. */
  paths(): string[] {
    return [...this.#results.keys()];
  }

  /** Single-file plus cross-file diagnostics, sorted by position; `indexComplete` false: see EventIndex.check. */
  diagnostics(path: string, indexComplete = true): CoreDiagnostic[] {
    const result = this.#results.get(path);
    if (!result) return [];
    const all = [...result.diagnostics];
    // Cross-file checks only make sense once the file itself parses.
    if (!all.some((d) => d.code.startsWith('yaml/') || d.code.startsWith('file/'))) {
      try {
        all.push(...this.index.check(path, this, indexComplete));
      } catch (err) {
        all.push({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, severity: 'warning', code: 'internal-error', message: `Cross-file checks failed: ${errorMessage(err)}`, source: 'edgo-events' });
      }
    }
    return all.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  }
}
