/**
 * Dotted versions as the tools print them (`1.26.8`, `v1.32.4-dispatcher`, `1.22`,
 * `1.21rc2`): compared by their numeric parts, missing parts count as 0.
 */
export function compareVersions(a: string, b: string): number {
  const pa = numericParts(a);
  const pb = numericParts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  // 1.22rc1 comes before 1.22
  const preA = isPrerelease(a);
  const preB = isPrerelease(b);
  return preA === preB ? 0 : preA ? -1 : 1;
}

function numericParts(v: string): number[] {
  const m = /(\d+(?:\.\d+)*)/.exec(v);
  return m?.[1] ? m[1].split('.').map(Number) : [];
}

function isPrerelease(v: string): boolean {
  return /\d(?:rc|beta|alpha)\d*/i.test(v);
}

/** True when `installed` is at least `minimum`. */
export function isAtLeast(installed: string, minimum: string): boolean {
  return compareVersions(installed, minimum) >= 0;
}

/** The first `x.y[.z]` after an optional `v`/`go` prefix in some text. */
export function firstVersion(text: string): string | undefined {
  return /\b(?:v|go)?(\d+\.\d+(?:\.\d+)?(?:(?:rc|beta|alpha)\d+)?)/.exec(text)?.[1];
}
