/** `event-yaml`: at least `min` event files match `glob`, and each one validates. */
import { parseDocument } from 'yaml';
import { defineCheckKind } from './defineCheckKind';
import { matchFiles, readText } from './files';
import { failWith } from './goTool';
import type { CheckProblem } from './types';

export const eventYamlCheck = defineCheckKind({
  kind: 'event-yaml',
  fields: {
    glob: { type: 'string', required: true, description: 'Event YAML files, e.g. "events/*.yaml"' },
    min: { type: 'integer', description: 'At least this many files (default 1)' },
    requiredKeys: { type: 'array', items: { type: 'string' }, description: 'Top-level keys each file must have' },
  },
  summary: 'At least `min` (default 1) files match `glob` and each validates as an event (`requiredKeys`: top-level keys each must have).',
  async run(spec, ctx) {
    const glob = spec.glob;
    const min = spec.min ?? 1;
    const requiredKeys = spec.requiredKeys ?? [];
    const files = matchFiles(ctx.fs, ctx.folder, glob);
    if (files.length < min) {
      return { status: 'fail', message: `Found ${files.length} event file${files.length === 1 ? '' : 's'} matching ${glob}; the step asks for at least ${min}.`, problems: [] };
    }
    const problems: CheckProblem[] = [];
    for (const file of files) {
      const text = readText(ctx.fs, ctx.folder, file) ?? '';
      const diags = (await ctx.eventYaml.validate(text, file)).filter((d) => d.severity === 'error');
      for (const d of diags) problems.push({ message: d.message, location: { file, line: d.range.start.line + 1, column: d.range.start.character + 1 } });
      if (diags.length === 0 && requiredKeys.length > 0) {
        const data = parseDocument(text).toJS() as Record<string, unknown> | null;
        for (const key of requiredKeys) {
          if (!data || typeof data !== 'object' || !(key in data)) problems.push({ message: `"${key}" is missing`, location: { file, line: 1 } });
        }
      }
    }
    if (problems.length > 0) return failWith(`${new Set(problems.map((p) => p.location?.file)).size} of ${files.length} event files do not validate`, problems);
    return { status: 'pass', message: `${files.length} event file${files.length === 1 ? '' : 's'} validate.` };
  },
});
