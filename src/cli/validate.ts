/**
 * `edgo validate [paths...]`: the same core as the editor, for the terminal and
 * CI. Prints `file:line:col severity code message` (or JSON / SARIF) and exits
 * 1 when there is an error. Files come from `fileValidators` (see validateRegistry.ts
 * to add a kind of file).
 */
import { relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import type { CoreDiagnostic } from '../core/diagnostic';
import { scopeOf } from '../core/events/facts';
import { classifyFile } from '../core/events/fileKinds';
import { errorMessage } from '../core/errorMessage';
import { collectTargets, printable, readSource, walkInto } from './validateFiles';
import { fileValidators, type SourceFile } from './validateRegistry';
import { toSarif } from './validateSarif';

export interface Finding extends CoreDiagnostic {
  /** Path relative to the working directory, `/`-separated. */
  readonly file: string;
}

interface Options {
  readonly paths: string[];
  readonly format: 'text' | 'json' | 'sarif';
  /** Where cross-file checks look for the other files; by default the given folders (and the working directory for single files). */
  readonly root?: string | undefined;
}

export const validateUsage = 'validate [--format text|json|sarif] [--root DIR] [paths...]';

export async function runValidate(args: string[], write: (s: string) => void = (s) => process.stdout.write(s)): Promise<number> {
  const options = parseValidateArgs(args);
  if (typeof options === 'string') {
    process.stderr.write(`edgo validate: ${options}\nUsage: edgo ${validateUsage}\n`);
    return 2;
  }
  let findings: Finding[];
  try {
    findings = await validatePaths(options.paths, options.root);
  } catch (err) {
    if (!(err instanceof ValidateUsageError)) throw err;
    process.stderr.write(`edgo validate: ${printable(err.message)}\n`);
    return 2;
  }
  // JSON escapes C0 controls itself but not C1 (CSI, 0x9b): clean every text that came from a file.
  findings = findings.map((f) => ({ ...f, file: printable(f.file), message: printable(f.message) }));
  if (options.format === 'json') write(`${JSON.stringify(findings.map(toJson), null, 2)}\n`);
  else if (options.format === 'sarif') write(`${JSON.stringify(toSarif(findings), null, 2)}\n`);
  else {
    for (const f of findings) write(`${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.code} ${f.message}\n`);
    const errors = findings.filter((f) => f.severity === 'error').length;
    process.stderr.write(`${errors} error(s), ${findings.length - errors} other finding(s) \n`);
  }
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}

/** A path on the command line that cannot be validated (exit 2). */
export class ValidateUsageError extends Error {}

/**
 * Validates files and folders. Cross-file checks also see the other event and
 * catalog files of `root` or, for single files, of the project each file
 * belongs to (its folder above `events/`, or its own folder), and nothing else.
 */
export async function validatePaths(paths: readonly string[], root?: string): Promise<Finding[]> {
  const given = collectTargets(paths.length ? paths : ['.']);
  if (typeof given === 'string') throw new ValidateUsageError(given);
  const targets = given.files;
  const context = new Set(targets);
  if (root !== undefined) walkInto(resolve(root), context);
  else for (const f of given.singleFiles) walkInto(scopeOf(slash(f)).split('/').join(sep) || sep, context);
  const files: SourceFile[] = [];
  const findings: Finding[] = [];
  const cwd = process.cwd();
  for (const path of context) {
    const isTarget = targets.has(path);
    // Context files are read only when they can define something a target refers to.
    if (!isTarget && classifyFile(slash(path), undefined) === undefined) continue;
    const read = readSource(path);
    if ('text' in read) files.push({ path: slash(path), text: read.text });
    else if (isTarget && (given.singleFiles.includes(path) || fileValidators.some((v) => v.matches(slash(path), '')))) {
      findings.push({ ...read.problem, file: slash(relative(cwd, path)) });
    }
  }
  for (const validator of fileValidators) {
    const mine = files.filter((f) => validator.matches(f.path, f.text));
    if (!mine.length) continue;
    const results = await validator.validate(mine, { targets: new Set([...targets].map(slash)), roots: [root ?? cwd, ...paths.map((p) => resolve(p))].map(slash) });
    for (const [path, diagnostics] of results) {
      if (!targets.has(path.split('/').join(sep)) && !targets.has(path)) continue;
      for (const d of diagnostics) findings.push({ ...d, file: slash(relative(cwd, path)) });
    }
  }
  return findings.sort((a, b) => a.file.localeCompare(b.file) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

function slash(p: string): string {
  return p.split(sep).join('/');
}

function parseValidateArgs(args: string[]): Options | string {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { format: { type: 'string', short: 'f', default: 'text' }, root: { type: 'string' } }, allowPositionals: true, strict: true });
  } catch (err) {
    return errorMessage(err);
  }
  const { format, root } = parsed.values;
  if (format !== 'text' && format !== 'json' && format !== 'sarif') return `unknown format '${format}' (use text, json or sarif)`;
  return { paths: parsed.positionals, format, root: root === undefined ? undefined : resolve(root) };
}

function toJson(f: Finding): Record<string, unknown> {
  return {
    file: f.file, line: f.range.start.line + 1, column: f.range.start.character + 1,
    endLine: f.range.end.line + 1, endColumn: f.range.end.character + 1,
    severity: f.severity, code: f.code, message: f.message, source: f.source, pointer: f.pointer,
  };
}

/** The `edgo validate` entry of `cliCommands`. */
export const validateCommand = {
  name: 'validate',
  usage: validateUsage,
  summary: 'Validate event YAML, event catalogs and EventCatalog pages (exit 1 on errors).',
  run: (args: string[]) => runValidate(args),
};
