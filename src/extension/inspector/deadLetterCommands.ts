/**
 * The dead-letter commands of the Event Streams view: re-drive a dead letter to
 * its original subject, and remove a handled one from its stream. Both ask
 * first, and both act only on the message the learner saw at that sequence.
 * A confirmed re-drive is recorded in the workspace state (see
 * `core/inspector/deadLetters.ts` for why there), so the view marks it and a
 * second re-drive names the first.
 */
import * as vscode from 'vscode';
import { redriveQuestion, removalQuestion, shownMessageProblem, type DeadLetterRef, type RedriveLedger } from '../../core/inspector/deadLetters';
import { inspectMessage } from '../../core/inspector/message';
import { errorMessage } from '../../core/errorMessage';
import { prepareRedrive, redrive, removeDeadLetter } from '../../nats/redrive';
import type { InspectorConnection } from './connection';

/** Re-publishes a dead letter to where it came from, after the learner confirms. */
export async function confirmAndRedrive(connection: InspectorConnection, ledger: RedriveLedger, ref: DeadLetterRef): Promise<void> {
  try {
    const session = await connection.session();
    const mark = ledger.markOf(ref);
    const plan = await prepareRedrive(session, ref.stream, ref.seq, (mark?.count ?? 0) + 1);
    const problem = typeof plan === 'string' ? plan : shownMessageProblem(ref, plan.dead);
    if (typeof plan === 'string' || problem) {
      void vscode.window.showErrorMessage(`Cannot re-drive: ${problem}.`);
      return;
    }
    const q = redriveQuestion(ref, plan.subject, inspectMessage(plan.dead).deadLetterReason, mark);
    if ((await vscode.window.showWarningMessage(q.message, { modal: true, detail: q.detail }, q.confirm)) !== q.confirm) return;
    const { result } = await redrive(session, plan);
    if (result.duplicate) {
      void vscode.window.showInformationMessage(`This dead letter was already re-driven to ${plan.subject} a moment ago; the stream dropped the copy.`);
      return;
    }
    await ledger.record(ref, { subject: plan.subject, stream: result.stream, seq: result.seq }, new Date());
    void vscode.window.showInformationMessage(`Re-driven to ${plan.subject} (${result.stream} #${result.seq}).`);
  } catch (err) {
    void vscode.window.showErrorMessage(`Re-drive failed: ${errorMessage(err)}`);
  }
}

/** Deletes a handled dead letter from its stream after the learner confirms; never one they did not see. */
export async function confirmAndRemove(connection: InspectorConnection, ledger: RedriveLedger, ref: DeadLetterRef, type: string): Promise<void> {
  try {
    const q = removalQuestion(ref, type, ledger.markOf(ref));
    if ((await vscode.window.showWarningMessage(q.message, { modal: true, detail: q.detail }, q.confirm)) !== q.confirm) return;
    const problem = await removeDeadLetter(await connection.session(), ref);
    if (problem) {
      void vscode.window.showErrorMessage(`Not removed: ${problem}.`);
      return;
    }
    await ledger.forget(ref);
    void vscode.window.showInformationMessage(`Removed dead letter #${ref.seq} from ${ref.stream}.`);
  } catch (err) {
    void vscode.window.showErrorMessage(`Could not remove the dead letter: ${errorMessage(err)}`);
  }
}
