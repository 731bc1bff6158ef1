/** One port from an `EXPOSE` line, e.g. `8080` or `53/udp`. */
export interface ExposedPort {
  readonly port: number;
  readonly protocol: 'tcp' | 'udp';
}

/**
 * Ports the Dockerfile's last stage exposes (the image that `docker run` starts).
 * `EXPOSE $PORT` and ranges are skipped: they cannot become a fixed `-p`.
 */
export function exposedPorts(dockerfile: string): ExposedPort[] {
  let ports: ExposedPort[] = [];
  for (const line of joinContinuations(dockerfile)) {
    const m = /^\s*(\w+)\s+(.*)$/.exec(line);
    if (!m) continue;
    const instruction = (m[1] ?? '').toUpperCase();
    if (instruction === 'FROM') ports = [];
    if (instruction !== 'EXPOSE') continue;
    for (const token of (m[2] ?? '').split(/\s+/)) {
      const p = /^(\d{1,5})(?:\/(tcp|udp))?$/i.exec(token);
      if (!p) continue;
      const port = Number(p[1]);
      const protocol = (p[2]?.toLowerCase() ?? 'tcp') as 'tcp' | 'udp';
      if (port > 0 && port < 65536 && !ports.some((q) => q.port === port && q.protocol === protocol)) ports.push({ port, protocol });
    }
  }
  return ports;
}

function joinContinuations(text: string): string[] {
  const out: string[] = [];
  let current = '';
  for (const raw of text.split(/\r?\n/)) {
    if (/^\s*#/.test(raw)) continue;
    if (raw.endsWith('\\')) {
      current += raw.slice(0, -1) + ' ';
      continue;
    }
    out.push(current + raw);
    current = '';
  }
  if (current) out.push(current);
  return out;
}

/**
 * An image tag from a folder name: Docker repository names are lowercase
 * `[a-z0-9]` separated by `.`, `_`, `__` or `-`, so everything else becomes `-`.
 */
export function imageNameFromFolder(folderName: string): string {
  const name = folderName
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/[._-]{2,}/g, '-')
    .replace(/^[._-]+|[._-]+$/g, '');
  return name || 'app';
}
