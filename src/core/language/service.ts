/**
 * `createLanguageService`: every file kind of the course (event YAML, course
 * catalogs, EventCatalog pages, Mermaid, GitHub workflows, Kubernetes
 * manifests) behind one object. The language server, `edgo validate` and the
 * checks feed it texts and ask for diagnostics; none of them decides by
 * itself which kind a file is (see kinds.ts and recognise.ts).
 */
import type { CoreDiagnostic, Position } from '../diagnostic';
import { EventService } from '../events/eventService';
import type { ClassifyOptions } from '../events/fileKinds';
import { dirnameOf } from '../paths';
import { MermaidUnavailableError } from '../mermaid/diagnostics';
import type { LanguageHost, LanguageWorkspace, Logger } from './host';
import { fileKinds, kindsOf, type KindContext, type KindName } from './kinds';
import { normalisePath } from './recognise';
import type { KeyHover } from '../workflow/hover';

export interface LanguageServiceOptions {
  readonly workspace: LanguageWorkspace;
  readonly host: LanguageHost;
  readonly logger?: Logger;
  /** The kinds this service handles (all by default); a host that handles event files elsewhere leaves `events` out. */
  readonly kinds?: readonly KindName[];
}

export interface LanguageService {
  /** The kinds of a file (none: not ours). */
  kindsOf(path: string, text?: string): KindName[];
  /** Gives the service a file's current text (the editor's, or the disk's). */
  setFile(path: string, text: string): void;
  removeFile(path: string): void;
  /** Help for the key at `pos` of a file it holds, from the first of its kinds that has some. */
  hover(path: string, pos: Position): KeyHover | undefined;
  /** Every kind's diagnostics of a file it holds, in line order. */
  diagnostics(path: string): Promise<CoreDiagnostic[]>;
  /** False while the host is still reading the workspace: checks that a reference exists wait (see EventIndex.check). */
  indexComplete: boolean;
  /** Changes the event globs (the `edgo.validation.*` settings). */
  configure(options: ClassifyOptions): void;
  /** The event model behind completion, hover, definitions and quick fixes of event files. */
  readonly events: EventService;
}

export function createLanguageService({ workspace, host, logger, kinds: handled }: LanguageServiceOptions): LanguageService {
  const table = handled ? fileKinds.filter((k) => handled.includes(k.name)) : fileKinds;
  let options: ClassifyOptions = { eventGlobs: workspace.eventGlobs, catalogGlobs: workspace.catalogGlobs };
  const events = new EventService({ ...options, readLinked: host.readLinked, readBaseline: host.readBaseline });
  /** Texts of the files of the other kinds, and each file's kinds. */
  const texts = new Map<string, string>();
  const kinds = new Map<string, KindName[]>();
  let mermaidMissingLogged = false;

  let indexComplete = true;
  const ctx: KindContext = {
    siblings(path, kind) {
      const dir = dirnameOf(path);
      const out: { path: string; text: string }[] = [];
      for (const [other, text] of texts) if (dirnameOf(other) === dir && kinds.get(other)?.includes(kind)) out.push({ path: other, text });
      return out;
    },
    eventDiagnostics: (path) => events.diagnostics(path, indexComplete),
    mermaid: host.mermaid,
  };

  const service: LanguageService = {
    events,
    get indexComplete() {
      return indexComplete;
    },
    set indexComplete(complete: boolean) {
      indexComplete = complete;
    },
    kindsOf: (path, text) => kindsOf(normalisePath(path), text, options, table),
    setFile(path, text) {
      const p = normalisePath(path);
      const found = kindsOf(p, text, options, table);
      kinds.set(p, found);
      texts.set(p, text);
      // Every text goes to the event model too: a schema file it links to may be open, unsaved.
      if (table.some((k) => k.name === 'events')) events.setFile(p, text);
    },
    removeFile(path) {
      const p = normalisePath(path);
      kinds.delete(p);
      texts.delete(p);
      events.removeFile(p);
    },
    hover(path, pos) {
      const p = normalisePath(path);
      const text = texts.get(p);
      if (text === undefined) return undefined;
      for (const kind of table) if (kinds.get(p)?.includes(kind.name) && kind.hover) return kind.hover(text, pos);
      return undefined;
    },
    async diagnostics(path) {
      const p = normalisePath(path);
      const text = texts.get(p);
      if (text === undefined) return [];
      const out: CoreDiagnostic[] = [];
      for (const kind of table) {
        if (!kinds.get(p)?.includes(kind.name)) continue;
        try {
          out.push(...(await kind.validate(p, text, ctx)));
        } catch (err) {
          if (!(err instanceof MermaidUnavailableError)) throw err;
          if (!mermaidMissingLogged) logger?.log(err.message);
          mermaidMissingLogged = true;
        }
      }
      return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    },
    configure(next) {
      options = { ...options, ...next };
      events.configure(next);
      for (const [p, text] of texts) service.setFile(p, text);
    },
  };
  return service;
}
