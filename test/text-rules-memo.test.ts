/**
 * The text rules (date/*, text/*, notice/document-number) keep each paragraph's scan by its text
 * (perParagraph): while a draft is edited, only the paragraphs that changed are scanned again, and
 * what is kept never changes a finding.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../server/src/core/analyze.js';
import { parsePlan } from '../server/src/core/parse.js';
import { perParagraph } from '../server/src/core/proofread/context.js';
import type { RuleContext } from '../server/src/core/rule.js';
import { createSession } from '../server/src/core/session.js';
import { readSeed } from './helpers.js';

const KEY: object = Object.freeze({ name: 'test scan' });

describe('per-paragraph scans of the text rules', () => {
  it('scan a paragraph once per text while the document is edited', () => {
    const session = createSession();
    const scanned: string[] = [];
    const scanAll = (text: string) => {
      const plan = parsePlan(text, {}, session);
      for (const block of plan.blocks) perParagraph({ plan, session } as unknown as RuleContext, KEY, block, (t) => (scanned.push(t), t.length));
      return plan.blocks.length;
    };
    const a = '一、总体要求\n坚持四个意识。\n二、重点任务\n推进工作。\n';
    const n = scanAll(a);
    expect(scanned.length).toBe(n);
    scanned.length = 0;
    scanAll(a.replace('推进工作。', '推进各项工作。'));
    expect(scanned).toEqual(['推进各项工作。']);
  });

  it('give the same findings warm (after an edit) as in a new session', () => {
    const seed = readSeed('001');
    const edited = seed.replace('。', '。截止2021年底，将安全生产纳人日常管理，增强四种意识。');
    const session = createSession();
    analyze(seed, {}, session);
    const warm = analyze(edited, {}, session).findings;
    const cold = analyze(edited, {}, createSession()).findings;
    expect(warm).toEqual(cold);
    expect(warm.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['text/typo', 'text/formulation']));
  });
});
