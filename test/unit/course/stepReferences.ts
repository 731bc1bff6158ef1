// What a step's Markdown names in backticks, sorted into the kinds of names
// that must exist in the module's code: file paths, routes, NATS subjects,
// JSON fields, Go test names and `edgo` subcommands. Pure: text in, names out.

export type RefKind = 'path' | 'route' | 'subject' | 'json-field' | 'test' | 'edgo';

export interface StepRef {
  kind: RefKind;
  /** The name to look for (normalised: no leading ./, no trailing /). */
  name: string;
  /** The backticked text it came from, as written; allow-lists use it. */
  span: string;
  line: number;
}

const fileExtension = /\.(go|mod|sum|work|ya?ml|mdx?|json|proto|tpl|txt|js|mmd|svg|sh)$/;
const fileNames = new Set(['Dockerfile', '.dockerignore', 'go.mod', 'go.sum', 'README.md', 'NOTES.txt']);
const httpMethod = /^(GET|POST|PUT|PATCH|DELETE|HEAD) (\/\S*)$/;
const subject = /^[a-z][a-z0-9-]*(\.(?:[a-z0-9-]+|\*|>))+$/;
const goTest = /^(Test|Benchmark|Fuzz|Example)[A-Z0-9]\w*$/;
const jsonKey = /"([A-Za-z_][\w-]*)"\s*:/g;
const hasJsonKey = /"[A-Za-z_][\w-]*"\s*:/;

/** Inline code spans outside fenced blocks, with their line, plus the bodies of ```json fences. */
export function codeSpans(markdown: string): { spans: { text: string; line: number }[]; jsonBlocks: { text: string; line: number }[] } {
  const spans: { text: string; line: number }[] = [];
  const jsonBlocks: { text: string; line: number }[] = [];
  let fence: { marker: string; lang: string; start: number; body: string[] } | undefined;
  markdown.split('\n').forEach((raw, i) => {
    const line = i + 1;
    const open = /^\s*(`{3,}|~{3,})\s*([\w-]*)/.exec(raw);
    if (fence) {
      if (open && open[1]!.startsWith(fence.marker) && raw.trim() === open[1]) {
        if (fence.lang === 'json') jsonBlocks.push({ text: fence.body.join('\n'), line: fence.start });
        fence = undefined;
      } else fence.body.push(raw);
      return;
    }
    if (open) {
      fence = { marker: open[1]!, lang: open[2] ?? '', start: line, body: [] };
      return;
    }
    for (const m of raw.matchAll(/(`+)([^`]+?)\1(?!`)/g)) spans.push({ text: m[2]!.trim(), line });
  });
  return { spans, jsonBlocks };
}

function isPath(s: string): boolean {
  if (/\s|:\/\/|[(){}=$|,;:'"]/.test(s.replace(/<[\w-]+>/g, 'x'))) return false;
  if (/^[\w-]+(\.[\w-]+)+\//.test(s)) return false; // a Go import path (github.com/..., example.com/...)
  if (/^[a-z]+\/[a-z]+$/.test(s) && !s.includes('.')) return looksLikeFolder(s);
  return s.includes('/') || fileExtension.test(s) || fileNames.has(s);
}

/** `net/http`, `log/slog` and MIME types look like folders; only names ending in / or with a known top folder count. */
function looksLikeFolder(s: string): boolean {
  return /^(order|inventory|platform|internal|cmd|deploy|docs|events|e2e|contracts|infra|usecase|domain|interface|eventcatalog|templates)\//.test(s);
}

// ./order/... -> order; infra/memory.OrderRepository -> infra/memory (a package and one of its names)
const normalisePath = (s: string): string =>
  s
    .replace(/^\.\//, '')
    .replace(/(^|\/)\.\.\.$/, '')
    .replace(/\/$/, '')
    .replace(/\.[A-Z]\w*$/, '');

/** Names inside a shell command span: its ./paths, its -run pattern, the edgo subcommand. */
function commandRefs(span: string, line: number): StepRef[] {
  const words = span.split(/\s+/);
  const out: StepRef[] = [];
  if (words[0] === 'edgo' && words[1] && !words[1].startsWith('-')) out.push({ kind: 'edgo', name: words[1], span, line });
  const run = /-run\s+'?([^'\s]+)'?/.exec(span)?.[1];
  if (words[0] === 'go' && run) out.push({ kind: 'test', name: run, span, line });
  for (const w of words.slice(1)) {
    const p = w.replace(/^['"]|['"]$/g, '');
    if ((p.startsWith('./') && p.length > 2 && p !== './...') || (/^[\w.-]+\/[\w./<>*-]*$/.test(p) && isPath(p))) {
      out.push({ kind: 'path', name: normalisePath(p), span, line });
    }
  }
  return out;
}

/** Every name of a step that its module's code must contain. */
export function stepReferences(markdown: string): StepRef[] {
  const { spans, jsonBlocks } = codeSpans(markdown);
  const out: StepRef[] = [];
  for (const { text, line } of spans) {
    const route = httpMethod.exec(text);
    if (route) out.push({ kind: 'route', name: text, span: text, line });
    else if (/^(go|edgo|helm|docker) /.test(text)) out.push(...commandRefs(text, line));
    else if (/^(kubectl|kind|npx|npm|curl) /.test(text)) {
      continue;
    } // resources and URLs, not files
    else if (hasJsonKey.test(text)) for (const m of text.matchAll(jsonKey)) out.push({ kind: 'json-field', name: m[1]!, span: text, line });
    else if (goTest.test(text)) out.push({ kind: 'test', name: `^${text}$`, span: text, line });
    else if (/^\/[\w{}.-]/.test(text) && !/\s/.test(text)) out.push({ kind: 'route', name: text, span: text, line });
    else if (text.startsWith('@')) {
      continue;
    } // an npm package
    else if (isPath(text)) out.push({ kind: 'path', name: normalisePath(text), span: text, line });
    else if (subject.test(text) && !fileExtension.test(text)) out.push({ kind: 'subject', name: text, span: text, line });
  }
  for (const block of jsonBlocks) {
    for (const m of block.text.matchAll(jsonKey)) out.push({ kind: 'json-field', name: m[1]!, span: m[0], line: block.line });
  }
  return out.filter((r) => r.kind !== 'path' || r.name !== '');
}
