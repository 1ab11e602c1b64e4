/** `planlint docs`: prints the rule reference (docs/rules.md) generated from rule metadata. */
import type { Command } from 'commander';
import { envFor, type CliCommand } from '../env.js';
import { rulesMarkdown } from '../docs.js';

export const command: CliCommand = {
  register(program: Command) {
    program
      .command('docs')
      .description('打印规则文档（Markdown，即 docs/rules.md）/ print the rule reference (Markdown, docs/rules.md)')
      .action((_opts: unknown, cmd: Command) => {
        envFor(cmd).out(rulesMarkdown());
      });
  },
};
