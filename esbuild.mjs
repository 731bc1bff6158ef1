// One esbuild script for every bundle: the extension host, the language server,
// the CLI, the webview and the in-VS Code test suite. `--watch` rebuilds on change,
// `--production` minifies and drops the test bundle.
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  sourcemap: true,
  minify: production,
  logLevel: 'info',
  legalComments: 'linked',
};

/** @type {esbuild.BuildOptions} */
const node = {
  ...common,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  mainFields: ['module', 'main'],
};

/**
 * jsdom resolves its sync-XHR worker file at load time; bundled, that file is
 * gone. Mermaid never uses sync XHR, so the lookup is answered with null.
 * @type {esbuild.Plugin}
 */
const jsdomWithoutSyncXhr = {
  name: 'jsdom-without-sync-xhr',
  setup(build) {
    build.onLoad({ filter: /jsdom[\\/]lib[\\/]jsdom[\\/]living[\\/]xhr[\\/]XMLHttpRequest-impl\.js$/ }, async (args) => {
      const fs = await import('node:fs/promises');
      const source = await fs.readFile(args.path, 'utf8');
      return { contents: source.replace(/require\.resolve\s*\?\s*require\.resolve\("\.\/xhr-sync-worker\.js"\)\s*:\s*null/, 'null'), loader: 'js' };
    });
  },
};

/** @type {esbuild.BuildOptions[]} */
const builds = [
  {
    ...node,
    entryPoints: { extension: 'src/extension/extension.ts' },
    outdir: 'dist',
    external: ['vscode'],
  },
  {
    ...node,
    entryPoints: { server: 'src/server/main.ts', cli: 'src/cli/main.ts' },
    outdir: 'dist',
  },
  {
    // Mermaid's parser under jsdom, loaded by the server and the CLI on first use (src/core/mermaid/nodeParser.ts).
    ...node,
    entryPoints: { 'mermaid-node': 'src/core/mermaid/nodeEngine.ts' },
    outdir: 'dist',
    plugins: [jsdomWithoutSyncXhr],
  },
  {
    ...common,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    entryPoints: { webview: 'src/webview/main.ts' },
    outdir: 'dist',
  },
];

if (!production) {
  // The mocha suite that runs inside the extension host of a real VS Code.
  builds.push({
    ...node,
    entryPoints: { 'integration/index': 'test/integration/index.ts' },
    outdir: 'out',
    external: ['vscode', 'mocha'],
  });
}

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
