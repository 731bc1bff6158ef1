/** What the task catalog and the preflight need from a `go.mod`. */
export interface GoModInfo {
  /** The `module` path, e.g. `example.com/order`. */
  readonly modulePath?: string | undefined;
  /** The `go` directive, e.g. `1.22` or `1.22.3`: the minimum Go the module needs. */
  readonly goVersion?: string | undefined;
  /** The `toolchain` directive without its `go` prefix, when present. */
  readonly toolchain?: string | undefined;
  /** Every required module path (direct and indirect). */
  readonly requires: readonly string[];
}

/**
 * Reads the directives of a go.mod file. Tolerant: a half-typed file yields what
 * can be read, never an exception (the Go toolchain reports the syntax errors).
 */
export function parseGoMod(text: string): GoModInfo {
  let modulePath: string | undefined;
  let goVersion: string | undefined;
  let toolchain: string | undefined;
  const requires: string[] = [];
  let inRequireBlock = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (!line) continue;
    if (inRequireBlock) {
      if (line === ')') inRequireBlock = false;
      else requires.push(unquote(line.split(/\s+/)[0] ?? ''));
      continue;
    }
    const [keyword, ...rest] = line.split(/\s+/);
    const first = unquote(rest[0] ?? '');
    switch (keyword) {
      case 'module':
        modulePath = first || undefined;
        break;
      case 'go':
        goVersion = first || undefined;
        break;
      case 'toolchain':
        toolchain = first.replace(/^go/, '') || undefined;
        break;
      case 'require':
        if (first === '(') inRequireBlock = true;
        else if (first) requires.push(first);
        break;
      default:
        // replace, exclude, retract, godebug: not needed for tasks.
        break;
    }
  }
  return { modulePath, goVersion, toolchain, requires: requires.filter(Boolean) };
}

function unquote(s: string): string {
  return s.replace(/^"(.*)"$/, '$1').replace(/^`(.*)`$/, '$1');
}

/** True when the module uses NATS (the client or an embedded server): module 5's hint. */
export function usesNats(info: GoModInfo): boolean {
  return info.requires.some((r) => r === 'github.com/nats-io/nats.go' || r.startsWith('github.com/nats-io/nats-server'));
}
