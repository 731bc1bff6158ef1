// The two language servers the benches compare, started the same way for every shape.
import * as path from 'node:path';
import { fileUri, LspClient, repoRoot } from '../lsp/lspClient';

const yamlLs = path.join(repoRoot, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');

/** `edgo lsp --stdio` with no debounce, so a figure is the validation itself. */
export async function startEdgoServer(dir: string): Promise<LspClient> {
  const client = LspClient.server((section) => (section === 'edgo.validation' ? { debounceMs: 0 } : null));
  client.timeoutMs = 600_000;
  await client.initialize(dir, { debounceMs: 0 });
  return client;
}

/** yaml-language-server validating the files that `globs` match against `schemaFile`. */
export async function startYamlServer(dir: string, schemaFile: string, globs: string[]): Promise<LspClient> {
  const yamlSettings = { validate: true, hover: false, completion: false, format: { enable: false }, schemas: { [fileUri(schemaFile)]: globs } };
  const client = new LspClient(process.execPath, [yamlLs, '--stdio'], (section) => (section === 'yaml' ? yamlSettings : section === 'http' ? {} : null));
  client.timeoutMs = 600_000;
  await client.initialize(dir);
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { yaml: yamlSettings } });
  return client;
}
