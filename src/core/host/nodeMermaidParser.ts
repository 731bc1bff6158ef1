/**
 * A warm, lazily loaded Mermaid parser for Node (the language server and the
 * CLI). The first `parse` loads Mermaid; later calls reuse it.
 * Calls are queued because Mermaid keeps per-diagram state in module globals.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MermaidUnavailableError, type MermaidParser } from '../mermaid/diagnostics';
import { errorMessage } from '../errorMessage';

type EngineModule = { createMermaidEngine(): Promise<MermaidParser> };

let engine: Promise<MermaidParser> | undefined;

/** Loads the engine bundle beside the running bundle, or the source module when run from sources. */
async function loadEngineModule(): Promise<EngineModule> {
  const bundled = typeof __dirname === 'string' ? path.join(__dirname, 'mermaid-node.js') : undefined;
  if (bundled && fs.existsSync(bundled)) {
    // A runtime path: esbuild must not pull mermaid into server.js / cli.js.
    const load = require as (id: string) => EngineModule;
    return load(bundled);
  }
  const source = '../mermaid/nodeEngine';
  return (await import(source)) as EngineModule;
}

function getEngine(): Promise<MermaidParser> {
  engine ??= loadEngineModule()
    .then((m) => m.createMermaidEngine())
    .catch((error: unknown) => {
      throw new MermaidUnavailableError(`Mermaid could not be loaded: ${errorMessage(error)}`);
    });
  // A failed load is retried on the next call instead of failing forever.
  engine.catch(() => (engine = undefined));
  return engine;
}

let queue: Promise<unknown> = Promise.resolve();

/** The shared Node parser. */
export const nodeMermaidParser: MermaidParser = {
  parse(diagram: string) {
    const run = queue.then(async () => (await getEngine()).parse(diagram));
    queue = run.catch(() => undefined);
    return run;
  },
};
