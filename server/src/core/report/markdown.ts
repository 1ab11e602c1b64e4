/** Markdown rendering of the review report (Chinese first, for reviewers). */
import type { Review } from './model.js';
import { sectionLabel, targetStatusLabel, themeStatusLabel } from './model.js';
import { markdownText } from '../escape.js';

/** Draft and requirement-set text, escaped for Markdown (HTML, links, table pipes, line breaks). */
const cell = markdownText;
const md = markdownText;

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

export function renderMarkdown(r: Review): string {
  const out: string[] = [];
  out.push('# 对标上级规划审查报告 / Alignment review', '');
  const d = r.draft;
  out.push(`- 草案 / Draft：${d.title !== undefined ? md(d.title) : '（无标题）'}${d.path ? `（${md(d.path)}）` : ''}${d.year ? `，${d.year} 年` : ''}${d.level ? `，${md(String(d.level))}级` : ''}`);
  for (const s of r.sets) out.push(`- 上级规划 / Superior plan：${md(s.title)}（${md(s.name)}${s.year ? `，${s.year}` : ''}）`);
  out.push(`- 比对范围 / Scope：${md(r.planPart.reason.zh)}`);
  const st = r.summary.themes;
  out.push(`- **总体覆盖率 / Coverage：${pct(r.coverage)}**（已覆盖 ${st.covered}，部分覆盖 ${st.partial}，未覆盖 ${st.missing}；覆盖率 =（已覆盖 + ½ 部分覆盖）÷ 必选任务数）`);
  const tt = r.summary.targets;
  out.push(`- 指标 / Targets：达标 ${tt.met}，高于上级 ${tt.stronger}，弱于上级 ${tt.weaker}，未体现 ${tt.missing}，不适用 ${tt['not-applicable']}`, '');

  out.push('## 覆盖矩阵 / Coverage matrix', '');
  out.push(`● 强对应（已覆盖，分值 ≥ ${r.thresholds.strong}）　○ 弱对应（部分覆盖，分值 ≥ ${r.thresholds.weak}）`, '');
  const secs = r.matrix.sections;
  out.push(`| 上级任务 | 状态 | ${secs.map((s) => cell(s)).join(' | ')} |`);
  out.push(`| --- | --- | ${secs.map(() => ':-:').join(' | ')} |`);
  r.themes.forEach((t, i) => {
    const row = r.matrix.cells[i]!.map((v, j) => {
      if (v <= 0) return '';
      const m = t.sections.find((s) => s.number === secs[j]);
      return m?.strength === 'strong' ? '●' : '○';
    });
    out.push(`| ${cell(t.title)} | ${themeStatusLabel[t.status].zh} | ${row.join(' | ')} |`);
  });
  out.push('');

  out.push('## 任务对应与依据 / Theme mapping and evidence', '');
  for (const t of r.themes) {
    const src = t.source?.line ? `（上级第 ${t.source.line} 行：“${md(t.source.quote ?? '')}”）` : '';
    out.push(`### ${md(t.title)} — ${themeStatusLabel[t.status].zh}`, '');
    if (src) out.push(src, '');
    if (t.sections.length === 0) out.push('- 草案中未找到对应部分。', '');
    for (const s of t.sections) {
      out.push(`- ${md(sectionLabel(s))}${md(s.title)}（${s.strength === 'strong' ? '强' : '弱'}，${s.score.toFixed(2)}，第 ${s.range.start.line + 1} 行）：共同词 ${s.terms.map((x) => `“${md(x)}”`).join('、') || '—'}`);
      for (const e of s.evidence) out.push(`  - ${md(sectionLabel(e))}${md(e.title)}（${e.score.toFixed(2)}，第 ${e.range.start.line + 1} 行）${e.keywords.length ? `，关键词：${e.keywords.map(md).join('、')}` : ''}`);
    }
    out.push('');
  }

  out.push('## 指标对照 / Targets', '');
  out.push('| 指标 | 上级要求 | 草案 | 状态 | 说明 |', '| --- | --- | --- | --- | --- |');
  for (const t of r.targets) {
    const sup = `${t.superior.text.replace(t.name, '') || t.superior.text}${t.superior.deadline ? `（${t.superior.deadline}）` : ''}${t.superior.source?.line ? `，第 ${t.superior.source.line} 行` : ''}`;
    const dr = t.draft ? `${t.draft.text}（第 ${(t.draft.range?.start.line ?? 0) + 1} 行）` : '—';
    out.push(`| ${cell(t.name)} | ${cell(sup)} | ${cell(dr)} | ${targetStatusLabel[t.status].zh} | ${cell(t.reason.zh)} |`);
  }
  out.push('');

  out.push('## 未对应上级任务的草案部分 / Draft sections answering no superior task', '');
  if (r.unmatchedSections.length === 0) out.push('- 无。');
  for (const s of r.unmatchedSections) out.push(`- ${md(sectionLabel(s))}${md(s.title)}（第 ${s.range.start.line + 1} 行）`);
  if (r.planPart.excluded.length) {
    out.push('', `未纳入比对（上年总结）：${r.planPart.excluded.map((s) => `${md(sectionLabel(s))}${md(s.title)}`).join('；')}`);
  }
  out.push('');
  // the footer a reviewer signs (issue 15): date, planlint's version, each set's identity
  out.push('---', '');
  if (r.generated) out.push(`生成日期：${r.generated.date}　planlint ${r.generated.planlint}`, '');
  for (const s of r.sets) out.push(`要求集：${s.name}，${s.title}${s.year !== undefined ? `，${s.year} 年` : ''}${s.level ? `，${s.level}级` : ''}${s.superior ? `，上级 ${s.superior}` : ''}${s.hash ? `，内容摘要 ${s.hash}` : ''}`, '');
  out.push('审核人（签字）：____________　日期：____________', '');
  return out.join('\n');
}
