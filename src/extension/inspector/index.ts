/**
 * The event inspector in VS Code: the Event Streams view, live tails, publish
 * a sample event, re-drive or remove a dead letter, NATS credentials in SecretStorage.
 * Activation only registers; the NATS client loads when the view is shown or
 * a command runs.
 */
import * as vscode from 'vscode';
import type { VerdictTally } from '../../core/inspector/buffer';
import { inspectMessage } from '../../core/inspector/message';
import { InspectorConnection, type ConnectionState } from './connection';
import { RedriveLedger } from '../../core/inspector/deadLetters';
import { confirmAndRedrive, confirmAndRemove } from './deadLetterCommands';
import { publishSample } from './publish';
import { eventStreamsViewId, StreamsTreeProvider, type StreamsNode } from './streamsView';
import { TailPanel } from './tailPanel';
import { ContractsCache } from './workspaceContracts';

/** Test hooks. */
export interface EdgoInspectorApi {
  state(): ConnectionState;
  /** Opens a tail; resolves with an error message, or undefined once it runs. */
  tail(subjects: readonly string[]): Promise<string | undefined>;
  tallies(): VerdictTally[];
  viewPolling(): boolean;
}

export function registerInspector(context: vscode.ExtensionContext, api: { inspector?: EdgoInspectorApi }): void {
  const connection = new InspectorConnection(context.secrets);
  const contracts = new ContractsCache();
  const ledger = new RedriveLedger(context.workspaceState);
  const tree = new StreamsTreeProvider(connection, ledger);
  const view = vscode.window.createTreeView(eventStreamsViewId, { treeDataProvider: tree });
  const panels = new Set<TailPanel>();

  const openTail = async (subjects: readonly string[]): Promise<string | undefined> => {
    const panel = new TailPanel(connection, contracts, subjects);
    panels.add(panel);
    panel.panel.onDidDispose(() => panels.delete(panel));
    return panel.start();
  };

  api.inspector = {
    state: () => connection.state,
    tail: openTail,
    tallies: () => [...panels].map((p) => p.tally),
    viewPolling: () => tree.polling,
  };

  context.subscriptions.push(
    connection,
    contracts,
    tree,
    view,
    view.onDidChangeVisibility((e) => tree.setVisible(e.visible)),
    { dispose: () => panels.forEach((p) => p.dispose()) },
    vscode.commands.registerCommand('edgo.inspector.tail', async (subjects?: string | string[]) => {
      let list = Array.isArray(subjects) ? subjects : typeof subjects === 'string' ? [subjects] : undefined;
      if (!list) {
        const streams = tree.streams.flatMap((s) => s.subjects);
        const input = await vscode.window.showInputBox({
          title: 'Tail events',
          prompt: 'Subjects to watch, separated by spaces or commas (wildcards * and > work). Empty: every stream.',
          placeHolder: streams.join(' ') || 'order.> inventory.>',
        });
        if (input === undefined) return;
        list = input.split(/[\s,]+/).filter(Boolean);
      }
      const problem = await openTail(list);
      if (problem) void vscode.window.showErrorMessage(`Event tail: ${problem}`);
    }),
    vscode.commands.registerCommand('edgo.inspector.refresh', () => tree.refresh()),
    vscode.commands.registerCommand('edgo.inspector.connect', async () => {
      await connection.reconnect().catch(() => undefined);
      await tree.refresh();
    }),
    vscode.commands.registerCommand('edgo.inspector.setCredentials', async () => {
      if (await connection.askCredentials()) await tree.refresh();
    }),
    vscode.commands.registerCommand('edgo.inspector.publishSample', () => publishSample(connection, contracts)),
    vscode.commands.registerCommand('edgo.inspector.redrive', async (node?: StreamsNode) => {
      if (node?.kind !== 'deadLetter' || node.message.streamSequence === undefined) {
        void vscode.window.showInformationMessage('Right-click a message under the dead-letter stream in the Event Streams view to re-drive it.');
        return;
      }
      await confirmAndRedrive(connection, ledger, node.ref);
      await tree.refresh();
    }),
    vscode.commands.registerCommand('edgo.inspector.removeDeadLetter', async (node?: StreamsNode) => {
      if (node?.kind !== 'deadLetter' || node.message.streamSequence === undefined) {
        void vscode.window.showInformationMessage('Right-click a message under the dead-letter stream in the Event Streams view to remove it.');
        return;
      }
      await confirmAndRemove(connection, ledger, node.ref, inspectMessage(node.message).type);
      await tree.refresh();
    }),
  );
  if (view.visible) tree.setVisible(true);
}
