// A check kind declares its fields once (defineCheckKind): module.json is validated
// from that declaration with the file, line and column of each bad field and a
// "did you mean" for a typo, and the same declaration gives the JSON Schema.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from './helpers';
import { ModuleSpecError, parseModuleSpec } from '../../../src/core/checks';
import { didYouMean, fieldsJsonSchema, validateFields } from '../../../src/core/checks/checkFields';
import { locateJsonPath, parseJsonPath } from '../../../src/core/checks/jsonLocations';

const moduleText = (checks: string) => `{
  "title": "m",
  "description": "",
  "steps": [{ "id": "s", "title": "s", "description": "", "media": { "markdown": "s.md" }, "completion": "check:t" }],
  "checks": [
${checks}
  ]
}
`;

function problemsOf(text: string): string[] {
  try {
    parseModuleSpec(text, 'walkthroughs/99-x/module.json');
  } catch (err) {
    assert.ok(err instanceof ModuleSpecError, String(err));
    return err.message
      .split('\n')
      .slice(1)
      .map((l) => l.trim());
  }
  return [];
}

describe('defineCheckKind: module.json validated from the declared fields', () => {
  it('accepts a well-formed check', () => {
    assert.deepEqual(problemsOf(moduleText('    { "id": "t", "kind": "go-test", "title": "t", "packages": ["./..."], "race": true, "timeout": 30 }')), []);
  });

  it('reports a wrong field type at its file, line and column', () => {
    const text = moduleText('    { "id": "t", "kind": "go-test", "title": "t",\n      "race": "yes" }');
    const [p] = problemsOf(text);
    assert.equal(p, 'walkthroughs/99-x/module.json:7:7: checks[0].race: must be true or false (go-test)');
  });

  it('says "did you mean" for a misspelt field and a misspelt kind', () => {
    const text = moduleText('    { "id": "t", "kind": "go-test", "title": "t", "pakages": ["./..."] },\n    { "id": "u", "kind": "mermiad", "title": "u" }');
    const problems = problemsOf(text);
    assert.ok(
      problems.some((p) => /^walkthroughs\/99-x\/module\.json:6:51: checks\[0\]\.pakages: is not a field here \(did you mean "packages"\?\)/.test(p)),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((p) => /module\.json:7:\d+: checks\[1\]\.kind: "mermiad" is not a check kind \(did you mean "mermaid"\?\)/.test(p)),
      problems.join('\n'),
    );
  });

  it('points a missing required field at its check, and a bad nested entry at the entry', () => {
    const text = moduleText('    { "id": "t", "kind": "import-rule", "title": "t", "rules": [{ "from": "domain", "mayNotImport": [] }] },\n    { "id": "u", "kind": "files-exist", "title": "u" }');
    const problems = problemsOf(text);
    assert.ok(
      problems.some((p) => /module\.json:6:\d+: checks\[0\]\.rules\[0\]\.mayNotImport: must have at least 1 entry/.test(p)),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((p) => /module\.json:7:5: checks\[1\]\.paths: is required/.test(p)),
      problems.join('\n'),
    );
  });

  it('locates a JSON syntax error and an unknown top-level field', () => {
    assert.match(problemsOf('{\n  "title": "x",\n}')[0] ?? '', /module\.json:3:1: \(json\)/);
    const text = moduleText('').replace('"title": "m"', '"title": "m", "chekcs": []');
    assert.ok(
      problemsOf(text).some((p) => /:2:\d+: chekcs: is not a module.json field \(did you mean "checks"\?\)/.test(p)),
      problemsOf(text).join('\n'),
    );
  });

  it('gives the JSON Schema from the same declaration', () => {
    const decls = { glob: { type: 'string', required: true }, min: { type: 'integer', minimum: 1 } } as const;
    assert.deepEqual(fieldsJsonSchema(decls, ['id']), {
      type: 'object',
      properties: { id: true, glob: { type: 'string', minLength: 1 }, min: { type: 'integer', minimum: 1 } },
      required: ['glob'],
      additionalProperties: false,
    });
    assert.deepEqual(
      validateFields({ min: 0 }, decls).map((p) => `${p.path.join('.')}: ${p.message}`),
      ['glob: is required', 'min: must be a whole number, 1 or more'],
    );
  });

  it('finds paths and near names', () => {
    assert.deepEqual(parseJsonPath('checks[2].packages[0] (go-test)'), ['checks', 2, 'packages', 0]);
    assert.deepEqual(locateJsonPath('{\n  "a": [1, {"b": 2}]\n}', ['a', 1, 'b']), { line: 2, column: 13 });
    assert.equal(didYouMean('racee', ['race', 'run']), 'race');
    assert.equal(didYouMean('something', ['race', 'run']), undefined);
  });
});

describe("a step's completion, parsed once", () => {
  it('is a typed value on every loaded step', async () => {
    const { loadAllModules, parseCompletion } = await import('../../../src/core/checks');
    assert.deepEqual(parseCompletion('task:Run the server'), { kind: 'task', label: 'Run the server' });
    assert.deepEqual(parseCompletion('check:a:b'), { kind: 'check', check: 'a:b' });
    assert.equal(parseCompletion('checks:x'), undefined);
    const loaded = loadAllModules(path.join(repoRoot, 'walkthroughs'));
    assert.ok(loaded.length >= 10);
    for (const m of loaded) for (const s of 'spec' in m ? m.spec.steps : []) assert.deepEqual(s.doneWhen, parseCompletion(s.completion), `${m.module.slug}#${s.id}`);
  });
});
