/**
 * HTML rendering of the review report: one self-contained file (inline CSS, inline SVG chart,
 * no scripts, no network), printable (A4, tables repeat their header rows).
 */
import type { Review } from './model.js';
import {
  levelText,
  lineText,
  matrixLegend,
  reportLabel,
  sectionLabel,
  targetStatusLabel,
  targetSummaryText,
  themeStatusLabel,
  themeSummaryText,
  type ReportLang,
} from './model.js';

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const COLORS = { covered: '#2e7d32', partial: '#f9a825', missing: '#c62828' } as const;

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

/** Horizontal bar chart: one bar per theme, its best match score, coloured by status. */
function chart(r: Review, lang: ReportLang): string {
  const L = (zh: string, en: string) => (lang === 'en' ? en : zh);
  const heading = L(`各项任务对应强度 · 总体覆盖率 ${pct(r.coverage)}`, `Theme match scores · coverage ${pct(r.coverage)}`);
  const rowH = 24;
  const labelW = 300;
  const barW = 360;
  const top = 28;
  const h = top + r.themes.length * rowH + 30;
  const max = Math.max(0.5, ...r.themes.map((t) => t.score));
  const x = (v: number) => labelW + (Math.min(v, max) / max) * barW;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${labelW + barW + 60}" height="${h}" viewBox="0 0 ${labelW + barW + 60} ${h}" role="img" aria-label="${L('各项任务对应强度', 'Theme match scores')}">`,
  );
  parts.push(`<title>${heading}</title>`);
  parts.push(`<text x="0" y="16" font-size="13" font-weight="bold">${heading}</text>`);
  r.themes.forEach((t, i) => {
    const y = top + i * rowH;
    parts.push(
      `<text x="${labelW - 8}" y="${y + 16}" font-size="12" text-anchor="end">${escapeHtml(t.title.length > 22 ? t.title.slice(0, 21) + '…' : t.title)}</text>`,
    );
    parts.push(
      `<rect class="bar ${t.status}" x="${labelW}" y="${y + 4}" width="${Math.max(1, x(t.score) - labelW).toFixed(1)}" height="${rowH - 8}" fill="${COLORS[t.status]}"><title>${escapeHtml(`${t.title}${L('：', ': ')}${themeStatusLabel[t.status][lang]} ${t.score.toFixed(2)}`)}</title></rect>`,
    );
    parts.push(`<text x="${(x(t.score) + 4).toFixed(1)}" y="${y + 16}" font-size="11">${t.score.toFixed(2)}</text>`);
  });
  const axisY = top + r.themes.length * rowH + 4;
  // the thresholds: weak evidence (partial) and strong evidence (covered)
  const thresholds: [number, string][] = [
    [r.thresholds.weak, L('部分', 'partial')],
    [r.thresholds.strong, L('覆盖', 'covered')],
  ];
  for (const [v, label] of thresholds) {
    parts.push(`<line class="threshold" x1="${x(v).toFixed(1)}" y1="${top}" x2="${x(v).toFixed(1)}" y2="${axisY}" stroke="#888" stroke-dasharray="4 3"/>`);
    parts.push(`<text x="${x(v).toFixed(1)}" y="${axisY + 16}" font-size="10" text-anchor="middle">${label} ${v.toFixed(2)}</text>`);
  }
  parts.push(`<line x1="${labelW}" y1="${top}" x2="${labelW}" y2="${axisY}" stroke="#555"/>`);
  parts.push(
    `<text x="${labelW}" y="${axisY + 16}" font-size="11">0</text><text x="${labelW + barW}" y="${axisY + 16}" font-size="11" text-anchor="end">${max.toFixed(2)}</text>`,
  );
  parts.push('</svg>');
  return parts.join('');
}

const CSS = `
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif;margin:2em auto;max-width:60em;color:#222;line-height:1.5}
h1{font-size:1.5em;border-bottom:2px solid #333;padding-bottom:.2em}h2{font-size:1.2em;margin-top:1.6em;border-left:4px solid #1565c0;padding-left:.4em}
table{border-collapse:collapse;width:100%;margin:.6em 0;font-size:.9em}th,td{border:1px solid #bbb;padding:.25em .45em;vertical-align:top}
th{background:#eef2f7}thead{display:table-header-group}tr{page-break-inside:avoid}
td.c{text-align:center}.covered{color:#2e7d32}.partial{color:#b8860b}.missing,.weaker{color:#c62828}.met,.stronger{color:#2e7d32}.not-applicable,.not-comparable{color:#777}
.meta{list-style:none;padding:0}.meta li{margin:.15em 0}.terms{color:#555;font-size:.9em}.big{font-size:1.3em;font-weight:bold}
th.sec{font-weight:normal;font-size:.8em;min-width:4em;max-width:9em}svg{max-width:100%;height:auto}td.covered,td.partial,td.missing,td.met,td.stronger,td.weaker,td.not-applicable{white-space:nowrap}
@media print{body{margin:0;max-width:none;font-size:10.5pt}h2{page-break-after:avoid}a{color:inherit;text-decoration:none}}
@page{size:A4;margin:18mm 15mm}`;

export interface RenderOptions {
  /** the report's language: labels in Chinese (default) or English, not both */
  lang?: ReportLang;
}

export function renderHtml(r: Review, opts: RenderOptions = {}): string {
  const e = escapeHtml;
  const d = r.draft;
  const out: string[] = [];
  const lang = opts.lang ?? 'zh';
  const L = (zh: string, en: string) => (lang === 'en' ? en : zh);
  const T = (k: keyof typeof reportLabel) => reportLabel[k][lang];
  const colon = L('：', ': ');
  out.push(
    '<!DOCTYPE html>',
    `<html lang="${lang === 'en' ? 'en' : 'zh-CN'}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<title>${e(`${T('title')} — ${d.title ?? ''}`)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
  );
  out.push(`<h1>${T('title')}</h1>`);
  out.push('<ul class="meta">');
  out.push(
    `<li>${T('draft')}${colon}${e(d.title ?? T('noTitle'))}${d.path ? L(`（${e(d.path)}）`, ` (${e(d.path)})`) : ''}${d.year ? L(`，${d.year} 年`, `, ${d.year}`) : ''}${d.level ? L('，', ', ') + e(levelText(d.level, lang)) : ''}</li>`,
  );
  for (const s of r.sets) out.push(`<li>${T('superiorPlan')}${colon}${e(s.title)}（${e(s.name)}）</li>`);
  out.push(`<li>${T('scope')}${colon}${e(r.planPart.reason[lang])}</li>`);
  const st = r.summary.themes;
  const tt = r.summary.targets;
  out.push(`<li class="big" id="coverage" data-coverage="${r.coverage}">${T('coverage')}${colon}${pct(r.coverage)}</li>`);
  out.push(`<li>${themeSummaryText(st, lang)}</li>`);
  out.push(`<li>${targetSummaryText(tt, lang)}</li>`);
  out.push('</ul>');
  out.push(`<figure>${chart(r, lang)}</figure>`);

  out.push(`<h2>${T('matrix')}</h2>`);
  out.push(`<p>${matrixLegend(lang)}</p>`);
  out.push(`<table id="matrix"><thead><tr><th>${T('superiorTask')}</th><th>${T('status')}</th>`);
  // the section titles are printed (a title on hover is lost on paper)
  r.matrix.sections.forEach((n, j) => out.push(`<th class="sec" title="${e(r.matrix.sectionTitles?.[j] ?? n)}">${e(r.matrix.sectionTitles?.[j] ?? n)}</th>`));
  out.push('</tr></thead><tbody>');
  r.themes.forEach((t, i) => {
    out.push(`<tr data-theme="${e(t.id)}"><td>${e(t.title)}</td><td class="${t.status}">${themeStatusLabel[t.status][lang]}</td>`);
    r.matrix.cells[i]!.forEach((v, j) => {
      const m = t.sections.find((s) => s.number === r.matrix.sections[j]);
      out.push(
        v > 0 && m
          ? `<td class="c" title="${e(`${v.toFixed(2)}${colon}${m.terms.join(L('、', ', '))}`)}">${m.strength === 'strong' ? '●' : '○'}</td>`
          : '<td class="c"></td>',
      );
    });
    out.push('</tr>');
  });
  out.push('</tbody></table>');

  out.push(`<h2>${T('mapping')}</h2>`);
  out.push(
    `<table id="themes"><thead><tr><th>${L('上级任务（出处）', 'Superior task (source)')}</th><th>${T('status')}</th><th>${L('草案对应部分与共同词', 'Answering parts and shared words')}</th></tr></thead><tbody>`,
  );
  for (const t of r.themes) {
    const src = t.source?.line
      ? `<div class="terms">${L(`上级第 ${t.source.line} 行：“${e(t.source.quote ?? '')}”`, `superior line ${t.source.line}: “${e(t.source.quote ?? '')}”`)}</div>`
      : '';
    const secs = t.sections.length
      ? t.sections
          .map(
            (s) =>
              `<div>${e(sectionLabel(s))}${e(s.title)}${L('（', ' (')}${lineText(s.range.start.line + 1, lang)}${L('）', ')')}<div class="terms">${e(s.explanation[lang])}</div></div>`,
          )
          .join('')
      : T('noAnswer');
    out.push(`<tr><td>${e(t.title)}${src}</td><td class="${t.status}">${themeStatusLabel[t.status][lang]}</td><td>${secs}</td></tr>`);
  }
  out.push('</tbody></table>');

  out.push(`<h2>${T('targets')}</h2>`);
  out.push(
    `<table id="targets"><thead><tr><th>${T('target')}</th><th>${T('superior')}</th><th>${T('draft')}</th><th>${T('status')}</th><th>${T('explanation')}</th></tr></thead><tbody>`,
  );
  for (const t of r.targets) {
    const sup = `${e(t.superior.text)}${t.superior.deadline ? e(`（${t.superior.deadline}）`) : ''}${t.superior.source?.line ? `<div class="terms">${lineText(t.superior.source.line, lang)}</div>` : ''}`;
    const dr = t.draft ? `${e(t.draft.text)}<div class="terms">${lineText((t.draft.range?.start.line ?? 0) + 1, lang)}</div>` : '—';
    // in a chain of levels, which level asked for it
    const who = r.sets.length > 1 ? `<div class="terms">${e(t.level ? `${levelText(t.level, lang)} ` : '')}${e(t.set)}</div>` : '';
    out.push(
      `<tr data-target="${e(t.id)}"><td>${e(t.name)}${who}</td><td>${sup}</td><td>${dr}</td><td class="${t.status}">${targetStatusLabel[t.status][lang]}</td><td>${e(t.reason[lang])}</td></tr>`,
    );
  }
  out.push('</tbody></table>');

  out.push(`<h2>${T('unmatched')}</h2>`);
  out.push('<ul id="unmatched">');
  if (r.unmatchedSections.length === 0) out.push(`<li>${T('none')}</li>`);
  for (const s of r.unmatchedSections)
    out.push(`<li>${e(sectionLabel(s))}${e(s.title)}${L('（', ' (')}${lineText(s.range.start.line + 1, lang)}${L('）', ')')}</li>`);
  out.push('</ul>');
  if (r.planPart.excluded.length)
    out.push(`<p>${T('excluded')}${colon}${r.planPart.excluded.map((s) => `${e(sectionLabel(s))}${e(s.title)}`).join(L('；', '; '))}</p>`);
  // the footer a reviewer signs: date, planlint's version, each set's identity
  out.push('<footer id="footer"><hr>');
  if (r.generated) out.push(`<p>${T('date')}${colon}${e(r.generated.date)}\u3000planlint ${e(r.generated.planlint)}</p>`);
  for (const s of r.sets)
    out.push(
      `<p>${T('set')}${colon}${[e(s.name), e(s.title), s.year !== undefined ? L(`${s.year} 年`, `${s.year}`) : '', s.level ? e(levelText(s.level, lang)) : '', s.superior ? `${T('superiorSet')} ${e(s.superior)}` : '', s.hash ? `${T('hash')} ${e(s.hash)}` : ''].filter((x) => x).join(L('，', ', '))}</p>`,
    );
  out.push(`<p>${T('signature')}</p>`);
  out.push('</footer>');
  out.push('</body>', '</html>', '');
  return out.join('\n');
}
