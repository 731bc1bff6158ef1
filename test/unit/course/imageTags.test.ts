// Container images the course teaches are pinned: a `:latest` tag in a step, a
// manifest, a chart, a Dockerfile or a compose file means a learner runs
// whatever was pushed last. The Jaeger the capstone teaches is the version of
// module 1's tool table.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { toolRow, versionsIn } from '../../tools/toolVersions';
import { walkthroughsDir } from './moduleCode';

/** `file` (relative to walkthroughs/) may name `image:latest`, and why. */
const allowed: ReadonlyArray<{ file: string; image: string; reason: string }> = [
  { file: '06-docker-kubernetes/starter/order/Dockerfile', image: 'golang:latest', reason: 'the naive Dockerfile the module 6 hands-on rewrites; its dockerfile check fails on it' },
  { file: '06-docker-kubernetes/05-hands-on-images.md', image: 'golang:latest', reason: "names the starter's mistake the learner fixes" },
];

const scanned = /\.(md|ya?ml|tpl|json)$|(^|\/)Dockerfile[^/]*$|compose[^/]*$/;

function files(dir: string, rel = ''): string[] {
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : files(dir, r);
    return scanned.test(r) ? [r] : [];
  });
}

/** Every `name:latest` (an image reference with the latest tag) in a text, with its line. */
export function latestImages(text: string): Array<{ image: string; line: number }> {
  return text.split('\n').flatMap((l, i) => [...l.matchAll(/[\w][\w.\/-]*:latest\b/g)].map((m) => ({ image: m[0], line: i + 1 })));
}

describe('container image tags', () => {
  it('finds a :latest image where one is written (the scan can fail)', () => {
    assert.deepEqual(latestImages('docker run --rm jaegertracing/jaeger:latest\nruns-on: ubuntu-latest\nFROM golang:1.26'), [{ image: 'jaegertracing/jaeger:latest', line: 1 }]);
  });

  it('no step, manifest, chart, Dockerfile or compose file teaches a :latest image', () => {
    const found = files(walkthroughsDir).flatMap((f) =>
      latestImages(fs.readFileSync(path.join(walkthroughsDir, f), 'utf8'))
        .filter((hit) => !allowed.some((a) => a.file === f && a.image === hit.image))
        .map((hit) => `${f}:${hit.line}: ${hit.image}`),
    );
    assert.deepEqual(found, [], 'pin a version (and name it in the tool table of walkthroughs/01-go-foundations/01-install-go.md)');
  });

  it('every allow-listed :latest is still there (no stale exceptions)', () => {
    for (const a of allowed) {
      const text = fs.readFileSync(path.join(walkthroughsDir, a.file), 'utf8');
      assert.ok(
        latestImages(text).some((h) => h.image === a.image),
        `${a.file} no longer names ${a.image}: drop it from the allow-list`,
      );
    }
  });

  it("the Jaeger image in the steps and the capstone runbook is the tool table's version", () => {
    const version = versionsIn(toolRow('Jaeger').testedWith)[0];
    assert.ok(version, 'the Jaeger row names no version');
    const uses = files(walkthroughsDir)
      .flatMap((f) => [...fs.readFileSync(path.join(walkthroughsDir, f), 'utf8').matchAll(/jaegertracing\/jaeger:([\w.-]+)/g)].map((m) => ({ f, tag: m[1] })))
      .filter((u) => u.f !== '01-go-foundations/01-install-go.md');
    assert.ok(
      uses.some((u) => u.f === '10-capstone/04-tracing.md'),
      'the tracing step runs no Jaeger image',
    );
    assert.deepEqual(
      uses.filter((u) => u.tag !== version),
      [],
      `Jaeger images not at ${version}`,
    );
  });
});
