/**
 * didOpen → publishDiagnostics of this server against yaml-language-server
 * (configured with the same JSON Schema), on a generated 1,000-event file and
 * a 2,000-file workspace, plus the time to re-validate one edited file.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureBuilt, fileUri, LspClient, repoRoot } from '../lsp/lspClient';
import { startEdgoServer, startYamlServer } from './servers';
import { EventService } from '../../src/core/events/eventService';

const eventSchema = path.join(repoRoot, 'schemas', 'event.schema.json');

/** One event; every 50th has a mistake (unquoted version) so both servers have something to report. */
function event(i: number): string {
  return [
    `name: shop.event${i}.created`,
    `version: ${i % 50 === 0 ? '1.0' : '"1.0.0"'}`,
    `title: Event ${i}`,
    `summary: Event number ${i} of the generated bench.`,
    'owners: [shop-team]',
    'producers: [order-service]',
    'consumers: [billing-service, inventory-service]',
    'payload:',
    '  type: object',
    '  required: [orderId, total]',
    '  properties:',
    '    orderId: { type: string, format: uuid }',
    '    total: { type: number }',
    'metadata:',
    '  specversion: "1.0"',
    `  type: com.shop.event${i}.created`,
    '  source: /services/order',
    '',
  ].join('\n');
}

const thousandEvents = Array.from({ length: 1000 }, (_, i) => event(i)).join('---\n');

interface Measure {
  cold: number;
  warm: number;
  diagnostics: number;
}

async function openTimed(client: LspClient, uri: string, text: string): Promise<{ ms: number; count: number }> {
  const t = performance.now();
  const d = await client.open(uri, text);
  return { ms: performance.now() - t, count: d.length };
}

async function measureSingle(client: LspClient, dir: string): Promise<Measure> {
  // Wait until the server is up (our server indexes the workspace first) with one small file.
  await client.open(fileUri(path.join(dir, 'warmup', 'events', 'warmup.yaml')), event(1));
  // Each copy in its own project folder, so copies are not duplicates of each other.
  const cold = await openTimed(client, fileUri(path.join(dir, 'single-0', 'events', 'bench.yaml')), thousandEvents);
  const warm: number[] = [];
  for (let i = 1; i <= 2; i++) warm.push((await openTimed(client, fileUri(path.join(dir, `single-${i}`, 'events', 'bench.yaml')), thousandEvents)).ms);
  return { cold: cold.ms, warm: median(warm), diagnostics: cold.count };
}

async function measureMany(client: LspClient, files: string[]): Promise<number> {
  const t = performance.now();
  await Promise.all(files.map((f) => client.open(fileUri(f), fs.readFileSync(f, 'utf8'))));
  return performance.now() - t;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

function workspaceWith2000Files(): { dir: string; files: string[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'edgo-bench-'));
  fs.mkdirSync(path.join(dir, 'events'), { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < 2000; i++) {
    const f = path.join(dir, 'events', `e${String(i).padStart(4, '0')}.yaml`);
    fs.writeFileSync(f, event(i));
    files.push(f);
  }
  return { dir, files };
}

const ours = (dir: string): Promise<LspClient> => startEdgoServer(dir);
const theirs = (dir: string): Promise<LspClient> => startYamlServer(dir, eventSchema, ['**/events/**/*.yaml', '*.yaml', 'events/*.yaml']);

export async function run(): Promise<void> {
  ensureBuilt();
  const { dir, files } = workspaceWith2000Files();
  const rows: string[] = [];
  try {
    const a = await ours(dir);
    const single = await measureSingle(a, dir);
    const many = await measureMany(a, files);
    // Re-validate one edited file (debounce 0) in the 2,000-file workspace.
    const edits: number[] = [];
    const uri = fileUri(files[7] as string);
    for (let i = 0; i < 15; i++) {
      const t = performance.now();
      await a.change(uri, event(7).replace('Event 7', `Event 7 edit ${i}`));
      edits.push(performance.now() - t);
    }
    await a.stop();

    const b = await theirs(dir);
    const singleTheirs = await measureSingle(b, dir);
    const manyTheirs = await measureMany(b, files);
    await b.stop();

    // In-process: the core's own time for one edit, without the LSP round trip.
    const core = new EventService();
    for (const f of files) core.setFile(f, fs.readFileSync(f, 'utf8'));
    const coreEdits: number[] = [];
    for (let i = 0; i < 50; i++) {
      const t = performance.now();
      core.setFile(files[7] as string, event(7).replace('Event 7', `Event 7 core ${i}`));
      core.diagnostics(files[7] as string);
      coreEdits.push(performance.now() - t);
    }

    const f = (n: number) => `${n.toFixed(1).padStart(8)} ms`;
    rows.push(`                                   edgo        yaml-ls      ratio`);
    rows.push(`1,000-event file, first open   ${f(single.cold)}  ${f(singleTheirs.cold)}   ${(singleTheirs.cold / single.cold).toFixed(1)}x`);
    rows.push(`1,000-event file, warm (median) ${f(single.warm)} ${f(singleTheirs.warm)}   ${(singleTheirs.warm / single.warm).toFixed(1)}x`);
    rows.push(`2,000 files, all opened        ${f(many)}  ${f(manyTheirs)}   ${(manyTheirs / many).toFixed(1)}x`);
    rows.push(`diagnostics on the 1,000-event file: edgo ${single.diagnostics}, yaml-ls ${singleTheirs.diagnostics}`);
    rows.push(`edit one file → diagnostics (LSP round trip, debounce 0): median ${median(edits).toFixed(1)} ms, max ${Math.max(...edits).toFixed(1)} ms`);
    rows.push(`edit one file → diagnostics (core only, 2,000-file index): median ${median(coreEdits).toFixed(2)} ms`);
    console.log(rows.join('\n'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
