// `npm run test:desktop`: the same integration suites under @vscode/test-electron,
// in a VS Code desktop it downloads. Needs the internet (or VSCODE_EXECUTABLE_PATH
// pointing at an installed VS Code); CI here uses code-server instead.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { repoRoot } from './codeServer';
import { prepareSampleWorkspace } from './sampleWorkspace';

async function main(): Promise<void> {
  const workspace = prepareSampleWorkspace(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'edgo-desktop-')), 'workspace'));
  await runTests({
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: path.join(repoRoot, 'out', 'integration', 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
    extensionTestsEnv: { EDGO_TEST_RESULTS: path.join(repoRoot, 'test-results', 'desktop-results.json') },
    ...(process.env.VSCODE_EXECUTABLE_PATH ? { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE_PATH } : {}),
  });
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
