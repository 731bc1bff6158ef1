/**
 * The validators checks use by default: the event-YAML validator of the language
 * server's core (src/core/events) and Mermaid's own parser (src/core/mermaid),
 * so "check my work" judges a file exactly as the editor's diagnostics do.
 */
import { classifyFile } from '../events/fileKinds';
import { validateText } from '../events/validate';
import { nodeLinkedFileReader } from '../host/nodeLinkedFiles';
import { extractBlocks } from '../mermaid/blocks';
import { validateBlocks } from '../mermaid/diagnostics';
import { nodeMermaidParser } from '../host/nodeMermaidParser';
import type { EventYamlValidator, MermaidValidator } from './types';

/** Validates a file as an event (or against the schema its `# $schema:` modeline names). */
export function eventsValidator(folder: string): EventYamlValidator {
  return {
    validate(text, fileName) {
      const kind = classifyFile(fileName, text);
      const result = validateText(fileName, text, {
        kind: kind?.type === 'custom-schema' ? kind : { type: 'event-yaml' },
        readLinked: nodeLinkedFileReader(() => [folder]),
      });
      return result?.diagnostics ?? [];
    },
  };
}

export const mermaidParserValidator: MermaidValidator = {
  async validate(fileName, text) {
    const blocks = extractBlocks(fileName, text).filter((b) => b.text.trim() !== '' || b.kind !== 'file');
    return { diagrams: blocks.length, diagnostics: await validateBlocks(blocks, nodeMermaidParser) };
  },
};
