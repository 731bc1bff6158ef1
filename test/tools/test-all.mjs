// Runs every test stage in order, times each, and ends with the closing line
// "N passed, N failed, N skipped" summed from test-results/summary/<stage>.json.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const summaryDir = path.join('test-results', 'summary');
fs.rmSync(summaryDir, { recursive: true, force: true });
fs.mkdirSync(summaryDir, { recursive: true });

const nodeTests = (dir, stage, extraEnv = {}) => ({
  name: stage,
  cmd: [process.execPath, 'test/tools/run-node-tests.mjs', dir, `--stage=${stage}`],
  env: extraEnv,
  when: () => fs.existsSync(dir),
});

/** Stages that only pass or fail count as one test each. */
const stages = [
  { name: 'build', cmd: ['npm', 'run', '--silent', 'build'], counted: true },
  { name: 'typecheck', cmd: ['npm', 'run', '--silent', 'typecheck'], counted: true },
  // Prettier's check: the layout is the formatter's (`npm run format` rewrites it).
  { name: 'format', cmd: ['npm', 'run', '--silent', 'format:check'], counted: true },
  { name: 'lint', cmd: ['npm', 'run', '--silent', 'lint'], counted: true },
  nodeTests('test/unit', 'unit'),
  nodeTests('test/lsp', 'lsp'),
  // The real EventCatalog builds the generated catalogs (installs @eventcatalog/core once into .tmp/); before go, whose
  // catalog-build mistake (stepMistakes.test.ts) builds in that install.
  nodeTests('test/eventcatalog', 'eventcatalog', { EDGO_TEST_CONCURRENCY: '1' }),
  nodeTests('test/go', 'go', { EDGO_TEST_CONCURRENCY: '1' }),
  nodeTests('test/webview', 'webview', { EDGO_TEST_CONCURRENCY: '1' }),
  { name: 'package', cmd: ['npm', 'run', '--silent', 'package'], counted: true },
  nodeTests('test/package', 'vsix'),
  { name: 'integration', cmd: [process.execPath, '--import', 'tsx', 'test/tools/run-integration.ts'] },
  nodeTests('test/ui', 'ui', { EDGO_TEST_CONCURRENCY: '1' }),
];

const only = process.argv.slice(2);
const times = [];
let crashed = [];
for (const stage of stages) {
  if (only.length > 0 && !only.includes(stage.name)) continue;
  if (stage.when && !stage.when()) continue;
  console.log(`\n━━ ${stage.name} ━━`);
  const started = Date.now();
  const [bin, ...args] = stage.cmd;
  const result = spawnSync(bin, args, { stdio: 'inherit', env: { ...process.env, ...stage.env } });
  const seconds = (Date.now() - started) / 1000;
  times.push([stage.name, seconds, result.status]);
  const summaryFile = path.join(summaryDir, `${stage.name}.json`);
  if (stage.counted) {
    const ok = result.status === 0;
    fs.writeFileSync(summaryFile, JSON.stringify({ passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0, failures: ok ? [] : [stage.name] }));
  } else if (result.status !== 0 && !fs.existsSync(summaryFile)) {
    crashed.push(stage.name);
  }
}

let passed = 0,
  failed = 0,
  skipped = 0;
const failures = [];
for (const file of fs.readdirSync(summaryDir)) {
  const s = JSON.parse(fs.readFileSync(path.join(summaryDir, file), 'utf8'));
  passed += s.passed;
  failed += s.failed;
  skipped += s.skipped;
  failures.push(...s.failures.map((f) => `${path.basename(file, '.json')}: ${f}`));
}
failed += crashed.length;
failures.push(...crashed.map((c) => `${c}: the stage failed before reporting its tests`));
// Stages whose runner failed without any failed test (e.g. a crash after the report) fail the run too.
const badExit = times.filter(([, , status]) => status !== 0).map(([name]) => name);

const timing = times.map(([name, s, status]) => `  ${name.padEnd(12)} ${s.toFixed(1).padStart(7)} s  ${status === 0 ? 'ok' : 'FAILED'}`).join('\n');
fs.writeFileSync(path.join('test-results', 'stage-times.txt'), `${timing}\n`);
console.log(`\n━━ summary ━━\n${timing}`);
if (failures.length > 0) console.log(`\nFailed:\n${failures.map((f) => `  ${f}`).join('\n')}`);
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || badExit.length > 0 ? 1 : 0);
