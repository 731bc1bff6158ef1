import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { locateMermaidError, tidyMessage } from '../../../src/core/mermaid/errors';

// Errors shaped as mermaid 12.3.0 throws them (recorded from the real parser).
function jison(message: string, loc: { first_line: number; last_line: number; first_column: number; last_column: number }): Error {
  return Object.assign(new Error(message), { hash: { loc, line: loc.first_line - 1 } });
}

describe('locateMermaidError', () => {
  it('prefers hash.loc over the "line N" of the message and adds frontmatter lines', () => {
    const diagram = '---\ntitle: x\n---\nflowchart LR\n  A-->B\n  C--\n';
    const err = jison("Parse error on line 5:\n...t LR  A-->B  C--\n-------------------^\nExpecting 'STR', got '1'", {
      first_line: 3,
      last_line: 5,
      first_column: 3,
      last_column: 0,
    });
    const located = locateMermaidError(diagram, err);
    assert.deepEqual(located.start, { line: 5, character: 3 });
    assert.equal(located.message, "Syntax error: Expecting 'STR', got '1'");
    assert.equal(located.exact, true);
  });

  it('counts %% comment lines Mermaid removed before parsing', () => {
    const diagram = '%% one\n%% two\ngraph TD\n  A-->B\n  B-->>C\n';
    const err = jison('Parse error on line 3:\nx\n-^\nExpecting x', { first_line: 3, last_line: 3, first_column: 3, last_column: 6 });
    const located = locateMermaidError(diagram, err);
    assert.deepEqual(
      [located.start, located.end],
      [
        { line: 4, character: 3 },
        { line: 4, character: 6 },
      ],
    );
  });

  it('reads Langium line and column from the message (1-based column)', () => {
    const diagram = 'pie\n  %% c\n  "a": 1\n  "b" 2\n';
    const err = Object.assign(new Error("Parsing failed:  Parse error on line 3, column 7: Expecting token of type ':' but found `2`."), { name: 'MermaidParseError' });
    const located = locateMermaidError(diagram, err);
    assert.deepEqual(located.start, { line: 3, character: 6 });
    assert.equal(located.message, "Syntax error: Expecting token of type ':' but found `2`.");
  });

  it('reads Langium parserErrors tokens when present', () => {
    const diagram = '---\ntitle: t\n---\ngitGraph\n  commit id: 3\n';
    const err = Object.assign(new Error('Parsing failed: x'), {
      result: { lexerErrors: [], parserErrors: [{ token: { startLine: 2, startColumn: 14, endLine: 2, endColumn: 14, image: '3' } }] },
    });
    assert.deepEqual(locateMermaidError(diagram, err).start, { line: 4, character: 13 });
  });

  it('finds the line for errors without a position from what they quote', () => {
    const diagram = 'gitGraph\n  commit\n  branch dev\n  checkout nope\n';
    const err = new Error('Trying to checkout branch which is not yet created. (Help try using "branch nope")');
    const located = locateMermaidError(diagram, err);
    assert.equal(located.start.line, 3);
    assert.equal(located.exact, false);
  });

  it('puts an unknown diagram type on the first meaningful line', () => {
    const diagram = '%% note\n\nflowchat TD\n  A-->B';
    const located = locateMermaidError(diagram, new Error('No diagram type detected matching given configuration for text: flowchat TD\n  A-->B'));
    assert.equal(located.start.line, 2);
    assert.match(located.message, /Unknown diagram type/);
  });

  it('marks the line text when the parser stops at the line break', () => {
    const diagram = 'architecture-beta\n  oops\n';
    const located = locateMermaidError(diagram, new Error('Parsing failed: Parse error on line 2, column 7: found `\\n`.'));
    assert.deepEqual(
      [located.start, located.end],
      [
        { line: 1, character: 2 },
        { line: 1, character: 6 },
      ],
    );
  });
});

describe('tidyMessage', () => {
  it('keeps plain messages', () => {
    assert.equal(tidyMessage('Cannot merge branch'), 'Cannot merge branch');
  });
});
