// Entry of the Event-Driven Go language server (stdio or IPC, chosen by the
// command-line flags vscode-languageserver understands).
import { startServer } from './server';

startServer();
