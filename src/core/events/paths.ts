/** Path helpers on `/`-separated strings, so core needs no `node:path` (URIs work too). */
export function dirnameOf(path: string): string {
  const p = path.replace(/\\/g, '/');
  const i = p.lastIndexOf('/');
  return i <= 0 ? (i === 0 ? '/' : '.') : p.slice(0, i);
}

export function joinPath(dir: string, relative: string): string {
  const parts = `${dir.replace(/\\/g, '/')}/${relative.replace(/\\/g, '/')}`.split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '.' || (part === '' && out.length > 0)) continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..' && out[out.length - 1] !== '') out.pop();
    else out.push(part);
  }
  return out.join('/') || '/';
}
