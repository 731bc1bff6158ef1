// `npm run bench`: runs every `*.ts` bench file of this folder (except this one)
// in turn. A bench file exports `run(): Promise<void>`, which prints its own results.
import * as fs from 'node:fs';
import * as path from 'node:path';

async function main(): Promise<void> {
  const only = process.argv[2];
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.ts') && f !== 'index.ts' && (!only || f.includes(only)))
    .sort();
  for (const f of files) {
    console.log(`\n=== bench: ${f} ===`);
    const mod = (await import(path.join(__dirname, f))) as { run?: () => Promise<void> };
    if (typeof mod.run === 'function') await mod.run();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
