import type { ToolId } from '../tasks/taskKinds';
import { installHint } from './installHints';
import type { Located } from './toolLocation';
import { toolSpec } from './toolSpecs';

/**
 * What a task prints instead of running when its tool is not found: which tool,
 * why it matters, and how to install it on this OS.
 */
export function missingToolLines(tool: ToolId, located: Extract<Located, { found: false }>, platform: string): string[] {
  const spec = toolSpec(tool);
  const hint = installHint(tool, platform);
  const lines = [
    located.reason === 'setting-missing'
      ? `${spec.name} was not found: the setting edgo.tools.${tool} says "${located.configured}", and there is no program there.`
      : `${spec.name} (${tool}) was not found on the PATH your terminal uses.`,
    spec.purpose,
    '',
    'Install it with one of:',
    ...hint.options.map((o) => `  ${o.command}    (${o.via})`),
    `More: ${hint.docsUrl}`,
    '',
    `Then run "Event-Driven Go: Check My Tools" again, or set edgo.tools.${tool} to the full path of ${tool}.`,
  ];
  return lines;
}
