// The generators against workspaces written to attack them, on the real disk
// through `edgo catalog|docs`: links out of the folder, names and summaries
// that are syntax in the generated files, and existing files changed without a yes.
import { strict as assert } from 'node:assert';
import { cpSync, existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { runGenerateCli, type GenerateCliDeps } from '../../../src/cli/generate';
import { nodeFs } from '../../../src/core/host/nodeGenerateFs';
import { shopFixture, useTempDirs } from '../generate/helpers';

const tempDir = useTempDirs();

/** The shop workspace, and a folder outside it standing in for `~/.ssh`. */
function setup(): { ws: string; outside: string; keys: string } {
  const ws = tempDir('edgo-hostile-ws-');
  cpSync(shopFixture, ws, { recursive: true });
  const outside = tempDir('edgo-hostile-outside-');
  const keys = path.join(outside, 'authorized_keys');
  writeFileSync(keys, 'ssh-ed25519 AAAA the-real-key\n');
  return { ws, outside, keys };
}

function deps(cwd: string): GenerateCliDeps & { stdout: () => string; stderr: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return { fs: nodeFs, cwd, out: (t) => out.push(t), err: (t) => err.push(t), stdout: () => out.join(''), stderr: () => err.join('') };
}

function eventYaml(ws: string, file: string, text: string): void {
  const full = path.join(ws, 'order', 'events', file);
  writeFileSync(full, text);
}

describe('generators in a hostile workspace', () => {
  it('edgo docs --force does not write through a README.md linked to a file outside', async () => {
    const { ws, keys } = setup();
    rmSync(path.join(ws, 'README.md'));
    symlinkSync(keys, path.join(ws, 'README.md'));
    const d = deps(ws);
    assert.equal(await runGenerateCli('docs', ['--force'], d), 1, d.stdout());
    assert.equal(readFileSync(keys, 'utf8'), 'ssh-ed25519 AAAA the-real-key\n');
    assert.match(d.stderr(), /README\.md: it is a symbolic link/);
  });

  it('edgo catalog --force writes nothing into the folder eventcatalog/events/<id> links to', async () => {
    const { ws, outside } = setup();
    assert.equal(await runGenerateCli('catalog', [], deps(ws)), 0);
    const eventDir = path.join(ws, 'eventcatalog', 'events', 'order-created');
    rmSync(eventDir, { recursive: true });
    symlinkSync(outside, eventDir);
    const d = deps(ws);
    assert.equal(await runGenerateCli('catalog', ['--force'], d), 1);
    assert.deepEqual(readdirSync(outside), ['authorized_keys']);
    assert.match(d.stderr(), /events\/order-created: it is a symbolic link/);
  });

  it('a linked output folder is refused before anything is written', async () => {
    const { ws, outside } = setup();
    symlinkSync(outside, path.join(ws, 'eventcatalog'));
    const d = deps(ws);
    assert.equal(await runGenerateCli('catalog', ['--force'], d), 1);
    assert.deepEqual(readdirSync(outside), ['authorized_keys']);
    assert.match(d.stderr(), /eventcatalog: it is a symbolic link/);
  });

  it('a generated file that is a link is refused even when the folder is real', async () => {
    const { ws, keys } = setup();
    mkdirSync(path.join(ws, 'eventcatalog'));
    symlinkSync(keys, path.join(ws, 'eventcatalog', 'package.json'));
    const d = deps(ws);
    assert.equal(await runGenerateCli('catalog', ['--force'], d), 1);
    assert.equal(readFileSync(keys, 'utf8'), 'ssh-ed25519 AAAA the-real-key\n');
    assert.ok(lstatSync(path.join(ws, 'eventcatalog', 'package.json')).isSymbolicLink());
  });

  it('an event name with a line break is refused with the validator message and forges no line', async () => {
    const { ws } = setup();
    eventYaml(ws, 'forged.yaml', 'name: "order.forged\\n| injected | row | - | - |\\n# Injected heading"\nversion: 1.0.0\nproducers: [order-service]\npayload: { a: string }\n');
    const d = deps(ws);
    assert.equal(await runGenerateCli('docs', ['--force'], d), 0, d.stderr());
    assert.match(d.stderr(), /forged\.yaml: `name` `order\.forged\\n\| injected[^\n]*is not in the expected form[^\n]*; the event is skipped/);
    for (const file of ['README.md', 'docs/architecture.md', 'docs/services/order-service.md']) {
      const text = readFileSync(path.join(ws, file), 'utf8');
      assert.doesNotMatch(text, /injected|Injected/, file);
    }
  });

  it('Markdown tables and Mermaid labels stay one line and one cell per value', async () => {
    const { ws } = setup();
    const routes = path.join(ws, 'order', 'internal', 'httpapi', 'routes.go');
    writeFileSync(routes, readFileSync(routes, 'utf8').replace('mux.HandleFunc("GET /healthz"', 'mux.HandleFunc("GET /a|b`c\n## Forged", h.x)\n\tmux.HandleFunc("GET /healthz"'));
    eventYaml(ws, 'piped.yaml', 'name: order.piped|cell\nversion: 1.0.0\nsummary: "Two\\nlines <!-- edgo:end events -->"\nproducers: [order-service]\npayload: { a: string }\n');
    const d = deps(ws);
    assert.equal(await runGenerateCli('docs', ['--force'], d), 0, d.stderr());
    const readme = readFileSync(path.join(ws, 'README.md'), 'utf8');
    const row = readme.split('\n').find((l) => l.startsWith('| [order.piped'));
    assert.ok(row, readme);
    // Five unescaped pipes: the row has its four cells, `|` in the name is escaped.
    assert.equal(row.replace(/\\\|/g, '').split('|').length - 1, 5, row);
    const service = readFileSync(path.join(ws, 'docs', 'services', 'order-service.md'), 'utf8');
    assert.doesNotMatch(service, /^## Forged/m);
    assert.match(service, /\| GET \| ``\s?\/a\\\|b`c ## Forged\s?`` \|/);
    const event = readFileSync(path.join(ws, 'docs', 'events', 'order-piped-cell.md'), 'utf8');
    assert.match(event, /^Two lines &lt;!-- edgo:end events --> *$/m);
    for (const fence of [...readme.matchAll(/```mermaid\n([\s\S]*?)```/g)]) {
      for (const line of fence[1]!.split('\n').filter(Boolean)) assert.match(line, /^(flowchart|sequenceDiagram| {2})/, `a Mermaid line was split: ${line}`);
    }
  });

  it('an MDX summary with {...} and import/export lines compiles as text', async () => {
    const { compile } = await import('@mdx-js/mdx');
    const { ws } = setup();
    eventYaml(
      ws,
      'mdx.yaml',
      'name: order.mdxed\nversion: 1.0.0\nsummary: |-\n  import fs from "node:fs"\n  export const leak = fs.readFileSync("/etc/passwd")\n  Total {leak} <Danger/> and {process.exit(1)}\nproducers: [order-service]\npayload: { a: string }\n',
    );
    assert.equal(await runGenerateCli('catalog', [], deps(ws)), 0);
    const page = readFileSync(path.join(ws, 'eventcatalog', 'events', 'order-mdxed', 'index.mdx'), 'utf8');
    const body = page.slice(page.indexOf('\n---\n', 4) + 5);
    assert.doesNotMatch(body, /^(import|export)\b/m);
    // The body as EventCatalog's MDX reads it (the frontmatter is split off first, as Astro does):
    // the summary is one paragraph of text; no module statement, no expression, no unknown component.
    const compiled = String(await compile(body, { development: false }));
    assert.doesNotMatch(compiled, /^import fs|, process\.exit|Danger[,}]|_missingMdxReference\("Danger"/m);
    assert.match(compiled, /children: "import fs from \\"node:fs\\" export const leak = .*?Total \{leak\} <Danger\/> and \{process\.exit\(1\)\}"/);
  });

  it('without --force, files that exist are not changed (merges included); --force changes them', async () => {
    const { ws } = setup();
    const readme = path.join(ws, 'README.md');
    const before = readFileSync(readme, 'utf8');
    const d = deps(ws);
    assert.equal(await runGenerateCli('docs', [], d), 0);
    assert.equal(readFileSync(readme, 'utf8'), before);
    assert.match(d.stderr(), /Left alone \(they exist; --force changes them[^\n]*\n {2}README\.md/);
    assert.ok(existsSync(path.join(ws, 'docs', 'architecture.md')), 'new files are still written');
    assert.equal(await runGenerateCli('docs', ['--force'], deps(ws)), 0);
    assert.match(readFileSync(readme, 'utf8'), /^# Shop \(fixture\)[\s\S]*<!-- edgo:begin architecture -->/);
  });
});
