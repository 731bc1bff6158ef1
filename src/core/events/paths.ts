/** Path helpers on `/`-separated strings, so core needs no `node:path` (URIs work too). */
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
