/**
 * `edgo validate [paths...]`: the same core as the editor, for the terminal and
 * CI. Prints `file:line:col severity code message` (or JSON / SARIF) and exits
 * 1 when there is an error. Files come from `fileValidators` (see validateRegistry.ts
 * to add a kind of file).
 */
import { readFileSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { CoreDiagnostic } from '../core/diagnostic';
import { walkFiles } from '../core/folderWalk';
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
  readonly root?: string;
}

const maxFiles = 50_000;

export const validateUsage = 'validate [--format text|json|sarif] [--root DIR] [paths...]';

export async function runValidate(args: string[], write: (s: string) => void = (s) => process.stdout.write(s)): Promise<number> {
  const options = parseArgs(args);
  if (typeof options === 'string') {
    process.stderr.write(`edgo validate: ${options}\nUsage: edgo ${validateUsage}\n`);
    return 2;
  }
  const findings = await validatePaths(options.paths, options.root);
  if (options.format === 'json') write(`${JSON.stringify(findings.map(toJson), null, 2)}\n`);
  else if (options.format === 'sarif') write(`${JSON.stringify(toSarif(findings), null, 2)}\n`);
  else {
    for (const f of findings) write(`${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.code} ${f.message}\n`);
    const errors = findings.filter((f) => f.severity === 'error').length;
    process.stderr.write(`${errors} error(s), ${findings.length - errors} other finding(s) \n`);
  }
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}

/** Validates files and folders; cross-file checks also see every file under `root`. */
export async function validatePaths(paths: readonly string[], root?: string): Promise<Finding[]> {
  const targets = new Set<string>();
  const given = paths.length ? paths : ['.'];
  for (const p of given) collect(resolve(p), targets);
  const context = new Set(targets);
  const singleFiles = given.some((p) => isFile(resolve(p)));
  if (root !== undefined || singleFiles) collect(resolve(root ?? '.'), context);
  const files: SourceFile[] = [];
  for (const path of context) {
    const text = readText(path);
    if (text !== undefined) files.push({ path: slash(path), text });
  }
  const findings: Finding[] = [];
  const cwd = process.cwd();
  for (const validator of fileValidators) {
    const mine = files.filter((f) => validator.matches(f.path, f.text));
    if (!mine.length) continue;
    const results = await validator.validate(mine);
    for (const [path, diagnostics] of results) {
      if (!targets.has(path.split('/').join(sep)) && !targets.has(path)) continue;
      for (const d of diagnostics) findings.push({ ...d, file: slash(relative(cwd, path)) });
    }
  }
  return findings.sort((a, b) => a.file.localeCompare(b.file) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function collect(path: string, into: Set<string>): void {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return;
  }
  if (stat.isFile()) {
    into.add(path);
    return;
  }
  if (!stat.isDirectory()) return;
  for (const file of walkFiles(path, sep)) {
    if (into.size >= maxFiles) break;
    if (/\.(ya?ml|mdx?|json|mmd)$/i.test(file)) into.add(file);
  }
}

/** UTF-8 text; invalid bytes become U+FFFD, which the core reports as an encoding problem. */
function readText(path: string): string | undefined {
  try {
    const buf = readFileSync(path);
    return new TextDecoder('utf-8', { fatal: false }).decode(buf);
  } catch {
    return undefined;
  }
}

function slash(p: string): string {
  return p.split(sep).join('/');
}

function parseArgs(args: string[]): Options | string {
  const paths: string[] = [];
  let format: Options['format'] = 'text';
  let root: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--format' || a === '-f') {
      const v = args[++i];
      if (v !== 'text' && v !== 'json' && v !== 'sarif') return `unknown format '${v ?? ''}' (use text, json or sarif)`;
      format = v;
    } else if (a.startsWith('--format=')) {
      const v = a.slice('--format='.length);
      if (v !== 'text' && v !== 'json' && v !== 'sarif') return `unknown format '${v}' (use text, json or sarif)`;
      format = v;
    } else if (a === '--root') {
      root = resolve(args[++i] ?? '.');
    } else if (a.startsWith('-')) {
      return `unknown option '${a}'`;
    } else paths.push(a);
  }
  return { paths, format, root };
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
