import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { cleanDiagram, frontmatterLength } from '../../../src/core/mermaid/preprocess';

describe('cleanDiagram', () => {
  it('strips frontmatter, directives, %% comments and leading blanks like Mermaid', () => {
    const text = '---\ntitle: T\n---\n\n%%{init: {"theme":"dark"}}%%\n%% comment\nflowchart TD\n  %% inner\n  A-->B\n';
    const cleaned = cleanDiagram(text);
    assert.equal(cleaned.text, 'flowchart TD\n  A-->B\n');
    assert.deepEqual(cleaned.toOriginal(0, 0), { line: 6, character: 0 });
    assert.deepEqual(cleaned.toOriginal(1, 2), { line: 8, character: 2 });
    assert.equal(cleaned.firstLine, 6);
  });

  it('keeps CRLF line numbers', () => {
    const cleaned = cleanDiagram('%% c\r\ngraph TD\r\n  A-->B\r\n');
    assert.equal(cleaned.text, 'graph TD\n  A-->B\n');
    assert.deepEqual(cleaned.toOriginal(1, 4), { line: 2, character: 4 });
  });

  it('maps a position past the end of a line to that line', () => {
    const cleaned = cleanDiagram('graph TD\n  A-->');
    assert.deepEqual(cleaned.toOriginal(1, 40), { line: 1, character: 6 });
  });

  it('measures indented frontmatter and the blank lines after it', () => {
    assert.equal(frontmatterLength('---\na: 1\n---\n\ngraph'), '---\na: 1\n---\n\n'.length);
    assert.equal(frontmatterLength('  ---\n  a: 1\n  ---\n  graph'), '  ---\n  a: 1\n  ---\n'.length);
    assert.equal(frontmatterLength('---\na: 1\n'), 0);
    assert.equal(frontmatterLength('graph TD'), 0);
  });
});
