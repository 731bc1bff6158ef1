// A `helm` of an exact version for the chart checks and tests: the Helm the
// course teaches (4.x) and the Helm 3 the charts must stay valid under, both
// named in module 1's tool table. A binary of that version on $EDGO_HELM or PATH
// is used; otherwise it is built once from its Go module into
// .tmp/bin/helm-v<version>/ (minutes the first time, then from the Go build cache).
//   export EDGO_HELM="$(node --import tsx test/tools/ensureHelm.ts)"
//   export EDGO_HELM3="$(node --import tsx test/tools/ensureHelm.ts --previous)"
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { helmVersions } from './toolVersions';

const repoRoot = path.resolve(__dirname, '..', '..');

export const cachedHelm = (version: string): string => path.join(repoRoot, '.tmp', 'bin', `helm-v${version}`, 'helm');

/** The version a helm binary reports (`v4.3.2+g...` -> `4.3.2`), or undefined when it does not run. */
export function helmVersionOf(bin: string): string | undefined {
  const r = spawnSync(bin, ['version', '--short'], { encoding: 'utf8' });
  return r.status === 0 ? /v?(\d+\.\d+\.\d+)/.exec(r.stdout)?.[1] : undefined;
}

export interface FoundHelm {
  bin?: string;
  /** Why no helm could be had (the build failed). */
  why?: string;
  /** Why the tests cannot even try (no go to build it with). */
  skip?: string;
}

/** A helm of exactly `version`, building it when `build` and none is found. */
export function findHelm(version: string, candidates: readonly (string | undefined)[], build = true): FoundHelm {
  for (const candidate of [...candidates, cachedHelm(version)]) {
    if (candidate && helmVersionOf(candidate) === version) return { bin: candidate };
  }
  if (!build) return { why: `no helm ${version} found` };
  if (spawnSync('go', ['version']).status !== 0) return { skip: `no helm ${version}, and no go to build it from its module` };
  const major = version.split('.')[0];
  // A release sets its version with -ldflags; `go install` alone reports only "v4.3".
  const ldflags = `-X helm.sh/helm/v${major}/internal/version.version=v${version}`;
  const r = spawnSync('go', ['install', '-ldflags', ldflags, `helm.sh/helm/v${major}/cmd/helm@v${version}`], {
    encoding: 'utf8',
    env: { ...process.env, GOBIN: path.dirname(cachedHelm(version)), GOFLAGS: '-mod=mod' },
    timeout: 40 * 60_000,
  });
  if (r.status === 0 && helmVersionOf(cachedHelm(version)) === version) return { bin: cachedHelm(version) };
  return { why: `building helm ${version} failed: ${(r.stderr || String(r.error)).trim().split('\n').slice(-3).join(' ')}` };
}

/** The taught Helm (4.x): $EDGO_HELM, helm on PATH, or built. */
export const findCurrentHelm = (build = true): FoundHelm => findHelm(helmVersions().current, [process.env.EDGO_HELM, 'helm'], build);
/** The Helm 3 the charts stay valid under: $EDGO_HELM3, helm on PATH, or built. */
/** Puts the taught Helm ($EDGO_HELM, else found or built) first on PATH, for checks that run `helm`. */
export function putTaughtHelmOnPath(): void {
  const bin = process.env.EDGO_HELM || findCurrentHelm(false).bin;
  if (bin) process.env.PATH = `${path.dirname(bin)}${path.delimiter}${process.env.PATH ?? ''}`;
}

export const findPreviousHelm = (build = true): FoundHelm => findHelm(helmVersions().previous, [process.env.EDGO_HELM3, 'helm'], build);

if (require.main === module) {
  const found = process.argv.includes('--previous') ? findPreviousHelm() : findCurrentHelm();
  if (!found.bin) {
    console.error(found.why ?? found.skip);
    process.exit(1);
  }
  console.log(found.bin);
}
