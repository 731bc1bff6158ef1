// Writes schemas/module.schema.json from the check kinds' declared fields (npm run gen:module-schema).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkKinds } from '../../src/core/checks';
import { moduleJsonSchema } from '../../src/core/checks/moduleSchema';

export const moduleSchemaFile = path.resolve(__dirname, '..', '..', 'schemas', 'module.schema.json');
export const moduleSchemaText = () => `${JSON.stringify(moduleJsonSchema(checkKinds), null, 2)}\n`;

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  fs.writeFileSync(moduleSchemaFile, moduleSchemaText());
  console.log(`Wrote ${path.relative(process.cwd(), moduleSchemaFile)}`);
}
