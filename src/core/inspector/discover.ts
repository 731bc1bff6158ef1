/**
 * Where the learner's NATS server is, read from the scaffolded module: a
 * `NATS_URL` in a `.env` file, `nats.url` / `broker.url` in Helm values, or the
 * `NATS_URL` its README documents (the environment-variable table's row, else
 * a `NATS_URL=...` in a shell example).
 * An in-cluster host (`nats`, `*.svc.cluster.local`) is reached from the editor
 * through `kubectl port-forward`, so it becomes 127.0.0.1 on the same port.
 */
import { parse } from 'yaml';

export const defaultNatsUrl = 'nats://127.0.0.1:4222';

export interface FoundServer {
  readonly url: string;
  /** Where it came from, for the view: `.env`, `values.yaml (port-forward)`. */
  readonly from: string;
  readonly user?: string | undefined;
  readonly password?: string | undefined;
}

/** `NATS_URL=...` (with optional quotes and `export`), and NATS_USER / NATS_PASSWORD beside it. */
export function fromDotEnv(text: string, from = '.env'): FoundServer | undefined {
  const vars = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?([A-Z_][A-Z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (m) vars.set(m[1] as string, (m[2] as string).replace(/^(['"])(.*)\1$/, '$2'));
  }
  const url = vars.get('NATS_URL');
  if (!url) return undefined;
  return { url: url.split(',')[0]!.trim(), from, user: vars.get('NATS_USER') || undefined, password: vars.get('NATS_PASSWORD') || undefined };
}

/** `nats.url` or `broker.url` of a Helm values file. */
export function fromHelmValues(text: string, from = 'values.yaml'): FoundServer | undefined {
  let values: unknown;
  try {
    values = parse(text);
  } catch {
    return undefined;
  }
  if (typeof values !== 'object' || values === null) return undefined;
  const v = values as Record<string, Record<string, unknown> | undefined>;
  const url = [v.nats?.url, v.broker?.url].find((u): u is string => typeof u === 'string' && /^nats:\/\//.test(u));
  if (!url) return undefined;
  const m = /^nats:\/\/([^:/]+)(?::(\d+))?/.exec(url);
  const host = m?.[1] ?? '';
  const port = m?.[2] ?? '4222';
  const inCluster = !host.includes('.') ? host !== 'localhost' : /\.(svc|cluster\.local)$|\.svc\./.test(host);
  return inCluster ? { url: `nats://127.0.0.1:${port}`, from: `${from} (${host} through kubectl port-forward)` } : { url, from };
}

/**
 * The `NATS_URL` a module's README documents: the `nats://` URL in the row of
 * a Markdown table whose first cell names `NATS_URL` (its default), else the
 * value of a `NATS_URL=nats://...` in a shell example.
 */
export function fromReadme(text: string, from = 'README.md'): FoundServer | undefined {
  const lines = text.split(/\r?\n/);
  for (const line of lines) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 4 || cells[0] !== '' || !/^`?NATS_URL`?$/.test(cells[1] ?? '')) continue;
    const url = /nats:\/\/[^\s`|,]+/.exec(cells.slice(2).join(' '))?.[0];
    if (url) return { url, from: `${from} (environment table)` };
  }
  for (const line of lines) {
    const url = /\bNATS_URL=["']?(nats:\/\/[^\s"'`,]+)/.exec(line)?.[1];
    if (url) return { url, from };
  }
  return undefined;
}
