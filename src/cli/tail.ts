/**
 * `edgo tail [subjects...]`: prints every event flowing through JetStream, one
 * line each with its contract verdict (or JSON lines), using an ephemeral
 * ordered consumer (never a durable one). With `--fail-on-violation` it exits 1
 * at the first invalid or undocumented event, so a CI job can smoke-test.
 */
import { resolve } from 'node:path';
import { inspectMessage } from '../core/inspector/message';
import { formatLine, toRecord } from '../core/inspector/format';
import { checkMessage, isViolation } from '../core/inspector/verdict';
import { loadWorkspaceContracts } from '../core/inspector/workspace';
import { loadNats } from '../nats/load';
import type { NatsSession } from '../nats/types';
import { errorMessage } from '../core/errorMessage';

export const tailUsage = 'tail [subjects] [--server URL] [--format json] [--fail-on-violation] [--expect TYPE] [--all] [--max N] [--duration S] [--contracts DIR]';

export interface TailArgs {
  readonly subjects: string[];
  readonly server: string;
  readonly format: 'text' | 'json';
  readonly failOnViolation: boolean;
  readonly deliver: 'new' | 'all';
  readonly max?: number | undefined;
  readonly durationS?: number | undefined;
  readonly contracts: string;
  /** Event types that must be seen valid: exit 0 once all were, 1 when --duration ends first. */
  readonly expect: string[];
  readonly user?: string | undefined;
  readonly password?: string | undefined;
  readonly token?: string | undefined;
}

export function parseTailArgs(args: string[], env: NodeJS.ProcessEnv = process.env): TailArgs | string {
  const subjects: string[] = [];
  let server = env.NATS_URL || 'nats://127.0.0.1:4222';
  let format: 'text' | 'json' = 'text';
  let failOnViolation = false;
  let deliver: 'new' | 'all' = 'new';
  let max: number | undefined;
  let durationS: number | undefined;
  let contracts = '.';
  const expect: string[] = [];
  let user = env.NATS_USER || undefined;
  let password = env.NATS_PASSWORD || undefined;
  let token = env.NATS_TOKEN || undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = (): string | undefined => inline ?? args[++i];
    const num = (what: string): number | string => {
      const v = Number(value());
      return Number.isFinite(v) && v > 0 ? v : `${what} needs a positive number`;
    };
    switch (flag) {
      case '--server':
        server = value() ?? '';
        if (!server) return '--server needs a URL';
        break;
      case '--format': {
        const f = value();
        if (f !== 'json' && f !== 'text') return `--format is text or json, not ${f ?? 'nothing'}`;
        format = f;
        break;
      }
      case '--fail-on-violation':
        failOnViolation = true;
        break;
      case '--all':
        deliver = 'all';
        break;
      case '--max': {
        const n = num('--max');
        if (typeof n === 'string') return n;
        max = n;
        break;
      }
      case '--duration': {
        const n = num('--duration');
        if (typeof n === 'string') return n;
        durationS = n;
        break;
      }
      case '--contracts':
        contracts = value() ?? '.';
        break;
      case '--expect': {
        const t = value();
        if (!t) return '--expect needs an event type';
        expect.push(t);
        break;
      }
      case '--user':
        user = value();
        break;
      case '--password':
        password = value();
        break;
      case '--token':
        token = value();
        break;
      default:
        if (a.startsWith('-')) return `unknown option ${a}`;
        subjects.push(...a.split(',').filter(Boolean));
    }
  }
  if (!/^(nats|tls):\/\/|^[\w.-]+:\d+$/.test(server)) return `--server ${server} is not a NATS URL (nats://host:port)`;
  return { subjects, server, format, failOnViolation, deliver, max, durationS, contracts, expect, user, password, token };
}

export async function runTail(args: string[], write: (s: string) => void = (s) => process.stdout.write(s), log: (s: string) => void = (s) => process.stderr.write(s)): Promise<number> {
  const options = parseTailArgs(args);
  if (typeof options === 'string') {
    log(`edgo tail: ${options}\nUsage: edgo ${tailUsage}\n`);
    return 2;
  }
  const root = resolve(options.contracts);
  const { catalog, protobuf } = loadWorkspaceContracts([root]);
  let session: NatsSession;
  try {
    const nats = await loadNats();
    session = await nats.connect({ url: options.server, user: options.user, password: options.password, token: options.token, name: 'edgo-tail' });
  } catch (err) {
    log(`edgo tail: ${errorMessage(err)}\n`);
    return 2;
  }
  return new Promise<number>((done) => {
    let count = 0;
    let finished = false;
    const missing = new Set(options.expect);
    let timer: NodeJS.Timeout | undefined;
    let stopTail: (() => Promise<void>) | undefined;
    const finish = (code: number) => {
      if (finished) return;
      finished = true;
      if (timer) clearTimeout(timer);
      process.off('SIGINT', onSignal);
      void (stopTail?.() ?? Promise.resolve()).then(() => session.close()).then(() => done(code));
    };
    const onSignal = () => finish(0);
    process.on('SIGINT', onSignal);
    session.onEvent((e) => {
      if (!finished && (e.type === 'closed' || e.type === 'disconnected')) {
        log(`edgo tail: the connection to ${options.server} was lost\n`);
        finish(2);
      }
    });
    session
      .tail({
        subjects: options.subjects,
        deliver: options.deliver,
        onMessage(raw) {
          if (finished) return;
          const message = inspectMessage(raw, { protobuf });
          const verdict = checkMessage(message, catalog);
          write(options.format === 'json' ? `${JSON.stringify(toRecord({ message, verdict }, root))}\n` : `${formatLine({ message, verdict }, root)}\n`);
          count++;
          if (verdict.kind === 'valid') missing.delete(message.type);
          if (options.failOnViolation && isViolation(verdict)) finish(1);
          else if (options.expect.length && missing.size === 0) {
            log(`edgo tail: seen valid: ${options.expect.join(', ')}\n`);
            finish(0);
          } else if (options.max !== undefined && count >= options.max) finish(0);
        },
        onError(message) {
          log(`edgo tail: ${message}\n`);
          finish(2);
        },
      })
      .then((tail) => {
        stopTail = () => tail.stop();
        const streams = [...tail.streams].map(([s, subs]) => `${s}${subs.length ? ` (${subs.join(', ')})` : ''}`).join(', ');
        log(`edgo tail: ${options.server}, streams ${streams}; ${catalog.size} contract(s) from ${root}; ${options.deliver === 'all' ? 'stored and new' : 'new'} messages\n`);
        if (finished) void tail.stop();
        if (options.durationS !== undefined) {
          timer = setTimeout(() => {
            if (missing.size) log(`edgo tail: no valid ${[...missing].join(', ')} seen in ${options.durationS} s\n`);
            finish(missing.size ? 1 : 0);
          }, options.durationS * 1000);
        }
      })
      .catch((err: unknown) => {
        log(`edgo tail: ${errorMessage(err)}\n`);
        finish(2);
      });
  });
}

export const tailCommand = {
  name: 'tail',
  usage: tailUsage,
  summary: 'Print the events flowing through NATS JetStream, each checked against its contract.',
  run: (args: string[]) => runTail(args),
};
