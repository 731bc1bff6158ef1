// A command that asks at once (an input box or a quick pick in the same widget):
// `runCommand`'s wait for the palette to close does not apply, so this waits for the question.
import type { Page } from 'playwright-core';

export async function runCommandThatAsks(page: Page, title: string, question: string): Promise<void> {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  for (let attempt = 0; ; attempt++) {
    try {
      await page.keyboard.press('Control+Shift+P');
      await input.waitFor({ state: 'visible', timeout: 5000 });
      await input.fill(`>${title}`, { timeout: 5000 });
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor({ state: 'visible', timeout: 5000 });
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-widget', { hasText: question }).waitFor({ state: 'visible', timeout: 10_000 });
      return;
    } catch (err) {
      if (attempt >= 8) throw new Error(`could not run '${title}'`, { cause: err });
      await page.keyboard.press('Escape');
    }
  }
}
