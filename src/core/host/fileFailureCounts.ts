/** The CLI's `FailureCounts`: a JSON file in the user's state folder, never in the learner's folder. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { FailureCounts } from '../checks/hints';
import { guardedWrite } from './guardedWrite';

/** Where the CLI keeps its counts: `$XDG_STATE_HOME/edgo`, else `~/.local/state/edgo`. */
export function defaultStateDir(): string {
  return path.join(process.env.XDG_STATE_HOME || path.join(os.homedir(), '.local', 'state'), 'edgo');
}

/** Counts in a JSON file; an unreadable file counts as empty. */
export function fileFailureCounts(file: string): FailureCounts {
  const read = (): Record<string, number> => {
    try {
      const data: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
      return typeof data === 'object' && data !== null ? (data as Record<string, number>) : {};
    } catch {
      return {};
    }
  };
  return {
    get: (k) => (typeof read()[k] === 'number' ? read()[k]! : 0),
    set: async (k, n) => {
      const all = read();
      if (n === 0) delete all[k];
      else all[k] = n;
      try {
        await fs.promises.mkdir(path.dirname(file), { recursive: true });
        await guardedWrite(path.dirname(file), path.basename(file), `${JSON.stringify(all, null, 1)}\n`, { replace: true });
      } catch {
        // No place to remember: hints still show, always the first one.
      }
    },
  };
}
