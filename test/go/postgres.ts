/**
 * A throwaway PostgreSQL cluster for the tests that need a real database, started
 * like nats-server: Debian's `postgresql` package, a cluster made with `initdb` in
 * a temporary folder, the server on a free 127.0.0.1 port, everything removed at
 * the end. PostgreSQL refuses to run as root (CI runs as root), so as root the
 * folder is handed to the `postgres` user (or `nobody`) and the programs run
 * through `runuser`.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { eventually, freePort, startProcess, type Proc } from './realProcesses';
import { after, before } from 'node:test';

/** The folder with initdb, postgres and psql: the newest /usr/lib/postgresql/<version>/bin, or $EDGO_PG_BIN. */
export const postgresBin: string | undefined = (() => {
  if (process.env.EDGO_PG_BIN && fs.existsSync(path.join(process.env.EDGO_PG_BIN, 'initdb'))) return process.env.EDGO_PG_BIN;
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return undefined;
  const versions = fs
    .readdirSync(root)
    .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? path.join(root, versions[0]!, 'bin') : undefined;
})();

/** Why no cluster can be started here, or undefined when one can. */
export const postgresMissing: string | undefined = postgresBin ? undefined : 'PostgreSQL is not installed: apt-get install postgresql (initdb is looked for under /usr/lib/postgresql/*/bin)';

const superuser = 'edgo';

export interface Postgres {
  /** postgres://edgo@127.0.0.1:<port>/postgres?sslmode=disable (trust authentication, local only). */
  readonly url: string;
  readonly port: number;
  /** Creates database `name` and returns its URL. */
  createDatabase(name: string): string;
  /** Runs sql in database `db` with psql and returns the rows, one per line, columns split by `|`. */
  query(db: string, sql: string): string[];
  /** Stops the server and removes its folder. */
  stop(): Promise<void>;
}

/** The user PostgreSQL runs as when we are root: it must not be root. */
function serviceUser(): string | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const hasPostgres = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).status === 0;
  return hasPostgres ? 'postgres' : 'nobody';
}

/** The command line that runs `program args` as `user` (unchanged when user is undefined). */
function asUser(user: string | undefined, program: string, args: string[]): [string, string[]] {
  return user ? ['runuser', ['-u', user, '--', program, ...args]] : [program, args];
}

/** Makes a cluster in a temporary folder and starts it; call stop() when done. */
export async function startPostgres(): Promise<Postgres> {
  if (!postgresBin) throw new Error(postgresMissing);
  const user = serviceUser();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'edgo-pg-'));
  const data = path.join(dir, 'data');
  if (user) {
    const chown = spawnSync('chown', ['-R', `${user}:`, dir], { encoding: 'utf8' });
    if (chown.status !== 0) throw new Error(`chown ${dir} to ${user}: ${chown.stderr}`);
  }
  const [initCmd, initArgs] = asUser(user, path.join(postgresBin, 'initdb'), ['-D', data, '-U', superuser, '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const init = spawnSync(initCmd, initArgs, { encoding: 'utf8' });
  if (init.status !== 0) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed:\n${init.stdout}\n${init.stderr}`);
  }

  const port = await freePort();
  // fsync off: a test cluster that is thrown away need not survive a power cut.
  const [cmd, args] = asUser(user, path.join(postgresBin, 'postgres'), [
    '-D',
    data,
    '-h',
    '127.0.0.1',
    '-p',
    String(port),
    '-k',
    dir,
    '-c',
    'fsync=off',
    '-c',
    'synchronous_commit=off',
    '-c',
    'full_page_writes=off',
    '-c',
    'max_connections=200',
  ]);
  const server: Proc = startProcess('postgres', cmd, args);
  try {
    await server.waitForOutput(/ready to accept connections/, 30_000);
  } catch (err) {
    await stopFast(server, data);
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const base = `postgres://${superuser}@127.0.0.1:${port}`;
  const psql = (sql: string, db = 'postgres'): string[] => {
    const r = spawnSync(path.join(postgresBin!, 'psql'), ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', `${base}/${db}`, '-c', sql], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`psql ${sql}: ${r.stderr}`);
    return r.stdout.split('\n').filter((line) => line.length > 0);
  };
  // A server that printed "ready" accepts connections; this also proves psql works.
  await eventually('PostgreSQL to answer', async () => (psql('SELECT 1'), true), 10_000);
  return {
    url: `${base}/postgres?sslmode=disable`,
    port,
    createDatabase(name) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
      psql(`CREATE DATABASE ${name}`);
      return `${base}/${name}?sslmode=disable`;
    },
    query: (db, sql) => psql(sql, db),
    async stop() {
      await stopFast(server, data);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * SIGINT to the postmaster is PostgreSQL's fast shutdown (SIGTERM would wait for every
 * client to leave). It goes to the postmaster itself, read from postmaster.pid, because
 * runuser does not pass SIGINT on.
 */
function stopFast(proc: Proc, data: string): Promise<void> {
  if (proc.child.exitCode !== null || proc.child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => proc.child.once('exit', () => resolve()));
  let pid = proc.child.pid;
  try {
    pid = Number(fs.readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]) || pid;
  } catch {
    // No pid file yet: signal the process we started.
  }
  try {
    if (pid) process.kill(pid, 'SIGINT');
  } catch {
    proc.child.kill('SIGKILL'); // the pid file was stale: end what we started
  }
  return exited;
}

/**
 * A throwaway cluster for the test file (or the suite this is called in): started
 * before its tests when enabled, stopped after them. By default its URL goes into
 * process.env.DATABASE_URL, which the checks' `go test` inherits.
 */
export function usePostgres(enabled: boolean, onStart: (pg: Postgres) => void = (pg) => (process.env.DATABASE_URL = pg.url)): () => Postgres | undefined {
  let pg: Postgres | undefined;
  before(async () => {
    if (!enabled) return;
    pg = await startPostgres();
    onStart(pg);
  });
  after(async () => {
    await pg?.stop();
  });
  return () => pg;
}
