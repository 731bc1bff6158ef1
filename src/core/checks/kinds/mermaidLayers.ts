/**
 * `mermaid-layers`: the learner's own layer diagram (a Mermaid flowchart in a
 * README) shows every layer and its arrows point inwards only, as the
 * dependency rule says. `rings` lists the layers from the innermost out; layers
 * of one ring are joined with `|` (`["domain", "usecase", "interface|infra"]`).
 * An arrow `A --> B` reads "A depends on B": it must go to a ring further in.
 */
import { extractBlocks } from '../../mermaid/blocks';
import { str, strs } from '../fields';
import { defineCheckKind } from '../defineCheckKind';
import { matchFiles, readText } from '../files';
import { failWith } from '../goTool';
import { diagramContent, nodeMatches, type DiagramNode } from '../mermaidContent';
import type { CheckLocation, CheckProblem } from '../types';

interface Layer {
  readonly name: string;
  /** 0 for the innermost ring. */
  readonly ring: number;
}

export function parseRings(rings: readonly string[]): Layer[] {
  return rings.flatMap((ring, i) =>
    ring
      .split('|')
      .map((name) => ({ name: name.trim(), ring: i }))
      .filter((l) => l.name !== ''),
  );
}

/** The layer a node stands for: the first whose name its id or label contains. */
function layerOf(id: string, nodes: readonly DiagramNode[], layers: readonly Layer[]): Layer | undefined {
  return layers.find((l) => nodeMatches(id, l.name, nodes));
}

interface Arrow {
  readonly from: Layer;
  readonly to: Layer;
  readonly at: CheckLocation;
}

/** Problems with the layers the diagrams show; empty when every layer is there and every arrow points inwards. */
export function layerProblems(arrows: readonly Arrow[], seen: ReadonlySet<string>, layers: readonly Layer[], where: CheckLocation): CheckProblem[] {
  const problems: CheckProblem[] = [];
  for (const l of layers.filter((x) => !seen.has(x.name))) {
    problems.push({ message: `the diagram has no ${l.name} layer: add a node for it (for example ${l.name}[${l.name}])`, location: where });
  }
  for (const a of arrows) {
    if (a.from.name === a.to.name) continue;
    if (a.from.ring > a.to.ring) continue;
    const why =
      a.from.ring === a.to.ring
        ? `${a.from.name} and ${a.to.name} are both outer layers: neither depends on the other; both point inwards`
        : `${a.from.name} is further in than ${a.to.name}: inner layers know nothing of outer ones, so the arrow must point the other way (${a.to.name} --> ${a.from.name})`;
    problems.push({ message: `the arrow ${a.from.name} --> ${a.to.name} points outwards: ${why}`, location: a.at });
  }
  const innermost = Math.min(...layers.map((l) => l.ring));
  for (const l of layers.filter((x) => x.ring !== innermost && seen.has(x.name))) {
    if (!arrows.some((a) => a.from.name === l.name && a.to.ring < l.ring)) {
      problems.push({ message: `${l.name} has no arrow to an inner layer: draw what it depends on (${l.name} --> ...)`, location: where });
    }
  }
  return problems;
}

export const mermaidLayersCheck = defineCheckKind({
  kind: 'mermaid-layers',
  fields: {
    glob: { type: 'string', required: true, description: 'The file(s) holding the layer diagram, e.g. README.md' },
    rings: { type: 'array', required: true, items: { type: 'string' }, description: 'Layers from the innermost out; layers of one ring joined with |' },
  },
  summary: 'A Mermaid flowchart in files matching `glob` shows every layer of `rings` (innermost first, `|` joins layers of one ring) ' + 'and each arrow `A --> B` points to a ring further in; every outer layer has an arrow inwards.',
  refine(spec) {
    return parseRings(spec.rings).length < 2 ? [{ path: ['rings'], message: 'must name at least two layers' }] : [];
  },
  async run(spec, ctx) {
    const glob = str(spec, 'glob') ?? '';
    const layers = parseRings(strs(spec, 'rings') ?? []);
    const files = matchFiles(ctx.fs, ctx.folder, glob);
    if (files.length === 0) return { status: 'fail', message: `No ${glob} yet: write the layer diagram there in a \`\`\`mermaid block.`, problems: [] };
    const parseErrors: CheckProblem[] = [];
    const arrows: Arrow[] = [];
    const seen = new Set<string>();
    let diagrams = 0;
    let where: CheckLocation | undefined;
    for (const file of files) {
      const text = readText(ctx.fs, ctx.folder, file) ?? '';
      const { diagnostics } = await ctx.mermaid.validate(file, text);
      for (const d of diagnostics.filter((x) => x.severity === 'error')) {
        parseErrors.push({ message: d.message, location: { file, line: d.range.start.line + 1, column: d.range.start.character + 1 } });
      }
      for (const block of extractBlocks(file, text).filter((b) => b.text.trim() !== '')) {
        const content = diagramContent(block.text);
        if (content.nodes.length === 0) continue;
        diagrams++;
        where ??= { file, line: block.contentLine + 1 };
        for (const n of content.nodes) {
          const l = layerOf(n.id, content.nodes, layers);
          if (l) seen.add(l.name);
        }
        for (const e of content.edges) {
          const from = layerOf(e.from, content.nodes, layers);
          const to = layerOf(e.to, content.nodes, layers);
          if (from && to) arrows.push({ from, to, at: { file, line: block.contentLine + e.line + 1 } });
        }
      }
    }
    if (parseErrors.length > 0) return failWith(`${parseErrors.length} Mermaid problem${parseErrors.length > 1 ? 's' : ''}`, parseErrors);
    if (diagrams === 0) return { status: 'fail', message: `${files.join(', ')} has no Mermaid flowchart of the layers yet: add a \`\`\`mermaid block (graph LR).`, problems: [] };
    const problems = layerProblems(arrows, seen, layers, where ?? { file: files[0] ?? glob, line: 1 });
    if (problems.length > 0) return failWith('The layer diagram does not show the dependency rule yet', problems);
    return { status: 'pass', message: `The diagram shows ${layers.map((l) => l.name).join(', ')} with ${arrows.length} arrow${arrows.length === 1 ? '' : 's'}, all pointing inwards.` };
  },
});
