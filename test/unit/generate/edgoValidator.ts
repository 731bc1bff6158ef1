import { EventService } from '../../../src/core/events/eventService';
import type { MemoryFs } from './memoryFs';

/** Error-level diagnostics of the extension's own event validator over every file under `prefix`. */
export function edgoValidatorErrors(fs: MemoryFs, prefix: string): string[] {
  const service = new EventService({ readLinked: (p: string) => fs.files.get(p) });
  for (const [p, text] of fs.files) if (p.startsWith(prefix + '/')) service.setFile(p, text);
  const errors: string[] = [];
  for (const p of service.paths()) {
    for (const d of service.diagnostics(p)) if (d.severity === 'error') errors.push(`${p}:${d.range.start.line + 1} ${d.code} ${d.message}`);
  }
  return errors;
}

/** How many files under `prefix` the validator took as its own. */
export function edgoValidatedCount(fs: MemoryFs, prefix: string): number {
  const service = new EventService({ readLinked: (p: string) => fs.files.get(p) });
  let n = 0;
  for (const [p, text] of fs.files) if (p.startsWith(prefix + '/') && service.setFile(p, text)) n++;
  return n;
}
