/**
 * Drives the VS Code workbench in headless Chromium (Debian's /usr/bin/chromium via playwright-core).
 * Every wait polls for what a person would see, with a timeout; a failed expectation throws an error
 * that says what was expected, what the page showed, and where its screenshot is.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { artifactsDir, keys } from './codeServer.js';

export const chromiumPath = process.env.PLANLINT_CHROMIUM ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--lang=zh-CN',
];

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'planlint-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    viewport: { width: 1440, height: 960 },
    locale: 'zh-CN',
    timeout: 60_000,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export function screenshotPath(name: string): string {
  mkdirSync(artifactsDir, { recursive: true });
  return join(artifactsDir, `${name}.png`);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const p = screenshotPath(name);
  await page.screenshot({ path: p });
  return p;
}

export class SeenError extends Error {}

/**
 * Polls `probe` until it reports ok (or the timeout passes). On timeout: screenshot
 * `<scenario>-FAILED.png` and throw with the expectation, the last thing seen and the screenshot path.
 */
export async function waitToSee<T>(
  page: Page,
  scenario: string,
  expected: string,
  probe: () => Promise<{ ok: boolean; seen: string; value?: T }>,
  timeoutMs = 20_000,
): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  let last: string;
  for (;;) {
    try {
      const r = await probe();
      last = r.seen;
      if (r.ok) return r.value;
    } catch (e) {
      last = `(probe failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)})`;
    }
    if (Date.now() > deadline) break;
    await page.waitForTimeout(150); // poll interval, not a wait for the UI
  }
  const shot = await screenshot(page, `${scenario}-FAILED`).catch((e: unknown) => `(no screenshot: ${String(e)})`);
  throw new SeenError(`[${scenario}] expected: ${expected}\n  the page showed: ${last}\n  screenshot: ${shot}`);
}

/** Visible text of all elements matching the locator (trimmed, empty ones dropped). */
export async function texts(loc: Locator): Promise<string[]> {
  const all = await loc.allInnerTexts();
  return all.map((t) => t.replace(/\s+/g, ' ').trim()).filter((t) => t !== '');
}

export async function attrs(loc: Locator, name: string): Promise<string[]> {
  const n = await loc.count();
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push((await loc.nth(i).getAttribute(name)) ?? '');
  return out;
}

export async function openWorkbench(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  await waitToSee(
    page,
    'startup',
    'the VS Code workbench with the seeds folder in the Explorer',
    async () => {
      const wb = await page.locator('.monaco-workbench').count();
      const rows = await texts(page.locator('.explorer-folders-view .monaco-list-row'));
      return { ok: wb > 0 && rows.some((r) => r.includes('001_')), seen: `workbench=${wb}; explorer rows: ${rows.join(' | ') || '(none)'}` };
    },
    60_000,
  );
}

export async function press(page: Page, chord: string): Promise<void> {
  await page.keyboard.press(
    chord
      .split('+')
      .map((k) => (k === 'ctrl' ? 'Control' : k === 'alt' ? 'Alt' : k === 'shift' ? 'Shift' : k.length === 1 ? k.toUpperCase() : k))
      .join('+'),
  );
}

/** The editor tab that is active, by its label. */
export async function activeTabLabel(page: Page): Promise<string> {
  const t = await texts(page.locator('.tabs-container .tab.active .label-name'));
  return t[0] ?? '';
}

/** Opens the quick input with `chord` (retrying while the workbench is still starting) and types `value`. */
async function quickInput(page: Page, scenario: string, chord: string, value: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  await waitToSee(page, scenario, `the quick input (${chord})`, async () => {
    if (!(await input.isVisible())) await press(page, chord);
    return { ok: await input.isVisible(), seen: 'no quick input visible' };
  });
  await input.fill(value);
}

/** Opens a workspace file with Quick Open (type its name, Enter) and waits until its editor is active. */
export async function openFile(page: Page, scenario: string, name: string): Promise<void> {
  await focusEditorArea(page);
  await quickInput(page, scenario, keys.quickOpen, name);
  // the list first shows recently opened files; wait until the highlighted row is the one we typed
  await waitToSee(page, scenario, `Quick Open highlights ${name}`, async () => {
    const focused = await texts(page.locator('.quick-input-widget .monaco-list-row.focused'));
    const rows = await texts(page.locator('.quick-input-widget .monaco-list-row'));
    return {
      ok: focused.some((r) => r.includes(name)),
      seen: `Quick Open rows: ${rows.join(' | ') || '(none)'}; highlighted: ${focused.join(' | ') || '(none)'}`,
    };
  });
  await page.keyboard.press('Enter');
  await waitToSee(page, scenario, `an active editor tab "${name}"`, async () => {
    const label = await activeTabLabel(page);
    const editor = await page.locator('.editor-instance .monaco-editor .view-lines').count();
    return { ok: label === name && editor > 0, seen: `active tab: "${label}", editors: ${editor}` };
  });
}

/** Clicks into the active text editor so that editor keybindings apply. */
export async function focusEditorArea(page: Page): Promise<void> {
  const ed = page.locator('.editor-instance .monaco-editor textarea.inputarea, .editor-instance .monaco-editor .native-edit-context').first();
  if (await ed.count()) await ed.focus();
}

/** Moves the cursor with Go to Line ("line:column", 1-based) and waits for the status bar to show it. */
export async function gotoLine(page: Page, scenario: string, line: number, column = 1): Promise<void> {
  await focusEditorArea(page);
  // the Go to Line picker is Quick Open with the ":" prefix
  await quickInput(page, scenario, keys.gotoLine, `:${line}:${column}`);
  await waitToSee(page, scenario, `Go to Line offers line ${line}, character ${column}`, async () => {
    const t = await texts(page.locator('.quick-input-widget .monaco-list-row'));
    return { ok: t.some((x) => x.includes(`line ${line}`)), seen: t.join(' | ') || '(no rows)' };
  });
  await page.keyboard.press('Enter');
  await waitToSee(page, scenario, `the cursor at Ln ${line}, Col ${column}`, async () => {
    const s = await cursorPosition(page);
    return { ok: s.line === line && s.column === column, seen: `status bar: ${s.text}` };
  });
}

/** Cursor position as the status bar shows it ("Ln 27, Col 1"). */
export async function cursorPosition(page: Page): Promise<{ line: number; column: number; text: string }> {
  const t = (await texts(page.locator('#status\\.editor\\.selection'))).join(' ');
  const m = /Ln (\d+), Col (\d+)/.exec(t);
  return { line: m ? Number(m[1]) : -1, column: m ? Number(m[2]) : -1, text: t || '(no cursor item)' };
}
