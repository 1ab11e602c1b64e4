/**
 * planlint as a new user meets it (issue 17), in a real VS Code (code-server in headless Chromium):
 * a workspace WITHOUT any planlint setting (no `planlint.include`, language `auto`), where plans are
 * named the way offices name them. Each scenario asserts what a person sees and saves a screenshot
 * under artifacts/e2e/:
 *  - a plan named 2027年全县卫生健康工作要点.txt, and a draft named 初稿.txt whose title line names a
 *    plan, are checked without any configuration (language mode 规划文稿 Plan, diagnostics);
 *  - the rule link of a diagnostic in the Problems panel opens the rendered rule documentation at
 *    that rule's own section;
 *  - with `planlint.language: zh`, every message in the Problems panel is Chinese only, with the rule id.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { keys, type CodeServer } from './harness/codeServer.js';
import { problemsFiltered, useWorkbench } from './harness/suite.js';
import { halfWidthLevel2Lines, hasChinese, seedText } from './harness/expected.js';
import { attrs, openFile, press, screenshot, texts, waitToSee } from './harness/workbench.js';

/** Named as offices name plans: no `.plan.` in the name, no front matter, no planlint setting. */
const NAMED = '2027年全县卫生健康工作要点.txt';
/** A neutral file name; the first line of the text is a plan's title. */
const TITLED = '初稿.txt';
const TITLE = '2027年全县卫生健康工作要点';

const namedText = seedText('001');
const titledText = `${TITLE}\n\n${seedText('001')}`;

let server: CodeServer | undefined;
let page: Page;

interface Row {
  line: number;
  text: string;
}

/** The problem rows shown (one per diagnostic: "message  planlint(rule) [Ln l, Col c]"). */
async function problemRows(p: Page): Promise<Row[]> {
  const t = await texts(p.locator('.markers-panel .monaco-list-row'));
  return t.flatMap((text) => {
    const m = /\[Ln (\d+), Col \d+\]/.exec(text);
    return m ? [{ line: Number(m[1]), text }] : [];
  });
}

/** Waits until the panel shows exactly one numbering/style row on each expected (1-based) line. */
async function numberingRows(p: Page, name: string, lines: number[], accept: (rows: Row[]) => boolean = () => true): Promise<Row[]> {
  const rows = await waitToSee(
    p,
    name,
    `one numbering/style problem on each of lines ${lines.join(', ')}`,
    async () => {
      const all = await problemRows(p);
      const found = all.filter((r) => r.text.includes('numbering/style'));
      // other rules' rows (a date/format finding of the same draft) do not count: the panel's filter
      // narrows the view when it takes, but a run where it has not taken yet is no failure
      const ok = JSON.stringify(found.map((r) => r.line)) === JSON.stringify(lines) && accept(found);
      return { ok, seen: all.map((r) => r.text.slice(0, 100)).join('\n    ') || '(no rows)', value: found };
    },
    30_000,
  );
  return rows!;
}

/** The language mode VS Code's status bar shows for the active editor. */
async function languageMode(p: Page): Promise<string> {
  return (await texts(p.locator('#status\\.editor\\.mode'))).join(' ');
}

describe('adoption: planlint in VS Code without configuration (code-server in headless Chromium)', () => {
  // no workspace setting at all: what a new user has
  const scenario = useWorkbench({ workspaceSettings: {}, files: { [NAMED]: namedText, [TITLED]: titledText } }, (s, p) => {
    server = s;
    page = p;
  });

  /** English messages seen under `auto` in this English UI, by line (compared with the zh ones below). */
  const englishByLine = new Map<number, string>();

  scenario(`a plan named ${NAMED} is checked without configuration`, 'plain-name', async () => {
    const expected = halfWidthLevel2Lines(namedText).map((e) => e.line + 1);
    expect(expected.length).toBeGreaterThan(0);
    await openFile(page, 'plain-name', NAMED);
    await waitToSee(page, 'plain-name', 'the language mode 规划文稿 Plan in the status bar', async () => {
      const mode = await languageMode(page);
      return { ok: mode.includes('Plan'), seen: `language mode: "${mode}"` };
    });
    await problemsFiltered(page, 'numbering/style');
    await press(page, keys.maximizePanel);
    const rows = await numberingRows(page, 'plain-name', expected);
    for (const r of rows) {
      expect(r.text).toMatch(/planlint\s*\(?numbering\/style\)?/);
      // `auto` follows the UI language, English in this code-server: the message is English only
      expect(r.text).toMatch(/[A-Za-z]{3,} [A-Za-z]{2,}/);
      englishByLine.set(r.line, messageOf(r.text));
    }
    await screenshot(page, '11-adopt-plain-name');
    await press(page, keys.maximizePanel);
  });

  scenario(`a draft named ${TITLED} whose title line names a plan is checked and becomes a plan document`, 'plain-title', async () => {
    const expected = halfWidthLevel2Lines(titledText).map((e) => e.line + 1);
    await openFile(page, 'plain-title', TITLED);
    // the server recognises the title; the extension switches the document to the plan language
    await waitToSee(
      page,
      'plain-title',
      'the language mode switches from Plain Text to 规划文稿 Plan',
      async () => {
        const mode = await languageMode(page);
        return { ok: mode.includes('Plan'), seen: `language mode: "${mode}"` };
      },
      30_000,
    );
    await problemsFiltered(page, 'numbering/style');
    await press(page, keys.maximizePanel);
    await numberingRows(page, 'plain-title', expected);
    await press(page, keys.maximizePanel);
    await screenshot(page, '12-adopt-plain-title');
  });

  scenario('the rule link of a problem opens the rendered rule documentation at that rule', 'rule-doc', async () => {
    await openFile(page, 'rule-doc', NAMED);
    await problemsFiltered(page, 'numbering/style');
    const link = page.locator('.markers-panel .monaco-list-row a', { hasText: 'numbering/style' }).first();
    await waitToSee(page, 'rule-doc', 'the rule id numbering/style as a link in a problem row', async () => {
      const n = await link.count();
      return { ok: n > 0 && (await link.isVisible()), seen: `${n} links; rows: ${(await problemRows(page)).map((r) => r.text.slice(0, 60)).join(' | ')}` };
    });
    await link.click();
    const frame = await waitToSee<Frame>(
      page,
      'rule-doc',
      'a Markdown preview of docs/rules.md with the heading "numbering/style" in view',
      async () => {
        const seen: string[] = [];
        for (const f of page.frames()) {
          try {
            const head = f.locator('h2', { hasText: /^numbering\/style$/ });
            if ((await head.count()) === 0) continue;
            const box = await head.first().evaluate((el) => {
              const r = el.getBoundingClientRect();
              return { top: r.top, bottom: r.bottom, height: window.innerHeight };
            });
            seen.push(`heading at ${box.top.toFixed(1)}..${box.bottom.toFixed(1)} of ${box.height}`);
            // in view: the preview scrolls the heading to the top edge, at a sub-pixel offset (top −0.4 reads as 0)
            if (box.top > -2 && box.bottom <= box.height) return { ok: true, seen: seen.join('; '), value: f };
          } catch {
            /* frame went away */
          }
        }
        const tabs = await texts(page.locator('.tabs-container .tab .label-name'));
        return { ok: false, seen: `${seen.join('; ') || 'no frame with the heading'}; tabs: ${tabs.join(' | ')}; frames: ${page.frames().length}` };
      },
      30_000,
    );
    // the section shown is the rule's own: its text names the standard the rule cites
    const section = await frame!
      .locator('h2', { hasText: /^numbering\/style$/ })
      .first()
      .evaluate((el) => {
        let t = '';
        for (let n = el.nextElementSibling; n && n.tagName !== 'H2'; n = n.nextElementSibling) t += `${n.textContent ?? ''}\n`;
        return t;
      });
    expect(section).toContain('GB/T 9704-2012');
    expect(hasChinese(section)).toBe(true);
    const tabs = await texts(page.locator('.tabs-container .tab.active .label-name'));
    expect(tabs.join(' ')).toMatch(/rules\.md/);
    await screenshot(page, '13-adopt-rule-doc');
  });

  scenario('with planlint.language zh every message in the Problems panel is Chinese, with the rule id', 'problems-zh', async () => {
    expect(englishByLine.size).toBeGreaterThan(0);
    writeFileSync(join(server!.workspace, '.vscode', 'settings.json'), `${JSON.stringify({ 'planlint.language': 'zh' }, null, 2)}\n`);
    await openFile(page, 'problems-zh', NAMED);
    await problemsFiltered(page, '');
    await press(page, keys.maximizePanel);
    const shown = await waitToSee(
      page,
      'problems-zh',
      'every problem row in Chinese only: Chinese text, the rule id, none of the English messages shown before',
      async () => {
        const rows = await problemRows(page);
        const bad = rows.filter((r) => !chineseOnly(r.text) || englishByLine.get(r.line) === messageOf(r.text));
        // every line seen in English before has its row again (the panel may still be filling)
        const again = rows.filter((r) => englishByLine.has(r.line)).length;
        const ok = again >= englishByLine.size && bad.length === 0;
        return {
          ok,
          seen: `${rows.length} rows (${again} of the ${englishByLine.size} lines seen in English); not Chinese only: ${bad.map((r) => r.text.slice(0, 100)).join('\n    ') || '(none)'}`,
          value: rows,
        };
      },
      30_000,
    );
    for (const r of shown!) {
      expect(r.text, r.text).toMatch(/planlint\s*\(?[a-z-]+\/[a-z-]+\)?/);
      const before = englishByLine.get(r.line);
      if (before) expect(r.text).not.toContain(before);
    }
    // the rows of the lines seen in English before are all there, now in Chinese
    expect(shown!.filter((r) => englishByLine.has(r.line)).length).toBeGreaterThanOrEqual(englishByLine.size);
    const labels = await attrs(page.locator('.markers-panel .monaco-list-row'), 'aria-label');
    expect(labels.some((l) => hasChinese(l))).toBe(true);
    await screenshot(page, '14-adopt-problems-zh');
    await press(page, keys.maximizePanel);
  });
});

/** The message part of a problem row (before "planlint(rule)" and the position). */
function messageOf(row: string): string {
  return row.replace(/\s*planlint\s*\(?[a-z-]+\/[a-z-]+\)?.*$/s, '').trim();
}

/**
 * Chinese only: the message has Chinese text and no English sentence (three or more English words
 * in a row, or one of the English function words planlint's English messages are made of), once
 * standard names (GB/T 9704-2012) and the rule id are left out.
 */
function chineseOnly(row: string): boolean {
  const msg = messageOf(row).replace(/GB\/T\s*[0-9.-]+/g, '');
  if (!hasChinese(msg)) return false;
  if (/[A-Za-z]+\s+[A-Za-z]+\s+[A-Za-z]+/.test(msg)) return false;
  return !/\b(?:the|should|is|are|not|of|with|be|must|use|missing)\b/i.test(msg);
}
