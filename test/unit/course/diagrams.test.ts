// Step diagrams are drawn, not shown as Mermaid code: every `.mmd` beside a
// step has its `.svg`, rendered from exactly that source (its stamp holds the
// source's SHA-256 and the Mermaid version; `npm run gen:diagrams` renders stale
// ones), every SVG is shown by a step, and a step that keeps a Mermaid block to
// teach its syntax shows that block's rendering too. A step shows the SVG as an
// image, which cannot see VS Code's theme, so each reads on light and dark alike
// by itself: one rendering on an opaque card, edge labels on opaque backgrounds.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { cardColour, diagramSources, stamp, stampOf, walkthroughsRoot } from '../../tools/diagrams';

const norm = (s: string): string => `${s.replace(/\r\n/g, '\n').trimEnd()}\n`;

function stepPages(): string[] {
  return fs.readdirSync(walkthroughsRoot).flatMap((mod) => {
    const dir = path.join(walkthroughsRoot, mod);
    if (!fs.existsSync(path.join(dir, 'module.json'))) return [];
    return ['', 'steps'].flatMap((sub) => {
      const d = path.join(dir, sub);
      return fs.existsSync(d)
        ? fs
            .readdirSync(d)
            .filter((f) => f.endsWith('.md'))
            .map((f) => path.join(d, f))
        : [];
    });
  });
}

describe('step diagrams', () => {
  const sources = diagramSources();

  it('there are diagrams, each with an SVG rendered from its current source', () => {
    assert.ok(sources.length >= 12, `only ${sources.length} diagram sources`);
    const stale = sources.filter((mmd) => {
      const svg = mmd.replace(/\.mmd$/, '.svg');
      return !fs.existsSync(svg) || stampOf(fs.readFileSync(svg, 'utf8')) !== stamp(fs.readFileSync(mmd, 'utf8'));
    });
    assert.deepEqual(
      stale.map((f) => path.relative(walkthroughsRoot, f)),
      [],
      'out of date: run npm run gen:diagrams',
    );
  });

  it('every SVG reads the same on a light and a dark editor: an opaque card, no theme switch it cannot make, opaque edge labels', () => {
    const wrong: string[] = [];
    for (const mmd of sources) {
      const name = path.relative(walkthroughsRoot, mmd.replace(/\.mmd$/, '.svg'));
      const svg = fs.readFileSync(mmd.replace(/\.mmd$/, '.svg'), 'utf8');
      // The first drawn element is the card, so nothing of the editor shows through.
      const first = /^<svg\b[^>]*>\s*(?:<!--[\s\S]*?-->\s*)*(<[^>]*>)/.exec(svg)?.[1] ?? '';
      if (!/^<rect\b/.test(first) || !first.includes(`fill="${cardColour}"`) || /opacity/.test(first)) wrong.push(`${name}: does not start with its opaque card (${first})`);
      // prefers-color-scheme follows the browser, not VS Code's theme; var(--vscode-*) is not set inside an image.
      if (/prefers-color-scheme/.test(svg)) wrong.push(`${name}: switches on prefers-color-scheme`);
      if (/var\(--vscode/.test(svg)) wrong.push(`${name}: uses VS Code theme variables, which an image cannot see`);
      if (/class="edgeLabel"/.test(svg) && !/\.edgeLabel rect[^{}]*\{[^}]*opacity:1!important/.test(svg)) wrong.push(`${name}: edge labels are not on an opaque background`);
    }
    assert.deepEqual(wrong, []);
  });

  it('every sequence diagram fits the walkthrough at a readable size', () => {
    // A walkthrough step at VS Code's usual width gives its media about 630 px and scales a wider
    // image down to fit (test/ui/stepPictures.test.ts measures it): up to 790 px, 16 px text stays at 12.8 px or more.
    const tooWide = sources.flatMap((mmd) => {
      if (!/^\s*sequenceDiagram\b/.test(fs.readFileSync(mmd, 'utf8'))) return [];
      const width = Number(/<svg\b[^>]*\swidth="([\d.]+)"/.exec(fs.readFileSync(mmd.replace(/\.mmd$/, '.svg'), 'utf8'))?.[1]);
      return width > 790 ? [`${path.relative(walkthroughsRoot, mmd)}: ${width} px wide`] : [];
    });
    assert.deepEqual(tooWide, [], 'shorten its messages, or move an explanation into a note');
  });

  it('every SVG is shown by a step, and every image a step shows exists', () => {
    const shown = new Set<string>();
    const missing: string[] = [];
    for (const page of stepPages()) {
      for (const m of fs.readFileSync(page, 'utf8').matchAll(/!\[[^\]]*\]\(([^)]+\.svg)\)/g)) {
        const file = path.resolve(path.dirname(page), m[1]!);
        if (fs.existsSync(file)) shown.add(file);
        else missing.push(`${path.relative(walkthroughsRoot, page)}: ${m[1]}`);
      }
    }
    assert.deepEqual(missing, []);
    assert.deepEqual(
      sources
        .map((s) => s.replace(/\.mmd$/, '.svg'))
        .filter((s) => !shown.has(s))
        .map((s) => path.relative(walkthroughsRoot, s)),
      [],
    );
  });

  it("a drawn SVG follows VS Code's theme only where VS Code inlines it (svg media); shown as an image it has its own card", () => {
    const wrong: string[] = [];
    // Markdown images and `media.image` are <img> elements: var(--vscode-*) is never set inside them.
    for (const page of stepPages()) {
      for (const m of fs.readFileSync(page, 'utf8').matchAll(/!\[[^\]]*\]\(([^)]+\.svg)\)/g)) {
        const file = path.resolve(path.dirname(page), m[1]!);
        if (fs.existsSync(file) && /var\(--vscode/.test(fs.readFileSync(file, 'utf8'))) wrong.push(`${path.relative(walkthroughsRoot, page)}: ${m[1]} uses VS Code theme variables, which an image cannot see`);
      }
    }
    for (const mod of fs.readdirSync(walkthroughsRoot)) {
      const spec = path.join(walkthroughsRoot, mod, 'module.json');
      if (!fs.existsSync(spec)) continue;
      const steps = (JSON.parse(fs.readFileSync(spec, 'utf8')) as { steps: { id: string; media: { image?: unknown } }[] }).steps;
      for (const step of steps) {
        const image = step.media.image;
        if (typeof image !== 'string' || !image.endsWith('.svg')) continue;
        if (/var\(--vscode/.test(fs.readFileSync(path.join(walkthroughsRoot, mod, image), 'utf8'))) {
          wrong.push(`${mod} step ${step.id}: media.image ${image} uses VS Code theme variables; make it "svg" media, which VS Code inlines with the theme's colours`);
        }
      }
    }
    assert.deepEqual(wrong, []);
  });

  it("a Mermaid block kept in a step is one of its module's diagram sources", () => {
    const orphans: string[] = [];
    for (const page of stepPages()) {
      const mod = path.relative(walkthroughsRoot, page).split(path.sep)[0]!;
      const mine = sources.filter((s) => path.relative(walkthroughsRoot, s).startsWith(`${mod}${path.sep}`)).map((s) => norm(fs.readFileSync(s, 'utf8')));
      for (const m of fs.readFileSync(page, 'utf8').matchAll(/^```mermaid[ \t]*\n([\s\S]*?)^```[ \t]*$/gm)) {
        if (!mine.includes(norm(m[1]!))) orphans.push(`${path.relative(walkthroughsRoot, page)}: a mermaid block with no .mmd in ${mod}/media/diagrams`);
      }
    }
    assert.deepEqual(orphans, []);
  });
});
