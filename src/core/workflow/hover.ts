/**
 * Hover on a key of a GitHub Actions workflow: the course's own help text for
 * it (keyHelp.ts). The path is read from indentation, so it works while the
 * file is half-typed and does not parse.
 */
import type { Position, Range } from '../diagnostic';
import { cursorContext, keyAt } from '../events/cursor';
import { workflowKeyHelp } from './keyHelp';

export interface KeyHover {
  readonly markdown: string;
  readonly range: Range;
}

/** Places where the learner chooses the name: a job, a trigger's filters, a service, a step's index. */
const namedBy = new Set(['jobs', 'steps', 'services', 'on']);

/** `jobs.build.steps.0.uses` → `jobs.*.steps.*.uses` (a top-level `on` too: its triggers share their filters). */
function generalise(path: readonly string[]): string[] {
  return path.map((seg, i) => {
    const parent = path[i - 1];
    if (parent === undefined || !namedBy.has(parent)) return seg;
    if ((parent === 'jobs' || parent === 'on') && i !== 1) return seg;
    return '*';
  });
}

export function workflowHover(text: string, pos: Position): KeyHover | undefined {
  const lines = text.split('\n');
  const line = (lines[pos.line] ?? '').replace(/\r$/, '');
  const key = keyAt(line, pos.character);
  if (!key) return undefined;
  const cursor = cursorContext(lines, { line: pos.line, character: key.end + 1 < line.length ? key.end + 2 : line.length });
  const path = [...(cursor?.parent ?? []), key.key];
  // The exact key first (`on.push`), then with chosen names generalised (`on.*.branches`, `jobs.*`).
  const help = workflowKeyHelp[path.join('.')] ?? workflowKeyHelp[[...generalise(path.slice(0, -1)), key.key].join('.')] ?? workflowKeyHelp[generalise(path).join('.')];
  if (!help) return undefined;
  return { markdown: `**${key.key}**\n\n${help}`, range: { start: { line: pos.line, character: key.start }, end: { line: pos.line, character: key.end } } };
}
