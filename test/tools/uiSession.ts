// The set-up every UI suite shares: a throwaway folder holding the learner's
// workspace, code-server opened on it and Chromium on the workbench, all stopped
// and removed after the suite.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before } from 'node:test';
import { codeServerInstalled, startCodeServer, type CodeServer, type CodeServerOptions } from './codeServer';
import { openWorkbench, type Workbench } from './workbench';

/** The skip reason of a UI suite on a machine without code-server, or false. */
export const skipWithoutCodeServer: string | false = codeServerInstalled() ? false : 'code-server is not installed (bash test/tools/ensure-code-server.sh)';

export interface UiSession {
  /** The workspace folder (`<tmp>/<folder>`); `prepare` fills it. */
  readonly workspace: string;
  readonly server: CodeServer;
  readonly bench: Workbench;
}

/**
 * Call inside a describe. Before its tests: `prepare` fills the workspace and says how
 * code-server loads the extension; code-server starts and Chromium opens the workbench.
 * After them: both stop and the folder is removed.
 */
export function useWorkbench(name: string, folder: string, prepare: (workspace: string) => Omit<CodeServerOptions, 'workspace'> | Promise<Omit<CodeServerOptions, 'workspace'>>): UiSession {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `edgo-ui-${name}-`));
  const workspace = path.join(tmp, folder);
  let server: CodeServer | undefined;
  let bench: Workbench | undefined;

  before(async () => {
    server = await startCodeServer({ ...(await prepare(workspace)), workspace });
    bench = await openWorkbench(server.url);
  });

  after(async () => {
    await bench?.close();
    await server?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} did not start (see the suite's before hook)`);
    return value;
  };
  return {
    workspace,
    get server() {
      return started(server, 'code-server');
    },
    get bench() {
      return started(bench, 'the workbench');
    },
  };
}
