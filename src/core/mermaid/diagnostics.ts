/**
 * Mermaid diagnostics for a whole file: every block is parsed, and each
 * failure becomes a `CoreDiagnostic` on the learner's own line.
 */
import type { CoreDiagnostic } from '../diagnostic';
import { blockToFile, extractBlocks, type MermaidBlock } from './blocks';
import { locateMermaidError } from './errors';

/** Parses one diagram; rejects with Mermaid's own error when it does not parse. */
export interface MermaidParser {
  parse(diagram: string): Promise<{ diagramType: string }>;
}

export const mermaidSource = 'mermaid';

/** The diagnostic for a block whose parse threw `error`. */
export function blockDiagnostic(block: MermaidBlock, error: unknown): CoreDiagnostic {
  const located = locateMermaidError(block.text, error);
  const start = blockToFile(block, located.start.line, located.start.character);
  const end = blockToFile(block, located.end.line, located.end.character);
  return {
    range: { start, end: end.line === start.line && end.character >= start.character ? end : start },
    severity: 'error',
    code: located.exact ? 'mermaid/syntax' : 'mermaid/semantic',
    message: located.message,
    source: mermaidSource,
    data: { block: block.index, exact: located.exact },
  };
}

/** A diagram block with nothing but blanks and comments would render as an error; say so kindly. */
function isEmptyDiagram(block: MermaidBlock): boolean {
  return block.text.split('\n').every((l) => l.trim() === '' || /^\s*%%/.test(l));
}

/** Diagnostics for every Mermaid diagram of `fileName` (`.mmd`, `.mermaid`, `.md`, `.mdx`). */
export async function validateMermaidText(fileName: string, text: string, parser: MermaidParser): Promise<CoreDiagnostic[]> {
  return validateBlocks(extractBlocks(fileName, text), parser);
}

export async function validateBlocks(blocks: readonly MermaidBlock[], parser: MermaidParser): Promise<CoreDiagnostic[]> {
  const diagnostics: CoreDiagnostic[] = [];
  for (const block of blocks) {
    if (isEmptyDiagram(block)) {
      // A new, empty .mmd file is not a mistake yet; an empty fence in a document is.
      if (block.kind === 'file') continue;
      const line = block.openLine;
      diagnostics.push({
        range: { start: { line, character: 0 }, end: { line, character: 0 } },
        severity: 'warning',
        code: 'mermaid/empty',
        message: 'This Mermaid diagram is empty: start it with a diagram type such as flowchart TD or sequenceDiagram.',
        source: mermaidSource,
        data: { block: block.index },
      });
      continue;
    }
    try {
      await parser.parse(block.text);
    } catch (error) {
      if (error instanceof MermaidUnavailableError) throw error;
      diagnostics.push(blockDiagnostic(block, error));
    }
  }
  return diagnostics;
}

/**
 * Remembers the outcome per diagram text, so typing in one diagram of a long
 * Markdown file re-parses only that diagram.
 */
export function cachingParser(parser: MermaidParser, limit = 500): MermaidParser {
  const outcomes = new Map<string, { ok: { diagramType: string } } | { error: unknown }>();
  return {
    async parse(diagram: string) {
      let outcome = outcomes.get(diagram);
      if (!outcome) {
        try {
          outcome = { ok: await parser.parse(diagram) };
        } catch (error) {
          // A failure to load Mermaid itself is not the diagram's fault: do not remember it.
          if (error instanceof MermaidUnavailableError) throw error;
          outcome = { error };
        }
        if (outcomes.size >= limit) outcomes.delete(outcomes.keys().next().value ?? '');
        outcomes.set(diagram, outcome);
      }
      if ('error' in outcome) throw outcome.error;
      return outcome.ok;
    },
  };
}

/** Thrown when Mermaid could not be loaded at all (reported once, not per diagram). */
export class MermaidUnavailableError extends Error {
  override readonly name = 'MermaidUnavailableError';
}
