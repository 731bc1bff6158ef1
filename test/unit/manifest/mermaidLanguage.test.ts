// The mermaid language contribution: files exist, JSON parses, %% is the line
// comment, and the grammar's patterns compile (as JavaScript regexes, close to Oniguruma's).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const root = path.resolve(__dirname, '..', '..', '..');
const read = (p: string): unknown => JSON.parse(fs.readFileSync(path.join(root, p), 'utf8'));

function patterns(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => patterns(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (['match', 'begin', 'end', 'while'].includes(k) && typeof v === 'string') out.push(v);
      else patterns(v, out);
    }
  }
  return out;
}

describe('mermaid language contribution', () => {
  const pkg = read('package.json') as { contributes: { languages: { id: string; extensions: string[]; configuration: string }[]; grammars: { path: string; scopeName: string }[] } };

  it('declares .mmd and .mermaid with a configuration whose line comment is %%', () => {
    const lang = pkg.contributes.languages.find((l) => l.id === 'mermaid');
    assert.deepEqual(lang?.extensions, ['.mmd', '.mermaid']);
    const config = read(lang?.configuration ?? '') as { comments: { lineComment: string } };
    assert.equal(config.comments.lineComment, '%%');
    assert.match(lang?.configuration ?? '', /^\.\/language-configuration[^/]*\.json$/, 'must match !language-configuration*.json in .vscodeignore');
  });

  it('has grammars whose patterns compile and that colour keywords and comments', () => {
    for (const g of pkg.contributes.grammars.filter((g) => g.scopeName.includes('mermaid'))) {
      const grammar = read(g.path);
      for (const p of patterns(grammar)) assert.doesNotThrow(() => new RegExp(p.replace(/\\A|\\G|\(\?i:/g, (m) => (m === '(?i:' ? '(?:' : ''))), `${g.path}: ${p}`);
    }
    const main = read('syntaxes/mermaid.tmLanguage.json') as { repository: { comment: { match: string }; 'diagram-type': { match: string } } };
    assert.match('  %% a note', new RegExp(main.repository.comment.match));
    assert.match('sequenceDiagram', new RegExp(main.repository['diagram-type'].match));
    assert.match('flowchart LR', new RegExp(main.repository['diagram-type'].match));
  });
});
