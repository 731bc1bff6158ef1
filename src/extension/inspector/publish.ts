/**
 * "Publish a sample event": pick a contract, edit its sample payload (from the
 * contract's examples or generated from its schema) in an editor, then publish
 * it in the CloudEvents envelope with `Nats-Msg-Id`.
 */
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { inspectMessage } from '../../core/inspector/message';
import { envelopeFor, samplePayload } from '../../core/inspector/sample';
import { checkMessage } from '../../core/inspector/verdict';
import type { Contract } from '../../core/inspector/contracts';
import type { InspectorConnection } from './connection';
import type { ContractsCache } from './workspaceContracts';
import { errorMessage } from '../../core/errorMessage';

export async function publishSample(connection: InspectorConnection, contracts: ContractsCache): Promise<void> {
  const { catalog } = contracts.get();
  const all = catalog.all();
  if (all.length === 0) {
    void vscode.window.showWarningMessage('No event contracts (event YAML files) in this workspace: there is nothing to build a sample from.');
    return;
  }
  const picked = await vscode.window.showQuickPick(
    all.map((c) => ({ label: c.name, description: c.version ?? '', detail: vscode.workspace.asRelativePath(c.file), contract: c })),
    // The tail beside it keeps updating while the learner chooses: a click there must not throw the question away.
    { title: 'Publish a sample event', placeHolder: 'Which event?', ignoreFocusOut: true },
  );
  if (!picked) return;
  const contract = picked.contract;
  const doc = await vscode.workspace.openTextDocument({ language: 'json', content: `${JSON.stringify(samplePayload(contract), null, 2)}\n` });
  await vscode.window.showTextDocument(doc);
  const choice = await vscode.window.showInformationMessage(`Edit the ${contract.name} payload in the editor, then publish it to NATS in its envelope.`, 'Publish', 'Cancel');
  if (choice !== 'Publish') return;
  await publishText(connection, contracts, contract, doc.getText());
}

/** Publishes an edited payload; a payload that breaks the contract is published only after a warning. */
export async function publishText(connection: InspectorConnection, contracts: ContractsCache, contract: Contract, text: string): Promise<string | undefined> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    void vscode.window.showErrorMessage(`The payload is not JSON: ${errorMessage(err)}`);
    return undefined;
  }
  const id = randomUUID();
  const envelope = envelopeFor(contract, data, id, new Date());
  const body = new TextEncoder().encode(JSON.stringify(envelope));
  const verdict = checkMessage(inspectMessage({ subject: envelope.type, data: body }), contracts.get().catalog);
  if (verdict.kind === 'invalid') {
    const go = await vscode.window.showWarningMessage(`This payload breaks the ${contract.name} contract: ${verdict.violations.map((v) => v.message).join('; ')}. Publish it anyway?`, { modal: true }, 'Publish anyway');
    if (go !== 'Publish anyway') return undefined;
  }
  try {
    const session = await connection.session();
    const ack = await session.publish(envelope.type, body, { 'Nats-Msg-Id': id, 'ce-type': envelope.type });
    const text = `Published ${envelope.type} (id ${id}) to ${ack.stream} #${ack.seq}.`;
    void vscode.window.showInformationMessage(text);
    return text;
  } catch (err) {
    void vscode.window.showErrorMessage(`Could not publish ${envelope.type}: ${errorMessage(err)}`);
    return undefined;
  }
}
