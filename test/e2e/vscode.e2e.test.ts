/**
 * planlint in a real VS Code: code-server 4.100.3 (VS Code 1.100.3) driven in headless Chromium.
 * The packaged extension (.vsix from `npm run package`) is installed with --install-extension into a
 * fresh profile; the workspace is a temporary copy of the seeds. Each scenario asserts what a person
 * sees and saves a screenshot under artifacts/e2e/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Locator, Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { keys, type CodeServer } from './harness/codeServer.js';
import { problemsFiltered, useWorkbench } from './harness/suite.js';
import { halfWidthLevel2Lines, hasChinese, henanThemes, itemsBySection, level1Headings, lines, seedName, seedText } from './harness/expected.js';
import { activeTabLabel, attrs, cursorPosition, gotoLine, openFile, press, screenshot, texts, waitToSee } from './harness/workbench.js';

const workspaceSettings = {
  // the seeds are plain .txt files without front matter: name them as plans
  'planlint.include': ['**/*.txt'],
  // the Henan 2021 provincial tasks, for the alignment view and report
  'planlint.requirements': ['henan-2021'],
  // Chinese messages only. The extension's default `auto` follows VS Code's display language,
  // which is English in this code-server (no Chinese language pack is installed offline)
  'planlint.language': 'zh',
};

let server: CodeServer | undefined;
let page: Page;

const themeStatuses = ['已覆盖 covered', '部分覆盖 partial', '未覆盖 missing'];

function workspaceText(name: string): string {
  return readFileSync(join(server!.workspace, name), 'utf8');
}

/** Text of the lines the active editor shows (rendered lines only). */
async function viewLineTexts(p: Page): Promise<string[]> {
  return texts(p.locator('.editor-instance .monaco-editor .view-lines .view-line'));
}

/** Expands or collapses the Explorer's folder section (its header carries aria-expanded). */
async function setFoldersPane(p: Page, expanded: boolean): Promise<void> {
  const header = p.locator('.explorer-viewlet .pane-header', { hasText: 'WORKSPACE' }).first();
  if ((await header.count()) === 0) return;
  if (((await header.getAttribute('aria-expanded')) === 'true') !== expanded) await header.click();
}

interface Counts {
  total: number;
  errors: number;
  warnings: number;
}

/**
 * Waits until planlint's status item, VS Code's own problem counter (status bar), the Problems
 * badge and the file's row in the Problems panel all show the same numbers, and `accept` agrees.
 * The Problems panel must be open.
 */
async function problemCounts(p: Page, scenario: string, file: string, accept: (c: Counts) => boolean, what = ''): Promise<Counts> {
  const rows = p.locator('.markers-panel .monaco-list-row');
  const c = await waitToSee(
    p,
    scenario,
    `the planlint status item, the status-bar problem counter and the Problems badge show the same numbers${what}`,
    async () => {
      const plAria = (await attrs(p.locator('.statusbar-item[id$="planlint.status"]'), 'aria-label')).join(' ');
      const pl = /Problems: (\d+)（错误 errors (\d+)，警告 warnings (\d+)，提示 other (\d+)）/.exec(plAria);
      const vsAria = (await attrs(p.locator('#status\\.problems'), 'aria-label')).join(' ');
      const vsErrors = Number(/Errors: (\d+)/.exec(vsAria)?.[1] ?? 0);
      const vsWarnings = Number(/Warnings: (\d+)/.exec(vsAria)?.[1] ?? 0);
      const badge = (await texts(p.locator('.part.panel .composite-bar .action-item', { hasText: 'PROBLEMS' }).locator('.badge-content'))).join('');
      const fileRow = (await texts(rows.filter({ hasText: file }))).join(' ');
      const fileCount = Number(/(\d+)\s*$/.exec(fileRow)?.[1] ?? -1);
      const seen = `planlint item: "${plAria}"; VS Code counter: "${vsAria}"; Problems badge: "${badge}"; file row: "${fileRow}"`;
      if (!pl) return { ok: false, seen };
      const counts = { total: Number(pl[1]), errors: Number(pl[2]), warnings: Number(pl[3]) };
      const ok = counts.total === fileCount && counts.total === Number(badge) && counts.errors === vsErrors && counts.warnings === vsWarnings && accept(counts);
      return { ok, seen, value: counts };
    },
  );
  return c!;
}

describe('planlint in VS Code (code-server in headless Chromium)', () => {
  const scenario = useWorkbench({ workspaceSettings }, (s, p) => {
    server = s;
    page = p;
  });

  scenario('smoke: a plan opens in the editor and the planlint status item appears', 'smoke', async () => {
    const name = seedName('003');
    await openFile(page, 'smoke', name);
    const first = lines(seedText('003'))
      .find((l) => l.trim() !== '')!
      .trim();
    await waitToSee(page, 'smoke', `the editor shows the plan's first line "${first.slice(0, 20)}…"`, async () => {
      const shown = await viewLineTexts(page);
      return { ok: shown.some((l) => l.includes(first.slice(0, 10))), seen: shown.slice(0, 5).join(' / ') };
    });
    await waitToSee(
      page,
      'smoke',
      'a planlint item in the status bar',
      async () => {
        const t = await texts(page.locator('.statusbar-item[id$="planlint.status"]'));
        return { ok: t.some((x) => x.startsWith('planlint')), seen: `status items: ${(await texts(page.locator('.statusbar-item'))).join(' | ')}` };
      },
      30_000,
    );
    await screenshot(page, '01-smoke-003');
  });

  scenario('seed 001: the Problems panel lists the half-width (一) findings in Chinese; the status bar count matches', 'problems', async () => {
    const name = seedName('001');
    const expected = halfWidthLevel2Lines(seedText('001'));
    await openFile(page, 'problems', name);
    await problemsFiltered(page, 'numbering/style');
    await press(page, keys.maximizePanel);

    const rows = page.locator('.markers-panel .monaco-list-row');
    const shown = await waitToSee(
      page,
      'problems',
      `one numbering/style problem on each of lines ${expected.map((e) => e.line + 1).join(', ')}`,
      async () => {
        const t = await texts(rows);
        const found = t
          .map((r) => ({ text: r, m: /\[Ln (\d+), Col (\d+)\]/.exec(r) }))
          .filter((r) => r.m && r.text.includes('numbering/style'))
          .map((r) => ({ line: Number(r.m![1]), col: Number(r.m![2]), text: r.text }));
        // other rules' rows (seed 001's date/format finding) do not count against these
        const ok = JSON.stringify(found.map((f) => f.line)) === JSON.stringify(expected.map((e) => e.line + 1));
        const panel = (await texts(page.locator('.part.panel .markers-panel-container, .part.panel .viewpane-filter .viewpane-filter-badge'))).join(' / ');
        return { ok, seen: t.length ? t.map((x) => x.slice(0, 80)).join('\n    ') : `(no rows) ${panel}`, value: found };
      },
      30_000,
    );
    for (const row of shown!) {
      const e = expected.find((x) => x.line + 1 === row.line)!;
      expect(row.col).toBe(1);
      expect(hasChinese(row.text), row.text).toBe(true);
      expect(row.text).toContain(`“${e.numeral}”`);
      expect(row.text).toMatch(/planlint\s*\(?numbering\/style\)?/); // source and rule id
    }
    await screenshot(page, '02-problems-001');

    // the counts: planlint's status item, VS Code's own problem counter and the Problems badge agree
    await problemsFiltered(page, '');
    const counts = await problemCounts(page, 'problems', name, (c) => c.total >= expected.length);
    expect(counts!.total).toBeGreaterThanOrEqual(expected.length);
    await screenshot(page, '03-problems-001-counts');
    await press(page, keys.maximizePanel);
  });

  scenario('seed 001: the quick fix from the light bulb changes that line and nothing else', 'quickfix', async () => {
    const name = seedName('001');
    const target = halfWidthLevel2Lines(seedText('001'))[0]!;
    const before = workspaceText(name);
    await openFile(page, 'quickfix', name);
    await press(page, keys.problems);
    const countsBefore = await problemCounts(page, 'quickfix', name, (c) => c.total > 0);
    await gotoLine(page, 'quickfix', target.line + 1, 2);
    const bulb = page.locator('.monaco-editor .lightBulbWidget');
    await waitToSee(page, 'quickfix', `a light bulb beside line ${target.line + 1}`, async () => {
      const n = await bulb.count();
      const visible = n > 0 && (await bulb.first().isVisible());
      return { ok: visible, seen: `${n} light bulb widgets, visible: ${visible}` };
    });
    await bulb.first().click();
    const full = `（${target.numeral.slice(1, -1)}）`;
    const actions = page.locator('.action-widget .monaco-list-row.action');
    const fixRow = await waitToSee(page, 'quickfix', `a quick fix that changes "${target.numeral}" to "${full}" (numbering/style)`, async () => {
      const t = await texts(actions);
      const i = t.findIndex((x) => x.includes(full) && x.includes('numbering/style') && !x.includes('禁用'));
      return { ok: i >= 0, seen: `actions: ${t.join(' | ') || '(none)'}`, value: i };
    });
    await screenshot(page, '04-quickfix-001-menu');
    // the menu is a keyboard list (a mouse click is blocked by its pointer guard while it settles):
    // move the highlight to the fix and press Enter, as a keyboard user would
    await waitToSee(page, 'quickfix', `the fix highlighted in the menu`, async () => {
      const focused = await attrs(page.locator('.action-widget .monaco-list-row.action.focused'), 'aria-label');
      const t = await texts(actions);
      if (focused[0] !== t[fixRow!]) await page.keyboard.press('ArrowDown');
      return { ok: focused[0] === t[fixRow!], seen: `highlighted: ${focused.join(' | ') || '(none)'}` };
    });
    await page.keyboard.press('Enter');
    await waitToSee(page, 'quickfix', `line ${target.line + 1} starts with "${full}" in the editor`, async () => {
      const shown = await viewLineTexts(page);
      return { ok: shown.some((l) => l.startsWith(full)), seen: shown.slice(0, 12).join(' / ') };
    });
    await press(page, keys.save);
    const after = await waitToSee(page, 'quickfix', `${name} saved with the fix`, async () => {
      const now = workspaceText(name);
      const dirty = await page.locator('.tabs-container .tab.active.dirty').count();
      return { ok: now !== before && dirty === 0, seen: `file changed: ${now !== before}; dirty tab: ${dirty > 0}`, value: now };
    });
    const b = lines(before);
    const a = lines(after!);
    expect(a.length).toBe(b.length);
    const changed = b.flatMap((l, i) => (l === a[i] ? [] : [i]));
    expect(changed).toEqual([target.line]);
    expect(a[target.line]).toBe(full + b[target.line]!.replace(/^\s*\([一二三四五六七八九十]+\)/, ''));
    // every other character survives, line endings included
    expect(after!.replace(a[target.line]!, b[target.line]!)).toBe(before);
    // and the problem it fixed is gone: every counter drops by exactly one
    await problemCounts(page, 'quickfix', name, (c) => c.total === countsBefore.total - 1, `, one fewer than ${countsBefore.total}`);
    await screenshot(page, '05-quickfix-001-after');
  });

  scenario('seed 000: the Outline shows its ten sections; expanding one shows its numbered items', 'outline', async () => {
    const name = seedName('000');
    const heads = level1Headings(seedText('000'));
    const sections = itemsBySection(seedText('000'));
    await openFile(page, 'outline', name);
    await setFoldersPane(page, false);
    await press(page, keys.outline);
    const outlineRows = page.locator('.outline-pane .monaco-list-row');
    const top = page.locator('.outline-pane .monaco-list-row[aria-level="1"]');
    await waitToSee(
      page,
      'outline',
      `ten top-level sections: ${heads.map((h) => h.number).join(' ')}`,
      async () => {
        const labels = await attrs(top, 'aria-label');
        const sizes = await attrs(top, 'aria-setsize');
        const ok = labels.length === heads.length && heads.every((h, i) => labels[i]!.startsWith(h.text)) && sizes.every((s) => s === String(heads.length));
        return { ok, seen: `top-level rows: ${labels.join(' | ') || '(none)'} (aria-setsize ${[...new Set(sizes)].join(',')})` };
      },
      30_000,
    );
    await top.first().locator('.monaco-tl-twistie').click();
    const want = sections[0]!.items.map((i) => `${i.number}.`);
    await waitToSee(page, 'outline', `under "${heads[0]!.text}": items ${want.join(' ')}`, async () => {
      const levels = await attrs(outlineRows, 'aria-level');
      const labels = await attrs(outlineRows, 'aria-label');
      const kids: string[] = [];
      for (let i = 1; i < levels.length && levels[i] !== '1'; i++) if (levels[i] === '2') kids.push(labels[i]!);
      const ok = kids.length === want.length && want.every((w, i) => kids[i]!.startsWith(w));
      return { ok, seen: `rows under the first section: ${kids.join(' | ') || '(none)'}` };
    });
    await screenshot(page, '06-outline-000');
    await setFoldersPane(page, true);
  });

  scenario('seed 000: hovering 90%以上 names the indicator and its parsed value', 'hover', async () => {
    const name = seedName('000');
    const all = lines(seedText('000'));
    const line = all.findIndex((l) => l.includes('90%以上'));
    const col = all[line]!.indexOf('90%以上');
    await openFile(page, 'hover', name);
    await gotoLine(page, 'hover', line + 1, col + 2);
    const hover = page.locator('.monaco-editor .monaco-hover:not(.hidden)');
    let lastAsk = 0;
    const text = await waitToSee(page, 'hover', 'a hover naming an indicator (指标) with value 90 and unit %', async () => {
      let t = (await texts(hover)).join(' ');
      // an empty answer (say, the server still analysing) shows nothing: ask again, as a person would
      if (!t && Date.now() - lastAsk > 1500) {
        lastAsk = Date.now();
        await press(page, keys.showHover);
        t = (await texts(hover)).join(' ');
      }
      const ok = /指标/.test(t) && /\b90\b/.test(t) && /%/.test(t);
      return { ok, seen: t || '(no hover)', value: t };
    });
    const m = /指标 Indicator[：:]\s*(\S+)/.exec(text!);
    expect(m, text).not.toBeNull();
    // the name it gives is the wording just before the number on that line
    const prefix = all[line]!.slice(0, col);
    expect(prefix.replace(/\s/g, ''), `hover: ${text}`).toContain(m![1]!);
    expect(text).toMatch(/数值 value\s*90/);
    expect(text).toMatch(/单位 unit\s*%/);
    expect(text).toMatch(/以上/);
    await screenshot(page, '07-hover-000');
    await page.keyboard.press('Escape');
  });

  scenario(
    'seed 000 with the Henan 2021 set: the alignment view lists the ten provincial tasks; a click reveals the covering section',
    'alignment',
    async () => {
      const name = seedName('000');
      const themes = henanThemes();
      const heads = level1Headings(seedText('000'));
      await openFile(page, 'alignment', name);
      await press(page, keys.alignment);
      const view = page.locator('.pane-body', { has: page.locator('.monaco-list-row') }).filter({ hasText: '上级任务 Themes' });
      const themeRows = view.locator('.monaco-list-row[aria-level="2"]');
      const statuses = await waitToSee(
        page,
        'alignment',
        `ten provincial tasks with a status each: ${themes.map((t) => t.title).join('、')}`,
        async () => {
          const labels = (await attrs(themeRows, 'aria-label')).slice(0, themes.length);
          const got = labels.map((l) => {
            const st = themeStatuses.find((s) => l.endsWith(s));
            return { title: st ? l.slice(0, -st.length).trim() : l, status: st ?? '' };
          });
          const ok = got.length === themes.length && themes.every((t, i) => got[i]!.title === t.title && got[i]!.status !== '');
          return { ok, seen: `rows: ${(await attrs(view.locator('.monaco-list-row'), 'aria-label')).slice(0, 14).join(' | ') || '(none)'}`, value: got };
        },
        30_000,
      );
      expect(statuses!.filter((s) => s.status === '已覆盖 covered').length).toBeGreaterThan(0);
      await screenshot(page, '08-alignment-000');

      // pick the last covered task (its section is far down), click it, and see the editor jump there
      const idx = statuses!.map((s) => s.status).lastIndexOf('已覆盖 covered');
      const row = themeRows.nth(idx);
      await row.locator('.monaco-tl-twistie').click(); // expand: its covering sections
      const section = await waitToSee(page, 'alignment', `the covering sections listed under "${themes[idx]!.title}"`, async () => {
        const levels = await attrs(view.locator('.monaco-list-row'), 'aria-level');
        const labels = await attrs(view.locator('.monaco-list-row'), 'aria-label');
        const start = labels.findIndex((l) => l.startsWith(themes[idx]!.title));
        const kids: string[] = [];
        for (let i = start + 1; start >= 0 && i < levels.length && levels[i] === '3'; i++) kids.push(labels[i]!);
        return { ok: kids.length > 0, seen: `children: ${kids.join(' | ') || '(none)'}`, value: kids[0] };
      });
      await row.locator('.label-name').first().click(); // the click a person makes
      const number = section!.split(/\s/)[0]!;
      const head = heads.find((h) => h.number === number);
      expect(head, `section "${section}" is one of the plan's level-1 headings`).toBeDefined();
      await waitToSee(page, 'alignment', `the editor reveals "${head!.text}" (cursor on line ${head!.line + 1})`, async () => {
        const pos = await cursorPosition(page);
        const shown = await viewLineTexts(page);
        return {
          ok: pos.line === head!.line + 1 && shown.some((l) => l.includes(head!.text)),
          seen: `cursor: ${pos.text}; active tab: ${await activeTabLabel(page)}; lines: ${shown.slice(0, 6).join(' / ')}`,
        };
      });
      await screenshot(page, '09-alignment-000-reveal');
    },
  );

  scenario('seed 000: the report command opens a webview with the coverage matrix', 'report', async () => {
    const name = seedName('000');
    const themes = henanThemes();
    const heads = level1Headings(seedText('000'));
    await openFile(page, 'report', name);
    const button = page.locator('.editor-actions .action-label[aria-label*="Show Alignment Report"]').first();
    await waitToSee(page, 'report', 'the "显示对齐报告 Show Alignment Report" button in the editor title', async () => {
      const n = await button.count();
      return {
        ok: n > 0 && (await button.isVisible()),
        seen: `editor actions: ${(await attrs(page.locator('.editor-actions .action-label'), 'aria-label')).join(' | ')}`,
      };
    });
    await button.click();
    const frame = await waitToSee<Frame>(
      page,
      'report',
      'a webview with a coverage matrix (上级任务 × 一…十)',
      async () => {
        for (const f of page.frames()) {
          try {
            if ((await f.locator('#matrix').count()) > 0) return { ok: true, seen: 'matrix', value: f };
          } catch {
            /* frame went away */
          }
        }
        const tabs = await texts(page.locator('.tabs-container .tab .label-name'));
        return { ok: false, seen: `tabs: ${tabs.join(' | ')}; frames: ${page.frames().length}` };
      },
      30_000,
    );
    const matrix: Locator = frame!.locator('#matrix');
    const header = await texts(matrix.locator('thead th'));
    // each section column is headed by its printed number and title (a title on hover is lost on paper)
    expect(header.slice(0, 2)).toEqual(['上级任务', '状态']);
    expect(header.slice(2)).toEqual(heads.map((h) => h.text));
    const rowTitles = await texts(matrix.locator('tbody tr td:first-child'));
    expect(rowTitles).toEqual(themes.map((t) => t.title));
    const statusCells = await texts(matrix.locator('tbody tr td:nth-child(2)'));
    expect(
      statusCells.every((s) => ['已覆盖', '部分覆盖', '未覆盖'].includes(s)),
      statusCells.join(','),
    ).toBe(true);
    // each covered task has a mark in at least one section column
    const marks = await texts(matrix.locator('tbody tr'));
    statusCells.forEach((s, i) => {
      if (s === '已覆盖') expect(marks[i], themes[i]!.title).toMatch(/[●○]/);
    });
    await matrix.scrollIntoViewIfNeeded();
    await screenshot(page, '10-report-000');
    expect((await texts(page.locator('.tabs-container .tab .label-name'))).some((t) => t.includes('Alignment report'))).toBe(true);
  });
});
