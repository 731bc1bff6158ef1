/**
 * The workspace's event contracts, looked up by the event type (and version) a
 * message carries: each event YAML is read with the course's event model, its
 * payload schema compiled once with the shared Ajv setup, and a schema error is
 * mapped back to the line of the YAML (or JSON Schema file) that states the rule.
 */
import type { ValidateFunction } from 'ajv';
import { classifyFile, type ClassifyOptions } from '../events/fileKinds';
import { toEventDefinition, type EventDefinition } from '../events/model';
import { dirnameOf, joinPath } from '../paths';
import { compileCustomSchema, compileObject, type JsonObject } from '../events/schemas';
import { compareSemver, parseSemver } from '../events/semver';
import { findPointer, nodeRange, parseYaml, type ParsedYaml } from '../events/yamlText';

export interface Contract {
  readonly name: string;
  readonly version?: string | undefined;
  /** The event YAML. */
  readonly file: string;
  /** Zero-based line of the event's `name`. */
  readonly line: number;
  readonly definition: EventDefinition;
  /** The compiled payload schema; a string says why there is none (module 4 field list, broken schema, missing file). */
  readonly validate: ValidateFunction | string;
  /** Where the schema lives: the YAML (pointer prefix `/payload`) or a `$ref`'d JSON Schema file. */
  readonly schemaFile: string;
  readonly schemaPointerPrefix: string;
}

export interface ContractSource {
  readonly path: string;
  readonly text: string;
}

interface Loaded {
  readonly contract: Contract;
  readonly parsed: ParsedYaml;
  readonly docIndex: number;
}

export class ContractCatalog {
  readonly #byType = new Map<string, Loaded[]>();
  readonly #schemaTexts = new Map<string, ParsedYaml>();

  /**
   * Reads every event YAML among `files` (others are ignored); `readFile` gives a
   * `$ref`'d schema file's text. Paths use `/` separators.
   */
  constructor(files: Iterable<ContractSource>, readFile: (path: string) => string | undefined = () => undefined, options: ClassifyOptions = {}) {
    for (const { path, text } of files) {
      if (classifyFile(path, text, options)?.type !== 'event-yaml') continue;
      const parsed = parseYaml(text);
      parsed.docs.forEach((doc, docIndex) => {
        if (!doc.ok) return;
        const definition = toEventDefinition(doc.value, path, this.#nameLine(parsed, docIndex));
        if (!definition) return;
        const contract = this.#contract(definition, readFile);
        for (const key of new Set([definition.name, typeof definition.metadata.type === 'string' ? definition.metadata.type : definition.name])) {
          const list = this.#byType.get(key) ?? [];
          list.push({ contract, parsed, docIndex });
          this.#byType.set(key, list);
        }
      });
    }
  }

  get size(): number {
    return new Set([...this.#byType.values()].flat().map((l) => l.contract)).size;
  }

  /** Every contract, for pickers ("publish a sample event"). */
  all(): Contract[] {
    return [...new Set([...this.#byType.values()].flat().map((l) => l.contract))].sort((a, b) => a.name.localeCompare(b.name));
  }

  /**
   * The contract of an event type: the stated version when given (`1.2.0` exact,
   * `1`/`v1` its major), else the highest version.
   */
  find(type: string, version?: string): Contract | undefined {
    const list = this.#byType.get(type);
    if (!list?.length) return undefined;
    const sorted = [...list].sort((a, b) => compareSemver(parseSemver(b.contract.version ?? '') ?? [0, 0, 0], parseSemver(a.contract.version ?? '') ?? [0, 0, 0]));
    if (version === undefined) return sorted[0]?.contract;
    const wanted = version.trim().replace(/^v/, '');
    const exact = sorted.find((l) => l.contract.version === wanted);
    if (exact) return exact.contract;
    const major = /^\d+/.exec(wanted)?.[0];
    return sorted.find((l) => major !== undefined && parseSemver(l.contract.version ?? '')?.[0] === Number(major))?.contract;
  }

  /** Versions known for a type, for "no contract for version 2 (known: 1.0.0)". */
  versions(type: string): string[] {
    return (this.#byType.get(type) ?? []).map((l) => l.contract.version ?? '(no version)');
  }

  /** Zero-based line of the rule at an Ajv `schemaPath` (`#/properties/items/minItems`), or the contract's line. */
  ruleLine(contract: Contract, schemaPath: string): number {
    const pointer = contract.schemaPointerPrefix + schemaPath.replace(/^#/, '');
    const loaded = [...this.#byType.values()].flat().find((l) => l.contract === contract);
    const parsed = contract.schemaFile === contract.file ? loaded?.parsed : this.#schemaTexts.get(contract.schemaFile);
    if (!parsed) return contract.line;
    const docIndex = contract.schemaFile === contract.file ? (loaded?.docIndex ?? 0) : 0;
    // The rule itself, or the nearest enclosing key that exists (e.g. a `$ref`'d definition).
    for (let p = pointer; p.length > 0; p = p.slice(0, p.lastIndexOf('/'))) {
      const line = lineAt(parsed, docIndex, p);
      if (line !== undefined) return line;
    }
    return contract.line;
  }

  #nameLine(parsed: ParsedYaml, docIndex: number): number {
    return lineAt(parsed, docIndex, '/name') ?? lineAt(parsed, docIndex, '/eventType') ?? 0;
  }

  #contract(definition: EventDefinition, readFile: (path: string) => string | undefined): Contract {
    const base = { name: definition.name, version: definition.version, file: definition.sourceFile, line: definition.line, definition };
    const payload = definition.payload;
    if (!payload) return { ...base, validate: 'the contract has no payload', schemaFile: definition.sourceFile, schemaPointerPrefix: '/payload' };
    if (payload.kind === 'fields') return { ...base, validate: 'the payload is a module 4 field list, not a JSON Schema', schemaFile: definition.sourceFile, schemaPointerPrefix: '/payload' };
    if (payload.kind === 'schema') return { ...base, validate: compileObject(payload.schema as JsonObject), schemaFile: definition.sourceFile, schemaPointerPrefix: '/payload' };
    const schemaFile = joinPath(dirnameOf(definition.sourceFile), payload.ref.replace(/#.*$/, ''));
    const text = readFile(schemaFile);
    if (text === undefined) return { ...base, validate: `its schema file ${payload.ref} was not found`, schemaFile, schemaPointerPrefix: '' };
    this.#schemaTexts.set(schemaFile, parseYaml(text));
    return { ...base, validate: compileCustomSchema(text), schemaFile, schemaPointerPrefix: '' };
  }
}

function lineAt(parsed: ParsedYaml, docIndex: number, pointer: string): number | undefined {
  const fast = parsed.locate(docIndex, pointer);
  if (fast?.key) return fast.key.start.line;
  if (fast?.value) return fast.value.start.line;
  const doc = parsed.docs[docIndex]?.doc;
  if (!doc) return undefined;
  const target = findPointer(doc, pointer);
  const range = nodeRange(parsed, target.key ?? (target.pair ? target.value : undefined));
  return range?.start.line;
}
