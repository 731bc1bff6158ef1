/**
 * Every tool the course uses, in the order reports list them. The one list: the
 * preflight, the tasks, the `edgo.tools.<id>` settings (package.json, kept equal
 * by a unit test) and the CLI all read it.
 */
export const toolIds = ['go', 'git', 'docker', 'kubectl', 'helm', 'kind', 'minikube', 'nats-server', 'node', 'npm'] as const;

export type ToolId = (typeof toolIds)[number];

export function isToolId(value: unknown): value is ToolId {
  return typeof value === 'string' && (toolIds as readonly string[]).includes(value);
}
