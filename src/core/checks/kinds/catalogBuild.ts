/**
 * `event-catalog-builds`: the learner's generated EventCatalog builds with the
 * real EventCatalog (`eventcatalog build`, what `npm run build` runs) and the
 * built site has a page for every event and service of the catalog. It needs
 * Node.js 22.12+ and the catalog's packages installed (`npm install` in the
 * catalog folder); when either is missing the check fails and says which, with
 * the version found and how to get what is needed. It never passes without a build.
 */
import { missingToolMessage } from '../../preflight/missingTool';
import { installHint } from '../../preflight/installHints';
import { toolSpec } from '../../preflight/toolSpecs';
import { isAtLeast } from '../../preflight/version';
import { splitMdx } from '../../generate/frontmatter';
import { joinPaths } from '../../paths';
import type { CourseFs } from '../courseFs';
import { str } from '../fields';
import { defineCheckKind } from '../defineCheckKind';
import { matchFiles, readText } from '../files';
import { failWith } from '../goTool';
import type { CheckContext, CheckOutcome, CheckProblem, CheckSpec, ProcessResult } from '../types';

const nodeSpec = toolSpec('node');
const coreBin = ['node_modules', '@eventcatalog', 'core', 'bin', 'eventcatalog.js'];

function nodeTooOld(found: string): string {
  const hint = installHint('node', process.platform);
  return `EventCatalog 3 needs Node.js ${nodeSpec.minVersion} or newer to build the catalog; the node found is ${found}. Install a newer one with ${hint.options.map((o) => `\`${o.command}\` (${o.via})`).join(' or ')}; more at ${hint.docsUrl}. Then run "Event-Driven Go: Check My Tools" to see which node the lab finds.`;
}

/** Stack frames, the wrapper's own exit and Astro's deprecation notices: never the learner's cause. */
const buildNoise = /^\s*at |^\s*Stack trace:|^Error: Command failed|^\[astro\] .*deprecated/;

/**
 * Where a failed build points: a catalog page it names (`events/x/index.mdx`), else the config.
 * A compiler's sentence with its position in the page (`[@mdx-js/rollup] Expected a closing tag
 * for \`<SchemaViewer>\` (27:1-27:80)`) becomes the message, at that line.
 */
export function buildProblems(output: string, catalog: string): CheckProblem[] {
  const lines = output
    .split('\n')
    .map((l) => l.replace(/\u001b\[[0-9;]*m/g, '').trimEnd())
    .filter(Boolean);
  const tail = lines.slice(-15).join('\n');
  const page = /((?:domains|services|events|commands|queries|channels|flows|teams|users)\/[\w./-]*?index\.mdx?)(?::(\d+))?/.exec(tail);
  const file = page ? joinPaths(catalog, page[1] ?? '') : `${catalog}/eventcatalog.config.js`;
  const cause = lines.map((l) => /^\[[@\w/.-]+\]\s+(.+?)\s+\((\d+):(\d+)(?:-\d+:\d+)?\)$/.exec(l)).find((m) => m !== null);
  if (cause && page) {
    return [{ message: cause[1] ?? '', location: { file, line: Number(cause[2]), column: Number(cause[3]) } }];
  }
  const shown = lines
    .slice(-15)
    .filter((l) => !buildNoise.test(l))
    .join('\n');
  return [{ message: shown || 'eventcatalog build failed with no output', location: { file, ...(page?.[2] ? { line: Number(page[2]) } : {}) } }];
}

/** Ids of the catalog's current (not versioned) event and service pages. */
function resourceIds(fs: CourseFs, folder: string, catalog: string, kind: 'events' | 'services'): string[] {
  return matchFiles(fs, folder, `${catalog}/**/${kind}/*/index.{md,mdx}`)
    .filter((f) => !f.includes('/versioned/'))
    .map((f) => String(splitMdx(readText(fs, folder, f) ?? '').data?.id ?? ''))
    .filter(Boolean);
}

async function run(spec: CheckSpec, ctx: CheckContext): Promise<CheckOutcome> {
  const catalog = (str(spec, 'catalog') ?? 'eventcatalog').replace(/\/+$/, '');
  const dir = joinPaths(ctx.folder, catalog);
  if (ctx.fs.kindOf(joinPaths(dir, 'package.json')) === undefined) {
    return failWith(`There is no EventCatalog project in ${catalog}/ yet`, [
      { message: `generate it first: "Event-Driven Go: Generate Event Catalog from Event YAML" (or edgo catalog .) writes ${catalog}/ with its package.json`, location: { file: catalog } },
    ]);
  }

  const version = await ctx.runner.run('node', ['--version'], { cwd: dir, timeoutMs: 15_000, signal: ctx.signal });
  if (version.notFound) return { status: 'fail', message: version.missing ?? missingToolMessage('node', { reason: 'not-found' }, process.platform), missingTool: 'node', problems: [] };
  const found = nodeSpec.parseVersion(version.stdout, version.stderr);
  if (!found || !isAtLeast(found, nodeSpec.minVersion)) {
    return { status: 'fail', message: nodeTooOld(found ? `v${found}` : `one whose version could not be read (${(version.stdout + version.stderr).trim() || 'no output'})`), missingTool: 'node', problems: [] };
  }

  if (ctx.fs.kindOf(joinPaths(dir, ...coreBin)) === undefined) {
    return {
      status: 'fail',
      missingTool: 'eventcatalog',
      message: `EventCatalog is not installed in ${catalog}/ (no ${catalog}/node_modules/@eventcatalog/core). Run the task "EventCatalog: npm install" (or npm install in ${catalog}/), which needs the npm registry, then check again.`,
      problems: [{ message: `run npm install in ${catalog}/`, location: { file: `${catalog}/package.json` } }],
    };
  }

  const timeoutMs = 60_000 * (typeof spec.timeoutMinutes === 'number' ? spec.timeoutMinutes : 15);
  const built: ProcessResult = await ctx.runner.run('node', [joinPaths(...coreBin), 'build'], {
    cwd: dir,
    timeoutMs,
    signal: ctx.signal,
    env: { EVENTCATALOG_TELEMETRY: 'false', NO_UPDATE_NOTIFIER: '1', NODE_OPTIONS: '' },
  });
  if (built.timedOut) {
    return failWith(`eventcatalog build did not finish in ${timeoutMs / 60_000} minutes`, [{ message: (built.stdout + built.stderr).trim().split('\n').slice(-5).join('\n'), location: { file: `${catalog}/eventcatalog.config.js` } }]);
  }
  if (built.exitCode !== 0) return failWith('eventcatalog build failed', buildProblems(built.stdout + '\n' + built.stderr, catalog));

  const missing: CheckProblem[] = [];
  let pages = 0;
  for (const kind of ['events', 'services'] as const) {
    for (const id of resourceIds(ctx.fs, ctx.folder, catalog, kind)) {
      pages++;
      const page = `dist/docs/${kind}/${id}/index.html`;
      if (ctx.fs.kindOf(joinPaths(dir, page)) === undefined) missing.push({ message: `the build made no page for ${kind.slice(0, -1)} ${id} (${catalog}/${page})`, location: { file: catalog } });
    }
  }
  if (missing.length > 0) return failWith(`${missing.length} page${missing.length === 1 ? '' : 's'} missing from the built catalog`, missing);
  if (pages === 0) return failWith('The catalog has no event or service pages to build', [{ message: `add events/ and services/ pages to ${catalog}/ (generate them from your event YAML)`, location: { file: catalog } }]);
  return { status: 'pass', message: `eventcatalog build made ${catalog}/dist with a page for each of the ${pages} events and services (Node.js ${found}). Open it with the task "EventCatalog: npm run dev".` };
}

/** Fields: `catalog` (folder, default "eventcatalog"), `timeoutMinutes` (default 15). */
export const eventCatalogBuildsCheck = defineCheckKind({
  kind: 'event-catalog-builds',
  summary:
    'The EventCatalog project in `catalog` builds with the real `eventcatalog build` (Node.js 22.12+, packages installed with npm install) and the site has a page for every event and service; says what is missing otherwise, never passes without a build.',
  fields: {
    catalog: { type: 'string', description: 'The EventCatalog folder, default "eventcatalog"' },
    timeoutMinutes: { type: 'integer', minimum: 1, description: 'How long the build may take, default 15' },
  },
  run,
});
