/**
 * A breaking payload change since the last commit: an EventCatalog page whose
 * version is still the committed one while its schema lost compatibility. The
 * fix EventCatalog's layout asks for is offered as one quick fix: bump the
 * major version, and keep the committed page and schema under
 * `versioned/<old version>/` so consumers still see what they rely on.
 *
 * "Committed" comes from the host (`BaselineReader`: git's HEAD in Node); a
 * host without one simply gets no such diagnostic.
 */
import { parse } from 'yaml';
import type { CoreDiagnostic } from '../diagnostic';
import { payloadChanges } from './breakingChange';
import type { Definition } from './facts';
import { extractFrontmatter } from './frontmatter';
import { dirnameOf, joinPath } from '../paths';
import type { JsonObject } from './schemas';
import { parseSemver } from './semver';
import { eventsSource } from './yamlText';

/** The text a file had at the last commit, or undefined (new, untracked, no repository). */
export type BaselineReader = (path: string) => string | undefined;

/** Quick-fix data of `event/breaking-change` when the old version can be kept. */
export interface BumpMajorFix {
  readonly fix: 'bump-major';
  readonly to: string;
  /** The committed version, and the files (absolute) whose committed text goes to `versioned/<version>/`. */
  readonly keep?: { readonly version: string; readonly files: readonly string[] };
}

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseJson(text: string | undefined): JsonObject | undefined {
  if (text === undefined) return undefined;
  try {
    const v: unknown = JSON.parse(text);
    return isObject(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

/** Where a kept file goes: `<page folder>/versioned/<version>/<its path below the page folder>`. */
export function versionedPath(pagePath: string, version: string, file: string): string {
  const dir = dirnameOf(pagePath);
  const rel = file.startsWith(`${dir}/`) ? file.slice(dir.length + 1) : (file.split('/').pop() ?? file);
  return joinPath(dir, `versioned/${version}/${rel}`);
}

/**
 * The diagnostic for `d` (a current page with a schema) when its payload broke
 * since the committed page of the same version; `current` is its schema now.
 */
export function breakingSinceBaseline(d: Definition, current: JsonObject, readBaseline: BaselineReader): CoreDiagnostic | undefined {
  if (d.archived || !/\.mdx?$/i.test(d.path) || !d.version) return undefined;
  const version = parseSemver(d.version);
  const committed = readBaseline(d.path);
  if (!version || committed === undefined) return undefined;
  const fm = extractFrontmatter(committed);
  let data: unknown;
  try {
    data = fm ? parse(fm.yaml, { maxAliasCount: 10 }) : undefined;
  } catch {
    return undefined;
  }
  if (!isObject(data) || String(data.version) !== d.version) return undefined;
  const files = [d.path];
  let before: JsonObject | undefined;
  if (typeof data.schemaPath === 'string' && !/^[a-z][a-z0-9+.-]*:/i.test(data.schemaPath)) {
    const schemaFile = joinPath(dirnameOf(d.path), data.schemaPath);
    before = parseJson(readBaseline(schemaFile));
    files.push(schemaFile);
  } else if (isObject(data.schema)) before = data.schema;
  if (!before) return undefined;
  const changes = payloadChanges(before, current);
  if (!changes.length) return undefined;
  const to = `${version[0] + 1}.0.0`;
  const fix: BumpMajorFix = { fix: 'bump-major', to, keep: { version: d.version, files } };
  return {
    range: d.versionRange ?? d.range,
    severity: 'warning',
    code: 'event/breaking-change',
    source: eventsSource,
    pointer: '/version',
    data: fix,
    message: `The payload changed in a breaking way since the last commit (${changes.slice(0, 3).join('; ')}) but the version is still ${d.version}. Make it \`${to}\` and keep ${d.version} in \`versioned/${d.version}/\`, so its consumers still find it.`,
  };
}
