import type { ToolId } from '../tasks/taskKinds';
import { installHint, type InstallHint } from './installHints';
import type { ProcessRunner } from './processRunner';
import { findInstalledElsewhere, locateTool, pathOf, type Env, type PathApi } from './toolLocation';
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
  /** A missing tool that is installed in a common folder outside the PATH. */
  readonly installedAt?: string;
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
  readonly fs: PathApi;
  /** The environment the integrated terminal gets. */
  readonly env: Readonly<Env>;
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
  const entries = pathOf(input.env, input.platform).split(input.platform === 'win32' ? ';' : ':').filter(Boolean).length;
  return { platform: input.platform, tools, pathEntries: entries };
}

async function checkTool(spec: ToolSpec, input: PreflightInput): Promise<ToolReport> {
  const install = installHint(spec.id, input.platform);
  const goMin = spec.id === 'go' && input.goMod ? input.goMod : undefined;
  const minVersion = goMin ? goMin.goVersion : spec.minVersion;
  const minVersionSource = goMin ? goMin.file : 'the course';
  const base = { id: spec.id, name: spec.name, purpose: spec.purpose, minVersion, minVersionSource, install };
  const configured = input.toolPaths?.[spec.id];
  // On Windows the PATH search adds PATHEXT (go.exe); the executable name is the tool id everywhere.
  const located = await locateTool(spec.id, configured, input.env, input.platform, input.fs);
  if (!located.found) {
    if (located.reason === 'setting-missing') {
      const explanation = `The setting edgo.tools.${spec.id} says "${located.configured}", but there is no program there. Fix or clear the setting, or install ${spec.name}.`;
      return { ...base, status: 'missing', summary: `${spec.name} not found`, explanation };
    }
    // "installed but not found": the most common preflight failure, so say where it is
    const elsewhere = await findInstalledElsewhere(spec.id, input.env, input.platform, input.fs);
    if (elsewhere) {
      const dir = elsewhere.slice(0, Math.max(elsewhere.lastIndexOf('/'), elsewhere.lastIndexOf('\\')));
      const fix = input.platform === 'win32' ? `add ${dir} to your user Path (Settings > System > About > Advanced system settings > Environment Variables)` : `add it to PATH in your shell profile (export PATH="$PATH:${dir}" in ~/.profile or ~/.zshrc) and open a new terminal`;
      return {
        ...base, status: 'missing', installedAt: elsewhere, summary: `${spec.name} installed, but not on PATH`,
        explanation: `${spec.name} is installed at ${elsewhere}, but that folder is not on the PATH your terminal uses. Either ${fix}, or set edgo.tools.${spec.id} to ${elsewhere}.`,
      };
    }
    const explanation = `${spec.name} is not on the PATH your terminal uses. ${spec.purpose} Install it, then open a new terminal and check again. If it is installed somewhere else, set edgo.tools.${spec.id} to its full path.`;
    return { ...base, status: 'missing', summary: `${spec.name} not found`, explanation };
  }
  const options = { env: input.env, timeoutMs: 15_000, ...(input.cwd ? { cwd: input.cwd } : {}) };
  const result = await input.runner.run(located.path, spec.versionArgs, options);
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
      ...base, path: located.path, status: 'unknown-version', summary: `${spec.name} found, version unknown`,
      explanation: `${located.path} answered, but not with a version this check understands (exit code ${result.exitCode}). It may still work.`,
    };
  }
  const withVersion = { ...base, path: located.path, version };
  if (!isAtLeast(version, minVersion)) {
    const goNote = spec.id === 'go' && goMin ? ` Go 1.21 and later try to download go${minVersion} by themselves (GOTOOLCHAIN=auto), which needs a network connection.` : '';
    return {
      ...withVersion, status: 'outdated', summary: `${spec.name} ${version} is older than ${minVersion}`,
      explanation: `${minVersionSource === 'the course' ? 'The course' : minVersionSource} needs ${spec.name} ${minVersion} or later; you have ${version}.${goNote} Update it with one of the commands below.`,
    };
  }
  if (spec.checkLive) {
    const live = await spec.checkLive((args) => input.runner.run(located.path, args, options));
    if (!live.live) return { ...withVersion, live, status: 'not-live', summary: `${spec.name} ${version} installed, but not ready`, explanation: live.message };
    return { ...withVersion, live, status: 'ok', summary: `${spec.name} ${version}`, explanation: live.message };
  }
  return { ...withVersion, status: 'ok', summary: `${spec.name} ${version}`, explanation: `${spec.purpose}` };
}
