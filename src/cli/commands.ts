import { startServer } from '../server/server';
import { checkCommand } from './check';
import { preflightCommand } from './preflight';
import { validateCommand } from './validate';
import { asyncapiCommand, catalogCommand, docsCommand } from './generate';
import { tailCommand } from './tail';

/** One `edgo <name>` subcommand. `run` resolves with the exit code, or -1 to keep running. */
export interface CliCommand {
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  run(args: string[]): Promise<number>;
}

/** The subcommands, in the order `edgo help` lists them. */
export const cliCommands: CliCommand[] = [
  {
    name: 'lsp',
    usage: 'lsp --stdio',
    summary: 'Start the Event-Driven Go language server (for Neovim, Helix, Zed, ...).',
    async run(args) {
      if (!args.includes('--stdio') && !args.some((a) => a.startsWith('--node-ipc') || a.startsWith('--socket') || a.startsWith('--pipe'))) {
        process.argv.push('--stdio');
      }
      startServer();
      return -1;
    },
  },
  checkCommand,
  preflightCommand,
  validateCommand,
  catalogCommand,
  docsCommand,
  asyncapiCommand,
  tailCommand,
];
