// `npm run package:cli`: the `edgo` CLI as its own npm package, `edgo-<version>.tgz`
// in the repository root, with only what the CLI runs: its bundle, the Mermaid
// parsers it loads on demand, and each module's module.json (for `edgo check`).
// The bundle has no dependencies, so the tarball installs without a registry.
// Publishing (not done by any script here): `npm publish edgo-<version>.tgz`.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const ext = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const stage = path.join(root, '.tmp', 'cli-package');

for (const f of ['dist/cli.js', 'dist/mermaid-node.js']) {
  if (!fs.existsSync(path.join(root, f))) {
    console.error(`${f} is missing: run npm run build (or npm run package) first`);
    process.exit(1);
  }
}
fs.rmSync(stage, { recursive: true, force: true });
fs.mkdirSync(path.join(stage, 'dist'), { recursive: true });
for (const f of fs.readdirSync(path.join(root, 'dist'))) {
  if (/^(cli|mermaid-node)\.js$/.test(f) || /^(cli|mermaid-node)\.js\.LEGAL\.txt$/.test(f)) fs.copyFileSync(path.join(root, 'dist', f), path.join(stage, 'dist', f));
}
fs.chmodSync(path.join(stage, 'dist', 'cli.js'), 0o755);
for (const m of fs.readdirSync(path.join(root, 'walkthroughs'))) {
  const spec = path.join(root, 'walkthroughs', m, 'module.json');
  if (!fs.existsSync(spec)) continue;
  fs.mkdirSync(path.join(stage, 'walkthroughs', m), { recursive: true });
  fs.copyFileSync(spec, path.join(stage, 'walkthroughs', m, 'module.json'));
}
fs.copyFileSync(path.join(root, 'LICENSE'), path.join(stage, 'LICENSE'));
fs.writeFileSync(
  path.join(stage, 'README.md'),
  `# edgo

The command line of [Event-Driven Go Lab](${ext.repository.url}): the same checks as the VS Code
extension, for a terminal and for CI.

\`\`\`sh
npx edgo validate events/ .github/workflows   # event YAML, EventCatalog, Mermaid, workflows
npx edgo check 10-capstone .                   # a module's checks (go, helm where needed)
npx edgo lsp --stdio                           # the language server, for any LSP client
npx edgo --version
\`\`\`
`,
);
fs.writeFileSync(
  path.join(stage, 'package.json'),
  `${JSON.stringify(
    {
      name: 'edgo',
      version: ext.version,
      description: 'Checks for event-driven Go services: event YAML, EventCatalog, Mermaid, GitHub Actions workflows, and the Event-Driven Go Lab modules.',
      license: ext.license,
      repository: ext.repository,
      keywords: ['event-driven', 'go', 'asyncapi', 'eventcatalog', 'mermaid', 'lsp', 'cli'],
      bin: { edgo: 'dist/cli.js' },
      files: ['dist', 'walkthroughs', 'README.md', 'LICENSE'],
      engines: { node: '>=20' },
    },
    null,
    2,
  )}\n`,
);

const pack = spawnSync('npm', ['pack', '--pack-destination', root, '--silent'], { cwd: stage, encoding: 'utf8' });
if (pack.status !== 0) {
  console.error(pack.stderr || pack.stdout);
  process.exit(1);
}
console.log(path.join(root, pack.stdout.trim().split('\n').pop()));
