/**
 * The course catalog (`eventcatalog.yaml`) validated entry by entry: its
 * `events:` list is cut into one text per entry, and an entry whose text is
 * unchanged since the last validation reuses its diagnostics and facts, moved
 * to its new line and index. The rest of the file (the "skeleton", with the
 * list emptied and its lines blanked) is validated as a whole. A file that is
 * not plainly block-style (anchors, tabs, several documents, a flow list)
 * returns undefined and takes the full path.
 */
import type { CoreDiagnostic, Range } from '../diagnostic';
import { catalogEventFacts, extractFacts, type Definition, type FileFacts, type Reference, type SchemaLink } from './facts';
import { getAjv, validatorFor } from './schemas';
import { schemaErrorsToDiagnostics } from './schemaDiagnostics';
import type { ValidationResult } from './validate';
import { checkGuards, keepForRanges, needsFullParse, parseYaml, type ParsedYaml } from './yamlText';

interface EntryResult {
  /** Lines relative to the entry's first line; pointers and labels are entry 0's (`/events/0`, `events[0]`). */
  readonly diagnostics: readonly CoreDiagnostic[];
  readonly facts: FileFacts;
  /** Its last placement in the file: typing inside one entry leaves the others where they were. */
  placed?: { readonly line: number; readonly index: number; readonly result: EntryResult } | undefined;
}

/** `r` moved to line `line` as entry `index`, reused while it stays there. */
function placeAt(r: EntryResult, line: number, index: number): EntryResult {
  if (r.placed?.line !== line || r.placed.index !== index) r.placed = { line, index, result: move(r, line, 0, index) };
  return r.placed.result;
}

/** What one file's previous validation left for the next one. */
export interface EntryCache {
  entries: Map<string, EntryResult>;
  skeleton?: { readonly text: string; readonly result: ValidationResult; readonly facts: FileFacts } | undefined;
  /** A full validation not yet filed by entry: filed when the next edit needs it, so opening a file does not pay for it. */
  unfiled?: { readonly path: string; readonly text: string; readonly full: ValidationResult } | undefined;
}

export function newEntryCache(): EntryCache {
  return { entries: new Map() };
}

interface Split {
  readonly skeleton: string;
  /** The line after the list's last entry. */
  readonly end: number;
  readonly entries: ReadonlyArray<{ readonly line: number; readonly text: string }>;
}

/** Cuts the `events:` block list into entries, or undefined when the file is not of the plain shape. */
export function splitCatalog(text: string): Split | undefined {
  if (needsFullParse.test(text)) return undefined;
  const lines = text.split('\n');
  let eventsLine = -1;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as string;
    // Only a line starting with `-`, `.` or `e` can be a document marker or the `events:` key.
    const c = l.charCodeAt(0);
    if (c !== 45 && c !== 46 && c !== 101) continue;
    if (/^(---|\.\.\.)(\s|$)/.test(l)) return undefined;
    if (/^events[ \t]*:/.test(l)) {
      if (eventsLine >= 0 || !/^events[ \t]*:[ \t]*(#.*)?\r?$/.test(l)) return undefined;
      eventsLine = i;
    }
  }
  if (eventsLine < 0) return undefined;
  let i = eventsLine + 1;
  const isBlank = (l: string) => /^\s*(#.*)?$/.test(l);
  while (i < lines.length && isBlank(lines[i] as string)) i++;
  const dash = /^( *)-( |\r?$)/.exec(lines[i] ?? '');
  if (!dash) return undefined;
  const indent = (dash[1] as string).length;
  const starts: number[] = [];
  const first = i;
  for (; i < lines.length; i++) {
    const l = lines[i] as string;
    // Most lines are inside an entry: more spaces than the dashes' column, nothing else to know.
    let spaces = 0;
    while (spaces <= indent && l.charCodeAt(spaces) === 32) spaces++;
    if (spaces > indent) continue;
    if (isBlank(l)) continue;
    const at = l.length - l.trimStart().length;
    if (at === indent && /^-( |\r?$)/.test(l.slice(at))) starts.push(i);
    else if (at > indent) continue;
    else if (at === 0) break;
    else return undefined;
  }
  const end = i;
  const entries = starts.map((line, k) => ({ line, text: lines.slice(line, starts[k + 1] ?? end).join('\n') }));
  const skeleton = lines.map((l, n) => (n === eventsLine ? 'events: []' : n >= first && n < end ? '' : l)).join('\n');
  return { skeleton, entries, end };
}

const itemSchemaRef = 'https://edgo-lab.dev/schemas/event-catalog.schema.json#/properties/events/items';

/** An entry parsed alone, under an `events:` line of its own, so its pointers and labels are those of entry 0. */
function validateEntry(path: string, text: string): EntryResult | undefined {
  const parsed = parseYaml(`events:\n${text}`, -1);
  const empty: FileFacts = { path, definitions: [], references: [], schemaLinks: [] };
  if (parsed.diagnostics.length) return { diagnostics: parsed.diagnostics, facts: empty };
  const doc = parsed.docs[0];
  const list = (doc?.value as { events?: unknown } | null | undefined)?.events;
  if (parsed.docs.length !== 1 || !doc || !Array.isArray(list) || list.length !== 1) return undefined;
  validatorFor('event-catalog');
  const validate = getAjv().getSchema(itemSchemaRef);
  if (!validate) return undefined;
  const entry: unknown = list[0];
  const diagnostics = validate(entry)
    ? []
    : schemaErrorsToDiagnostics(
        (validate.errors ?? []).map((e) => ({ ...e, instancePath: `/events/0${e.instancePath}` })),
        { parsed, parsedDoc: doc, what: 'event catalog', codePrefix: 'catalog', schemaId: 'event-catalog' },
      );
  return { diagnostics, facts: catalogEventFacts(parsed, doc, path, entry, '/events/0') };
}

/**
 * Validates a course catalog from cached entries; undefined when the file needs
 * the full path. The first validation of a file is the full one (faster than a
 * thousand small ones), and its results are filed by entry for the edits to come.
 */
export function validateCatalogEntries(path: string, text: string, cache: EntryCache, validateWhole: (text: string) => ValidationResult): ValidationResult | undefined {
  // Opening: the full validation reports a tripped guard itself, and the file is cut into entries at the first edit.
  if (!cache.skeleton && !cache.unfiled) return wholeForNow(path, text, cache, validateWhole);
  // The limits are the whole file's, whatever the entries say: a tripped guard takes the full path, which reports it.
  if (checkGuards(text, 0)) return undefined;
  const split = splitCatalog(text);
  if (!split) return undefined;
  if (cache.unfiled) {
    const { path: was, text: opened, full } = cache.unfiled;
    cache.unfiled = undefined;
    const before = splitCatalog(opened);
    if (before) seed(cache, was, before, full);
  }
  if (!cache.skeleton) return wholeForNow(path, text, cache, validateWhole);
  const next = new Map<string, EntryResult>();
  const results: EntryResult[] = [];
  for (const e of split.entries) {
    const r = next.get(e.text) ?? cache.entries.get(e.text) ?? validateEntry(path, e.text);
    if (!r) return undefined;
    next.set(e.text, r);
    results.push(r);
  }
  cache.entries = next;
  // A YAML error stops schema checks of the whole file: the full path says so exactly.
  if (results.some((r) => r.diagnostics.some((d) => d.code.startsWith('yaml/')))) return undefined;
  if (cache.skeleton.text !== split.skeleton) {
    const result = validateWhole(split.skeleton);
    cache.skeleton = { text: split.skeleton, result, facts: extractFacts(result) };
  }
  const skeleton = cache.skeleton;
  const diagnostics = [...skeleton.result.diagnostics];
  const facts = { path, definitions: [...skeleton.facts.definitions], references: [...skeleton.facts.references], schemaLinks: [...skeleton.facts.schemaLinks] };
  results.forEach((r, i) => {
    const moved = placeAt(r, (split.entries[i] as { line: number }).line, i);
    diagnostics.push(...moved.diagnostics);
    facts.definitions.push(...moved.facts.definitions);
    facts.references.push(...moved.facts.references);
    facts.schemaLinks.push(...moved.facts.schemaLinks);
  });
  let parsed: ParsedYaml | undefined;
  return {
    path,
    kind: { type: 'event-catalog-yaml' },
    diagnostics,
    schemaId: 'event-catalog',
    facts,
    // Completion, hover and quick fixes need the whole file's tree: parsed when first asked for.
    get parsed() {
      return (parsed ??= parseYaml(text));
    },
  };
}

/**
 * The full validation, filed by entry only when an edit comes (a result with a guard or YAML
 * error never is, see seed). Its values and trees are read for the facts, then dropped: kept, a
 * thousand entries' nodes survive into the old generation. Ranges still come from the line
 * locator; hover and symbols re-parse once, when first asked.
 */
function wholeForNow(path: string, text: string, cache: EntryCache, validateWhole: (text: string) => ValidationResult): ValidationResult {
  const whole = validateWhole(text);
  const full: { -readonly [K in keyof ValidationResult]: ValidationResult[K] } = { ...whole, facts: undefined };
  full.facts = extractFacts(full);
  // The facts read their ranges through `full.parsed` when asked, so they get the kept one.
  if (full.parsed) full.parsed = keepForRanges(full.parsed);
  cache.entries = new Map();
  cache.unfiled = { path, text, full };
  return full;
}

/** Files a full validation's diagnostics and facts by entry (relative to it) and the rest as the skeleton's. */
function seed(cache: EntryCache, path: string, split: Split, full: ValidationResult): void {
  cache.entries = new Map();
  cache.skeleton = undefined;
  if (full.diagnostics.some((d) => d.code.startsWith('yaml/') || d.code.startsWith('file/') || d.code === 'internal-error')) return;
  const facts = full.facts ?? extractFacts(full);
  const buckets = split.entries.map((): EntryResult => ({ diagnostics: [], facts: { path, definitions: [], references: [], schemaLinks: [] } }));
  const rest: EntryResult = { diagnostics: [], facts: { path, definitions: [], references: [], schemaLinks: [] } };
  const starts = split.entries.map((e) => e.line);
  const byLine = (line: number): EntryResult => {
    if (line < (starts[0] ?? 0) || line >= split.end) return rest;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= line) lo = mid;
      else hi = mid - 1;
    }
    return buckets[lo] as EntryResult;
  };
  const byPointer = (pointer: string | undefined, line: number): EntryResult => {
    const m = /^\/events\/(\d+)(?:\/|$)/.exec(pointer ?? '');
    return m ? (buckets[Number(m[1])] ?? rest) : byLine(line);
  };
  for (const d of full.diagnostics) (byPointer(d.pointer, d.range.start.line).diagnostics as CoreDiagnostic[]).push(d);
  for (const d of facts.definitions) (byLine(d.range.start.line).facts.definitions as Definition[]).push(d);
  for (const r of facts.references) (byPointer(r.pointer, r.range.start.line).facts.references as Reference[]).push(r);
  for (const l of facts.schemaLinks) (byPointer(l.pointer, l.range.start.line).facts.schemaLinks as SchemaLink[]).push(l);
  split.entries.forEach((e, i) => {
    if (!cache.entries.has(e.text)) cache.entries.set(e.text, move(buckets[i] as EntryResult, -e.line, i, 0));
  });
  const skeletonResult: ValidationResult = { path, kind: full.kind, diagnostics: rest.diagnostics as CoreDiagnostic[], schemaId: full.schemaId, facts: rest.facts };
  cache.skeleton = { text: split.skeleton, result: skeletonResult, facts: rest.facts };
}

/** An entry's results moved by `lines` lines, from index `fromIndex` of the list to `toIndex` (pointers and labels). */
function move(r: EntryResult, lines: number, fromIndex: number, toIndex: number): EntryResult {
  const from = `/events/${fromIndex}`;
  const to = `/events/${toIndex}`;
  const re = (p: string) => (p === from || p.startsWith(`${from}/`) ? to + p.slice(from.length) : p);
  const label = (m: string) => (fromIndex === toIndex ? m : m.split(`\`events[${fromIndex}]`).join(`\`events[${toIndex}]`));
  const f = r.facts;
  return {
    diagnostics: r.diagnostics.map((d) => ({ ...moveDiagnostic(d, lines, re), message: label(d.message) })),
    facts: {
      path: f.path,
      definitions: f.definitions.map((d) => ({ ...d, range: shift(d.range, lines), versionRange: d.versionRange && shift(d.versionRange, lines) })),
      references: f.references.map((x) => ({ ...x, range: shift(x.range, lines), pointer: re(x.pointer) })),
      schemaLinks: f.schemaLinks.map((l) => ({ ...l, range: shift(l.range, lines), pointer: re(l.pointer), examples: l.examples.map((x) => ({ ...x, range: shift(x.range, lines), pointer: re(x.pointer) })) })),
    },
  };
}

function shift(r: Range, lines: number): Range {
  return { start: { line: r.start.line + lines, character: r.start.character }, end: { line: r.end.line + lines, character: r.end.character } };
}

function moveDiagnostic(d: CoreDiagnostic, lines: number, re: (pointer: string) => string): CoreDiagnostic {
  const data = d.data as { parentPointer?: string } | undefined;
  return {
    ...d,
    range: shift(d.range, lines),
    pointer: d.pointer === undefined ? undefined : re(d.pointer),
    data: data && typeof data.parentPointer === 'string' ? { ...data, parentPointer: re(data.parentPointer) } : d.data,
  };
}
