/**
 * `planlint init [--superior FILE] [--profile NAME] [--requirements NAME|PATH …] [--name NAME]`:
 * writes a commented planlint.yaml in the working directory, with a `yaml-language-server` schema
 * modeline so editors with the YAML extension validate and complete it. Asks about the profile
 * and the requirement sets only when stdin is a terminal (never in CI or a pipe; --yes skips the
 * questions too). With `--superior FILE` it also drafts a requirement set from that superior
 * document (the code of `planlint requirements extract`) into requirements/NAME.yaml and names it
 * in planlint.yaml. Never overwrites: an existing planlint.yaml or set file is exit 2, nothing written.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { readlinePromises } from '../../node/builtins.js';
import type { Command } from 'commander';
import { findBundled } from '../../node/bundled.js';
import { listBundledSets } from '../../node/requirements.js';
import { CliError, collect, envFor, type CliCommand, type CliEnv } from '../env.js';
import { draftRequirementSet } from './requirements.js';
import { stdioStream, writeErr } from '../stdio.js';

interface InitOptions {
  superior?: string;
  name?: string;
  profile?: string;
  requirements?: string[];
  yes?: boolean;
}

const PROFILES = ['gbt9704', 'strict', 'lenient'];

/** The schema reference for the modeline: the bundled schema relative to the new file, else its $id. */
export function schemaRef(configDir: string): string {
  // an npm install in this project first (stable across machines), then the running planlint's own copy
  const local = path.join(configDir, 'node_modules', 'planlint', 'schemas', 'config.schema.json');
  if (existsSync(local)) return './' + path.relative(configDir, local).split(path.sep).join('/');
  const dir = findBundled(['../../schemas', '../schemas', '../../../schemas'], 'config.schema.json');
  if (dir) {
    const rel = path.relative(configDir, path.join(dir, 'config.schema.json')).split(path.sep).join('/');
    return rel.startsWith('.') ? rel : './' + rel;
  }
  return 'https://planlint.dev/schemas/config.schema.json';
}

function yamlList(items: readonly string[]): string {
  return `[${items.map((i) => JSON.stringify(i)).join(', ')}]`;
}

export function configText(schema: string, profile: string, requirements: readonly string[], superior?: string): string {
  return [
    `# yaml-language-server: $schema=${schema}`,
    '#',
    '# planlint 配置 / configuration (schemas/config.schema.json)',
    '# 对本目录及其下各级目录中的文稿生效，离文稿最近的 planlint.yaml 优先；命令行参数和文首元数据可以覆盖这里的设置。',
    '# Applies to drafts in this directory and below (the nearest planlint.yaml wins); the command line and',
    "# a draft's front matter override it. Rules: docs/rules.md, or `npx planlint docs`.",
    '',
    '# 规则配置 / profile: gbt9704（默认 default）、strict、lenient，或 YAML 路径 / or a YAML path',
    `profile: ${profile}`,
    '',
    '# 上级要求集（对照检查）/ requirement sets checked for alignment: bundled names or paths relative to this file',
    ...(superior ? [`# ${requirements[requirements.length - 1]} 由 ${superior} 起草，请人工校订 / drafted from ${superior}: review it`] : []),
    `requirements: ${yamlList(requirements)}`,
    '',
    '# 单条规则的级别 / per-rule severity: error | warning | information | hint | off',
    'rules: {}',
    '#  text/stray-latin: off',
    '#  numbering/style: { severity: error }',
    '',
    '# 参数为目录时检查哪些文件（相对本文件）/ what a directory argument expands to (relative to this file)',
    '# include: ["**/*.{txt,md,docx}"]',
    '# exclude: ["archive/**"]',
    '',
  ].join('\n');
}

async function ask(env: CliEnv, opts: InitOptions): Promise<{ profile: string; requirements: string[] }> {
  let profile = opts.profile ?? 'gbt9704';
  let requirements = opts.requirements ?? [];
  if (opts.yes || !process.stdin.isTTY || opts.profile !== undefined) return { profile, requirements };
  const rl = readlinePromises().createInterface({ input: process.stdin, output: stdioStream(2) });
  // Ctrl+D (end of input) on a question keeps its default
  const question = (q: string) =>
    rl.question(q).then(
      (a) => a.trim(),
      () => '',
    );
  try {
    const zh = env.lang === 'zh';
    const p = await question(zh ? `规则配置（${PROFILES.join('/')}）[${profile}]：` : `Profile (${PROFILES.join('/')}) [${profile}]: `);
    if (p) profile = p;
    if (!opts.requirements && !opts.superior) {
      const sets = listBundledSets().join(', ');
      const r = await question(zh ? `上级要求集（内置：${sets}；逗号分隔，可留空）：` : `Requirement sets (bundled: ${sets}; comma-separated, may be empty): `);
      if (r) requirements = r.split(/[,，\s]+/).filter(Boolean);
    }
  } finally {
    rl.close();
  }
  return { profile, requirements };
}

export const command: CliCommand = {
  register(program: Command) {
    program
      .command('init')
      .description('在当前目录写入带注释的 planlint.yaml（不覆盖已有文件）/ write a commented planlint.yaml here (never overwrites)')
      .option('-s, --superior <file>', '从上级文件起草要求集（requirements/NAME.yaml）/ draft a requirement set from a superior document')
      .option('-n, --name <name>', '起草的要求集名称 / name of the drafted set (default: the file name)')
      .option('-p, --profile <name|path>', '规则配置 / profile (gbt9704, strict, lenient or a path)')
      .option('-r, --requirements <name|path>', '要求集（可重复）/ requirement set (repeatable)', collect)
      .option('-y, --yes', '不提问，使用默认值 / ask nothing, use the defaults')
      .action(async (opts: InitOptions, cmd: Command) => {
        const env = envFor(cmd);
        const dir = process.cwd();
        const target = path.join(dir, 'planlint.yaml');
        const refuse = (file: string) =>
          new CliError({
            zh: `${file} 已存在，未改动（planlint init 不覆盖文件）`,
            en: `${file} already exists; left unchanged (planlint init never overwrites)`,
          });
        if (existsSync(target) || existsSync(path.join(dir, 'planlint.yml'))) throw refuse(existsSync(target) ? 'planlint.yaml' : 'planlint.yml');
        let drafted: Awaited<ReturnType<typeof draftRequirementSet>> | undefined;
        let setRel: string | undefined;
        if (opts.superior) {
          if (!existsSync(opts.superior))
            throw new CliError({
              zh: `找不到上级文件“${opts.superior}”（--superior）`,
              en: `superior document "${opts.superior}" not found (--superior)`,
            });
          drafted = await draftRequirementSet(opts.superior, opts.name);
          const file = (opts.name ?? path.basename(opts.superior).replace(/\.[^.]+$/, '')).replace(/[\\/:*?"<>|]/g, '_');
          setRel = `requirements/${file}.yaml`;
          if (existsSync(path.join(dir, setRel))) throw refuse(setRel);
          if (drafted.warning) env.warn(drafted.warning);
        }
        const answers = await ask(env, opts);
        const requirements = setRel ? [...answers.requirements, setRel] : answers.requirements;
        if (drafted && setRel) {
          mkdirSync(path.join(dir, 'requirements'), { recursive: true });
          writeFileSync(path.join(dir, setRel), drafted.yaml, { flag: 'wx' });
        }
        writeFileSync(target, configText(schemaRef(dir), answers.profile, requirements, opts.superior), { flag: 'wx' });
        const made = setRel ? `planlint.yaml, ${setRel}` : 'planlint.yaml';
        writeErr(env.lang === 'zh' ? `planlint: 已写入 ${made}\n` : `planlint: wrote ${made}\n`);
      });
  },
};
