// Hover in a GitHub Actions workflow, over the real language server: the keys
// a learner writes in module 10's CI/CD step get the course's own help text
// (the generated workflow schema has no descriptions).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { ensureBuilt, fileUri, LspClient } from './lspClient';

const workflow = `name: ci
on:
  push:
    branches: [main]
jobs:
  test:
    runs-on: ubuntu-latest
    timeout-minutes: 10
    services:
      nats:
        image: nats:2
    steps:
      - uses: actions/checkout@v4
      - run: go test -race ./...
  deploy:
    needs: test
    if: github.ref == 'refs/heads/main'
    runs-on: ubuntu-latest
    steps:
      - run: helm upgrade --install order ./chart
`;

describe('language server: hover in a GitHub workflow', () => {
  let client: LspClient;
  let ws: string;
  let uri: string;

  before(async () => {
    ensureBuilt();
    ws = fs.mkdtempSync(path.join(os.tmpdir(), 'edgo-lsp-workflow-'));
    uri = fileUri(path.join(ws, '.github', 'workflows', 'ci.yml'));
    client = LspClient.server({ debounceMs: 0 });
    await client.initialize(ws, { debounceMs: 0 });
    assert.deepEqual(await client.open(uri, workflow), []);
  });

  after(async () => {
    await client.stop();
    fs.rmSync(ws, { recursive: true, force: true });
  });

  /** The hover text at the first occurrence of `key` on line `line` (1-based). */
  async function hoverAt(line: number, key: string): Promise<Hover | null> {
    const character = (workflow.split('\n')[line - 1] ?? '').indexOf(key) + 1;
    assert.ok(character > 0, `${key} on line ${line}`);
    return client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: line - 1, character } });
  }
  const text = (h: Hover | null) => (h?.contents as MarkupContent | undefined)?.value ?? '';

  it('hovering `runs-on` explains the runner, over the key', async () => {
    const h = await hoverAt(7, 'runs-on');
    assert.match(text(h), /^\*\*runs-on\*\*\n\nThe machine the job runs on/);
    assert.deepEqual(h?.range, { start: { line: 6, character: 4 }, end: { line: 6, character: 11 } });
  });

  it('explains the keys of triggers, jobs, services and steps by where they stand', async () => {
    const expected: [number, string, RegExp][] = [
      [2, 'on', /What starts the workflow/],
      [3, 'push', /commits are pushed/],
      [4, 'branches', /Only these branches/],
      [6, 'test', /A job: a list of steps/],
      [8, 'timeout-minutes', /cancelled after this many minutes \(default 360\)/],
      [9, 'services', /Containers started beside the job/],
      [11, 'image', /image of the service container/],
      [13, 'uses', /Runs an action/],
      [14, 'run', /Shell commands/],
      [16, 'needs', /must finish successfully/],
      [17, 'if', /Runs the job only when/],
    ];
    for (const [line, key, help] of expected) assert.match(text(await hoverAt(line, key)), help, `${key} on line ${line}`);
  });

  it('says nothing on a value, or outside a workflow', async () => {
    assert.equal(await hoverAt(7, 'ubuntu-latest'), null);
    const other = fileUri(path.join(ws, 'config.yaml'));
    await client.open(other, 'runs-on: x\n');
    assert.equal(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: other }, position: { line: 0, character: 2 } }), null);
  });
});
