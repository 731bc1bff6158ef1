// Serves a real VS Code with the freshly packaged VSIX installed until Ctrl-C.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot, startCodeServer } from './codeServer';
import { prepareSampleWorkspace } from './sampleWorkspace';
import { servedEnvironment } from './servedEnvironment';

async function main(): Promise<void> {
  const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  const vsix = path.join(repoRoot, `${pkg.name}-${pkg.version}.vsix`);
  const portArg = process.argv.find((a) => a.startsWith('--port='));
  const folderArg = process.argv.find((a) => a.startsWith('--folder='));
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'edgo-start-'));
  const workspace = folderArg ? path.resolve(folderArg.slice('--folder='.length)) : prepareSampleWorkspace(path.join(stateDir, 'edgo-sample'));
  const server = await startCodeServer({
    workspace,
    installVsix: [vsix],
    port: portArg ? Number(portArg.slice('--port='.length)) : 8080,
    stateDir,
    // what works in the shell that ran `npm start` works in VS Code's terminals and checks
    env: servedEnvironment(),
  });
  const url = `http://127.0.0.1:${server.port}/?folder=${encodeURIComponent(workspace)}`;
  console.log(`\nEvent-Driven Go Lab is running in VS Code at:\n\n  ${url}\n\nOpen it in a browser (then run "Event-Driven Go: Welcome" from the command palette). Ctrl-C stops it.`);
  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping VS Code…');
    await server.stop();
    fs.rmSync(stateDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
