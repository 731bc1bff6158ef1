/**
 * What a Mermaid diagram says, not only whether it parses: the participants or
 * nodes it has and the messages or edges between them, read from sequence
 * diagrams and flowcharts. Used by the `mermaid` check's `participants` and
 * `messages` so a diagram must show the flow the step asks for.
 */

export interface DiagramNode {
  readonly id: string;
  readonly label: string;
}

export interface DiagramEdge {
  readonly from: string;
  readonly to: string;
  readonly text: string;
  /** 0-based line within the diagram. */
  readonly line: number;
}

export interface DiagramContent {
  readonly nodes: readonly DiagramNode[];
  readonly edges: readonly DiagramEdge[];
}

const unquote = (s: string) =>
  s
    .trim()
    .replace(/^["'`]|["'`]$/g, '')
    .trim();

// `A->>B: text`, `A-->>+B: text`, `A-)B: text`, `A-xB: text`, `A->B: text`
const sequenceMessage = /^\s*([^\s:;>-][^:;]*?)\s*(<<)?-{1,2}(?:>>|>|x|\))\s*[+-]?\s*([^:;]+?)\s*:\s*(.*)$/;
// `participant A as Alias`, `actor A`
const sequenceParticipant = /^\s*(?:participant|actor)\s+(.+?)(?:\s+as\s+(.+))?\s*$/;
// A flowchart node: an id with an optional shape holding its label.
const flowNode = String.raw`([\w.-]+)\s*(?:\(\[(.*?)\]\)|\[\[(.*?)\]\]|\[\((.*?)\)\]|\(\((.*?)\)\)|\[(.*?)\]|\((.*?)\)|\{(.*?)\}|>(.*?)\])?`;
// `-->`, `---`, `-.->`, `==>`, `--o`, `--x`, with an optional `|text|` or `-- text -->`
const flowArrow = String.raw`\s*(?:--\s*([^->|][^|]*?)\s*-->|(?:-{2,}|-\.+-|={2,})[>ox]?)\s*(?:\|(.*?)\|)?\s*`;
const flowEdge = new RegExp(`^\\s*${flowNode}${flowArrow}${flowNode}\\s*;?\\s*$`);
const flowLoneNode = new RegExp(`^\\s*${flowNode}\\s*;?\\s*$`);

function labelOf(groups: readonly (string | undefined)[]): string | undefined {
  return groups.find((g) => g !== undefined);
}

/** Nodes and edges of one diagram's text (a sequence diagram or a flowchart; other types give none). */
export function diagramContent(text: string): DiagramContent {
  const lines = text.split(/\r?\n/);
  const type = lines.map((l) => l.trim()).find((l) => l !== '' && !l.startsWith('%%')) ?? '';
  const nodes = new Map<string, string>();
  const edges: DiagramEdge[] = [];
  const addNode = (id: string, label?: string) => {
    const key = unquote(id);
    if (!key) return;
    if (!nodes.has(key) || label) nodes.set(key, unquote(label ?? nodes.get(key) ?? key));
  };
  if (/^sequenceDiagram\b/.test(type)) {
    lines.forEach((l, i) => {
      const p = sequenceParticipant.exec(l);
      if (p) {
        addNode(p[1] ?? '', p[2]);
        return;
      }
      const m = sequenceMessage.exec(l);
      if (m) {
        addNode(m[1] ?? '');
        addNode(m[3] ?? '');
        edges.push({ from: unquote(m[1] ?? ''), to: unquote(m[3] ?? ''), text: m[4]?.trim() ?? '', line: i });
      }
    });
  } else if (/^(flowchart|graph)\b/.test(type)) {
    lines.forEach((l, i) => {
      const e = flowEdge.exec(l);
      if (e) {
        // Groups: 1 id, 2-9 shapes; 10 `-- text -->`, 11 `|text|`; 12 id, 13-20 shapes.
        addNode(e[1] ?? '', labelOf(e.slice(2, 10)));
        addNode(e[12] ?? '', labelOf(e.slice(13, 21)));
        edges.push({ from: unquote(e[1] ?? ''), to: unquote(e[12] ?? ''), text: unquote(e[11] ?? e[10] ?? ''), line: i });
        return;
      }
      const n = flowLoneNode.exec(l);
      if (n && !/^(flowchart|graph|subgraph|end|style|classDef|class|click|linkStyle|direction)\b/.test(l.trim())) addNode(n[1] ?? '', labelOf(n.slice(2, 10)));
    });
  }
  return { nodes: [...nodes].map(([id, label]) => ({ id, label })), edges };
}

const norm = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');

/** A node matches a name when its id or label contains it (case, spaces, `_` and `-` ignored). */
export function nodeMatches(node: DiagramNode | string, name: string, nodes: readonly DiagramNode[] = []): boolean {
  if (name === '*') return true;
  const n = typeof node === 'string' ? (nodes.find((x) => x.id === node) ?? { id: node, label: node }) : node;
  return norm(n.id).includes(norm(name)) || norm(n.label).includes(norm(name));
}

/** `From -> To: text` (`*` for any end; the text part optional) as a requirement. */
export function parseMessageRule(rule: string): { from: string; to: string; text: string } | undefined {
  const m = /^\s*(.+?)\s*->\s*(.+?)\s*(?::\s*(.*))?$/.exec(rule);
  if (!m) return undefined;
  return { from: m[1] ?? '*', to: m[2] ?? '*', text: (m[3] ?? '').trim() };
}

/** Whether some edge of the content satisfies the rule. */
export function hasMessage(content: DiagramContent, rule: { from: string; to: string; text: string }): boolean {
  return content.edges.some((e) => nodeMatches(e.from, rule.from, content.nodes) && nodeMatches(e.to, rule.to, content.nodes) && (rule.text === '' || e.text.toLowerCase().includes(rule.text.toLowerCase())));
}
