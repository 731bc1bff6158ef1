/**
 * AsyncAPI 3.0 documents, one per service: the NATS server, a channel per
 * subject the service uses, `send`/`receive` operations, and messages whose
 * payloads are the events' JSON Schemas.
 */
import { stringify } from 'yaml';
import type { GenFs } from '../fs';
import type { GenEvent, GenService, GenerationInput, JsonSchema } from '../input';
import { pascal } from '../naming';
import { PlanBuilder, type Plan } from '../plan';

export interface AsyncApiOptions {
  /** `host:port` of the NATS server in `servers.nats`. */
  readonly natsHost?: string;
}

/** camelCase key for channels and messages (`order.created` → `orderCreated`). */
function key(name: string): string {
  const p = pascal(name);
  return p.charAt(0).toLowerCase() + p.slice(1);
}

/** An AsyncAPI Schema (a JSON Schema draft-07 superset) without the `$schema` marker. */
function asyncApiSchema(schema: JsonSchema): JsonSchema {
  const { $schema: _drop, ...rest } = schema;
  return rest;
}

export function asyncApiDocument(service: GenService, input: GenerationInput, options: AsyncApiOptions = {}): Record<string, unknown> {
  const byId = new Map(input.events.map((e) => [e.id, e]));
  const used: { event: GenEvent; action: 'send' | 'receive' }[] = [
    ...service.sends.map((id) => ({ event: byId.get(id)!, action: 'send' as const })),
    ...service.receives.map((id) => ({ event: byId.get(id)!, action: 'receive' as const })),
  ].filter((u) => u.event !== undefined);

  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  for (const { event, action } of used) {
    const ch = key(event.subject);
    const msg = key(event.name);
    messages[msg] = {
      name: event.name,
      title: event.title,
      summary: event.summary,
      contentType: 'application/json',
      payload: asyncApiSchema(event.schema),
      ...(event.examples.length > 0 ? { examples: event.examples.slice(0, 3).map((payload, i) => ({ name: `example${i + 1}`, payload })) } : {}),
    };
    const existing = channels[ch] as { messages: Record<string, unknown> } | undefined;
    channels[ch] = {
      address: event.subject,
      description: `NATS JetStream subject of ${event.name}.`,
      messages: { ...(existing?.messages ?? {}), [msg]: { $ref: `#/components/messages/${msg}` } },
    };
    operations[`${action}${pascal(event.name)}`] = {
      action,
      channel: { $ref: `#/channels/${ch}` },
      summary: action === 'send' ? `${service.name} publishes ${event.name}.` : `${service.name} consumes ${event.name} with a durable consumer and explicit acks.`,
      messages: [{ $ref: `#/channels/${ch}/messages/${msg}` }],
    };
  }

  return {
    asyncapi: '3.0.0',
    info: {
      title: service.name,
      version: '1.0.0',
      description: `Events ${service.name} sends and receives over NATS JetStream. Generated from the event YAML by Event-Driven Go Lab.`,
    },
    defaultContentType: 'application/json',
    servers: {
      nats: { host: options.natsHost ?? 'localhost:4222', protocol: 'nats', description: 'Local NATS server with JetStream enabled (nats-server -js).' },
    },
    channels,
    operations,
    components: { messages },
  };
}

export function asyncApiYaml(service: GenService, input: GenerationInput, options: AsyncApiOptions = {}): string {
  return stringify(asyncApiDocument(service, input, options), { lineWidth: 0, aliasDuplicateObjects: false });
}

/** Plans `<outDir>/<service-id>.asyncapi.yaml` for every service that sends or receives an event. */
export async function planAsyncApi(input: GenerationInput, fs: GenFs, outDir: string, options: AsyncApiOptions = {}): Promise<Plan> {
  const plan = await PlanBuilder.start(fs, outDir);
  plan.warnings.push(...input.warnings);
  for (const s of input.services) {
    if (s.sends.length + s.receives.length === 0) continue;
    await plan.generated(`${s.id}.asyncapi.yaml`, asyncApiYaml(s, input, options));
  }
  return plan.finish();
}
