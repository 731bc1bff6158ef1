/**
 * Loads the preview panel's real page (same HTML and CSP as in VS Code) and the
 * freshly bundled webview script in a real Chromium, with `acquireVsCodeApi`
 * stubbed: messages from the page are collected, messages to it are posted.
 */
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { HostToWebview, RenderedMessage, WebviewToHost } from '../../src/core/mermaid/previewProtocol';
import { previewPageHtml } from '../../src/extension/mermaid/previewPage';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const chromiumPath = process.env.EDGO_CHROMIUM ?? '/usr/bin/chromium';

export interface Harness {
  readonly page: Page;
  readonly messages: WebviewToHost[];
  readonly cspViolations: string[];
  readonly pageErrors: string[];
  /** Requests for anything but the page, its script and stylesheet (filled in by close()). */
  readonly requests: string[];
  post(message: HostToWebview): Promise<void>;
  /** Resolves with the next `rendered` message for `version`. */
  rendered(version: number): Promise<RenderedMessage>;
  next<T extends WebviewToHost['type']>(type: T, predicate?: (m: Extract<WebviewToHost, { type: T }>) => boolean): Promise<Extract<WebviewToHost, { type: T }>>;
  close(): Promise<void>;
}

let bundlePromise: Promise<string> | undefined;

/** Bundles src/webview/main.ts once per process, as esbuild.mjs does. */
export function bundleWebview(): Promise<string> {
  bundlePromise ??= (async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'edgo-webview-'));
    const outfile = path.join(dir, 'webview.js');
    await esbuild.build({ entryPoints: [path.join(repoRoot, 'src/webview/main.ts')], bundle: true, platform: 'browser', format: 'iife', target: 'es2022', outfile, logLevel: 'silent', minify: process.env.EDGO_WEBVIEW_DEBUG === undefined });
    return outfile;
  })();
  return bundlePromise;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export async function openPreviewPage(browser: Browser, bodyClass = 'vscode-light'): Promise<Harness> {
  const script = await bundleWebview();
  const css = fs.readFileSync(path.join(repoRoot, 'media', 'mermaid-preview.css'));
  const server = http.createServer((req, res) => {
    if (req.url === '/webview.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(fs.readFileSync(script));
    } else if (req.url === '/style.css') {
      res.writeHead(200, { 'content-type': 'text/css' });
      res.end(css);
    } else if (req.url === '/') {
      res.writeHead(200, { 'content-type': 'text/html' });
      // As in VS Code, the panel's own files come from another origin than the page (cspSource).
      const resources = `http://localhost:${port}`;
      const html = previewPageHtml({ cspSource: resources, scriptUri: `${resources}/webview.js`, styleUri: `${resources}/style.css`, nonce: 'dGVzdC1ub25jZQ==' });
      res.end(html.replace('<body>', `<body class="${bodyClass}">`));
    } else {
      // Anything else (an <img src=x>, a tracker) is a request the page must not make.
      requestsElsewhere.push(req.url ?? '');
      res.writeHead(404);
      res.end();
    }
  });
  const requestsElsewhere: string[] = [];
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;

  const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
  const messages: WebviewToHost[] = [];
  const cspViolations: string[] = [];
  const pageErrors: string[] = [];
  const requests: string[] = [];
  const waiters: Array<{ test(m: WebviewToHost): boolean; resolve(m: WebviewToHost): void }> = [];
  await page.exposeFunction('__edgoToHost', (m: WebviewToHost) => {
    messages.push(m);
    for (const w of [...waiters]) {
      if (w.test(m)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(m);
      }
    }
  });
  await page.exposeFunction('__edgoCsp', (v: string) => cspViolations.push(v));
  // A string, not a function: tsx would wrap a function's inner closures in helpers the page lacks.
  await page.addInitScript(`
    window.acquireVsCodeApi = () => ({
      postMessage: (m) => window.__edgoToHost(m),
      setState: () => undefined,
      getState: () => undefined,
    });
    document.addEventListener('securitypolicyviolation', (e) => window.__edgoCsp(e.violatedDirective + ' ' + e.blockedURI + (e.violatedDirective === 'script-src-attr' ? ' ' + String(e.target && e.target.outerHTML).slice(0, 160) + ' ' + e.sourceFile + ':' + e.lineNumber : '')));
  `);
  page.on('pageerror', (e) => pageErrors.push(e.message));
  const next = <T extends WebviewToHost['type']>(type: T, predicate?: (m: Extract<WebviewToHost, { type: T }>) => boolean) =>
    new Promise<Extract<WebviewToHost, { type: T }>>((resolve) => {
      const test = (m: WebviewToHost): boolean => m.type === type && (!predicate || predicate(m as Extract<WebviewToHost, { type: T }>));
      const seen = messages.find(test);
      if (seen) resolve(seen as Extract<WebviewToHost, { type: T }>);
      else waiters.push({ test, resolve: (m) => resolve(m as Extract<WebviewToHost, { type: T }>) });
    });
  const ready = next('ready');
  await page.goto(`http://127.0.0.1:${port}/`);
  await Promise.race([ready, new Promise((_, reject) => setTimeout(() => reject(new Error(`the page never said ready: ${pageErrors.join('; ')}`)), 20_000))]);
  return {
    page,
    messages,
    cspViolations,
    pageErrors,
    requests,
    post: async (message) => {
      await page.evaluate((m) => window.postMessage(m, '*'), message as unknown as Record<string, unknown>);
    },
    rendered: (version) => next('rendered', (m) => m.version === version),
    next,
    close: async () => {
      await page.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      requests.push(...requestsElsewhere);
    },
  };
}

/** An update message for diagram texts, as the panel host would send it. */
export function update(version: number, texts: string[], contentLines?: number[]): HostToWebview {
  return {
    type: 'update',
    uri: 'file:///work/test.md',
    fileName: 'test.md',
    version,
    locked: false,
    blocks: texts.map((text, index) => ({ index, kind: 'backtick', contentLine: contentLines?.[index] ?? index * 10, text, removedIndent: text.split('\n').map(() => 0) })),
  };
}
