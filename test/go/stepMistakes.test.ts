// "Every step's mistake is caught by that step's check": starting from a correct
// learner's folder (the starter with test/go/differentSolutions/<module>/ laid
// over it), plant the mistake a learner would make in one step and assert that
// the step's own check fails, pointing at a file of the learner's folder with a
// line. Real Go toolchain. Covers module 1 so far.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { composeFolder, folderLayers, loadModule, nodeProcessRunner, runChecks } from '../../src/core/checks';

const repoRoot = path.resolve(__dirname, '..', '..');
const hasGo = spawnSync('go', ['version'], { encoding: 'utf8' }).status === 0;
const temps: string[] = [];
after(() => temps.forEach((t) => fs.rmSync(t, { recursive: true, force: true })));

interface Mistake {
  /** The step the mistake belongs to, and what the learner did. */
  readonly step: string;
  readonly what: string;
  readonly file: string;
  readonly from: string;
  readonly to: string;
  /** The check that must fail (the step's own), and text its message must hold. */
  readonly check: string;
  readonly says: RegExp;
}

const module1: Mistake[] = [
  { step: 'types-interfaces', what: 'List returns a nil slice for an empty store', file: 'memory.go', from: 'out := make([]User, len(s.users))', to: 'var out []User\n\tout = append(out, s.users...)', check: 'service', says: /nil|\[\]/i },
  { step: 'types-interfaces', what: 'List returns the store\'s own slice', file: 'memory.go', from: 'out := make([]User, len(s.users))\n\tcopy(out, s.users)\n\treturn out, nil', to: 'return s.users[:len(s.users):len(s.users)], nil', check: 'service', says: /copy|change|modif/i },
  { step: 'types-interfaces', what: 'Get returns a plain error for a missing id', file: 'memory.go', from: 'return User{}, &NotFoundError{ID: id}', to: 'return User{}, fmt.Errorf("no user %s", id)', check: 'errors', says: /ErrNotFound|NotFoundError/ },
  { step: 'errors', what: 'NotFoundError does not match ErrNotFound', file: 'errors.go', from: 'func (e *NotFoundError) Unwrap() error { return ErrNotFound }', to: '', check: 'errors', says: /errors\.Is/ },
  { step: 'errors', what: 'DisplayName wraps with %v, not %w', file: 'errors.go', from: 'display name: %w', to: 'display name: %v', check: 'errors', says: /%w/ },
  { step: 'users-endpoint', what: 'GET /users is not registered', file: 'handler.go', from: 'mux.HandleFunc("GET /users", listUsers(svc))', to: '_ = listUsers', check: 'users', says: /404|405|status/ },
  { step: 'users-endpoint', what: 'the route has no method, so POST is served', file: 'handler.go', from: '"GET /users"', to: '"/users"', check: 'users', says: /405|POST|method/i },
  { step: 'user-by-id', what: 'a missing user answers 500, not 404', file: 'handler.go', from: 'case errors.Is(err, ErrNotFound):', to: 'case errors.Is(err, errors.ErrUnsupported):', check: 'user-by-id', says: /404/ },
];

function plant(slug: string, m: Mistake): string {
  const mod = loadModule(path.join(repoRoot, 'walkthroughs'), slug);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), `edgo-mistake-${mod.module.number}-`));
  temps.push(folder);
  composeFolder(folderLayers(mod, 'starter'), folder);
  fs.cpSync(path.join(__dirname, 'differentSolutions', slug), folder, { recursive: true });
  const file = path.join(folder, m.file);
  const text = fs.readFileSync(file, 'utf8');
  assert.ok(text.includes(m.from), `${m.file} lacks ${JSON.stringify(m.from)}: the mistake no longer applies`);
  let planted = text.replace(m.from, m.to);
  if (m.to.includes('fmt.') && !planted.includes('"fmt"')) planted = planted.replace('import (', 'import (\n\t"fmt"');
  fs.writeFileSync(file, planted);
  return folder;
}

describe("each step's mistake is caught by that step's check", () => {
  const slug = '01-go-foundations';
  const { spec, dir } = loadModule(path.join(repoRoot, 'walkthroughs'), slug);
  for (const m of module1) {
    it(`module 1, step ${m.step}: ${m.what}`, { skip: !hasGo && 'go is not on PATH', timeout: 600_000 }, async () => {
      assert.ok(spec.steps.some((s) => s.id === m.step), `module 1 has no step ${m.step}`);
      assert.ok(spec.checks.find((c) => c.id === m.check)?.step === m.step || spec.steps.find((s) => s.id === m.step)?.doneWhen.kind === 'check', `check ${m.check} is not step ${m.step}'s`);
      const folder = plant(slug, m);
      const [result] = await runChecks(spec, folder, { runner: nodeProcessRunner, moduleDir: dir, only: [m.check] });
      assert.ok(result, `no result for ${m.check}`);
      assert.equal(result.status, 'fail', `${m.check} passed with the mistake: ${result.message}`);
      assert.match(`${result.message} ${result.problems.map((p) => p.message).join(' ')}`, m.says);
      const at = result.location;
      assert.ok(at && fs.existsSync(path.join(folder, at.file)) && (at.line ?? 0) > 0, `no file:line in the learner's folder: ${JSON.stringify(at)}`);
    });
  }
});
