import type { Rule } from '../rule.js';
import type { Plan, Section } from '../model.js';

const TRAILING = /[。，；、：,;.:]+$/;
/**
 * A colon after words that announce what follows (GB/T 15834-2011 §4.6.3.1: 总说性或提示性词语 —
 * 如下, 下列…, 以下…, 包括, 是/为/有, a 的-phrase naming a class: 有下列情形之一的：) is a lead-in, not
 * a heading's stray mark. A title (加快水利工程建设：) announces nothing: its colon goes.
 */
const LEAD_IN = /(?:如下|下列|以下|包括|例如|即|是|为|有|的)[：:]$|(?:如下|下列|以下)/;
/** a sentence's end: full stop, exclamation or question mark (and a closing quote after it) */
const SENTENCE_END = /[。！？!?][”’」』）)]*$/;
/** the end of an item of a punctuated enumeration (its items end in ；, the last one in 。) */
const LIST_END = /[。；;！？!?][”’」』）)]*$/;
/** punctuation inside a text that separates clauses */
const CLAUSE = /[，；：,;:]/;

/**
 * Whether a numbered item is a run-in statement rather than a heading: its text is a complete
 * sentence — ending with a full stop and carrying commas or several clauses (a title sentence such
 * as “（一）继续创新和完善宏观调控，确保经济运行在合理区间。”), figures at level 2/3 (one statement
 * such as “（一）预约率达到80%，覆盖率达到90%。”), or an item whose siblings all end with a full stop
 * (the document writes that list as statements, as 民生实事 lists are), or an item of a
 * punctuated enumeration (（一）…；（二）…；（三）…。). A heading is a title: it ends bare.
 */
/** How the items of one list (same parent, level and part, each on its own line) end: counted once per list. */
interface ListForm {
  n: number;
  sentence: number;
  list: number;
  semicolon: boolean;
}
/** Per analysis: the list forms by sibling array and level/part (so a list of n items costs O(n), not O(n²)). */
export type ListForms = WeakMap<readonly Section[], Map<string, ListForm>>;

function listForm(plan: Plan, siblings: readonly Section[], s: Section, memo: ListForms): ListForm {
  let byKey = memo.get(siblings);
  if (!byKey) memo.set(siblings, (byKey = new Map()));
  const key = `${s.level}:${s.part ?? ''}`;
  let f = byKey.get(key);
  if (f) return f;
  // (items standing on their own line: a run-in sibling's title sentence says nothing of the list's form)
  const same = siblings.filter((x) => x.level === s.level && x.part === s.part && !x.runIn);
  const ends = same.map((x) => plan.text.slice(x.heading.start, x.heading.end));
  f = {
    n: same.length,
    sentence: ends.filter((e) => SENTENCE_END.test(e)).length,
    list: ends.filter((e) => LIST_END.test(e)).length,
    semicolon: ends.some((e) => /[；;]$/.test(e)),
  };
  byKey.set(key, f);
  return f;
}

export function isStatementItem(plan: Plan, s: Section, line: string, memo: ListForms = new WeakMap()): boolean {
  if (/[：:]$/.test(line)) return LEAD_IN.test(line);
  if (!LIST_END.test(line)) return false;
  const body = line.slice(s.token.raw.length).replace(LIST_END, '');
  // an item that heads numbered sub-items is the title of a part, however long: a statement does
  // not carry sections of its own (三、聚焦民生保障，增进群众福祉。 over （一）（二）)
  const headsParts = s.children.length > 0;
  // a level-1 heading is a part title even when long; only clauses make it a statement
  if (!headsParts && CLAUSE.test(body)) return true;
  if (!headsParts && s.level > 1 && /[0-9０-９%％]/.test(body)) return true;
  const siblings = s.parentId === undefined ? plan.sections : plan.allSections[s.parentId]!.children;
  const f = listForm(plan, siblings, s, memo);
  // a whole list written as statements is the document's form, not one heading's slip; so is a
  // punctuated enumeration (items ending in ；, the last one in 。)
  if (f.n < (s.level === 1 ? 3 : 2)) return false;
  // (two thirds of them: one item garbled in the source does not undo the list's form)
  if (SENTENCE_END.test(line) && 3 * f.sentence >= 2 * f.n) return true;
  return 3 * f.list >= 2 * f.n && f.semicolon;
}

/**
 * Whether a heading stands on a line of its own. One recovered in mid-line, or run into the next
 * heading on its line (…。（二）基本原则。1.政府推动…), lost its line break: whether its 。 closes a
 * bare title or the title sentence of a run-in item can no longer be seen (heading/inline reports
 * the lost break).
 */
function ownLine(text: string, s: Section): boolean {
  if (s.block.inline) return false;
  let i = s.heading.end;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\u3000')) i++;
  return i >= text.length || text[i] === '\n' || text[i] === '\r';
}

export const rule: Rule = {
  meta: {
    id: 'heading/punctuation',
    tags: ['structural'],
    description: {
      zh: '独立成行的一级、二级标题末尾不加句号、逗号、冒号等标点；本身是完整句子的条目（段首句、带逗号或指标的陈述，且其下没有分项）不是标题，不检查；提示下文的冒号（如下：、有下列情形之一的：）不报；丢失换行、与前后文连在同一行的标题不检查（由 heading/inline 报告）',
      en: 'A level-1 or level-2 heading on its own line ends without a full stop, comma or colon; an item that is itself a full sentence (a run-in statement with commas or figures, without sub-items of its own) is not a heading and is not checked; a colon that announces what follows (如下：) is left alone; nor is a heading run into the text around it (heading/inline reports that)',
    },
    severity: 'warning',
    standard: 'GB/T 15834-2011',
    fixable: true,
    examples: [
      { bad: '三、提升基层医疗卫生服务能力。', good: '三、提升基层医疗卫生服务能力' },
      { bad: '（二）强化医疗服务质量，', good: '（二）强化医疗服务质量' },
    ],
  },
  check(ctx) {
    const memo: ListForms = new WeakMap();
    for (const s of ctx.plan.allSections) {
      // an article 第N条 is a provision, not a heading: it ends as its sentence ends
      if (s.level > 2 || s.runIn || s.token.scheme === 'article' || !ownLine(ctx.plan.text, s)) continue;
      const line = ctx.plan.text.slice(s.heading.start, s.heading.end);
      const m = TRAILING.exec(line);
      if (!m) continue;
      if (isStatementItem(ctx.plan, s, line, memo)) continue;
      const start = s.heading.start + m.index;
      const end = s.heading.end;
      const mark = m[0];
      ctx.report({
        start,
        end,
        message: {
          zh: `标题“${s.token.raw}${s.title}”末尾不应有标点“${mark}”`,
          en: `heading "${s.token.raw}${s.title}" should not end with "${mark}"`,
        },
        fix: { title: { zh: `删除末尾的“${mark}”`, en: `Remove the trailing "${mark}"` }, edits: [{ start, end, newText: '' }], safe: true },
      });
    }
  },
};
