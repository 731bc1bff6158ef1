import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { nodeProcessRunner } from '../../../src/core/host/nodeProcessRunner';
import { scanFolder } from '../../../src/core/tasks/folderScan';
import { tasksForFolder } from '../../../src/core/tasks/taskCatalog';
import { memoryFolder } from './memoryFolder';

// Names a learner may well have: spaces, quotes, a `;` that a shell would run as a second command.
const awkward = `my "svc"; echo pwned $HOME`;

describe('task arguments', () => {
  it('keep names with spaces, quotes and ; as single arguments', async () => {
    const facts = await scanFolder(
      'x',
      memoryFolder({
        [`${awkward}/Dockerfile`]: 'FROM scratch\nEXPOSE 8080\n',
        [`it's "here"; ls.yaml`]: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: order\nspec:\n  ports:\n    - port: 8080\n',
        [`${awkward}/chart/Chart.yaml`]: 'name: c\n',
      }),
    );
    const tasks = tasksForFolder(facts);
    const build = tasks.find((t) => t.kind === 'docker-build');
    assert.ok(build);
    assert.deepEqual(build.args, ['build', '-t', 'my-svc-echo-pwned-home:dev', '-f', `${awkward}/Dockerfile`, awkward]);
    const apply = tasks.find((t) => t.kind === 'kubectl-apply');
    assert.deepEqual(apply?.args, ['apply', '-f', `it's "here"; ls.yaml`]);
    const lint = tasks.find((t) => t.kind === 'helm-lint');
    assert.deepEqual(lint?.args, ['lint', `${awkward}/chart`]);
  });

  it('arrive in the started process exactly as built (no shell in between)', async () => {
    const facts = await scanFolder('x', memoryFolder({ [`${awkward}/Dockerfile`]: 'FROM scratch\n' }));
    const build = tasksForFolder(facts).find((t) => t.kind === 'docker-build');
    assert.ok(build);
    // Stand in for docker: a node process that prints the argv it received.
    const result = await nodeProcessRunner.run(process.execPath, ['-e', 'process.stdout.write(JSON.stringify(process.argv.slice(1)))', ...build.args], {});
    assert.equal(result.exitCode, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), build.args);
    assert.equal((JSON.parse(result.stdout) as string[]).length, 6);
  });
});
