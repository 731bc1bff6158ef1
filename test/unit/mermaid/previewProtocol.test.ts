// Forged messages from the preview's webview: the host rebuilds a message from
// checked fields or drops it. The webview runs Mermaid on the learner's text, so
// a diagram that escapes Mermaid's sandbox must not reach the disk through the host.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { isExportData, messageLimits, parsePreviewState, parseWebviewMessage } from '../../../src/core/mermaid/previewProtocol';

const rendered = { type: 'rendered', uri: 'file:///ws/a.mmd', version: 3, theme: 'dark', durationMs: 12.5, diagrams: [{ index: 0, svg: '<svg></svg>', rerendered: true }] };

describe('messages from the preview webview', () => {
  it('the messages the webview sends pass, rebuilt without extra fields', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseWebviewMessage({ type: 'export', index: 1, format: 'png', path: '/etc/x' }), { type: 'export', index: 1, format: 'png' });
    assert.deepEqual(parseWebviewMessage({ type: 'reveal', index: 0, line: 4 }), { type: 'reveal', index: 0, line: 4 });
    assert.deepEqual(parseWebviewMessage({ type: 'exportResult', requestId: 2, data: 'iVBORw0KGgo=' }), { type: 'exportResult', requestId: 2, data: 'iVBORw0KGgo=' });
    assert.deepEqual(parseWebviewMessage(rendered), rendered);
    assert.deepEqual(parseWebviewMessage({ type: 'toggleLock', target: 'x' }), { type: 'toggleLock' });
  });

  const forged: [string, unknown][] = [
    ['a format that is a path', { type: 'export', index: 0, format: '../../../home/me/.bashrc' }],
    ['a format with a suffix', { type: 'export', index: 0, format: 'svg/../../x' }],
    ['an index that is not a number', { type: 'export', index: '0', format: 'svg' }],
    ['a negative index', { type: 'export', index: -1, format: 'svg' }],
    ['an index past the limit', { type: 'reveal', index: messageLimits.diagrams }],
    ['a fractional line', { type: 'reveal', index: 0, line: 1.5 }],
    ['an SVG too large to copy', { type: 'copySvg', index: 0, svg: 'x'.repeat(messageLimits.svgChars + 1) }],
    ['export data that is not a string', { type: 'exportResult', requestId: 1, data: { path: '/tmp/x' } }],
    ['a request id that is not an integer', { type: 'exportResult', requestId: 'one', data: 'AAAA' }],
    ['a render with a diagram of the wrong shape', { ...rendered, diagrams: [{ index: 0, svg: 7, rerendered: true }] }],
    ['a render with too many diagrams', { ...rendered, diagrams: Array.from({ length: messageLimits.diagrams + 1 }, (_, i) => ({ index: i % 10, rerendered: false })) }],
    ['a render whose duration is not finite', { ...rendered, durationMs: Infinity }],
    ['an unknown type', { type: 'writeFile', path: '/etc/passwd', data: 'x' }],
    ['no type', { index: 0 }],
    ['not an object', 'export'],
    ['an array', [{ type: 'ready' }]],
    ['null', null],
  ];
  for (const [what, message] of forged) {
    it(`drops ${what}`, () => assert.equal(parseWebviewMessage(message), undefined));
  }

  it('export data must be what was asked for: base64 for PNG, SVG markup for SVG', () => {
    assert.ok(isExportData('iVBORw0KGgo=', 'png'));
    assert.ok(!isExportData('#!/bin/sh\nrm -rf ~', 'png'));
    assert.ok(isExportData('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"></svg>', 'svg'));
    assert.ok(!isExportData('#!/bin/sh\n<svg>', 'svg'));
  });

  it('the state saved by the webview is checked like a message', () => {
    assert.deepEqual(parsePreviewState({ uri: 'file:///ws/a.mmd', locked: true, extra: 1 }), { uri: 'file:///ws/a.mmd', locked: true });
    assert.equal(parsePreviewState({ uri: 42, locked: true }), undefined);
    assert.equal(parsePreviewState({ uri: 'file:///ws/a.mmd' }), undefined);
    assert.equal(parsePreviewState('file:///etc/passwd'), undefined);
  });
});
