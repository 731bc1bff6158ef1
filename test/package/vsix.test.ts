// The packaged VSIX ships what a learner's VS Code runs and nothing of the
// sources, tests or node_modules. Run after `npm run package`.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { zipEntries } from './zipEntries';

const root = path.resolve(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const vsix = path.join(root, `${pkg.name}-${pkg.version}.vsix`);
// 3 MB, plus 0.2 MB for the event inspector's NATS client (dist/nats.js, about 66 KB compressed).
const budgetBytes = 3.2 * 1024 * 1024;

describe('packaged VSIX', { skip: fs.existsSync(vsix) ? false : `${path.basename(vsix)} not built: run npm run package` }, () => {
  const files = fs.existsSync(vsix)
    ? zipEntries(vsix)
        .filter((f) => f.startsWith('extension/'))
        .map((f) => f.slice('extension/'.length))
    : [];

  it('contains no sources, tests, dependencies or source maps', () => {
    const forbidden = files.filter((f) => /^(src|test|node_modules|out|\.ci|\.vscode)\//.test(f) || f.endsWith('.map') || f.endsWith('.ts'));
    assert.deepEqual(forbidden, []);
  });

  it('contains the bundles, the manifest and the documents', () => {
    for (const f of [
      'package.json',
      'readme.md',
      'changelog.md',
      'LICENSE.txt',
      'dist/extension.js',
      'dist/server.js',
      'dist/cli.js',
      'dist/mermaid-node.js',
      'dist/nats.js',
      'dist/webview.js',
      'dist/lazy/yaml.js',
      'dist/lazy/ajv.js',
      'dist/lazy/schemas.js',
      'dist/lazy/languageclient.js',
      'media/icon.png',
    ]) {
      assert.ok(
        files.some((x) => x.toLowerCase() === f.toLowerCase()),
        `${f} is missing from the VSIX (it has: ${files.slice(0, 40).join(', ')})`,
      );
    }
  });

  it('ships every file the manifest points at', () => {
    const referenced = new Set<string>([pkg.main, pkg.icon, ...Object.values<string>(pkg.bin ?? {})]);
    for (const w of pkg.contributes?.walkthroughs ?? []) {
      for (const step of w.steps ?? []) {
        const media = step.media ?? {};
        for (const p of [media.markdown, media.svg, typeof media.image === 'string' ? media.image : undefined]) if (p) referenced.add(p);
      }
    }
    for (const g of pkg.contributes?.grammars ?? []) referenced.add(g.path);
    for (const l of pkg.contributes?.languages ?? []) if (l.configuration) referenced.add(l.configuration);
    for (const s of pkg.contributes?.jsonValidation ?? []) if (!/^https?:/.test(s.url)) referenced.add(s.url);
    const normalized = new Set(files.map((f) => path.posix.normalize(f)));
    const missing = [...referenced]
      .filter(Boolean)
      .map((p) => path.posix.normalize(p.replace(/^\.\//, '')))
      .filter((p) => !normalized.has(p));
    assert.deepEqual(missing, []);
  });

  it(`stays within the ${budgetBytes / 1024 / 1024} MB budget`, () => {
    const size = fs.statSync(vsix).size;
    console.log(`VSIX size: ${(size / 1024).toFixed(0)} KiB, ${files.length} files`);
    assert.ok(size < budgetBytes, `VSIX is ${size} bytes`);
  });
});
