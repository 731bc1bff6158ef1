/**
 * Loads the NATS client on first use: the bundled `dist/nats.js` beside the
 * running bundle, or the source module when run from sources (tests, tsx).
 * Nothing of the NATS library is loaded while the inspector is not used.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { NatsModule } from './types';

let loaded: Promise<NatsModule> | undefined;

export function loadNats(): Promise<NatsModule> {
  loaded ??= (async () => {
    const bundled = typeof __dirname === 'string' ? path.join(__dirname, 'nats.js') : undefined;
    if (bundled && fs.existsSync(bundled)) {
      // A runtime path: esbuild must not pull the client into extension.js / cli.js.
      const load = require as (id: string) => NatsModule;
      return load(bundled);
    }
    const source = './client';
    return (await import(source)) as NatsModule;
  })();
  loaded.catch(() => (loaded = undefined));
  return loaded;
}
