/**
 * Checks that span files, over an index of every file's facts: references
 * resolve (with version ranges), schema links resolve to valid JSON Schemas
 * and examples match them, ids are unique, consumed events are produced, and
 * a breaking payload change comes with a major version bump.
 */
import type { CoreDiagnostic } from '../diagnostic';
import { breakingSinceBaseline, type BaselineReader } from './baselineBreaking';
import { payloadChanges } from './breakingChange';
import type { Definition, FileFacts, Reference, ResourceKind } from './facts';
import { dirnameOf, joinPath } from '../paths';
import { compileCustomSchema, schemaTextProblem, type JsonObject } from './schemas';
import { compareSemver, parseSemver, resolveVersion } from './semver';
import { eventsSource } from './yamlText';
import { isRefused, textOf, type LinkedText } from './linkedFiles';

/** Reads linked files (the editor's open text first, then disk, as the host allows). */
export interface FileReader {
  readLinked(path: string, from: string): LinkedText;
  /** A file's text at the last commit, when the host knows it (for breaking changes since then). */
  readonly readBaseline?: BaselineReader | undefined;
}

export class EventIndex {
  readonly #facts = new Map<string, FileFacts>();
  /** kind → id → definitions. */
  readonly #byId = new Map<ResourceKind, Map<string, Definition[]>>();
  /** Message ids somebody sends or produces. */
  readonly #produced = new Map<string, number>();

  /** Replaces the facts of one file. */
  update(facts: FileFacts): void {
    this.remove(facts.path);
    this.#facts.set(facts.path, facts);
    for (const d of facts.definitions) {
      let ids = this.#byId.get(d.kind);
      if (!ids) this.#byId.set(d.kind, (ids = new Map()));
      const list = ids.get(d.id);
      if (list) list.push(d);
      else ids.set(d.id, [d]);
    }
    const bump = (key: string) => this.#produced.set(key, (this.#produced.get(key) ?? 0) + 1);
    for (const r of facts.references) if (r.relation === 'sends' || r.relation === 'produces') bump(`${r.scope}\0${r.id}`);
    // An event YAML with producers counts as produced.
    for (const d of facts.definitions) if (d.kind === 'event' && facts.references.some((r) => r.relation === 'produces')) bump(`${d.scope}\0${d.id}`);
  }

  remove(path: string): void {
    const old = this.#facts.get(path);
    if (!old) return;
    this.#facts.delete(path);
    for (const d of old.definitions) {
      const list = this.#byId.get(d.kind)?.get(d.id);
      if (!list) continue;
      const rest = list.filter((x) => x !== d);
      if (rest.length) this.#byId.get(d.kind)?.set(d.id, rest);
      else this.#byId.get(d.kind)?.delete(d.id);
    }
    const bump = (id: string) => {
      const n = (this.#produced.get(id) ?? 0) - 1;
      if (n > 0) this.#produced.set(id, n);
      else this.#produced.delete(id);
    };
    for (const r of old.references) if (r.relation === 'sends' || r.relation === 'produces') bump(`${r.scope}\0${r.id}`);
    for (const d of old.definitions) if (d.kind === 'event' && old.references.some((r) => r.relation === 'produces')) bump(`${d.scope}\0${d.id}`);
  }

  facts(path: string): FileFacts | undefined {
    return this.#facts.get(path);
  }

  paths(): IterableIterator<string> {
    return this.#facts.keys();
  }

  /** Definitions of an id, in one scope (project) or in all. */
  definitions(kind: ResourceKind, id: string, scope?: string): readonly Definition[] {
    const all = this.#byId.get(kind)?.get(id) ?? [];
    return scope === undefined ? all : all.filter((d) => d.scope === scope);
  }

  /** Whether a scope defines anything of a kind (cached per scope and kind). */
  hasKind(kind: ResourceKind, scope?: string): boolean {
    const ids = this.#byId.get(kind);
    if (!ids?.size) return false;
    if (scope === undefined) return true;
    for (const defs of ids.values()) if (defs.some((d) => d.scope === scope)) return true;
    return false;
  }

  /** The definition a reference points at (best version match), if any. */
  resolve(ref: Pick<Reference, 'kinds' | 'id' | 'version' | 'scope'>): Definition | undefined {
    for (const kind of ref.kinds) {
      const defs = this.definitions(kind, ref.id, ref.scope);
      if (!defs.length) continue;
      const version = resolveVersion(
        defs.map((d) => d.version ?? ''),
        ref.version,
      );
      return defs.find((d) => (d.version ?? '') === version) ?? (ref.version === undefined ? defs[0] : undefined);
    }
    return undefined;
  }

  /**
   * Cross-file diagnostics of one file. While the workspace is still being
   * indexed (`complete` false), a reference not found may only be not read yet:
   * reference checks wait; what is found (a duplicate id, a breaking change) holds.
   */
  check(path: string, reader: FileReader, complete = true): CoreDiagnostic[] {
    const facts = this.#facts.get(path);
    if (!facts) return [];
    const out: CoreDiagnostic[] = [];
    if (complete) for (const r of facts.references) out.push(...this.checkReference(r));
    for (const d of facts.definitions) out.push(...this.checkDefinition(d, reader));
    for (const link of facts.schemaLinks) out.push(...checkSchemaLink(link, reader));
    return out;
  }

  private checkReference(r: Reference): CoreDiagnostic[] {
    // Owners and producers/consumers are checked only where the workspace defines such things at all.
    if ((r.relation === 'owns' || r.relation === 'produces' || r.relation === 'consumes') && !r.kinds.some((k) => this.hasKind(k, r.scope))) return [];
    const what = r.kinds.length === 3 ? 'message (event, command or query)' : r.kinds.join(' or ');
    const anyVersion = r.kinds.flatMap((k) => this.definitions(k, r.id, r.scope));
    if (!anyVersion.length) {
      const known = r.kinds.flatMap((k) => [...(this.#byId.get(k)?.entries() ?? [])].filter(([, defs]) => defs.some((d) => d.scope === r.scope)).map(([id]) => id));
      const near = known.find((k) => k.toLowerCase() === r.id.toLowerCase()) ?? known.find((k) => k.includes(r.id) || r.id.includes(k));
      return [
        {
          // EventCatalog's linter makes a dangling reference an error (refs/resource-exists, refs/owner-exists): so do we.
          range: r.range,
          severity: 'error',
          code: 'reference/not-found',
          pointer: r.pointer,
          source: eventsSource,
          message: `No ${what} with id \`${r.id}\` exists in this workspace.${near ? ` Did you mean \`${near}\`?` : ''}`,
          data: near ? { fix: 'replace-id', to: near } : undefined,
        },
      ];
    }
    const out: CoreDiagnostic[] = [];
    if (r.version !== undefined && !this.resolve(r)) {
      const versions = anyVersion.map((d) => d.version).filter((v): v is string => !!v);
      out.push({
        range: r.range,
        severity: 'error',
        code: 'reference/version-not-found',
        pointer: r.pointer,
        source: eventsSource,
        message: `\`${r.id}\` has no version matching \`${r.version}\`; known versions: ${versions.map((v) => `\`${v}\``).join(', ') || 'none'}.`,
      });
    }
    if ((r.relation === 'receives' || r.relation === 'consumes') && r.kinds.includes('event') && anyVersion.some((d) => d.kind === 'event') && !this.#produced.has(`${r.scope}\0${r.id}`)) {
      out.push({
        range: r.range,
        severity: 'warning',
        code: 'event/consumed-not-produced',
        pointer: r.pointer,
        source: eventsSource,
        message: `\`${r.id}\` is consumed here but no service sends it: add it to a producer's \`sends\` (or \`producers\`).`,
      });
    }
    return out;
  }

  private checkDefinition(d: Definition, reader: FileReader): CoreDiagnostic[] {
    const out: CoreDiagnostic[] = [];
    const same = this.definitions(d.kind, d.id, d.scope).filter((o) => o !== d && (o.version ?? '') === (d.version ?? ''));
    if (same.length) {
      const other = same[0] as Definition;
      out.push({
        range: d.range,
        severity: 'error',
        code: 'reference/duplicate-id',
        source: eventsSource,
        message: `The ${d.kind} id \`${d.id}\`${d.version ? ` version ${d.version}` : ''} is also defined in ${other.path}:${other.range.start.line + 1}. Ids must be unique.`,
      });
    }
    if (!d.archived && d.schema) out.push(...this.checkBreaking(d, reader));
    return out;
  }

  /** Compares the payload with the previous version's (in `versioned/`) and demands a major bump for a breaking change. */
  private checkBreaking(d: Definition, reader: FileReader): CoreDiagnostic[] {
    const current = parseSemver(d.version ?? '');
    if (!current) return [];
    const sinceCommit = (): CoreDiagnostic[] => {
      // Only EventCatalog pages have a committed version to compare with (see breakingSinceBaseline).
      const after = reader.readBaseline && /\.mdx?$/i.test(d.path) ? loadSchema(d, reader) : undefined;
      const found = after && reader.readBaseline ? breakingSinceBaseline(d, after, reader.readBaseline) : undefined;
      return found ? [found] : [];
    };
    const previous = this.definitions(d.kind, d.id, d.scope)
      .filter((o) => o.archived && o.schema && parseSemver(o.version ?? ''))
      .sort((a, b) => compareSemver(parseSemver(b.version ?? '') ?? [0, 0, 0], parseSemver(a.version ?? '') ?? [0, 0, 0]))
      .find((o) => compareSemver(parseSemver(o.version ?? '') ?? [0, 0, 0], current) < 0);
    if (!previous) return sinceCommit();
    const prevVersion = parseSemver(previous.version ?? '') as [number, number, number];
    if (current[0] > prevVersion[0]) return sinceCommit();
    const before = loadSchema(previous, reader);
    const after = loadSchema(d, reader);
    if (!before || !after) return [];
    const changes = payloadChanges(before, after);
    if (!changes.length) return sinceCommit();
    return [
      {
        range: d.versionRange ?? d.range,
        severity: 'warning',
        code: 'event/breaking-change',
        source: eventsSource,
        pointer: '/version',
        data: { fix: 'bump-major', to: `${prevVersion[0] + 1}.0.0` },
        message: `The payload changed in a breaking way since ${previous.version} (${changes.slice(0, 3).join('; ')}) but the major version did not change. Make it \`${prevVersion[0] + 1}.0.0\` or keep the change compatible.`,
      },
    ];
  }
}

function loadSchema(d: Definition, reader: FileReader): JsonObject | undefined {
  if (d.schema?.inline && typeof d.schema.inline === 'object') return d.schema.inline as JsonObject;
  if (!d.schema?.ref) return undefined;
  const text = textOf(reader.readLinked(joinPath(dirnameOf(d.path), d.schema.ref), d.path));
  if (text === undefined) return undefined;
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as JsonObject) : undefined;
  } catch {
    return undefined;
  }
}

function checkSchemaLink(link: FileFacts['schemaLinks'][number], reader: FileReader): CoreDiagnostic[] {
  if (/^[a-z][a-z0-9+.-]*:/i.test(link.ref)) return []; // Remote schemas are not fetched (offline).
  const target = joinPath(dirnameOf(link.path), link.ref);
  const text = reader.readLinked(target, link.path);
  if (isRefused(text)) {
    return [
      {
        range: link.range,
        severity: 'error',
        code: 'reference/schema-unreadable',
        pointer: link.pointer,
        source: eventsSource,
        message: `The schema file \`${link.ref}\` was not read: ${text.refused}. Point at a JSON Schema file inside the workspace.`,
      },
    ];
  }
  if (text === undefined) {
    return [{ range: link.range, severity: 'error', code: 'reference/schema-not-found', pointer: link.pointer, source: eventsSource, message: `The schema file \`${link.ref}\` does not exist (looked for ${target}).` }];
  }
  if (!/\.json$/i.test(target)) return []; // Avro, Protobuf, YAML schemas: existence only.
  // Without examples the schema need only be valid, which is far cheaper to know than compiling it.
  const validate = link.examples.length ? compileCustomSchema(text) : (schemaTextProblem(text) ?? undefined);
  if (typeof validate === 'string') {
    return [{ range: link.range, severity: 'error', code: 'reference/invalid-schema', pointer: link.pointer, source: eventsSource, message: `\`${link.ref}\` is not a valid JSON Schema: ${validate}.` }];
  }
  const out: CoreDiagnostic[] = [];
  if (!validate) return out;
  for (const ex of link.examples) {
    if (validate(ex.value)) continue;
    const e = validate.errors?.[0];
    out.push({
      range: ex.range,
      severity: 'error',
      code: 'event/example-mismatch',
      pointer: ex.pointer,
      source: eventsSource,
      message: `This example does not match \`${link.ref}\`: \`${e?.instancePath || '(root)'}\` ${e?.message ?? 'is invalid'}.`,
    });
  }
  return out;
}
