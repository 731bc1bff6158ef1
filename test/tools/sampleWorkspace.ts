// The folder the integration tests and `npm start` open: a copy, so nothing a
// test or a person does in VS Code changes the repo.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './codeServer';

export const sampleWorkspaceSource = path.join(repoRoot, 'test', 'fixtures', 'sample-workspace');

/** Copies the sample workspace to `dest` (created fresh) and returns `dest`. */
export function prepareSampleWorkspace(dest: string): string {
  fs.rmSync(dest, { recursive: true, force: true });
  fs.cpSync(sampleWorkspaceSource, dest, { recursive: true });
  return dest;
}
