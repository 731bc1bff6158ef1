/**
 * Reads what a Mermaid parse error says about where it happened. Mermaid has
 * three kinds: jison parsers (flowchart, sequence, class, ...) throw an Error
 * with `hash.loc` (1-based lines, 0-based columns, in the cleaned text); the
 * Langium parsers (pie, gitGraph, architecture, ...) throw a
 * `MermaidParseError` whose line and column are only in the message or in
 * `result.lexerErrors/parserErrors`; semantic errors (an unknown branch, an
 * unknown diagram type) carry no position at all.
 */
import { cleanDiagram, frontmatterLength, type SourcePosition } from './preprocess';

export interface LocatedError {
  /** A learner-readable message without Mermaid's excerpt of the joined lines. */
  readonly message: string;
  /** Zero-based start in the original diagram text. */
  readonly start: SourcePosition;
  /** Zero-based end (exclusive) in the original diagram text. */
  readonly end: SourcePosition;
  /** How the line was found: read from the parser, or guessed from the message. */
  readonly exact: boolean;
}

interface JisonLoc {
  first_line: number;
  last_line: number;
  first_column: number;
  last_column: number;
}

interface LangiumToken {
  startLine?: number;
  startColumn?: number;
  endLine?: number;
  endColumn?: number;
}

/** Locates `error`, thrown by `mermaid.parse(diagram)`, in `diagram`'s own lines. */
export function locateMermaidError(diagram: string, error: unknown): LocatedError {
  return widenAtLineEnd(locate(diagram, error), diagram.split(/\r\n|\r|\n/));
}

function locate(diagram: string, error: unknown): LocatedError {
  const cleaned = cleanDiagram(diagram);
  const rawMessage = errorMessage(error);
  const message = tidyMessage(rawMessage);
  const lines = diagram.split(/\r\n|\r|\n/);
  const lineEnd = (line: number): SourcePosition => ({ line, character: (lines[line] ?? '').length });

  const loc = jisonLoc(error);
  if (loc) {
    const start = cleaned.toOriginal(loc.first_line - 1, loc.first_column);
    const end = loc.last_line === loc.first_line && loc.last_column > loc.first_column ? cleaned.toOriginal(loc.last_line - 1, loc.last_column) : lineEnd(start.line);
    return { message, start, end: sameLineOrEnd(start, end, lineEnd), exact: true };
  }

  const token = langiumToken(error);
  if (token?.startLine !== undefined) {
    const start = cleaned.toOriginal(token.startLine - 1, (token.startColumn ?? 1) - 1);
    const end = token.endLine === token.startLine && token.endColumn !== undefined ? cleaned.toOriginal(token.startLine - 1, token.endColumn) : lineEnd(start.line);
    return { message, start, end: sameLineOrEnd(start, end, lineEnd), exact: true };
  }

  // "Parse error on line 4, column 7" (Langium) or "Parse error on line 4:" (jison without hash).
  const inText = /line (\d+)(?:, column (\d+))?/i.exec(rawMessage);
  if (inText) {
    const line = Number(inText[1]) - 1;
    const column = inText[2] === undefined ? 0 : Number(inText[2]) - 1;
    const start = cleaned.toOriginal(line, column);
    return { message, start, end: lineEnd(start.line), exact: true };
  }

  // A YAML error in the frontmatter (js-yaml's "reason (line:column)", counted from the line after `---`).
  const yamlAt = frontmatterError(diagram, rawMessage);
  if (yamlAt) {
    const start = { line: yamlAt.line, character: Math.min(yamlAt.character, (lines[yamlAt.line] ?? '').length) };
    return { message: `YAML frontmatter: ${rawMessage.split('\n')[0]?.replace(/\s*\(\d+:\d+\)$/, '') ?? rawMessage}.`, start, end: lineEnd(start.line), exact: true };
  }

  // An unknown diagram type is the first line's fault.
  const guessed = /No diagram type detected/.test(rawMessage) ? cleaned.firstLine : guessLine(lines, rawMessage, cleaned.firstLine);
  return { message, start: { line: guessed, character: firstNonSpace(lines[guessed] ?? '') }, end: lineEnd(guessed), exact: false };
}

/** Where in `diagram` a frontmatter YAML error message points, when the diagram has frontmatter and the message a `(line:column)`. */
function frontmatterError(diagram: string, message: string): SourcePosition | undefined {
  const length = frontmatterLength(diagram.replace(/\r\n?/g, '\n'));
  if (length === 0) return undefined;
  const at = /\((\d+):(\d+)\)\s*(?:\n|$)/.exec(message);
  if (!at) return undefined;
  const openLine = diagram.split(/\r\n|\r|\n/).findIndex((l) => /^\s*---\s*$/.test(l));
  const bodyLines = diagram.slice(0, length).split('\n').length - 2;
  const line = Math.min(Number(at[1]), Math.max(bodyLines, 1));
  return { line: openLine + line, character: Math.max(0, Number(at[2]) - 1) };
}

function sameLineOrEnd(start: SourcePosition, end: SourcePosition, lineEnd: (line: number) => SourcePosition): SourcePosition {
  if (end.line !== start.line || end.character <= start.character) return lineEnd(start.line);
  return end;
}

/** An error at the very end of a line (an unexpected line break) marks the line's text instead. */
function widenAtLineEnd(located: LocatedError, lines: readonly string[]): LocatedError {
  const text = lines[located.start.line] ?? '';
  if (located.start.character < text.trimEnd().length) return located;
  return { ...located, start: { line: located.start.line, character: firstNonSpace(text) }, end: { line: located.start.line, character: text.length } };
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error) return String((error as { message: unknown }).message);
  return String(error);
}

function jisonLoc(error: unknown): JisonLoc | undefined {
  const loc = (error as { hash?: { loc?: Partial<JisonLoc> } } | undefined)?.hash?.loc;
  if (!loc || typeof loc.first_line !== 'number' || typeof loc.first_column !== 'number') return undefined;
  return {
    first_line: loc.first_line,
    first_column: loc.first_column,
    last_line: typeof loc.last_line === 'number' ? loc.last_line : loc.first_line,
    last_column: typeof loc.last_column === 'number' ? loc.last_column : loc.first_column,
  };
}

function langiumToken(error: unknown): LangiumToken | undefined {
  const result = (error as { result?: { lexerErrors?: unknown[]; parserErrors?: unknown[] } } | undefined)?.result;
  if (!result) return undefined;
  const lexer = result.lexerErrors?.[0] as { line?: number; column?: number; length?: number } | undefined;
  if (lexer && typeof lexer.line === 'number') {
    const column = typeof lexer.column === 'number' ? lexer.column : 1;
    return { startLine: lexer.line, startColumn: column, endLine: lexer.line, endColumn: column - 1 + (lexer.length ?? 1) };
  }
  const parser = result.parserErrors?.[0] as { token?: LangiumToken & { image?: string } } | undefined;
  const token = parser?.token;
  if (token && typeof token.startLine === 'number' && !Number.isNaN(token.startLine)) return token;
  return undefined;
}

/** Drops Mermaid's excerpt (the diagram's lines joined together and a caret). */
export function tidyMessage(message: string): string {
  let text = message.replace(/^Parsing failed:\s*/i, '');
  const jison = /^Parse error on line \d+:\n.*\n-*\^\n([\s\S]*)$/.exec(text);
  if (jison) return `Syntax error: ${(jison[1] ?? '').trim()}`;
  text = text.replace(/^Parse error on line \d+, column \d+:\s*/i, 'Syntax error: ');
  text = text.replace(/^Lexer error on line \d+, column \d+:\s*/i, 'Syntax error: ');
  text = text.replace(/`\n`/g, 'the end of the line');
  const unknown = /^No diagram type detected matching given configuration for text:/.exec(text);
  if (unknown) {
    return 'Unknown diagram type: the first line must name one, e.g. flowchart TD, sequenceDiagram, classDiagram, stateDiagram-v2, erDiagram.';
  }
  return text.trim();
}

/** Errors without a position: find the line that holds what the message quotes. */
function guessLine(lines: readonly string[], message: string, fallback: number): number {
  const quoted = [...message.matchAll(/"([^"\n]{1,80})"|'([^'\n]{1,80})'|`([^`\n]{1,80})`/g)]
    .map((m) => m[1] ?? m[2] ?? m[3] ?? '')
    .map((q) => q.replace(/^(branch|checkout|merge|commit|id:)\s+/i, '').trim())
    .filter((q) => q.length > 0);
  const words = [...message.matchAll(/\b([A-Za-z_][\w-]{2,})\b/g)].map((m) => m[1] ?? '');
  for (const needle of quoted) {
    const hit = lines.findIndex((l) => !/^\s*%%/.test(l) && l.includes(needle));
    if (hit >= 0) return hit;
  }
  // Identifiers the message names that appear on exactly one line are a good bet.
  for (const word of words) {
    const hits = lines.map((l, i) => (new RegExp(`\\b${escape(word)}\\b`).test(l) && !/^\s*%%/.test(l) ? i : -1)).filter((i) => i >= fallback);
    if (hits.length === 1) return hits[0] ?? fallback;
  }
  return Math.max(0, fallback);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function firstNonSpace(line: string): number {
  const m = /\S/.exec(line);
  return m ? m.index : 0;
}
