/** `files-exist` and `markdown-sections`: the learner's notes and docs are where the step asks. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { requiredString, requiredStringArray, str, strs } from './fields';
import { isGlob, matchFiles, readText } from './files';
import { failWith } from './goTool';
import type { CheckKind, CheckProblem } from './types';

export const filesExistCheck: CheckKind = {
  kind: 'files-exist',
  summary: 'Every path in `paths` exists (a glob matches at least one file).',
  validate(spec) {
    const problems: string[] = [];
    requiredStringArray(spec, 'paths', problems);
    return problems;
  },
  async run(spec, ctx) {
    const paths = strs(spec, 'paths') ?? [];
    const missing: CheckProblem[] = [];
    for (const p of paths) {
      const found = isGlob(p) ? matchFiles(ctx.folder, p).length > 0 : fs.existsSync(path.join(ctx.folder, p));
      if (!found) missing.push({ message: `${p} is missing`, location: { file: p } });
    }
    if (missing.length > 0) return failWith(`${missing.length} of ${paths.length} expected file${paths.length > 1 ? 's are' : ' is'} missing`, missing);
    return { status: 'pass', message: `${paths.join(', ')} ${paths.length > 1 ? 'exist' : 'exists'}.` };
  },
};

/** ATX headings outside fenced code, with their 1-based lines. */
export function markdownHeadings(text: string): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  let fence: string | undefined;
  text.split(/\r?\n/).forEach((line, i) => {
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (f) {
      const mark = f[1] ?? '';
      if (fence === undefined) fence = mark;
      else if (mark[0] === fence[0] && mark.length >= fence.length) fence = undefined;
      return;
    }
    if (fence !== undefined) return;
    const h = /^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
    if (h) out.push({ text: h[1] ?? '', line: i + 1 });
  });
  return out;
}

const normalize = (s: string) => s.toLowerCase().replace(/[`*_]/g, '').replace(/\s+/g, ' ').trim();

export const markdownSectionsCheck: CheckKind = {
  kind: 'markdown-sections',
  summary: '`file` has a heading (any level) containing each of `headings`, case-insensitive.',
  validate(spec) {
    const problems: string[] = [];
    requiredString(spec, 'file', problems);
    requiredStringArray(spec, 'headings', problems);
    return problems;
  },
  async run(spec, ctx) {
    const file = str(spec, 'file') ?? '';
    const wanted = strs(spec, 'headings') ?? [];
    const text = readText(ctx.folder, file);
    if (text === undefined) return failWith(`${file} is missing`, [{ message: `create ${file}`, location: { file } }]);
    const headings = markdownHeadings(text).map((h) => normalize(h.text));
    const missing = wanted.filter((w) => !headings.some((h) => h.includes(normalize(w))));
    if (missing.length > 0) {
      return failWith(`${file} lacks ${missing.length} section${missing.length > 1 ? 's' : ''}`, missing.map((m) => ({ message: `add a "## ${m}" section`, location: { file, line: 1 } })));
    }
    return { status: 'pass', message: `${file} has the sections ${wanted.join(', ')}.` };
  },
};
