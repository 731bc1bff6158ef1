/**
 * Mermaid diagnostics in the language server: thin glue between the LSP and
 * src/core/mermaid. Mermaid loads on the first document with a
 * diagram, stays warm, and each diagram's outcome is cached by its text so an
 * edit re-parses only the diagram that changed.
 */
import type { Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { extractMarkdownBlocks, isMarkdownFileName, isMermaidFileName, wholeFileBlock, type MermaidBlock } from '../core/mermaid/blocks';
import { cachingParser, MermaidUnavailableError, validateBlocks } from '../core/mermaid/diagnostics';
import { nodeMermaidParser } from '../core/mermaid/nodeParser';
import { toLspDiagnostic, uriToPath } from './convert';
import type { FeatureContext, ServerFeature } from './feature';

/** The diagrams of a document, by its language first (untitled files have no extension). */
export function documentBlocks(doc: Pick<TextDocument, 'uri' | 'languageId' | 'getText'>): MermaidBlock[] {
  const path = uriToPath(doc.uri);
  if (doc.languageId === 'mermaid' || isMermaidFileName(path)) return [wholeFileBlock(doc.getText())];
  if (doc.languageId === 'markdown' || doc.languageId === 'mdx' || isMarkdownFileName(path)) return extractMarkdownBlocks(doc.getText());
  return [];
}

export function createMermaidFeature(): ServerFeature {
  const parser = cachingParser(nodeMermaidParser);
  let ctx: FeatureContext | undefined;
  let reportedUnavailable = false;
  return {
    name: 'mermaid',
    activate(context) {
      ctx = context;
    },
    async validate(doc): Promise<Diagnostic[]> {
      const blocks = documentBlocks(doc);
      if (blocks.length === 0) return [];
      try {
        return (await validateBlocks(blocks, parser)).map(toLspDiagnostic);
      } catch (error) {
        if (!(error instanceof MermaidUnavailableError)) throw error;
        if (!reportedUnavailable) ctx?.log(error.message);
        reportedUnavailable = true;
        return [];
      }
    },
  };
}
