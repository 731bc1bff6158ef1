/**
 * The Node implementation of `LanguageHost` (src/core/language/host.ts), for
 * the language server, `edgo validate` and the checks: linked files are read
 * by the bounded, folder-confined reader, Mermaid by its Node parser (loaded
 * on the first diagram, each diagram's outcome cached by its text).
 */
import type { LanguageHost } from '../language/host';
import { cachingParser } from '../mermaid/diagnostics';
import { nodeMermaidParser } from './nodeMermaidParser';
import { nodeLinkedFileReader } from './nodeLinkedFiles';

/** `roots`: the folders inside which linked schema files may be read. */
export function nodeLanguageHost(roots: () => readonly string[]): LanguageHost {
  return { readLinked: nodeLinkedFileReader(roots), mermaid: cachingParser(nodeMermaidParser) };
}
