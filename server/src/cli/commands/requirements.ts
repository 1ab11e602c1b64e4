/**
 * `planlint requirements extract SUPERIOR [--format yaml|json] [--output FILE] [--name NAME]`:
 * draft a requirement set from a superior document (themes from its numbered tasks, targets
 * from its indicators, each with its source line) for a reviewer to curate.
 * `planlint requirements list`: the bundled sets. `planlint requirements validate FILE…`: check
 * set files against schemas/requirements.schema.json with located messages (exit 2 on problems).
 */
import { readFileSync } from 'node:fs';
import { terminalText } from '../../core/escape.js';
import { writeOutput } from './check.js';
import * as path from 'node:path';
import { Option, type Command } from 'commander';
import { yaml } from '../../core/yaml.js';
import { parsePlan } from '../../core/parse.js';
import { extractRequirementSet } from '../../core/requirements/extract.js';
import { DecodeError, decodeFile } from '../../node/decode.js';
import { bundledSetPath, listBundledSets, parseRequirementSet } from '../../node/requirements.js';
import { CliError, EXIT_USAGE, envFor, type CliCommand } from '../env.js';
import { displayPath } from '../pipeline.js';

async function readText(file: string): Promise<string> {
  try {
    return (await decodeFile(file, readFileSync(file))).text;
  } catch (e) {
    if (e instanceof DecodeError) throw new CliError({ zh: `${file}：${e.localized.zh}`, en: `${file}: ${e.localized.en}` });
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError({ zh: `${file}：无法读取（${code ?? String(e)}）`, en: `${file}: cannot read (${code ?? String(e)})` });
  }
}

/**
 * A requirement set drafted from a superior document, as YAML for curation (also used by
 * `planlint init --superior`). `warning` when no numbered task was found.
 */
export async function draftRequirementSet(
  superior: string,
  name?: string,
): Promise<{ set: ReturnType<typeof extractRequirementSet>; yaml: string; warning?: { zh: string; en: string } }> {
  const text = await readText(superior);
  const plan = parsePlan(text);
  const setName = name ?? path.basename(superior).replace(/\.[^.]+$/, '');
  const set = extractRequirementSet(plan, { document: displayPath(path.resolve(superior)), name: setName });
  const warning =
    set.themes.length === 0
      ? { zh: `${superior}：未找到编号任务（一要/一是/一、/（一））`, en: `${superior}: no numbered tasks found (一要/一是/一、/（一）)` }
      : undefined;
  const out =
    `# planlint requirement set drafted from ${displayPath(path.resolve(superior))} — review and curate before use:\n# check titles, add keywords and synonyms, drop non-binding targets, set each target's theme.\n` +
    yaml().stringify(set, { lineWidth: 0 });
  return { set, yaml: out, ...(warning ? { warning } : {}) };
}

export const command: CliCommand = {
  register(program: Command) {
    const req = program.command('requirements').description('上级规划要求集 / requirement sets (superior plans)');
    req
      .command('extract <superior>')
      .description('从上级文件起草要求集（供人工校订）/ draft a requirement set from a superior document, for curation')
      .addOption(new Option('-f, --format <format>', '输出格式 / output format').choices(['yaml', 'json']).default('yaml'))
      .option('-o, --output <file>', '写入文件而不是标准输出 / write to a file instead of stdout')
      .option('-n, --name <name>', '要求集名称 / set name (default: the file name)')
      .action(async (superior: string, opts: { format: 'yaml' | 'json'; output?: string; name?: string }, cmd: Command) => {
        const env = envFor(cmd);
        const drafted = await draftRequirementSet(superior, opts.name);
        if (drafted.warning) env.warn(drafted.warning);
        const out = opts.format === 'json' ? JSON.stringify(drafted.set, null, 2) + '\n' : drafted.yaml;
        if (opts.output) writeOutput(opts.output, out);
        else env.out(out);
      });
    req
      .command('list')
      .description('列出内置要求集 / list the bundled requirement sets')
      .action((_opts: unknown, cmd: Command) => {
        const env = envFor(cmd);
        for (const name of listBundledSets()) {
          const file = bundledSetPath(name);
          const parsed = file ? parseRequirementSet(readFileSync(file, 'utf8'), { file, name }) : undefined;
          const s = parsed?.set;
          env.out(`${name}\t${s ? `${s.title}（${s.themes.length} 项任务，${s.targets.length} 项指标）` : ''}\n`);
        }
      });
    req
      .command('validate <files...>')
      .description('校验要求集文件 / validate requirement set files')
      .action((files: string[], _opts: unknown, cmd: Command) => {
        const env = envFor(cmd);
        let bad = 0;
        for (const f of files) {
          let text: string;
          try {
            text = readFileSync(f, 'utf8');
          } catch (e) {
            env.warn({
              zh: `${f}：无法读取（${(e as NodeJS.ErrnoException).code ?? String(e)}）`,
              en: `${f}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`,
            });
            bad++;
            continue;
          }
          const r = parseRequirementSet(text.replace(/^\ufeff/, ''), { file: f, name: path.basename(f).replace(/\.ya?ml$/i, '') });
          for (const p of r.problems)
            env.out(terminalText(`${p.file}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${env.t(p.message)} (${p.ruleId})`) + '\n');
          if (r.problems.length) bad++;
          else
            env.out(
              `${f}: ${env.t({ zh: `有效（${r.set!.themes.length} 项任务，${r.set!.targets.length} 项指标）`, en: `valid (${r.set!.themes.length} themes, ${r.set!.targets.length} targets)` })}\n`,
            );
        }
        if (bad) env.exit(EXIT_USAGE);
      });
  },
};
