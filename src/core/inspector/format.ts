/**
 * How a checked message is written: one line for `edgo tail` and a JSON record
 * for `--format json` (and the view). File paths are shown relative to a root.
 */
import type { InspectedMessage } from './message';
import type { Verdict } from './verdict';

export interface CheckedMessage {
  readonly message: InspectedMessage;
  readonly verdict: Verdict;
}

function rel(file: string, root?: string): string {
  if (!root) return file;
  const r = root.replace(/\\/g, '/').replace(/\/$/, '');
  const f = file.replace(/\\/g, '/');
  return f.startsWith(`${r}/`) ? f.slice(r.length + 1) : f;
}

/** `✓ valid order.created 1.0.0 (events/order.created.yaml:2)` and the like. */
export function verdictText(v: Verdict, root?: string): string {
  switch (v.kind) {
    case 'valid':
      return `✓ valid ${v.contract.name}${v.contract.version ? ` ${v.contract.version}` : ''} (${rel(v.contract.file, root)}:${v.contract.line + 1})`;
    case 'invalid':
      return `✗ invalid: ${v.violations.map((x) => `${x.message} (${rel(x.file, root)}:${x.line + 1})`).join('; ')}`;
    case 'undocumented':
      return `? undocumented: ${v.reason}`;
    case 'unchecked':
      return `- unchecked: ${v.reason}`;
  }
}

/** `12:00:01.123 order.created order.created id=0b8e... 312 B ✓ valid ...` */
export function formatLine({ message: m, verdict }: CheckedMessage, root?: string): string {
  const time = m.time.toISOString().slice(11, 23);
  const type = m.type === m.subject ? '' : ` type=${m.type}`;
  return `${time} ${m.subject}${type}${m.id ? ` id=${m.id}` : ''} ${m.size} B ${verdictText(verdict, root)}`;
}

/** A plain JSON record (no classes, no functions) of a checked message. */
export function toRecord({ message: m, verdict }: CheckedMessage, root?: string): Record<string, unknown> {
  const contract = verdict.kind === 'valid' || verdict.kind === 'invalid' || verdict.kind === 'unchecked' ? verdict.contract : undefined;
  return {
    time: m.time.toISOString(),
    subject: m.subject,
    stream: m.stream,
    seq: m.streamSequence,
    type: m.type,
    id: m.id,
    version: m.version,
    size: m.size,
    headers: m.headers,
    traceparent: m.traceparent,
    verdict: verdict.kind,
    contract: contract ? { name: contract.name, version: contract.version, file: rel(contract.file, root), line: contract.line + 1 } : undefined,
    violations: verdict.kind === 'invalid' ? verdict.violations.map((v) => ({ at: v.at, message: v.message, file: rel(v.file, root), line: v.line + 1 })) : undefined,
    reason: verdict.kind === 'undocumented' || verdict.kind === 'unchecked' ? verdict.reason : undefined,
    payload: m.displayKind === 'json' || m.displayKind === 'protobuf' ? m.data : m.display,
    truncated: m.truncated || undefined,
  };
}
