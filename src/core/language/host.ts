/**
 * What the language service needs from its host, as interfaces: the Node
 * implementation is in src/core/host/ (used by the server and the CLI), tests
 * may pass their own. The service itself touches no file system or process.
 */
import type { BaselineReader } from '../events/baselineBreaking';
import type { LinkedFileReader } from '../events/linkedFiles';
import type { MermaidParser } from '../mermaid/diagnostics';

export interface LanguageHost {
  /** Reads a file a learner's file links to (`$ref`, `schemaPath`, `# $schema:`), as the host allows. */
  readonly readLinked: LinkedFileReader;
  /** Mermaid's parser (the host decides how and when Mermaid loads). */
  readonly mermaid: MermaidParser;
  /** A file's text at the last commit, for breaking changes since then (the editor's host gives it; none: not checked). */
  readonly readBaseline?: BaselineReader | undefined;
}

export interface Logger {
  log(message: string): void;
}

/** The folders the learner opened, and the file globs they chose. */
export interface LanguageWorkspace {
  folders(): readonly string[];
  /** Globs of event YAML / course catalog files (the `edgo.validation.*` settings). */
  readonly eventGlobs?: readonly string[];
  readonly catalogGlobs?: readonly string[];
}
