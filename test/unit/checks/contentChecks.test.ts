import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { nodeCourseFs, runChecks, type CheckSpec, type ModuleSpec } from '../../../src/core/checks';
import { globToRegExp } from '../../../src/core/checks/files';
import { markdownHeadings } from '../../../src/core/checks/fileChecks';
import { noGo, tempFolder } from './helpers';

const only = (check: CheckSpec): ModuleSpec => ({ title: 't', description: 'd', steps: [], checks: [check], expect: { starterFails: [], starterMessages: {} } });
const goodEvent = 'name: order.placed\nversion: 1.0.0\nsummary: An order was placed.\npayload:\n  type: object\n  properties:\n    orderId:\n      type: string\n';

describe('globs', () => {
  it('match *, ** and {a,b} over relative paths', () => {
    assert.ok(globToRegExp('events/*.yaml').test('events/order-placed.yaml'));
    assert.ok(!globToRegExp('events/*.yaml').test('events/sub/x.yaml'));
    assert.ok(globToRegExp('**/*.{md,mmd}').test('README.md'));
    assert.ok(globToRegExp('**/*.{md,mmd}').test('docs/flow/seq.mmd'));
    assert.ok(!globToRegExp('**/*.{md,mmd}').test('docs/x.mdx'));
  });
});

describe('files-exist', () => {
  it('passes when every path exists, and a glob matches something', async () => {
    const f = tempFolder({ 'docs/booking-context.md': '# Booking', 'events/a.yaml': goodEvent });
    try {
      const [r] = await runChecks(only({ id: 'f', kind: 'files-exist', title: 'files', paths: ['docs/booking-context.md', 'events/*.yaml'] }), f.dir, { runner: noGo, fs: nodeCourseFs });
      assert.equal(r?.status, 'pass', r?.message);
    } finally {
      f.dispose();
    }
  });

  it('names each missing file', async () => {
    const f = tempFolder({ 'a.md': '' });
    try {
      const [r] = await runChecks(only({ id: 'f', kind: 'files-exist', title: 'files', paths: ['a.md', 'docs/booking-context.md'] }), f.dir, { runner: noGo, fs: nodeCourseFs });
      assert.equal(r?.status, 'fail');
      assert.equal(r?.problems.length, 1);
      assert.deepEqual(r?.location, { file: 'docs/booking-context.md' });
      assert.match(r?.message ?? '', /1 of 2 expected files are missing: docs\/booking-context\.md is missing/);
    } finally {
      f.dispose();
    }
  });
});

describe('markdown-sections', () => {
  const check: CheckSpec = { id: 's', kind: 'markdown-sections', title: 'sections', file: 'README.md', headings: ['Setup', 'API', 'Events'] };
  it('finds headings of any level, ignoring case and fenced code', () => {
    const hs = markdownHeadings('# Title\n```\n# not a heading\n```\n### Events ###\n');
    assert.deepEqual(hs, [
      { text: 'Title', line: 1 },
      { text: 'Events', line: 5 },
    ]);
  });

  it('passes with the sections in different words around them', async () => {
    const f = tempFolder({ 'README.md': '# Shop\n## Setup and running\n## The API\n### events we emit\n' });
    try {
      const [r] = await runChecks(only(check), f.dir, { runner: noGo, fs: nodeCourseFs });
      assert.equal(r?.status, 'pass', r?.message);
    } finally {
      f.dispose();
    }
  });

  it('lists the missing sections, and a missing file', async () => {
    const f = tempFolder({ 'README.md': '# Shop\n## Setup\n```md\n## API\n```\n' });
    try {
      const [r] = await runChecks(only(check), f.dir, { runner: noGo, fs: nodeCourseFs });
      assert.equal(r?.status, 'fail');
      assert.deepEqual(
        r?.problems.map((p) => p.message),
        ['add a "## API" section', 'add a "## Events" section'],
      );
      const [m] = await runChecks(only({ ...check, file: 'docs/API.md' }), f.dir, { runner: noGo, fs: nodeCourseFs });
      assert.match(m?.message ?? '', /docs\/API\.md is missing/);
    } finally {
      f.dispose();
    }
  });
});

describe('event-yaml', () => {
  const check: CheckSpec = { id: 'e', kind: 'event-yaml', title: 'events', glob: 'events/*.yaml', min: 2, requiredKeys: ['name'] };
  it('passes when enough files validate', async () => {
    const f = tempFolder({ 'events/a.yaml': goodEvent, 'events/b.yaml': goodEvent.replace('order.placed', 'order.paid') });
    try {
      const [r] = await runChecks(only(check), f.dir, { runner: noGo, fs: nodeCourseFs });
      assert.equal(r?.status, 'pass', r?.message);
    } finally {
      f.dispose();
    }
  });

  it('fails with too few files, a YAML error at its line, and a missing key', async () => {
    const f = tempFolder({ 'events/a.yaml': goodEvent });
    try {
      const [few] = await runChecks(only(check), f.dir, { runner: noGo, fs: nodeCourseFs });
      assert.match(few?.message ?? '', /Found 1 event file matching events\/\*\.yaml; the step asks for at least 2/);
    } finally {
      f.dispose();
    }
    const g = tempFolder({ 'events/a.yaml': 'name: A\npayload:\n  x: [1, 2\n', 'events/b.yaml': 'version: 1\n' });
    try {
      const [r] = await runChecks(only(check), g.dir, { runner: noGo, fs: nodeCourseFs });
      assert.equal(r?.status, 'fail');
      assert.equal(r?.problems[0]?.location?.file, 'events/a.yaml');
      assert.ok((r?.problems[0]?.location?.line ?? 0) >= 3, 'the YAML error is on line 3 or later');
      const b = r?.problems.filter((p) => p.location?.file === 'events/b.yaml') ?? [];
      assert.ok(
        b.some((p) => /needs `name` or `eventType`/.test(p.message)),
        'the event validator of src/core/events judges the file',
      );
    } finally {
      g.dispose();
    }
  });

  it('checks requiredKeys on an event the schema accepts', async () => {
    // The module 4 form is a valid event without `name`: only requiredKeys fails it.
    const f = tempFolder({ 'events/a.yaml': 'eventType: order.created\npayload:\n  orderId: UUID\n', 'events/b.yaml': goodEvent });
    try {
      const [r] = await runChecks(only(check), f.dir, { runner: noGo, fs: nodeCourseFs });
      assert.ok(
        r?.problems.some((p) => p.message === '"name" is missing' && p.location?.file === 'events/a.yaml' && p.location.line === 1),
        JSON.stringify(r?.problems),
      );
      assert.ok(
        r?.problems.every((p) => p.location?.file === 'events/a.yaml'),
        'the complete event passes',
      );
    } finally {
      f.dispose();
    }
  });

  it('uses the injected validator', async () => {
    const f = tempFolder({ 'events/a.yaml': goodEvent, 'events/b.yaml': goodEvent });
    try {
      const eventYaml = {
        validate: (_t: string, file: string) =>
          file.endsWith('b.yaml') ? [{ range: { start: { line: 3, character: 2 }, end: { line: 3, character: 9 } }, severity: 'error' as const, code: 'x', message: 'orderId must be a uuid', source: 't' }] : [],
      };
      const [r] = await runChecks(only(check), f.dir, { runner: noGo, fs: nodeCourseFs, eventYaml });
      assert.deepEqual(r?.location, { file: 'events/b.yaml', line: 4, column: 3 });
    } finally {
      f.dispose();
    }
  });
});

describe('mermaid', () => {
  const check: CheckSpec = { id: 'm', kind: 'mermaid', title: 'diagrams', glob: '**/*.{md,mmd}', min: 1 };
  it('passes a valid diagram and fails an unknown diagram type at its line', async () => {
    const f = tempFolder({ 'docs/flow.md': '# Flow\n\n```mermaid\nsequenceDiagram\n  Orders->>Payments: OrderPlaced\n```\n' });
    try {
      const [ok] = await runChecks(only(check), f.dir, { runner: noGo, fs: nodeCourseFs });
      assert.equal(ok?.status, 'pass', ok?.message);
    } finally {
      f.dispose();
    }
    const g = tempFolder({ 'docs/flow.md': '# Flow\n\n```mermaid\n\nsequenceDiagrm\n  A->>B: x\n```\n' });
    try {
      const [bad] = await runChecks(only(check), g.dir, { runner: noGo, fs: nodeCourseFs });
      assert.equal(bad?.status, 'fail');
      assert.equal(bad?.location?.file, 'docs/flow.md');
      assert.equal(bad?.location?.line, 5, "Mermaid's own parser locates the error on the file's line");
    } finally {
      g.dispose();
    }
  });

  it('fails when there are fewer diagrams than asked', async () => {
    const f = tempFolder({ 'README.md': '# nothing here\n' });
    try {
      const [r] = await runChecks(only(check), f.dir, { runner: noGo, fs: nodeCourseFs });
      assert.equal(r?.status, 'fail');
      assert.match(r?.message ?? '', /Found 0 Mermaid diagrams/);
    } finally {
      f.dispose();
    }
  });

  it("locates too few diagrams at the first diagram of the learner's file", async () => {
    const f = tempFolder({ 'docs/sketch.md': '# Sketch\n\n```mermaid\nflowchart LR\n  A --> B\n```\n' });
    try {
      const [r] = await runChecks(only({ ...check, min: 2 }), f.dir, { runner: noGo, fs: nodeCourseFs });
      assert.equal(r?.status, 'fail');
      assert.match(r?.message ?? '', /Found 1 Mermaid diagram in .*; the step asks for at least 2: add 1 more/);
      assert.deepEqual(r?.location, { file: 'docs/sketch.md', line: 4 });
    } finally {
      f.dispose();
    }
  });
});
