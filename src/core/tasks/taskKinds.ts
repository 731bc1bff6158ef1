import type { ToolId } from '../tools/toolIds';

/** The tools a task can run: the course's one tool list (src/core/tools/toolIds.ts). */
export type { ToolId };

/** Every kind of task the provider offers: the `task` property of an `edgo` task definition. */
export const taskKinds = [
  'go-build',
  'go-test',
  'go-test-package',
  'go-vet',
  'go-run',
  'docker-build',
  'docker-run',
  'kubectl-apply',
  'kubectl-get-pods',
  'kubectl-rollout-status',
  'kubectl-logs',
  'kubectl-port-forward',
  'helm-lint',
  'helm-template',
  'helm-upgrade',
  'nats-server',
  'kind-create-cluster',
  'kind-load-image',
  'minikube-start',
  'minikube-load-image',
  'catalog-install',
  'catalog-dev',
  'catalog-build',
] as const;

export type TaskKind = (typeof taskKinds)[number];

export function isTaskKind(value: unknown): value is TaskKind {
  return typeof value === 'string' && (taskKinds as readonly string[]).includes(value);
}

/**
 * Problem matcher names (without `$`). `go` is VS Code's built-in one; the others are
 * contributed in package.json (`contributes.problemMatchers`) and must keep these names.
 */
export const problemMatchers = {
  go: 'go',
  goTest: 'go-test',
  server: 'edgo-server',
  portForward: 'edgo-port-forward',
  natsServer: 'edgo-nats-server',
} as const;

/** A task the catalog offers for a folder: pure data the extension turns into a `vscode.Task`. */
export interface TaskSpec {
  /** Shown in the task picker and used by walkthrough steps (`task:<label>`). */
  readonly label: string;
  readonly kind: TaskKind;
  /** Which project, file or object the task is about, when a folder holds several. */
  readonly target?: string;
  readonly tool: ToolId;
  /** Passed to the process as they are: never joined into a shell line. */
  readonly args: readonly string[];
  /** Working directory relative to the workspace folder (`''` for its root). */
  readonly cwd: string;
  readonly group?: 'build' | 'test';
  /** Names without `$`, see {@link problemMatchers}. */
  readonly problemMatchers: readonly string[];
  /** Long-running (a server, a port-forward): started in the background. */
  readonly background: boolean;
  /** One line on what the task does, shown under its label. */
  readonly detail: string;
}
