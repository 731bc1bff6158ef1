import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isWorkflowPath } from '../../../src/core/language/recognise';
import { createKindsFeature } from '../../../src/server/kindsFeature';

const bad = 'on:\n  pushh: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n';

describe('language server: workflow diagnostics', () => {
  const feature = createKindsFeature();
  const validate = (uri: string, text: string) => feature.validate?.(TextDocument.create(uri, 'yaml', 1, text)) as ReturnType<NonNullable<typeof feature.validate>>;

  it('reports schema errors in .github/workflows files at the offending key', async () => {
    const diags = await validate('file:///w/repo/.github/workflows/ci.yml', bad);
    assert.equal(diags.length, 1);
    assert.equal(diags[0]?.range.start.line, 1);
    assert.equal(diags[0]?.code, 'workflow/unknown-key');
    assert.equal(diags[0]?.severity, 1);
  });

  it('leaves other YAML alone', async () => {
    assert.deepEqual(await validate('file:///w/repo/deploy/values.yaml', bad), []);
    assert.deepEqual(await validate('file:///w/repo/.github/dependabot.yml', bad), []);
  });

  it('knows workflow paths on both separators', () => {
    assert.ok(isWorkflowPath('/w/.github/workflows/ci.yaml'));
    assert.ok(isWorkflowPath('C:\\w\\.github\\workflows\\ci.yml'));
    assert.ok(!isWorkflowPath('/w/.github/workflows/sub/ci.yml'));
  });
});
