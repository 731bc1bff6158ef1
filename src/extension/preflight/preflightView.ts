import * as vscode from 'vscode';
import type { PreflightReport, ToolReport, ToolStatus } from '../../core/preflight/preflight';
import { needsInstall, toolStatusLabel } from '../../core/preflight/preflightReport';
import { toolIds } from '../../core/tools/toolIds';

export const preflightViewId = 'edgo.tools';
export const copyInstallCommandId = 'edgo.preflight.copyInstallCommand';

type Node = { kind: 'message'; text: string; command?: vscode.Command; icon?: string } | { kind: 'tool'; tool: ToolReport } | { kind: 'detail'; text: string; tooltip?: string; command?: vscode.Command; icon: string };

const icons: Record<ToolStatus, [string, string]> = {
  ok: ['pass', 'testing.iconPassed'],
  missing: ['error', 'testing.iconFailed'],
  broken: ['error', 'testing.iconFailed'],
  outdated: ['warning', 'list.warningForeground'],
  'not-live': ['warning', 'list.warningForeground'],
  'unknown-version': ['question', 'foreground'],
};

/** The "Tools" view in the Explorer: one row per tool, what to do underneath. */
export class PreflightTreeProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  readonly #changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.#changed.event;
  #report: PreflightReport | undefined;
  #state: 'idle' | 'running' | 'untrusted' = 'idle';

  setReport(report: PreflightReport): void {
    this.#report = report;
    this.#state = 'idle';
    this.#changed.fire();
  }

  setState(state: 'idle' | 'running' | 'untrusted'): void {
    this.#state = state;
    this.#changed.fire();
  }

  get report(): PreflightReport | undefined {
    return this.#report;
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      if (this.#state === 'untrusted') {
        return [{ kind: 'message', icon: 'shield', text: 'Trust this folder to check your tools (Restricted Mode runs no programs).', command: { command: 'workbench.trust.manage', title: 'Manage Workspace Trust' } }];
      }
      if (this.#state === 'running') return [{ kind: 'message', icon: 'loading~spin', text: `Checking ${toolIds.join(', ')}…` }];
      if (!this.#report) return [{ kind: 'message', icon: 'play', text: 'Check my tools', command: { command: 'edgo.preflight', title: 'Check my tools' } }];
      return this.#report.tools.map((tool) => ({ kind: 'tool', tool }));
    }
    if (node.kind !== 'tool') return [];
    const t = node.tool;
    const rows: Node[] = [{ kind: 'detail', icon: 'info', text: t.explanation, tooltip: t.explanation }];
    if (t.path) rows.push({ kind: 'detail', icon: 'file-binary', text: t.outsidePath ? `${t.path} (not on PATH)` : t.path });
    if (needsInstall(t)) {
      for (const o of t.install.options) {
        rows.push({
          kind: 'detail',
          icon: 'clippy',
          text: `${o.via}: ${o.command}`,
          tooltip: `Click to copy.${o.note ? `\n${o.note}` : ''}`,
          command: { command: copyInstallCommandId, title: 'Copy', arguments: [o.command] },
        });
      }
      rows.push({ kind: 'detail', icon: 'link-external', text: t.install.docsUrl, command: { command: 'vscode.open', title: 'Open', arguments: [vscode.Uri.parse(t.install.docsUrl)] } });
    }
    return rows;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'tool') {
      const t = node.tool;
      const item = new vscode.TreeItem(t.name, t.status === 'ok' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded);
      item.id = `tool:${t.id}`;
      item.description = `${toolStatusLabel(t.status)}${t.version ? ` · ${t.version}` : ''}`;
      item.tooltip = new vscode.MarkdownString(`**${t.summary}**\n\n${t.explanation}\n\nNeeds ${t.minVersion} or later (${t.minVersionSource}).`);
      const [icon, color] = icons[t.status];
      item.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
      item.contextValue = `edgoTool.${t.status}`;
      return item;
    }
    const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
    if (node.kind === 'detail' && node.tooltip) item.tooltip = node.tooltip;
    if (node.icon) item.iconPath = new vscode.ThemeIcon(node.icon);
    if (node.command) item.command = node.command;
    return item;
  }

  dispose(): void {
    this.#changed.dispose();
  }
}
