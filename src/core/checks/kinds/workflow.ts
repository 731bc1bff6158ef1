/**
 * `github-workflow`: GitHub Actions workflow files validate against the GitHub
 * Actions workflow JSON Schema (SchemaStore's, shipped offline in
 * `schemas/github-workflow.schema.json`), and do what the course's pipeline must:
 * use given actions, run given commands, and deploy only from `main`.
 *
 * `validateWorkflowText` is pure (text in, diagnostics out); the check kind only
 * finds the files.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { ajvFor } from '../../schema/ajvRegistry';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import workflowSchema from '../../../../schemas/github-workflow.schema.json';
import { range, type CoreDiagnostic, type Range } from '../../diagnostic';
import { num, str, strs } from '../fields';
import { defineCheckKind } from '../defineCheckKind';
import { matchFiles, readText } from '../files';
import { failWith } from '../goTool';
import type { CheckProblem } from '../types';

const source = 'edgo-workflow';

/** The course's own rules on top of the schema. */
export interface WorkflowRules {
  /** Actions some step must use, e.g. `docker/build-push-action` (any version). */
  readonly requireUses?: readonly string[] | undefined;
  /** Texts some step's `run` must contain, e.g. `go test`. */
  readonly requireRun?: readonly string[] | undefined;
  /** A job whose `run` contains one of these (e.g. `helm upgrade`) must be gated on the main branch by its `if`. */
  readonly mainOnly?: readonly string[] | undefined;
}

let compiled: ValidateFunction | undefined;

/** Compiles the (large) schema once per process, on first use. */
function schemaValidator(): ValidateFunction {
  if (!compiled) {
    // verbose: each error carries its parentSchema, which tells the branches of a oneOf apart.
    compiled = ajvFor('draft-07').compile(workflowSchema);
  }
  return compiled;
}

type Segment = string | number;

const pointerSegments = (pointer: string): Segment[] =>
  pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
        .map((s) => (/^\d+$/.test(s) ? Number(s) : s));

/** `jobs.build.steps[2]` for messages. */
function displayPath(segments: readonly Segment[]): string {
  if (segments.length === 0) return 'the workflow';
  return segments.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

class Locator {
  readonly #doc: Document;
  readonly #lines: LineCounter;
  constructor(doc: Document, lines: LineCounter) {
    this.#doc = doc;
    this.#lines = lines;
  }

  #toRange(r: readonly [number, number, number?] | null | undefined): Range {
    if (!r) return range(0, 0, 0, 0);
    const s = this.#lines.linePos(r[0]);
    const e = this.#lines.linePos(r[1]);
    return range(s.line - 1, s.col - 1, e.line - 1, e.col - 1);
  }

  /** The key of the value at `segments` (so a whole job is marked by its name), else the value. */
  at(segments: readonly Segment[], childKey?: string): Range {
    let node: unknown = this.#doc.contents;
    let keyNode: Node | undefined;
    const path = childKey === undefined ? segments : [...segments, childKey];
    for (const seg of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) break;
        keyNode = pair.key as Node;
        node = pair.value;
      } else if (isSeq(node) && typeof seg === 'number') {
        node = node.items[seg];
        keyNode = undefined;
      } else break;
    }
    const target = (keyNode ?? node) as Node | undefined;
    return this.#toRange(target?.range);
  }
}

const priority: Record<string, number> = { required: 0, additionalProperties: 0, oneOf: 1, enum: 2, const: 2, type: 3, pattern: 4 };
const structural = new Set(['oneOf', 'anyOf', 'allOf', 'if', 'then', 'else', 'not']);

/** A oneOf that matched several alternatives (e.g. a step with both `uses` and `run`) is a real error, not a branch summary. */
const matchedSeveral = (e: ErrorObject): boolean => e.keyword === 'oneOf' && Array.isArray((e.params as { passingSchemas?: unknown }).passingSchemas);

/** The `${{ ... }}` alternative many keys allow: failing it only says "not an expression". */
const notExpression = (e: ErrorObject): boolean => e.keyword === 'pattern' && String((e.params as { pattern?: unknown }).pattern).includes('\\$\\{\\{');
/** The value is not even of this branch's kind. */
const wrongKind = (e: ErrorObject): boolean => e.keyword === 'type' || notExpression(e);

/**
 * Ajv reports every failed branch of the schema's many `oneOf`s. Keep only the
 * deepest places; at each, the branch (parent schema) the value came closest to,
 * i.e. with the fewest errors, a branch the value does not even have the type of
 * counting last; and in it the most telling kind of error.
 */
function summarize(errors: readonly ErrorObject[]): ErrorObject[] {
  const concrete = errors.filter((e) => !structural.has(e.keyword) || matchedSeveral(e));
  const paths = new Set(concrete.map((e) => e.instancePath));
  const deepest = concrete.filter((e) => ![...paths].some((p) => p !== e.instancePath && p.startsWith(`${e.instancePath}/`)));
  const byPath = new Map<string, ErrorObject[]>();
  for (const e of deepest) byPath.set(e.instancePath, [...(byPath.get(e.instancePath) ?? []), e]);
  const out: ErrorObject[] = [];
  for (const list of byPath.values()) {
    const branches = new Map<unknown, ErrorObject[]>();
    for (const e of list) branches.set(e.parentSchema, [...(branches.get(e.parentSchema) ?? []), e]);
    const score = (b: ErrorObject[]) => b.length + (b.every(wrongKind) ? 100 : 0) + (b.some(notExpression) ? 0.5 : 0);
    const closest = [...branches.values()].reduce((best, b) => (score(b) < score(best) ? b : best));
    const top = Math.min(...closest.map((e) => priority[e.keyword] ?? 9));
    out.push(...closest.filter((e) => (priority[e.keyword] ?? 9) === top));
  }
  return out;
}

function schemaDiagnostics(errors: readonly ErrorObject[], at: Locator): CoreDiagnostic[] {
  const out: CoreDiagnostic[] = [];
  const summarized = summarize(errors);
  const required = new Map<string, string[]>();
  for (const e of summarized) {
    const segs = pointerSegments(e.instancePath);
    const where = displayPath(segs);
    const params = e.params as Record<string, unknown>;
    if (e.keyword === 'required') {
      // The branches of a oneOf each ask for their own key: say "a or b" once.
      required.set(e.instancePath, [...(required.get(e.instancePath) ?? []), String(params.missingProperty)]);
      continue;
    }
    if (e.keyword === 'additionalProperties') {
      const key = String(params.additionalProperty);
      if (out.some((d) => d.pointer === `${e.instancePath}/${key}`)) continue;
      out.push({
        range: at.at(segs, key), severity: 'error', code: 'workflow/unknown-key', source, pointer: `${e.instancePath}/${key}`,
        message: `\`${key}\` is not a key GitHub Actions knows in ${where}. Check its spelling and indentation.`,
      });
      continue;
    }
    if (matchedSeveral(e)) {
      out.push({
        range: at.at(segs), severity: 'error', code: 'workflow/ambiguous', source, pointer: e.instancePath,
        message: segs.includes('steps') ? `${where} has both \`uses\` and \`run\`: a step either runs an action or a command.` : `${where} matches more than one allowed form; keep the keys of one.`,
      });
      continue;
    }
    const allowed = Array.isArray(params.allowedValues) ? ` Allowed: ${(params.allowedValues as unknown[]).slice(0, 12).join(', ')}${(params.allowedValues as unknown[]).length > 12 ? ', ...' : ''}.` : '';
    out.push({
      range: at.at(segs), severity: 'error', code: `workflow/${e.keyword}`, source, pointer: e.instancePath,
      message: `${where}: ${e.message ?? 'is not valid'}.${allowed}`,
    });
  }
  for (const [pointer, keys] of required) {
    const segs = pointerSegments(pointer);
    const unique = [...new Set(keys)];
    out.push({
      range: at.at(segs), severity: 'error', code: 'workflow/required', source, pointer,
      message: `${displayPath(segs)} needs ${unique.map((k) => `\`${k}\``).join(' or ')}.`,
    });
  }
  return out;
}

interface StepFacts {
  readonly job: string;
  readonly index: number;
  readonly uses?: string | undefined;
  readonly run?: string | undefined;
}

function stepsOf(data: unknown): StepFacts[] {
  const jobs = (data as { jobs?: unknown } | null)?.jobs;
  if (!jobs || typeof jobs !== 'object') return [];
  const out: StepFacts[] = [];
  for (const [job, def] of Object.entries(jobs as Record<string, unknown>)) {
    const steps = (def as { steps?: unknown } | null)?.steps;
    if (!Array.isArray(steps)) continue;
    steps.forEach((s: unknown, index) => {
      const step = (s ?? {}) as { uses?: unknown; run?: unknown };
      out.push({ job, index, uses: typeof step.uses === 'string' ? step.uses : undefined, run: typeof step.run === 'string' ? step.run : undefined });
    });
  }
  return out;
}

/** An `if` that only lets the main branch through. */
export function gatesOnMain(condition: unknown): boolean {
  if (typeof condition !== 'string') return false;
  const c = condition.replace(/\s+/g, ' ');
  return /github\.ref\s*==\s*'refs\/heads\/main'/.test(c) || /github\.ref_name\s*==\s*'main'/.test(c);
}

function ruleDiagnostics(data: unknown, rules: WorkflowRules, at: Locator): CoreDiagnostic[] {
  const out: CoreDiagnostic[] = [];
  const steps = stepsOf(data);
  for (const action of rules.requireUses ?? []) {
    if (!steps.some((s) => s.uses !== undefined && (s.uses === action || s.uses.startsWith(`${action}@`)))) {
      out.push({ range: at.at(['jobs']), severity: 'error', code: 'workflow/missing-action', source, message: `No step uses \`${action}\`. Add a step with \`uses: ${action}@<version>\`.` });
    }
  }
  for (const text of rules.requireRun ?? []) {
    if (!steps.some((s) => s.run?.includes(text))) {
      out.push({ range: at.at(['jobs']), severity: 'error', code: 'workflow/missing-command', source, message: `No step runs \`${text}\`. Add a step with \`run: ${text} ...\`.` });
    }
  }
  const jobs = ((data as { jobs?: Record<string, unknown> } | null)?.jobs ?? {}) as Record<string, { if?: unknown } | null>;
  for (const text of rules.mainOnly ?? []) {
    const jobsRunning = [...new Set(steps.filter((s) => s.run?.includes(text)).map((s) => s.job))];
    for (const job of jobsRunning) {
      if (!gatesOnMain(jobs[job]?.if)) {
        out.push({
          range: at.at(['jobs', job]), severity: 'error', code: 'workflow/not-gated', source, pointer: `/jobs/${job}`,
          message: `Job \`${job}\` runs \`${text}\` but is not limited to the main branch. Add \`if: github.ref == 'refs/heads/main'\` to the job.`,
        });
      }
    }
  }
  return out;
}

/** Validates one workflow file: YAML syntax, the workflow schema, then `rules`. */
export function validateWorkflowText(text: string, rules: WorkflowRules = {}): CoreDiagnostic[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    return doc.errors.map((e) => {
      const p = lines.linePos(e.pos[0]);
      return { range: range(p.line - 1, p.col - 1, p.line - 1, p.col), severity: 'error' as const, code: 'workflow/yaml', source, message: `YAML: ${e.message.split('\n')[0] ?? ''}` };
    });
  }
  const data: unknown = doc.toJS();
  const at = new Locator(doc, lines);
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    return [{ range: range(0, 0, 0, 0), severity: 'error', code: 'workflow/not-a-map', source, message: 'A workflow is a YAML map with at least `on` and `jobs`.' }];
  }
  const validate = schemaValidator();
  const schemaErrors = validate(data) ? [] : schemaDiagnostics(validate.errors ?? [], at);
  return [...schemaErrors, ...ruleDiagnostics(data, rules, at)];
}

export const workflowCheck = defineCheckKind({
  kind: 'github-workflow',
  fields: {
    glob: { type: 'string', description: 'Workflow files (default .github/workflows/*.{yml,yaml})' },
    min: { type: 'integer', description: 'At least this many files (default 1)' },
    requireUses: { type: 'array', items: { type: 'string' }, description: 'Actions the workflows must use, e.g. "actions/setup-go"' },
    requireRun: { type: 'array', items: { type: 'string' }, description: 'Texts a run step must contain, e.g. "go test"' },
    mainOnly: { type: 'array', items: { type: 'string' }, description: 'Jobs running these texts must be gated on main' },
  },
  summary:
    'Files matching `glob` (default `.github/workflows/*.{yml,yaml}`, at least `min`, default 1) validate against the GitHub Actions workflow schema; ' +
    'together they use every action in `requireUses`, run every text in `requireRun`, and jobs running a `mainOnly` text are gated on main.',
  async run(spec, ctx) {
    const glob = str(spec, 'glob') ?? '.github/workflows/*.{yml,yaml}';
    const min = num(spec, 'min') ?? 1;
    const files = matchFiles(ctx.folder, glob);
    if (files.length < min) {
      return failWith(`Found ${files.length} workflow file${files.length === 1 ? '' : 's'} matching ${glob}; expected at least ${min}`, [
        { message: `create ${glob.replace('*.{yml,yaml}', 'ci.yml')}`, location: { file: glob.replace('*.{yml,yaml}', 'ci.yml') } },
      ]);
    }
    const problems: CheckProblem[] = [];
    // Course rules apply to the workflows together: one file may build, another deploy.
    const texts = files.map((file) => ({ file, text: readText(ctx.folder, file) ?? '' }));
    for (const { file, text } of texts) {
      for (const d of validateWorkflowText(text)) problems.push({ message: d.message, location: { file, line: d.range.start.line + 1, column: d.range.start.character + 1 } });
    }
    if (problems.length === 0) {
      const rules: WorkflowRules = { requireUses: strs(spec, 'requireUses'), requireRun: strs(spec, 'requireRun'), mainOnly: strs(spec, 'mainOnly') };
      problems.push(...collectiveRuleProblems(texts, rules));
    }
    if (problems.length > 0) return failWith(`${new Set(problems.map((p) => p.location?.file)).size} of ${files.length} workflow files have problems`, problems);
    return { status: 'pass', message: `${files.length} workflow file${files.length === 1 ? '' : 's'} validate and cover the pipeline.` };
  },
});

/** Only the course rules, for one file. */
function validateRulesOnly(text: string, rules: WorkflowRules): CoreDiagnostic[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  return ruleDiagnostics(doc.toJS(), rules, new Locator(doc, lines));
}

/** With several workflow files, a required action or command may be in any of them. */
function collectiveRuleProblems(texts: readonly { file: string; text: string }[], rules: WorkflowRules): CheckProblem[] {
  const problems: CheckProblem[] = [];
  const perFile = texts.map(({ file, text }) => ({ file, diags: validateRulesOnly(text, rules) }));
  const first = perFile[0];
  const missingEverywhere = (code: string, needle: string) => perFile.every((f) => f.diags.some((d) => d.code === code && d.message.includes(`\`${needle}\``)));
  for (const [code, needles] of [['workflow/missing-action', rules.requireUses ?? []], ['workflow/missing-command', rules.requireRun ?? []]] as const) {
    for (const needle of needles) {
      if (!first || !missingEverywhere(code, needle)) continue;
      const d = first.diags.find((x) => x.code === code && x.message.includes(`\`${needle}\``));
      problems.push({ message: d?.message ?? needle, location: { file: first.file, line: (d?.range.start.line ?? 0) + 1 } });
    }
  }
  for (const f of perFile) {
    for (const d of f.diags.filter((x) => x.code === 'workflow/not-gated')) problems.push({ message: d.message, location: { file: f.file, line: d.range.start.line + 1 } });
  }
  return problems;
}
