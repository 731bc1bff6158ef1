/**
 * The extension's version, from package.json. esbuild writes it in at build
 * time (`define` in esbuild.mjs), so `edgo --version` and the language
 * server's `serverInfo` say what was packaged. Run from the sources (tests
 * through tsx) nothing defines it, and package.json is read once instead.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

declare const EDGO_PACKAGE_VERSION: string | undefined;

function fromPackageJson(): string {
  const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as { version?: unknown };
  return typeof manifest.version === 'string' ? manifest.version : '0.0.0';
}

export const edgoVersion: string = typeof EDGO_PACKAGE_VERSION === 'string' ? EDGO_PACKAGE_VERSION : fromPackageJson();
