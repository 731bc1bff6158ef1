// `edgo validate` on the broken Mermaid fixtures: one `file:line:col` line per error, exit code 1.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { runValidate } from '../../../src/cli/validate';

const fixtures = path.resolve(__dirname, '..', '..', 'fixtures', 'mermaid');

describe('edgo validate (mermaid)', { timeout: 120_000 }, () => {
  it("reports broken .mmd files and Markdown fences at the learner's lines", async () => {
    let out = '';
    const code = await runValidate([fixtures], (s) => (out += s));
    assert.equal(code, 1);
    const lines = out
      .trim()
      .split('\n')
      .map((l) => l.replace(/^.*fixtures\/mermaid\//, ''));
    const where = lines.map((l) => l.split(' ').slice(0, 3).join(' '));
    assert.deepEqual(where, [
      'broken-crlf-sequence.mmd:4:4 error mermaid/syntax',
      'broken-fences.md:17:17 error mermaid/syntax',
      'broken-fences.md:27:3 error mermaid/syntax',
      'broken-fences.md:32:1 error mermaid/semantic',
      'broken-frontmatter-flowchart.mmd:10:10 error mermaid/syntax',
      'broken-langium-pie.mmd:5:10 error mermaid/syntax',
      'broken-semantic-gitgraph.mmd:5:3 error mermaid/semantic',
    ]);
    assert.match(out, /broken-fences\.md:27:3 error mermaid\/syntax Syntax error: Expecting token of type ':' but found the end of the line\./);
  });
});
