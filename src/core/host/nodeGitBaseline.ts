/**
 * The Node `BaselineReader` (src/core/events/baselineBreaking.ts): a file's
 * text at git's HEAD, by `git show HEAD:./<name>` in the file's folder. Bounded
 * (1 MB, 3 s), never prompts, takes no lock; no repository, an untracked file
 * or no git at all simply mean "no baseline". Answers are remembered for a few
 * seconds, as commits are rare next to keystrokes.
 */
import { execFileSync } from 'node:child_process';
import type { BaselineReader } from '../events/baselineBreaking';
import { dirnameOf } from '../paths';

const rememberMs = 5000;

export function nodeGitBaseline(now: () => number = Date.now): BaselineReader {
  const cache = new Map<string, { at: number; text: string | undefined }>();
  return (path) => {
    const hit = cache.get(path);
    if (hit && now() - hit.at < rememberMs) return hit.text;
    const name = path.split('/').pop() ?? '';
    let text: string | undefined;
    try {
      text = execFileSync('git', ['-C', dirnameOf(path), 'show', `HEAD:./${name}`], {
        encoding: 'utf8',
        timeout: 3000,
        maxBuffer: 1024 * 1024,
        stdio: ['ignore', 'pipe', 'ignore'],
        env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0' },
      });
    } catch {
      text = undefined;
    }
    if (cache.size > 2000) cache.clear();
    cache.set(path, { at: now(), text });
    return text;
  };
}
