// The course's step diagrams: each `walkthroughs/<module>/media/diagrams/<name>.mmd`
// is rendered by the bundled Mermaid, in headless Chromium, to `<name>.svg` beside
// it. The SVG carries both a light and a dark rendering, each on its own
// background, and shows the dark one when the page prefers a dark scheme, so it
// reads in light and dark themes alike. Its first comment records the SHA-256 of
// the source and the Mermaid version, which is how a test tells it is stale.
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
    return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.mmd')).sort().map((f) => path.join(dir, f)) : [];
  });
}

/** What the SVG's stamp must say for this source: a change to either re-renders. */
export function stamp(source: string): string {
  const sha = crypto.createHash('sha256').update(source.replace(/\r\n/g, '\n')).digest('hex');
  return `edgo-diagram source-sha256=${sha} mermaid=${mermaidVersion()}`;
}

/** The stamp an SVG carries, or undefined. */
export function stampOf(svg: string): string | undefined {
  return /<!-- (edgo-diagram [^>]*?) -->/.exec(svg)?.[1];
}

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One SVG from Mermaid's light and dark renderings (each `<svg ...>` with a viewBox). */
export function combine(light: string, dark: string, source: string, title: string): string {
  const box = (svg: string): [number, number] => {
    const vb = /viewBox="([-\d.]+) ([-\d.]+) ([\d.]+) ([\d.]+)"/.exec(svg);
    return vb ? [Number(vb[3]), Number(vb[4])] : [600, 400];
  };
  const [lw, lh] = box(light);
  const [dw, dh] = box(dark);
  const pad = 12;
  const w = Math.ceil(Math.max(lw, dw) + 2 * pad);
  const h = Math.ceil(Math.max(lh, dh) + 2 * pad);
  // Mermaid sizes its SVG with style="max-width"; nested here it gets explicit sizes instead.
  const inner = (svg: string, iw: number, ih: number) =>
    svg.replace(/^<svg\b([^>]*?)\s(?:width|height)="[^"]*"/, '<svg$1').replace(/^<svg\b([^>]*?)\sstyle="[^"]*"/, '<svg$1')
      .replace(/^<svg\b/, `<svg x="${pad}" y="${pad}" width="${iw}" height="${ih}"`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="${escapeXml(title).replace(/"/g, '&quot;')}">`,
    `<!-- ${stamp(source)} -->`,
    `<!-- Rendered from ${escapeXml(title)}.mmd by \`npm run gen:diagrams\`; edit the .mmd, not this file. -->`,
    '<style>.edgo-dark{display:none}@media (prefers-color-scheme: dark){.edgo-light{display:none}.edgo-dark{display:inline}}</style>',
    `<g class="edgo-light"><rect width="${w}" height="${h}" rx="8" fill="#ffffff" stroke="#d0d7de"/>${inner(light, lw, lh)}</g>`,
    `<g class="edgo-dark"><rect width="${w}" height="${h}" rx="8" fill="#1e1e1e" stroke="#3c3c3c"/>${inner(dark, dw, dh)}</g>`,
    '</svg>',
    '',
  ].join('\n');
}
