// What `npm start` passes to the VS Code it serves, besides the throwaway profile:
// the PATH it was started with, for the extension host and integrated terminals alike.
//
// Without it, VS Code's server asks a login shell for "the user's environment", and a
// login shell run with the throwaway HOME reads /etc/profile but none of the user's
// ~/.profile or ~/.bashrc: PATH falls back to /usr/local/bin:/usr/bin:/bin and loses
// e.g. /usr/local/go/bin. VSCODE_CLI=1 tells the server it was started from a shell
// whose environment is already the user's (as `code .` does), so that step is skipped.
import * as path from 'node:path';
import { node24Dir } from './codeServer';

export function servedEnvironment(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  // code-server's own Node last: the user's `node`, if any, stays the one terminals find
  const own = path.join(node24Dir, 'bin');
  return { VSCODE_CLI: '1', PATH: [env.PATH, own].filter(Boolean).join(path.delimiter) };
}
