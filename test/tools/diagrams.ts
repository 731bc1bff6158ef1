// The course's step diagrams: each `walkthroughs/<module>/media/diagrams/<name>.mmd`
// is rendered by the bundled Mermaid, in headless Chromium, to `<name>.svg` beside
// it. A step shows it as a Markdown image, and an image cannot see VS Code's theme:
// the walkthrough renderer has no theme-specific images for Markdown, and
// `prefers-color-scheme` inside the image follows the browser, not VS Code. So the
// SVG has one rendering on its own opaque light card, which reads on a light and on
// a dark editor alike, and edge labels on opaque backgrounds so no line runs through
// them. Its first comment records the SHA-256 of the source, the Mermaid version and
// a fingerprint of the rendering settings, which is how a test tells it is stale.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const walkthroughsRoot = path.resolve(__dirname, '..', '..', 'walkthroughs');
const mermaidPackage = path.resolve(__dirname, '..', '..', 'node_modules', 'mermaid');

export const mermaidVersion = (): string => (JSON.parse(fs.readFileSync(path.join(mermaidPackage, 'package.json'), 'utf8')) as { version: string }).version;

/** Every diagram source of the course, as absolute paths. */
export function diagramSources(): string[] {
  return fs.readdirSync(walkthroughsRoot).flatMap((mod) => {
    const dir = path.join(walkthroughsRoot, mod, 'media', 'diagrams');
    return fs.existsSync(dir)
      ? fs
          .readdirSync(dir)
          .filter((f) => f.endsWith('.mmd'))
          .sort()
          .map((f) => path.join(dir, f))
      : [];
  });
}

/** The card every diagram sits on, and so the edge labels' background. */
export const cardColour = '#ffffff';
const cardBorder = '#d0d7de';

/** Mermaid's settings for every diagram; part of the stamp, so a change re-renders all. */
export const mermaidConfig = {
  startOnLoad: false,
  theme: 'default',
  securityLevel: 'strict',
  // SVG text, not HTML in foreignObject: the SVG is shown as an image.
  htmlLabels: false,
  flowchart: { htmlLabels: false },
  // A long message would push its two lifelines apart, and the walkthrough then scales the whole
  // diagram down until its text is too small to read: wrap messages to the lifelines' spacing instead.
  sequence: { wrap: true, width: 120, actorMargin: 24, diagramMarginX: 16 },
  fontFamily: 'sans-serif',
  // Class boxes are drawn by rough.js, which takes a random seed unless given one: the same source, the same bytes.
  handDrawnSeed: 1,
  themeVariables: { background: cardColour, edgeLabelBackground: cardColour },
  // Mermaid draws an edge label's background half transparent, so the edge shows through the text.
  themeCSS: `.edgeLabel rect, .edgeLabel .label rect, .labelBkg { opacity: 1 !important; fill: ${cardColour} !important; background-color: ${cardColour} !important; }`,
} as const;

const sha256 = (text: string): string => crypto.createHash('sha256').update(text).digest('hex');

/** What the SVG's stamp must say for this source: a change to the source, Mermaid or the settings re-renders. */
export function stamp(source: string): string {
  // `frame`: bump it when frame() draws differently.
  const settings = sha256(JSON.stringify({ mermaidConfig, cardBorder, frame: 2 })).slice(0, 12);
  return `edgo-diagram source-sha256=${sha256(source.replace(/\r\n/g, '\n'))} mermaid=${mermaidVersion()} settings=${settings}`;
}

/** The stamp an SVG carries, or undefined. */
export function stampOf(svg: string): string | undefined {
  return /<!-- (edgo-diagram [^>]*?) -->/.exec(svg)?.[1];
}

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Mermaid's rendering (an `<svg ...>` with a viewBox) framed on its card, with the stamp. */
export function frame(rendered: string, source: string, title: string): string {
  const vb = /viewBox="([-\d.]+) ([-\d.]+) ([\d.]+) ([\d.]+)"/.exec(rendered);
  const [iw, ih] = vb ? [Number(vb[3]), Number(vb[4])] : [600, 400];
  const pad = 12;
  const w = Math.ceil(iw + 2 * pad);
  const h = Math.ceil(ih + 2 * pad);
  // Mermaid sizes its SVG with style="max-width"; nested here it gets explicit sizes instead.
  const inner = rendered
    .replace(/^<svg\b([^>]*?)\s(?:width|height)="[^"]*"/, '<svg$1')
    .replace(/^<svg\b([^>]*?)\sstyle="[^"]*"/, '<svg$1')
    .replace(/^<svg\b/, `<svg x="${pad}" y="${pad}" width="${iw}" height="${ih}"`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="${escapeXml(title).replace(/"/g, '&quot;')}">`,
    `<!-- ${stamp(source)} -->`,
    `<!-- Rendered from ${escapeXml(title)}.mmd by \`npm run gen:diagrams\`; edit the .mmd, not this file. -->`,
    `<rect class="edgo-card" width="${w}" height="${h}" rx="8" fill="${cardColour}" stroke="${cardBorder}"/>`,
    inner,
    '</svg>',
    '',
  ].join('\n');
}
