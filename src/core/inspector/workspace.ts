/**
 * Loads the contracts of a folder from disk: its event YAML (as `edgo validate`
 * finds them) and its `.proto` files, whose message named after an event type
 * (`OrderCreated` for `order.created`) decodes that type's binary bodies.
 */
import { readBoundedTextSync } from '../host/boundedRead';
import { walkFiles } from '../host/folderWalk';
import { ContractCatalog, type ContractSource } from './contracts';
import { parseProto, type ProtoSchema } from './protobuf';

export interface WorkspaceContracts {
  readonly catalog: ContractCatalog;
  readonly protobuf: ReadonlyMap<string, ProtoSchema>;
  /** Files that could not be read, for a warning. */
  readonly problems: readonly string[];
}

const maxFiles = 20_000;
const maxFileBytes = 2 * 1024 * 1024;

/** The file's text; undefined when missing, larger than `maxFileBytes` or not a regular file. */
function read(path: string): string | undefined {
  try {
    return readBoundedTextSync(path, maxFileBytes);
  } catch {
    return undefined;
  }
}

/** PascalCase of an event type: `order.created` → `OrderCreated`. */
export function messageNameOf(type: string): string {
  return type
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

export function loadWorkspaceContracts(roots: readonly string[]): WorkspaceContracts {
  const sources: ContractSource[] = [];
  const protos: string[] = [];
  const problems: string[] = [];
  let seen = 0;
  for (const root of roots) {
    for (const path of walkFiles(root)) {
      if (++seen > maxFiles) break;
      if (/\.ya?ml$/i.test(path)) {
        const text = read(path);
        if (text === undefined) problems.push(path);
        else sources.push({ path, text });
      } else if (/\.proto$/i.test(path)) {
        const text = read(path);
        if (text !== undefined) protos.push(text);
      }
    }
  }
  const catalog = new ContractCatalog(sources, read);
  const protobuf = new Map<string, ProtoSchema>();
  for (const contract of catalog.all()) {
    const wanted = messageNameOf(contract.name);
    for (const text of protos) {
      const schema = parseProto(text, wanted);
      if (typeof schema !== 'string') {
        protobuf.set(contract.name, schema);
        break;
      }
    }
  }
  return { catalog, protobuf, problems };
}
