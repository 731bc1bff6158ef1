// Every `codeUnderTest` entry of a go-test check names a function the module's starter
// and solution really declare, so a failing check never points at nothing.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { composedFiles, folderLayers, loadAllModules } from '../../../src/core/checks';
import { findGoFunc } from '../../../src/core/checks/goDeclarations';
import type { GoSubject } from '../../../src/core/checks/goCodeUnderTest';
import { repoRoot } from './helpers';

describe('go-test codeUnderTest in module.json', () => {
  it("name a function declared in the starter's and the solution's file", () => {
    const missing: string[] = [];
    let seen = 0;
    for (const loaded of loadAllModules(path.join(repoRoot, 'walkthroughs'))) {
      if ('error' in loaded) continue;
      for (const which of ['starter', 'solution'] as const) {
        if (!loaded.spec[which]) continue;
        const files = composedFiles(folderLayers(loaded, which));
        for (const check of loaded.spec.checks.filter((c) => c.kind === 'go-test')) {
          for (const s of (check.codeUnderTest as readonly GoSubject[] | undefined) ?? []) {
            seen++;
            const from = files.get(s.file);
            if (!from || !findGoFunc(fs.readFileSync(from, 'utf8'), s.func)) missing.push(`${loaded.module.slug} ${which} ${check.id}: ${s.func} in ${s.file}`);
          }
        }
      }
    }
    assert.ok(seen > 0, 'no module declares codeUnderTest');
    assert.deepEqual(missing, []);
  });

  it('name by `tests` only tests the check runs, so no subject is dead', () => {
    const dead: string[] = [];
    for (const loaded of loadAllModules(path.join(repoRoot, 'walkthroughs'))) {
      if ('error' in loaded || !loaded.spec.starter) continue;
      const names = testNames(composedFiles(folderLayers(loaded, 'starter')));
      for (const check of loaded.spec.checks.filter((c) => c.kind === 'go-test')) {
        const run = typeof check.run === 'string' ? new RegExp(check.run) : undefined;
        const ran = names.filter((n) => !run || run.test(n.split('/')[0]!));
        for (const s of (check.codeUnderTest as readonly GoSubject[] | undefined) ?? []) {
          if (s.tests === undefined) continue;
          const re = new RegExp(s.tests);
          if (!ran.some((n) => re.test(n) || re.test(n.split('/')[0]!))) dead.push(`${loaded.module.slug} ${check.id}: ${s.func} tests ${s.tests}`);
        }
      }
    }
    assert.deepEqual(dead, []);
  });
});

/** Top-level test names and their t.Run sub-tests (as go test names them: spaces as _), from the _test.go files. */
function testNames(files: ReadonlyMap<string, string>): string[] {
  const names: string[] = [];
  for (const [rel, abs] of files) {
    if (!rel.endsWith('_test.go')) continue;
    let parent = '';
    for (const line of fs.readFileSync(abs, 'utf8').split('\n')) {
      const top = /^func (Test\w+)\(/.exec(line);
      if (top) names.push((parent = top[1]!));
      const sub = /t\.Run\("([^"]+)"/.exec(line);
      if (sub && parent) names.push(`${parent}/${sub[1]!.replace(/ /g, '_')}`);
    }
  }
  return names;
}
