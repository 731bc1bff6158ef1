// Runs every `*.test.ts` under the given folders with node's test runner (via tsx),
// printing the spec report and writing a count to test-results/summary/<stage>.json
// for the closing line of `npm test`.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const args = process.argv.slice(2);
const dirs = args.filter((a) => !a.startsWith('--'));
const stage = (args.find((a) => a.startsWith('--stage=')) ?? `--stage=${path.basename(dirs[0] ?? 'tests')}`).slice(8);

/** @param {string} dir @returns {string[]} */
function findTests(dir) {
  if (!fs.existsSync(dir)) return [];
  if (fs.statSync(dir).isFile()) return [dir];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'fixtures' ? [] : findTests(p);
    return /\.test\.(ts|mjs)$/.test(e.name) ? [p] : [];
  });
}

const files = dirs.flatMap(findTests).sort();
if (files.length === 0) {
  console.error(`no test files under ${dirs.join(', ')}`);
  process.exit(1);
}
const summary = path.join('test-results', 'summary', `${stage}.json`);
fs.mkdirSync(path.dirname(summary), { recursive: true });
const nodeArgs = [
  '--import',
  'tsx',
  '--test',
  '--test-reporter=spec',
  '--test-reporter-destination=stdout',
  `--test-reporter=${path.resolve('test/tools/summary-reporter.mjs')}`,
  `--test-reporter-destination=${summary}`,
  ...(process.env.EDGO_TEST_CONCURRENCY ? [`--test-concurrency=${process.env.EDGO_TEST_CONCURRENCY}`] : []),
  ...files,
];
const result = spawnSync(process.execPath, nodeArgs, { stdio: 'inherit' });
process.exit(result.status ?? 1);
