/**
 * Issue 17, CI integrations: SARIF for code scanning (uriBaseId, rule help, exit status), GitLab
 * Code Quality (`--format codequality`), `--stdin --fix`, the GitHub Action's command line
 * (action.yml → scripts/action.sh) run on the seeds, and the pre-commit hook validated against the
 * manifest fields pre-commit documents (https://pre-commit.com/#new-hooks).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRules } from '../server/src/core/rules/index.js';
import { bundleCliForTest, repoRoot, seedPath, seedsDir } from './helpers.js';

let cli: string;
const dir = mkdtempSync(join(tmpdir(), 'planlint-ci-'));
beforeAll(async () => {
  cli = await bundleCliForTest('ci');
}, 60000);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(cli, { force: true });
});

const run = (args: string[], input?: string | Buffer, cwd = dir) => spawnSync(process.execPath, [cli, ...args], { cwd, input, encoding: 'utf8' });

// 一、 then 三、: numbering/sequence (error); the heading's full stop: heading/punctuation (warning)
const BROKEN = '一、总体要求\n（一）加强组织领导。\n三、重点任务\n（一）推进医共体建设\n';

describe('SARIF for code scanning', () => {
  it('names %SRCROOT% on every location, documents every rule and records the exit status', () => {
    writeFileSync(join(dir, 'broken.txt'), BROKEN);
    const r = run(['broken.txt', '--format', 'sarif']);
    expect(r.status).toBe(1);
    const run0 = JSON.parse(r.stdout).runs[0];
    expect(run0.invocations).toEqual([{ executionSuccessful: true, exitCode: 1 }]);
    expect(run0.originalUriBaseIds['%SRCROOT%'].uri).toMatch(/^file:\/\/.*\/$/);
    expect(run0.results.map((x: { ruleId: string }) => x.ruleId).sort()).toEqual(['heading/punctuation', 'numbering/sequence']);
    for (const res of run0.results) {
      for (const loc of res.locations) expect(loc.physicalLocation.artifactLocation).toMatchObject({ uri: 'broken.txt', uriBaseId: '%SRCROOT%' });
      for (const fix of res.fixes ?? []) for (const ch of fix.artifactChanges) expect(ch.artifactLocation.uriBaseId).toBe('%SRCROOT%');
    }
    const rules = run0.tool.driver.rules as {
      id: string;
      helpUri?: string;
      fullDescription?: { text: string };
      help?: { text: string; markdown: string };
    }[];
    const ids = rules.map((x) => x.id);
    for (const id of [
      ...allRules.map((x) => x.meta.id),
      'planlint/large-document',
      'config/front-matter',
      'config/schema',
      'config/yaml',
      'config/profile',
      'config/requirements',
      'input/unreadable',
    ]) {
      expect(ids, id).toContain(id);
    }
    const docs = readFileSync(join(repoRoot, 'docs/rules.md'), 'utf8');
    for (const rule of rules) {
      expect(rule.fullDescription?.text, rule.id).toMatch(/\S+ \/ \S+/);
      expect(rule.help?.text, rule.id).toContain(rule.fullDescription!.text.split(' / ')[0]);
      // the link lands on the rule's own anchor in docs/rules.md
      const anchor = /#(rule-[a-z0-9-]+)$/.exec(rule.helpUri ?? '')?.[1];
      expect(anchor, rule.id).toBeDefined();
      expect(docs, rule.id).toContain(`<a id="${anchor}"></a>`);
    }
  });

  it('takes the documentation base from PLANLINT_DOCS_URL (the Action points it at its repository)', () => {
    const r = spawnSync(process.execPath, [cli, 'broken.txt', '--format', 'sarif'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, PLANLINT_DOCS_URL: 'https://github.com/o/planlint/blob/v1/docs/rules.md' },
    });
    const rule = JSON.parse(r.stdout).runs[0].tool.driver.rules.find((x: { id: string }) => x.id === 'numbering/sequence');
    expect(rule.helpUri).toBe('https://github.com/o/planlint/blob/v1/docs/rules.md#rule-numbering-sequence');
    expect(rule.help.markdown).toContain('(https://github.com/o/planlint/blob/v1/docs/rules.md#rule-numbering-sequence)');
  });
});

describe('--format codequality (GitLab)', () => {
  it('lists each finding with GitLab severity, a position and a fingerprint that survives inserted lines', () => {
    writeFileSync(join(dir, 'cq.txt'), BROKEN);
    const r = run(['cq.txt', '--format', 'codequality']);
    expect(r.status).toBe(1);
    const issues = JSON.parse(r.stdout);
    expect(
      issues.map((i: { check_name: string; severity: string; location: { path: string; positions: { begin: { line: number } } } }) => [
        i.check_name,
        i.severity,
        i.location.path,
        i.location.positions.begin.line,
      ]),
    ).toEqual([
      ['heading/punctuation', 'minor', 'cq.txt', 2],
      ['numbering/sequence', 'major', 'cq.txt', 3],
    ]);
    for (const i of issues) {
      expect(i.type).toBe('issue');
      expect(i.description).toContain(`(${i.check_name}`);
      expect(i.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    }
    // a paragraph inserted above moves the findings but keeps their identity
    writeFileSync(join(dir, 'cq.txt'), '2021年全县卫生健康工作要点\n\n' + BROKEN);
    const moved = JSON.parse(run(['cq.txt', '--format', 'codequality']).stdout);
    expect(moved.map((i: { location: { positions: { begin: { line: number } } } }) => i.location.positions.begin.line)).toEqual([4, 5]);
    expect(moved.map((i: { fingerprint: string }) => i.fingerprint)).toEqual(issues.map((i: { fingerprint: string }) => i.fingerprint));
  });
});

describe('--stdin --fix', () => {
  it('prints the fixed text on stdout in the input line endings, the remaining findings on stderr', () => {
    const crlf = BROKEN.replace(/\n/g, '\r\n');
    const r = run(['--stdin', '--fix', '--stdin-filename', 'draft.txt'], crlf);
    // heading/punctuation's safe fix drops the full stop; 一、→三、 has a fix too (renumbering)
    expect(r.stdout).toContain('（一）加强组织领导\r\n');
    expect(r.stdout.split('\r\n').length).toBe(crlf.split('\r\n').length);
    expect(r.stdout).not.toMatch(/[^\r]\n/);
    // fixing twice changes nothing
    const again = run(['--stdin', '--fix', '--stdin-filename', 'draft.txt'], r.stdout);
    expect(again.stdout).toBe(r.stdout);
    // stdout holds only the text: the report went to stderr
    expect(r.stdout).not.toContain('planlint');
  });

  it('passes a clean draft through byte for byte (GB18030 stays GB18030)', () => {
    const text = '一、总体要求\n（一）加强组织领导\n';
    const gb = execFileSync(process.execPath, ['-e', `process.stdout.write(require('iconv-lite').encode(${JSON.stringify(text)}, 'gb18030'))`], {
      cwd: repoRoot,
    });
    const r = spawnSync(process.execPath, [cli, '--stdin', '--fix'], { cwd: dir, input: gb });
    expect(Buffer.compare(r.stdout, gb)).toBe(0);
    expect(r.status).toBe(0);
  });
});

describe('GitHub Action (action.yml)', () => {
  const action = parseYaml(readFileSync(join(repoRoot, 'action.yml'), 'utf8'));
  const step = action.runs.steps.find((s: { id?: string }) => s.id === 'planlint');

  it('is a composite action whose step maps every input to the script', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs).sort()).toEqual(['format', 'max-warnings', 'paths', 'requirements', 'sarif-file']);
    for (const input of Object.keys(action.inputs)) expect(Object.values(step.env).join(' '), input).toContain(`inputs.${input} }}`);
    expect(step.run).toBe('bash "$GITHUB_ACTION_PATH/scripts/action.sh"');
  });

  function runAction(inputs: Record<string, string>, cwd: string) {
    const out = join(cwd, 'github-output');
    writeFileSync(out, '');
    // the step's env, with ${{ inputs.X }} replaced by the input or its default
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      GITHUB_ACTION_PATH: repoRoot,
      GITHUB_OUTPUT: out,
      PLANLINT_BIN: cli,
    };
    for (const [k, v] of Object.entries(step.env as Record<string, string>)) {
      const m = /^\$\{\{ inputs\.([a-z-]+) \}\}$/.exec(v);
      if (m) env[k] = inputs[m[1]!] ?? action.inputs[m[1]!].default;
      // the github context as a run of OWNER/planlint@v1 sees it
      else
        env[k] = v.replace(
          /\$\{\{ github\.([a-z_]+)(?: \|\| github\.[a-z_]+)? \}\}/g,
          (_, name: string) => ({ server_url: 'https://github.com', action_repository: 'o/planlint', action_ref: 'v1' })[name] ?? '',
        );
    }
    const r = spawnSync('bash', ['-c', step.run], { cwd, env, encoding: 'utf8' });
    const outputs = Object.fromEntries(
      readFileSync(out, 'utf8')
        .trim()
        .split('\n')
        .map((l) => l.split('=') as [string, string]),
    );
    return { ...r, outputs };
  }

  it('runs on the seeds: SARIF written, annotations in the log, status as planlint decides', () => {
    const ws = join(dir, 'action-ws');
    mkdirSync(join(ws, 'plans'), { recursive: true });
    for (const f of readdirSync(seedsDir).filter((x) => x.endsWith('.txt'))) copyFileSync(join(seedsDir, f), join(ws, 'plans', f));
    const r = runAction({ paths: 'plans', requirements: 'henan-2021' }, ws);
    const direct = run(['plans', '--requirements', 'henan-2021', '--format', 'json'], undefined, ws);
    const summary = JSON.parse(direct.stdout).summary;
    expect(r.status).toBe(summary.errors > 0 ? 1 : 0);
    expect(r.outputs).toEqual({ 'sarif-file': 'planlint.sarif', 'exit-code': String(r.status) });
    const sarif = JSON.parse(readFileSync(join(ws, 'planlint.sarif'), 'utf8'));
    expect(sarif.runs[0].results.length).toBe(summary.errors + summary.warnings + summary.information + summary.hints);
    expect(sarif.runs[0].tool.driver.rules.find((x: { id: string }) => x.id === 'numbering/style').helpUri).toBe(
      'https://github.com/o/planlint/blob/v1/docs/rules.md#rule-numbering-style',
    );
    // format github: one annotation per finding
    expect(r.stdout.split('\n').filter((l) => /^::(error|warning|notice) file=plans\//.test(l)).length).toBe(sarif.runs[0].results.length);
  });

  it('fails on more warnings than max-warnings, and on errors', () => {
    const ws = join(dir, 'action-ws2');
    mkdirSync(ws, { recursive: true });
    copyFileSync(seedPath('001'), join(ws, 'plan.txt'));
    writeFileSync(join(ws, 'broken.txt'), BROKEN);
    const warn = runAction({ paths: 'plan.txt', 'max-warnings': '0' }, ws);
    const count = JSON.parse(run(['plan.txt', '--format', 'json'], undefined, ws).stdout).summary.warnings;
    expect(count).toBeGreaterThan(0);
    expect(warn.status).toBe(1);
    const err = runAction({ paths: 'broken.txt plan.txt', format: 'stylish' }, ws);
    expect(err.status).toBe(1);
    expect(err.stdout).toContain('numbering/sequence');
  });
});

describe('pre-commit hook (.pre-commit-hooks.yaml)', () => {
  // the manifest fields pre-commit documents for a hook (https://pre-commit.com/#new-hooks)
  const stages = [
    'commit-msg',
    'post-checkout',
    'post-commit',
    'post-merge',
    'post-rewrite',
    'pre-commit',
    'pre-merge-commit',
    'pre-push',
    'pre-rebase',
    'prepare-commit-msg',
    'manual',
  ];
  const languages = [
    'conda',
    'coursier',
    'dart',
    'docker',
    'docker_image',
    'dotnet',
    'fail',
    'golang',
    'haskell',
    'julia',
    'lua',
    'node',
    'perl',
    'pygrep',
    'python',
    'r',
    'ruby',
    'rust',
    'swift',
    'script',
    'system',
  ];
  const hookSchema = {
    type: 'array',
    minItems: 1,
    items: {
      type: 'object',
      required: ['id', 'name', 'entry', 'language'],
      additionalProperties: false,
      properties: {
        id: { type: 'string', minLength: 1 },
        name: { type: 'string', minLength: 1 },
        entry: { type: 'string', minLength: 1 },
        language: { enum: languages },
        alias: { type: 'string' },
        files: { type: 'string' },
        exclude: { type: 'string' },
        types: { type: 'array', items: { type: 'string' } },
        types_or: { type: 'array', items: { type: 'string' } },
        exclude_types: { type: 'array', items: { type: 'string' } },
        always_run: { type: 'boolean' },
        fail_fast: { type: 'boolean' },
        verbose: { type: 'boolean' },
        pass_filenames: { type: 'boolean' },
        require_serial: { type: 'boolean' },
        description: { type: 'string' },
        language_version: { type: 'string' },
        minimum_pre_commit_version: { type: 'string', pattern: '^\\d+\\.\\d+\\.\\d+$' },
        args: { type: 'array', items: { type: 'string' } },
        additional_dependencies: { type: 'array', items: { type: 'string' } },
        stages: { type: 'array', items: { enum: stages } },
        log_file: { type: 'string' },
      },
    },
  };
  const hooks = parseYaml(readFileSync(join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8'));
  const hook = hooks.find((h: { id: string }) => h.id === 'planlint');

  it('matches the manifest schema', () => {
    const validate = new Ajv({ allErrors: true }).compile(hookSchema);
    expect(validate(hooks), JSON.stringify(validate.errors)).toBe(true);
  });

  it('selects plans and skips boilerplate (pre-commit uses Python re.search)', () => {
    const files = new RegExp(hook.files);
    const exclude = new RegExp(hook.exclude);
    const picked = (f: string) => files.test(f) && !exclude.test(f);
    expect(['plans/2023年工作要点.txt', 'a/b.md', '草案.docx'].every(picked)).toBe(true);
    expect(['README.md', 'docs/CHANGELOG.md', 'x.pdf', 'a.doc', 'plan.yaml'].some(picked)).toBe(false);
  });

  it('has an entry that is a bin of the package pre-commit installs (the root package.json), and the package carries it', () => {
    const root = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
    expect(hook.language).toBe('node');
    expect(Object.keys(root.bin)).toContain(hook.entry);
    const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--ignore-scripts', '--json'], { cwd: repoRoot, encoding: 'utf8' }));
    const files = packed[0].files.map((f: { path: string }) => f.path);
    expect(files).toContain(root.bin[hook.entry]);
    expect(files).toContain('server/sets/henan-2021.yaml');
    expect(root.dependencies ?? {}).toEqual({});
  });

  it('runs as pre-commit runs it: entry, args, then the staged file names', () => {
    writeFileSync(join(dir, 'broken.txt'), BROKEN);
    copyFileSync(seedPath('002'), join(dir, 'seed.txt'));
    const r = run([...(hook.args ?? []), 'broken.txt', 'seed.txt']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('numbering/sequence');
  });
});
