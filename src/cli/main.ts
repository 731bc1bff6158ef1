#!/usr/bin/env node
// `edgo`: the command-line face of the same core the extension uses.
import { errorMessage } from '../core/errorMessage';
import { edgoVersion } from '../core/host/version';
import { cliCommands } from './commands';

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${edgoVersion}\n`);
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
    process.stderr.write(`edgo: ${errorMessage(err)}\n`);
    process.exitCode = 2;
  },
);
