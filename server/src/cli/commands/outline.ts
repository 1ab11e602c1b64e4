/** `planlint outline FILE… [--format text|json]`: the section tree (一、/（一）/1./（1）) with enumerations. */
import { Option, type Command } from 'commander';
import type { Section } from '../../core/model.js';
import { envFor, type CliCommand } from '../env.js';
import { terminalText } from '../../core/escape.js';
import { enumerationJson, sectionJson } from '../format/model.js';
import { checkNamedDrafts, type DraftResult } from '../pipeline.js';

export function outlineText(r: DraftResult, lang: 'zh' | 'en'): string {
  const { plan } = r;
  const lines: string[] = [];
  const walk = (s: Section, depth: number) => {
    const pos = plan.index.positionAt(s.heading.start);
    const enums = plan.enumerations.filter((e) => e.sectionId === s.id);
    const enumNote = enums
      .map((e) => (lang === 'zh' ? `〔${e.items.map((i) => i.marker).join('、')}〕` : ` [${e.items.map((i) => i.marker).join(', ')}]`))
      .join('');
    lines.push(terminalText(`${'  '.repeat(depth)}${s.token.raw}${s.title}${enumNote}`) + `  ${pos.line + 1}:${pos.character + 1}`);
    for (const c of s.children) walk(c, depth + 1);
  };
  for (const s of plan.sections) walk(s, 0);
  const top = plan.enumerations.filter((e) => e.sectionId === undefined);
  for (const e of top)
    lines.push(`${terminalText(e.items.map((i) => i.marker).join(lang === 'zh' ? '、' : ', '))}  ${plan.index.positionAt(e.start).line + 1}`);
  const count = [1, 2, 3, 4].map((lv) => plan.allSections.filter((s) => s.level === lv).length);
  lines.push(
    lang === 'zh'
      ? `（一级 ${count[0]} 个，二级 ${count[1]} 个，三级 ${count[2]} 个，四级 ${count[3]} 个；列举 ${plan.enumerations.length} 组）`
      : `(level 1: ${count[0]}, level 2: ${count[1]}, level 3: ${count[2]}, level 4: ${count[3]}; ${plan.enumerations.length} enumeration(s))`,
  );
  return lines.join('\n') + '\n';
}

export const command: CliCommand = {
  register(program: Command) {
    program
      .command('outline <files...>')
      .description('打印文稿的层次结构 / print the section tree of drafts')
      .addOption(new Option('-f, --format <format>', '输出格式 / output format').choices(['text', 'json']).default('text'))
      .action(async (files: string[], opts: { format: 'text' | 'json' }, cmd: Command) => {
        const env = envFor(cmd);
        const { results, expanded } = await checkNamedDrafts(files, env);
        if (opts.format === 'json') {
          const json = results.map((r) => ({
            path: r.display,
            sections: r.plan.sections.map((s) => sectionJson(s, r.plan)),
            enumerations: r.plan.enumerations.map((e) => enumerationJson(e, r.plan)),
          }));
          env.out(JSON.stringify(expanded === 1 && json.length === 1 ? json[0] : json, null, 2) + '\n');
        } else {
          for (const r of results) {
            if (expanded > 1) env.out(`${terminalText(r.display)}\n`);
            env.out(outlineText(r, env.lang));
          }
        }
      });
  },
};
