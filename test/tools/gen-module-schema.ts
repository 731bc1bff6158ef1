// Writes schemas/module.schema.json and the table of check kinds in
// walkthroughs/README.md from the check kinds' declarations (npm run gen:module-schema);
// with --check, writes nothing and exits 1 when either is stale.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkKinds } from '../../src/core/checks';
import { moduleJsonSchema } from '../../src/core/checks/moduleSchema';
import { withCheckKindsTable } from '../../src/core/checks/checkKindsTable';

export const moduleSchemaFile = path.resolve(__dirname, '..', '..', 'schemas', 'module.schema.json');
export const moduleSchemaText = () => `${JSON.stringify(moduleJsonSchema(checkKinds), null, 2)}\n`;
export const kindsReadmeFile = path.resolve(__dirname, '..', '..', 'walkthroughs', 'README.md');

/** The generated files whose text differs from what the kinds say now. */
export function staleGenerated(): { file: string; want: string }[] {
  const readme = fs.readFileSync(kindsReadmeFile, 'utf8');
  const table = withCheckKindsTable(readme, checkKinds);
  if (table === undefined) throw new Error(`${kindsReadmeFile} lacks the check-kinds table markers`);
  return [
    { file: moduleSchemaFile, want: moduleSchemaText() },
    { file: kindsReadmeFile, want: table },
  ].filter((g) => !fs.existsSync(g.file) || fs.readFileSync(g.file, 'utf8') !== g.want);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  const stale = staleGenerated();
  if (process.argv.includes('--check')) {
    for (const g of stale) console.error(`${path.relative(process.cwd(), g.file)} is stale: run npm run gen:module-schema`);
    process.exit(stale.length > 0 ? 1 : 0);
  }
  for (const g of stale) {
    fs.writeFileSync(g.file, g.want);
    console.log(`Wrote ${path.relative(process.cwd(), g.file)}`);
  }
}
