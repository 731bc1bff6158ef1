/**
 * Path helpers on `/`-separated strings, so core needs no `node:path` (URIs work too).
 * A backslash is read as a separator as well, so Windows paths (`C:\x\y`) work; results use `/`,
 * which Node and Go accept on every OS.
 */
export function dirnameOf(path: string): string {
  // A catalog's thousand links all ask for the folder of the same file, in a row.
  if (path === lastDirname.of) return lastDirname.is;
  const is = dirnameUncached(path);
  lastDirname.of = path;
  lastDirname.is = is;
  return is;
}

const lastDirname = { of: '', is: '.' };

function dirnameUncached(path: string): string {
  const p = path.replace(/\\/g, '/');
  const i = p.lastIndexOf('/');
  return i <= 0 ? (i === 0 ? '/' : '.') : p.slice(0, i);
}

/** Joined paths recently asked for: a catalog's thousand `$ref`s are joined again after every edit. */
const joined = new Map<string, string>();

export function joinPath(dir: string, relative: string): string {
  const key = `${dir}\0${relative}`;
  let out = joined.get(key);
  if (out === undefined) {
    if (joined.size >= 20_000) joined.clear();
    joined.set(key, (out = joinUncached(dir, relative)));
  }
  return out;
}

function joinUncached(dir: string, relative: string): string {
  const parts = `${dir.replace(/\\/g, '/')}/${relative.replace(/\\/g, '/')}`.split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '.' || (part === '' && out.length > 0)) continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..' && out[out.length - 1] !== '') out.pop();
    else out.push(part);
  }
  return out.join('/') || '/';
}

/** `C:/`, `//` (UNC) or `/` at the start of a `/`-separated path, else ''. */
function rootOf(p: string): string {
  return /^[A-Za-z]:\//.exec(p)?.[0] ?? (/^\/\/[^/]/.test(p) ? '//' : p.startsWith('/') ? '/' : '');
}

/** `path.normalize` without `node:path`: no `.`, no doubled separators, `..` resolved where it can be. */
export function normalizePath(path: string): string {
  const p = path.replace(/\\/g, '/');
  const root = rootOf(p);
  const out: string[] = [];
  for (const part of p.slice(root.length).split('/')) {
    if (part === '' || part === '.') continue;
    if (part !== '..') out.push(part);
    else if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else if (root === '') out.push('..'); // above a root there is nothing to climb to
  }
  return root + out.join('/') || '.';
}

/** `path.join`: the parts joined and normalized. */
export function joinPaths(...parts: string[]): string {
  return normalizePath(parts.filter((p) => p !== '').join('/'));
}

export function isAbsolutePath(path: string): boolean {
  return /^(?:[\\/]|[A-Za-z]:[\\/])/.test(path);
}

/** `path.resolve`: the last absolute part and what follows it, else the parts under the current folder. */
export function resolvePath(...parts: string[]): string {
  let start = parts.length - 1;
  while (start > 0 && !isAbsolutePath(parts[start] ?? '')) start--;
  const rest = parts.slice(Math.max(start, 0));
  return joinPaths(...(isAbsolutePath(rest[0] ?? '') ? rest : [process.cwd(), ...rest]));
}

/** `path.relative`: `to` seen from the folder `from` ('' when the same; `to` itself when on another drive). */
export function relativePath(from: string, to: string): string {
  const a = resolvePath(from);
  const b = resolvePath(to);
  // Drive letters compare without case, as Windows does.
  if (rootOf(a).toLowerCase() !== rootOf(b).toLowerCase()) return b;
  const as = a.slice(rootOf(a).length).split('/').filter(Boolean);
  const bs = b.slice(rootOf(b).length).split('/').filter(Boolean);
  let i = 0;
  while (i < as.length && i < bs.length && as[i] === bs[i]) i++;
  return [...as.slice(i).map(() => '..'), ...bs.slice(i)].join('/');
}

/** The last part of a path (`path.basename`). */
export function basenameOf(path: string): string {
  const p = path.replace(/\\/g, '/').replace(/\/+$/, '');
  return p.slice(p.lastIndexOf('/') + 1);
}
