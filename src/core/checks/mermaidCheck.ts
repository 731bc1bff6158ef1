/**
 * `mermaid`: every Mermaid diagram in the matching files parses, there are at
 * least `min`, and (when asked) they show the `participants` and `messages` the
 * step asks for, so fixing a syntax error alone does not pass.
 */
import { defineCheckKind } from './defineCheckKind';
import { matchFiles, readText } from './files';
import { extractBlocks } from '../mermaid/blocks';
import { diagramContent, hasMessage, nodeMatches, parseMessageRule, type DiagramEdge, type DiagramNode } from './mermaidContent';
import { failWith } from './goTool';
import type { CheckProblem } from './types';

export const mermaidCheck = defineCheckKind({
  kind: 'mermaid',
  fields: {
    glob: { type: 'string', required: true, description: 'Files holding the diagrams' },
    min: { type: 'integer', description: 'At least this many diagrams (default 1)' },
    participants: { type: 'array', items: { type: 'string' }, description: 'Participants or nodes the diagrams must show' },
    messages: { type: 'array', items: { type: 'string', pattern: '->', patternHint: '"From -> To: text"' }, description: '"From -> To: text" messages or edges (* for any end)' },
  },
  summary:
    'Every ```mermaid block (and `.mmd` file) in files matching `glob` parses; at least `min` (default 1) diagrams; ' +
    'sequence diagrams and flowcharts together show each of `participants` (names or labels, case-insensitive) and `messages` (`"From -> To: text"`, `*` for any end).',
  refine(spec) {
    return (spec.messages ?? []).flatMap((rule, i) => (parseMessageRule(rule) ? [] : [{ path: ['messages', i], message: `"${rule}" must look like "From -> To: text"` }]));
  },
  async run(spec, ctx) {
    const glob = spec.glob;
    const min = spec.min ?? 1;
    const problems: CheckProblem[] = [];
    let count = 0;
    const nodes: DiagramNode[] = [];
    const edges: DiagramEdge[] = [];
    let firstDiagram: { file: string; line: number } | undefined;
    let firstFile: string | undefined;
    for (const file of matchFiles(ctx.fs, ctx.folder, glob)) {
      firstFile ??= file;
      const text = readText(ctx.fs, ctx.folder, file) ?? '';
      const { diagrams, diagnostics } = await ctx.mermaid.validate(file, text);
      count += diagrams;
      for (const block of extractBlocks(file, text).filter((b) => b.text.trim() !== '')) {
        const content = diagramContent(block.text);
        nodes.push(...content.nodes);
        edges.push(...content.edges);
        firstDiagram ??= { file, line: block.contentLine + 1 };
      }
      for (const d of diagnostics.filter((x) => x.severity === 'error')) {
        problems.push({ message: d.message, location: { file, line: d.range.start.line + 1, column: d.range.start.character + 1 } });
      }
    }
    if (problems.length > 0) return failWith(`${problems.length} Mermaid problem${problems.length > 1 ? 's' : ''}`, problems);
    const where = firstDiagram ?? (firstFile ? { file: firstFile, line: 1 } : { file: glob, line: 1 });
    if (count < min) {
      const found = `Found ${count} Mermaid diagram${count === 1 ? '' : 's'} in ${glob}; the step asks for at least ${min}`;
      // At the learner's first diagram (or file), so the failure opens where to add the next one.
      if (!firstFile) return { status: 'fail', message: `${found}.`, problems: [] };
      return failWith(found, [{ message: `add ${min - count} more \`\`\`mermaid block${min - count > 1 ? 's' : ''}`, location: where }]);
    }
    const content = { nodes, edges };
    const missing: CheckProblem[] = [
      ...(spec.participants ?? []).filter((name) => !nodes.some((n) => nodeMatches(n, name))).map((name) => ({ message: `the diagram has no ${name} (add it as a participant or node)`, location: where })),
      ...(spec.messages ?? []).filter((rule) => !hasMessage(content, parseMessageRule(rule)!)).map((rule) => ({ message: `the diagram has no message ${rule.replace(/\*/g, 'anyone')}`, location: where })),
    ];
    if (missing.length > 0) return failWith(`The diagram parses but does not show the whole flow yet`, missing);
    return { status: 'pass', message: `${count} Mermaid diagram${count === 1 ? '' : 's'} parse.` };
  },
});
