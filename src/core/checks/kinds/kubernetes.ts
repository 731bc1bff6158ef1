/**
 * `kubernetes-manifests`: Kubernetes YAML checked with no cluster.
 *
 * Each object validates against the Kubernetes JSON Schema of its
 * `apiVersion`/`kind` (v1.37 schemas shipped in `schemas/kubernetes/`), and
 * the objects agree with each other: a Deployment's selector matches its pod
 * template's labels, a Service selects some workload and its `targetPort`s are
 * ports that workload's containers declare. Module 7 adds probes and resources.
 *
 * `validateManifests` is pure (texts in, diagnostics with their lines out).
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { ajvFor } from '../../schema/ajvRegistry';
import definitions from '../../../../schemas/kubernetes/v1.37.0/definitions.json';
import configmap from '../../../../schemas/kubernetes/v1.37.0/configmap-v1.json';
import deployment from '../../../../schemas/kubernetes/v1.37.0/deployment-apps-v1.json';
import hpa from '../../../../schemas/kubernetes/v1.37.0/horizontalpodautoscaler-autoscaling-v2.json';
import ingress from '../../../../schemas/kubernetes/v1.37.0/ingress-networking-v1.json';
import pdb from '../../../../schemas/kubernetes/v1.37.0/poddisruptionbudget-policy-v1.json';
import pod from '../../../../schemas/kubernetes/v1.37.0/pod-v1.json';
import secret from '../../../../schemas/kubernetes/v1.37.0/secret-v1.json';
import service from '../../../../schemas/kubernetes/v1.37.0/service-v1.json';
import serviceaccount from '../../../../schemas/kubernetes/v1.37.0/serviceaccount-v1.json';
import statefulset from '../../../../schemas/kubernetes/v1.37.0/statefulset-apps-v1.json';
import type { CoreDiagnostic, Range } from '../../diagnostic';
import { parseYaml } from '../../events/yamlText';
import { pointerSegments, rangeAtPointer, segmentsPointer, type Segment } from '../../schema/pointerRange';
import { closestName } from '../../events/closest';
import { num, strs } from '../fields';
import { defineCheckKind } from '../defineCheckKind';
import { matchFiles, readText } from '../files';
import { failWith } from '../goTool';
import type { CheckProblem, CheckSpec } from '../types';

const source = 'edgo-kubernetes';
export const kubernetesSchemaVersion = '1.37.0';

/** Shipped schemas by `kind@apiVersion`. */
const schemas: Readonly<Record<string, object>> = {
  'ConfigMap@v1': configmap,
  'Deployment@apps/v1': deployment,
  'HorizontalPodAutoscaler@autoscaling/v2': hpa,
  'Ingress@networking.k8s.io/v1': ingress,
  'PodDisruptionBudget@policy/v1': pdb,
  'Pod@v1': pod,
  'Secret@v1': secret,
  'Service@v1': service,
  'ServiceAccount@v1': serviceaccount,
  'StatefulSet@apps/v1': statefulset,
};

export const supportedKinds = Object.keys(schemas);

const compiled = new Map<string, ValidateFunction>();
let definitionsAdded = false;

function validatorFor(kind: string, apiVersion: string): ValidateFunction | undefined {
  const key = `${kind}@${apiVersion}`;
  const schema = schemas[key];
  if (!schema) return undefined;
  let fn = compiled.get(key);
  if (!fn) {
    const ajv = ajvFor('2020-12-no-formats');
    if (!definitionsAdded) ajv.addSchema(definitions);
    definitionsAdded = true;
    fn = ajv.compile(schema);
    compiled.set(key, fn);
  }
  return fn;
}

export interface ManifestSource {
  readonly file: string;
  readonly text: string;
}

type Json = Record<string, unknown>;

/** One Kubernetes object of a (multi-document) YAML file. */
export interface ManifestObject {
  readonly file: string;
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly value: Json;
  /** The range of the value at `path` (or of the closest parent that exists). */
  locate(path: readonly Segment[], key?: boolean): Range;
}

export interface FileDiagnostics {
  readonly file: string;
  readonly diagnostics: CoreDiagnostic[];
}

/** Extra rules of module 7. */
export interface ManifestRules {
  /** Every container of a Deployment/StatefulSet has liveness and readiness probes. */
  readonly requireProbes?: boolean;
  /** Every container sets resource requests and limits for cpu and memory. */
  readonly requireResources?: boolean;
}

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const get = (v: unknown, ...path: Segment[]): unknown => path.reduce<unknown>((cur, seg) => (isObj(cur) || Array.isArray(cur) ? (cur as Record<Segment, unknown>)[seg] : undefined), v);
const pathText = (path: readonly Segment[]): string => path.reduce<string>((acc, s) => (typeof s === 'number' ? `${acc}[${s}]` : acc ? `${acc}.${s}` : s), '') || '(document)';

function diag(r: Range, code: string, message: string, severity: CoreDiagnostic['severity'] = 'error'): CoreDiagnostic {
  return { range: r, severity, code: `kubernetes/${code}`, message, source };
}

/** Parses every document of every file; YAML errors and objects without apiVersion/kind are diagnostics. */
export function parseManifests(sources: readonly ManifestSource[]): { objects: ManifestObject[]; diagnostics: Map<string, CoreDiagnostic[]> } {
  const objects: ManifestObject[] = [];
  const diagnostics = new Map<string, CoreDiagnostic[]>();
  for (const { file, text } of sources) {
    const out: CoreDiagnostic[] = [];
    diagnostics.set(file, out);
    // The hardened parse: a huge, deeply nested or alias-bomb file is one finding, in bounded time.
    const parsed = parseYaml(text);
    out.push(...parsed.diagnostics.map((d) => ({ ...d, source })));
    for (const doc of parsed.docs) {
      if (!doc.ok) continue;
      const value: unknown = doc.value;
      if (value === null || value === undefined) continue; // an empty document (`---` twice, comments only)
      const locate = (path: readonly Segment[], key = false): Range => rangeAtPointer(parsed, doc.index, segmentsPointer(path), key ? 'key' : 'value');
      if (!isObj(value)) {
        out.push(diag(locate([]), 'not-an-object', 'A Kubernetes manifest is a mapping with apiVersion, kind and metadata.'));
        continue;
      }
      const apiVersion = typeof value.apiVersion === 'string' ? value.apiVersion : '';
      const kind = typeof value.kind === 'string' ? value.kind : '';
      if (!apiVersion || !kind) {
        out.push(diag(locate([]), 'missing-type', `This document has no ${!apiVersion ? '"apiVersion"' : '"kind"'}: every object needs both, e.g. apiVersion: apps/v1 and kind: Deployment.`));
        continue;
      }
      const name = typeof get(value, 'metadata', 'name') === 'string' ? (get(value, 'metadata', 'name') as string) : '';
      objects.push({ file, apiVersion, kind, name, value, locate });
    }
  }
  return { objects, diagnostics };
}

function schemaMessage(e: ErrorObject, at: string): string {
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return `${at}: "${String(params.missingProperty)}" is required.`;
    case 'additionalProperties': {
      const prop = String(params.additionalProperty);
      const known = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const best = closestName(prop, known);
      const hint = best ? ` Did you mean "${best}"?` : '';
      return `${at}: unknown field "${prop}".${hint}`;
    }
    case 'type': {
      const types = ([] as unknown[]).concat(params.type).filter((t) => t !== 'null');
      return `${at} must be ${types.join(' or ')}.`;
    }
    case 'enum':
      return `${at} must be one of ${((params.allowedValues as unknown[]) ?? [])
        .filter((v) => v !== null)
        .map((v) => JSON.stringify(v))
        .join(', ')}.`;
    default:
      return `${at} ${e.message ?? 'is invalid'}.`;
  }
}

function schemaDiagnostics(obj: ManifestObject): CoreDiagnostic[] {
  const validate = validatorFor(obj.kind, obj.apiVersion);
  if (!validate) {
    return [diag(obj.locate(['kind']), 'no-schema', `No schema shipped for ${obj.kind} (${obj.apiVersion}); it is not validated. Shipped: ${supportedKinds.join(', ')}.`, 'warning')];
  }
  if (validate(obj.value)) return [];
  const errors = validate.errors ?? [];
  // oneOf/anyOf summaries repeat what their branches said; keep them only when alone.
  const specific = errors.filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'anyOf');
  const seen = new Set<string>();
  const out: CoreDiagnostic[] = [];
  for (const e of specific.length > 0 ? specific : errors) {
    const path = pointerSegments(e.instancePath);
    const params = e.params as Record<string, unknown>;
    const at = pathText(path);
    const message = schemaMessage(e, at);
    if (seen.has(message)) continue;
    seen.add(message);
    const r = e.keyword === 'additionalProperties' ? obj.locate([...path, String(params.additionalProperty)], true) : obj.locate(path);
    out.push({ ...diag(r, `schema-${e.keyword}`, `${obj.kind} "${obj.name}": ${message}`), pointer: e.instancePath });
  }
  return out;
}

const workloadKinds = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']);

interface Workload {
  readonly obj: ManifestObject;
  readonly labels: Record<string, unknown>;
  readonly namespace: string;
  /** [path to the container, container] */
  readonly containers: [Segment[], Json][];
}

function workloadOf(obj: ManifestObject): Workload | undefined {
  const podPath: Segment[] = obj.kind === 'Pod' ? [] : workloadKinds.has(obj.kind) ? ['spec', 'template'] : [];
  if (obj.kind !== 'Pod' && !workloadKinds.has(obj.kind)) return undefined;
  const labels = get(obj.value, ...podPath, 'metadata', 'labels');
  const containers = get(obj.value, ...podPath, 'spec', 'containers');
  return {
    obj,
    labels: isObj(labels) ? labels : {},
    namespace: String(get(obj.value, 'metadata', 'namespace') ?? 'default'),
    containers: Array.isArray(containers) ? containers.flatMap((c, i) => (isObj(c) ? [[[...podPath, 'spec', 'containers', i], c] as [Segment[], Json]] : [])) : [],
  };
}

const selects = (selector: Json, labels: Record<string, unknown>): boolean => Object.entries(selector).every(([k, v]) => labels[k] !== undefined && String(labels[k]) === String(v));

/** Rules across objects: selectors, ports, and (module 7) probes and resources. */
export function crossObjectDiagnostics(objects: readonly ManifestObject[], rules: ManifestRules = {}): Map<ManifestObject, CoreDiagnostic[]> {
  const out = new Map<ManifestObject, CoreDiagnostic[]>();
  const add = (obj: ManifestObject, d: CoreDiagnostic): void => {
    out.set(obj, [...(out.get(obj) ?? []), d]);
  };
  const workloads = objects.map(workloadOf).filter((w): w is Workload => !!w);

  for (const w of workloads) {
    if (w.obj.kind === 'Pod') continue;
    const matchLabels = get(w.obj.value, 'spec', 'selector', 'matchLabels');
    if (isObj(matchLabels)) {
      for (const [k, v] of Object.entries(matchLabels)) {
        if (String(w.labels[k]) !== String(v)) {
          add(
            w.obj,
            diag(
              w.obj.locate(['spec', 'selector', 'matchLabels', k], true),
              'selector-mismatch',
              `${w.obj.kind} "${w.obj.name}": selector ${k}=${String(v)} does not match the pod template's labels (${
                Object.entries(w.labels)
                  .map(([a, b]) => `${a}=${String(b)}`)
                  .join(', ') || 'none'
              }); the ${w.obj.kind} would own no pods, and the API server rejects it.`,
            ),
          );
        }
      }
    }
    for (const [cPath, c] of w.containers) {
      const cname = String(c.name ?? '?');
      if (rules.requireProbes) {
        for (const probe of ['livenessProbe', 'readinessProbe']) {
          if (!isObj(c[probe])) {
            add(w.obj, diag(w.obj.locate([...cPath, 'name']), 'missing-probe', `Container "${cname}" of ${w.obj.kind} "${w.obj.name}" has no ${probe}: point it at ${probe === 'livenessProbe' ? '/healthz' : '/readyz'}.`));
          }
        }
      }
      if (rules.requireResources) {
        for (const part of ['requests', 'limits']) {
          for (const res of ['cpu', 'memory']) {
            if (get(c, 'resources', part, res) === undefined) {
              add(w.obj, diag(w.obj.locate([...cPath, 'resources', part]), 'missing-resources', `Container "${cname}" of ${w.obj.kind} "${w.obj.name}" sets no resources.${part}.${res}.`));
            }
          }
        }
      }
      // A probe on a named port must name a declared port.
      for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
        const port = get(c, probe, 'httpGet', 'port');
        if (typeof port === 'string' && !/^\d+$/.test(port) && !portsOf(c).some((p) => p.name === port)) {
          add(w.obj, diag(w.obj.locate([...cPath, probe, 'httpGet', 'port']), 'probe-port', `The ${probe} of container "${cname}" uses port "${port}", which the container does not declare.`));
        }
      }
    }
  }

  for (const svc of objects.filter((o) => o.kind === 'Service')) {
    const selector = get(svc.value, 'spec', 'selector');
    if (!isObj(selector) || Object.keys(selector).length === 0) continue; // selector-less Services point at manual Endpoints
    const ns = String(get(svc.value, 'metadata', 'namespace') ?? 'default');
    const targets = workloads.filter((w) => w.namespace === ns && selects(selector, w.labels));
    if (targets.length === 0) {
      add(
        svc,
        diag(
          svc.locate(['spec', 'selector'], true),
          'selects-nothing',
          `Service "${svc.name}": selector ${Object.entries(selector)
            .map(([k, v]) => `${k}=${String(v)}`)
            .join(', ')} matches no pod template in these manifests, so it would have no endpoints.`,
        ),
      );
      continue;
    }
    const ports = get(svc.value, 'spec', 'ports');
    if (!Array.isArray(ports)) continue;
    const declared = targets.flatMap((w) => w.containers.flatMap(([, c]) => portsOf(c)));
    ports.forEach((p, i) => {
      if (!isObj(p)) return;
      const target = p.targetPort ?? p.port;
      const ok = typeof target === 'number' || /^\d+$/.test(String(target)) ? declared.some((d) => d.containerPort === Number(target)) : declared.some((d) => d.name === String(target));
      if (!ok) {
        const list = declared.map((d) => (d.name ? `${d.name} (${d.containerPort})` : String(d.containerPort))).join(', ') || 'none';
        add(
          svc,
          diag(
            svc.locate(['spec', 'ports', i, p.targetPort !== undefined ? 'targetPort' : 'port']),
            'port-mismatch',
            `Service "${svc.name}": targetPort ${JSON.stringify(target)} is not a port of the selected containers (they declare: ${list}).`,
          ),
        );
      }
    });
  }
  return out;
}

function portsOf(c: Json): { name?: string | undefined; containerPort: number }[] {
  const ports = c.ports;
  if (!Array.isArray(ports)) return [];
  return ports.filter(isObj).map((p) => ({ name: typeof p.name === 'string' ? p.name : undefined, containerPort: Number(p.containerPort) }));
}

/** Validates manifests: schema per object plus the cross-object rules; diagnostics grouped by file. */
export function validateManifests(sources: readonly ManifestSource[], rules: ManifestRules = {}): FileDiagnostics[] {
  const { objects, diagnostics } = parseManifests(sources);
  for (const obj of objects) diagnostics.get(obj.file)?.push(...schemaDiagnostics(obj));
  for (const [obj, list] of crossObjectDiagnostics(objects, rules)) diagnostics.get(obj.file)?.push(...list);
  return sources.map(({ file }) => ({ file, diagnostics: (diagnostics.get(file) ?? []).sort((a, b) => a.range.start.line - b.range.start.line) }));
}

/** `{kind, name, path, equals}`: a value some object must have (e.g. replicas: 2). */
export interface ValueExpectation {
  readonly kind: string;
  readonly name: string;
  readonly path: string;
  readonly equals: unknown;
}

function expectationsOf(spec: CheckSpec, field: string, problems: string[]): ValueExpectation[] {
  const raw = spec[field];
  if (raw === undefined) return [];
  if (!Array.isArray(raw) || !raw.every((e) => isObj(e) && typeof e.kind === 'string' && typeof e.name === 'string' && typeof e.path === 'string' && 'equals' in e)) {
    problems.push(`"${field}" must be a list of {"kind", "name", "path", "equals"}, e.g. {"kind": "Deployment", "name": "order", "path": "spec.replicas", "equals": 2}.`);
    return [];
  }
  return raw as ValueExpectation[];
}

/** Dotted path with `[i]` indexes, e.g. `spec.template.spec.containers[0].image`. */
export function readPath(value: unknown, path: string): unknown {
  const segs = path.split('.').flatMap((part) =>
    part
      .split(/\[(\d+)\]/)
      .filter((s) => s !== '')
      .map((s) => (/^\d+$/.test(s) ? Number(s) : s)),
  );
  return get(value, ...segs);
}

/** The first place an object refers to a Secret or ConfigMap by name: `secretRef`, `configMapKeyRef`, a volume's `secretName`... */
function findReference(objects: readonly ManifestObject[], kind: string, name: string): { obj: ManifestObject; path: Segment[] } | undefined {
  const keyword = kind.toLowerCase();
  if (keyword !== 'secret' && keyword !== 'configmap') return undefined;
  const walk = (value: unknown, path: Segment[]): Segment[] | undefined => {
    if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) {
        const found = walk(v, [...path, i]);
        if (found) return found;
      }
      return undefined;
    }
    if (!value || typeof value !== 'object') return undefined;
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const refKey = k.toLowerCase().startsWith(keyword);
      if (refKey && v && typeof v === 'object' && (v as { name?: unknown }).name === name) return [...path, k, 'name'];
      if (refKey && k.toLowerCase() === `${keyword}name` && v === name) return [...path, k];
      const found = walk(v, [...path, k]);
      if (found) return found;
    }
    return undefined;
  };
  for (const obj of objects) {
    const path = walk(obj.value, []);
    if (path) return { obj, path };
  }
  return undefined;
}

/** Checks required objects (`Kind/name`) and expected values; problems carry their place. */
export function checkExpectations(objects: readonly ManifestObject[], required: readonly string[], expectations: readonly ValueExpectation[]): CheckProblem[] {
  const problems: CheckProblem[] = [];
  for (const want of required) {
    const [kind, name] = want.split('/');
    if (objects.some((o) => o.kind === kind && (name === undefined || o.name === name))) continue;
    // Located where the learner's manifests refer to it (a secretRef, a configMap volume), when they do.
    const ref = kind && name ? findReference(objects, kind, name) : undefined;
    problems.push({
      message: `No ${kind}${name ? ` named "${name}"` : ''} in the manifests${ref ? `, though ${ref.obj.kind} "${ref.obj.name}" refers to it` : ''}.`,
      ...(ref ? { location: { file: ref.obj.file, line: ref.obj.locate(ref.path).start.line + 1 } } : {}),
    });
  }
  for (const e of expectations) {
    const obj = objects.find((o) => o.kind === e.kind && o.name === e.name);
    if (!obj) {
      problems.push({ message: `No ${e.kind} named "${e.name}" to check ${e.path} on.` });
      continue;
    }
    const actual = readPath(obj.value, e.path);
    if (JSON.stringify(actual) !== JSON.stringify(e.equals)) {
      const line =
        obj.locate(
          e.path.split('.').flatMap((p) =>
            p
              .split(/\[(\d+)\]/)
              .filter(Boolean)
              .map((s) => (/^\d+$/.test(s) ? Number(s) : s)),
          ),
        ).start.line + 1;
      problems.push({ message: `${e.kind} "${e.name}": ${e.path} is ${JSON.stringify(actual) ?? 'not set'}, expected ${JSON.stringify(e.equals)}.`, location: { file: obj.file, line } });
    }
  }
  return problems;
}

/** The rule fields `kubernetes-manifests` and each `helm-chart` render share. */
export const manifestRuleFields = {
  require: { type: 'array', items: { type: 'string', pattern: '^[A-Za-z]+(/[\\w.-]+)?$', patternHint: '"Deployment/order"' }, description: 'Objects that must exist, e.g. ["Deployment/order"]' },
  expect: {
    type: 'array',
    items: {
      type: 'object',
      properties: {
        kind: { type: 'string', required: true },
        name: { type: 'string', required: true },
        path: { type: 'string', required: true, description: 'e.g. spec.replicas' },
        equals: { type: 'any', required: true, description: 'The value it must have' },
      },
    },
    description: 'Values objects must have: [{kind, name, path, equals}]',
  },
  requireProbes: { type: 'boolean', description: 'Every container has readiness and liveness probes' },
  requireResources: { type: 'boolean', description: 'Every container has resource requests and limits' },
} as const;

export function rulesOf(spec: CheckSpec): ManifestRules {
  return { requireProbes: spec.requireProbes === true, requireResources: spec.requireResources === true };
}

/** Runs every rule on sources and returns the problems a check reports (errors only). */
export function manifestProblems(sources: readonly ManifestSource[], spec: CheckSpec): CheckProblem[] {
  const problems: CheckProblem[] = [];
  for (const { file, diagnostics } of validateManifests(sources, rulesOf(spec))) {
    for (const d of diagnostics) if (d.severity === 'error') problems.push({ message: d.message, location: { file, line: d.range.start.line + 1, column: d.range.start.character + 1 } });
  }
  const { objects } = parseManifests(sources);
  const required = Array.isArray(spec.require) ? (spec.require as string[]) : [];
  problems.push(...checkExpectations(objects, required, expectationsOf(spec, 'expect', [])));
  return problems;
}

/**
 * Fields: `files` (globs), `min` (files, default 1), `require` (["Deployment/order"]),
 * `expect` ([{kind, name, path, equals}]), `requireProbes`, `requireResources`.
 */
export const kubernetesManifestsCheck = defineCheckKind({
  kind: 'kubernetes-manifests',
  fields: {
    files: { type: 'array', required: true, minItems: 1, items: { type: 'string' }, description: 'Manifest files (globs allowed)' },
    min: { type: 'integer', description: 'At least this many files (default 1)' },
    ...manifestRuleFields,
  },
  summary: `Every manifest in \`files\` validates against the Kubernetes ${kubernetesSchemaVersion} JSON Schema of its kind; selectors match pod labels; Service targetPorts are container ports; \`require\` lists objects that must exist, \`expect\` values they must have; \`requireProbes\`/\`requireResources\` for module 7.`,
  run(spec, ctx) {
    const globs = strs(spec, 'files') ?? [];
    const min = num(spec, 'min') ?? 1;
    const files = [...new Set(globs.flatMap((g) => matchFiles(ctx.fs, ctx.folder, g)))].sort();
    const problems = manifestProblems(
      files.map((file) => ({ file, text: readText(ctx.fs, ctx.folder, file) ?? '' })),
      spec,
    );
    if (files.length < min) problems.push({ message: `Found ${files.length} manifest file${files.length === 1 ? '' : 's'} matching ${globs.join(', ')}; the step asks for ${min}.` });
    if (problems.length > 0) return Promise.resolve(failWith(`${problems.length} manifest problem${problems.length === 1 ? '' : 's'}`, problems));
    return Promise.resolve({ status: 'pass' as const, message: `${files.length} manifest file${files.length === 1 ? '' : 's'} validate and agree with each other.` });
  },
});
