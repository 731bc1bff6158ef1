// Writes `contributes.walkthroughs` into package.json from walkthroughs/NN-slug/module.json.
// Run: npm run gen:walkthroughs (or with --check to only report whether package.json is up to date).
// Only that one key changes; a module.json that does not validate stops the run with its problems.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadAllModules } from '../../src/core/checks/moduleStore.ts';
import { walkthroughContributions } from '../../src/core/checks/walkthroughContributions.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const pkgFile = path.join(root, 'package.json');
const loaded = loadAllModules(path.join(root, 'walkthroughs'));
const broken = loaded.filter((m) => 'error' in m);
if (broken.length > 0) {
  for (const m of broken) console.error(m.error.message);
  process.exit(1);
}
const walkthroughs = walkthroughContributions(loaded);
const text = fs.readFileSync(pkgFile, 'utf8');
const pkg = JSON.parse(text);
pkg.contributes ??= {};
const before = JSON.stringify(pkg.contributes.walkthroughs ?? []);
if (before === JSON.stringify(walkthroughs)) {
  console.log(`package.json is up to date (${walkthroughs.length} walkthroughs).`);
  process.exit(0);
}
if (process.argv.includes('--check')) {
  console.error('package.json contributes.walkthroughs is out of date: run npm run gen:walkthroughs');
  process.exit(1);
}
pkg.contributes.walkthroughs = walkthroughs;
fs.writeFileSync(pkgFile, `${JSON.stringify(pkg, null, 2)}\n`);
console.log(`Wrote ${walkthroughs.length} walkthroughs (${walkthroughs.reduce((n, w) => n + w.steps.length, 0)} steps) into package.json.`);
