/**
 * `import-rule`: the Clean Architecture dependency rule, read from `go list -json`.
 * A rule `{ "from": "domain", "mayNotImport": ["usecase", "infra", "net/http"] }`
 * forbids packages under `domain/` to import packages under those folders of the
 * module (or those import paths, for the standard library and dependencies).
 */
import { joinPaths } from '../paths';
import type { CourseFs } from './courseFs';
import { readModulePath, packageDir } from './goModule';
import { failWith, goMissing, relativeToFolder, runGo } from './goTool';
import { defineCheckKind } from './defineCheckKind';
import type { CheckContext, CheckOutcome, CheckProblem, CheckSpec } from './types';

export interface ImportRule {
  readonly from: string;
  readonly mayNotImport: readonly string[];
}

interface ListedPackage {
  ImportPath?: string;
  Dir?: string;
  Imports?: string[];
  GoFiles?: string[];
  Module?: { Path?: string };
  Error?: { Err?: string; Pos?: string };
}

/** `go list -json` prints one JSON object after another, each closing with `}` alone on a line. */
export function parseGoListJson(stdout: string): ListedPackage[] {
  return stdout
    .split(/^\}\s*$/m)
    .map((chunk) => chunk.trim())
    .filter((chunk) => chunk.startsWith('{'))
    .map((chunk) => JSON.parse(`${chunk}\n}`) as ListedPackage);
}

const trimSlashes = (p: string) => p.replace(/^\.?\/+|\/+$/g, '');
const under = (rel: string, layer: string) => rel === layer || rel.startsWith(`${layer}/`);

/** The line of `"importPath"` in one of the package's files, for the location. */
function findImportLine(fs: CourseFs, dir: string, files: readonly string[], importPath: string): { file: string; line: number } | undefined {
  for (const name of files) {
    const text = fs.readText(joinPaths(dir, name));
    if (text === undefined) continue;
    const idx = text.split(/\r?\n/).findIndex((l) => l.includes(`"${importPath}"`));
    if (idx >= 0) return { file: joinPaths(dir, name), line: idx + 1 };
  }
  return undefined;
}

function rulesOf(spec: CheckSpec): ImportRule[] {
  return (spec.rules as ImportRule[]).map((r) => ({ from: trimSlashes(r.from), mayNotImport: r.mayNotImport.map(trimSlashes) }));
}

async function runImportRule(spec: CheckSpec, ctx: CheckContext): Promise<CheckOutcome> {
  const result = await runGo(ctx, ['list', '-e', '-json', './...']);
  if (result.notFound) return goMissing(result);
  if (result.exitCode !== 0 && result.stdout.trim() === '') {
    const first = result.stderr.trim().split('\n')[0] ?? '';
    return { status: 'fail', message: `go list failed: ${first || `exit code ${result.exitCode ?? 'unknown'}`}` };
  }
  let packages: ListedPackage[];
  try {
    packages = parseGoListJson(result.stdout);
  } catch (err) {
    return { status: 'fail', message: `Could not read the output of go list: ${String(err)}` };
  }
  const modulePath = readModulePath(ctx.fs, ctx.folder) ?? packages.find((p) => p.Module?.Path)?.Module?.Path;
  const problems: CheckProblem[] = [];
  const rules = rulesOf(spec);

  for (const rule of rules) {
    const inLayer = packages.filter((p) => {
      const rel = p.Dir ? relativeToFolder(ctx.folder, p.Dir) : packageDir(modulePath, p.ImportPath ?? '');
      return rel !== undefined && under(rel, rule.from);
    });
    if (inLayer.length === 0) {
      problems.push({ message: `No Go package found under ${rule.from}/: create it (with at least one .go file) first` });
      continue;
    }
    for (const pkg of inLayer) {
      for (const imp of pkg.Imports ?? []) {
        const target = packageDir(modulePath, imp);
        const broken = rule.mayNotImport.find((layer) => (target !== undefined && under(target, layer)) || under(imp, layer));
        if (!broken) continue;
        const at = pkg.Dir ? findImportLine(ctx.fs, pkg.Dir, pkg.GoFiles ?? [], imp) : undefined;
        problems.push({
          message: `${pkg.ImportPath ?? rule.from} imports ${imp}, but ${rule.from} may not depend on ${broken}: inner layers know nothing of outer ones (invert it with an interface in ${rule.from})`,
          ...(at ? { location: { file: relativeToFolder(ctx.folder, at.file), line: at.line } } : {}),
        });
      }
    }
  }
  if (problems.length > 0) return failWith('The dependency rule is broken', problems);
  const summary = rules.length === 1 && rules[0] ? `${rules[0].from} imports none of ${rules[0].mayNotImport.join(', ')}` : `${rules.length} rules checked`;
  return { status: 'pass', message: `The dependency rule holds: ${summary}.` };
}

export const importRuleCheck = defineCheckKind({
  kind: 'import-rule',
  fields: {
    rules: {
      type: 'array',
      required: true,
      minItems: 1,
      items: {
        type: 'object',
        properties: {
          from: { type: 'string', required: true, description: 'A folder of the module, e.g. "domain"' },
          mayNotImport: { type: 'array', required: true, minItems: 1, items: { type: 'string' }, description: 'Folders of the module or import paths, e.g. ["infra", "net/http"]' },
        },
      },
      description: 'Dependency rules: packages under `from` import nothing under `mayNotImport`',
    },
  },
  summary: 'Packages under `from` import nothing under `mayNotImport` (module folders or import paths), from `go list -json`: `rules: [{ from, mayNotImport }]`.',
  run: runImportRule,
});
