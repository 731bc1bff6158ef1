/**
 * What every generator reads: the workspace's events, services, domains and
 * teams, resolved and cross-linked. Built from the event model
 * (`src/core/events/model.ts`) and the Go service folders by `loadWorkspace`.
 */

/** A JSON Schema object. */
export type JsonSchema = { [key: string]: unknown };

/** A top-level payload or metadata field, for the Markdown docs. */
export interface FieldDoc {
  readonly name: string;
  /** As the learner wrote it (`UUID`, `Money`) or the JSON Schema type. */
  readonly type: string;
  readonly required: boolean;
  readonly description?: string;
}

export interface GenEvent {
  /** EventCatalog id: the event name in kebab case (`order-created`). */
  readonly id: string;
  /** The event type as in the YAML (`order.created`). */
  readonly name: string;
  readonly title: string;
  /** Semver (`1.0.0`). */
  readonly version: string;
  readonly summary: string;
  readonly owners: readonly string[];
  /** Service ids. */
  readonly producers: readonly string[];
  readonly consumers: readonly string[];
  /** The payload as a JSON Schema (module 4 fields converted). */
  readonly schema: JsonSchema;
  readonly fields: readonly FieldDoc[];
  readonly metadata: readonly FieldDoc[];
  /** NATS subject the event travels on. */
  readonly subject: string;
  readonly examples: readonly unknown[];
  /** The YAML file, relative to the workspace root. */
  readonly sourceFile: string;
}

export interface HttpRoute {
  readonly method: string;
  readonly path: string;
  /** The handler expression as written (`h.createOrder`). */
  readonly handler: string;
  /** Go file relative to the workspace root, and 1-based line. */
  readonly file: string;
  readonly line: number;
}

export interface GenService {
  /** `order-service`. */
  readonly id: string;
  readonly name: string;
  /** Folder relative to the workspace root; undefined for a service only named by events. */
  readonly folder?: string;
  readonly domain: string;
  readonly owners: readonly string[];
  readonly routes: readonly HttpRoute[];
  /** Event ids. */
  readonly sends: readonly string[];
  readonly receives: readonly string[];
}

export interface GenDomain {
  readonly id: string;
  readonly name: string;
  readonly services: readonly string[];
  readonly owners: readonly string[];
}

export interface GenTeam {
  readonly id: string;
  readonly name: string;
}

export interface GenerationInput {
  readonly events: readonly GenEvent[];
  readonly services: readonly GenService[];
  readonly domains: readonly GenDomain[];
  readonly teams: readonly GenTeam[];
  /** Things that could not be read, for the user (file: message). */
  readonly warnings: readonly string[];
}
