/**
 * `helm-package`: the chart packages (`helm package` into a temporary folder,
 * never into the learner's), and the packaged `.tgz`, not the folder, renders
 * with the overrides files (`helm template <release> <tgz> -f ...`): what
 * `helm upgrade --install` would send to the cluster, without a cluster. A file
 * the package leaves out (a `.helmignore` that drops a template) or an overrides
 * file that breaks a template fails here with helm's own message at that file.
 * Each render's objects pass the kubernetes-manifests rules and `require`/`expect`.
 */
import { dirnameOf, joinPaths } from '../../paths';
import { str, strs } from '../fields';
import { defineCheckKind } from '../defineCheckKind';
import { failWith } from '../goTool';
import type { CheckContext, CheckProblem, ProcessResult } from '../types';
import { helmInstallHelp, splitRendered } from './helm';
import { checkExpectations, parseManifests, manifestRuleFields, rulesOf, validateManifests, type ValueExpectation } from './kubernetes';

async function helm(ctx: CheckContext, args: string[]): Promise<ProcessResult> {
  return ctx.runner.run('helm', args, { cwd: ctx.folder, timeoutMs: 120_000, signal: ctx.signal });
}

/** helm's errors, one string each: Helm 4 continues an `Error:` on the following lines, up to a blank one. */
function errorBlocks(output: string): string[] {
  const blocks: string[] = [];
  let current: string[] | undefined;
  for (const line of output.split('\n')) {
    if (/\[ERROR\]|^Error:/.test(line)) {
      current = [
        line
          .replace(/^\s*\[ERROR\]\s*/, '')
          .replace(/^Error:\s*/, '')
          .trim(),
      ];
      blocks.push('');
    } else if (current && line.trim() !== '') current.push(line.trim());
    else current = undefined;
    if (current) blocks[blocks.length - 1] = current.join(' ');
  }
  return blocks;
}

/** Where helm's message points: a template line, a values file it could not open or parse, else Chart.yaml. */
function packageProblems(output: string, chart: string, values: readonly string[]): CheckProblem[] {
  return errorBlocks(output).map((message) => {
    const file = values.find((v) => message.includes(v));
    if (file) return { message, location: { file } };
    // An error inside an included template names the including one first: the last place is the cause.
    const places = [...message.matchAll(/templates\/([\w./-]+?\.(?:ya?ml|tpl|txt)):(\d+)/g)];
    const last = places[places.length - 1];
    return last ? { message, location: { file: `${chart}/templates/${last[1] ?? ''}`, line: Number(last[2]) } } : { message, location: { file: `${chart}/Chart.yaml` } };
  });
}

const lastLines = (r: ProcessResult): string => (r.stderr || r.stdout).trim().split('\n').slice(-3).join('\n');

/** Fields: `chart` (folder), `release` (default "shop"), `values` (overrides files), `require`, `expect`, `requireProbes`, `requireResources`. */
export const helmPackageCheck = defineCheckKind({
  kind: 'helm-package',
  summary:
    'The chart at `chart` packages with `helm package`, and the packaged .tgz renders (`helm template`, an install in dry-run) with the overrides files `values`; the objects pass the kubernetes-manifests rules (`requireProbes`, `requireResources`) and `require`/`expect`.',
  fields: {
    chart: { type: 'string', required: true, description: 'The chart folder, e.g. deploy/chart/shop' },
    release: { type: 'string', description: 'Release name for the render, default "shop"' },
    values: { type: 'array', items: { type: 'string' }, description: 'Overrides files passed with -f, in order' },
    ...manifestRuleFields,
  },
  async run(spec, ctx) {
    const chart = (str(spec, 'chart') ?? '').replace(/\/$/, '');
    const release = str(spec, 'release') ?? 'shop';
    const values = strs(spec, 'values') ?? [];
    const out = ctx.fs.makeTempDir('edgo-helm-package-');
    try {
      const packed = await helm(ctx, ['package', chart, '--destination', out]);
      if (packed.notFound) return { status: 'fail', message: packed.missing ?? helmInstallHelp, missingTool: 'helm', problems: [] };
      if (packed.exitCode !== 0) {
        const problems = packageProblems(packed.stdout + packed.stderr, chart, []);
        return failWith('helm package failed', problems.length > 0 ? problems : [{ message: lastLines(packed), location: { file: `${chart}/Chart.yaml` } }]);
      }
      const tgz = ctx.fs
        .list(out)
        .map((e) => e.name)
        .find((f) => f.endsWith('.tgz'));
      if (!tgz) return failWith('helm package wrote no .tgz', [{ message: lastLines(packed), location: { file: `${chart}/Chart.yaml` } }]);

      const rendered = await helm(ctx, ['template', release, joinPaths(out, tgz), ...values.flatMap((v) => ['-f', v])]);
      const withValues = values.length > 0 ? ` with ${values.join(' + ')}` : '';
      if (rendered.exitCode !== 0) {
        const problems = packageProblems(rendered.stderr, chart, values);
        return failWith(`The packaged ${tgz} does not render${withValues}`, problems.length > 0 ? problems : [{ message: lastLines(rendered), location: { file: `${chart}/Chart.yaml` } }]);
      }

      const sources = splitRendered(rendered.stdout);
      const objects = parseManifests(sources).objects;
      const problems: CheckProblem[] = [];
      // Rendered files are named `<chart name>/templates/x.yaml`; the learner's are under the chart's parent folder.
      const inChart = (file: string): string => joinPaths(dirnameOf(chart), file);
      for (const { file, diagnostics } of validateManifests(sources, rulesOf(spec))) {
        for (const d of diagnostics) if (d.severity === 'error') problems.push({ message: `${d.message} (rendered from ${file} in ${tgz})`, location: { file: inChart(file) } });
      }
      const expect = (spec.expect as ValueExpectation[] | undefined) ?? [];
      for (const p of checkExpectations(objects, strs(spec, 'require') ?? [], expect)) problems.push({ message: `${tgz}${withValues}: ${p.message}`, location: p.location && { file: inChart(p.location.file) } });
      if (problems.length > 0) return failWith(`${problems.length} problem${problems.length === 1 ? '' : 's'} in what the packaged chart installs`, problems);
      return { status: 'pass', message: `helm package made ${tgz}, and it renders ${objects.length} valid objects${withValues}: what helm upgrade --install would apply.` };
    } finally {
      ctx.fs.removeDir(out);
    }
  },
});
