// A built EventCatalog site served from its `dist/` folder by a tiny static file
// server on 127.0.0.1, one page opened in Debian's Chromium and saved as a PNG:
// what a learner sees after `npm run build` (or `npm run dev`).
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { chromium } from 'playwright-core';

const chromiumPath = process.env.EDGO_CHROMIUM ?? '/usr/bin/chromium';
const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain',
};

/** Serves `root` (index.html for folders, 404 otherwise, nothing outside root). */
function serve(root: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = path.join(root, path.normalize(url).replace(/^(\.\.[/\\])+/, ''));
    if (!file.startsWith(root)) file = root;
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

export interface Shot {
  readonly title: string;
  /** The page's visible text. */
  readonly text: string;
  readonly bytes: number;
}

export async function screenshotPage(dist: string, page: string, png: string): Promise<Shot> {
  const server = await serve(path.resolve(dist));
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    const tab = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await tab.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}${page}`, { waitUntil: 'networkidle', timeout: 60_000 });
    fs.mkdirSync(path.dirname(png), { recursive: true });
    await tab.screenshot({ path: png });
    return { title: await tab.title(), text: await tab.innerText('body'), bytes: fs.statSync(png).size };
  } finally {
    await browser.close();
    server.close();
  }
}
