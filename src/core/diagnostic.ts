/**
 * The diagnostic every validator in `core` produces: positions are zero-based
 * lines and UTF-16 character offsets, as in LSP, so the server and the
 * extension pass them on unchanged and the CLI adds one for `file:line:col`.
 */
export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface CoreDiagnostic {
  readonly range: Range;
  readonly severity: Severity;
  /** Stable machine-readable code, e.g. `event/required-property`. */
  readonly code: string;
  /** A sentence a learner understands: what is wrong, what was expected, an example. */
  readonly message: string;
  /** Which validator produced it, e.g. `edgo-events`, `mermaid`. */
  readonly source: string;
  /** JSON pointer of the offending value, where there is one. */
  readonly pointer?: string | undefined;
  /** Extra data for quick fixes. */
  readonly data?: unknown;
}

export function range(startLine: number, startChar: number, endLine: number, endChar: number): Range {
  return { start: { line: startLine, character: startChar }, end: { line: endLine, character: endChar } };
}
