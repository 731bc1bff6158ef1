/** `edgo validate` for Mermaid: `.mmd`/`.mermaid` files and the mermaid fences of Markdown files. */
import type { CoreDiagnostic } from '../core/diagnostic';
import { extractBlocks, isMarkdownFileName, isMermaidFileName } from '../core/mermaid/blocks';
import { cachingParser, validateBlocks } from '../core/mermaid/diagnostics';
import { nodeMermaidParser } from '../core/mermaid/nodeParser';
import type { FileValidator } from './validateRegistry';

const hasFence = /^\s*(```|~~~|:::)\s*mermaid/im;

export const mermaidValidator: FileValidator = {
  name: 'mermaid',
  matches: (path, text) => isMermaidFileName(path) || (isMarkdownFileName(path) && hasFence.test(text)),
  async validate(files) {
    const parser = cachingParser(nodeMermaidParser);
    const out = new Map<string, CoreDiagnostic[]>();
    for (const f of files) out.set(f.path, await validateBlocks(extractBlocks(f.path, f.text), parser));
    return out;
  },
};
