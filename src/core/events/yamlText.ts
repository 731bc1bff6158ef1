/**
 * Parses YAML text defensively and maps JSON pointers back to source ranges.
 * Guards run before the parser so hostile input (huge files, deep nesting,
 * binary data, alias bombs) yields one clear diagnostic in bounded time.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node, type Pair } from 'yaml';
import jsyaml from 'js-yaml';
import type { CoreDiagnostic, Range } from '../diagnostic';
import { LineLocator, type Located } from './lineLocator';
import { errorMessage } from '../errorMessage';

export const eventsSource = 'edgo-events';

/** Limits for one file; beyond them the file is reported and skipped. */
export const limits = {
  maxBytes: 5 * 1024 * 1024,
  /** Lines and (estimated) nodes bound the parse and validation as bytes alone do not: a 4 MB list of `- 1` is a million nodes. */
  maxLines: 100_000,
  maxNodes: 250_000,
  maxDepth: 200,
  maxAliasCount: 1000,
} as const;

export interface ParsedYaml {
  readonly text: string;
  /** Added to every line (frontmatter starts below the `---` line of a Markdown file). */
  readonly lineOffset: number;
  /** Built by the full parse (on first use when the fast path read the values). */
  readonly lineCounter: LineCounter;
  /** One entry per YAML document of the stream (usually one). */
  readonly docs: readonly ParsedDoc[];
  /** Syntax errors, guards tripped. */
  readonly diagnostics: CoreDiagnostic[];
  /** Key/value ranges at a pointer without the full parse, or undefined when unsure. */
  locate(docIndex: number, pointer: string): Located | undefined;
}

export interface ParsedDoc {
  readonly index: number;
  /** The YAML AST with source ranges; parsed on first access when the fast path was taken. */
  readonly doc: Document.Parsed;
  /** The plain JS value, or undefined when it could not be built. */
  readonly value: unknown;
  /** Whether `value` is usable (no syntax error in this document). */
  readonly ok: boolean;
}

/** Anchors, aliases, tags and merge keys go through the full parser (alias limits, exact semantics). */
export const needsFullParse = /(^|[\s[{,:-])[&*!][^\s]|<<\s*:|\t/;

/**
 * Fast path: js-yaml reads the values several times faster than the CST parser;
 * the AST (for ranges) is then built only if something asks for it. Returns
 * undefined whenever the input is not plainly simple, and the full parse runs.
 */
function fastParse(text: string, lineOffset: number): ParsedYaml | undefined {
  if (needsFullParse.test(text) || text.length > limits.maxBytes) return undefined;
  let values: unknown[];
  try {
    values = jsyaml.loadAll(text, undefined, { schema: jsyaml.CORE_SCHEMA, json: false }) as unknown[];
  } catch {
    return undefined; // Syntax errors get the full parser's precise messages.
  }
  if (values.length === 0) return undefined;
  let full: ParsedYaml | undefined;
  const fullParse = () => (full ??= fullYaml(text, lineOffset));
  const locator = new LineLocator(text, lineOffset);
  // Where the line reader splits the stream otherwise than the parser (a `--- value` marker), its answers would name another document.
  // Known here, so that `locate` holds the locator and not the values (see keepForRanges).
  const agrees = locator.documentCount === values.length;
  const docs: ParsedDoc[] = values.map((value, index) => ({
    index,
    value,
    ok: true,
    get doc() {
      const d = fullParse().docs[index];
      if (!d) throw new Error('document count differs between parsers');
      return d.doc;
    },
  }));
  return {
    text,
    lineOffset,
    get lineCounter() {
      return fullParse().lineCounter;
    },
    docs,
    diagnostics: [],
    locate: (docIndex, pointer) => (agrees ? locator.locate(docIndex, pointer) : undefined),
  };
}

/**
 * `parsed` without its values and trees, to be kept: ranges still come from its line
 * locator, and whatever needs more parses the text again, once, when first asked.
 */
export function keepForRanges(parsed: ParsedYaml): ParsedYaml {
  const { text, lineOffset, locate } = parsed;
  let again: ParsedYaml | undefined;
  const reparse = () => (again ??= parseYaml(text, lineOffset));
  return {
    text,
    lineOffset,
    locate,
    get lineCounter() {
      return reparse().lineCounter;
    },
    get docs() {
      return reparse().docs;
    },
    get diagnostics() {
      return reparse().diagnostics;
    },
  };
}

/** Parses `text`; positions are shifted by `lineOffset` lines. Never throws. */
export function parseYaml(text: string, lineOffset = 0): ParsedYaml {
  const guard = checkGuards(text, lineOffset);
  if (guard) return { text, lineOffset, lineCounter: new LineCounter(), docs: [], diagnostics: [guard], locate: () => undefined };
  return fastParse(text, lineOffset) ?? fullYaml(text, lineOffset);
}

/** The full CST parse with source ranges for every node. */
function fullYaml(text: string, lineOffset: number): ParsedYaml {
  const lineCounter = new LineCounter();
  const diagnostics: CoreDiagnostic[] = [];
  const docs: ParsedDoc[] = [];
  let streamDocs: Document.Parsed[];
  try {
    streamDocs = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: true }) as Document.Parsed[];
    if (!Array.isArray(streamDocs)) streamDocs = [];
  } catch (err) {
    diagnostics.push(whole(text, lineOffset, 'yaml/unreadable', `This file could not be read as YAML: ${errorMessage(err)}`));
    return { text, lineOffset, lineCounter, docs, diagnostics, locate: () => undefined };
  }
  const parsed: ParsedYaml = { text, lineOffset, lineCounter, docs, diagnostics, locate: () => undefined };
  for (const doc of streamDocs) {
    for (const e of [...doc.errors, ...doc.warnings]) {
      const [start, end] = e.pos;
      const isError = doc.errors.includes(e);
      diagnostics.push({
        range: offsetRange(parsed, start, Math.max(end, start + 1)),
        severity: isError ? 'error' : 'warning',
        code: e.code === 'DUPLICATE_KEY' ? 'yaml/duplicate-key' : `yaml/${e.code.toLowerCase().replace(/_/g, '-')}`,
        message: yamlMessage(e.code, e.message),
        source: eventsSource,
      });
    }
    let value: unknown;
    try {
      value = doc.errors.length ? undefined : doc.toJS({ maxAliasCount: limits.maxAliasCount });
    } catch (err) {
      const start = doc.contents?.range?.[0] ?? 0;
      diagnostics.push({
        range: offsetRange(parsed, start, start + 1),
        severity: 'error',
        code: 'yaml/alias-bomb',
        message: `This YAML expands too many aliases (*name) and was not checked further: ${errorMessage(err)}`,
        source: eventsSource,
      });
    }
    docs.push({ index: docs.length, doc, value, ok: value !== undefined && !doc.errors.length });
  }
  return parsed;
}

/** Converts text offsets to a range in the file's coordinates (UTF-16, 0-based). */
export function offsetRange(parsed: Pick<ParsedYaml, 'lineCounter' | 'lineOffset'>, start: number, end: number): Range {
  const s = parsed.lineCounter.linePos(start);
  const e = parsed.lineCounter.linePos(end);
  return {
    start: { line: s.line - 1 + parsed.lineOffset, character: s.col - 1 },
    end: { line: e.line - 1 + parsed.lineOffset, character: e.col - 1 },
  };
}

/** Range of a node's value (without trailing comments/newlines). */
export function nodeRange(parsed: ParsedYaml, node: Node | null | undefined): Range | undefined {
  if (!node?.range) return undefined;
  const [start, valueEnd] = node.range;
  return offsetRange(parsed, start, Math.max(valueEnd, start + 1));
}

/** The key/value nodes at a JSON pointer, walking maps and sequences. */
export interface PointerTarget {
  readonly pair?: Pair<unknown, unknown> | undefined;
  readonly key?: Node | undefined;
  readonly value?: Node | undefined;
  /** The pair that holds the nearest existing ancestor (for a missing property). */
  readonly parentPair?: Pair<unknown, unknown> | undefined;
}

export function findPointer(doc: Document.Parsed, pointer: string): PointerTarget {
  const segments =
    pointer === ''
      ? []
      : pointer
          .slice(1)
          .split('/')
          .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: unknown = doc.contents;
  let pair: Pair<unknown, unknown> | undefined;
  let parentPair: Pair<unknown, unknown> | undefined;
  for (const seg of segments) {
    parentPair = pair ?? parentPair;
    if (isMap(node)) {
      const found = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === seg);
      if (!found) return { parentPair: pair ?? parentPair };
      pair = found;
      node = found.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(seg)];
      if (item === undefined) return { parentPair: pair ?? parentPair };
      node = item;
      // A sequence item has no key: keep the enclosing pair for "point at the parent key".
    } else {
      return { parentPair: pair ?? parentPair };
    }
  }
  return { pair, key: pair?.key as Node | undefined, value: node as Node | undefined, parentPair };
}

/** The range of the whole first line, for file-level problems. */
export function whole(text: string, lineOffset: number, code: string, message: string, severity: CoreDiagnostic['severity'] = 'error'): CoreDiagnostic {
  const nl = text.indexOf('\n');
  const firstLineLength = Math.min(nl === -1 ? text.length : nl, 200);
  return { range: { start: { line: lineOffset, character: 0 }, end: { line: lineOffset, character: Math.max(firstLineLength, 1) } }, severity, code, message, source: eventsSource };
}

/** Size, binary content, broken encoding and nesting depth, checked in one linear pass. */
export function checkGuards(text: string, lineOffset: number): CoreDiagnostic | undefined {
  if (text.length > limits.maxBytes) {
    return whole(text, lineOffset, 'file/too-large', `This file is ${(text.length / 1024 / 1024).toFixed(1)} MB; files over ${limits.maxBytes / 1024 / 1024} MB are not validated. Split it into one file per event.`, 'warning');
  }
  if (plainlyWithinLimits(text)) return undefined;
  let flowDepth = 0;
  let flowItems = 0;
  let lineStart = true;
  let indent = 0;
  let line = 0;
  /** The closing quote's char code while inside a quoted scalar, -1 in a comment, 0 outside. */
  let quote = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return at(line, 'file/binary', 'This file contains NUL bytes: it looks like a binary file, not YAML text.');
    if (c === 0xfffd) return at(line, 'file/invalid-encoding', 'This file is not valid UTF-8 (it contains bytes that are not text). Save it as UTF-8.');
    if (c === 10) {
      line++;
      if (line >= limits.maxLines) return at(0, 'file/too-many-lines', `This file has more than ${limits.maxLines.toLocaleString('en')} lines; it was not validated. Split it into smaller files.`, 'warning');
      if (line + flowItems > limits.maxNodes) return at(0, 'file/too-many-nodes', `This file holds more than ${limits.maxNodes.toLocaleString('en')} values; it was not validated. Split it into smaller files.`, 'warning');
      lineStart = true;
      indent = 0;
      // Approximate: quoted scalars spanning lines are rare and hold no brackets that matter.
      quote = 0;
      continue;
    }
    if (lineStart) {
      if (c === 32) {
        indent++;
        if (indent > limits.maxDepth * 8) return at(line, 'yaml/too-deep', `This YAML is indented more than ${limits.maxDepth * 8} columns deep; nesting is limited to ${limits.maxDepth} levels.`);
        continue;
      }
      lineStart = false;
    }
    if (quote !== 0) {
      if (c === quote) quote = 0;
      continue;
    }
    const prev = i === 0 ? 10 : text.charCodeAt(i - 1);
    if ((c === 34 || c === 39) && (prev === 32 || prev === 10 || prev === 91 || prev === 123 || prev === 44)) quote = c;
    else if (c === 35 && (prev === 32 || prev === 10)) quote = -1;
    else if (c === 91 || c === 123) {
      flowDepth++;
      if (flowDepth > limits.maxDepth) return at(line, 'yaml/too-deep', `This YAML nests [ ] or { } more than ${limits.maxDepth} levels deep, which no event needs; it was not checked further.`);
    } else if (c === 93 || c === 125) flowDepth = Math.max(0, flowDepth - 1);
    else if (c === 44 && flowDepth > 0 && ++flowItems + line > limits.maxNodes) {
      return at(0, 'file/too-many-nodes', `This file holds more than ${limits.maxNodes.toLocaleString('en')} values; it was not validated. Split it into smaller files.`, 'warning');
    }
  }
  return undefined;

  function at(l: number, code: string, message: string, severity: CoreDiagnostic['severity'] = 'error'): CoreDiagnostic {
    return { range: { start: { line: l + lineOffset, character: 0 }, end: { line: l + lineOffset, character: 1 } }, severity, code, message, source: eventsSource };
  }
}

/** Characters only the scan in checkGuards can judge: NUL, the replacement character, flow brackets (and with them commas and quotes). */
const needsScan = /[\0\uFFFD[{]/;
const tooIndented = new RegExp(`(?:^|\n) {${limits.maxDepth * 8 + 1}}`);

/**
 * True when checkGuards' scan would find nothing, known from native string
 * searches: a file just opened is scanned before the scan loop has been
 * compiled, and walking its characters one by one then costs more than the parse.
 */
function plainlyWithinLimits(text: string): boolean {
  if (needsScan.test(text) || tooIndented.test(text)) return false;
  const most = Math.min(limits.maxLines - 1, limits.maxNodes);
  let lines = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) if (++lines > most) return false;
  return true;
}

function yamlMessage(code: string, message: string): string {
  const first = message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? message;
  if (code === 'DUPLICATE_KEY') return `${first}. Each key may appear only once in a mapping; remove or rename one of them.`;
  if (code === 'TAB_AS_INDENT') return `${first}. YAML is indented with spaces, never tabs.`;
  return `YAML syntax: ${first}.`.replace(/\.\.$/, '.');
}
