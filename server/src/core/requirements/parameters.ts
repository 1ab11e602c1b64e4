/**
 * Parameters are not targets. A 政府工作报告 states fiscal and policy parameters next to its
 * targets: amounts the government arranges or issues (赤字率拟按3%安排, 拟发行超长期特别国债1.3万亿元,
 * 比上年年初预算增加1800亿元, 中央预算内投资拟安排7350亿元, 将2.8万亿元中央财政资金纳入直达机制) and
 * tax parameters (增值税起征点, 应纳税所得额, 加计扣除比例, 税率). They bind no plan below (a lower
 * plan has no deficit rate or tax threshold of its own to restate), so requirement extraction
 * leaves them out.
 *
 * The one accessor to the indicator analysis for this question: an indicator of kind `parameter`
 * (the quantity grammar's own verdict, where it gives one) is a parameter; otherwise the wording
 * of its clause decides.
 */
import type { Indicator } from '../model.js';

/** Wording of an arranged amount: 拟按/拟安排/拟发行, budgets, deficits, bonds, transfers. */
const PARAMETER =
  /(拟按|拟安排|拟发行|拟下达|拟新增|年初预算|预算内投资|预算安排|赤字率|赤字规模|特别国债|专项债券|国债|政府债务|债务限额|转移支付|一般公共预算支出|财政支出|财政资金|安排资金|安排[^，。；]{0,8}(?:资金|补助|奖补)|起征点|应纳税所得额|加计扣除|税率)/;

/** The clause of `sentence` that holds `text` (from the previous ，；：、 to the next one). */
export function clauseOf(sentence: string, text: string): string {
  const flat = text.replace(/[\s\u3000]+/g, '');
  const at = sentence.indexOf(flat);
  if (at < 0) return flat;
  let a = at;
  while (a > 0 && !/[，,；;：:。]/.test(sentence[a - 1]!)) a--;
  let z = at + flat.length;
  while (z < sentence.length && !/[，,；;。]/.test(sentence[z]!)) z++;
  return sentence.slice(a, z);
}

/** Whether a quantity is a parameter (an arranged amount), not a target. */
export function isParameter(ind: Pick<Indicator, 'name' | 'text'> & { kind: string }, clause: string): boolean {
  if (ind.kind === 'parameter') return true;
  return PARAMETER.test(ind.name) || PARAMETER.test(clause);
}
