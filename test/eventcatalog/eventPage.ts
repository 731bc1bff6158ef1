// A built EventCatalog site served from its `dist/` folder by a tiny static file
// server on 127.0.0.1 (test/tools/staticSite.ts), one page opened in Debian's Chromium and saved as a PNG:
// what a learner sees after `npm run build` (or `npm run dev`).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { serveStatic } from '../tools/staticSite';

const chromiumPath = process.env.EDGO_CHROMIUM ?? '/usr/bin/chromium';

export interface Shot {
  readonly title: string;
  /** The page's visible text. */
  readonly text: string;
  readonly bytes: number;
}

export async function screenshotPage(dist: string, page: string, png: string): Promise<Shot> {
  const site = await serveStatic(dist);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    const tab = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await tab.goto(`${site.origin}${page}`, { waitUntil: 'networkidle', timeout: 60_000 });
    fs.mkdirSync(path.dirname(png), { recursive: true });
    await tab.screenshot({ path: png });
    return { title: await tab.title(), text: await tab.innerText('body'), bytes: fs.statSync(png).size };
  } finally {
    await browser.close();
    site.close();
  }
}
