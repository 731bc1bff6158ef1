/**
 * The shapes shared by every check kind: what a module declares (`module.json`),
 * what a check needs to run (a folder, a process runner, validators) and what it
 * reports (pass/fail, a message a learner understands, the file and line to look at).
 */
import type { CoreDiagnostic } from '../diagnostic';
import type { CheckTestOverlay } from './checkTests';
import type { CheckHint } from './hints';
import type { CourseFs } from './courseFs';
import type { FieldDecls, FieldProblem } from './checkFields';

/** One step of a module's walkthrough, as `module.json` declares it. */
export interface StepSpec {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly media: StepMedia;
  /** `read`, `command:<id>`, `check:<checkId>` or `task:<label>`, as written in module.json. */
  readonly completion: string;
  /** `completion` parsed once, when module.json is loaded (`parseCompletion`); code reads this, not the string. */
  readonly doneWhen: StepCompletion;
}

/** What completes a step. */
export type StepCompletion = { readonly kind: 'read' } | { readonly kind: 'command'; readonly command: string } | { readonly kind: 'check'; readonly check: string } | { readonly kind: 'task'; readonly label: string };

/** Parses a step's `completion`; undefined when it is none of the four forms. */
export function parseCompletion(text: string): StepCompletion | undefined {
  if (text === 'read') return { kind: 'read' };
  const m = /^(command|check|task):(\S.*)$/.exec(text);
  if (!m) return undefined;
  const value = m[2] ?? '';
  return m[1] === 'command' ? { kind: 'command', command: value } : m[1] === 'check' ? { kind: 'check', check: value } : { kind: 'task', label: value };
}

export type StepMedia = { readonly markdown: string } | { readonly image: string | ThemedImage; readonly altText: string } | { readonly svg: string; readonly altText: string };

export interface ThemedImage {
  readonly light: string;
  readonly dark: string;
  readonly hc?: string;
  readonly hcLight?: string;
}

/** One check as declared: `id`, `kind`, `title`, optional `step`, plus the kind's own fields. */
export interface CheckSpec {
  readonly id: string;
  readonly kind: string;
  readonly title: string;
  /** The step this check completes (besides steps whose completion is `check:<id>`). */
  readonly step?: string;
  readonly [field: string]: unknown;
}

export interface ModuleExpectations {
  /** Check ids a fresh starter must fail (the course's own tests assert it). */
  readonly starterFails: readonly string[];
  /** For some of those ids, a text the failure message must contain. */
  readonly starterMessages: Readonly<Record<string, string>>;
}

export interface ModuleSpec {
  readonly title: string;
  readonly description: string;
  readonly steps: readonly StepSpec[];
  /** Another module whose solution this module's starter and solution are laid over (`moduleLayers.ts`). */
  readonly base?: string;
  /**
   * Another module whose solution only the starter is laid over: the learner starts
   * from that module's finished code (module 2 refactors module 1's service), while
   * this module's solution stands alone. Scaffolding may use the learner's own folder instead.
   */
  readonly starterFrom?: string;
  readonly starter?: string;
  readonly solution?: string;
  readonly checks: readonly CheckSpec[];
  readonly expect: ModuleExpectations;
  /**
   * Globs of the starter's `_test.go` files that decide the Go checks: at check time
   * the course's copies are laid over the learner's folder (`go test -overlay`).
   */
  readonly checkTests?: readonly string[];
}

/** A place in the learner's folder. `file` is relative to the folder, with `/`; `line` and `column` are 1-based. */
export interface CheckLocation {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
}

/** Another place that explains a problem (the course test's failing assertion, behind the learner's function). */
export interface CheckRelated {
  readonly message: string;
  readonly location: CheckLocation;
}

/** One thing that is wrong, with where to look when it is known. */
export interface CheckProblem {
  readonly message: string;
  readonly location?: CheckLocation | undefined;
  /** Secondary places, shown after the problem (the test line when the problem is at the learner's code). */
  readonly related?: readonly CheckRelated[];
}

export type CheckStatus = 'pass' | 'fail';

/** What one check reports. */
export interface CheckResult {
  readonly id: string;
  readonly kind: string;
  readonly title: string;
  readonly step?: string;
  readonly status: CheckStatus;
  /** One or two sentences: what passed, or what is wrong and what to do. */
  readonly message: string;
  /** Where to look first (the first problem's location). */
  readonly location?: CheckLocation;
  readonly problems: readonly CheckProblem[];
  /** Set when a tool the check needs is not installed (e.g. `go`), so a UI can offer help. */
  readonly missingTool?: string;
  /** Facts besides pass/fail, one line each (races not checked and why, the course's tests used). */
  readonly notes?: readonly string[];
  /** For a failure: how many times in a row this check has failed here (1 the first time), when counted. */
  readonly failures?: number;
  /** For a failure: the hint module.json gives for this many failures. */
  readonly hint?: CheckHint;
  readonly durationMs: number;
}

/** What a check kind's `run` returns; the engine adds id, title and timing. */
export interface CheckOutcome {
  readonly status: CheckStatus;
  readonly message: string;
  readonly problems?: readonly CheckProblem[];
  readonly missingTool?: string;
  readonly notes?: readonly string[];
  /** The check could not judge the step (the code does not build): no hint, and the failure is not counted. */
  readonly blocked?: boolean;
}

export interface ProcessOptions {
  /** Default: the current folder. */
  readonly cwd?: string | undefined;
  readonly timeoutMs?: number | undefined;
  readonly env?: Readonly<Record<string, string>> | undefined;
  readonly signal?: AbortSignal | undefined;
}

export interface ProcessResult {
  /** null when the process was killed (timeout, abort) or never started. */
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** The executable was not found on PATH (ENOENT) or could not be executed (EACCES). */
  readonly notFound?: boolean;
  /** With `notFound`: what the tool resolver says about it, in the preflight's words. */
  readonly missing?: string;
  readonly timedOut?: boolean;
}

/**
 * Runs an external tool with an argument array, never through a shell: the one
 * contract for every process the lab starts (checks, preflight, tool lookups).
 * Injected so unit tests can fake `go`; `nodeProcessRunner` (src/core/host) is the real one.
 */
export interface ProcessRunner {
  run(command: string, args: readonly string[], options: ProcessOptions): Promise<ProcessResult>;
}

/** Validates one event YAML file (engineer A's validator plugs in here). */
export interface EventYamlValidator {
  validate(text: string, fileName: string): CoreDiagnostic[] | Promise<CoreDiagnostic[]>;
}

/** Finds and parses the Mermaid diagrams of one file (engineer B's parser plugs in here). Ranges are in the file's lines. */
export interface MermaidValidator {
  validate(fileName: string, text: string): Promise<{ readonly diagrams: number; readonly diagnostics: CoreDiagnostic[] }>;
}

/** Everything a check needs besides its own spec. */
export interface CheckContext {
  /** Absolute path of the learner's folder. */
  readonly folder: string;
  readonly runner: ProcessRunner;
  /** The files the check reads (the learner's folder, the course's copies) and its temp folders. */
  readonly fs: CourseFs;
  readonly eventYaml: EventYamlValidator;
  readonly mermaid: MermaidValidator;
  readonly signal?: AbortSignal;
  /** The module's folder under `walkthroughs/`, when known (files the course ships for checks live there). */
  readonly moduleDir?: string;
  /** The course's check tests laid over the folder (`go test -overlay`), when the module has them. */
  readonly checkTests?: CheckTestOverlay;
}

/** A kind of check `module.json` may use; see `registry.ts`. */
export interface CheckKind {
  /** The `kind` value in `module.json`, e.g. `go-test`. */
  readonly kind: string;
  /** One line for `walkthroughs/README.md` and error messages. */
  readonly summary: string;
  /** JSON Schemas of the kind's own fields, for `schemas/module.schema.json` (completion in VS Code). */
  readonly fields?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** The kind's fields as `defineCheckKind` declared them (absent for a kind written by hand). */
  readonly declaredFields?: FieldDecls;
  /** Problems with the kind's own fields, one sentence each (empty when valid). */
  validate(spec: CheckSpec): string[];
  /** The same problems, each at its field's path in the check (`defineCheckKind` kinds). */
  validateAt?(spec: CheckSpec): FieldProblem[];
  run(spec: CheckSpec, ctx: CheckContext): Promise<CheckOutcome>;
}
