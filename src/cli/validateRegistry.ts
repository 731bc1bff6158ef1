/**
 * The per-file-kind validators `edgo validate` runs. Each one says which files
 * it handles and validates a batch (all of its files at once, so cross-file
 * checks see the whole workspace).
 *
 * Extension point: to validate another kind of file (e.g. Mermaid in `.mmd`
 * files and Markdown fences), add ONE entry to `fileValidators` below that
 * imports your own file (e.g. `./validateMermaid`); nothing else changes.
 */
import { readFileSync } from 'node:fs';
import type { CoreDiagnostic } from '../core/diagnostic';
import { EventService } from '../core/events/eventService';
import { classifyFile } from '../core/events/fileKinds';
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
  /** Diagnostics per path for every file of the batch it wants to report on. */
  validate(files: readonly SourceFile[]): Promise<Map<string, CoreDiagnostic[]>> | Map<string, CoreDiagnostic[]>;
}

const readDisk = (path: string): string | undefined => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
};

/** Event YAML, the module 8 event catalog, and EventCatalog 4.x pages (with cross-file checks). */
export const eventValidator: FileValidator = {
  name: 'events',
  matches: (path, text) => classifyFile(path, text) !== undefined,
  validate(files) {
    const service = new EventService({ readFile: readDisk });
    for (const f of files) service.setFile(f.path, f.text);
    const out = new Map<string, CoreDiagnostic[]>();
    for (const f of files) out.set(f.path, service.diagnostics(f.path));
    return out;
  },
};

export const fileValidators: FileValidator[] = [
  eventValidator,
  mermaidValidator,
  workflowValidator,
];
