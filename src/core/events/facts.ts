/**
 * What one validated file says about the workspace: the resources it defines,
 * the resources it references, and the schema files it links to, each with
 * its source range. The cross-file index is built from these facts only.
 */
import type { Range } from '../diagnostic';
import type { ValidationResult } from './validate';
import { findPointer, nodeRange, type ParsedDoc, type ParsedYaml } from './yamlText';

export type ResourceKind = 'event' | 'command' | 'query' | 'service' | 'channel' | 'domain' | 'system' | 'entity' | 'container' | 'flow' | 'team' | 'user' | 'adr';

export const messageKinds: readonly ResourceKind[] = ['event', 'command', 'query'];
const resourceKinds: readonly ResourceKind[] = ['event', 'command', 'query', 'service', 'channel', 'domain', 'system', 'entity', 'container', 'flow', 'team', 'user', 'adr'];

export interface Definition {
  /** The project the file belongs to (see `scopeOf`): ids are unique and resolve within it. */
  readonly scope: string;
  readonly kind: ResourceKind;
  readonly id: string;
  readonly version?: string | undefined;
  readonly path: string;
  /** Range of the id (or name) value. */
  readonly range: Range;
  /** Range of the `version` value, when present. */
  readonly versionRange?: Range | undefined;
  /** Whether it lies in a `versioned/<semver>/` folder (an older version). */
  readonly archived: boolean;
  /** The payload schema: inline object, or a path relative to the file. */
  readonly schema?: { readonly inline?: unknown; readonly ref?: string | undefined } | undefined;
}

export type Relation = 'sends' | 'receives' | 'produces' | 'consumes' | 'contains' | 'owns' | 'channel';

export interface Reference {
  readonly scope: string;
  readonly kinds: readonly ResourceKind[];
  readonly id: string;
  readonly version?: string | undefined;
  readonly relation: Relation;
  readonly path: string;
  readonly range: Range;
  readonly pointer: string;
}

export interface SchemaLink {
  /** As written: `./schema.json`, `schema.json`. */
  readonly ref: string;
  readonly path: string;
  readonly range: Range;
  readonly pointer: string;
  /** Example payloads to check against the linked schema. */
  readonly examples: ReadonlyArray<{ readonly value: unknown; readonly range: Range; readonly pointer: string }>;
}

export interface FileFacts {
  readonly path: string;
  readonly definitions: readonly Definition[];
  readonly references: readonly Reference[];
  readonly schemaLinks: readonly SchemaLink[];
}

const collectionDirs = new Set(['events', 'commands', 'queries', 'services', 'domains', 'channels', 'flows', 'systems', 'entities', 'containers', 'adrs', 'teams', 'users', 'docs']);

/**
 * The project a file belongs to, so that several projects in one workspace
 * (a course's starter and solution folders, federated catalogs) do not see
 * each other's ids: the folder above the outermost EventCatalog collection
 * folder (`<root>/domains/D/services/S/events/E/index.mdx` → `<root>`), the
 * folder above `events/` for event YAML, else the file's own folder.
 */
export function scopeOf(path: string): string {
  // A catalog asks once per entry, for the same path.
  if (path === lastScope.path) return lastScope.scope;
  const scope = scopeUncached(path);
  lastScope = { path, scope };
  return scope;
}

let lastScope = { path: '', scope: '' };

function scopeUncached(path: string): string {
  const parts = path.replace(/\\/g, '/').split('/');
  parts.pop();
  const first = parts.findIndex((p) => collectionDirs.has(p));
  if (first >= 0) return parts.slice(0, first).join('/');
  return parts.join('/');
}

type Obj = { [key: string]: unknown };
/** Where a fact is when its value cannot be located (the file's start). */
const nowhere: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

export function extractFacts(result: ValidationResult): FileFacts {
  if (result.facts) return result.facts;
  const facts = { path: result.path, definitions: [] as Definition[], references: [] as Reference[], schemaLinks: [] as SchemaLink[] };
  const parsed = result.parsed;
  if (!parsed) return facts;
  for (const d of parsed.docs) {
    const value = d.value;
    if (!d.ok || !isObj(value)) continue;
    // Ranges are looked up through the result, when first read: a result that drops its tree (an opened catalog) re-parses then.
    const ctx = new Ctx(() => result.parsed, d.index, result.path, facts);
    switch (result.kind.type) {
      case 'event-yaml':
        ctx.eventYaml(value, '');
        break;
      case 'event-catalog-yaml':
        ctx.catalogYaml(value);
        break;
      case 'catalog-page':
        ctx.catalogPage(value, result.kind.kind as ResourceKind | 'doc', result.kind.versionFolder !== undefined);
        break;
      default:
        break;
    }
  }
  return facts;
}

/** The facts of one catalog entry parsed alone (document `doc`), at pointer `base` of that parse. */
export function catalogEventFacts(parsed: ParsedYaml, doc: ParsedDoc, path: string, entry: unknown, base: string): FileFacts {
  const facts = { path, definitions: [] as Definition[], references: [] as Reference[], schemaLinks: [] as SchemaLink[] };
  new Ctx(() => parsed, doc.index, path, facts).catalogEvent(entry, base);
  return facts;
}

class Ctx {
  constructor(
    /** The parse the ranges are read from (facts keep this, not the tree). */
    private readonly source: () => ParsedYaml | undefined,
    private readonly docIndex: number,
    private readonly path: string,
    private readonly facts: { definitions: Definition[]; references: Reference[]; schemaLinks: SchemaLink[] },
  ) {}

  range(pointer: string, key = false): Range | undefined {
    const parsed = this.source();
    if (!parsed) return undefined;
    const fast = parsed.locate(this.docIndex, pointer);
    if (fast && (key ? fast.key : (fast.value ?? fast.key))) return key ? fast.key : (fast.value ?? fast.key);
    const doc = parsed.docs[this.docIndex];
    if (!doc) return undefined;
    const t = findPointer(doc.doc, pointer);
    return nodeRange(parsed, key ? t.key : (t.value ?? t.key));
  }

  /**
   * The range at `pointer`, looked up when first read: a course catalog holds thousands
   * of facts and a diagnostic, a definition or a symbol reads the range of a few.
   */
  lazyRange(pointer: string): () => Range | undefined {
    let looked = false;
    let found: Range | undefined;
    return () => {
      if (!looked) [looked, found] = [true, this.range(pointer)];
      return found;
    };
  }

  define(kind: ResourceKind, id: unknown, version: unknown, idPointer: string, versionPointer: string, archived: boolean, schema?: Definition['schema']): void {
    const idText = str(id);
    if (!idText) return;
    const range = this.lazyRange(idPointer);
    // A version key that is absent has no range: known without a lookup.
    const versionRange = version === undefined ? undefined : this.lazyRange(versionPointer);
    this.facts.definitions.push({
      scope: scopeOf(this.path),
      kind,
      id: idText,
      version: str(version),
      path: this.path,
      get range() {
        return range() ?? nowhere;
      },
      get versionRange() {
        return versionRange?.();
      },
      archived,
      schema,
    });
  }

  refer(kinds: readonly ResourceKind[], relation: Relation, item: unknown, pointer: string, idKey = 'id'): void {
    const id = isObj(item) ? str(item[idKey]) : str(item);
    const p = isObj(item) ? `${pointer}/${idKey}` : pointer;
    if (!id) return;
    const range = this.lazyRange(p);
    this.facts.references.push({
      scope: scopeOf(this.path),
      kinds,
      id,
      version: isObj(item) ? str(item.version) : undefined,
      relation,
      path: this.path,
      get range() {
        return range() ?? nowhere;
      },
      pointer: p,
    });
  }

  referList(kinds: readonly ResourceKind[], relation: Relation, list: unknown, pointer: string, idKey = 'id'): void {
    if (!Array.isArray(list)) return;
    list.forEach((item, i) => this.refer(kinds, relation, item, `${pointer}/${i}`, idKey));
  }

  link(ref: unknown, pointer: string, examples: unknown, examplesPointer: string): void {
    const r = str(ref);
    if (!r) return;
    const range = this.lazyRange(pointer);
    const list = Array.isArray(examples) ? examples : [];
    this.facts.schemaLinks.push({
      ref: r,
      path: this.path,
      get range() {
        return range() ?? nowhere;
      },
      pointer,
      examples: list.flatMap((value, i) => {
        const er = this.range(`${examplesPointer}/${i}`);
        return er ? [{ value, range: er, pointer: `${examplesPointer}/${i}` }] : [];
      }),
    });
  }

  eventYaml(v: Obj, base: string): void {
    const nameKey = v.name !== undefined ? 'name' : 'eventType';
    const payload = v.payload;
    const schema = isObj(payload) ? (typeof payload.$ref === 'string' ? { ref: payload.$ref } : { inline: payload }) : undefined;
    this.define('event', v[nameKey], v.version, `${base}/${nameKey}`, `${base}/version`, this.path.includes('/versioned/'), schema);
    this.referList(['service'], 'produces', v.producers, `${base}/producers`);
    this.referList(['service'], 'consumes', v.consumers, `${base}/consumers`);
    if (isObj(payload) && typeof payload.$ref === 'string') this.link(payload.$ref, `${base}/payload/$ref`, v.examples, `${base}/examples`);
  }

  catalogYaml(v: Obj): void {
    if (Array.isArray(v.events)) v.events.forEach((e, i) => this.catalogEvent(e, `/events/${i}`));
    if (Array.isArray(v.services)) {
      v.services.forEach((s, i) => {
        if (!isObj(s)) return;
        this.define('service', s.name, s.version, `/services/${i}/name`, `/services/${i}/version`, false);
        this.referList(['event'], 'sends', s.sends, `/services/${i}/sends`, 'name');
        this.referList(['event'], 'receives', s.receives, `/services/${i}/receives`, 'name');
      });
    }
  }

  /** One entry of the course catalog's `events:` list, at pointer `base`. */
  catalogEvent(e: unknown, base: string): void {
    if (!isObj(e)) return;
    const ref = isObj(e.schema) ? e.schema.$ref : undefined;
    this.define('event', e.name, e.version, `${base}/name`, `${base}/version`, false, typeof ref === 'string' ? { ref } : undefined);
    if (typeof ref === 'string') this.link(ref, `${base}/schema/$ref`, e.examples, `${base}/examples`);
  }

  catalogPage(v: Obj, kind: ResourceKind | 'doc', archived: boolean): void {
    if (kind === 'doc') return;
    const schemaPath = str(v.schemaPath);
    this.define(kind, v.id, v.version, '/id', '/version', archived, schemaPath ? { ref: schemaPath } : undefined);
    if (archived) return; // Older versions keep their old references; only the current one is checked.
    if (schemaPath) this.link(schemaPath, '/schemaPath', undefined, '/examples');
    this.referList(messageKinds, 'sends', v.sends, '/sends');
    this.referList(messageKinds, 'receives', v.receives, '/receives');
    for (const [key, rel] of [
      ['sends', 'to'],
      ['receives', 'from'],
    ] as const) {
      const list = v[key];
      if (!Array.isArray(list)) continue;
      list.forEach((m, i) => {
        if (isObj(m)) this.referList(['channel'], 'channel', m[rel], `/${key}/${i}/${rel}`);
      });
    }
    this.referList(['channel'], 'channel', v.channels, '/channels');
    this.referList(['service'], 'contains', v.services, '/services');
    this.referList(['system'], 'contains', v.systems, '/systems');
    this.referList(['domain'], 'contains', v.domains, '/domains');
    this.referList(['entity'], 'contains', v.entities, '/entities');
    this.referList(['flow'], 'contains', v.flows, '/flows');
    this.referList(['container'], 'contains', v.containers, '/containers');
    this.referList(['container'], 'contains', v.writesTo, '/writesTo');
    this.referList(['container'], 'contains', v.readsFrom, '/readsFrom');
    this.referList(['team', 'user'], 'owns', v.owners, '/owners');
    // Flow steps and ADR targets name resources too (EventCatalog's linter checks them: refs/resource-exists).
    if (kind === 'flow' && Array.isArray(v.steps)) {
      v.steps.forEach((step, i) => {
        if (!isObj(step)) return;
        if (step.message !== undefined) this.refer(messageKinds, 'contains', step.message, `/steps/${i}/message`);
        if (step.service !== undefined) this.refer(['service'], 'contains', step.service, `/steps/${i}/service`);
        if (step.flow !== undefined) this.refer(['flow'], 'contains', step.flow, `/steps/${i}/flow`);
        if (step.container !== undefined) this.refer(['container'], 'contains', step.container, `/steps/${i}/container`);
      });
    }
    if (kind === 'adr' && Array.isArray(v.appliesTo)) {
      v.appliesTo.forEach((target, i) => {
        const type = isObj(target) ? str(target.type) : undefined;
        if (type && (resourceKinds as readonly string[]).includes(type)) this.refer([type as ResourceKind], 'contains', target, `/appliesTo/${i}`);
      });
    }
    this.referList(['service'], 'produces', v.producers, '/producers');
    this.referList(['service'], 'consumes', v.consumers, '/consumers');
  }
}
