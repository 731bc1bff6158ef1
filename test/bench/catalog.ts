/**
 * The course's own catalog shape: one `eventcatalog.yaml` whose `events:` list
 * holds 1,000 entries (about 6,000 lines, every `$ref` resolving to a schema
 * of its own), driven over
 * `edgo lsp --stdio` and `yaml-language-server --stdio` (same file, same JSON
 * Schema, debounce 0) in one run: open -> diagnostics, edit -> diagnostics
 * (one entry changed by an incremental edit), a file at the size limit, and
 * the server's resident memory after 2,000 edits.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureBuilt, fileUri, LspClient, repoRoot } from '../lsp/lspClient';
import { startEdgoServer, startYamlServer } from './servers';
import { limits } from '../../src/core/events/yamlText';

const catalogSchema = path.join(repoRoot, 'schemas', 'event-catalog.schema.json');

/** One entry: 6 lines; every 50th has the syllabus's two-part version, so both servers report something. */
function entry(i: number, summary = `Published when event ${i} happens.`): string {
  return [`  - name: shop.event${i}.created`, `    title: Event ${i}`, `    summary: ${summary}`, `    version: ${i % 50 === 0 ? '"1.0"' : '"1.0.0"'}`, '    schema:', `      $ref: ./schemas/event${i}.json`].join('\n');
}

function catalog(n: number, summary?: (i: number) => string): string {
  return `name: Shop\nversion: "1.0.0"\nevents:\n${Array.from({ length: n }, (_, i) => entry(i, summary?.(i))).join('\n')}\n`;
}

/** A catalog just under the byte limit (long summaries keep it under the line limit). */
function atSizeLimit(): string {
  const long = (i: number) => `"Event ${i}: ${'a long description of when it is published. '.repeat(18)}"`;
  let n = 1000;
  while (catalog(n + 500, long).length < limits.maxBytes - 4096) n += 500;
  while (catalog(n + 1, long).length < limits.maxBytes - 1024) n += 1;
  return catalog(n, long);
}

function project(root: string, name: string, n: number): string {
  const dir = path.join(root, name);
  fs.mkdirSync(path.join(dir, 'schemas'), { recursive: true });
  // Each event its own payload schema, as in a learner's catalog (identical texts would be read and checked once).
  for (let i = 0; i < n; i++) fs.writeFileSync(path.join(dir, 'schemas', `event${i}.json`), `{"type":"object","required":["id"],"properties":{"id":{"type":"string"},"event${i}Total":{"type":"number","minimum":0}}}`);
  return path.join(dir, 'eventcatalog.yaml');
}

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? NaN;
const median = (xs: number[]) => percentile(xs, 0.5);

const ours = (dir: string): Promise<LspClient> => startEdgoServer(dir);
const theirs = (dir: string): Promise<LspClient> => startYamlServer(dir, catalogSchema, ['**/eventcatalog.yaml', 'eventcatalog.yaml']);

async function timedOpen(client: LspClient, file: string, text: string): Promise<{ ms: number; count: number }> {
  const started = performance.now();
  const d = await client.open(fileUri(file), text);
  return { ms: performance.now() - started, count: d.length };
}

/** `count` edits as an editor sends them (a range and its new text): type an `x` into an entry's title, then delete it. */
async function edits(client: LspClient, file: string, text: string, count: number): Promise<number[]> {
  const uri = fileUri(file);
  const lines = text.split('\n');
  const out: number[] = [];
  for (let n = 0; n < count; n++) {
    const k = (Math.floor(n / 2) * 37) % 1000;
    const line = lines.indexOf(`    title: Event ${k}`);
    const at = { line, character: 11 };
    const change = n % 2 === 0 ? { range: { start: at, end: at }, text: 'x' } : { range: { start: at, end: { line, character: 12 } }, text: '' };
    const next = client.nextDiagnostics(uri);
    const started = performance.now();
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: n + 2 }, contentChanges: [change] });
    await next;
    out.push(performance.now() - started);
  }
  return out;
}

function rssMb(client: LspClient): number {
  const status = fs.readFileSync(`/proc/${client.child.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
}

export async function run(): Promise<void> {
  ensureBuilt();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'edgo-bench-catalog-'));
  try {
    const text = catalog(1000);
    const files = ['warm', 'open-1', 'open-2', 'open-3', 'edit'].map((name) => project(root, name, 1000));
    const big = atSizeLimit();
    const bigFile = project(root, 'limit', 0);
    const [warm, ...opens] = files as [string, ...string[]];

    const a = await ours(root);
    await a.open(fileUri(warm), catalog(3));
    const oursOpen = [];
    for (const f of opens.slice(0, 3)) oursOpen.push(await timedOpen(a, f, text));
    const editFile = opens[3] as string;
    await a.open(fileUri(editFile), text);
    const oursEdits = await edits(a, editFile, text, 2000);
    const rss = rssMb(a);
    const limit = await timedOpen(a, bigFile, big);
    await a.stop();

    const b = await theirs(root);
    await b.open(fileUri(warm), catalog(3));
    const theirOpen = [];
    for (const f of opens.slice(0, 3)) theirOpen.push(await timedOpen(b, f, text));
    await b.open(fileUri(editFile), text);
    const theirEdits = await edits(b, editFile, text, 30);
    await b.stop();

    const f = (n: number) => `${n.toFixed(1).padStart(8)} ms`;
    const oo = median(oursOpen.map((o) => o.ms));
    const to = median(theirOpen.map((o) => o.ms));
    const oe = median(oursEdits);
    const te = median(theirEdits);
    console.log(
      [
        `course catalog: 1 file, 1,000 entries, ${text.split('\n').length} lines      edgo        yaml-ls      ratio`,
        `open -> diagnostics (median of 3)                  ${f(oo)}  ${f(to)}   ${(to / oo).toFixed(1)}x`,
        `edit -> diagnostics (median; edgo 2,000, yaml-ls 30) ${f(oe)}  ${f(te)}   ${(te / oe).toFixed(1)}x`,
        `edit -> diagnostics, edgo's 2,000: slowest ${f(Math.max(...oursEdits))}, 99th percentile ${f(percentile(oursEdits, 0.99))}, over 200 ms: ${oursEdits.filter((ms) => ms > 200).length} (wall time: a busy machine's pauses count too)`,
        `diagnostics on open: edgo ${oursOpen[0]?.count}, yaml-ls ${theirOpen[0]?.count}`,
        `file at the size limit (${(big.length / 1024 / 1024).toFixed(2)} MB, ${big.split('\n').length} lines), open -> diagnostics: ${f(limit.ms)} (${limit.count} diagnostics)`,
        `edgo server resident memory after 2,000 edits: ${rss.toFixed(0)} MB`,
      ].join('\n'),
    );
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}
