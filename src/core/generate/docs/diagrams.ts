/**
 * Mermaid diagrams of the architecture: a component graph of the services and
 * the broker, and a sequence diagram per event flow. Ids are PascalCase words
 * and every label is quoted, so event names with dots never break the syntax.
 */
import type { GenEvent, GenService, GenerationInput } from '../input';
import { mermaidLabel as label } from '../escape';
import { pascal } from '../naming';

const broker = 'NATS';

function nodeId(serviceId: string): string {
  const id = pascal(serviceId);
  // Mermaid keywords such as `end` break flowcharts; ids are never bare keywords.
  return /^(end|graph|subgraph|style|class|click)$/i.test(id) ? `${id}Node` : id;
}

/** `graph LR`: clients → services with routes, services ↔ NATS with the subjects. */
export function componentDiagram(input: GenerationInput, only?: GenService): string {
  const services = only ? relatedServices(only, input) : input.services;
  const lines = ['flowchart LR'];
  const withRoutes = services.filter((s) => s.routes.length > 0);
  if (withRoutes.length > 0) lines.push('  Client(["Client"])');
  for (const s of services) lines.push(`  ${nodeId(s.id)}["${label(s.name)}"]`);
  lines.push(`  ${broker}[("NATS JetStream")]`);
  for (const s of withRoutes) {
    lines.push(
      `  Client -->|"HTTP ${label(
        s.routes
          .map((r) => `${r.method} ${r.path}`)
          .slice(0, 3)
          .join(', '),
      )}"| ${nodeId(s.id)}`,
    );
  }
  const byId = new Map(input.events.map((e) => [e.id, e]));
  const ids = new Set(services.map((s) => s.id));
  for (const s of services) {
    for (const id of s.sends) {
      const e = byId.get(id);
      if (e) lines.push(`  ${nodeId(s.id)} -->|"publish ${label(e.subject)}"| ${broker}`);
    }
  }
  for (const s of services) {
    for (const id of s.receives) {
      const e = byId.get(id);
      if (e && ids.has(s.id)) lines.push(`  ${broker} -->|"deliver ${label(e.subject)}"| ${nodeId(s.id)}`);
    }
  }
  return lines.join('\n');
}

/** The service and the services it exchanges events with. */
function relatedServices(service: GenService, input: GenerationInput): GenService[] {
  const events = new Set([...service.sends, ...service.receives]);
  return input.services.filter((s) => s.id === service.id || s.sends.some((e) => events.has(e)) || s.receives.some((e) => events.has(e)));
}

/** One event flow: producer publishes, JetStream stores and delivers, each consumer acks. */
export function sequenceDiagram(event: GenEvent, input: GenerationInput): string {
  const name = (id: string): string => input.services.find((s) => s.id === id)?.name ?? id;
  const lines = ['sequenceDiagram', '  autonumber'];
  for (const p of event.producers) lines.push(`  participant ${nodeId(p)} as ${label(name(p))}`);
  lines.push(`  participant ${broker} as NATS JetStream`);
  for (const c of event.consumers) lines.push(`  participant ${nodeId(c)} as ${label(name(c))}`);
  for (const p of event.producers) {
    lines.push(`  ${nodeId(p)}->>${broker}: publish ${label(event.subject)} (Nats-Msg-Id = event id)`);
    lines.push(`  ${broker}-->>${nodeId(p)}: PubAck (stored once)`);
  }
  if (event.producers.length === 0) lines.push(`  Note over ${broker}: no producer found for ${label(event.name)}`);
  for (const c of event.consumers) {
    lines.push(`  ${broker}->>${nodeId(c)}: deliver ${label(event.name)}`);
    lines.push(`  ${nodeId(c)}->>${nodeId(c)}: skip if event id already processed`);
    lines.push(`  ${nodeId(c)}-->>${broker}: Ack`);
  }
  if (event.consumers.length === 0) lines.push(`  Note over ${broker}: no consumer yet`);
  return lines.join('\n');
}

export function mermaidFence(diagram: string): string {
  return `\`\`\`mermaid\n${diagram}\n\`\`\``;
}
