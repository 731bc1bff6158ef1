import { parseAllDocuments } from 'yaml';

/** A Kubernetes object found in a manifest file. */
export interface K8sObject {
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
  /** For a Service: its ports (`port`, the one port-forward targets). */
  readonly ports?: readonly number[];
  /** For a workload: the container images it runs. */
  readonly images?: readonly string[];
}

/** Workload kinds that `kubectl rollout status` and `kubectl logs` understand. */
export const rolloutKinds: ReadonlySet<string> = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);

/**
 * The Kubernetes objects in one YAML file (multi-document files included).
 * A file that is not a manifest (no `apiVersion` + `kind`) yields nothing;
 * a file with a YAML syntax error yields the objects before the error.
 */
export function parseManifestObjects(text: string): K8sObject[] {
  const out: K8sObject[] = [];
  let docs;
  try {
    docs = parseAllDocuments(text);
  } catch {
    return out;
  }
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    if (doc.errors.length > 0) break;
    const value: unknown = doc.toJS();
    collect(value, out);
  }
  return out;
}

function collect(value: unknown, out: K8sObject[]): void {
  if (!isRecord(value)) return;
  const { apiVersion, kind, metadata, spec } = value;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return;
  if (kind === 'List' && Array.isArray(value.items)) {
    for (const item of value.items) collect(item, out);
    return;
  }
  const name = isRecord(metadata) && typeof metadata.name === 'string' ? metadata.name : undefined;
  if (!name) return;
  const namespace = isRecord(metadata) && typeof metadata.namespace === 'string' ? metadata.namespace : undefined;
  let ports: number[] | undefined;
  if (kind === 'Service' && isRecord(spec) && Array.isArray(spec.ports)) {
    ports = spec.ports.map((p) => (isRecord(p) ? Number(p.port) : NaN)).filter((p) => Number.isInteger(p) && p > 0);
  }
  const images = containerImages(kind === 'Pod' ? spec : isRecord(spec) && isRecord(spec.template) ? spec.template.spec : undefined);
  out.push({ kind, name, ...(namespace ? { namespace } : {}), ...(ports ? { ports } : {}), ...(images.length ? { images } : {}) });
}

function containerImages(podSpec: unknown): string[] {
  if (!isRecord(podSpec)) return [];
  const containers = [...(Array.isArray(podSpec.containers) ? podSpec.containers : []), ...(Array.isArray(podSpec.initContainers) ? podSpec.initContainers : [])];
  return containers.map((c) => (isRecord(c) && typeof c.image === 'string' ? c.image : '')).filter(Boolean);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
