/** Core data → LSP types, and URIs ↔ paths. */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { CoreDiagnostic } from '../core/diagnostic';

const severities = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint } as const;

export function toLspDiagnostic(d: CoreDiagnostic): Diagnostic {
  return {
    range: d.range,
    severity: severities[d.severity],
    code: d.code,
    source: d.source,
    message: d.message,
    data: d.data === undefined && d.pointer === undefined ? undefined : { fix: d.data, pointer: d.pointer },
  };
}

/** Reads back the core diagnostic a code-action request carries. */
export function fromLspDiagnostic(d: Diagnostic): CoreDiagnostic {
  const extra = (d.data ?? {}) as { fix?: unknown; pointer?: string };
  const severity = d.severity === DiagnosticSeverity.Warning ? 'warning' : d.severity === DiagnosticSeverity.Information ? 'info' : d.severity === DiagnosticSeverity.Hint ? 'hint' : 'error';
  return { range: d.range, severity, code: String(d.code ?? ''), message: typeof d.message === 'string' ? d.message : d.message.value, source: d.source ?? '', pointer: extra.pointer, data: extra.fix };
}

/** A `file:` URI becomes a `/`-separated path; other schemes (untitled:) stay as they are. */
export function uriToPath(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return fileURLToPath(uri).replace(/\\/g, '/');
  } catch {
    return uri;
  }
}

export function pathToUri(path: string): string {
  return /^[a-z][a-z0-9+.-]+:/i.test(path) && !/^[a-z]:[\\/]/i.test(path) ? path : pathToFileURL(path).toString();
}
