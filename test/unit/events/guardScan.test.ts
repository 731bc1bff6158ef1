// checkGuards answers most files from native searches and scans the rest character by character: both must agree at every limit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkGuards, limits } from '../../../src/core/events/yamlText';

const code = (text: string) => checkGuards(text, 0)?.code;

test('the line limit falls on the same line with and without flow brackets (which take the scan)', () => {
  for (const tail of ['', 'x: [a]\n']) {
    const under = 'a: 1\n'.repeat(limits.maxLines - 1 - (tail ? 1 : 0)) + tail;
    assert.equal(code(under), undefined, `${limits.maxLines - 1} lines${tail ? ' with a flow list' : ''}`);
    assert.equal(code(`${under}b: 2\n`), 'file/too-many-lines', `${limits.maxLines} lines${tail ? ' with a flow list' : ''}`);
  }
});

test('block indentation is refused one column past the limit, and not at it', () => {
  const deepest = limits.maxDepth * 8;
  for (const head of ['', 'x: {a: 1}\n']) {
    assert.equal(code(`${head}a:\n${' '.repeat(deepest)}b: 1\n`), undefined, `${deepest} spaces${head ? ' with a flow map' : ''}`);
    const over = checkGuards(`${head}a:\n${' '.repeat(deepest + 1)}b: 1\n`, 0);
    assert.equal(over?.code, 'yaml/too-deep');
    assert.equal(over?.range.start.line, head ? 2 : 1);
  }
  assert.equal(code(`${' '.repeat(deepest + 1)}a: 1\n`), 'yaml/too-deep', 'on the first line');
});

test('NUL and undecodable bytes are found anywhere, even inside quotes, on their line', () => {
  for (const [ch, want] of [
    ['\0', 'file/binary'],
    ['\uFFFD', 'file/invalid-encoding'],
  ] as const) {
    const found = checkGuards(`a: 1\nb: "x${ch}y"\n`, 0);
    assert.equal(found?.code, want);
    assert.equal(found?.range.start.line, 1);
  }
});

test('a file that trips nothing is passed whichever way it is read', () => {
  const catalog = `name: Shop\nevents:\n${Array.from({ length: 1000 }, (_, i) => `  - name: shop.e${i}.created\n    version: "1.0.0" # quoted, with a comment\n`).join('')}`;
  assert.equal(code(catalog), undefined);
  assert.equal(code(`${catalog}tags: [a, "b, c", {d: 1}]\n`), undefined);
});
