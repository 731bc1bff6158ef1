import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { eventCatalogCheck } from '../../../../src/core/checks/kinds/catalog';
import type { CheckContext, CheckSpec } from '../../../../src/core/checks/types';
import { nodeCourseFs } from '../../../../src/core/host/nodeCourseFs';
import { repoRoot } from '../../generate/helpers';
import { runEventCatalogLinter } from '../../generate/linter';

const module8 = path.join(repoRoot, 'walkthroughs', '08-event-catalog');
const spec: CheckSpec = { id: 'catalog', kind: 'event-catalog', title: 'catalog', catalog: 'eventcatalog', events: 'events/*.{yaml,yml}' };
const owners: CheckSpec = { id: 'owners', kind: 'event-catalog', title: 'owners', catalog: 'eventcatalog', requireUserOwner: true, requireDomains: true };

function ctx(folder: string): CheckContext {
  const unused = (): never => {
    throw new Error('not used by event-catalog');
  };
  return { folder, runner: { run: unused }, fs: nodeCourseFs, eventYaml: { validate: unused }, mermaid: { validate: unused } };
}

function copy(from: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'edgo-catalog-check-'));
  cpSync(from, dir, { recursive: true });
  return dir;
}

describe('event-catalog check kind', () => {
  it('validates its own fields', () => {
    assert.deepEqual(eventCatalogCheck.validate(spec), []);
    assert.equal(eventCatalogCheck.validate({ id: 'x', kind: 'event-catalog', title: 't' }).length, 1);
    assert.equal(eventCatalogCheck.validate({ ...owners, requireDomains: 'yes' }).length, 1);
  });

  it('passes on the module 8 solution and fails on the starter with a way forward', async () => {
    const solved = await eventCatalogCheck.run(spec, ctx(path.join(module8, 'solution')));
    assert.equal(solved.status, 'pass', solved.message);
    assert.match(solved.message, /documents all 3 event/);
    assert.equal((await eventCatalogCheck.run(owners, ctx(path.join(module8, 'solution')))).status, 'pass');
    const starter = await eventCatalogCheck.run(spec, ctx(path.join(module8, 'starter')));
    assert.equal(starter.status, 'fail');
    assert.match(starter.message, /Generate Event Catalog/);
  });

  it('the module 8 solution catalog also passes the real @eventcatalog/linter with no problem', async () => {
    const result = await runEventCatalogLinter(path.join(module8, 'solution', 'eventcatalog'));
    assert.equal(result.errors, 0, result.output);
    assert.equal(result.warnings, 0, result.output);
    assert.match(result.output, /No problems found/);
  });

  it('reports a missing event page at the YAML line, and a validator error at its line', async () => {
    const dir = copy(path.join(module8, 'solution'));
    try {
      rmSync(path.join(dir, 'eventcatalog', 'events', 'inventory-rejected'), { recursive: true });
      const page = path.join(dir, 'eventcatalog', 'events', 'order-created', 'index.mdx');
      writeFileSync(page, readFileSync(page, 'utf8').replace('version: 1.0.0', 'version: 1.0'));
      const result = await eventCatalogCheck.run(spec, ctx(dir));
      assert.equal(result.status, 'fail');
      const missing = (result.problems ?? []).find((p) => p.message.startsWith('inventory.rejected has no page'));
      assert.deepEqual(missing?.location, { file: 'events/inventory.rejected.yaml', line: 2 });
      const version = (result.problems ?? []).find((p) => p.location?.file === 'eventcatalog/events/order-created/index.mdx');
      assert.equal(version?.location?.line, 4, JSON.stringify(result.problems ?? []));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('asks for a person among the owners and a domain for every service', async () => {
    const dir = copy(path.join(module8, 'solution'));
    try {
      rmSync(path.join(dir, 'eventcatalog', 'users'), { recursive: true });
      rmSync(path.join(dir, 'eventcatalog', 'domains', 'inventory'), { recursive: true });
      const result = await eventCatalogCheck.run(owners, ctx(dir));
      assert.equal(result.status, 'fail');
      assert.ok((result.problems ?? []).some((p) => /add yourself as a user/.test(p.message)));
      assert.equal((result.problems ?? []).filter((p) => /has no person/.test(p.message)).length, 3);
      assert.ok((result.problems ?? []).some((p) => /service inventory-service is in no domain/.test(p.message)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
