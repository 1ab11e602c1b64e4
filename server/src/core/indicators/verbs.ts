/**
 * Stage 2, verbs around a name: the plan verb that opens a name and governs the value after its object
 * (新增|电力装机1800万千瓦), the comparator read from a verb when none was, and the post of a body that
 * a rule sets up (领导小组设组长1人). Indices are into compact text. No state outside the call.
 */
import { COUNT_VERB_SET, hanCount, type Cmp } from './reader.js';
import { verbComparator } from './statement.js';

/** Suffixes that make a noun of the verb before them (服务业, 服务站, 建设者, 培训点, 治理区). */
const NOUN_SUFFIX = /[业者站点区员所]/;

/** The plan verb (of COUNT_VERBS, 2–3 characters) starting at k, or undefined. */
function verbAt(c: string, k: number): string | undefined {
  const three = c.slice(k, k + 3);
  if (COUNT_VERB_SET.has(three)) return three;
  const two = c.slice(k, k + 2);
  return COUNT_VERB_SET.has(two) ? two : undefined;
}

/**
 * 新增电力装机1800万千瓦, 新建改造高标准农田3167万亩: a name that opens with a plan verb (one, or two
 * joined: 新建改造) is the verb and its object, and the value closes the object: the verb is the
 * comparator as written and the object the name. Not when the object is a bare metric noun the verb
 * makes a compound with (推广面积, 服务人口) or a short generic one the verb tells apart (实施项目,
 * 引进项目, 完成造林), nor before a preposition or a particle, nor when a suffix makes a noun of the
 * verb (服务业, 培训点).
 */
export function verbOpening(
  c: string,
  name: { s: number; e: number },
): { verb: { start: number; text: string }; name: { s: number; e: number; text: string } } | undefined {
  const first = verbAt(c, name.s);
  if (!first || NOUN_SUFFIX.test(c[name.s + first.length] ?? '')) return undefined;
  const after = verbAt(c, name.s + first.length);
  const second = after && !NOUN_SUFFIX.test(c[name.s + first.length + after.length] ?? '') ? after : undefined;
  const text = second ? first + second : first;
  const s = name.s + text.length;
  const rest = c.slice(s, name.e);
  if (hanCount(rest) < 3 || /^[的了着过为向在对把将和与及、，]/.test(rest) || (rest.length <= 3 && /(?:面积|人口|规模|范围|人数|数量|总量)$/.test(rest)))
    return undefined;
  return { verb: { start: name.s, text }, name: { s, e: name.e, text: rest } };
}

/**
 * A comparator read from a verb when none was: the plan verb that governs a counted object (建成|5000个
 * 示范村), or the verb that opens the single name of a value closing its clause (新增|电力装机1800万千瓦:
 * the name becomes its object, in `names`; the relation stays what the value states, eq).
 */
export function verbAsComparator(
  c: string,
  governing: { start: number; text: string } | undefined,
  names: { s: number; e: number; text: string }[],
): { cmp: Cmp; cmpStart: number; cmpEnd: number; opening?: boolean } | undefined {
  if (governing) return verbComparator(c, governing);
  const opening = names.length === 1 ? verbOpening(c, names[0]!) : undefined;
  if (!opening) return undefined;
  names[0] = opening.name;
  const { cmpStart, cmpEnd } = verbComparator(c, opening.verb);
  return { cmp: { text: c.slice(cmpStart, cmpEnd), op: 'eq' }, cmpStart, cmpEnd, opening: true };
}

/**
 * 领导小组设组长1人, 办公室下设综合组3个: a body that sets up a post or unit (X设Y) is named by the post of
 * the body (领导小组组长), 设 left out; not the verbs that hold 设 (建设, 开设, 增设, 内设 …) nor its nouns
 * (设施, 设备, 设计, 设立, 设置, 设区的市). Only for a parameter: the make-up of a body is one. `body`:
 * the body itself, for the posts written after it without it (./composition.ts carryBodies).
 */
const BODY_SETS = /^([\u4e00-\u9fff（）()、]{2,}?)(?<![建开增新架敷铺假预附内分另单专常陈摆])设(?![立置计施备想定区])([\u4e00-\u9fff]{1,8})$/;
export function madeUpOf(name: string): { post: string; body?: string } {
  const m = BODY_SETS.exec(name);
  if (!m) return { post: name };
  // the adverbs of a rule before 设 (一般设, 可设, 原则上设) leave with it
  const body = m[1]!.replace(/(?:一般|原则上|可|应当?|均)$/, '');
  return { post: body + m[2]!, body };
}
