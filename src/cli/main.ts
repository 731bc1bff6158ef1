#!/usr/bin/env node
// `edgo`: the command-line face of the same core the extension uses.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cliCommands } from './commands';

/** The version of the package this CLI ships in: the nearest package.json above the bundle (or the sources). */
function packageVersion(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if ((pkg.name === 'edgo' || pkg.name === 'event-driven-go-lab') && pkg.version) return pkg.version;
    } catch {
      // no package.json here: look further up
    }
    if (path.dirname(dir) === dir) return 'unknown';
  }
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  const command = name ? cliCommands.find((c) => c.name === name) : undefined;
  if (!command) {
    const usage = cliCommands.map((c) => `  edgo ${c.usage.padEnd(36)} ${c.summary}`).join('\n');
    process.stderr.write(`${name && name !== 'help' && name !== '--help' ? `edgo: unknown command '${name}'\n\n` : ''}Usage:\n${usage}\n`);
    return name && name !== 'help' && name !== '--help' ? 2 : 0;
  }
  return command.run(args);
}

main(process.argv.slice(2)).then(
  (code) => {
    // A long-running command (the language server) returns -1 and keeps the process alive.
    if (code >= 0) process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`edgo: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
