/** `files-exist` and `markdown-sections`: the learner's notes and docs are where the step asks. */
import { joinPaths } from '../paths';
import { defineCheckKind } from './defineCheckKind';
import { sectionText } from './markdownWords';
import { isGlob, matchFiles, readText } from './files';
import { failWith } from './goTool';
import type { CheckProblem } from './types';

export const filesExistCheck = defineCheckKind({
  kind: 'files-exist',
  fields: { paths: { type: 'array', required: true, minItems: 1, items: { type: 'string' }, description: 'Paths or globs that must exist' } },
  summary: 'Every path in `paths` exists (a glob matches at least one file).',
  async run(spec, ctx) {
    const paths = spec.paths ?? [];
    const missing: CheckProblem[] = [];
    for (const p of paths) {
      const found = isGlob(p) ? matchFiles(ctx.fs, ctx.folder, p).length > 0 : ctx.fs.kindOf(joinPaths(ctx.folder, p)) !== undefined;
      if (!found) missing.push({ message: `${p} is missing`, location: { file: p } });
    }
    if (missing.length > 0) return failWith(`${missing.length} of ${paths.length} expected file${paths.length > 1 ? 's are' : ' is'} missing`, missing);
    return { status: 'pass', message: `${paths.join(', ')} ${paths.length > 1 ? 'exist' : 'exists'}.` };
  },
});

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

export const markdownSectionsCheck = defineCheckKind({
  kind: 'markdown-sections',
  fields: {
    file: { type: 'string', required: true, description: 'The Markdown file, relative to the folder' },
    headings: { type: 'array', required: true, minItems: 1, items: { type: 'string' }, description: 'Headings the file must have (A|B accepts either)' },
    minWords: { type: 'integer', description: "Words of the learner's own prose each section needs" },
  },
  summary:
    '`file` has a heading (any level) containing each of `headings`, case-insensitive (`A|B` accepts either); ' +
    "with `minWords`, each section also needs that many words of the learner's own (generated blocks, placeholders, code and TODO lines do not count, and a TODO fails).",
  async run(spec, ctx) {
    const file = spec.file;
    const wanted = spec.headings ?? [];
    const minWords = spec.minWords;
    const text = readText(ctx.fs, ctx.folder, file);
    if (text === undefined) return failWith(`${file} is missing`, [{ message: `create ${file}`, location: { file } }]);
    const headings = markdownHeadings(text).map((h) => ({ ...h, norm: normalize(h.text) }));
    const find = (w: string) => headings.find((h) => w.split('|').some((alt) => h.norm.includes(normalize(alt))));
    const missing = wanted.filter((w) => !find(w));
    if (missing.length > 0) {
      return failWith(
        `${file} lacks ${missing.length} section${missing.length > 1 ? 's' : ''}`,
        missing.map((m) => ({ message: `add a "## ${m.split('|')[0]}" section`, location: { file, line: 1 } })),
      );
    }
    if (minWords !== undefined) {
      const thin: CheckProblem[] = [];
      for (const w of wanted) {
        const h = find(w)!;
        const own = sectionText(text, h.line);
        for (const line of own.todoLines) thin.push({ message: `"${h.text}" still says TODO: replace it with your own text`, location: { file, line } });
        if (own.words < minWords) {
          thin.push({
            message: `"${h.text}" has ${own.words} word${own.words === 1 ? '' : 's'} of your own; write at least ${minWords} (generated blocks, placeholders and code do not count)`,
            location: { file, line: h.line },
          });
        }
      }
      if (thin.length > 0) return failWith(`${file} needs more of your own writing`, thin);
    }
    return { status: 'pass', message: `${file} has the sections ${wanted.map((w) => w.split('|')[0]).join(', ')}${minWords ? `, each in your own words` : ''}.` };
  },
});
