/**
 * The one table of file kinds: how each is recognised and validated. The
 * language service walks it for every file; `edgo validate` and the checks
 * reach the same validators through it.
 *
 * What a kind defines and references is kept by the kinds that have such
 * facts: events (ids, versions, `sends`/`receives`, owners; see
 * src/core/events/facts.ts) and Kubernetes (objects, which Services select
 * which workloads; checked across the manifests of one folder).
 */
import type { CoreDiagnostic, Position } from '../diagnostic';
import type { ClassifyOptions } from '../events/fileKinds';
import { validateWorkflowText } from '../checks/kinds/workflow';
import { validateManifests } from '../checks/kinds/kubernetes';
import { workflowHover, type KeyHover } from '../workflow/hover';
import { extractBlocks } from '../mermaid/blocks';
import { validateBlocks, type MermaidParser } from '../mermaid/diagnostics';
import { hasMermaid, isEventsFile, isKubernetesManifest, isWorkflowPath } from './recognise';

export type KindName = 'events' | 'mermaid' | 'github-workflow' | 'kubernetes';

/** What a kind's validator may ask the service for. */
export interface KindContext {
  /** The texts of the other files of the same kind in the same folder (Kubernetes checks objects across them). */
  siblings(path: string, kind: KindName): readonly { path: string; text: string }[];
  /** Event diagnostics of a file the service holds (event YAML, course catalogs, EventCatalog pages, with cross-file checks). */
  eventDiagnostics(path: string): CoreDiagnostic[];
  readonly mermaid: MermaidParser;
}

export interface FileKindEntry {
  readonly name: KindName;
  /** Whether a file is of this kind; `text` is undefined when only the path is known (indexing). */
  recognise(path: string, text: string | undefined, options: ClassifyOptions): boolean;
  /** The file's diagnostics. */
  validate(path: string, text: string, ctx: KindContext): Promise<CoreDiagnostic[]> | CoreDiagnostic[];
  /** Help for the key under the cursor, for kinds whose schema carries none. */
  hover?(text: string, pos: Position): KeyHover | undefined;
}

export const fileKinds: readonly FileKindEntry[] = [
  {
    name: 'events',
    recognise: isEventsFile,
    validate: (path, _text, ctx) => ctx.eventDiagnostics(path),
  },
  {
    name: 'mermaid',
    recognise: hasMermaid,
    validate: (path, text, ctx) => validateBlocks(extractBlocks(path, text), ctx.mermaid),
  },
  {
    name: 'github-workflow',
    recognise: (path) => isWorkflowPath(path),
    validate: (_path, text) => validateWorkflowText(text),
    hover: workflowHover,
  },
  {
    name: 'kubernetes',
    recognise: isKubernetesManifest,
    validate(path, text, ctx) {
      const sources = [
        { file: path, text },
        ...ctx
          .siblings(path, 'kubernetes')
          .filter((s) => s.path !== path)
          .map((s) => ({ file: s.path, text: s.text })),
      ];
      return validateManifests(sources).find((f) => f.file === path)?.diagnostics ?? [];
    },
  },
];

/** The kinds a file is of (a catalog page may hold Mermaid diagrams too). */
export function kindsOf(path: string, text: string | undefined, options: ClassifyOptions = {}, table: readonly FileKindEntry[] = fileKinds): KindName[] {
  return table.filter((k) => k.recognise(path, text, options)).map((k) => k.name);
}
