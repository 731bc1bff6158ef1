// Lazy chunks for the extension bundle: heavy libraries and schemas are left out
// of dist/extension.js and built into dist/lazy/<chunk>.js, which is required the
// first time one of their exports is read. VS Code then loads and compiles only
// the small shell before `activate`; YAML, Ajv, the JSON schemas and the language
// client load when a feature first uses them.
//
// How: every import of a lazy module resolves to a stand-in CommonJS module that
// defines one getter per export name (known at build time), each requiring the
// chunk on first read. esbuild reads imported names off the module object at the
// point of use, so importing stays free. Each module lives in exactly one chunk
// (chunks stub each other the same way), so classes keep one identity.
import { createRequire } from 'node:module';
import * as path from 'node:path';

const require = createRequire(import.meta.url);

/**
 * @typedef {{ name: string, packages?: Record<string, string[] | undefined>, files?: RegExp }} LazyChunk
 * `packages`: bare specifiers, each with its export names (undefined: read them by requiring the package at build time).
 * `files`: source files (e.g. JSON schemas) matched on their path relative to the repository.
 */

/** @type {LazyChunk[]} */
export const lazyChunks = [
  // ErrorAction/CloseAction/LanguageClient/TransportKind are all the extension uses; it needs `vscode`, so it cannot be required here.
  { name: 'languageclient', packages: { 'vscode-languageclient/node': ['LanguageClient', 'TransportKind', 'ErrorAction', 'CloseAction', 'State'] } },
  { name: 'yaml', packages: { yaml: undefined, 'js-yaml': undefined } },
  // One chunk: ajv-formats builds code with Ajv's own codegen classes (instanceof checks).
  { name: 'ajv', packages: { ajv: undefined, 'ajv/dist/2020': undefined, 'ajv-formats': undefined } },
  { name: 'schemas', files: /^schemas\/.*\.json$/ },
];

const root = path.dirname(new URL(import.meta.url).pathname);
const keyOf = (i) => `m${i}`;

/** [chunk, member key, export names] for every lazy module, keyed by specifier or absolute path. */
function table() {
  const byPackage = new Map();
  for (const chunk of lazyChunks) {
    Object.entries(chunk.packages ?? {}).forEach(([spec, names]) => {
      const real = names ? null : require(spec);
      const exported = names ?? Object.keys(real);
      // The namespace esbuild builds for a CommonJS module always has `default`.
      byPackage.set(spec, { chunk: chunk.name, names: [...new Set([...exported, 'default'])] });
    });
  }
  return byPackage;
}

/**
 * The plugin for one build: `own` is the chunk being built (undefined for the
 * extension itself); modules of other chunks become stand-ins. `fromDir` is
 * the stand-ins require the chunk relative to the output file.
 * @param {string | undefined} own
 * @param {Set<string>} [seenFiles] collects the lazy files the build imports (the chunk that holds them is built after)
 * @returns {import('esbuild').Plugin}
 */
export function lazyModules(own, seenFiles = new Set()) {
  const packages = table();
  const prefix = own ? '' : 'lazy/';
  const standIn = (chunk, names, loaderExpr) => {
    const lines = [
      `let loaded;`,
      `const load = () => (loaded ??= require(__dirname + ${JSON.stringify(`/${prefix}${chunk}.js`)})${loaderExpr});`,
      `Object.defineProperty(exports, '__esModule', { value: true });`,
      ...names.map((n) => `Object.defineProperty(exports, ${JSON.stringify(n)}, { enumerable: true, get: () => load()[${JSON.stringify(n)}] });`),
    ];
    return lines.join('\n');
  };
  return {
    name: 'lazy-modules',
    setup(build) {
      const specs = [...packages.keys()].map((s) => s.replace(/[/-]/g, (c) => `\\${c}`));
      build.onResolve({ filter: new RegExp(`^(${specs.join('|')})$`) }, (args) => {
        const entry = packages.get(args.path);
        if (!entry || entry.chunk === own) return undefined;
        return { path: args.path, namespace: 'lazy-package' };
      });
      build.onLoad({ filter: /.*/, namespace: 'lazy-package' }, (args) => {
        const entry = packages.get(args.path);
        const member = keyOf([...packages.keys()].indexOf(args.path));
        return { contents: standIn(entry.chunk, entry.names, `.${member}`), loader: 'js' };
      });
      build.onResolve({ filter: /\.json$/ }, (args) => {
        const abs = path.resolve(args.resolveDir, args.path);
        const rel = path.relative(root, abs);
        const chunk = lazyChunks.find((c) => c.files?.test(rel));
        if (!chunk || chunk.name === own) return undefined;
        seenFiles.add(rel);
        return { path: rel, namespace: 'lazy-file', pluginData: chunk.name };
      });
      // A file's value is often put in a table when a module loads (schemas by kind), so
      // it is a proxy that loads the chunk when first looked into, not when named.
      build.onLoad({ filter: /.*/, namespace: 'lazy-file' }, (args) => ({
        contents: [
          `let loaded;`,
          `const load = () => (loaded ??= require(__dirname + ${JSON.stringify(`/${prefix}${args.pluginData}.js`)}).default[${JSON.stringify(args.path)}]);`,
          `Object.defineProperty(exports, '__esModule', { value: true });`,
          `const traps = ['get', 'has', 'ownKeys', 'getOwnPropertyDescriptor', 'getPrototypeOf', 'set', 'deleteProperty', 'defineProperty'];`,
          `exports.default = new Proxy({}, Object.fromEntries(traps.map((t) => [t, (_, ...a) => Reflect[t](load().default, ...a)])));`,
        ].join('\n'),
        loader: 'js',
      }));
    },
  };
}

/**
 * The entry source of one chunk: its packages under their member keys, its files
 * under their relative paths.
 * @param {LazyChunk} chunk
 * @param {string[]} files relative paths of the chunk's files (found by the extension build)
 */
export function chunkEntry(chunk, files) {
  const packages = [...table().keys()];
  const lines = [];
  for (const spec of Object.keys(chunk.packages ?? {})) lines.push(`export * as ${keyOf(packages.indexOf(spec))} from ${JSON.stringify(spec)};`);
  files.forEach((f, i) => {
    lines.push(`import f${i} from ${JSON.stringify(`./${f}`)};`);
  });
  if (files.length) lines.push(`export default { ${files.map((f, i) => `${JSON.stringify(f)}: { default: f${i} }`).join(', ')} };`);
  return lines.join('\n');
}

/**
 * esbuild wraps an external CommonJS module (`vscode`, `node:fs`) in a fresh
 * namespace object in every file that imports it, copying each of its exports:
 * 38 copies of the whole VS Code API at load. This plugin routes those imports
 * through one ES module that re-exports it, so the copy is made once.
 * @param {RegExp} filter the externals to share
 * @returns {import('esbuild').Plugin}
 */
export function oneNamespacePerExternal(filter) {
  return {
    name: 'one-namespace-per-external',
    setup(build) {
      build.onResolve({ filter }, (args) => (args.namespace === 'shared-external' ? { path: args.path, external: true } : { path: args.path, namespace: 'shared-external' }));
      build.onLoad({ filter: /.*/, namespace: 'shared-external' }, (args) => ({ contents: `export * from ${JSON.stringify(args.path)};`, loader: 'js' }));
    },
  };
}
