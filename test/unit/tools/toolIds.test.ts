import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { installHint } from '../../../src/core/preflight/installHints';
import { toolSpecs } from '../../../src/core/preflight/toolSpecs';
import { toolIds } from '../../../src/core/tools/toolIds';

const repoRoot = path.resolve(__dirname, '..', '..', '..');

describe('the one tool list', () => {
  it('the preflight specs, the install hints and the edgo.tools.* settings follow it', () => {
    assert.deepEqual(
      toolSpecs.map((s) => s.id),
      [...toolIds],
    );
    for (const id of toolIds) assert.ok(installHint(id, 'linux').options.length > 0, `${id} has install hints`);
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, unknown> } } };
    const settings = Object.keys(pkg.contributes.configuration.properties)
      .filter((k) => k.startsWith('edgo.tools.'))
      .map((k) => k.slice('edgo.tools.'.length));
    assert.deepEqual([...settings].sort(), [...toolIds].sort());
  });
});
