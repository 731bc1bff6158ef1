/**
 * What a language-server feature is: a name, an optional activation, and the
 * providers it offers. `server.ts` owns the LSP connection and calls every
 * feature's providers, merging their answers, so features never register
 * connection handlers themselves (LSP allows only one per request).
 */
import type { CodeAction, CodeActionParams, CompletionItem, Connection, Definition, Diagnostic, DocumentSymbol, Hover, Position } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/** Settings a feature may read (from `edgo.*` in VS Code, or initializationOptions elsewhere). */
export interface ServerSettings {
  /** Globs of event YAML files. */
  readonly eventFiles?: string[];
  /** Globs of module 8 event catalog files. */
  readonly catalogFiles?: string[];
  /** Turns event validation off. */
  readonly enable?: boolean;
  /** Milliseconds to wait after a change before validating (default 150). */
  readonly debounceMs?: number;
}

export interface FeatureContext {
  readonly connection: Connection;
  /** Workspace folders as file system paths. */
  readonly workspaceFolders: () => readonly string[];
  /** The open documents. */
  readonly openDocuments: () => readonly TextDocument[];
  /** Asks the server to re-run validation of an open document (e.g. after a file it depends on changed). */
  readonly revalidate: (uri: string) => void;
  readonly settings: () => ServerSettings;
  readonly log: (message: string) => void;
}

export interface ServerFeature {
  readonly name: string;
  /** Called once after `initialized`; long work (indexing) runs on in the background, never holding up validation. */
  activate?(ctx: FeatureContext): void | Promise<void>;
  /** The server is shutting down: stop background work. */
  dispose?(): void;
  /** Diagnostics of one document (called on open, and debounced on change); [] when not its kind of file. */
  validate?(doc: TextDocument): Diagnostic[] | Promise<Diagnostic[]>;
  onClose?(doc: TextDocument): void;
  /** A file changed on disk (not open in the editor); `text` is undefined when it was deleted. */
  onFileChanged?(path: string, text: string | undefined): void;
  onSettingsChanged?(settings: ServerSettings): void;
  complete?(doc: TextDocument, pos: Position): CompletionItem[];
  hover?(doc: TextDocument, pos: Position): Hover | undefined;
  symbols?(doc: TextDocument): DocumentSymbol[];
  definition?(doc: TextDocument, pos: Position): Definition | undefined;
  codeActions?(doc: TextDocument, params: CodeActionParams): CodeAction[];
}
