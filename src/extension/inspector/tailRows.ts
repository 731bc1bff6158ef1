/** A checked message as the tail webview shows it: plain data, with workspace-relative contract links. */
import * as vscode from 'vscode';
import type { CheckedMessage } from '../../core/inspector/format';
import { verdictText } from '../../core/inspector/format';

export interface TailRow {
  readonly n: number;
  readonly time: string;
  readonly subject: string;
  readonly type: string;
  readonly id?: string | undefined;
  readonly size: number;
  readonly verdict: string;
  readonly summary: string;
  readonly headers: Readonly<Record<string, readonly string[]>>;
  readonly traceparent?: string | undefined;
  readonly payload: string;
  readonly payloadKind: string;
  readonly truncated: boolean;
  readonly links: ReadonlyArray<{ readonly label: string; readonly file: string; readonly line: number; readonly text: string }>;
}

const maxPayloadChars = 20_000;

export function toRow(n: number, { message: m, verdict: v }: CheckedMessage): TailRow {
  const links: Array<TailRow['links'][number]> = [];
  if (v.kind === 'invalid') {
    for (const x of v.violations) links.push({ label: `${vscode.workspace.asRelativePath(x.file)}:${x.line + 1}`, file: x.file, line: x.line, text: x.message });
  } else if (v.kind === 'valid' || (v.kind === 'unchecked' && v.contract)) {
    const c = v.contract!;
    links.push({ label: `${vscode.workspace.asRelativePath(c.file)}:${c.line + 1}`, file: c.file, line: c.line, text: `${c.name}${c.version ? ` ${c.version}` : ''}` });
  }
  return {
    n,
    time: m.time.toISOString().slice(11, 23),
    subject: m.subject,
    type: m.type,
    id: m.id,
    size: m.size,
    verdict: v.kind,
    summary: verdictText(v).replace(/ \([^()]*:\d+\)/g, ''),
    headers: m.headers,
    traceparent: m.traceparent,
    payload: m.display.length > maxPayloadChars ? `${m.display.slice(0, maxPayloadChars)}\n…` : m.display,
    payloadKind: m.displayKind,
    truncated: m.truncated,
    links,
  };
}
