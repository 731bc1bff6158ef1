/** SARIF 2.1.0 for `edgo validate --format sarif` (GitHub code scanning reads it). */
import type { Finding } from './validate';

const levels = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;

export function toSarif(findings: readonly Finding[]): Record<string, unknown> {
  const ruleIds = [...new Set(findings.map((f) => f.code))].sort();
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'edgo validate',
            informationUri: 'https://github.com/edgo-lab/event-driven-go-lab',
            rules: ruleIds.map((id) => ({ id, shortDescription: { text: id } })),
          },
        },
        results: findings.map((f) => ({
          ruleId: f.code,
          ruleIndex: ruleIds.indexOf(f.code),
          level: levels[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: f.file },
                region: { startLine: f.range.start.line + 1, startColumn: f.range.start.character + 1, endLine: f.range.end.line + 1, endColumn: f.range.end.character + 1 },
              },
            },
          ],
        })),
      },
    ],
  };
}
