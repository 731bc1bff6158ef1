/**
 * Which schema applies to a file: decided by the `# $schema:` modeline first,
 * then by path (globs configurable by the host), then by EventCatalog's folder
 * layout (`<collection>/<Name>/index.mdx`, `versioned/<semver>/`).
 */
export type CatalogKind = 'event' | 'command' | 'query' | 'service' | 'domain' | 'channel' | 'flow' | 'system' | 'entity' | 'container' | 'adr' | 'team' | 'user' | 'doc';

export type FileKind =
  | { readonly type: 'event-yaml' }
  | { readonly type: 'event-catalog-yaml' }
  | { readonly type: 'catalog-page'; readonly kind: CatalogKind; /** `1.0.0` for a file under `versioned/1.0.0/`. */ readonly versionFolder?: string | undefined }
  /** A `# $schema:` modeline naming a schema file (path resolved against the file). */
  | { readonly type: 'custom-schema'; readonly schemaPath: string };

/** Default globs (the `edgo.validation.eventFiles` setting may replace them). */
export const defaultEventGlobs = ['**/events/**/*.{yaml,yml}', '**/*.event.{yaml,yml}'];
export const defaultCatalogGlobs = ['**/eventcatalog*.{yaml,yml}'];

const collections: Record<string, CatalogKind> = {
  events: 'event',
  commands: 'command',
  queries: 'query',
  services: 'service',
  domains: 'domain',
  channels: 'channel',
  flows: 'flow',
  systems: 'system',
  entities: 'entity',
  containers: 'container',
  adrs: 'adr',
};

export interface ClassifyOptions {
  readonly eventGlobs?: readonly string[] | undefined;
  readonly catalogGlobs?: readonly string[] | undefined;
}

/** Reads `# $schema: <path>` (or `# yaml-language-server: $schema=<path>`) from the first line. */
export function readModeline(text: string): string | undefined {
  const nl = text.indexOf('\n');
  const first = nl === -1 ? text : text.slice(0, nl);
  const m = /^#\s*(?:\$schema:\s*|yaml-language-server:\s*\$schema=)(\S+)/.exec(first.trim());
  return m?.[1];
}

/** The kind of a file, or undefined when it is none of ours. `path` uses `/` separators. */
export function classifyFile(path: string, text: string | undefined, options: ClassifyOptions = {}): FileKind | undefined {
  const p = path.replace(/\\/g, '/');
  const lower = p.toLowerCase();
  // A modeline wins everywhere but in Markdown (so untitled YAML buffers work too).
  const modeline = text !== undefined && !/\.mdx?$/.test(lower) ? readModeline(text) : undefined;
  if (modeline) {
    const base = modeline.split('/').pop() ?? '';
    if (base === 'event.schema.json') return { type: 'event-yaml' };
    if (base === 'event-catalog.schema.json') return { type: 'event-catalog-yaml' };
    return { type: 'custom-schema', schemaPath: modeline };
  }
  if (/\.(ya?ml)$/.test(lower)) {
    if ((options.catalogGlobs ?? defaultCatalogGlobs).some((g) => globMatch(g, p))) return { type: 'event-catalog-yaml' };
    if ((options.eventGlobs ?? defaultEventGlobs).some((g) => globMatch(g, p))) return { type: 'event-yaml' };
    return undefined;
  }
  if (/\.mdx?$/.test(lower)) return classifyCatalogPage(p);
  return undefined;
}

/** EventCatalog's collection layout (as its content loader globs it). */
export function classifyCatalogPage(path: string): FileKind | undefined {
  const parts = path.split('/');
  const file = parts[parts.length - 1] ?? '';
  const dirs = parts.slice(0, -1);
  if (/^index\.mdx?$/.test(file)) {
    let versionFolder: string | undefined;
    let d = dirs;
    if (d.length >= 2 && d[d.length - 2] === 'versioned') {
      versionFolder = d[d.length - 1];
      d = d.slice(0, -2);
    }
    const collection = d[d.length - 2];
    const kind = collection ? collections[collection] : undefined;
    if (kind) return { type: 'catalog-page', kind, versionFolder };
    return undefined;
  }
  const parent = dirs[dirs.length - 1];
  if (parent === 'teams') return { type: 'catalog-page', kind: 'team' };
  if (parent === 'users') return { type: 'catalog-page', kind: 'user' };
  if (dirs.includes('docs') || file.startsWith('ubiquitous-language.')) return { type: 'catalog-page', kind: 'doc' };
  return undefined;
}

const globCache = new Map<string, RegExp>();

/** Minimal glob: `**`, `*`, `?`, `{a,b}`; a pattern without `/` matches the base name. */
export function globMatch(glob: string, path: string): boolean {
  let re = globCache.get(glob);
  if (!re) {
    let src = '';
    for (let i = 0; i < glob.length; i++) {
      const c = glob[i] as string;
      if (c === '*' && glob[i + 1] === '*') {
        i++;
        if (glob[i + 1] === '/') {
          i++;
          src += '(?:.*/)?';
        } else src += '.*';
      } else if (c === '*') src += '[^/]*';
      else if (c === '?') src += '[^/]';
      else if (c === '{') src += '(?:';
      else if (c === '}') src += ')';
      else if (c === ',') src += '|';
      else src += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
    }
    re = new RegExp(glob.includes('/') ? `(?:^|/)${src.replace(/^\(\?:\.\*\/\)\?/, '')}$` : `(?:^|/)${src}$`);
    globCache.set(glob, re);
  }
  return re.test(path);
}
