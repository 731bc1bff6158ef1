// A command that asks at once (an input box or a quick pick in the same widget):
// `runCommand`'s wait for the palette to close does not apply, so this waits for the question.
import type { Page } from 'playwright-core';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export async function runCommandThatAsks(page: Page, title: string, question: string): Promise<void> {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  // The question is the quick input's title, matched case-sensitively: the palette's row
  // 'Publish a Sample Event' must not pass for the question 'Publish a sample event'.
  const asked = page.locator('.quick-input-widget .quick-input-title', { hasText: new RegExp(escapeRegExp(question)) });
  for (let attempt = 0; ; attempt++) {
    try {
      await page.keyboard.press('Control+Shift+P');
      await input.waitFor({ state: 'visible', timeout: 5000 });
      await input.fill(`>${title}`, { timeout: 5000 });
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor({ state: 'visible', timeout: 5000 });
    } catch (err) {
      if (attempt >= 8) throw new Error(`could not find '${title}' in the command palette`, { cause: err });
      await page.keyboard.press('Escape');
      continue;
    }
    // Once the command runs it is never run again: a second run would race the first one's question.
    await page.keyboard.press('Enter');
    await asked.waitFor({ state: 'visible', timeout: 30_000 }).catch((err: unknown) => {
      throw new Error(`'${title}' did not ask '${question}'`, { cause: err });
    });
    return;
  }
}
