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
  | { readonly type: 'reveal'; readonly index: number; readonly line?: number }
  | { readonly type: 'copySvg'; readonly index: number; readonly svg: string }
  | { readonly type: 'export'; readonly index: number; readonly format: 'svg' | 'png' }
  | { readonly type: 'exportResult'; readonly requestId: number; readonly data?: string; readonly error?: string }
  | { readonly type: 'toggleLock' };

/** State the webview keeps through a window reload (read by the panel serializer). */
export interface PreviewState {
  readonly uri: string;
  readonly locked: boolean;
}
