/**
 * One code-server and one browser for a describe block of scenarios: started before them, a clean
 * screen before each, stopped after them. `ready` receives them once the workbench is open.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, it } from 'vitest';
import { keys, startCodeServer, type CodeServer, type StartOptions } from './codeServer.js';
import { launchBrowser, openWorkbench, press, screenshot, SeenError, waitToSee, type Browser } from './workbench.js';

/** Closes editors and panels so every scenario starts from the same screen. */
export async function resetLayout(p: Page): Promise<void> {
  await p.keyboard.press('Escape');
  // a scenario that failed half-way may leave an edited document; save it (the workspace is a
  // temporary copy) so that closing it does not stop at the "save changes?" dialog
  await press(p, keys.saveAll);
  await press(p, keys.closeAll);
  await waitToSee(p, 'reset', 'no open editors', async () => {
    const tabs = await p.locator('.tabs-container .tab').count();
    return { ok: tabs === 0, seen: `${tabs} tabs open` };
  });
  await press(p, keys.closePanel);
}

/** The Problems panel, filtered to `text` (a rule id; '' clears the filter). */
export async function problemsFiltered(p: Page, text: string): Promise<void> {
  await press(p, keys.problems);
  const filter = p.locator('.part.panel .viewpane-filter input').first();
  await filter.waitFor({ state: 'visible', timeout: 10_000 });
  // the panel may still be rendering when it first shows its input: fill until the value holds
  await waitToSee(p, 'filter', `the Problems filter set to "${text}"`, async () => {
    await filter.fill(text);
    const value = await filter.inputValue();
    return { ok: value === text, seen: `filter value "${value}"` };
  });
}

/** A scenario of the block: `it`, whose failure (not only a timed-out wait) names the screenshot of what the page showed. */
export type Scenario = (title: string, name: string, fn: () => Promise<void>) => void;

/**
 * Registers the block's hooks: code-server with `options`, Chromium on its workbench, a reset
 * before each scenario. Returns the block's `scenario`.
 */
export function useWorkbench(options: StartOptions, ready: (server: CodeServer, page: Page) => void): Scenario {
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startCodeServer(options);
    browser = await launchBrowser();
    try {
      await openWorkbench(browser.page, server.url);
    } catch (e) {
      throw new Error(`${(e as Error).message}\n--- code-server output ---\n${server.output.join('').slice(-4000)}`, { cause: e });
    }
    ready(server, browser.page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  beforeEach(async () => {
    if (browser) await resetLayout(browser.page);
  });

  return (title, name, fn) =>
    it(title, async () => {
      try {
        await fn();
      } catch (e) {
        if (e instanceof SeenError || !(e instanceof Error) || !browser) throw e;
        const shot = await screenshot(browser.page, `${name}-FAILED`).catch((err: unknown) => `(no screenshot: ${String(err)})`);
        e.message = `[${name}] ${e.message}\n  screenshot: ${shot}`;
        throw e;
      }
    });
}
