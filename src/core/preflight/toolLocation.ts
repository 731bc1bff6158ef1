/**
 * Finding tools the way the integrated terminal would: the same PATH (the process
 * environment with `terminal.integrated.env.<os>` applied) and the user's explicit
 * `edgo.tools.<tool>` paths.
 */

export type Env = Record<string, string>;

/**
 * Applies `terminal.integrated.env.<os>` overrides to a base environment: values may
 * reference `${env:NAME}` (resolved against the base), `null` removes a variable.
 * Windows variable names are case-insensitive (`Path` and `PATH` are one variable).
 */
export function mergeTerminalEnv(base: Readonly<Record<string, string | undefined>>, overrides: Readonly<Record<string, unknown>> | undefined, platform: string): Env {
  const env: Env = {};
  for (const [k, v] of Object.entries(base)) if (typeof v === 'string') env[k] = v;
  if (!overrides) return env;
  const keyOf = (name: string): string => (platform === 'win32' ? (Object.keys(env).find((k) => k.toLowerCase() === name.toLowerCase()) ?? name) : name);
  const lookup = (name: string): string => env[keyOf(name)] ?? '';
  for (const [name, value] of Object.entries(overrides)) {
    const key = keyOf(name);
    if (value === null) {
      delete env[key];
      continue;
    }
    if (typeof value !== 'string') continue;
    env[key] = value.replace(/\$\{env:([^}]+)\}/g, (_, v: string) => lookup(v));
  }
  return env;
}

/** The PATH value of an environment (any casing on Windows). */
export function pathOf(env: Readonly<Env>, platform: string): string {
  if (platform !== 'win32') return env.PATH ?? '';
  const key = Object.keys(env).find((k) => k.toLowerCase() === 'path');
  return key ? (env[key] ?? '') : '';
}

export interface PathApi {
  /** True when `path` is a file that can be executed. */
  isExecutable(path: string): Promise<boolean>;
}

/** Where `name` would be found on the PATH of `env`, or `undefined`. */
export async function findOnPath(name: string, env: Readonly<Env>, platform: string, fs: PathApi): Promise<string | undefined> {
  const win = platform === 'win32';
  const sep = win ? '\\' : '/';
  const dirs = pathOf(env, platform).split(win ? ';' : ':').filter(Boolean);
  const exts = win ? ['', ...(env.PATHEXT ?? env.Pathext ?? '.COM;.EXE;.BAT;.CMD').split(';').filter(Boolean)] : [''];
  for (const dir of dirs) {
    for (const ext of exts) {
      const candidate = `${dir.replace(/[\\/]+$/, '')}${sep}${name}${ext}`;
      if (await fs.isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

export type Located =
  | { readonly found: true; readonly path: string; readonly from: 'setting' | 'path' }
  | { readonly found: false; readonly reason: 'setting-missing' | 'not-on-path'; readonly configured?: string };

/**
 * Locates a tool: an `edgo.tools.<tool>` setting wins (a bare name is looked up on
 * PATH, `~` is the home folder); otherwise the tool's own name on PATH.
 */
export async function locateTool(executable: string, configured: string | undefined, env: Readonly<Env>, platform: string, fs: PathApi): Promise<Located> {
  const setting = configured?.trim();
  if (setting) {
    const home = env.HOME ?? env.USERPROFILE ?? '';
    const expanded = setting.replace(/^~(?=$|[\\/])/, home);
    if (/[\\/]/.test(expanded)) {
      return (await fs.isExecutable(expanded)) ? { found: true, path: expanded, from: 'setting' } : { found: false, reason: 'setting-missing', configured: setting };
    }
    const onPath = await findOnPath(expanded, env, platform, fs);
    return onPath ? { found: true, path: onPath, from: 'setting' } : { found: false, reason: 'setting-missing', configured: setting };
  }
  const onPath = await findOnPath(executable, env, platform, fs);
  return onPath ? { found: true, path: onPath, from: 'path' } : { found: false, reason: 'not-on-path' };
}

/**
 * Folders where installers put tools without always adding them to PATH (the Go
 * tarball, `go install`, snap, Homebrew, winget links). Used only to tell the learner
 * "it is installed, but your terminal cannot see it" — never to run a tool from there.
 */
export function commonInstallDirs(platform: string, env: Readonly<Env>): string[] {
  const home = env.HOME ?? env.USERPROFILE ?? '';
  if (platform === 'win32') {
    const local = env.LOCALAPPDATA ?? (home ? `${home}\\AppData\\Local` : '');
    return [
      'C:\\Program Files\\Go\\bin',
      home && `${home}\\go\\bin`,
      'C:\\Program Files\\Docker\\Docker\\resources\\bin',
      'C:\\Program Files\\Git\\cmd',
      local && `${local}\\Microsoft\\WinGet\\Links`,
    ].filter(Boolean);
  }
  const shared = ['/usr/local/go/bin', home && `${home}/go/bin`, home && `${home}/.local/bin`, '/usr/local/bin'];
  const extra = platform === 'darwin' ? ['/opt/homebrew/bin', '/Applications/Docker.app/Contents/Resources/bin'] : ['/snap/bin', '/home/linuxbrew/.linuxbrew/bin', '/usr/sbin'];
  return [...shared, ...extra].filter(Boolean);
}

/** Where `name` is installed outside the PATH, if in one of the common folders. */
export async function findInstalledElsewhere(name: string, env: Readonly<Env>, platform: string, fs: PathApi): Promise<string | undefined> {
  const dirs = commonInstallDirs(platform, env).join(platform === 'win32' ? ';' : ':');
  return findOnPath(name, platform === 'win32' ? { PATH: dirs, PATHEXT: env.PATHEXT ?? '.EXE;.CMD' } : { PATH: dirs }, platform, fs);
}
