/** Completion: the next heading number at a line start; theme titles and target wording from the requirement sets. */
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Position } from 'vscode-languageserver';
import type { Level, Plan, Section } from '../../core/model.js';
import type { RequirementSet } from '../../core/requirements/types.js';
import { targetWording } from '../alignment.js';
import { canonicalToken } from '../../core/numbering.js';

const levelName = ['', '一级', '二级', '三级', '四级'];
/** What may be typed of a numbering token before completion is asked for. */
const partialToken = /^([\s\u3000#]*)([（(]?[一二三四五六七八九十0-9０-９]*)$/;
/** A complete token (then theme titles are offered). */
const fullToken = /^[\s\u3000#]*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|[0-9]+[.．]|[（(][0-9]+[）)])$/;

function ancestors(plan: Plan, s: Section): Map<Level, Section> {
  const chain = new Map<Level, Section>();
  let cur: Section | undefined = s;
  while (cur) {
    chain.set(cur.level, cur);
    cur = cur.parentId !== undefined ? plan.allSections[cur.parentId] : undefined;
  }
  return chain;
}

export function nextNumbers(plan: Plan, offset: number): { level: Level; token: string; value: number }[] {
  const before = plan.allSections.filter((s) => s.heading.start < offset);
  const prev = before[before.length - 1];
  const usesLevel2 = plan.allSections.some((s) => s.level === 2);
  if (!prev) return [{ level: 1, token: canonicalToken(1, 1), value: 1 }];
  const chain = ancestors(plan, prev);
  const out: { level: Level; token: string; value: number }[] = [];
  const lastOfLevel = (l: Level) => [...before].reverse().find((s) => s.level === l);
  const push = (level: Level, value: number) => out.push({ level, token: canonicalToken(level, value), value });
  // same level first (the most likely), then a first child, then the ancestors' next siblings
  const same = prev.level;
  push(same, prev.token.value + 1);
  const child = (same === 1 && !usesLevel2 ? 3 : same + 1) as Level;
  if (child <= 4) {
    if (child === 3 && plan.level3Continuous) push(3, (lastOfLevel(3)?.token.value ?? 0) + 1);
    else push(child, 1);
  }
  for (let l = same - 1; l >= 1; l--) {
    const level = l as Level;
    if (level === 2 && !usesLevel2) continue;
    const anc = chain.get(level);
    push(level, anc ? anc.token.value + 1 : 1);
  }
  return out;
}

export function completions(plan: Plan, position: Position, requirements: readonly RequirementSet[]): CompletionItem[] {
  const lineStart = plan.index.lineStart(position.line);
  const offset = plan.index.offsetAt(position);
  const prefix = plan.text.slice(lineStart, offset);
  const items: CompletionItem[] = [];
  const m = partialToken.exec(prefix);
  if (m) {
    const indent = m[1]!.length;
    const range = { start: plan.index.positionAt(lineStart + indent), end: position };
    nextNumbers(plan, lineStart).forEach((n, i) => {
      items.push({
        label: n.token,
        kind: CompletionItemKind.EnumMember,
        detail: `${levelName[n.level]}标题编号 level-${n.level} heading number`,
        sortText: String(i).padStart(2, '0'),
        filterText: m[2] ? n.token : n.token,
        textEdit: { range, newText: n.token },
      });
    });
  }
  if (fullToken.test(prefix)) {
    for (const set of requirements) {
      for (const t of set.themes) {
        items.push({
          label: t.title,
          kind: CompletionItemKind.Text,
          detail: `上级任务 superior theme · ${set.title || set.name}`,
          documentation: t.source?.quote,
          insertText: t.title,
          insertTextFormat: InsertTextFormat.PlainText,
          sortText: '1' + t.id,
        });
      }
    }
  }
  if (!m && requirements.length > 0) {
    for (const set of requirements) {
      for (const t of set.targets) {
        const text = `${t.name}${targetWording({ ...t, deadline: undefined })}`;
        items.push({
          label: text,
          kind: CompletionItemKind.Value,
          detail: `上级目标 superior target · ${set.title || set.name}${t.deadline ? ' · ' + t.deadline : ''}`,
          documentation: t.source?.quote,
          filterText: [t.name, ...(t.aliases ?? [])].join(' '),
          insertText: text,
          sortText: '2' + t.id,
        });
      }
    }
  }
  return items;
}
