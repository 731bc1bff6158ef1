import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { loadModule, ModuleSpecError, readMarker, markerText, validateModuleSpec, stepsCompletedBy } from '../../../src/core/checks';
import { findModule } from '../../../src/core/modules';
import { fixtureModules, tempFolder } from './helpers';

const fixtureDir = path.join(fixtureModules, '01-go-foundations');
const fixture = () => JSON.parse(fs.readFileSync(path.join(fixtureDir, 'module.json'), 'utf8')) as Record<string, unknown> & { steps: Record<string, unknown>[]; checks: Record<string, unknown>[] };

describe('module.json', () => {
  it('loads the fixture module by number and by slug', () => {
    const byNumber = loadModule(fixtureModules, 1);
    const bySlug = loadModule(fixtureModules, 'go-foundations');
    assert.equal(byNumber.module.slug, '01-go-foundations');
    assert.equal(bySlug.spec.checks.length, 4);
    assert.deepEqual(bySlug.spec.expect.starterFails, ['tests', 'notes']);
  });

  it('says which modules exist when the key is wrong, and when module.json is absent', () => {
    assert.throws(() => loadModule(fixtureModules, 'go-foundation'), /There is no module "go-foundation".*01-go-foundations/);
    assert.throws(() => loadModule(fixtureModules, 3), /03-ddd has no module.json yet/);
  });

  it('reports every problem with where it is', () => {
    const data = fixture();
    data.steps[0]!.id = 'Not Kebab';
    data.steps[1]!.media = { markdown: 'missing.md' };
    data.steps[2]!.completion = 'check:bulid';
    (data.steps[3] as Record<string, unknown>).codeUnderTest = [{ file: 'main.go', func: 'main' }];
    (data.steps[3] as Record<string, unknown>).tittle = 'typo';
    data.checks[0]!.kind = 'go-bulid';
    data.checks[2]!.run = '(';
    data.checks.push({ id: 'vet', kind: 'go-vet', title: 'again' });
    data.expect = { starterFails: ['nope'], starterMessages: {} };
    const { spec, problems } = validateModuleSpec(data, fixtureDir);
    assert.equal(spec, undefined);
    const at = problems.map((p) => `${p.at}: ${p.message}`);
    const expected = [
      /^steps\[0\]\.id: must be kebab-case/,
      /^steps\[1\]\.media\.markdown: missing\.md does not exist/,
      /^steps\[2\]\.completion: "check:bulid" names no check \(checks: build, vet, tests, notes, vet\)/,
      /^steps\[3\]\.codeUnderTest: is not a field of a step; the fields are id, title, description, media, completion/,
      /^steps\[3\]\.tittle: is not a field of a step \(did you mean "title"\?\)/,
      /^checks\[0\]\.kind: "go-bulid" is not a check kind \(did you mean "go-build"\?\)/,
      /^checks\[2\]\.run: is not a valid regular expression: \( \(go-test\)/,
      /^checks: duplicate id vet/,
      /^expect: "nope" names no check/,
    ];
    for (const re of expected) {
      assert.ok(
        at.some((a) => re.test(a)),
        `no problem matching ${re} in:\n${at.join('\n')}`,
      );
    }
  });

  it('throws a ModuleSpecError whose message lists the problems, for bad JSON too', () => {
    const f = tempFolder({ '01-go-foundations/module.json': '{ "title": "x", }' });
    try {
      assert.throws(
        () => loadModule(f.dir, 1),
        (err: unknown) => err instanceof ModuleSpecError && /\(json\)/.test(err.message),
      );
    } finally {
      f.dispose();
    }
  });

  it('knows which steps a check completes', () => {
    const { spec } = loadModule(fixtureModules, 1);
    assert.deepEqual(stepsCompletedBy(spec, 'tests'), ['users-endpoint']);
    assert.deepEqual(stepsCompletedBy(spec, 'build'), ['users-endpoint']);
    assert.deepEqual(stepsCompletedBy(spec, 'vet'), []);
  });

  it('writes and reads the module marker', () => {
    const m = findModule(4);
    assert.ok(m);
    const f = tempFolder({ '.edgo-module.json': markerText(m) });
    try {
      assert.equal(readMarker(f.dir)?.slug, '04-event-driven-concepts');
      fs.writeFileSync(path.join(f.dir, '.edgo-module.json'), 'garbage');
      assert.equal(readMarker(f.dir), undefined);
    } finally {
      f.dispose();
    }
  });
});
