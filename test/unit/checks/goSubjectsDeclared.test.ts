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
});
