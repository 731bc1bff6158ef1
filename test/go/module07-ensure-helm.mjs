// Prints the path of a working `helm` for the module 7 checks and tests:
// $EDGO_HELM, else `helm` on PATH, else .tmp/bin/helm, building it there from
// its Go module (helm.sh/helm/v3/cmd/helm) when missing. The first build takes
// several minutes on 2 cores; later ones come from the Go build cache.
//   export EDGO_HELM="$(node test/go/module07-ensure-helm.mjs)"
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const version = 'v3.22.0';
const repoRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const cached = path.join(repoRoot, '.tmp', 'bin', 'helm');
const works = (bin) => spawnSync(bin, ['version', '--short'], { encoding: 'utf8' }).status === 0;
const which = (name) => spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();

for (const candidate of [process.env.EDGO_HELM, which('helm'), cached]) {
  if (candidate && works(candidate)) {
    console.log(candidate);
    process.exit(0);
  }
}
const build = spawnSync('go', ['install', `helm.sh/helm/v3/cmd/helm@${version}`], {
  stdio: ['ignore', 'inherit', 'inherit'],
  env: { ...process.env, GOBIN: path.dirname(cached), GOFLAGS: '-mod=mod' },
});
if (build.status !== 0 || !works(cached)) {
  console.error(`could not build helm ${version} into ${cached}`);
  process.exit(1);
}
console.log(cached);
