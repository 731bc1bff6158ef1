// Keeps the course text and its code together: every file path, route, NATS
// subject, JSON field, Go test name and `edgo` subcommand that a step names in
// backticks exists in that module's starter or solution (or in the repository,
// for paths such as `schemas/event.schema.json`). Names that only illustrate an
// idea, or that the learner is asked to invent, are listed in `allowed` with why.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { cliCommands } from '../../../src/cli/commands';
import { moduleCode, pathExists, readModuleJson, walkthroughsDir, type ModuleCode } from './moduleCode';
import { stepReferences, type StepRef } from './stepReferences';
import { allowed } from './stepTextAllowList';

const repoRoot = path.resolve(walkthroughsDir, '..');
const repoFiles = new Set(['schemas/event.schema.json', 'schemas/kubernetes', 'walkthroughs'].filter((p) => fs.existsSync(path.join(repoRoot, p))));
const edgoCommands = new Set(cliCommands.map((c) => c.name));

function found(ref: StepRef, code: ModuleCode): boolean {
  switch (ref.kind) {
    case 'path':
      return pathExists(code.files, ref.name) || [...repoFiles].some((f) => ref.name === f || ref.name.startsWith(`${f}/`));
    case 'route':
      // "GET /users/{id}" as registered, or a bare "/metrics" anywhere in the code
      return code.texts.some((t) => t.includes(ref.name));
    case 'subject': {
      const prefix = ref.name.replace(/\.(\*|>)$/, '.');
      return code.texts.some((t) => t.includes(prefix));
    }
    case 'json-field':
      return code.texts.some((t) => t.includes(`json:"${ref.name}`) || t.includes(`"${ref.name}"`) || new RegExp(`^\\s*${ref.name}:`, 'm').test(t));
    case 'test': {
      const re = new RegExp(ref.name.replace(/\(\?[a-z]+\)/g, ''));
      return code.goTests.some((name) => re.test(name));
    }
    case 'edgo':
      return edgoCommands.has(ref.name);
  }
}

/** Step pages of a module: module.json's markdown media, each once. */
function stepPages(slug: string): string[] {
  return [...new Set(readModuleJson(slug).steps.flatMap((s) => (s.media?.markdown ? [s.media.markdown] : [])))];
}

const slugs = fs
  .readdirSync(walkthroughsDir)
  .filter((d) => fs.existsSync(path.join(walkthroughsDir, d, 'module.json')))
  .sort();

describe('step text names only what the module has', () => {
  for (const slug of slugs) {
    it(`${slug}: every backticked path, route, subject, JSON field, test and edgo command exists`, () => {
      const code = moduleCode(slug);
      const ok = new Set(allowed[slug] ?? []);
      const missing: string[] = [];
      for (const page of stepPages(slug)) {
        const text = fs.readFileSync(path.join(walkthroughsDir, slug, page), 'utf8');
        for (const ref of stepReferences(text)) {
          if (ok.has(ref.span) || ok.has(ref.name) || found(ref, code)) continue;
          missing.push(`${slug}/${page}:${ref.line}: ${ref.kind} \`${ref.name}\` (from \`${ref.span}\`) is not in the starter or solution`);
        }
      }
      assert.deepEqual(missing, []);
    });
  }

  it('the allow-list names only modules that exist', () => {
    assert.deepEqual(
      Object.keys(allowed).filter((s) => !slugs.includes(s)),
      [],
    );
  });
});
