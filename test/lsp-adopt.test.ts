/**
 * Issue 17 in the language server: plans named or titled the way offices name them are checked
 * with VS Code's default include globs (*.plan.*); other text files are not; messages follow the
 * client's UI language with planlint.language "auto" (the extension's default); rule links land
 * on the rule's own anchor. Plus the pure detector (core/planname.ts) on real titles.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { looksLikePlan, planNamed, planTitled } from '../server/src/core/planname.js';
import { resolveLanguage } from '../server/src/lsp/settings.js';
import { readSeed, repoRoot } from './helpers.js';
import { buildServer, fileUri, removeServerBuild, startServer } from './lsp-harness.js';

beforeAll(buildServer, 120000);
afterAll(removeServerBuild);

// VS Code's defaults for planlint.include (client/package.json)
const clientInclude = JSON.parse(readFileSync(`${repoRoot}/client/package.json`, 'utf8')).contributes.configuration.properties['planlint.include']
  .default as string[];

describe('plan detection by name and title (core/planname.ts)', () => {
  it('recognises plan genres in file names', () => {
    expect(planNamed('2023年全县卫生健康工作要点.txt')).toBe(true);
    expect(planNamed('docs/开封市2021年政府工作报告.md')).toBe(true);
    expect(planNamed('乡村振兴实施方案（征求意见稿）.txt')).toBe(true);
    expect(planNamed('会议纪要.txt')).toBe(false);
    // a directory named like a plan does not make every file in it a plan
    expect(planNamed('工作要点/notes.txt')).toBe(false);
  });

  it('recognises a title line, not a sentence that mentions a genre', () => {
    // the seeds' own first lines (seed 000: "2021年全区卫生健康重点工作安排")
    expect(planTitled(readSeed('000'))).toBe(true);
    expect(planTitled('---\nyear: 2021\n---\n\n# 2022年全市教育工作要点\n\n一、总体要求\n')).toBe(true);
    expect(planTitled('根据市委部署，现将2021年工作要点印发给你们，请结合实际认真贯彻落实。\n')).toBe(false);
    expect(planTitled('购物清单\n工作要点\n')).toBe(false);
    expect(looksLikePlan('notes.txt', '今天的会议记录\n')).toBe(false);
  });

  it('auto language: a Chinese (simplified) UI gets Chinese, any other UI English, no locale both', () => {
    expect(resolveLanguage('auto', 'zh-cn')).toBe('zh');
    expect(resolveLanguage('auto', 'zh-CN')).toBe('zh');
    expect(resolveLanguage('auto', 'en')).toBe('en');
    expect(resolveLanguage('auto', 'de')).toBe('en');
    expect(resolveLanguage('auto', undefined)).toBe('zh-en');
    expect(resolveLanguage('zh-en', 'en')).toBe('zh-en');
  });
});

describe('language server with the extension defaults', () => {
  it('checks a plainly named plan, leaves other text files alone, and speaks the UI language', async () => {
    const text = readSeed('001');
    for (const [locale, expectChinese] of [
      ['zh-cn', true],
      ['en', false],
    ] as const) {
      const h = await startServer({
        locale,
        configuration: (section) => (section === 'planlint' ? { include: clientInclude, language: 'auto' } : null),
      });
      try {
        const named = fileUri(`2023年全县卫生健康工作要点-${locale}.txt`);
        await h.open(named, text, 'plaintext');
        const d = await h.waitForDiagnostics(named, (p) => p.diagnostics.length > 0);
        const style = d.diagnostics.find((x) => x.code === 'numbering/style')!;
        expect(style).toBeDefined();
        // one language only: no line break between a Chinese and an English message
        expect(style.message.includes('\n')).toBe(false);
        expect(/[\u4e00-\u9fff]{4}/.test(style.message.replace(/“[^”]*”|\([^)]*\)|（[^）]*）/g, ''))).toBe(expectChinese);
        expect(style.codeDescription?.href).toMatch(/\/docs\/rules\.md#rule-numbering-style$/);
        // a text file neither named nor titled like a plan: nothing reported
        const other = fileUri(`meeting-notes-${locale}.txt`);
        await h.open(other, '会议记录\n(一)讨论了 and 其他事项。\n', 'plaintext');
        const none = await h.waitForDiagnostics(other);
        expect(none.diagnostics).toEqual([]);
      } finally {
        await h.stop();
      }
    }
  }, 60000);

  it('planlint.detectPlans: false turns the detection off', async () => {
    const h = await startServer({
      configuration: (section) => (section === 'planlint' ? { include: clientInclude, detectPlans: false } : null),
    });
    try {
      const named = fileUri('2023年全县卫生健康工作要点-off.txt');
      await h.open(named, readSeed('001'), 'plaintext');
      expect((await h.waitForDiagnostics(named)).diagnostics).toEqual([]);
    } finally {
      await h.stop();
    }
  }, 60000);
});
