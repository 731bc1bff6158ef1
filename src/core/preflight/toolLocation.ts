/**
 * The environments tools are looked up in: the process's own and the integrated
 * terminal's (the process environment with `terminal.integrated.env.<os>` applied).
 * Finding a tool is the resolver's job: src/core/tools/toolResolver.ts.
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

/**
 * `terminal.integrated.env.<os>` with `dirs` added at the end of its PATH, so a
 * terminal finds tools installed there: `${env:PATH}` keeps the inherited PATH in
 * front when the setting had no PATH yet. Folders already listed are not added twice;
 * the other variables are kept as they are.
 */
export function withFoldersOnTerminalPath(current: Readonly<Record<string, unknown>> | undefined, dirs: readonly string[], platform: string): Record<string, unknown> {
  const next: Record<string, unknown> = { ...(current ?? {}) };
  const delim = platform === 'win32' ? ';' : ':';
  const key = (platform === 'win32' ? Object.keys(next).find((k) => k.toLowerCase() === 'path') : undefined) ?? 'PATH';
  const existing = typeof next[key] === 'string' ? (next[key] as string) : '${env:PATH}';
  const listed = existing.split(delim);
  const added = dirs.filter((d, i) => d && !listed.includes(d) && dirs.indexOf(d) === i);
  next[key] = [existing, ...added].filter(Boolean).join(delim);
  return next;
}
