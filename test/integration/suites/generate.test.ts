import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';

import { fixture } from '../helpers';

interface Outcome {
  written: string[];
  skipped: string[];
}

describe('generate commands', () => {
  let ws: string;
  before(() => {
    ws = fs.mkdtempSync(path.join(os.tmpdir(), 'edgo-gen-it-'));
    fs.cpSync(fixture('generate/shop'), ws, { recursive: true });
  });
  after(() => fs.rmSync(ws, { recursive: true, force: true }));

  it('edgo.catalog.generate writes the catalog and keeps a learner-edited schema when told to', async () => {
    const first = await vscode.commands.executeCommand<Outcome>('edgo.catalog.generate', { folder: ws, overwrite: false });
    assert.ok(first && first.written.includes('events/order-created/index.mdx'), JSON.stringify(first));
    const schema = path.join(ws, 'eventcatalog', 'events', 'order-created', 'schema.json');
    fs.writeFileSync(schema, '{"mine": true}\n');
    const yaml = path.join(ws, 'order', 'events', 'order.created.yaml');
    fs.writeFileSync(yaml, fs.readFileSync(yaml, 'utf8').replace('minimum: 1', 'minimum: 3'));
    const second = await vscode.commands.executeCommand<Outcome>('edgo.catalog.generate', { folder: ws, overwrite: false });
    assert.deepEqual(second.skipped, ['events/order-created/schema.json']);
    assert.equal(fs.readFileSync(schema, 'utf8'), '{"mine": true}\n');
  });

  it('edgo.docs.generate writes docs and README blocks', async () => {
    // The fixture's README.md exists, so the yes to changing it is given up front.
    const outcome = await vscode.commands.executeCommand<Outcome>('edgo.docs.generate', { folder: ws, overwrite: true });
    assert.ok(outcome.written.includes('docs/architecture.md'));
    assert.match(fs.readFileSync(path.join(ws, 'README.md'), 'utf8'), /<!-- edgo:begin architecture -->/);
  });
});
