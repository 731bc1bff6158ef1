/**
 * Reading `walkthroughs/NN-slug/module.json` (the contract between the course
 * content and this engine) into a `ModuleSpec`, with every problem reported as
 * `field: what is wrong` so a content author fixes them all in one pass.
 */
import { basenameOf, joinPaths } from '../paths';
import { courseFs } from './defaultCourseFs';
import { checkKinds, findCheckKind } from './registry';
import { didYouMean } from './checkFields';
import { formatJsonPath, jsonOffsets, locateJsonPath, parseJsonPath } from './jsonLocations';
import { matchFiles } from './files';
import { validateHints } from './hints';
import { parseCompletion, type CheckSpec, type ModuleSpec, type StepSpec } from './types';
import { errorMessage } from '../errorMessage';

export interface SpecProblem {
  /** Where in module.json, e.g. `steps[2].completion`. */
  readonly at: string;
  readonly message: string;
  /** 1-based line and column in module.json, when the text was read (`parseModuleSpec`). */
  readonly line?: number;
  readonly column?: number;
}

export class ModuleSpecError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly SpecProblem[],
  ) {
    super(`${file} is not a valid module.json:\n${problems.map((p) => `  ${p.line ? `${file}:${p.line}:${p.column ?? 1}: ` : ''}${p.at}: ${p.message}`).join('\n')}`);
    this.name = 'ModuleSpecError';
  }
}

/** The top-level fields of module.json (`$schema` lets an editor find the schema). */
const moduleFields = ['$schema', 'title', 'description', 'steps', 'base', 'starterFrom', 'starter', 'solution', 'checkTests', 'checks', 'expect'];
/** The fields of a step; a check's field put on a step by mistake would otherwise do nothing. */
const stepFields = ['id', 'title', 'description', 'media', 'completion'];
const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const exists = (path: string): boolean => courseFs().kindOf(path) !== undefined;

function checkMediaPath(dir: string | undefined, rel: unknown, at: string, problems: SpecProblem[]): void {
  if (!nonEmpty(rel)) {
    problems.push({ at, message: 'must be a path relative to the module folder' });
  } else if (dir && !exists(joinPaths(dir, rel))) {
    problems.push({ at, message: `${rel} does not exist in ${basenameOf(dir)}/` });
  }
}

function validateStep(raw: unknown, i: number, dir: string | undefined, problems: SpecProblem[]): void {
  const at = `steps[${i}]`;
  if (!isObject(raw)) {
    problems.push({ at, message: 'must be an object with id, title, description, media and completion' });
    return;
  }
  for (const key of Object.keys(raw)) {
    if (stepFields.includes(key)) continue;
    const near = didYouMean(key, stepFields);
    problems.push({ at: `${at}.${key}`, message: `is not a field of a step${near ? ` (did you mean "${near}"?)` : ''}; the fields are ${stepFields.join(', ')}` });
  }
  if (!nonEmpty(raw.id) || !kebab.test(raw.id)) problems.push({ at: `${at}.id`, message: 'must be kebab-case, e.g. "install-go"' });
  if (!nonEmpty(raw.title)) problems.push({ at: `${at}.title`, message: 'is required' });
  if (typeof raw.description !== 'string') problems.push({ at: `${at}.description`, message: 'is required (it may hold command links)' });
  const media = raw.media;
  if (!isObject(media)) {
    problems.push({ at: `${at}.media`, message: 'must be { "markdown": "file.md" } or { "image": "media/x.svg", "altText": "..." }' });
  } else if ('markdown' in media) {
    checkMediaPath(dir, media.markdown, `${at}.media.markdown`, problems);
  } else if ('image' in media || 'svg' in media) {
    const image = media.image ?? media.svg;
    if (isObject(image)) {
      for (const theme of ['light', 'dark']) checkMediaPath(dir, image[theme], `${at}.media.image.${theme}`, problems);
      for (const theme of ['hc', 'hcLight']) if (image[theme] !== undefined) checkMediaPath(dir, image[theme], `${at}.media.image.${theme}`, problems);
    } else {
      checkMediaPath(dir, image, `${at}.media.${'image' in media ? 'image' : 'svg'}`, problems);
    }
    if (!nonEmpty(media.altText)) problems.push({ at: `${at}.media.altText`, message: 'is required for images (screen readers read it)' });
  } else {
    problems.push({ at: `${at}.media`, message: 'needs "markdown", "image" or "svg"' });
  }
  const c = raw.completion;
  if (!nonEmpty(c) || !parseCompletion(c)) {
    problems.push({ at: `${at}.completion`, message: 'must be "read", "command:<id>", "check:<checkId>" or "task:<label>"' });
  }
}

function validateCheck(raw: unknown, i: number, problems: SpecProblem[]): void {
  const at = `checks[${i}]`;
  if (!isObject(raw)) {
    problems.push({ at, message: 'must be an object with id, kind and title' });
    return;
  }
  if (!nonEmpty(raw.id) || !/^[a-z0-9][a-z0-9-]*$/.test(raw.id)) problems.push({ at: `${at}.id`, message: 'must be kebab-case, e.g. "tests"' });
  if (!nonEmpty(raw.title)) problems.push({ at: `${at}.title`, message: 'is required' });
  if (raw.step !== undefined && !nonEmpty(raw.step)) problems.push({ at: `${at}.step`, message: 'must be a step id' });
  const hints = validateHints(raw.hints);
  if (hints) problems.push({ at: `${at}.hints`, message: hints });
  const solutionFiles = raw.solutionFiles;
  if (solutionFiles !== undefined && (!Array.isArray(solutionFiles) || solutionFiles.some((f) => !nonEmpty(f)))) {
    problems.push({ at: `${at}.solutionFiles`, message: 'must be an array of paths in the solution (the files "Compare with the reference solution" offers)' });
  }
  if (!nonEmpty(raw.kind)) {
    problems.push({ at: `${at}.kind`, message: 'is required' });
    return;
  }
  const kind = findCheckKind(raw.kind);
  if (!kind) {
    const near = didYouMean(
      raw.kind,
      checkKinds.map((k) => k.kind),
    );
    problems.push({ at: `${at}.kind`, message: `"${raw.kind}" is not a check kind${near ? ` (did you mean "${near}"?)` : ''} (see walkthroughs/README.md)` });
    return;
  }
  if (kind.validateAt) {
    for (const p of kind.validateAt(raw as unknown as CheckSpec)) problems.push({ at: formatJsonPath(['checks', i, ...p.path]), message: `${p.message} (${raw.kind})` });
    return;
  }
  for (const message of kind.validate(raw as unknown as CheckSpec)) problems.push({ at: `${at} (${raw.kind})`, message });
}

/** `checkTests`: globs of the starter's test files that decide the Go checks; each must match one. */
function validateCheckTests(data: Json, dir: string | undefined, problems: SpecProblem[]): string[] | undefined {
  const raw = data.checkTests;
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw) || raw.length === 0 || raw.some((g) => !nonEmpty(g) || !String(g).endsWith('_test.go'))) {
    problems.push({ at: 'checkTests', message: 'must be a non-empty array of globs of _test.go files in the starter, e.g. ["**/*_test.go"]' });
    return undefined;
  }
  if (!nonEmpty(data.starter)) {
    problems.push({ at: 'checkTests', message: 'needs a "starter": the check tests are the starter\'s files' });
    return undefined;
  }
  // A module built on a `base` may take its check tests from the base's solution.
  if (dir && data.base === undefined) {
    (raw as string[]).forEach((glob, i) => {
      if (matchFiles(courseFs(), joinPaths(dir, data.starter as string), glob).length === 0) problems.push({ at: `checkTests[${i}]`, message: `${glob} matches no file in ${String(data.starter)}/` });
    });
  }
  return raw as string[];
}

/** Validates parsed JSON; `dir` (the module folder) also checks that media, starter and solution exist. */
export function validateModuleSpec(data: unknown, dir?: string): { spec?: ModuleSpec; problems: SpecProblem[] } {
  const problems: SpecProblem[] = [];
  if (!isObject(data)) return { problems: [{ at: '(root)', message: 'must be a JSON object' }] };
  for (const key of Object.keys(data)) {
    if (moduleFields.includes(key)) continue;
    const near = didYouMean(key, moduleFields);
    problems.push({ at: key, message: `is not a module.json field${near ? ` (did you mean "${near}"?)` : ''}` });
  }
  if (!nonEmpty(data.title)) problems.push({ at: 'title', message: 'is required' });
  if (typeof data.description !== 'string') problems.push({ at: 'description', message: 'is required' });
  const steps = Array.isArray(data.steps) ? data.steps : [];
  if (!Array.isArray(data.steps) || steps.length === 0) problems.push({ at: 'steps', message: 'must be a non-empty array' });
  steps.forEach((s, i) => validateStep(s, i, dir, problems));
  const checks = data.checks === undefined ? [] : data.checks;
  if (!Array.isArray(checks)) problems.push({ at: 'checks', message: 'must be an array' });
  const checkList = Array.isArray(checks) ? checks : [];
  checkList.forEach((c, i) => validateCheck(c, i, problems));

  for (const field of ['starter', 'solution'] as const) {
    const v = data[field];
    if (v === undefined) continue;
    if (!nonEmpty(v)) problems.push({ at: field, message: 'must be a folder name' });
    else if (dir && !exists(joinPaths(dir, v, 'go.mod')) && !exists(joinPaths(dir, v))) problems.push({ at: field, message: `${v}/ does not exist` });
  }

  const checkTests = validateCheckTests(data, dir, problems);
  if (data.base !== undefined) {
    if (!nonEmpty(data.base)) problems.push({ at: 'base', message: 'must be the folder name of another module (e.g. "05-event-driven-services")' });
    else if (dir && !exists(joinPaths(dir, '..', data.base, 'module.json'))) problems.push({ at: 'base', message: `${data.base} is not a module next to this one` });
  }

  if (data.starterFrom !== undefined) {
    if (!nonEmpty(data.starterFrom)) problems.push({ at: 'starterFrom', message: 'must be the folder name of another module (e.g. "01-go-foundations")' });
    else if (data.base !== undefined) problems.push({ at: 'starterFrom', message: 'cannot be used with "base"' });
    else if (dir && !exists(joinPaths(dir, '..', data.starterFrom, 'module.json'))) problems.push({ at: 'starterFrom', message: `${data.starterFrom} is not a module next to this one` });
  }

  const stepIds = steps
    .filter(isObject)
    .map((s) => s.id)
    .filter(nonEmpty);
  const checkIds = checkList
    .filter(isObject)
    .map((c) => c.id)
    .filter(nonEmpty);
  for (const [ids, name] of [
    [stepIds, 'steps'],
    [checkIds, 'checks'],
  ] as const) {
    const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
    if (dupes.length > 0) problems.push({ at: name, message: `duplicate id ${[...new Set(dupes)].join(', ')}` });
  }
  steps.forEach((s, i) => {
    if (!isObject(s) || !nonEmpty(s.completion)) return;
    const done = parseCompletion(s.completion);
    const ref = done?.kind === 'check' ? done.check : undefined;
    if (ref && !checkIds.includes(ref)) problems.push({ at: `steps[${i}].completion`, message: `"check:${ref}" names no check (checks: ${checkIds.join(', ') || 'none'})` });
  });
  checkList.forEach((c, i) => {
    if (isObject(c) && nonEmpty(c.step) && !stepIds.includes(c.step)) problems.push({ at: `checks[${i}].step`, message: `"${c.step}" names no step` });
  });

  const expectRaw = data.expect === undefined ? {} : data.expect;
  let starterFails: string[] = [];
  let starterMessages: Record<string, string> = {};
  if (!isObject(expectRaw)) {
    problems.push({ at: 'expect', message: 'must be an object' });
  } else {
    const sf = expectRaw.starterFails ?? [];
    if (!Array.isArray(sf) || sf.some((x) => !nonEmpty(x))) problems.push({ at: 'expect.starterFails', message: 'must be an array of check ids' });
    else starterFails = sf as string[];
    const sm = expectRaw.starterMessages ?? {};
    if (!isObject(sm) || Object.values(sm).some((x) => typeof x !== 'string')) problems.push({ at: 'expect.starterMessages', message: 'must map check ids to text' });
    else starterMessages = sm as Record<string, string>;
    for (const id of [...starterFails, ...Object.keys(starterMessages)]) {
      if (!checkIds.includes(id)) problems.push({ at: 'expect', message: `"${id}" names no check` });
    }
    for (const id of Object.keys(starterMessages)) {
      if (!starterFails.includes(id)) problems.push({ at: 'expect.starterMessages', message: `"${id}" has a message but is not in starterFails` });
    }
  }
  if (starterFails.length > 0 && data.starter === undefined) problems.push({ at: 'expect.starterFails', message: 'is set but the module has no "starter"' });

  if (problems.length > 0) return { problems };
  const spec: ModuleSpec = {
    title: data.title as string,
    description: data.description as string,
    steps: (steps as Omit<StepSpec, 'doneWhen'>[]).map((s) => ({ ...s, doneWhen: parseCompletion(s.completion)! })),
    ...(nonEmpty(data.base) ? { base: data.base } : {}),
    ...(nonEmpty(data.starterFrom) ? { starterFrom: data.starterFrom } : {}),
    ...(nonEmpty(data.starter) ? { starter: data.starter } : {}),
    ...(nonEmpty(data.solution) ? { solution: data.solution } : {}),
    checks: checkList as CheckSpec[],
    expect: { starterFails, starterMessages },
    ...(checkTests ? { checkTests } : {}),
  };
  return { spec, problems };
}

/** Parses module.json text; throws `ModuleSpecError` listing every problem. */
export function parseModuleSpec(text: string, file: string, dir?: string): ModuleSpec {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const message = errorMessage(err);
    const offset = Number(/position (\d+)/.exec(message)?.[1] ?? NaN);
    const before = Number.isNaN(offset) ? undefined : text.slice(0, offset).split('\n');
    throw new ModuleSpecError(file, [{ at: '(json)', message, ...(before ? { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 } : {}) }]);
  }
  const { spec, problems } = validateModuleSpec(data, dir);
  if (!spec) {
    const offsets = jsonOffsets(text);
    throw new ModuleSpecError(
      file,
      problems.map((p) => ({ ...p, ...locateJsonPath(text, parseJsonPath(p.at), offsets) })),
    );
  }
  return spec;
}
