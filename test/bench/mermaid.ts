// Mermaid preview bench: in a real Chromium, the time from an edit of one
// diagram in a Markdown file with 20 diagrams to its updated SVG, against
// re-rendering all 20; the same for the language server's diagnostics; and the
// size of the webview bundle and of the VSIX.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { extractMarkdownBlocks } from '../../src/core/mermaid/blocks';
import { cachingParser, validateBlocks } from '../../src/core/mermaid/diagnostics';
import { nodeMermaidParser } from '../../src/core/host/nodeMermaidParser';
import { bundleWebview, chromiumPath, launchBrowser, openPreviewPage, repoRoot, update } from '../webview/harness';

const kinds = [
  (i: number, tag: string) => `flowchart LR\n  A${i}[Order ${i} ${tag}] --> B${i}[Payment ${i}]\n  B${i} --> C${i}{Paid?}\n  C${i} -->|yes| D${i}[Ship]\n  C${i} -->|no| E${i}[Cancel]`,
  (i: number, tag: string) => `sequenceDiagram\n  participant O as Orders ${i}\n  participant B as Billing\n  O->>B: Charge ${tag}\n  B-->>O: Charged\n  O->>O: Publish OrderPaid`,
  (i: number, tag: string) => `classDiagram\n  class Order${i} {\n    +String id\n    +place() ${tag}\n  }\n  class Line${i}\n  Order${i} "1" --> "*" Line${i}`,
  (i: number, tag: string) => `stateDiagram-v2\n  [*] --> Pending${i}\n  Pending${i} --> Paid: pay ${tag}\n  Paid --> Shipped\n  Shipped --> [*]`,
];

function diagrams(tag: (i: number) => string): string[] {
  return Array.from({ length: 20 }, (_, i) => (kinds[i % kinds.length] as (i: number, t: string) => string)(i, tag(i)));
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

function size(file: string): string {
  return `${(fs.statSync(file).size / 1024 / 1024).toFixed(2)} MB`;
}

export async function run(): Promise<void> {
  const rounds = 5;
  if (!fs.existsSync(chromiumPath)) {
    console.log(`skipped the preview timing: no Chromium at ${chromiumPath}`);
  } else {
    const browser = await launchBrowser();
    try {
      const h = await openPreviewPage(browser);
      let version = 0;
      const send = async (texts: string[]): Promise<number> => {
        const v = ++version;
        const started = performance.now();
        const done = h.rendered(v);
        await h.post(update(v, texts));
        const r = await done;
        if (r.diagrams.some((d) => d.error)) throw new Error(`bench diagram failed: ${JSON.stringify(r.diagrams.find((d) => d.error))}`);
        return performance.now() - started;
      };
      await send(diagrams(() => 'warm-up'));
      const one: number[] = [];
      const all: number[] = [];
      for (let round = 0; round < rounds; round++) {
        // One diagram edited: the other 19 come from the cache.
        one.push(await send(diagrams((i) => (i === 7 ? `edit ${round}` : 'warm-up'))));
        // Every diagram changed: all 20 rendered again.
        all.push(await send(diagrams((i) => `all ${round} ${i}`)));
        await send(diagrams(() => 'warm-up'));
      }
      await h.close();
      const single = median(one);
      const full = median(all);
      console.log(`preview: edit of 1 diagram of 20 -> updated SVG: ${single.toFixed(0)} ms (median of ${rounds})`);
      console.log(`preview: re-rendering all 20 diagrams:            ${full.toFixed(0)} ms (median of ${rounds})`);
      console.log(`preview: ratio ${(full / single).toFixed(1)}x (target >= 10x) ${full / single >= 10 ? 'OK' : 'BELOW TARGET'}`);
    } finally {
      await browser.close();
    }
  }

  // The language server: diagnostics of the whole file after the same edit.
  const markdown = (texts: string[]) => texts.map((t) => `## Diagram\n\n\`\`\`mermaid\n${t}\n\`\`\`\n`).join('\n');
  const parser = cachingParser(nodeMermaidParser);
  await validateBlocks(extractMarkdownBlocks(markdown(diagrams(() => 'warm-up'))), parser);
  const started = performance.now();
  await validateBlocks(extractMarkdownBlocks(markdown(diagrams((i) => (i === 7 ? 'edit' : 'warm-up')))), parser);
  const oneMs = performance.now() - started;
  const fresh = performance.now();
  await validateBlocks(extractMarkdownBlocks(markdown(diagrams((i) => `fresh ${i}`))), cachingParser(nodeMermaidParser));
  const allMs = performance.now() - fresh;
  console.log(`diagnostics: after editing 1 of 20: ${oneMs.toFixed(0)} ms; parsing all 20: ${allMs.toFixed(0)} ms (${(allMs / oneMs).toFixed(1)}x)`);

  const minified = await bundleWebview();
  console.log(`webview bundle (minified, Mermaid included): ${size(minified)}`);
  const dist = path.join(repoRoot, 'dist', 'webview.js');
  if (fs.existsSync(dist)) console.log(`dist/webview.js as built now: ${size(dist)}`);
  const engine = path.join(repoRoot, 'dist', 'mermaid-node.js');
  if (fs.existsSync(engine)) console.log(`dist/mermaid-node.js (Mermaid parsers for server and CLI) as built now: ${size(engine)}`);
  const vsix = fs.readdirSync(repoRoot).filter((f) => f.endsWith('.vsix'));
  for (const f of vsix) console.log(`VSIX ${f}: ${size(path.join(repoRoot, f))}`);
  if (!vsix.length) console.log('VSIX: none built yet (npm run package)');
}
