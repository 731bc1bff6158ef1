/**
 * The per-file-kind validators `edgo validate` runs. Each one says which files
 * it handles and validates a batch (all of its files at once, so cross-file
 * checks see the whole workspace).
 *
 * Extension point: to validate another kind of file (e.g. Mermaid in `.mmd`
 * files and Markdown fences), add ONE entry to `fileValidators` below that
 * imports your own file (e.g. `./validateMermaid`); nothing else changes.
 */
import type { CoreDiagnostic } from '../core/diagnostic';
import { EventService } from '../core/events/eventService';
import { classifyFile } from '../core/events/fileKinds';
import { nodeLinkedFileReader } from '../core/host/nodeLinkedFiles';
import { mermaidValidator } from './validateMermaid';
import { workflowValidator } from './validateWorkflow';

export interface SourceFile {
  /** Absolute path with `/` separators. */
  readonly path: string;
  readonly text: string;
}

export interface FileValidator {
  readonly name: string;
  /** Whether this validator handles the file (by extension/glob, and content if needed). */
  matches(path: string, text: string): boolean;
  /** Diagnostics per path for the files of the batch it wants to report on (at least the targets). */
  validate(files: readonly SourceFile[], batch: ValidateBatch): Promise<Map<string, CoreDiagnostic[]>> | Map<string, CoreDiagnostic[]>;
}

export interface ValidateBatch {
  /** The files the user asked about (the others are context for cross-file checks). */
  readonly targets: ReadonlySet<string>;
  /** Folders inside which linked schema files may be read. */
  readonly roots: readonly string[];
}

/** Event YAML, the module 8 event catalog, and EventCatalog 4.x pages (with cross-file checks). */
export const eventValidator: FileValidator = {
  name: 'events',
  matches: (path, text) => classifyFile(path, text) !== undefined,
  validate(files, batch) {
    const service = new EventService({ readLinked: nodeLinkedFileReader(() => batch.roots) });
    for (const f of files) service.setFile(f.path, f.text);
    const out = new Map<string, CoreDiagnostic[]>();
    for (const f of files) if (batch.targets.has(f.path)) out.set(f.path, service.diagnostics(f.path));
    return out;
  },
};

export const fileValidators: FileValidator[] = [
  eventValidator,
  mermaidValidator,
  workflowValidator,
];
