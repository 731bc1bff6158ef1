import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { missingToolLines } from '../../../src/core/preflight/missingTool';

describe('missingToolLines (what a task prints when its tool is missing)', () => {
  it('names the tool, why it matters and the install commands for the OS', () => {
    const text = missingToolLines('helm', { found: false, reason: 'not-on-path' }, 'win32').join('\n');
    assert.match(text, /Helm \(helm\) was not found on the PATH your terminal uses/);
    assert.match(text, /module 7/);
    assert.match(text, /winget install --id Helm\.Helm -e/);
    assert.doesNotMatch(text, /snap/);
  });

  it('blames a wrong edgo.tools setting rather than the PATH', () => {
    const text = missingToolLines('go', { found: false, reason: 'setting-missing', configured: '~/go/bin/go' }, 'linux').join('\n');
    assert.match(text, /edgo\.tools\.go says "~\/go\/bin\/go"/);
  });
});
