/**
 * Where installers put each tool, per OS, whether or not they also put it on PATH:
 * the Go tarball and MSI, `go install` and golang.org/dl SDKs, Homebrew, snap,
 * winget, Scoop, Chocolatey, Docker Desktop. The resolver looks here after the PATHs,
 * so a tool that is installed but missing from the PATH VS Code was started with is
 * still found. A `*` in a folder name matches several (`~/sdk/go*`, newest first).
 */
import type { Env } from '../preflight/toolLocation';
import type { ToolId } from './toolIds';

/** A variable of `env`; on Windows names are case-insensitive (`Path`, `USERPROFILE`). */
export function envVar(env: Readonly<Env>, name: string, platform: string): string | undefined {
  if (platform !== 'win32') return env[name] || undefined;
  const key = Object.keys(env).find((k) => k.toLowerCase() === name.toLowerCase());
  return (key && env[key]) || undefined;
}

interface Vars {
  readonly home: string;
  readonly gopath: string;
  readonly goroot: string | undefined;
  readonly programFiles: string;
  readonly localAppData: string;
  readonly programData: string;
}

function varsOf(env: Readonly<Env>, platform: string): Vars {
  const win = platform === 'win32';
  const home = (win ? envVar(env, 'USERPROFILE', platform) : undefined) ?? envVar(env, 'HOME', platform) ?? '';
  const sep = win ? '\\' : '/';
  // GOPATH may list several folders; `go install` writes into the first.
  const gopath = envVar(env, 'GOPATH', platform)?.split(win ? ';' : ':')[0] || (home && `${home}${sep}go`);
  return {
    home,
    gopath,
    goroot: envVar(env, 'GOROOT', platform),
    programFiles: envVar(env, 'ProgramFiles', platform) ?? 'C:\\Program Files',
    localAppData: envVar(env, 'LOCALAPPDATA', platform) ?? (home && `${home}\\AppData\\Local`),
    programData: envVar(env, 'ProgramData', platform) ?? 'C:\\ProgramData',
  };
}

type PlaceList = (v: Vars) => ReadonlyArray<string | false | undefined>;

const unixOwn: Partial<Record<ToolId, PlaceList>> = {
  go: (v) => [
    v.goroot && `${v.goroot}/bin`,
    '/usr/local/go/bin',
    v.home && `${v.home}/go/bin`,
    v.home && `${v.home}/sdk/go*/bin`,
    v.home && `${v.home}/.go/bin`,
    '/usr/lib/go/bin',
    '/usr/lib/go-*/bin',
    '/usr/local/opt/go/libexec/bin',
    '/opt/homebrew/opt/go/libexec/bin',
  ],
  docker: (v) => ['/Applications/Docker.app/Contents/Resources/bin', v.home && `${v.home}/.docker/bin`],
  kubectl: (v) => ['/Applications/Docker.app/Contents/Resources/bin', v.home && `${v.home}/.docker/bin`, v.home && `${v.home}/.rd/bin`],
  helm: (v) => [v.home && `${v.home}/.rd/bin`],
};

const unixShared = (v: Vars, platform: string): ReadonlyArray<string | false | undefined> => [
  v.home && `${v.home}/.local/bin`,
  v.home && `${v.home}/bin`,
  v.gopath && `${v.gopath}/bin`,
  ...(platform === 'darwin' ? ['/opt/homebrew/bin', '/usr/local/bin', '/opt/local/bin'] : ['/usr/local/bin', '/snap/bin', '/home/linuxbrew/.linuxbrew/bin']),
  // Debian puts nats-server in /usr/sbin, which a non-root PATH lacks.
  '/usr/bin',
  '/bin',
  '/usr/sbin',
  '/usr/local/sbin',
];

const winOwn: Partial<Record<ToolId, PlaceList>> = {
  go: (v) => [v.goroot && `${v.goroot}\\bin`, `${v.programFiles}\\Go\\bin`, 'C:\\Go\\bin', v.home && `${v.home}\\go\\bin`, v.home && `${v.home}\\sdk\\go*\\bin`],
  docker: (v) => [`${v.programFiles}\\Docker\\Docker\\resources\\bin`],
  kubectl: (v) => [`${v.programFiles}\\Docker\\Docker\\resources\\bin`],
  git: (v) => [`${v.programFiles}\\Git\\cmd`],
  minikube: (v) => [`${v.programFiles}\\Kubernetes\\Minikube`],
};

const winShared = (v: Vars): ReadonlyArray<string | false | undefined> => [
  v.localAppData && `${v.localAppData}\\Microsoft\\WinGet\\Links`,
  v.home && `${v.home}\\scoop\\shims`,
  `${v.programData}\\chocolatey\\bin`,
  v.gopath && `${v.gopath}\\bin`,
];

/** The folders (some with a `*`) where `tool` may be installed on `platform`: its own places first, then shared ones. */
export function installPlaces(tool: ToolId, platform: string, env: Readonly<Env>): string[] {
  const v = varsOf(env, platform);
  const all = platform === 'win32' ? [...(winOwn[tool]?.(v) ?? []), ...winShared(v)] : [...(unixOwn[tool]?.(v) ?? []), ...unixShared(v, platform)];
  return [...new Set(all.filter((p): p is string => typeof p === 'string' && p.length > 0))];
}
