/**
 * `helm-chart`: the chart lints (`helm lint`), renders (`helm template`) with
 * each set of values files, and what it renders passes the same rules as
 * hand-written manifests (`kubernetes-manifests`): schemas, selectors, ports,
 * probes and resources. Each render may expect values, so an overrides file is
 * checked to change what it should (e.g. replicas 2 -> 3).
 *
 * The `helm` binary is `helm` on PATH (tests put the one they built first on PATH).
 */
import { missingToolMessage } from '../../preflight/missingTool';
import { dirnameOf, joinPaths } from '../../paths';
import { str } from '../fields';
import { defineCheckKind } from '../defineCheckKind';
import { failWith } from '../goTool';
import type { CheckContext, CheckProblem, CheckSpec, ProcessResult } from '../types';
import { checkExpectations, parseManifests, manifestRuleFields, validateManifests, rulesOf, type ManifestSource, type ValueExpectation } from './kubernetes';

/** What the check says when helm is found nowhere: the preflight's words. */
export const helmInstallHelp = missingToolMessage('helm', { reason: 'not-found' }, process.platform);

interface RenderSpec {
  readonly values: readonly string[];
  readonly require: readonly string[];
  readonly expect: readonly ValueExpectation[];
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function rendersOf(spec: CheckSpec, problems: string[] = []): RenderSpec[] {
  const raw = spec.renders;
  if (raw === undefined) return [{ values: [], require: [], expect: [] }];
  if (!Array.isArray(raw) || raw.length === 0) {
    problems.push('"renders" must be a non-empty list of {"values": [files], "require": [...], "expect": [...]}.');
    return [];
  }
  return raw.flatMap((r, i) => {
    if (!isObj(r)) {
      problems.push(`renders[${i}] must be an object.`);
      return [];
    }
    if (r.values !== undefined && (!Array.isArray(r.values) || !r.values.every((v) => typeof v === 'string'))) problems.push(`renders[${i}].values must be a list of file paths.`);
    return [{ values: (r.values as string[] | undefined) ?? [], require: (r.require as string[] | undefined) ?? [], expect: (r.expect as ValueExpectation[] | undefined) ?? [] }];
  });
}

/** Splits `helm template` output into one source per template (`# Source: chart/templates/x.yaml`). */
export function splitRendered(output: string): ManifestSource[] {
  const sources: { file: string; text: string }[] = [];
  let current: { file: string; text: string } | undefined;
  for (const line of output.split('\n')) {
    const m = /^# Source: (.+)$/.exec(line);
    if (m) {
      const file = (m[1] ?? '').trim();
      current = sources.find((s) => s.file === file);
      if (!current) {
        current = { file, text: '' };
        sources.push(current);
      } else current.text += '---\n';
      continue;
    }
    if (current) current.text += `${line}\n`;
  }
  return sources;
}

/** `helm lint`/`template` errors name `templates/x.yaml:12`; point there when they do. */
export function helmProblems(output: string, chart: string): CheckProblem[] {
  const lines = output.split('\n').filter((l) => /\[ERROR\]|^Error:/.test(l));
  return lines.map((l) => {
    const m = /templates\/([\w./-]+?):(\d+)(?::\d+)?/.exec(l);
    const message = l
      .replace(/^\s*\[ERROR\]\s*/, '')
      .replace(/^Error:\s*/, '')
      .trim();
    return m ? { message, location: { file: `${chart}/templates/${m[1] ?? ''}`, line: Number(m[2]) } } : { message, location: { file: `${chart}/Chart.yaml` } };
  });
}

async function helm(ctx: CheckContext, args: string[]): Promise<ProcessResult> {
  return ctx.runner.run('helm', args, { cwd: ctx.folder, timeoutMs: 120_000, signal: ctx.signal });
}

const describeValues = (values: readonly string[]): string => (values.length === 0 ? 'default values' : values.join(' + '));

/** Fields: `chart` (folder), `release` (default "shop"), `renders` ([{values, require, expect}]), `requireProbes`, `requireResources`. */
export const helmChartCheck = defineCheckKind({
  kind: 'helm-chart',
  fields: {
    chart: { type: 'string', required: true, description: 'The chart folder' },
    release: { type: 'string', description: 'The release name (default "shop")' },
    renders: {
      type: 'array',
      minItems: 1,
      items: { type: 'object', properties: { values: { type: 'array', items: { type: 'string' }, description: 'Values files, in order' }, require: manifestRuleFields.require, expect: manifestRuleFields.expect } },
      description: 'Renders to check, each with its values files and expectations',
    },
    requireProbes: manifestRuleFields.requireProbes,
    requireResources: manifestRuleFields.requireResources,
  },
  summary: "The chart at `chart` passes `helm lint` and renders with each `renders[].values` list; the rendered objects pass the kubernetes-manifests rules (`requireProbes`, `requireResources`) and each render's `require`/`expect`.",
  async run(spec, ctx) {
    const chart = (str(spec, 'chart') ?? '').replace(/\/$/, '');
    const release = str(spec, 'release') ?? 'shop';
    const lint = await helm(ctx, ['lint', chart]);
    if (lint.notFound) return { status: 'fail', message: lint.missing ?? helmInstallHelp, missingTool: 'helm', problems: [] };
    if (lint.exitCode !== 0) {
      const problems = helmProblems(lint.stdout + lint.stderr, chart);
      return failWith('helm lint failed', problems.length > 0 ? problems : [{ message: (lint.stderr || lint.stdout).trim().split('\n').slice(-3).join('\n'), location: { file: joinPaths(chart, 'Chart.yaml') } }]);
    }
    const problems: CheckProblem[] = [];
    let objects = 0;
    for (const render of rendersOf(spec)) {
      const result = await helm(ctx, ['template', release, chart, ...render.values.flatMap((v) => ['-f', v])]);
      if (result.exitCode !== 0) {
        const found = helmProblems(result.stderr, chart);
        problems.push(...(found.length > 0 ? found : [{ message: `helm template with ${describeValues(render.values)} failed: ${result.stderr.trim()}` }]).map((p) => ({ ...p, message: `${describeValues(render.values)}: ${p.message}` })));
        continue;
      }
      const sources = splitRendered(result.stdout);
      const rendered = parseManifests(sources).objects;
      objects += rendered.length;
      for (const { file, diagnostics } of validateManifests(sources, rulesOf(spec))) {
        for (const d of diagnostics) {
          if (d.severity === 'error') problems.push({ message: `${describeValues(render.values)}: ${d.message} (rendered from ${file})`, location: { file: joinPaths(dirnameOf(chart), file) } });
        }
      }
      for (const p of checkExpectations(rendered, render.require, render.expect)) {
        problems.push({ message: `${describeValues(render.values)}: ${p.message}`, location: p.location && { file: joinPaths(dirnameOf(chart), p.location.file) } });
      }
    }
    if (problems.length > 0) return failWith(`${problems.length} chart problem${problems.length === 1 ? '' : 's'}`, problems);
    return { status: 'pass', message: `The chart lints and renders ${objects} valid objects over ${rendersOf(spec).length} value set${rendersOf(spec).length === 1 ? '' : 's'}.` };
  },
});
