/**
 * Messages between the Mermaid preview panel (extension host) and its webview.
 * Declared once here so both sides agree; everything is plain JSON.
 */
import type { MermaidBlock } from './blocks';

/** One diagram as the webview needs it: its text and how to map its lines to the file. */
export type PreviewBlock = Pick<MermaidBlock, 'index' | 'kind' | 'contentLine' | 'text' | 'removedIndent'>;

export interface UpdateMessage {
  readonly type: 'update';
  readonly uri: string;
  readonly fileName: string;
  /** The document version, echoed in `rendered` so a test can wait for an edit. */
  readonly version: number;
  readonly locked: boolean;
  readonly blocks: readonly PreviewBlock[];
}

export interface ExportRequestMessage {
  readonly type: 'exportRequest';
  readonly requestId: number;
  readonly index: number;
  readonly format: 'svg' | 'png';
}

export interface LockedMessage {
  readonly type: 'locked';
  readonly locked: boolean;
}

export type HostToWebview = UpdateMessage | ExportRequestMessage | LockedMessage;

export interface RenderedDiagram {
  readonly index: number;
  /** The SVG markup, when the diagram rendered. */
  readonly svg?: string;
  /** The parse error, with its zero-based line in the file. */
  readonly error?: { readonly message: string; readonly line: number };
  /** False when the picture came from the cache (the diagram did not change). */
  readonly rerendered: boolean;
}

export interface RenderedMessage {
  readonly type: 'rendered';
  readonly uri: string;
  readonly version: number;
  readonly diagrams: readonly RenderedDiagram[];
  readonly theme: string;
  readonly durationMs: number;
}

export type WebviewToHost =
  | { readonly type: 'ready' }
  | RenderedMessage
  | { readonly type: 'reveal'; readonly index: number; readonly line?: number | undefined }
  | { readonly type: 'copySvg'; readonly index: number; readonly svg: string }
  | { readonly type: 'export'; readonly index: number; readonly format: 'svg' | 'png' }
  | { readonly type: 'exportResult'; readonly requestId: number; readonly data?: string | undefined; readonly error?: string | undefined }
  | { readonly type: 'toggleLock' };

/** State the webview keeps through a window reload (read by the panel serializer). */
export interface PreviewState {
  readonly uri: string;
  readonly locked: boolean;
}

/**
 * Bounds on what the webview may send. The webview runs Mermaid on the
 * learner's text, so the host treats it as untrusted: a message that does not
 * fit is dropped, and nothing in it names a file or a URI the host acts on.
 */
export const messageLimits = {
  /** Diagrams in one file, and the highest index. */
  diagrams: 1_000,
  /** Lines of a file a `reveal` may point at. */
  line: 10_000_000,
  /** One SVG (copy, export). */
  svgChars: 20_000_000,
  /** One exported image as base64 (PNG) or text (SVG). */
  exportChars: 60_000_000,
  /** Error texts, theme names, URIs echoed back. */
  textChars: 10_000,
} as const;

type Fields = Readonly<Record<string, unknown>>;

const isRecord = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);
const isIndex = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) < messageLimits.diagrams;
const isCount = (v: unknown, max: number): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= max;
const isText = (v: unknown, max: number = messageLimits.textChars): v is string => typeof v === 'string' && v.length <= max;
const isFormat = (v: unknown): v is 'svg' | 'png' => v === 'svg' || v === 'png';

function renderedDiagram(v: unknown): RenderedDiagram | undefined {
  if (!isRecord(v) || !isIndex(v.index) || typeof v.rerendered !== 'boolean') return undefined;
  if (v.svg !== undefined && !isText(v.svg, messageLimits.svgChars)) return undefined;
  if (v.error !== undefined && !(isRecord(v.error) && isText(v.error.message) && isCount(v.error.line, messageLimits.line))) return undefined;
  const error = isRecord(v.error) ? { message: v.error.message as string, line: v.error.line as number } : undefined;
  return { index: v.index, rerendered: v.rerendered, ...(typeof v.svg === 'string' ? { svg: v.svg } : {}), ...(error ? { error } : {}) };
}

/**
 * The message as the host may act on it, rebuilt from checked fields only;
 * undefined for anything else (unknown type, a field of the wrong type or too large).
 */
export function parseWebviewMessage(raw: unknown): WebviewToHost | undefined {
  if (!isRecord(raw)) return undefined;
  switch (raw.type) {
    case 'ready':
    case 'toggleLock':
      return { type: raw.type };
    case 'reveal':
      if (!isIndex(raw.index) || (raw.line !== undefined && !isCount(raw.line, messageLimits.line))) return undefined;
      return { type: 'reveal', index: raw.index, ...(raw.line !== undefined ? { line: raw.line as number } : {}) };
    case 'copySvg':
      return isIndex(raw.index) && isText(raw.svg, messageLimits.svgChars) ? { type: 'copySvg', index: raw.index, svg: raw.svg } : undefined;
    case 'export':
      return isIndex(raw.index) && isFormat(raw.format) ? { type: 'export', index: raw.index, format: raw.format } : undefined;
    case 'exportResult': {
      if (!isCount(raw.requestId, Number.MAX_SAFE_INTEGER)) return undefined;
      if (raw.data !== undefined && !isText(raw.data, messageLimits.exportChars)) return undefined;
      if (raw.error !== undefined && !isText(raw.error)) return undefined;
      const { data, error } = raw as { data?: string; error?: string };
      return { type: 'exportResult', requestId: raw.requestId, ...(data !== undefined ? { data } : {}), ...(error !== undefined ? { error } : {}) };
    }
    case 'rendered': {
      if (!isText(raw.uri) || !isCount(raw.version, Number.MAX_SAFE_INTEGER) || !isText(raw.theme, 100)) return undefined;
      if (typeof raw.durationMs !== 'number' || !Number.isFinite(raw.durationMs) || !Array.isArray(raw.diagrams) || raw.diagrams.length > messageLimits.diagrams) return undefined;
      const diagrams = raw.diagrams.map(renderedDiagram);
      if (diagrams.some((d) => d === undefined)) return undefined;
      return { type: 'rendered', uri: raw.uri, version: raw.version, theme: raw.theme, durationMs: raw.durationMs, diagrams: diagrams as RenderedDiagram[] };
    }
    default:
      return undefined;
  }
}

/** What an exported image must look like: base64 for PNG, SVG markup for SVG. */
export function isExportData(data: string, format: 'svg' | 'png'): boolean {
  if (format === 'png') return /^[A-Za-z0-9+/]+={0,2}$/.test(data) && data.length % 4 === 0;
  return /^\s*(<\?xml[^>]*>\s*)?<svg[\s>]/.test(data);
}

/** The state VS Code hands back after a reload (the webview saved it): checked like a message. */
export function parsePreviewState(raw: unknown): PreviewState | undefined {
  return isRecord(raw) && isText(raw.uri) && typeof raw.locked === 'boolean' ? { uri: raw.uri, locked: raw.locked } : undefined;
}
