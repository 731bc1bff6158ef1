/**
 * What loading the extension costs before `activate`: dist/extension.js (the
 * shell; heavy parts in dist/lazy/*.js, esbuild-lazy.mjs) against the same
 * sources bundled eagerly, each required in a fresh Node process with a stand-in
 * `vscode` module (its names from @types/vscode). Then the figure in real VS Code
 * (code-server), with `activate`, as the integration suite measures it
 * (test/integration/suites/activation.test.ts, run alone through the integration runner).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { ensureBuilt, repoRoot } from '../lsp/lspClient';

/** Requires `file` with `vscode` stood in for, and prints the milliseconds it took. */
const loader = `
const Module = require('module');
const dts = require('fs').readFileSync(process.argv[2], 'utf8');
const names = new Set([...dts.matchAll(/^\\s+export (?:class|enum|namespace|function|const|let) (\\w+)/gm)].map((m) => m[1]));
const anything = () => { const s = new Proxy(function () {}, { get: (t, k) => (k === 'prototype' ? t.prototype : typeof k === 'symbol' || k === '__esModule' ? undefined : s), apply: () => s, construct: () => ({}) }); return s; };
const vscode = {}; for (const n of names) vscode[n] = anything();
const load = Module._load;
Module._load = function (request, ...rest) { return request === 'vscode' ? vscode : load.call(this, request, ...rest); };
const started = performance.now();
require(process.argv[3]);
process.stdout.write(String(performance.now() - started));
`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

export async function run(): Promise<void> {
  ensureBuilt();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'edgo-bench-activation-'));
  try {
    const script = path.join(tmp, 'load.cjs');
    fs.writeFileSync(script, loader);
    const eager = path.join(tmp, 'extension-eager.js');
    await esbuild.build({
      entryPoints: [path.join(repoRoot, 'src/extension/extension.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      mainFields: ['module', 'main'],
      external: ['vscode'],
      outfile: eager,
      logLevel: 'error',
      define: { EDGO_PACKAGE_VERSION: '"bench"' },
    });
    const dts = path.join(repoRoot, 'node_modules', '@types', 'vscode', 'index.d.ts');
    const time = (file: string) => median(Array.from({ length: 5 }, () => Number(execFileSync(process.execPath, [script, dts, file], { encoding: 'utf8' }))));
    const shell = path.join(repoRoot, 'dist', 'extension.js');
    const kb = (f: string) => `${(fs.statSync(f).size / 1024).toFixed(0)} KB`;
    const f = (n: number) => `${n.toFixed(1).padStart(7)} ms`;
    console.log(
      [
        'load before activate (fresh Node process, vscode stood in for, median of 5; not minified)',
        `  dist/extension.js (heavy parts lazy, ${kb(shell)})      ${f(time(shell))}`,
        `  same sources bundled eagerly (${kb(eager)})            ${f(time(eager))}`,
        `  lazy chunks: ${fs
          .readdirSync(path.join(repoRoot, 'dist', 'lazy'))
          .filter((n) => n.endsWith('.js'))
          .map((n) => `${n} ${kb(path.join(repoRoot, 'dist', 'lazy', n))}`)
          .join(', ')}`,
      ].join('\n'),
    );
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  console.log(realVsCodeFigure());
}

/** Runs the integration suite's activation test in code-server and returns the figure it reports. */
function realVsCodeFigure(): string {
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'test', 'tools', 'run-integration.ts')], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, EDGO_TEST_GREP: 'activation loads and activates' },
  });
  const figure = /^figure: (activation in real VS Code: .*)$/m.exec(run.stdout ?? '')?.[1];
  return figure ? `  ${figure}` : `  activation in real VS Code: no figure (integration run exited ${run.status}):\n${(run.stdout ?? '').slice(-1500)}${(run.stderr ?? '').slice(-1500)}`;
}
