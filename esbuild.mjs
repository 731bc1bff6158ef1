// One esbuild script for every bundle: the extension host, the language server,
// the CLI, the webview and the in-VS Code test suite. `--watch` rebuilds on change,
// `--production` minifies and drops the test bundle.
import { readFileSync } from 'node:fs';
import * as esbuild from 'esbuild';
import { chunkEntry, lazyChunks, lazyModules, oneNamespacePerExternal } from './esbuild-lazy.mjs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/** The version every bundle reports (src/core/host/version.ts), from package.json. */
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  define: { EDGO_PACKAGE_VERSION: JSON.stringify(version) },
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
 * Libraries Mermaid uses only to lay out or draw a diagram (graph layouts, math,
 * hand-drawn strokes). The Node bundle only parses, so they are replaced by an
 * inert stand-in: about 5 MB less to ship and to load.
 * @type {esbuild.Plugin}
 */
const withoutMermaidRenderers = {
  name: 'without-mermaid-renderers',
  setup(build) {
    const renderOnly = /^(elkjs|cytoscape|cytoscape-fcose|cytoscape-cose-bilkent|layout-base|cose-base|katex|roughjs)($|\/)/;
    build.onResolve({ filter: renderOnly }, (args) => ({ path: args.path, namespace: 'render-only' }));
    build.onLoad({ filter: /.*/, namespace: 'render-only' }, () => ({
      contents: 'const inert = new Proxy(function () {}, { get: () => inert, apply: () => inert, construct: () => inert });\nmodule.exports = inert;',
      loader: 'js',
    }));
  },
};

/**
 * The preview leaves out the two largest optional parts of Mermaid, to keep the
 * VSIX within its 3 MB: the ELK layout (`layout: elk`, flowchart-elk) and KaTeX
 * math in labels. A diagram that asks for one shows this message in the preview.
 * @type {esbuild.Plugin}
 */
const previewWithoutElkAndMath = {
  name: 'preview-without-elk-and-math',
  setup(build) {
    build.onResolve({ filter: /^(elkjs(\/.*)?|katex)$/ }, (args) => ({ path: args.path, namespace: 'left-out' }));
    build.onLoad({ filter: /.*/, namespace: 'left-out' }, (args) => {
      const what = args.path === 'katex' ? 'Math in labels ($$...$$)' : 'The ELK layout';
      const message = `${what} is not available in this offline preview; use the default layout and plain text. The diagram itself is valid.`;
      return {
        contents: `const fail = () => { throw new Error(${JSON.stringify(message)}); };
class LeftOut { layout() { return Promise.reject(new Error(${JSON.stringify(message)})); } }
module.exports = ${args.path === 'katex' ? '{ renderToString: fail, render: fail }' : 'LeftOut'};
module.exports.default = module.exports;`,
        loader: 'js',
      };
    });
  },
};

/** The lazy files (JSON schemas) the extension imports; their chunk is built after it. */
const lazyFiles = new Set();

/**
 * The extension host bundle: a small shell, with YAML, Ajv, the schemas and the
 * language client in dist/lazy/*.js, required on first use (esbuild-lazy.mjs).
 * `--watch` keeps one eager bundle.
 * @type {esbuild.BuildOptions}
 */
const extensionBuild = {
  ...node,
  entryPoints: { extension: 'src/extension/extension.ts' },
  outdir: 'dist',
  external: ['vscode'],
  banner: { js: '"use strict"; var edgoBundleStart = performance.now();' },
  plugins: [oneNamespacePerExternal(/^(vscode|node:[a-z_]+)$/), ...(watch ? [] : [lazyModules(undefined, lazyFiles)])],
};

/** One lazy chunk of the extension (after the extension build, which found its files). */
const chunkBuild = (chunk) => ({
  ...node,
  stdin: { contents: chunkEntry(chunk, [...lazyFiles].filter((f) => chunk.files?.test(f)).sort()), resolveDir: '.', sourcefile: `lazy-${chunk.name}.js` },
  outfile: `dist/lazy/${chunk.name}.js`,
  external: ['vscode'],
  plugins: [lazyModules(chunk.name)],
});

/** @type {esbuild.BuildOptions[]} */
const builds = [
  extensionBuild,
  {
    ...node,
    entryPoints: { server: 'src/server/main.ts', cli: 'src/cli/main.ts' },
    outdir: 'dist',
  },
  {
    // Mermaid's parsers, loaded by the server and the CLI on first use (src/core/host/nodeMermaidParser.ts).
    ...node,
    entryPoints: { 'mermaid-node': 'src/core/mermaid/nodeEngine.ts' },
    outdir: 'dist',
    plugins: [withoutMermaidRenderers],
  },
  {
    // The NATS client of the event inspector, loaded by the extension and the CLI on first use (src/nats/load.ts).
    ...node,
    entryPoints: { nats: 'src/nats/client.ts' },
    outdir: 'dist',
  },
  {
    ...common,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    entryPoints: { webview: 'src/webview/main.ts' },
    outdir: 'dist',
    plugins: [previewWithoutElkAndMath],
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
  await Promise.all(lazyChunks.map((c) => esbuild.build(chunkBuild(c))));
}
