/** The semver subset references use: exact, `latest`, `x` ranges, `^`, `~`, `>=`. */
export type Semver = readonly [number, number, number];

export function parseSemver(v: string): Semver | undefined {
  const m = /^v?(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/.exec(v.trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

export function compareSemver(a: Semver, b: Semver): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** Whether `version` satisfies `range`. An unparsable version matches only itself. */
export function satisfies(version: string, range: string | undefined): boolean {
  const r = (range ?? 'latest').trim();
  if (r === '' || r === 'latest' || r === '*' || r === 'x') return true;
  if (r === version) return true;
  const v = parseSemver(version);
  if (!v) return false;
  const xr = /^(\d+|x|\*)(?:\.(\d+|x|\*))?(?:\.(\d+|x|\*))?$/.exec(r);
  if (xr) {
    const parts = [xr[1], xr[2], xr[3]];
    return parts.every((p, i) => p === undefined || p === 'x' || p === '*' || Number(p) === v[i]);
  }
  const op = /^(\^|~|>=|>|<=|<|=)\s*(.+)$/.exec(r);
  const base = op ? parseSemver(op[2] ?? '') : undefined;
  if (!op || !base) return false;
  const c = compareSemver(v, base);
  switch (op[1]) {
    case '^':
      return c >= 0 && (base[0] > 0 ? v[0] === base[0] : base[1] > 0 ? v[0] === 0 && v[1] === base[1] : v[0] === 0 && v[1] === 0 && v[2] === base[2]);
    case '~':
      return c >= 0 && v[0] === base[0] && v[1] === base[1];
    case '>=':
      return c >= 0;
    case '>':
      return c > 0;
    case '<=':
      return c <= 0;
    case '<':
      return c < 0;
    default:
      return c === 0;
  }
}

/** The highest version of `versions` matching `range`, or undefined. */
export function resolveVersion(versions: readonly string[], range: string | undefined): string | undefined {
  const matching = versions.filter((v) => satisfies(v, range));
  if (range !== undefined && range !== 'latest' && matching.includes(range)) return range;
  return matching.sort((a, b) => {
    const pa = parseSemver(a);
    const pb = parseSemver(b);
    return pa && pb ? compareSemver(pb, pa) : 0;
  })[0];
}
