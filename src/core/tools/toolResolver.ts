/**
 * The one tool resolver: where `go` (or helm, kubectl, ...) is, for Check my work,
 * the tasks, the preflight and the CLI alike. Search order:
 *   1. the `edgo.tools.<tool>` setting (a full path, a folder, or a name looked up on PATH),
 *   2. the PATH the extension host (or the CLI) sees,
 *   3. the PATH the integrated terminal sees (`terminal.integrated.env.<os>` applied),
 *   4. the tool's standard install places on this OS (installPlaces.ts).
 * A tool found in step 4 is used all the same; the caller tells the learner once.
 */
import { compareVersions } from '../preflight/version';
import { pathOf, type Env } from '../preflight/toolLocation';
import { installPlaces } from './installPlaces';
import type { ToolFs } from './toolFs';
import type { ToolId } from './toolIds';

export type ToolSource = 'setting' | 'host-path' | 'terminal-path' | 'install-place';

export interface ToolFound {
  readonly found: true;
  readonly tool: ToolId;
  /** The executable to run. */
  readonly path: string;
  /** Its folder. */
  readonly dir: string;
  readonly source: ToolSource;
}

export interface ToolMissing {
  readonly found: false;
  readonly tool: ToolId;
  /** `setting-missing`: edgo.tools.<tool> names nothing; `not-found`: not on a PATH nor in an install place. */
  readonly reason: 'setting-missing' | 'not-found';
  readonly configured?: string;
  /** Every folder that was searched, in order (for reports). */
  readonly searched: readonly string[];
}

export type ToolResolution = ToolFound | ToolMissing;

export interface ResolveContext {
  readonly platform: string;
  /** The environment of the extension host or the CLI process. */
  readonly hostEnv: Readonly<Env>;
  /** The environment of a new integrated terminal, when there is one. */
  readonly terminalEnv?: Readonly<Env>;
  /** `edgo.tools.<id>` settings. */
  readonly settings?: Readonly<Partial<Record<ToolId, string>>>;
  readonly fs: ToolFs;
}

/** True when the learner's PATH does not reach the tool: the lab uses it, and says so once. */
export function foundOutsidePath(r: ToolResolution): r is ToolFound {
  return r.found && r.source === 'install-place';
}

export async function resolveTool(tool: ToolId, ctx: ResolveContext): Promise<ToolResolution> {
  const { platform, fs } = ctx;
  const setting = ctx.settings?.[tool]?.trim();
  const hostDirs = pathDirs(ctx.hostEnv, platform);
  const terminalDirs = ctx.terminalEnv ? pathDirs(ctx.terminalEnv, platform).filter((d) => !hostDirs.includes(d)) : [];
  const exts = executableExtensions(ctx.terminalEnv ?? ctx.hostEnv, platform);
  const found = (path: string, source: ToolSource): ToolFound => ({ found: true, tool, path, dir: dirOf(path), source });

  if (setting) {
    const home = homeOf(ctx.hostEnv, platform);
    const expanded = home ? setting.replace(/^~(?=$|[\\/])/, home) : setting;
    if (/[\\/]/.test(expanded)) {
      // A full path to the program, or the folder that holds it.
      if (await fs.isExecutable(expanded)) return found(expanded, 'setting');
      const inFolder = await findIn([expanded], tool, exts, platform, fs);
      if (inFolder) return found(inFolder, 'setting');
    } else {
      const onPath = await findIn([...hostDirs, ...terminalDirs], expanded, exts, platform, fs);
      if (onPath) return found(onPath, 'setting');
    }
    return { found: false, tool, reason: 'setting-missing', configured: setting, searched: [] };
  }

  const onHost = await findIn(hostDirs, tool, exts, platform, fs);
  if (onHost) return found(onHost, 'host-path');
  const onTerminal = await findIn(terminalDirs, tool, exts, platform, fs);
  if (onTerminal) return found(onTerminal, 'terminal-path');
  const places = await expandPlaces(installPlaces(tool, platform, ctx.hostEnv), platform, fs);
  const elsewhere = await findIn(places, tool, exts, platform, fs);
  if (elsewhere) return found(elsewhere, 'install-place');
  return { found: false, tool, reason: 'not-found', searched: [...hostDirs, ...terminalDirs, ...places.filter((p) => !hostDirs.includes(p) && !terminalDirs.includes(p))] };
}

/** Resolves several tools at once (each only once). */
export async function resolveTools(tools: readonly ToolId[], ctx: ResolveContext): Promise<Map<ToolId, ToolResolution>> {
  const unique = [...new Set(tools)];
  const resolved = await Promise.all(unique.map((t) => resolveTool(t, ctx)));
  return new Map(unique.map((t, i) => [t, resolved[i]!]));
}

/**
 * The environment to run a found tool with: `base` plus the tool's folder at the end
 * of PATH when PATH lacks it, so what the tool starts itself (go runs its compiler,
 * vet, cgo) comes from the same install.
 */
export function environmentFor(r: ToolFound, base: Readonly<Env>, platform: string): Env {
  const env: Env = { ...base };
  const dirs = pathDirs(env, platform);
  if (dirs.some((d) => sameDir(d, r.dir, platform))) return env;
  const key = platform === 'win32' ? (Object.keys(env).find((k) => k.toLowerCase() === 'path') ?? 'Path') : 'PATH';
  const current = env[key] ?? '';
  env[key] = current ? `${current}${platform === 'win32' ? ';' : ':'}${r.dir}` : r.dir;
  return env;
}

function pathDirs(env: Readonly<Env>, platform: string): string[] {
  return pathOf(env, platform)
    .split(platform === 'win32' ? ';' : ':')
    .map((d) => d.trim().replace(/^"(.*)"$/, '$1'))
    .filter(Boolean);
}

function executableExtensions(env: Readonly<Env>, platform: string): string[] {
  if (platform !== 'win32') return [''];
  const key = Object.keys(env).find((k) => k.toLowerCase() === 'pathext');
  return ['', ...((key && env[key]) || '.COM;.EXE;.BAT;.CMD').toLowerCase().split(';').filter(Boolean)];
}

function homeOf(env: Readonly<Env>, platform: string): string | undefined {
  if (platform === 'win32') {
    const key = Object.keys(env).find((k) => k.toLowerCase() === 'userprofile');
    return (key && env[key]) || env.HOME;
  }
  return env.HOME;
}

function joinPath(dir: string, name: string, platform: string): string {
  const sep = platform === 'win32' ? '\\' : '/';
  return `${dir.replace(/[\\/]+$/, '')}${sep}${name}`;
}

function dirOf(file: string): string {
  const cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return cut <= 0 ? file.slice(0, cut + 1) || '/' : file.slice(0, cut);
}

function sameDir(a: string, b: string, platform: string): boolean {
  const norm = (d: string) => (platform === 'win32' ? d.replace(/\//g, '\\').replace(/\\+$/, '').toLowerCase() : d.replace(/\/+$/, ''));
  return norm(a) === norm(b);
}

async function findIn(dirs: readonly string[], name: string, exts: readonly string[], platform: string, fs: ToolFs): Promise<string | undefined> {
  for (const dir of dirs) {
    for (const ext of exts) {
      const candidate = joinPath(dir, `${name}${ext}`, platform);
      if (await fs.isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

/** Replaces each place with a `*` in one folder name by the matching folders, newest version first. */
async function expandPlaces(places: readonly string[], platform: string, fs: ToolFs): Promise<string[]> {
  const out: string[] = [];
  for (const place of places) {
    const parts = place.split(/[\\/]/);
    const star = parts.findIndex((p) => p.includes('*'));
    if (star < 0) {
      out.push(place);
      continue;
    }
    const sep = platform === 'win32' ? '\\' : '/';
    const parent = parts.slice(0, star).join(sep) || sep;
    const [prefix = '', suffix = ''] = (parts[star] ?? '').split('*');
    const rest = parts.slice(star + 1);
    const names = (await fs.list(parent)).filter((n) => n.startsWith(prefix) && n.endsWith(suffix) && n.length >= prefix.length + suffix.length);
    names.sort((a, b) => compareVersions(b, a) || (a < b ? 1 : -1));
    for (const n of names) out.push([parent === sep ? '' : parent, n, ...rest].join(sep));
  }
  return out;
}
