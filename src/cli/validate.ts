/**
 * `edgo validate [paths...]`: the same core as the editor, for the terminal and
 * CI. Prints `file:line:col severity code message` (or JSON / SARIF) and exits
 * 1 when there is an error. Which files are validated, and how, is the language
 * service's table of file kinds (src/core/language/kinds.ts), as in the editor.
 */
import { dirname, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import type { CoreDiagnostic } from '../core/diagnostic';
import { errorMessage } from '../core/errorMessage';
import { scopeOf } from '../core/events/facts';
import { classifyFile } from '../core/events/fileKinds';
import { nodeLanguageHost } from '../core/host/nodeLanguageHost';
import { createLanguageService } from '../core/language/service';
import { collectTargets, printable, readSource, walkInto } from './validateFiles';
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
  const roots = [root ?? process.cwd(), ...paths.map((p) => resolve(p))].map(slash);
  const service = createLanguageService({ workspace: { folders: () => roots }, host: nodeLanguageHost(() => roots) });
  const findings: Finding[] = [];
  const cwd = process.cwd();
  // Kubernetes objects are checked against the other manifests of their folder.
  const targetFolders = new Set([...targets].map((t) => dirname(t)));
  const read: string[] = [];
  for (const path of context) {
    const isTarget = targets.has(path);
    // Context files are read only when they can define something a target refers to.
    if (!isTarget && classifyFile(slash(path), undefined) === undefined && !(/\.ya?ml$/i.test(path) && targetFolders.has(dirname(path)))) continue;
    const outcome = readSource(path);
    if ('text' in outcome) {
      service.setFile(slash(path), outcome.text);
      if (isTarget) read.push(path);
    } else if (isTarget && (given.singleFiles.includes(path) || service.kindsOf(slash(path), '').length > 0)) {
      findings.push({ ...outcome.problem, file: slash(relative(cwd, path)) });
    }
  }
  for (const path of read) {
    for (const d of await service.diagnostics(slash(path))) findings.push({ ...d, file: slash(relative(cwd, path)) });
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
    file: f.file,
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
    severity: f.severity,
    code: f.code,
    message: f.message,
    source: f.source,
    pointer: f.pointer,
  };
}

/** The `edgo validate` entry of `cliCommands`. */
export const validateCommand = {
  name: 'validate',
  usage: validateUsage,
  summary: 'Validate event YAML, event catalogs, EventCatalog pages, Mermaid diagrams, GitHub workflows and Kubernetes manifests (exit 1 on errors).',
  run: (args: string[]) => runValidate(args),
};
