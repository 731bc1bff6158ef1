import * as vscode from 'vscode';
import type { MermaidBlock } from '../../core/mermaid/blocks';

export type ExportFormat = 'svg' | 'png';

export interface ExportOptions {
  /** Which diagram of the file (its block index); asked when the file has several. */
  readonly index?: number | undefined;
  /** Where to write; default: beside the source file. */
  readonly target?: vscode.Uri | undefined;
  /** Ask for the path with a save dialog. */
  readonly chooseTarget?: boolean | undefined;
  /** Replace an existing file without asking (tests, scripted use). */
  readonly overwrite?: boolean | undefined;
}

/** `orders.mmd` → `orders.svg`; the second diagram of `design.md` → `design-2.svg`. */
export function defaultExportUri(source: vscode.Uri, blockCount: number, index: number, format: ExportFormat): vscode.Uri {
  const base = source.path.replace(/\.[^./]+$/, '');
  const suffix = blockCount > 1 || /\.(md|markdown|mdx)$/i.test(source.path) ? `-${index + 1}` : '';
  return source.with({ path: `${base}${suffix}.${format}` });
}

/** Picks the diagram to export: the only one, the given one, or the learner's choice. */
export async function pickDiagram(blocks: readonly MermaidBlock[], index: number | undefined): Promise<MermaidBlock | undefined> {
  if (index !== undefined) return blocks.find((b) => b.index === index);
  if (blocks.length <= 1) return blocks[0];
  const picked = await vscode.window.showQuickPick(
    blocks.map((b) => ({
      label: `Diagram ${b.index + 1}`,
      description: `line ${b.contentLine + 1}`,
      detail:
        b.text
          .split('\n')
          .find((l) => l.trim() !== '')
          ?.trim() ?? '',
      block: b,
    })),
    { placeHolder: 'Which diagram?' },
  );
  return picked?.block;
}

/** Decides where to write, never replacing a file without asking. Undefined when cancelled. */
export async function resolveTarget(defaultUri: vscode.Uri, format: ExportFormat, options: ExportOptions): Promise<vscode.Uri | undefined> {
  const target = options.target ?? defaultUri;
  if (options.chooseTarget) {
    const chosen = await vscode.window.showSaveDialog({ defaultUri: target, filters: format === 'svg' ? { 'SVG image': ['svg'] } : { 'PNG image': ['png'] } });
    if (!chosen) return undefined;
    // The save dialog already asked about replacing.
    return chosen;
  }
  if (options.overwrite || !(await exists(target))) return target;
  const name = target.path.split('/').pop();
  const answer = await vscode.window.showWarningMessage(`${name} already exists. Replace it?`, { modal: true }, 'Replace', 'Choose Another Path…');
  if (answer === 'Replace') return target;
  if (answer === 'Choose Another Path…') return vscode.window.showSaveDialog({ defaultUri: target });
  return undefined;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** The bytes to write: SVG text as UTF-8, PNG from base64. */
export function exportBytes(data: string, format: ExportFormat): Uint8Array {
  if (format === 'png') return Buffer.from(data, 'base64');
  const svg = data.startsWith('<?xml') ? data : `<?xml version="1.0" encoding="UTF-8"?>\n${data}`;
  return Buffer.from(svg, 'utf8');
}
