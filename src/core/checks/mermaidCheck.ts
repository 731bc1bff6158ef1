/** `mermaid`: every Mermaid diagram in the matching files parses, and there are at least `min`. */
import { optionalCount, requiredString, num, str } from './fields';
import { matchFiles, readText } from './files';
import { failWith } from './goTool';
import type { CheckKind, CheckProblem } from './types';

export const mermaidCheck: CheckKind = {
  kind: 'mermaid',
  summary: 'Every ```mermaid block (and `.mmd` file) in files matching `glob` parses; at least `min` (default 1) diagrams.',
  validate(spec) {
    const problems: string[] = [];
    requiredString(spec, 'glob', problems);
    optionalCount(spec, 'min', problems);
    return problems;
  },
  async run(spec, ctx) {
    const glob = str(spec, 'glob') ?? '';
    const min = num(spec, 'min') ?? 1;
    const problems: CheckProblem[] = [];
    let count = 0;
    for (const file of matchFiles(ctx.folder, glob)) {
      const { diagrams, diagnostics } = await ctx.mermaid.validate(file, readText(ctx.folder, file) ?? '');
      count += diagrams;
      for (const d of diagnostics.filter((x) => x.severity === 'error')) {
        problems.push({ message: d.message, location: { file, line: d.range.start.line + 1, column: d.range.start.character + 1 } });
      }
    }
    if (problems.length > 0) return failWith(`${problems.length} Mermaid problem${problems.length > 1 ? 's' : ''}`, problems);
    if (count < min) return { status: 'fail', message: `Found ${count} Mermaid diagram${count === 1 ? '' : 's'} in ${glob}; the step asks for at least ${min}.`, problems: [] };
    return { status: 'pass', message: `${count} Mermaid diagram${count === 1 ? '' : 's'} parse.` };
  },
};
