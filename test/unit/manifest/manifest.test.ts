// The manifest and the layout rules every feature relies on.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const root = path.resolve(__dirname, '..', '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : /\.(ts|mts|cts)$/.test(e.name) ? [p] : [];
  });
}

describe('package.json', () => {
  it('has the identity the marketplace needs', () => {
    assert.equal(pkg.name, 'event-driven-go-lab');
    assert.equal(pkg.displayName, 'Event-Driven Go Lab');
    assert.equal(pkg.license, 'MIT');
    assert.ok(pkg.publisher, 'publisher');
    assert.ok(fs.existsSync(path.join(root, pkg.icon)), `icon ${pkg.icon}`);
    assert.deepEqual(
      ['Education', 'Linters', 'Visualization', 'Programming Languages'].filter((c) => !pkg.categories.includes(c)),
      [],
    );
    assert.equal(pkg.main, './dist/extension.js');
    for (const f of ['README.md', 'CHANGELOG.md', 'LICENSE']) assert.ok(fs.existsSync(path.join(root, f)), f);
  });

  it('asks for a VS Code that has completion events for walkthroughs (>= 1.86)', () => {
    const m = /^\^?(\d+)\.(\d+)/.exec(pkg.engines.vscode);
    assert.ok(m, pkg.engines.vscode);
    assert.ok(Number(m[1]) > 1 || Number(m[2]) >= 86, pkg.engines.vscode);
    const types = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', '@types', 'vscode', 'package.json'), 'utf8'));
    const minor = (v: string): number => Number(/^\^?1\.(\d+)/.exec(v)?.[1]);
    assert.ok(minor(types.version) <= minor(pkg.engines.vscode), `@types/vscode ${types.version} is newer than engines.vscode ${pkg.engines.vscode}`);
  });

  // The claim is only as good as the oldest VS Code the suites run on: today that is the one
  // code-server test/tools/ensure-code-server.sh installs, so engines.vscode names its minor.
  it('claims (engines.vscode) the VS Code the integration and UI suites run on', () => {
    const script = fs.readFileSync(path.join(root, 'test', 'tools', 'ensure-code-server.sh'), 'utf8');
    const stated = /Installing code-server (\d+\.\d+\.\d+) \(VS Code (\d+)\.(\d+)\.(\d+)\)/.exec(script);
    assert.ok(stated, 'ensure-code-server.sh names the code-server and VS Code versions it installs');
    const testPkg = JSON.parse(fs.readFileSync(path.join(root, 'test', 'vscode', 'package.json'), 'utf8'));
    assert.equal(testPkg.dependencies['code-server'], stated[1], 'test/vscode/package.json installs the code-server the script names');
    const installed = path.join(root, 'test', 'vscode', 'node_modules', 'code-server', 'lib', 'vscode', 'package.json');
    if (fs.existsSync(installed)) {
      assert.equal(JSON.parse(fs.readFileSync(installed, 'utf8')).version, `${stated[2]}.${stated[3]}.${stated[4]}`, 'the installed code-server carries the VS Code the script names');
    }
    const claim = /^\^(\d+)\.(\d+)\.(\d+)$/.exec(pkg.engines.vscode);
    assert.ok(claim, `engines.vscode ${pkg.engines.vscode} is ^major.minor.patch`);
    assert.deepEqual([Number(claim[1]), Number(claim[2])], [Number(stated[2]), Number(stated[3])], `engines.vscode ${pkg.engines.vscode} is not the tested VS Code ${stated[2]}.${stated[3]}`);
    assert.ok(Number(claim[3]) <= Number(stated[4]), `engines.vscode ${pkg.engines.vscode} is newer than the tested VS Code`);
  });

  it('activates only on demand', () => {
    const events: string[] = pkg.activationEvents ?? [];
    assert.ok(!events.includes('*'), 'no * activation');
    assert.ok(!events.includes('onStartupFinished'), 'no activation at every start-up');
  });

  it('gives every command the edgo. prefix and the Event-Driven Go category', () => {
    const bad = (pkg.contributes.commands as { command: string; category?: string; title: string }[]).filter((c) => !c.command.startsWith('edgo.') || c.category !== 'Event-Driven Go' || !c.title);
    assert.deepEqual(bad, []);
  });

  it('keeps every setting under edgo. with a description', () => {
    const configs = Array.isArray(pkg.contributes.configuration) ? pkg.contributes.configuration : [pkg.contributes.configuration];
    const props = configs.flatMap((c: { properties?: Record<string, { description?: string; markdownDescription?: string }> }) => Object.entries(c.properties ?? {}));
    assert.ok(props.length > 0);
    const bad = props.filter(([key, p]: [string, { description?: string; markdownDescription?: string }]) => !key.startsWith('edgo.') || !(p.description ?? p.markdownDescription));
    assert.deepEqual(
      bad.map(([k]: [string]) => k),
      [],
    );
  });
});

describe('layout', () => {
  it('keeps src/core free of vscode and LSP imports', () => {
    const offenders = sourceFiles(path.join(root, 'src', 'core')).filter((f) =>
      /(from\s+|require\(|import\()\s*['"](vscode|vscode-languageserver[^'"]*|vscode-languageclient[^'"]*|vscode-jsonrpc[^'"]*)['"]/.test(fs.readFileSync(f, 'utf8')),
    );
    assert.deepEqual(
      offenders.map((f) => path.relative(root, f)),
      [],
    );
  });

  it('keeps src/server free of the vscode API', () => {
    const offenders = sourceFiles(path.join(root, 'src', 'server')).filter((f) => /from\s+['"]vscode['"]/.test(fs.readFileSync(f, 'utf8')));
    assert.deepEqual(offenders, []);
  });

  it('splits source files before they grow past 600 lines', () => {
    const big = ['core', 'server', 'extension', 'webview', 'cli']
      .flatMap((d) => (fs.existsSync(path.join(root, 'src', d)) ? sourceFiles(path.join(root, 'src', d)) : []))
      .map((f) => [path.relative(root, f), fs.readFileSync(f, 'utf8').split('\n').length] as const)
      .filter(([, n]) => n > 600);
    assert.deepEqual(big, []);
  });

  // A test is found next to what it tests: test/unit/<area> is src/core/<area>, or a top
  // folder of src (cli, server, ...), or `core` for src/core's own files. Two folders test
  // what is not source: the course's content and the manifest.
  it('keeps test/unit folders named after src/', () => {
    const dirs = (p: string) =>
      fs
        .readdirSync(p, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name);
    const allowed = new Set([...dirs(path.join(root, 'src', 'core')), ...dirs(path.join(root, 'src')), 'course', 'manifest']);
    assert.deepEqual(
      dirs(path.join(root, 'test', 'unit')).filter((d) => !allowed.has(d)),
      [],
    );
  });
});
