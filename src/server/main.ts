// Entry of the Event-Driven Go language server (stdio or IPC, chosen by the
// command-line flags vscode-languageserver understands).
//
// Bundled, this file stays tiny: the server's code ships once, inside the CLI
// bundle beside it (dist/cli.js, where `edgo lsp` starts the very same server),
// which keeps the VSIX within its size budget. From sources it starts directly.
import * as fs from 'node:fs';
import * as path from 'node:path';

const cliBundle = path.join(__dirname, 'cli.js');
if (path.basename(__filename) === 'server.js' && fs.existsSync(cliBundle)) {
  process.argv.splice(2, 0, 'lsp');
  (require as (id: string) => unknown)(cliBundle);
} else {
  // A runtime specifier, so esbuild does not pull the server into this bundle.
  const source = './server';
  void (import(source) as Promise<typeof import('./server')>).then((m) => m.startServer());
}
