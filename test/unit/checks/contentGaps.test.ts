// Content checks judge what a diagram or a document says, not only its syntax:
// module 4's sequence diagram with only the starter's syntax error fixed fails,
// naming what is missing; module 9's generated docs plus an empty "## Setup"
// fail, at the learner's file and heading; the reference solutions still pass.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { runCheckCli } from '../../../src/cli/check';
import { runGenerateCli } from '../../../src/cli/generate';
import { nodeCourseFs, loadModule, runChecks, type CheckResult } from '../../../src/core/checks';
import { diagramContent } from '../../../src/core/checks/mermaidContent';
import { sectionText } from '../../../src/core/checks/markdownWords';
import { nodeFs } from '../../../src/core/host/nodeGenerateFs';
import { noGo, repoRoot } from './helpers';

const walkthroughs = path.join(repoRoot, 'walkthroughs');
const temps: string[] = [];
after(() => temps.forEach((t) => fs.rmSync(t, { recursive: true, force: true })));

function copyOf(slug: string, from: 'starter' | 'solution'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'edgo-content-'));
  temps.push(dir);
  fs.cpSync(path.join(walkthroughs, slug, from), dir, { recursive: true });
  return dir;
}

async function check(slug: string, folder: string, ids: readonly string[]): Promise<CheckResult[]> {
  const loaded = loadModule(walkthroughs, slug);
  return runChecks(loaded.spec, folder, { runner: noGo, fs: nodeCourseFs, moduleDir: loaded.dir, only: ids });
}

const describeResult = (r: CheckResult | undefined) => [r?.message, ...(r?.problems ?? []).map((p) => `${p.location?.file}:${p.location?.line} ${p.message}`)].join('\n');

describe('module 4: the flow diagram must show the flow', () => {
  const m4 = '04-event-driven-concepts';

  it("fixing only the starter's syntax error fails, naming Payment, Shipping and Notification", async () => {
    const folder = copyOf(m4, 'starter');
    const flow = path.join(folder, 'docs', 'flow.md');
    fs.writeFileSync(flow, fs.readFileSync(flow, 'utf8').replace('OrderService->>EventBus Emit order.created', 'OrderService->>EventBus: Emit order.created'));
    const [diagram, table] = await check(m4, folder, ['flow', 'flow-table']);
    assert.equal(diagram?.status, 'fail', describeResult(diagram));
    const said = describeResult(diagram);
    for (const name of ['Shipping', 'Notification', 'Payment -> anyone: payment.captured']) assert.ok(said.includes(name), `should name ${name}:\n${said}`);
    assert.ok(!/no Order\b/.test(said), said);
    assert.equal(diagram?.location?.file, 'docs/flow.md');
    assert.equal(table?.status, 'fail', describeResult(table));
    assert.match(describeResult(table), /still says TODO/);
  });

  it('a different but complete diagram (flowchart, other names, a broker) passes', async () => {
    const folder = copyOf(m4, 'solution');
    const flowchart = [
      '# Order flow',
      '',
      '## Sequence',
      '',
      '```mermaid',
      'flowchart LR',
      '  O[Order svc] -->|order.created| B[(Broker)]',
      '  B -->|order.created| P[Payment svc]',
      '  P -->|payment.captured| B',
      '  B -->|payment.captured| S[Shipping svc]',
      '  S -- order.shipped --> B',
      '  B -->|order.shipped| N[Notification svc]',
      '```',
      '',
      '## Events',
      '',
      'Order emits order.created, Payment emits payment.captured, Shipping emits order.shipped; Notification listens.',
      '',
    ].join('\n');
    fs.writeFileSync(path.join(folder, 'docs', 'flow.md'), flowchart);
    const results = await check(m4, folder, ['flow', 'flow-table']);
    assert.deepEqual(results.filter((r) => r.status === 'fail').map(describeResult), []);
  });
});

describe("module 9: docs need the learner's own words", () => {
  const m9 = '09-docs-mermaid';

  it('the generator\'s output plus an empty "## Setup" fails api-doc and readme, at the headings', async () => {
    const folder = copyOf(m9, 'starter');
    const quiet = { fs: nodeFs, cwd: folder, out: () => {}, err: () => {} };
    // The starter has a README: merging into it needs --force (or a yes in VS Code).
    assert.equal(await runGenerateCli('docs', ['.', '--force'], quiet), 0);
    fs.appendFileSync(path.join(folder, 'README.md'), '\n## Setup\n\n');
    const [api, readme] = await check(m9, folder, ['api-doc', 'readme']);
    assert.equal(api?.status, 'fail', describeResult(api));
    assert.equal(api?.location?.file, 'docs/services/order-service.md');
    assert.match(describeResult(api), /"POST \/orders" has 0 words of your own/);
    assert.equal(readme?.status, 'fail', describeResult(readme));
    for (const h of ['Setup', 'API', 'Events', 'Architecture']) assert.match(describeResult(readme), new RegExp(`"${h}" has 0 words`));
  });

  it("the solution passes, and edgo check's text names the file and line", async () => {
    const results = await check(m9, copyOf(m9, 'solution'), ['api-doc', 'readme']);
    assert.deepEqual(results.filter((r) => r.status === 'fail').map(describeResult), []);
    const folder = copyOf(m9, 'starter');
    fs.writeFileSync(path.join(folder, 'README.md'), '# Shop\n\n## Setup\n\nTODO\n\n## API\n\n## Events\n\n## Architecture\n');
    let out = '';
    await runCheckCli(['09', folder], { runner: noGo, walkthroughsRoot: walkthroughs, cwd: folder, out: (t) => (out += t), err: (t) => (out += t) });
    assert.match(out, /README\.md:5: "Setup" still says TODO/);
    assert.match(out, /README\.md:3: "Setup" has 0 words of your own/);
  });
});

describe('reading diagrams and sections', () => {
  it('reads participants, aliases and messages of a sequence diagram', () => {
    const c = diagramContent('sequenceDiagram\n  participant O as Order Service\n  actor Client\n  Client->>O: PlaceOrder\n  O-)Bus: order.created\n  Bus--x P: nope\n');
    assert.deepEqual(
      c.nodes.map((n) => `${n.id}=${n.label}`),
      ['O=Order Service', 'Client=Client', 'Bus=Bus', 'P=P'],
    );
    assert.deepEqual(
      c.edges.map((e) => `${e.from}>${e.to}:${e.text}`),
      ['Client>O:PlaceOrder', 'O>Bus:order.created', 'Bus>P:nope'],
    );
  });

  it('counts prose only: not generated blocks, placeholders, code or TODO lines', () => {
    const text = [
      '## API',
      '',
      '_What it does (handler x)._',
      '**Request**',
      '```sh',
      'curl a b c d e f',
      '```',
      '<!-- edgo:begin api -->',
      'one two three',
      '<!-- edgo:end api -->',
      'TODO write',
      'Real words here.',
      '## Next',
      'more words',
    ].join('\n');
    assert.deepEqual(sectionText(text, 1), { words: 3, todoLines: [11] });
  });
});
