/**
 * The words for a tool that was not found, shared by the preflight report, a task
 * that cannot start and a check that cannot run, so the learner reads the same
 * thing everywhere. "Install it" is said only when the tool is found nowhere.
 */
import type { ToolMissing } from '../tools/toolResolver';
import type { ToolId } from '../tools/toolIds';
import { installHint } from './installHints';
import { toolSpec } from './toolSpecs';

type Missing = Pick<ToolMissing, 'reason' | 'configured'>;

/** What was not found and what to do, in one or two sentences (the preflight's explanation). */
export function toolNotFoundExplanation(tool: ToolId, missing: Missing): string {
  const spec = toolSpec(tool);
  if (missing.reason === 'setting-missing') {
    return `${spec.name} was not found: the setting edgo.tools.${tool} says "${missing.configured ?? ''}", and there is no program there. Fix the setting, or clear it so the lab looks on PATH and in the usual install folders.`;
  }
  return `${spec.name} (${tool}) was not found: it is not on the PATH, nor in the folders where its installers put it. ${spec.purpose} Install it, then check again. If it is installed somewhere else, set edgo.tools.${tool} to its full path.`;
}

/** What a task prints instead of running when its tool is not found. */
export function missingToolLines(tool: ToolId, missing: Missing, platform: string): string[] {
  const lines = [toolNotFoundExplanation(tool, missing)];
  if (missing.reason === 'not-found') {
    const hint = installHint(tool, platform);
    lines.push('', 'Install it with one of:', ...hint.options.map((o) => `  ${o.command}    (${o.via})`), `More: ${hint.docsUrl}`);
  }
  lines.push('', 'Then run "Event-Driven Go: Check My Tools" again.');
  return lines;
}

/** One paragraph for a check that could not run its tool: the explanation and, when found nowhere, the install commands. */
export function missingToolMessage(tool: ToolId, missing: Missing, platform: string): string {
  const explanation = toolNotFoundExplanation(tool, missing);
  if (missing.reason !== 'not-found') return explanation;
  const hint = installHint(tool, platform);
  return `${explanation} Install it with ${hint.options.map((o) => `\`${o.command}\` (${o.via})`).join(' or ')}; more at ${hint.docsUrl}.`;
}
