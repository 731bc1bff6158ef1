/**
 * The Markdown pages: one per event in the module 4 form, one per service with
 * its HTTP API and events, an architecture page, and blocks for the README.
 * Every function returns only the generated blocks; where they go in a file
 * (and the learner's text around them) is `upsertBlocks`' business.
 */
import type { FieldDoc, GenEvent, GenService, GenerationInput } from '../input';
import { codeSpan, linkText, markdownText, tableCell } from '../escape';
import { pascal } from '../naming';
import { componentDiagram, mermaidFence, sequenceDiagram } from './diagrams';

export interface Block {
  readonly name: string;
  readonly content: string;
  /** Heading written above the block the first time it is added to an existing file. */
  readonly heading?: string;
}

function fieldList(fields: readonly FieldDoc[]): string {
  if (fields.length === 0) return '  - (none)';
  return fields.map((f) => `  - ${markdownText(f.name)}: ${markdownText(f.type)}${f.required ? '' : ' (optional)'}${f.description ? ` — ${markdownText(f.description)}` : ''}`).join('\n');
}

function serviceName(id: string, input: GenerationInput): string {
  return input.services.find((s) => s.id === id)?.name ?? id;
}

function serviceLinks(ids: readonly string[], input: GenerationInput, prefix: string): string {
  return ids.length ? ids.map((id) => `[${linkText(serviceName(id, input))}](${prefix}services/${id}.md)`).join(', ') : '(none yet)';
}

export function eventPage(e: GenEvent, input: GenerationInput): { title: string; blocks: Block[] } {
  const definition = [
    `### ${pascal(e.name)}`,
    `- eventType: ${codeSpan(e.name)}`,
    `- version: ${codeSpan(e.version)}`,
    `- subject: ${codeSpan(e.subject)}`,
    '- payload:',
    fieldList(e.fields),
    '- metadata:',
    fieldList(e.metadata),
    `- producers: ${serviceLinks(e.producers, input, '../')}`,
    `- consumers: ${serviceLinks(e.consumers, input, '../')}`,
    '',
    `Defined in ${codeSpan(e.sourceFile)}.`,
  ].join('\n');
  const example = e.examples[0] !== undefined ? `\n\nExample payload:\n\n\`\`\`json\n${JSON.stringify(e.examples[0], null, 2)}\n\`\`\`` : '';
  return {
    title: `# ${markdownText(e.title)}\n\n${markdownText(e.summary)}\n`,
    blocks: [
      { name: 'event', content: definition + example },
      { name: 'flow', heading: '## Flow', content: mermaidFence(sequenceDiagram(e, input)) },
    ],
  };
}

/** A route's section, added once and then the learner's: request and response examples go here. */
export interface Section {
  readonly heading: string;
  readonly body: string;
}

export function servicePage(s: GenService, input: GenerationInput): { title: string; blocks: Block[]; sections: Section[] } {
  const handlerOf = (h: string): string => (h.startsWith('func(') ? 'inline func' : h);
  const api = s.routes.length
    ? `| Method | Path | Handler |\n| --- | --- | --- |\n${s.routes.map((r) => `| ${r.method} | ${codeSpan(r.path, true)} | ${codeSpan(handlerOf(r.handler), true)} in ${codeSpan(`${r.file}:${r.line}`, true)} |`).join('\n')}`
    : '_No HTTP routes found (the generator reads `HandleFunc("METHOD /path", ...)` calls)._';
  const sections = s.routes.map((r) => ({
    heading: `## ${r.method === 'ANY' ? '' : `${r.method} `}${markdownText(r.path)}`,
    body: `_What it does, the request body and each response with its status code (handler ${codeSpan(handlerOf(r.handler))})._\n\n**Request**\n\n**Response**`,
  }));
  const byId = new Map(input.events.map((e) => [e.id, e]));
  const rows = (ids: readonly string[]): string =>
    ids.length
      ? ids
          .map((id) => byId.get(id))
          .filter((e): e is GenEvent => e !== undefined)
          .map((e) => `| [${linkText(e.name, true)}](../events/${e.id}.md) | ${codeSpan(e.subject, true)} | ${tableCell(e.version)} |`)
          .join('\n')
      : '| (none) | | |';
  const events = `### Sends\n\n| Event | Subject | Version |\n| --- | --- | --- |\n${rows(s.sends)}\n\n### Receives\n\n| Event | Subject | Version |\n| --- | --- | --- |\n${rows(s.receives)}`;
  return {
    title: `# ${markdownText(s.name)} API\n`,
    blocks: [
      { name: 'api', content: api },
      { name: 'events', heading: '## Events', content: events },
      { name: 'components', heading: '## Components', content: mermaidFence(componentDiagram(input, s)) },
    ],
    sections,
  };
}

export function architecturePage(input: GenerationInput): { title: string; blocks: Block[] } {
  const flows = input.events.map((e) => `### ${markdownText(e.name)}\n\n${mermaidFence(sequenceDiagram(e, input))}`).join('\n\n');
  return {
    title: '# Architecture\n',
    blocks: [
      { name: 'components', heading: '## Components', content: mermaidFence(componentDiagram(input)) },
      { name: 'flows', heading: '## Event flows', content: flows || '_No events found._' },
    ],
  };
}

/** Blocks for the workspace README: the component diagram, the APIs and the events, with links to `docsDir`. */
export function readmeBlocks(input: GenerationInput, docsDir: string): Block[] {
  const api = input.services
    .filter((s) => s.folder !== undefined)
    .map((s) => `- [${linkText(s.name)} API](${docsDir}/services/${s.id}.md): ${s.routes.length ? s.routes.map((r) => codeSpan(`${r.method} ${r.path}`)).join(', ') : 'no HTTP routes'}`)
    .join('\n');
  const events = input.events.length
    ? `| Event | Version | Producers | Consumers |\n| --- | --- | --- | --- |\n${input.events
        .map(
          (e) =>
            `| [${linkText(e.name, true)}](${docsDir}/events/${e.id}.md) | ${tableCell(e.version)} | ${tableCell(e.producers.map((p) => serviceName(p, input)).join(', ')) || '-'} | ${tableCell(e.consumers.map((c) => serviceName(c, input)).join(', ')) || '-'} |`,
        )
        .join('\n')}`
    : '_No events found._';
  return [
    { name: 'architecture', heading: '## Architecture', content: `${mermaidFence(componentDiagram(input))}\n\nMore: [architecture and event flows](${docsDir}/architecture.md).` },
    { name: 'api', heading: '## API', content: api || '_No services found._' },
    { name: 'events', heading: '## Events', content: events },
  ];
}
