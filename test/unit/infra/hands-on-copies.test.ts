// Modules 6 and 7 start from module 5's finished Go code. Their copies must not
// drift from it, except the files a module's own step changes.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const walkthroughs = path.resolve(__dirname, '..', '..', '..', 'walkthroughs');
const reference = path.join(walkthroughs, '05-event-driven-services', 'solution');

function goFiles(dir: string, rel = ''): string[] {
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const r = path.posix.join(rel, e.name);
    if (e.isDirectory()) return goFiles(dir, r);
    return /\.(go|mod|sum|proto)$/.test(e.name) ? [r] : [];
  });
}

const copies: Array<[string, string[]]> = [
  ['06-docker-kubernetes/starter', []],
  ['06-docker-kubernetes/solution', []],
  ['07-kubernetes-advanced/solution', []],
  ['07-kubernetes-advanced/starter', ['platform/health/health.go']], // the step's TODO
];

describe('hands-on copies of the module 5 solution', () => {
  const files = goFiles(reference).sort();
  for (const [copy, allowed] of copies) {
    it(`${copy} has module 5's Go code`, () => {
      const dir = path.join(walkthroughs, copy);
      assert.deepEqual(goFiles(dir).sort(), files);
      const differing = files.filter((f) => fs.readFileSync(path.join(dir, f), 'utf8') !== fs.readFileSync(path.join(reference, f), 'utf8'));
      assert.deepEqual(differing, allowed);
    });
  }
});
