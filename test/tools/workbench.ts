// Drives the VS Code workbench served by code-server in Debian's Chromium with
// playwright-core: open it, run a command from the palette, take screenshots.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { repoRoot } from './codeServer';

export const chromiumPath = process.env.EDGO_CHROMIUM ?? '/usr/bin/chromium';
export const screenshotDir = path.join(repoRoot, 'test-results', 'screenshots');

/** Flags that keep Chromium quiet on a machine without internet, as root, without a GPU. */
export const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'];

export interface Workbench {
  readonly page: Page;
  readonly context: BrowserContext;
  /** Console errors of the page, offline gallery noise filtered out. */
  readonly consoleErrors: string[];
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Called in the page before the workbench loads (e.g. `codeAutomationExit`). */
  exposeFunctions?: Record<string, (...args: never[]) => unknown>;
  /** Wait until the workbench shell is there (default true). */
  waitForShell?: boolean;
}

/** Opens `url` in a fresh Chromium profile sized so walkthrough media stay visible. */
export async function openWorkbench(url: string, opts: OpenOptions = {}): Promise<Workbench> {
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}: install Debian's package (apt-get install chromium) or set EDGO_CHROMIUM.`);
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'edgo-chromium-'));
  // Webviews are iframes on another origin; a fresh profile blocks their cookies and they stay blank.
  fs.mkdirSync(path.join(profile, 'Default'), { recursive: true });
  fs.writeFileSync(path.join(profile, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 0, block_third_party_cookies: false } }));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    viewport: { width: 1920, height: 1080 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const consoleErrors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const text = msg.text();
    if (/gallery|marketplace|ERR_NAME_NOT_RESOLVED|ERR_INTERNET_DISCONNECTED|net::ERR/i.test(text)) return;
    consoleErrors.push(text);
  });
  for (const [name, fn] of Object.entries(opts.exposeFunctions ?? {})) {
    await page.exposeFunction(name, fn);
  }
  await page.goto(url);
  if (opts.waitForShell !== false) await page.waitForSelector('.monaco-workbench .part.editor', { timeout: 120_000 });
  return {
    page,
    context,
    consoleErrors,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}

/**
 * Opens the command palette, types the command's title, waits for its row, runs it.
 * The palette lists an extension's commands only once the extension host has
 * scanned it, and a notification or a view taking focus can close it under our
 * hands: while the row is not there, the palette is closed and asked again.
 */
export async function runCommand(page: Page, title: string, timeoutMs = 90_000): Promise<void> {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await page.keyboard.press('Control+Shift+P');
      await input.waitFor({ state: 'visible', timeout: 5000 });
      await input.fill(`>${title}`, { timeout: 5000 });
      await row.waitFor({ state: 'visible', timeout: 3000 });
      await page.keyboard.press('Enter');
      await input.waitFor({ state: 'hidden', timeout: 5000 });
      return;
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`could not run '${title}' from the command palette`, { cause: err });
      await page.keyboard.press('Escape');
      await input.waitFor({ state: 'hidden', timeout: 2000 }).catch(() => undefined);
    }
  }
}

/** Resolves once no CSS transition or animation runs (slides of the walkthrough page move in). */
export async function settle(bench: Workbench): Promise<void> {
  await bench.page.waitForFunction(() => document.getAnimations().filter((a) => a.playState === 'running').length === 0, undefined, {
    timeout: 30_000,
  });
}

/** Saves a full-page screenshot under test-results/screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
