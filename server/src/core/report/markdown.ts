/**
 * Markdown rendering of the review report, in one language (Chinese by default, English with
 * `lang: 'en'`): the same labels as the HTML report (model.ts `reportLabel`), each match's score
 * explained in words (强对应/弱对应 with what was matched), never as a bare number.
 */
import type { Review, ReportLang } from './model.js';
import {
  explainMatch,
  levelText,
  lineText,
  matrixLegend,
  reportLabel,
  sectionLabel,
  targetStatusLabel,
  targetSummaryText,
  themeStatusLabel,
  themeSummaryText,
} from './model.js';
import { markdownText } from '../escape.js';

/** Draft and requirement-set text, escaped for Markdown (HTML, links, table pipes, line breaks). */
const cell = markdownText;
const md = markdownText;

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

export interface MarkdownOptions {
  /** the report's language: labels in Chinese (default) or English, not both */
  lang?: ReportLang;
}

export function renderMarkdown(r: Review, opts: MarkdownOptions = {}): string {
  const lang = opts.lang ?? 'zh';
  const en = lang === 'en';
  const T = (k: keyof typeof reportLabel) => reportLabel[k][lang];
  // punctuation between labels and values follows the report's language
  const colon = en ? ': ' : '：';
  const comma = en ? ', ' : '，';
  const paren = (s: string) => (en ? ` (${s})` : `（${s}）`);
  const line = (n: number) => lineText(n, lang);
  const quote = (s: string) => (en ? `"${s}"` : `“${s}”`);
  const out: string[] = [];
  out.push(`# ${T('title')}`, '');
  const d = r.draft;
  const year = (y: number) => (en ? `${comma}${y}` : `${comma}${y} 年`);
  const level = (l: string) => `${comma}${levelText(l, lang)}`;
  out.push(
    `- ${T('draft')}${colon}${d.title !== undefined ? md(d.title) : T('noTitle')}${d.path ? paren(md(d.path)) : ''}${d.year ? year(d.year) : ''}${d.level ? level(md(String(d.level))) : ''}`,
  );
  for (const s of r.sets) out.push(`- ${T('superiorPlan')}${colon}${md(s.title)}${paren(`${md(s.name)}${s.year ? `${comma}${s.year}` : ''}`)}`);
  out.push(`- ${T('scope')}${colon}${md(r.planPart.reason[lang])}`);
  out.push(`- **${T('coverage')}${colon}${pct(r.coverage)}**`);
  out.push(`- ${themeSummaryText(r.summary.themes, lang)}`);
  out.push(`- ${targetSummaryText(r.summary.targets, lang)}`, '');

  out.push(`## ${T('matrix')}`, '');
  out.push(matrixLegend(lang), '');
  const secs = r.matrix.sections;
  // the section titles as printed column headers (a bare number tells a reader nothing)
  const heads = secs.map((n, j) => r.matrix.sectionTitles?.[j] ?? n);
  out.push(`| ${T('superiorTask')} | ${T('status')} | ${heads.map((s) => cell(s)).join(' | ')} |`);
  out.push(`| --- | --- | ${secs.map(() => ':-:').join(' | ')} |`);
  r.themes.forEach((t, i) => {
    const row = r.matrix.cells[i]!.map((v, j) => {
      if (v <= 0) return '';
      const m = t.sections.find((s) => s.number === secs[j]);
      return m?.strength === 'strong' ? '●' : '○';
    });
    out.push(`| ${cell(t.title)} | ${themeStatusLabel[t.status][lang]} | ${row.join(' | ')} |`);
  });
  out.push('');

  out.push(`## ${T('mapping')}`, '');
  for (const t of r.themes) {
    out.push(`### ${md(t.title)} — ${themeStatusLabel[t.status][lang]}`, '');
    if (t.source?.line) out.push(paren(`${T('superiorPlan')}${en ? ', ' : ''}${line(t.source.line)}${colon}${quote(md(t.source.quote ?? ''))}`).trim(), '');
    if (t.sections.length === 0) out.push(`- ${T('noAnswer')}${en ? '.' : '。'}`, '');
    for (const s of t.sections) {
      // the score in words: 强对应/弱对应, against which line, with the words both texts use
      out.push(`- ${md(sectionLabel(s))}${md(s.title)}${paren(line(s.range.start.line + 1))}${colon}${explainMatch(s.strength, s.score, s.terms, md)[lang]}`);
      for (const e of s.evidence) {
        const words = [
          e.terms.length ? `${T('sharedWords')}${colon}${e.terms.map((x) => quote(md(x))).join(en ? ', ' : '、')}` : '',
          e.keywords.length ? `${T('keywords')}${colon}${e.keywords.map(md).join(en ? ', ' : '、')}` : '',
        ].filter(Boolean);
        out.push(
          `  - ${T('evidence')}${colon}${md(sectionLabel(e))}${md(e.title)}${paren(line(e.range.start.line + 1))}${words.length ? `${en ? '; ' : '；'}${words.join(en ? '; ' : '；')}` : ''}`,
        );
      }
    }
    out.push('');
  }

  out.push(`## ${T('targets')}`, '');
  out.push(`| ${T('target')} | ${T('superior')} | ${T('draft')} | ${T('status')} | ${T('explanation')} |`, '| --- | --- | --- | --- | --- |');
  for (const t of r.targets) {
    const sup = `${t.superior.text.replace(t.name, '') || t.superior.text}${t.superior.deadline ? paren(t.superior.deadline) : ''}${t.superior.source?.line ? `${comma}${line(t.superior.source.line)}` : ''}`;
    const dr = t.draft ? `${t.draft.text}${paren(line((t.draft.range?.start.line ?? 0) + 1))}` : '—';
    // in a chain of levels, which level asked for it
    const who = r.sets.length > 1 ? paren(cell(`${t.level ? `${levelText(t.level, lang)} ` : ''}${t.set}`)) : '';
    out.push(`| ${cell(t.name)}${who} | ${cell(sup)} | ${cell(dr)} | ${targetStatusLabel[t.status][lang]} | ${cell(t.reason[lang])} |`);
  }
  out.push('');

  out.push(`## ${T('unmatched')}`, '');
  if (r.unmatchedSections.length === 0) out.push(`- ${T('none')}${en ? '.' : '。'}`);
  for (const s of r.unmatchedSections) out.push(`- ${md(sectionLabel(s))}${md(s.title)}${paren(line(s.range.start.line + 1))}`);
  if (r.planPart.excluded.length) {
    out.push('', `${T('excluded')}${colon}${r.planPart.excluded.map((s) => `${md(sectionLabel(s))}${md(s.title)}`).join(en ? '; ' : '；')}`);
  }
  out.push('');
  // the footer a reviewer signs (issue 15): date, planlint's version, each set's identity
  out.push('---', '');
  if (r.generated) out.push(`${T('date')}${colon}${r.generated.date}\u3000planlint ${r.generated.planlint}`, '');
  for (const s of r.sets)
    out.push(
      `${T('set')}${colon}${s.name}${comma}${s.title}${s.year !== undefined ? year(s.year) : ''}${s.level ? level(s.level) : ''}${s.superior ? `${comma}${T('superiorSet')} ${s.superior}` : ''}${s.hash ? `${comma}${T('hash')} ${s.hash}` : ''}`,
      '',
    );
  out.push(T('signature'), '');
  return out.join('\n');
}
