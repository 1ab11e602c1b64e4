/** `planlint outline FILE… [--format text|json]`: the section tree (一、/（一）/1./（1）) with enumerations. */
import { Option, type Command } from 'commander';
import type { Plan, Section } from '../../core/model.js';
import { CliError, EXIT_USAGE, envFor, type CliCommand } from '../env.js';
import { enumerationJson, sectionJson } from '../format/model.js';
import { checkDraft, isFailure, type DraftResult } from '../pipeline.js';
import { expandPaths } from '../../node/files.js';

export function outlineText(r: DraftResult, lang: 'zh' | 'en'): string {
  const { plan } = r;
  const lines: string[] = [];
  const walk = (s: Section, depth: number) => {
    const pos = plan.index.positionAt(s.heading.start);
    const enums = plan.enumerations.filter((e) => e.sectionId === s.id);
    const enumNote = enums.map((e) => (lang === 'zh' ? `〔${e.items.map((i) => i.marker).join('、')}〕` : ` [${e.items.map((i) => i.marker).join(', ')}]`)).join('');
    lines.push(`${'  '.repeat(depth)}${s.token.raw}${s.title}${enumNote}  ${pos.line + 1}:${pos.character + 1}`);
    for (const c of s.children) walk(c, depth + 1);
  };
  for (const s of plan.sections) walk(s, 0);
  const top = plan.enumerations.filter((e) => e.sectionId === undefined);
  for (const e of top) lines.push(`${e.items.map((i) => i.marker).join(lang === 'zh' ? '、' : ', ')}  ${plan.index.positionAt(e.start).line + 1}`);
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
        const { files: paths, problems } = expandPaths(files);
        for (const p of problems) env.warn(p.message);
        if (paths.length === 0) throw new CliError({ zh: '没有可读取的文稿', en: 'no drafts to read' });
        const json: unknown[] = [];
        for (const file of paths) {
          const r = await checkDraft(file);
          if (isFailure(r)) {
            env.warn({ zh: `${r.display}：${r.message.zh}`, en: `${r.display}: ${r.message.en}` });
            env.exit(EXIT_USAGE);
            continue;
          }
          if (opts.format === 'json') {
            json.push({ path: r.display, sections: r.plan.sections.map((s) => sectionJson(s, r.plan)), enumerations: r.plan.enumerations.map((e) => enumerationJson(e, r.plan)) });
          } else {
            if (paths.length > 1) env.out(`${r.display}\n`);
            env.out(outlineText(r, env.lang));
          }
        }
        if (opts.format === 'json') env.out(JSON.stringify(paths.length === 1 && json.length === 1 ? json[0] : json, null, 2) + '\n');
        if (problems.length) env.exit(EXIT_USAGE);
      });
  },
};
