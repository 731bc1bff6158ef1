// The file checks read the learner's folder only through CheckContext.fs: here an in-memory one, no disk.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { runChecks, type CheckSpec, type ModuleSpec } from '../../../src/core/checks';
import { memoryCourseFs } from './memoryCourseFs';
import { noGo } from './helpers';
import { locateSubject } from '../../../src/core/checks/goCodeUnderTest';

const only = (...checks: CheckSpec[]): ModuleSpec => ({ title: 't', description: 'd', steps: [], checks, expect: { starterFails: [], starterMessages: {} } });
const folder = '/learner/booking';
const notes = '# Booking\n\n## Events\n\nAn order is placed when the guest confirms the booking and pays the deposit.\n';
const checks = only(
  { id: 'files', kind: 'files-exist', title: 'files', paths: ['docs/booking-context.md', 'events/*.yaml'] },
  { id: 'notes', kind: 'markdown-sections', title: 'notes', file: 'docs/booking-context.md', headings: ['Events'], minWords: 10 },
);

describe('file checks over an in-memory CourseFs', () => {
  it('pass when the files are in the in-memory folder', async () => {
    const fs = memoryCourseFs({ [`${folder}/docs/booking-context.md`]: notes, [`${folder}/events/order-placed.yaml`]: 'name: order.placed\n' });
    const results = await runChecks(checks, folder, { runner: noGo, fs });
    assert.deepEqual(
      results.map((r) => [r.id, r.status, r.message]),
      [
        ['files', 'pass', 'docs/booking-context.md, events/*.yaml exist.'],
        ['notes', 'pass', 'docs/booking-context.md has the sections Events, each in your own words.'],
      ],
    );
  });

  it('fail with the same messages and places as on disk when a file is missing or thin', async () => {
    const fs = memoryCourseFs({ [`${folder}/docs/booking-context.md`]: '# Booking\n\n## Events\n\nTODO\n' });
    const [files, thin] = await runChecks(checks, folder, { runner: noGo, fs });
    assert.equal(files?.status, 'fail');
    assert.equal(files?.message, '1 of 2 expected files are missing: events/*.yaml is missing (events/*.yaml).');
    assert.deepEqual(files?.location, { file: 'events/*.yaml' });
    assert.equal(thin?.status, 'fail');
    assert.deepEqual(thin?.location, { file: 'docs/booking-context.md', line: 5 });
  });

  it('refuses a folder the in-memory file system does not hold', async () => {
    await assert.rejects(runChecks(checks, '/nowhere', { runner: noGo, fs: memoryCourseFs({}) }), /\/nowhere is not a folder/);
  });
});

describe("a failed Go test located at the learner's code, read through the same CourseFs", () => {
  const learner = (files: Record<string, string>) => ({ fs: memoryCourseFs(files), folder });
  const subject = { file: 'order/usecase/create.go', func: 'CreateOrder.Execute' };
  const create = 'package usecase\n\ntype CreateOrder struct{}\n\nfunc (c *CreateOrder) Execute() error {\n\treturn nil\n}\n';

  it('finds the method in its file, or beside it when it moved, in the in-memory folder', () => {
    assert.deepEqual(locateSubject(learner({ [`${folder}/order/usecase/create.go`]: create }), subject), { file: 'order/usecase/create.go', line: 5, column: 23 });
    assert.deepEqual(locateSubject(learner({ [`${folder}/order/usecase/create.go`]: 'package usecase\n', [`${folder}/order/usecase/execute.go`]: create }), subject)?.file, 'order/usecase/execute.go');
    assert.equal(locateSubject(learner({ [`${folder}/order/usecase/create.go`]: 'package usecase\n' }), subject), undefined);
  });
});
