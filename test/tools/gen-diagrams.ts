// `npm run gen:diagrams`: renders every stale step diagram (see diagrams.ts) with
// the bundled Mermaid in headless Chromium. `--all` re-renders every one.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { diagramSources, frame, mermaidConfig, stamp, stampOf } from './diagrams';

const chromiumPath = process.env.EDGO_CHROMIUM ?? '/usr/bin/chromium';
const mermaidScript = path.resolve(__dirname, '..', '..', 'node_modules', 'mermaid', 'dist', 'mermaid.min.js');

interface MermaidApi {
  initialize(config: Record<string, unknown>): void;
  render(id: string, text: string): Promise<{ svg: string }>;
}

async function main(): Promise<void> {
  const all = process.argv.includes('--all');
  const todo = diagramSources().filter((mmd) => {
    const svg = mmd.replace(/\.mmd$/, '.svg');
    return all || !fs.existsSync(svg) || stampOf(fs.readFileSync(svg, 'utf8')) !== stamp(fs.readFileSync(mmd, 'utf8'));
  });
  if (todo.length === 0) {
    console.log('every diagram is up to date');
    return;
  }
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    const page = await browser.newPage();
    for (const mmd of todo) {
      // A fresh Mermaid per diagram: it numbers some element ids across renders, and
      // a diagram must come out the same whether it is rendered alone or after others.
      await page.setContent('<!doctype html><html><body></body></html>');
      await page.addScriptTag({ path: mermaidScript });
      const source = fs.readFileSync(mmd, 'utf8');
      const rendered = await page.evaluate(
        async ({ text, config }) => {
          const mermaid = (globalThis as unknown as { mermaid: MermaidApi }).mermaid;
          mermaid.initialize(config);
          return (await mermaid.render('diagram', text)).svg;
        },
        { text: source, config: mermaidConfig as unknown as Record<string, unknown> },
      );
      fs.writeFileSync(mmd.replace(/\.mmd$/, '.svg'), frame(rendered, source, path.basename(mmd, '.mmd')));
      console.log(`rendered ${path.relative(process.cwd(), mmd)}`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
