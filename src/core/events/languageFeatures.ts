/**
 * Editor features over the event service, in plain data the server maps to
 * LSP: completion of property names, enum values and referenced ids; hover
 * with the schema's description; an outline; go-to-definition; quick fixes.
 */
import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { CoreDiagnostic, Position, Range } from '../diagnostic';
import { versionedPath, type BumpMajorFix } from './baselineBreaking';
import { cursorContext, keyAt, toPointer } from './cursor';
import type { EventService } from './eventService';
import { messageKinds, type ResourceKind } from './facts';
import type { FixData } from './schemaDiagnostics';
import { bundledSchemas, deref, propertyNames, schemaAt, type JsonObject } from './schemas';
import { dirnameOf, joinPath } from '../paths';
import { findPointer, nodeRange, type ParsedYaml } from './yamlText';

export interface CompletionEntry {
  readonly label: string;
  readonly kind: 'property' | 'value' | 'reference';
  readonly detail?: string | undefined;
  readonly documentation?: string | undefined;
  readonly insertText: string;
}

export interface HoverInfo {
  readonly markdown: string;
  readonly range: Range;
}

export interface SymbolEntry {
  readonly name: string;
  readonly detail?: string | undefined;
  readonly kind: 'object' | 'array' | 'property' | 'string' | 'number' | 'boolean';
  readonly range: Range;
  readonly selectionRange: Range;
  readonly children: SymbolEntry[];
}

export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

export interface QuickFix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  readonly diagnostic: CoreDiagnostic;
  readonly preferred: boolean;
  /** New files the fix creates (never over an existing file: the host skips those). */
  readonly creates?: readonly { readonly path: string; readonly text: string }[];
}

export interface Location {
  readonly path: string;
  readonly range: Range;
}

/** The YAML lines of a file (the frontmatter block of Markdown) and the schema that applies. */
function context(service: EventService, path: string): { lines: string[]; first: number; last: number; schemaId: string } | undefined {
  const result = service.result(path);
  const text = service.readFile(path);
  if (!result?.schemaId || text === undefined) return undefined;
  const lines = text.split(/\r?\n/);
  if (result.kind.type === 'catalog-page') {
    const close = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l));
    return { lines, first: 1, last: close === -1 ? lines.length - 1 : close - 1, schemaId: result.schemaId };
  }
  return { lines, first: 0, last: lines.length - 1, schemaId: result.schemaId };
}

export function complete(service: EventService, path: string, pos: Position): CompletionEntry[] {
  const ctx = context(service, path);
  if (!ctx || pos.line < ctx.first || pos.line > ctx.last) return [];
  const cursor = cursorContext(ctx.lines, pos, ctx.first);
  if (!cursor) return [];
  const root = bundledSchemas[ctx.schemaId] as JsonObject;
  if (!cursor.onValue) {
    const parentSchema = schemaAt(ctx.schemaId, toPointer(cursor.parent));
    if (!parentSchema) return [];
    const present = siblingKeys(ctx.lines, pos.line, cursor.keyColumn, ctx.first, ctx.last);
    // `name` (full form) and `eventType` (module 4) are alternatives: offer neither once one is there.
    if (present.has('name')) present.add('eventType');
    if (present.has('eventType') && ctx.schemaId === 'event') present.add('name');
    return propertyNames(root, parentSchema)
      .filter((name) => !present.has(name))
      .map((name) => {
        const s = deref(root, ((deref(root, parentSchema).properties as JsonObject | undefined)?.[name] ?? {}) as JsonObject);
        const container = s.type === 'object' ? ':\n' + ' '.repeat(cursor.keyColumn + 2) : s.type === 'array' ? ':\n' + ' '.repeat(cursor.keyColumn + 2) + '- ' : ': ';
        return { label: name, kind: 'property' as const, detail: typeof s.type === 'string' ? s.type : undefined, documentation: describe(s), insertText: `${name}${container}` };
      });
  }
  const pointer = toPointer([...cursor.parent, cursor.key]);
  // Existing ids first: they beat the schema's generic examples.
  const out: CompletionEntry[] = referenceIds(service, cursor.parent, cursor.key);
  const s = schemaAt(ctx.schemaId, pointer);
  if (s) {
    const items = s.type === 'array' && s.items && typeof s.items === 'object' ? deref(root, s.items as JsonObject) : s;
    for (const v of (items.enum as unknown[] | undefined) ?? []) if (!out.some((o) => o.label === String(v))) out.push({ label: String(v), kind: 'value', insertText: String(v), documentation: describe(items) });
    if (items.type === 'boolean') for (const v of ['true', 'false']) out.push({ label: v, kind: 'value', insertText: v });
    for (const ex of (items.examples as unknown[] | undefined) ?? []) {
      if (typeof ex === 'string' && !out.some((o) => o.label === ex)) out.push({ label: ex, kind: 'value', insertText: cursor.key === 'version' ? `"${ex}"` : ex, detail: 'example' });
    }
  }
  return out;
}

/** Ids of existing resources for a reference field (`sends[].id`, `owners[]`, ...). */
function referenceIds(service: EventService, parent: readonly string[], key: string): CompletionEntry[] {
  const container = key === 'id' ? parent[parent.length - 2] : key;
  const kinds: Record<string, readonly ResourceKind[]> = {
    sends: messageKinds,
    receives: messageKinds,
    to: ['channel'],
    from: ['channel'],
    channels: ['channel'],
    routes: ['channel'],
    services: ['service'],
    producers: ['service'],
    consumers: ['service'],
    systems: ['system'],
    domains: ['domain'],
    entities: ['entity'],
    flows: ['flow'],
    containers: ['container'],
    writesTo: ['container'],
    readsFrom: ['container'],
    owners: ['team', 'user'],
    members: ['user'],
  };
  const wanted = container ? kinds[container] : undefined;
  if (!wanted) return [];
  const out: CompletionEntry[] = [];
  const seen = new Set<string>();
  for (const path of service.index.paths()) {
    for (const d of service.index.facts(path)?.definitions ?? []) {
      if (!wanted.includes(d.kind) || seen.has(d.id) || d.archived) continue;
      seen.add(d.id);
      out.push({ label: d.id, kind: 'reference', detail: `${d.kind}${d.version ? ` ${d.version}` : ''}`, insertText: d.id });
    }
  }
  return out;
}

/** Keys already present at `column` in the mapping around `line`. */
function siblingKeys(lines: readonly string[], line: number, column: number, first: number, last: number): Set<string> {
  const keys = new Set<string>();
  const scan = (from: number, step: number) => {
    for (let i = from; i >= first && i <= last; i += step) {
      const text = lines[i] ?? '';
      if (!text.trim()) continue;
      const indent = text.length - text.trimStart().length;
      const dash = /^(\s*)-\s+/.exec(text);
      const keyCol = dash ? (dash[0] ?? '').length : indent;
      if (keyCol < column || (dash && keyCol === column && i !== line && step > 0)) break;
      const m = keyCol === column ? /^\s*(?:-\s+)?([^\s:#][^:#]*?)\s*:/.exec(text) : null;
      if (m?.[1]) keys.add(m[1]);
      if (dash && keyCol === column && step < 0) break;
    }
  };
  scan(line - 1, -1);
  scan(line + 1, 1);
  return keys;
}

export function hover(service: EventService, path: string, pos: Position): HoverInfo | undefined {
  const ctx = context(service, path);
  if (!ctx || pos.line < ctx.first || pos.line > ctx.last) return undefined;
  const lineText = ctx.lines[pos.line] ?? '';
  const key = keyAt(lineText, pos.character);
  const range = { start: { line: pos.line, character: key?.start ?? 0 }, end: { line: pos.line, character: key?.end ?? lineText.length } };
  // On a reference value: show what it points at.
  const ref = service.index.facts(path)?.references.find((r) => contains(r.range, pos));
  if (ref) {
    const target = service.index.resolve(ref);
    return {
      range: ref.range,
      markdown: target ? `**${target.kind}** \`${target.id}\`${target.version ? ` ${target.version}` : ''}\n\nDefined in ${target.path}:${target.range.start.line + 1}` : `No ${ref.kinds.join('/')} \`${ref.id}\` in this workspace.`,
    };
  }
  if (!key) return undefined;
  const cursor = cursorContext(ctx.lines, { line: pos.line, character: key.end + 1 < lineText.length ? key.end + 2 : lineText.length }, ctx.first);
  const parent = cursor?.parent ?? [];
  const s = schemaAt(ctx.schemaId, toPointer([...parent, key.key]));
  if (!s) return undefined;
  return { range, markdown: `**${key.key}**${typeof s.type === 'string' ? ` _(${s.type})_` : ''}\n\n${describe(s)}` };
}

function describe(s: JsonObject): string {
  const parts = [typeof s.description === 'string' ? s.description : ''];
  if (Array.isArray(s.enum)) parts.push(`Allowed: ${s.enum.map((v) => `\`${String(v)}\``).join(', ')}`);
  if (Array.isArray(s.examples) && s.examples.length) parts.push(`Example: \`${JSON.stringify(s.examples[0])}\``);
  return parts.filter(Boolean).join('\n\n');
}

export function symbols(service: EventService, path: string): SymbolEntry[] {
  const parsed = service.result(path)?.parsed;
  if (!parsed) return [];
  const out: SymbolEntry[] = [];
  for (const { doc } of parsed.docs) if (doc.contents) out.push(...childSymbols(parsed, doc.contents as Node, 0));
  return out;
}

function childSymbols(parsed: ParsedYaml, node: Node, depth: number): SymbolEntry[] {
  if (depth > 6) return [];
  const out: SymbolEntry[] = [];
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const keyRange = nodeRange(parsed, pair.key);
      const value = pair.value as Node | null;
      const valueRange = nodeRange(parsed, value) ?? keyRange;
      if (!keyRange || !valueRange) continue;
      out.push({
        name: String(pair.key.value),
        detail: isScalar(value) ? String(value.value).slice(0, 60) : undefined,
        kind: symbolKind(value),
        range: { start: keyRange.start, end: valueRange.end },
        selectionRange: keyRange,
        children: value && !isScalar(value) ? childSymbols(parsed, value, depth + 1) : [],
      });
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      const r = nodeRange(parsed, item as Node);
      if (!r) return;
      const named = isMap(item) ? item.items.find((p) => isPair(p) && isScalar(p.key) && ['id', 'name', 'eventType', 'title', 'content'].includes(String(p.key.value))) : undefined;
      const label = isScalar(item) ? String(item.value) : named && isScalar(named.value) ? String(named.value.value) : `[${i}]`;
      out.push({ name: label, kind: symbolKind(item as Node), range: r, selectionRange: r, children: isScalar(item) ? [] : childSymbols(parsed, item as Node, depth + 1) });
    });
  }
  return out;
}

function symbolKind(node: Node | null | undefined): SymbolEntry['kind'] {
  if (isMap(node)) return 'object';
  if (isSeq(node)) return 'array';
  if (isScalar(node)) return typeof node.value === 'number' ? 'number' : typeof node.value === 'boolean' ? 'boolean' : 'string';
  return 'property';
}

/** From a reference (`id: order-created`, `schemaPath: schema.json`, `$ref`) to its target. */
export function definition(service: EventService, path: string, pos: Position): Location | undefined {
  const facts = service.index.facts(path);
  if (!facts) return undefined;
  const ref = facts.references.find((r) => contains(r.range, pos));
  if (ref) {
    const target = service.index.resolve(ref);
    return target ? { path: target.path, range: target.range } : undefined;
  }
  const link = facts.schemaLinks.find((l) => contains(l.range, pos));
  if (link) return { path: joinPath(dirnameOf(path), link.ref), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
  return undefined;
}

/** Quick fixes for the diagnostics that carry fix data. */
export function quickFixes(service: EventService, path: string, diagnostics: readonly CoreDiagnostic[]): QuickFix[] {
  const out: QuickFix[] = [];
  const parsed = service.result(path)?.parsed;
  for (const d of diagnostics) {
    const data = d.data as (FixData | BumpMajorFix | { fix: 'replace-id'; to: string }) | undefined;
    if (!data || typeof data !== 'object' || !('fix' in data)) continue;
    switch (data.fix) {
      case 'quote-version': {
        const parts = data.text.split('.');
        while (parts.length < 3) parts.push('0');
        out.push({ title: `Quote the version: "${parts.join('.')}"`, edits: [{ range: d.range, newText: `"${parts.join('.')}"` }], diagnostic: d, preferred: true });
        break;
      }
      case 'complete-version':
        out.push({ title: `Make the version "${data.to}"`, edits: [{ range: d.range, newText: `"${data.to}"` }], diagnostic: d, preferred: true });
        break;
      case 'rename-property':
        out.push({ title: `Rename \`${data.from}\` to \`${data.to}\``, edits: [{ range: d.range, newText: data.to }], diagnostic: d, preferred: true });
        break;
      case 'replace-id':
        out.push({ title: `Change to \`${data.to}\``, edits: [{ range: d.range, newText: data.to }], diagnostic: d, preferred: true });
        break;
      case 'bump-major': {
        const fix = bumpMajor(service, path, d, data);
        if (fix) out.push(fix);
        break;
      }
      case 'add-property': {
        const edit = parsed ? insertProperty(parsed, data.parentPointer, data.snippet) : undefined;
        if (edit) out.push({ title: `Add the missing property \`${data.property}\``, edits: [edit], diagnostic: d, preferred: false });
        break;
      }
      default:
        break;
    }
  }
  return out;
}

/** Bumps the version; with `keep`, the committed page and schema are written under `versioned/<old>/`. */
function bumpMajor(service: EventService, path: string, d: CoreDiagnostic, data: BumpMajorFix): QuickFix | undefined {
  const edits = [{ range: d.range, newText: data.to }];
  if (!data.keep) return { title: `Bump the major version to ${data.to}`, edits, diagnostic: d, preferred: true };
  const creates: { path: string; text: string }[] = [];
  for (const file of data.keep.files) {
    const text = service.readBaseline?.(file);
    if (text === undefined) return undefined;
    creates.push({ path: versionedPath(path, data.keep.version, file), text });
  }
  return { title: `Bump the major version to ${data.to} and keep ${data.keep.version} in versioned/${data.keep.version}/`, edits, diagnostic: d, preferred: true, creates };
}

/** Inserts `snippet` as a new last key of the mapping at `pointer`, at its keys' indentation. */
function insertProperty(parsed: ParsedYaml, pointer: string, snippet: string): TextEdit | undefined {
  const doc = parsed.docs[0]?.doc;
  if (!doc) return undefined;
  const node = (pointer === '' ? doc.contents : findPointer(doc, pointer).value) as Node | null | undefined;
  if (!isMap(node) || !node.range) {
    if (pointer === '' && !node) return { range: { start: { line: parsed.lineOffset, character: 0 }, end: { line: parsed.lineOffset, character: 0 } }, newText: `${snippet}\n` };
    return undefined;
  }
  const firstKey = node.items[0]?.key as Node | undefined;
  const keyStart = nodeRange(parsed, firstKey)?.start;
  if (!keyStart || node.flow) return undefined;
  const end = nodeRange(parsed, node)?.end;
  if (!end) return undefined;
  const insertLine = end.character === 0 ? end.line : end.line + 1;
  const lastLine = parsed.lineOffset + parsed.text.split('\n').length - 1;
  if (insertLine > lastLine) {
    // The mapping ends the file without a newline: start a new line after it.
    return { range: { start: end, end }, newText: `\n${' '.repeat(keyStart.character)}${snippet}` };
  }
  return { range: { start: { line: insertLine, character: 0 }, end: { line: insertLine, character: 0 } }, newText: `${' '.repeat(keyStart.character)}${snippet}\n` };
}

function contains(r: Range, p: Position): boolean {
  const afterStart = p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character);
  const beforeEnd = p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character);
  return afterStart && beforeEnd;
}
