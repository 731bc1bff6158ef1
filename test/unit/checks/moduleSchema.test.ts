// schemas/module.schema.json is generated from the check kinds and up to date,
// every module.json of the course validates against it, and it rejects a wrong
// field of a kind (so VS Code flags it while a content author types).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { kindsReadmeFile, moduleSchemaFile, moduleSchemaText, staleGenerated } from '../../tools/gen-module-schema';
import { repoRoot } from './helpers';

describe('schemas/module.schema.json', () => {
  it('is up to date with the check kinds (else npm run gen:module-schema)', () => {
    assert.equal(fs.readFileSync(moduleSchemaFile, 'utf8'), moduleSchemaText());
  });

  it("walkthroughs/README.md's table of check kinds is generated from the kinds (else npm run gen:module-schema)", () => {
    assert.deepEqual(
      staleGenerated().map((g) => path.basename(g.file)),
      [],
    );
    assert.match(fs.readFileSync(kindsReadmeFile, 'utf8'), /\| `go-test` \| `packages` \(Go package patterns/);
  });

  const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(moduleSchemaText()));
  const modules = fs.readdirSync(path.join(repoRoot, 'walkthroughs')).filter((d) => fs.existsSync(path.join(repoRoot, 'walkthroughs', d, 'module.json')));

  it('accepts every module.json of the course', () => {
    assert.ok(modules.length >= 10);
    for (const m of modules) {
      const ok = validate(JSON.parse(fs.readFileSync(path.join(repoRoot, 'walkthroughs', m, 'module.json'), 'utf8')));
      assert.ok(ok, `${m}: ${JSON.stringify(validate.errors)}`);
    }
  });

  it('rejects a go-test check whose race is not a boolean and a mermaid message without an arrow', () => {
    const step = { id: 's', title: 's', description: '', media: { markdown: 'x.md' }, completion: 'read' };
    const bad = {
      title: 'm',
      description: '',
      steps: [step],
      checks: [
        { id: 'a', kind: 'go-test', title: 'a', race: 'yes' },
        { id: 'b', kind: 'mermaid', title: 'b', glob: 'x', messages: ['A to B'] },
      ],
    };
    assert.equal(validate(bad), false);
    const paths = (validate.errors ?? []).map((e) => e.instancePath);
    assert.ok(paths.includes('/checks/0/race') && paths.includes('/checks/1/messages/0'), JSON.stringify(validate.errors));
  });
});
