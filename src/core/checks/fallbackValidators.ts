/**
 * Stand-ins used until the event-YAML validator (src/core/events) and the Mermaid
 * parser (src/core/mermaid) are wired in: they catch what a learner most often
 * gets wrong (YAML that does not parse, a diagram without a known type) and
 * nothing more, so they never fail a correct file.
 */
import { parseDocument } from 'yaml';
import { range, type CoreDiagnostic } from '../diagnostic';
import { mermaidBlocks } from './mermaidBlocks';
import type { EventYamlValidator, MermaidValidator } from './types';

export const yamlSyntaxValidator: EventYamlValidator = {
  validate(text) {
    const doc = parseDocument(text, { prettyErrors: true });
    const diags: CoreDiagnostic[] = doc.errors.map((e) => {
      const line = (e.linePos?.[0]?.line ?? 1) - 1;
      const col = (e.linePos?.[0]?.col ?? 1) - 1;
      return { range: range(line, col, line, col + 1), severity: 'error', code: 'yaml/syntax', message: e.message.split('\n')[0] ?? e.message, source: 'edgo-checks' };
    });
    if (diags.length === 0 && (doc.contents === null || typeof doc.toJS() !== 'object' || Array.isArray(doc.toJS()))) {
      diags.push({ range: range(0, 0, 0, 1), severity: 'error', code: 'event/not-a-mapping', message: 'An event file must be a YAML mapping (name: ..., version: ..., payload: ...).', source: 'edgo-checks' });
    }
    return diags;
  },
};

/** Diagram types Mermaid 11/12 knows (the first word of a diagram). */
const diagramTypes = [
  'graph', 'flowchart', 'flowchart-elk', 'sequenceDiagram', 'classDiagram', 'classDiagram-v2', 'stateDiagram', 'stateDiagram-v2',
  'erDiagram', 'journey', 'gantt', 'pie', 'quadrantChart', 'requirementDiagram', 'gitGraph', 'C4Context', 'C4Container',
  'C4Component', 'C4Dynamic', 'C4Deployment', 'mindmap', 'timeline', 'zenuml', 'sankey-beta', 'sankey', 'xychart-beta', 'xychart',
  'block-beta', 'block', 'packet-beta', 'packet', 'kanban', 'architecture-beta', 'architecture', 'radar-beta', 'treemap-beta', 'treemap',
];

/** Problems with one diagram's first meaningful line; ranges relative to the diagram. */
function diagramTypeProblems(diagram: string): CoreDiagnostic[] {
  {
    const lines = diagram.split(/\r?\n/);
    let inFrontMatter = false;
    for (let i = 0; i < lines.length; i++) {
      const t = (lines[i] ?? '').trim();
      if (i === 0 && t === '---') {
        inFrontMatter = true;
        continue;
      }
      if (inFrontMatter) {
        if (t === '---') inFrontMatter = false;
        continue;
      }
      if (t === '' || t.startsWith('%%')) continue;
      const word = t.split(/[\s;:]/)[0] ?? '';
      if (diagramTypes.includes(word)) return [];
      return [{ range: range(i, 0, i, t.length), severity: 'error', code: 'mermaid/unknown-diagram', message: `"${word}" is not a Mermaid diagram type; start with e.g. sequenceDiagram or flowchart LR.`, source: 'edgo-checks' }];
    }
    return [{ range: range(0, 0, 0, 0), severity: 'error', code: 'mermaid/empty', message: 'The diagram is empty.', source: 'edgo-checks' }];
  }
}

export const diagramTypeValidator: MermaidValidator = {
  async validate(fileName, text) {
    const blocks = mermaidBlocks(fileName, text);
    const diagnostics = blocks.flatMap((b) =>
      diagramTypeProblems(b.text).map((d) => ({ ...d, range: range(b.line + d.range.start.line, d.range.start.character, b.line + d.range.end.line, d.range.end.character) })),
    );
    return { diagrams: blocks.length, diagnostics };
  },
};
