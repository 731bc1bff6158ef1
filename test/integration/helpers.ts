// What the suites running inside VS Code share: the extension under test, the
// repository's fixtures, scratch folders, user settings, and diagnostics awaited
// through VS Code's own change event (never a sleep).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { EdgoExtensionApi } from '../../src/extension/extension';

export const extensionId = 'edgo-lab.event-driven-go-lab';

/** The extension under test; fails the test when VS Code did not load it. */
export function extension(): vscode.Extension<EdgoExtensionApi> {
  const ext = vscode.extensions.getExtension<EdgoExtensionApi>(extensionId);
  assert.ok(ext, `extension ${extensionId} is not loaded`);
  return ext;
}

/** Figures measured in the real VS Code (activation time...), written with the results so `npm run bench` can print them. */
export const figures: string[] = [];

/** Activates the extension and returns its API. */
export function extensionApi(): Thenable<EdgoExtensionApi> {
  return extension().activate();
}

/**
 * `test/fixtures/<rel>` of the repository, found from out/integration/index.js or
 * from the sources: the first one up the tree that holds `marker`.
 */
export function fixture(rel: string, marker = ''): string {
  for (let dir = __dirname; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'test', 'fixtures', rel);
    if (fs.existsSync(path.join(candidate, marker))) return candidate;
  }
  throw new Error(`test/fixtures/${rel} not found`);
}

/** A new folder under the run's temporary folder (EDGO_TEST_TMP when the runner sets it). */
export function scratch(prefix: string): string {
  const base = process.env.EDGO_TEST_TMP ?? os.tmpdir();
  fs.mkdirSync(base, { recursive: true });
  return fs.mkdtempSync(path.join(base, `${prefix}-`));
}

/** The setting that sets environment variables of the integrated terminal on this platform. */
export const terminalEnvKey = `terminal.integrated.env.${process.platform === 'win32' ? 'windows' : process.platform === 'darwin' ? 'osx' : 'linux'}`;

/** Updates a user setting and resolves once the extension host has seen the change. */
export async function setUserSetting(key: string, value: unknown): Promise<void> {
  const config = vscode.workspace.getConfiguration();
  if (JSON.stringify(config.inspect(key)?.globalValue) === JSON.stringify(value)) return;
  const seen = new Promise<void>((resolve) => {
    const sub = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(key)) {
        sub.dispose();
        resolve();
      }
    });
  });
  await config.update(key, value, vscode.ConfigurationTarget.Global);
  await seen;
}

/** Resolves with the diagnostics of `uri` from `source` once `accept` says they are the ones. */
export function diagnosticsFrom(source: string, uri: vscode.Uri, accept: (d: readonly vscode.Diagnostic[]) => boolean): Promise<readonly vscode.Diagnostic[]> {
  return new Promise((resolve) => {
    const ours = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === source);
    if (accept(ours())) return resolve(ours());
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      if (accept(ours())) {
        sub.dispose();
        resolve(ours());
      }
    });
  });
}
