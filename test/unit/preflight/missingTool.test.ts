import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { missingToolLines, missingToolMessage, toolNotFoundExplanation } from '../../../src/core/preflight/missingTool';

describe('missingToolLines (what a task prints when its tool is missing)', () => {
  it('names the tool, why it matters and the install commands for the OS', () => {
    const text = missingToolLines('helm', { reason: 'not-found' }, 'win32').join('\n');
    assert.match(text, /Helm \(helm\) was not found: it is not on the PATH, nor in the folders where its installers put it/);
    assert.match(text, /module 7/);
    assert.match(text, /winget install --id Helm\.Helm -e/);
    assert.doesNotMatch(text, /snap/);
  });

  it('blames a wrong edgo.tools setting rather than the PATH', () => {
    const text = missingToolLines('go', { reason: 'setting-missing', configured: '~/go/bin/go' }, 'linux').join('\n');
    assert.match(text, /edgo\.tools\.go says "~\/go\/bin\/go"/);
    assert.doesNotMatch(text, /Install it/, 'a wrong setting is not a missing install');
  });

  it('a check says what the preflight says, then the install commands', () => {
    const message = missingToolMessage('go', { reason: 'not-found' }, 'darwin');
    assert.ok(message.startsWith(toolNotFoundExplanation('go', { reason: 'not-found' })), message);
    assert.match(message, /`brew install go` \(Homebrew\); more at https:\/\/go\.dev\/doc\/install\./);
  });
});
