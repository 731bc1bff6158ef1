// The course names each tool's version once, in the "Tool versions" table of
// module 1's first step; the tests read the versions from there, so a version
// changed in the table is the version the tests build, run and compare with.
import * as fs from 'node:fs';
import * as path from 'node:path';

export const toolTableFile = path.resolve(__dirname, '..', '..', 'walkthroughs', '01-go-foundations', '01-install-go.md');

export interface ToolRow {
  tool: string;
  minimum: string;
  testedWith: string;
}

/** The rows of the "## Tool versions" table; throws with the file's name when it is missing. */
export function readToolTable(file = toolTableFile): ToolRow[] {
  const text = fs.readFileSync(file, 'utf8');
  const section = /^## Tool versions\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(text)?.[1];
  if (!section) throw new Error(`${file} has no "## Tool versions" section`);
  const rows = section
    .split('\n')
    .filter((l) => l.startsWith('|'))
    .slice(2);
  return rows.map((line) => {
    const [tool = '', minimum = '', testedWith = ''] = line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    return { tool, minimum, testedWith };
  });
}

export function toolRow(tool: string, file = toolTableFile): ToolRow {
  const row = readToolTable(file).find((r) => r.tool === tool);
  if (!row) throw new Error(`${file}: no "${tool}" row in the tool versions table`);
  return row;
}

/** Every dotted version in a cell, in order: "4.3.2 (taught), 3.22.0 (...)" -> ["4.3.2", "3.22.0"]. */
export function versionsIn(cell: string): string[] {
  return cell.match(/\b\d+\.\d+(?:\.\d+)?\b/g) ?? [];
}

/** The Go every go.mod names and the tests build with, e.g. "1.26.0". */
export const goMinimum = (): string => toolRow('Go').minimum;

/** Helm versions the charts are checked with: [Helm 4 taught, Helm 3 kept valid]. */
export function helmVersions(): { current: string; previous: string } {
  const [current, previous] = versionsIn(toolRow('Helm').testedWith);
  if (!current || !previous) throw new Error('the Helm row must name the taught version and the Helm 3 version, e.g. "4.3.2 (taught), 3.22.0"');
  return { current, previous };
}

/** The @eventcatalog/core version the catalogs are built with. */
export function eventCatalogVersion(): string {
  const v = versionsIn(toolRow('EventCatalog').testedWith)[0];
  if (!v) throw new Error('the EventCatalog row must name the tested @eventcatalog/core version');
  return v;
}
