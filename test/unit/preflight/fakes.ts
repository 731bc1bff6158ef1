import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ProcessResult, ProcessRunner } from '../../../src/core/checks/types';
import type { ToolFs } from '../../../src/core/tools/toolFs';
import { fakeToolFs } from '../tools/fakeToolFs';
import { toolIds } from '../../../src/core/tools/toolIds';

export const fixtureDir = path.resolve(__dirname, '..', '..', 'fixtures', 'preflight');

export function fixture(name: string): string {
  return fs.readFileSync(path.join(fixtureDir, name), 'utf8');
}

export const exited = (stdout: string, stderr = '', exitCode = 0): ProcessResult => ({ exitCode, stdout, stderr });

/**
 * A runner answering from a table keyed by `<basename> <args...>`; anything else
 * fails the test loudly. `calls` records what was run.
 */
export function fakeRunner(answers: Record<string, ProcessResult>): ProcessRunner & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async run(command, args) {
      const key = [path.basename(command), ...args].join(' ');
      calls.push(key);
      const answer = answers[key];
      if (!answer) throw new Error(`unexpected command: ${key}`);
      return answer;
    },
  };
}

/** A file system in which exactly these paths are executable. */
export function fakeFs(executables: string[]): ToolFs {
  return fakeToolFs(Object.fromEntries(executables.map((e) => [e, 'exe' as const])));
}

/** Every tool installed in /usr/bin, answering with the recorded outputs. */
export function allToolsAnswers(): Record<string, ProcessResult> {
  return {
    'go version': exited(fixture('go-version.linux.txt')),
    'git --version': exited(fixture('git-version.linux.txt')),
    'docker --version': exited(fixture('docker-version.linux.txt')),
    'docker info --format {{.ServerVersion}}': exited('28.2.2\n'),
    'kubectl version --client -o json': exited(fixture('kubectl-version-client.json')),
    'kubectl config current-context': exited('kind-edgo\n'),
    'kubectl get --raw /readyz --request-timeout=5s': exited('ok'),
    'helm version --short': exited('v3.14.2+gc309b6f\n'),
    'kind version': exited(fixture('kind-version.txt')),
    'minikube version': exited(fixture('minikube-version.txt')),
    'nats-server --version': exited(fixture('nats-server-version.linux.txt')),
    'node --version': exited('v20.19.2\n'),
    'npm --version': exited('10.8.2\n'),
  };
}

export const allTools = toolIds.map((t) => `/usr/bin/${t}`);
