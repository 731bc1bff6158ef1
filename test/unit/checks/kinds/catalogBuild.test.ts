// Where a failed `eventcatalog build` points: the output below is what EventCatalog
// 3.48 printed for module 8's order-created page with an unclosed <SchemaViewer>.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { buildProblems } from '../../../../src/core/checks/kinds/catalogBuild';
import { failWith } from '../../../../src/core/checks/goTool';

const unclosedTag = [
  '[astro] `markdown.remarkPlugins`, `markdown.rehypePlugins`, and `markdown.remarkRehype` are deprecated. Pass them to `unified({...})` from `@astrojs/markdown-remark` directly instead.',
  '\u001b[31m08:58:58 [ERROR] [vite] ✗ Build failed in 2.80s\u001b[39m',
  '[@mdx-js/rollup] Expected a closing tag for `<SchemaViewer>` (27:1-27:80)',
  'file: /home/learner/shop/eventcatalog/events/order-created/index.mdx:undefined:undefined',
  '  Location:',
  '    /home/learner/shop/eventcatalog/events/order-created/index.mdx:0:0',
  '  Stack trace:',
  '    at Object.handler (file:///home/learner/shop/eventcatalog/node_modules/@astrojs/mdx/dist/vite-plugin-mdx.js:57:17)',
  'Error: Command failed with exit code 1: npx astro build',
  '    at ChildProcess.<anonymous> (file:///home/learner/shop/eventcatalog/node_modules/@eventcatalog/core/dist/eventcatalog.js:798:14)',
].join('\n');

describe('event-catalog-builds: a failed build', () => {
  it("names the compiler's cause at its line of the learner's page, without the stack", () => {
    assert.deepEqual(buildProblems(unclosedTag, 'eventcatalog'), [{ message: 'Expected a closing tag for `<SchemaViewer>`', location: { file: 'eventcatalog/events/order-created/index.mdx', line: 27, column: 1 } }]);
  });

  it('without a position, shows the last lines but the stack frames, at the page it names', () => {
    const [p] = buildProblems(unclosedTag.replace(' (27:1-27:80)', ''), 'eventcatalog');
    assert.deepEqual(p?.location, { file: 'eventcatalog/events/order-created/index.mdx' });
    assert.match(p?.message ?? '', /Expected a closing tag for `<SchemaViewer>`/);
    assert.doesNotMatch(p?.message ?? '', /^\s+at |Command failed|deprecated/m);
  });

  it('says it once in the summary: the cause at its file and line', () => {
    assert.equal(failWith('eventcatalog build failed', buildProblems(unclosedTag, 'eventcatalog')).message, 'eventcatalog build failed: Expected a closing tag for `<SchemaViewer>` (eventcatalog/events/order-created/index.mdx:27).');
  });

  it('at the config when no page is named', () => {
    const [p] = buildProblems('[ERROR] something broke', 'eventcatalog');
    assert.deepEqual(p?.location, { file: 'eventcatalog/eventcatalog.config.js' });
  });
});
