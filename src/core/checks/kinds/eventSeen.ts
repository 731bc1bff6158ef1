/**
 * `event-seen`: a valid event of type `type` (optionally of `version`) is in
 * the JetStream history of `subjects`. It reads what the server already holds
 * with an ephemeral ordered consumer (nothing durable, nothing acked: the
 * learner's services see no change, and the check can be run again), checks
 * each message against the folder's contracts exactly as `edgo tail` does, and
 * passes at the first valid one. It needs the learner's services running: with
 * no server answering it is reported as not run (`missingTool: nats-server`,
 * so the failure is not counted toward hints and the course's own tests leave
 * it unjudged), with what to start. A server that refuses the credentials is named as such
 * (not "no event seen"), and the failure is not counted against the learner.
 */
import type { CheckProblem, CheckSpec } from '../types';
import type { CourseFs } from '../courseFs';
import { joinPaths, relativePath, resolvePath } from '../../paths';
import { str, strs } from '../fields';
import { defineCheckKind } from '../defineCheckKind';
import { failWith } from '../goTool';
import { inspectMessage } from '../../inspector/message';
import { checkMessage } from '../../inspector/verdict';
import { loadWorkspaceContracts } from '../../inspector/workspace';
import { defaultNatsUrl, fromDotEnv, fromReadme, type FoundServer } from '../../inspector/discover';

/** The server: the spec's `server`, else the folder's `.env` or README `NATS_URL`, else the default. */
export function serverFor(spec: CheckSpec, folder: string, fs: CourseFs): FoundServer {
  const given = str(spec, 'server');
  if (given) return { url: given, from: 'module.json' };
  const read = (name: string): string | undefined => fs.readText(joinPaths(folder, name));
  const env = read('.env');
  const readme = read('README.md');
  return (env !== undefined ? fromDotEnv(env) : undefined) ?? (readme !== undefined ? fromReadme(readme) : undefined) ?? { url: defaultNatsUrl, from: 'default' };
}

/** Says which credentials were sent and where the check reads them from, not "no event seen". */
function refusedMessage(server: FoundServer, detail: string): string {
  const sent = server.user ? `as user "${server.user}" (NATS_USER in ${server.from})` : 'without a user or password';
  const reason = /\(([^)]*)\)/.exec(detail)?.[1];
  return `Could not check: the NATS server at ${server.url} refused the credentials sent ${sent}${reason ? `: ${reason}` : ''}. Put the user and password your services use in this folder's .env as NATS_USER and NATS_PASSWORD, then check again.`;
}

const notRunAdvice = (action: string) => `start nats-server and your services, then ${action}, and check again`;

export const eventSeenCheck = defineCheckKind({
  kind: 'event-seen',
  summary:
    'A valid event of `type` (and `version`, when given) is in the JetStream history of `subjects` on `server` (default: the folder\'s `.env` or README `NATS_URL`, else nats://127.0.0.1:4222), read with an ephemeral ordered consumer and checked against the folder\'s contracts (`contracts`, default the folder); `action` says what makes one (e.g. "POST an order"). Reported as not run when no server answers.',
  fields: {
    type: { type: 'string', required: true, description: 'The event type, e.g. order.created.' },
    version: { type: 'string', description: 'The contract version the event must state, e.g. 1 or 1.2.0.' },
    subjects: { type: 'array', items: { type: 'string' }, description: 'Subjects or wildcards to read; every stream when absent.' },
    server: { type: 'string', pattern: '^(nats|tls)://', patternHint: 'a NATS URL (nats://host:port)', description: "The NATS URL; the folder's .env or README NATS_URL, else nats://127.0.0.1:4222." },
    contracts: { type: 'string', description: "Folder (relative to the learner's) with the event YAML; default the folder itself." },
    action: { type: 'string', description: 'What the learner does to produce the event, for the messages, e.g. "POST an order".' },
  },
  async run(spec, ctx) {
    const type = str(spec, 'type') ?? '';
    const version = str(spec, 'version');
    const subjects = strs(spec, 'subjects') ?? [];
    const action = str(spec, 'action') ?? `make your services publish ${type}`;
    const root = resolvePath(ctx.folder, str(spec, 'contracts') ?? '.');
    const { catalog, protobuf } = loadWorkspaceContracts([root]);
    if (!catalog.find(type, version)) {
      return { status: 'fail', message: `No contract for ${type}${version ? ` version ${version}` : ''} in ${root}: define it in events/ first, so its events can be checked.`, problems: [] };
    }
    const server = serverFor(spec, ctx.folder, ctx.fs);
    const wanted = `${type}${version ? ` (version ${version})` : ''}`;
    const invalid: CheckProblem[] = [];
    let seen = 0;
    let valid: string | undefined;
    const { readHistory, HistoryUnavailable } = await import('../../../nats/history');
    try {
      await readHistory({
        url: server.url,
        user: server.user,
        password: server.password,
        subjects,
        onMessage(raw) {
          const message = inspectMessage(raw, { protobuf });
          if (message.type !== type) return false;
          if (version && message.version !== undefined && message.version.replace(/^v/, '').split('.')[0] !== version.replace(/^v/, '').split('.')[0]) return false;
          seen++;
          const verdict = checkMessage(message, catalog);
          if (verdict.kind === 'valid') {
            valid = `${message.subject}${message.id ? `, id ${message.id}` : ''}${message.streamSequence ? `, ${message.stream ?? 'stream'} #${message.streamSequence}` : ''}`;
            return true;
          }
          if (verdict.kind === 'invalid' && invalid.length < 10) {
            for (const v of verdict.violations.slice(0, 3)) {
              invalid.push({ message: `${message.subject}${message.id ? ` (id ${message.id})` : ''}: ${v.message}`, location: { file: relativePath(ctx.folder, v.file) || v.file, line: v.line + 1 } });
            }
          } else if (verdict.kind !== 'invalid' && invalid.length < 10) {
            invalid.push({ message: `${message.subject}${message.id ? ` (id ${message.id})` : ''}: not checked (${verdict.reason})` });
          }
          return false;
        },
      });
    } catch (err) {
      if (err instanceof HistoryUnavailable && err.reason === 'refused') {
        // The server is there, so nothing is missing; the check just cannot judge until it may read.
        return { status: 'fail', message: refusedMessage(server, err.message), problems: [], blocked: true };
      }
      if (err instanceof HistoryUnavailable && err.reason === 'down') {
        return { status: 'fail', message: `Not run: no NATS server answers at ${server.url} (from ${server.from}). To check that a valid ${wanted} was published, ${notRunAdvice(action)}.`, problems: [], missingTool: 'nats-server' };
      }
      return { status: 'fail', message: `Could not read the stream history at ${server.url}: ${err instanceof Error ? err.message : String(err)}`, problems: [] };
    }
    if (valid) return { status: 'pass', message: `A valid ${wanted} event was seen (${valid}).` };
    if (seen > 0) return failWith(`${seen} ${type} event${seen === 1 ? '' : 's'} seen, none valid against the contract`, invalid);
    return { status: 'fail', message: `No ${wanted} event in the stream history${subjects.length ? ` of ${subjects.join(', ')}` : ''} at ${server.url}: ${notRunAdvice(action)}.`, problems: [] };
  },
});
