import type { ToolId } from '../tools/toolIds';
import { installHint, type InstallHint } from './installHints';
import type { ProcessRunner } from '../checks/types';
import { readRun } from './processRunner';
import type { ToolFs } from '../tools/toolFs';
import { environmentFor, foundOutsidePath, resolveTool } from '../tools/toolResolver';
import { toolNotFoundExplanation } from './missingTool';
import { pathOf, type Env } from './toolLocation';
import { toolSpecs, type Liveness, type ToolSpec } from './toolSpecs';
import { isAtLeast } from './version';

export type ToolStatus = 'ok' | 'missing' | 'outdated' | 'not-live' | 'unknown-version' | 'broken';

export interface ToolReport {
  readonly id: ToolId;
  readonly name: string;
  readonly purpose: string;
  readonly status: ToolStatus;
  /** The executable that was checked. */
  readonly path?: string;
  readonly version?: string;
  readonly minVersion: string;
  /** Where the minimum comes from: `the course` or a go.mod file. */
  readonly minVersionSource: string;
  readonly live?: Liveness;
  /** The folder of a tool found outside every PATH (in an install place): the lab uses it from there. */
  readonly outsidePath?: string;
  /** One line: what was found. */
  readonly summary: string;
  /** What it means and what to do, in plain words. */
  readonly explanation: string;
  readonly install: InstallHint;
}

export interface PreflightReport {
  readonly platform: string;
  readonly tools: readonly ToolReport[];
  /** Entries on the PATH that was searched (the integrated terminal's). */
  readonly pathEntries: number;
}

export interface PreflightInput {
  readonly runner: ProcessRunner;
  readonly fs: ToolFs;
  /** The environment the integrated terminal gets. */
  readonly env: Readonly<Env>;
  /** The environment of the extension host (or the CLI): its PATH is searched first. Default: `env`. */
  readonly hostEnv?: Readonly<Env>;
  readonly platform: string;
  /** `edgo.tools.<id>` settings. */
  readonly toolPaths?: Partial<Record<ToolId, string>>;
  /** The `go` line of the learner's go.mod, and which file it came from. */
  readonly goMod?: { readonly goVersion: string; readonly file: string };
  /** Only these tools (all by default). */
  readonly only?: readonly ToolId[];
  readonly cwd?: string;
}

export async function runPreflight(input: PreflightInput): Promise<PreflightReport> {
  const specs = toolSpecs.filter((s) => !input.only || input.only.includes(s.id));
  const tools = await Promise.all(specs.map((s) => checkTool(s, input)));
  const entries = pathOf(input.env, input.platform)
    .split(input.platform === 'win32' ? ';' : ':')
    .filter(Boolean).length;
  return { platform: input.platform, tools, pathEntries: entries };
}

async function checkTool(spec: ToolSpec, input: PreflightInput): Promise<ToolReport> {
  const install = installHint(spec.id, input.platform);
  const goMin = spec.id === 'go' && input.goMod ? input.goMod : undefined;
  const minVersion = goMin ? goMin.goVersion : spec.minVersion;
  const minVersionSource = goMin ? goMin.file : 'the course';
  const base = { id: spec.id, name: spec.name, purpose: spec.purpose, minVersion, minVersionSource, install };
  const located = await resolveTool(spec.id, {
    platform: input.platform,
    hostEnv: input.hostEnv ?? input.env,
    terminalEnv: input.env,
    ...(input.toolPaths ? { settings: input.toolPaths } : {}),
    fs: input.fs,
  });
  if (!located.found) {
    return { ...base, status: 'missing', summary: `${spec.name} not found`, explanation: toolNotFoundExplanation(spec.id, located) };
  }
  const outside = foundOutsidePath(located) ? { outsidePath: located.dir } : {};
  // Where the learner's terminal cannot reach it, say so beside the result: the lab uses it anyway.
  const outsideNote = foundOutsidePath(located)
    ? ` Found at ${located.path}, in a folder that is not on the PATH VS Code or its terminal uses: the lab uses it from there. To type ${spec.id} in a terminal too, add ${located.dir} to PATH (or accept the lab's offer to do it).`
    : '';
  const options = { env: environmentFor(located, input.env, input.platform), timeoutMs: 15_000, cwd: input.cwd };
  const result = readRun(await input.runner.run(located.path, spec.versionArgs, options));
  if (result.kind === 'not-found') {
    return { ...base, path: located.path, status: 'missing', summary: `${spec.name} could not be started`, explanation: `${located.path} exists but could not be run (${result.message}). Reinstall ${spec.name}.` };
  }
  if (result.kind !== 'exited') {
    const why = result.kind === 'timeout' ? 'it did not answer in time' : result.message;
    return { ...base, path: located.path, status: 'broken', summary: `${spec.name} did not report its version`, explanation: `Running ${spec.id} ${spec.versionArgs.join(' ')} failed: ${why}.` };
  }
  const version = spec.parseVersion(result.stdout, result.stderr);
  if (!version) {
    return {
      ...base,
      path: located.path,
      status: 'unknown-version',
      summary: `${spec.name} found, version unknown`,
      explanation: `${located.path} answered, but not with a version this check understands (exit code ${result.exitCode}). It may still work.`,
    };
  }
  const withVersion = { ...base, ...outside, path: located.path, version };
  if (!isAtLeast(version, minVersion)) {
    const goNote = spec.id === 'go' && goMin ? ` Go 1.21 and later try to download go${minVersion} by themselves (GOTOOLCHAIN=auto), which needs a network connection.` : '';
    return {
      ...withVersion,
      status: 'outdated',
      summary: `${spec.name} ${version} is older than ${minVersion}`,
      explanation: `${minVersionSource === 'the course' ? 'The course' : minVersionSource} needs ${spec.name} ${minVersion} or later; you have ${version}.${goNote} Update it with one of the commands below.`,
    };
  }
  if (spec.checkLive) {
    const live = await spec.checkLive(async (args) => readRun(await input.runner.run(located.path, args, options)));
    if (!live.live) return { ...withVersion, live, status: 'not-live', summary: `${spec.name} ${version} installed, but not ready`, explanation: live.message };
    return { ...withVersion, live, status: 'ok', summary: `${spec.name} ${version}`, explanation: `${live.message}${outsideNote}` };
  }
  return { ...withVersion, status: 'ok', summary: `${spec.name} ${version}`, explanation: `${spec.purpose}${outsideNote}` };
}
