/**
 * Module 6's Dockerfiles without a Docker engine: the build context is what
 * `.dockerignore` lets through, the build stage's commands run in it with the
 * real Go toolchain, and the binary they produce is static (no ELF interpreter),
 * so it starts on distroless/static. Skips with a message where `go` is absent.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseDockerfile } from '../../src/core/checks/kinds/dockerfile';
import { composeModule } from '../tools/composedModule';

const hasGo = spawnSync('go', ['version']).status === 0;
// Module 6's solution as a learner has it: module 5's code with module 6's files over it.
const solution = composeModule('06-docker-kubernetes', 'solution');
const temps: string[] = [solution];
after(() => temps.forEach((t) => fs.rmSync(t, { recursive: true, force: true })));

/** `.dockerignore` patterns as Docker applies them: last match wins, `!` re-includes, `**` spans folders. */
export function dockerignore(text: string): (rel: string) => boolean {
  const rules = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const include = l.startsWith('!');
      const pattern = (include ? l.slice(1) : l).replace(/^\/+|\/+$/g, '');
      const re = pattern
        .split('/')
        .map((seg) =>
          seg === '**'
            ? '.*'
            : seg
                .replace(/[.+^${}()|[\]\\]/g, '\\$&')
                .replace(/\*/g, '[^/]*')
                .replace(/\?/g, '[^/]'),
        )
        .join('/')
        .replace(/\.\*\//g, '(?:.*/)?');
      // A pattern matching a folder matches everything in it.
      return { include, re: new RegExp(`^${re}(?:/.*)?$`) };
    });
  return (rel) => {
    let ignored = false;
    for (const r of rules) if (r.re.test(rel)) ignored = !r.include;
    return ignored;
  };
}

function copyContext(src: string, dest: string, ignored: (rel: string) => boolean, rel = ''): number {
  let n = 0;
  for (const e of fs.readdirSync(path.join(src, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) n += copyContext(src, dest, ignored, r);
    else if (!ignored(r)) {
      fs.mkdirSync(path.dirname(path.join(dest, r)), { recursive: true });
      fs.copyFileSync(path.join(src, r), path.join(dest, r));
      n++;
    }
  }
  return n;
}

/** True when an ELF executable has no PT_INTERP program header (statically linked). */
function isStaticElf(file: string): boolean {
  const b = fs.readFileSync(file);
  assert.equal(b.subarray(0, 4).toString('latin1'), '\x7fELF', `${file} is not an ELF binary`);
  const phoff = Number(b.readBigUInt64LE(0x20));
  const phentsize = b.readUInt16LE(0x36);
  const phnum = b.readUInt16LE(0x38);
  for (let i = 0; i < phnum; i++) if (b.readUInt32LE(phoff + i * phentsize) === 3) return false;
  return true;
}

describe('module 6 images, built without Docker', { skip: !hasGo && 'go is not on PATH', timeout: 600_000 }, () => {
  const ignored = dockerignore(fs.readFileSync(path.join(solution, '.dockerignore'), 'utf8'));

  it('.dockerignore keeps sources and drops tests, docs and deploy files', () => {
    // events/: the services embed the contracts (events/contracts.go, go:embed *.yaml) to validate payloads.
    assert.deepEqual(['go.mod', 'go.sum', 'order/cmd/order/main.go', 'platform/event/envelope.go', 'events/contracts.go', 'events/order.created.yaml'].filter(ignored), []);
    assert.deepEqual(
      ['order/domain/order_test.go', 'e2e/flow_test.go', 'events/contracts_test.go', 'deploy/k8s/order.yaml', 'README.md', 'order/Dockerfile'].filter((f) => !ignored(f)),
      [],
    );
  });

  for (const svc of ['order', 'inventory']) {
    it(`${svc}/Dockerfile's build stage makes a static binary from the build context`, () => {
      const context = fs.mkdtempSync(path.join(os.tmpdir(), `edgo-m6-${svc}-`));
      temps.push(context);
      assert.ok(copyContext(solution, context, ignored) > 10);
      const instructions = parseDockerfile(fs.readFileSync(path.join(solution, svc, 'Dockerfile'), 'utf8'));
      const secondFrom = instructions.findIndex((ins, i) => i > 0 && ins.keyword === 'FROM');
      const runs = instructions.slice(0, secondFrom).filter((ins) => ins.keyword === 'RUN');
      assert.ok(runs.length >= 2, 'the build stage downloads modules and builds');
      const out = path.join(context, 'out');
      for (const run of runs) {
        // Paths of the image (/out) map into the temporary context.
        const command = run.args.replace(/(^|\s)\/out\//g, `$1${out}/`);
        const r = spawnSync('sh', ['-c', command], { cwd: context, encoding: 'utf8', env: { ...process.env, GOFLAGS: '-mod=mod' } });
        assert.equal(r.status, 0, `RUN ${run.args}\n${r.stderr}`);
      }
      const binary = path.join(out, svc);
      assert.ok(isStaticElf(binary), `${binary} is dynamically linked: it would not start on distroless/static`);
      const copy = instructions.slice(secondFrom).find((ins) => ins.keyword === 'COPY');
      assert.match(copy?.args ?? '', new RegExp(`--from=build /out/${svc} /${svc}`));
    });
  }
});
