/** docs/rules.md, generated from the rules' metadata (`planlint docs`, `npm run docs`). */
import type { Rule } from '../core/rule.js';
import { allRules } from '../core/rules/index.js';
import { configRules } from './meta.js';
import { ruleAnchor } from '../node/ruledocs.js';

const sev: Record<string, string> = { error: '错误 error', warning: '警告 warning', information: '信息 information', hint: '提示 hint' };

function fence(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const f = '`'.repeat(longest + 1);
  return `${f}text\n${text.replace(/\n$/, '')}\n${f}`;
}

/** the explicit per-rule anchor (`<a id="rule-numbering-style">`): links from diagnostics, SARIF and the table land on it */
function anchor(id: string): string {
  return ruleAnchor(id);
}

function ruleSection(r: Rule): string {
  const m = r.meta;
  const out = [`<a id="${anchor(m.id)}"></a>`, '', `## ${m.id}`, '', m.description.zh, '', `*${m.description.en}*`, ''];
  if (m.docs) out.push(m.docs.zh, '', m.docs.en, '');
  out.push(`- 默认级别 / default severity: ${sev[m.severity] ?? m.severity}`);
  if (m.standard) out.push(`- 依据 / standard: ${m.standard}`);
  out.push(`- 自动修复 / fixable: ${m.fixable ? '是 yes' : '否 no'}`);
  if (m.optionsSchema) out.push('- 选项 / options (profile `rules.' + m.id + '.options`):', '', '```json', JSON.stringify(m.optionsSchema, null, 2), '```');
  out.push('');
  m.examples.forEach((ex, i) => {
    out.push(`### 示例 / example ${i + 1}`, '');
    if (ex.note) out.push(`${ex.note.zh} / ${ex.note.en}`, '');
    out.push('错误 / bad:', '', fence(ex.bad), '', '正确 / good:', '', fence(ex.good), '');
  });
  return out.join('\n');
}

export function rulesMarkdown(): string {
  const out: string[] = [
    '# planlint 规则 / Rules',
    '',
    '<!-- 本文件由 `npm run docs`（`planlint docs`）根据规则元数据生成，请勿手工修改。 Generated from rule metadata by `npm run docs`; do not edit. -->',
    '',
    '规则 id 是稳定的契约：用于规则配置（profile）、planlint.yaml 的 `rules:`、屏蔽标记和 CI 输出。',
    'Rule ids are a stable contract: used by profiles, `rules:` in planlint.yaml, suppression markers and CI output.',
    '',
    '| 规则 rule | 默认级别 severity | 修复 fix | 依据 standard | 说明 |',
    '| --- | --- | --- | --- | --- |',
    ...allRules.map(
      (r) =>
        `| [${r.meta.id}](#${anchor(r.meta.id)}) | ${r.meta.severity} | ${r.meta.fixable ? '✔' : ''} | ${r.meta.standard ?? ''} | ${r.meta.description.zh.replace(/\|/g, '\\|')} |`,
    ),
    '',
    '## 屏蔽 / Suppressing',
    '',
    'Markdown：`<!-- planlint-disable-next-line 规则id -->`（下一行）、行尾 `<!-- planlint-disable-line 规则id -->`（本行）、`<!-- planlint-disable 规则id -->`（全文）；不写规则 id 表示全部规则。',
    '纯文本（及 Markdown）文首元数据：',
    '',
    '```yaml',
    '---',
    'disable:',
    '  - numbering/style            # 全文 / whole file',
    '  - rule: heading/punctuation  # 以此开头的行 / lines starting with this text',
    '    line: "三、加强队伍建设"',
    '---',
    '```',
    '',
    ...allRules.map(ruleSection),
    '## 配置与输入问题 / Configuration and input problems',
    '',
    '这些 id 报告配置文件、文首元数据和输入文件本身的问题，不能在规则配置中关闭。',
    'These ids report problems in configuration, front matter and input files; profiles cannot turn them off.',
    '',
    '| id | 级别 severity | 说明 / description |',
    '| --- | --- | --- |',
    ...configRules.map((r) => `| <a id="${anchor(r.id)}"></a>${r.id} | ${r.severity} | ${r.description.zh} / ${r.description.en} |`),
    '',
  ];
  return out.join('\n');
}
