/**
 * Generators do not write directly: they build a `Plan` of file changes, which
 * the caller shows, confirms and applies. A manifest in the output folder
 * records a hash of every file the generator wrote, so a later run can tell a
 * file it generated (safe to replace) from one the learner changed (ask first).
 */
import type { GenFs } from './fs';
import { joinPaths, relativePath } from '../paths';

export type ChangeKind =
  /** A new file. */
  | 'create'
  /** A file the generator wrote last time and nobody changed since. */
  | 'update'
  /** A learner's file whose generated parts (frontmatter, marked blocks) change; the rest is kept. */
  | 'merge'
  /** A file the generator would replace but that it did not write or that was edited: ask first. */
  | 'overwrite'
  /** A previous version moved aside (`versioned/<version>/`). */
  | 'move';

export interface FileChange {
  readonly kind: ChangeKind;
  /** Path relative to the plan's root. */
  readonly path: string;
  readonly content?: string;
  /** For `move`: where the file is now. */
  readonly from?: string;
}

export interface Plan {
  /** The output folder every path is relative to. */
  readonly root: string;
  /**
   * The folder the learner chose (the workspace), which holds `root`: the
   * writer checks every folder from here down, `root` included, so a linked
   * output folder is refused too. Default: `root`, which must then exist.
   */
  readonly base?: string;
  readonly changes: readonly FileChange[];
  /** Files that would stay exactly as they are. */
  readonly unchanged: readonly string[];
  /** Hashes of the generator-owned files after applying (the new manifest). */
  readonly manifest: Readonly<Record<string, string>>;
  readonly warnings: readonly string[];
}

export const manifestFile = '.edgo-generated.json';

/** FNV-1a, 32 bit: enough to notice an edit, no crypto needed. */
export function contentHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

export async function readManifest(fs: GenFs, root: string): Promise<Record<string, string>> {
  const text = await fs.readFile(joinPaths(root, manifestFile));
  if (text === undefined) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    const files = (parsed as { files?: unknown }).files;
    return typeof files === 'object' && files !== null ? { ...(files as Record<string, string>) } : {};
  } catch {
    return {};
  }
}

/** Collects changes while a generator runs; reads see earlier planned writes and moves. */
export class PlanBuilder {
  readonly #changes: FileChange[] = [];
  readonly #unchanged: string[] = [];
  readonly #pending = new Map<string, string | null>();
  readonly #manifest: Record<string, string>;
  readonly #previous: Record<string, string>;
  readonly warnings: string[] = [];

  private constructor(
    private readonly fs: GenFs,
    readonly root: string,
    previous: Record<string, string>,
  ) {
    this.#previous = previous;
    this.#manifest = { ...previous };
  }

  static async start(fs: GenFs, root: string): Promise<PlanBuilder> {
    return new PlanBuilder(fs, root, await readManifest(fs, root));
  }

  /** The file as it will be once the planned changes are applied so far. */
  async read(rel: string): Promise<string | undefined> {
    if (this.#pending.has(rel)) return this.#pending.get(rel) ?? undefined;
    return this.fs.readFile(joinPaths(this.root, rel));
  }

  async exists(rel: string): Promise<boolean> {
    return (await this.read(rel)) !== undefined;
  }

  /** A file wholly owned by the generator (schema.json, config, AsyncAPI document). */
  async generated(rel: string, content: string): Promise<void> {
    const existing = await this.read(rel);
    this.#manifest[rel] = contentHash(content);
    if (existing === content) return void this.#unchanged.push(rel);
    const kind: ChangeKind = existing === undefined ? 'create' : this.#previous[rel] === contentHash(existing) ? 'update' : 'overwrite';
    this.#push({ kind, path: rel, content });
  }

  /** A file whose new content the caller computed from the existing one (learner's parts kept). */
  async merged(rel: string, content: string): Promise<void> {
    const existing = await this.read(rel);
    if (existing === content) return void this.#unchanged.push(rel);
    this.#push({ kind: existing === undefined ? 'create' : 'merge', path: rel, content });
  }

  /** Moves a file aside; the caller checked the target is free. */
  async move(from: string, to: string): Promise<void> {
    const content = await this.read(from);
    if (content === undefined) return;
    this.#changes.push({ kind: 'move', path: to, from });
    this.#pending.set(to, content);
    this.#pending.set(from, null);
    if (this.#manifest[from] !== undefined) {
      this.#manifest[to] = this.#manifest[from]!;
      delete this.#manifest[from];
    }
  }

  #push(change: FileChange): void {
    this.#changes.push(change);
    this.#pending.set(change.path, change.content ?? null);
  }

  finish(): Plan {
    return { root: this.root, changes: [...this.#changes], unchanged: [...this.#unchanged], manifest: { ...this.#manifest }, warnings: [...this.warnings] };
  }
}

export interface ApplyOptions {
  /**
   * The user said yes to changing files that exist (`merge`, `overwrite`,
   * `move`): `--force` on the command line, the answer to the question in the
   * editor. Off: those changes are skipped and listed; new files and the
   * generator's own unedited files are still written.
   */
  readonly confirmed?: boolean;
}

export interface ApplyResult {
  readonly written: readonly string[];
  readonly moved: readonly string[];
  /** Changes to existing files left alone because they were not confirmed. */
  readonly skipped: readonly string[];
}

/** Changes that touch a file that exists and so need the user's yes. */
const needsYes = (kind: ChangeKind): boolean => kind === 'merge' || kind === 'overwrite' || kind === 'move';

/** Applies a plan in order through the guarded writer and writes the manifest. */
export async function applyPlan(fs: GenFs, plan: Plan, options: ApplyOptions = {}): Promise<ApplyResult> {
  const written: string[] = [];
  const moved: string[] = [];
  const skipped: string[] = [];
  const manifest = { ...plan.manifest };
  // A file that stays because its move was skipped is not then written as if it had gone.
  const stayed = new Set<string>();
  const base = plan.base ?? plan.root;
  const under = relativePath(base, plan.root);
  const inBase = (rel: string): string => (under === '' ? rel : `${under}/${rel}`);
  for (const change of plan.changes) {
    if ((needsYes(change.kind) && !options.confirmed) || stayed.has(change.path)) {
      skipped.push(change.path);
      if (change.kind === 'move') stayed.add(change.from!);
      else delete manifest[change.path];
    } else if (change.kind === 'move') {
      await fs.move(base, inBase(change.from!), inBase(change.path));
      moved.push(change.path);
    } else {
      await fs.write(base, inBase(change.path), change.content ?? '', { replace: change.kind !== 'create' });
      written.push(change.path);
    }
  }
  const sorted = Object.fromEntries(Object.entries(manifest).sort(([a], [b]) => a.localeCompare(b)));
  const manifestText = `${JSON.stringify({ generator: 'edgo', files: sorted }, null, 2)}\n`;
  const previous = await fs.readFile(joinPaths(plan.root, manifestFile));
  // Plans that only merge (the docs) leave no manifest behind in the learner's folder.
  if (previous === undefined && Object.keys(sorted).length === 0) return { written, moved, skipped };
  if (previous !== manifestText) await fs.write(base, inBase(manifestFile), manifestText, { replace: previous !== undefined });
  return { written, moved, skipped };
}

/** Paths of the changes that need the user's yes before applying (existing files that would change). */
export function needsConfirmation(plan: Plan): readonly string[] {
  return plan.changes.filter((c) => needsYes(c.kind)).map((c) => c.path);
}
