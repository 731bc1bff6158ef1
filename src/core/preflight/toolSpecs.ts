import type { ToolId } from '../tools/toolIds';
import type { ProcessResult } from './processRunner';
import { firstVersion } from './version';

/** Whether a tool that is installed can do its job right now (a daemon answers, a cluster is reachable). */
export interface Liveness {
  readonly live: boolean;
  readonly message: string;
  readonly problem?: 'daemon-down' | 'permission' | 'no-context' | 'unreachable' | 'timeout';
}

/** Runs the tool itself with some arguments (same executable and environment as the version check). */
export type ToolCall = (args: readonly string[]) => Promise<ProcessResult>;

export interface ToolSpec {
  readonly id: ToolId;
  readonly name: string;
  /** Why the course needs it, in a sentence the learner understands. */
  readonly purpose: string;
  readonly versionArgs: readonly string[];
  /** The version in the output of `versionArgs`, without a `v` prefix. */
  parseVersion(stdout: string, stderr: string): string | undefined;
  /** Oldest version the course works with (Go is checked against go.mod instead, when there is one). */
  readonly minVersion: string;
  checkLive?(call: ToolCall): Promise<Liveness>;
}

export const toolSpecs: readonly ToolSpec[] = [
  {
    id: 'go',
    name: 'Go',
    purpose: 'Builds, tests and runs the services of every module.',
    versionArgs: ['version'],
    // go version go1.26.8 linux/amd64 | go version devel go1.24-abcdef linux/amd64
    parseVersion: (out) => /\bgo(\d+\.\d+(?:\.\d+)?(?:rc\d+|beta\d+)?)/.exec(out)?.[1],
    // every module's go.mod says go 1.26.0 (its libraries need it); walkthroughs/01-go-foundations/01-install-go.md
    minVersion: '1.26.0',
  },
  {
    id: 'git',
    name: 'Git',
    purpose: 'Go fetches modules with it, and you keep your work in it.',
    versionArgs: ['--version'],
    parseVersion: (out) => /git version (\d+\.\d+(?:\.\d+)?)/.exec(out)?.[1],
    minVersion: '2.30',
  },
  {
    id: 'docker',
    name: 'Docker',
    purpose: 'Builds and runs the container images of modules 6, 7 and 10.',
    versionArgs: ['--version'],
    // Docker version 28.2.2, build e6534b4
    parseVersion: (out) => /version\s+v?(\d+\.\d+(?:\.\d+)?)/i.exec(out)?.[1],
    minVersion: '20.10',
    checkLive: async (call) => interpretDockerInfo(await call(['info', '--format', '{{.ServerVersion}}'])),
  },
  {
    id: 'kubectl',
    name: 'kubectl',
    purpose: 'Applies manifests to a Kubernetes cluster and looks at pods, logs and services (modules 6, 7, 10).',
    versionArgs: ['version', '--client', '-o', 'json'],
    parseVersion: parseKubectlVersion,
    minVersion: '1.27',
    checkLive: async (call) => {
      const context = interpretCurrentContext(await call(['config', 'current-context']));
      if (!context.live) return context;
      const name = context.message;
      return interpretReadyz(await call(['get', '--raw', '/readyz', '--request-timeout=5s']), name);
    },
  },
  {
    id: 'helm',
    name: 'Helm',
    purpose: 'Packages Order and Inventory as one chart and installs it (module 7).',
    versionArgs: ['version', '--short'],
    // v3.14.2+gc309b6f (--short) or version.BuildInfo{Version:"v3.2.1", ...}
    parseVersion: (out) => /Version:"v?(\d+\.\d+(?:\.\d+)?)/.exec(out)?.[1] ?? /^v?(\d+\.\d+(?:\.\d+)?)/m.exec(out.trim())?.[1],
    minVersion: '3.10',
  },
  {
    id: 'kind',
    name: 'kind',
    purpose: 'Runs a local Kubernetes cluster inside Docker (modules 6 and 7).',
    versionArgs: ['version'],
    // kind v0.22.0 go1.21.7 linux/amd64
    parseVersion: (out) => /kind v?(\d+\.\d+(?:\.\d+)?)/.exec(out)?.[1],
    minVersion: '0.20',
  },
  {
    id: 'minikube',
    name: 'minikube',
    purpose: 'An alternative local Kubernetes cluster to kind (modules 6 and 7).',
    versionArgs: ['version'],
    // minikube version: v1.36.0
    parseVersion: (out) => /minikube version:\s*v?(\d+\.\d+(?:\.\d+)?)/.exec(out)?.[1],
    minVersion: '1.30',
  },
  {
    id: 'nats-server',
    name: 'NATS server',
    purpose: 'The message broker (JetStream) the services of module 5 publish to and consume from.',
    versionArgs: ['--version'],
    // nats-server: v2.9.10
    parseVersion: (out, err) => /nats-server:?\s*v?(\d+\.\d+(?:\.\d+)?)/.exec(out + err)?.[1] ?? firstVersion(out),
    // jetstream pull consumers as used in module 5 need 2.9
    minVersion: '2.9',
  },
  {
    id: 'node',
    name: 'Node.js',
    purpose: 'Builds and serves the EventCatalog site of module 8 (npm install, npm run dev, npm run build); EventCatalog 3 needs Node.js 22.12 or newer.',
    versionArgs: ['--version'],
    // v22.12.0
    parseVersion: (out) => /^v?(\d+\.\d+\.\d+)/m.exec(out.trim())?.[1],
    // @eventcatalog/core 3 declares "node": ">=22.12.0"; walkthroughs/01-go-foundations/01-install-go.md
    minVersion: '22.12.0',
  },
  {
    id: 'npm',
    name: 'npm',
    purpose: "Installs the generated EventCatalog's packages and runs its dev server and build (module 8); it comes with Node.js.",
    versionArgs: ['--version'],
    // 10.9.2
    parseVersion: (out) => /^v?(\d+\.\d+\.\d+)/m.exec(out.trim())?.[1],
    // the npm that Node.js 22.12 ships
    minVersion: '10.9.0',
  },
];

export function toolSpec(id: ToolId): ToolSpec {
  const spec = toolSpecs.find((s) => s.id === id);
  if (!spec) throw new Error(`no tool spec for ${id}`);
  return spec;
}

/** `kubectl version --client -o json`; older kubectl without `-o json` prints `Client Version: v1.x`. */
export function parseKubectlVersion(out: string): string | undefined {
  try {
    const json = JSON.parse(out) as { clientVersion?: { gitVersion?: string } };
    const v = json.clientVersion?.gitVersion;
    if (v) return /v?(\d+\.\d+\.\d+)/.exec(v)?.[1];
  } catch {
    // not JSON: fall through to the text form
  }
  return /Client Version:.*?v?(\d+\.\d+\.\d+)/.exec(out)?.[1] ?? /GitVersion:"v(\d+\.\d+\.\d+)/.exec(out)?.[1];
}

/** `docker info --format {{.ServerVersion}}`: a version means the engine answers. */
export function interpretDockerInfo(result: ProcessResult): Liveness {
  if (result.kind === 'timeout') return { live: false, problem: 'timeout', message: 'Docker did not answer within the time limit: the engine may be starting or stuck. Restart Docker and check again.' };
  if (result.kind !== 'exited') return { live: false, problem: 'unreachable', message: `docker info could not run: ${result.message}` };
  const version = result.stdout.trim();
  if (result.exitCode === 0 && version && !/error/i.test(version)) return { live: true, message: `The Docker engine ${version} answers.` };
  const text = `${result.stderr}\n${result.stdout}`;
  if (/permission denied/i.test(text)) {
    return { live: false, problem: 'permission', message: 'Docker is running but you may not use it: add yourself to the docker group (sudo usermod -aG docker $USER), then log out and in again.' };
  }
  if (/Cannot connect to the Docker daemon|Is the docker daemon running|error during connect|docker_engine|dockerDesktopLinuxEngine/i.test(text)) {
    return { live: false, problem: 'daemon-down', message: 'The Docker client is installed but the Docker engine is not running. Start Docker Desktop (macOS, Windows) or the service (Linux: sudo systemctl start docker).' };
  }
  return { live: false, problem: 'unreachable', message: `docker info failed: ${firstLine(text) || `exit code ${result.exitCode}`}` };
}

/** `kubectl config current-context`: the context name, or why there is none. `message` holds the name when live. */
export function interpretCurrentContext(result: ProcessResult): Liveness {
  if (result.kind !== 'exited') return { live: false, problem: 'unreachable', message: `kubectl could not run: ${result.kind === 'timeout' ? 'it timed out' : result.message}` };
  const name = result.stdout.trim();
  if (result.exitCode === 0 && name) return { live: true, message: name };
  return {
    live: false,
    problem: 'no-context',
    message: 'kubectl has no current context, so it does not know which cluster to talk to. Create a local cluster (kind create cluster, or minikube start), or pick one: kubectl config use-context NAME.',
  };
}

/** `kubectl get --raw /readyz`: `ok` when the API server of the current context answers. */
export function interpretReadyz(result: ProcessResult, context: string): Liveness {
  if (result.kind === 'exited' && result.exitCode === 0) return { live: true, message: `The cluster of context "${context}" answers.` };
  const detail = result.kind === 'exited' ? firstLine(result.stderr || result.stdout) : result.kind === 'timeout' ? 'no answer within 5 seconds' : result.message;
  return {
    live: false,
    problem: result.kind === 'timeout' ? 'timeout' : 'unreachable',
    message: `The cluster of context "${context}" does not answer (${detail}). Is it running? For kind: docker ps shows its node container; for minikube: minikube status.`,
  };
}

function firstLine(text: string): string {
  return (
    text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .find(Boolean) ?? ''
  );
}
