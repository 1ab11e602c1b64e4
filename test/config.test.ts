import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse as parseYamlText } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { parsePlan } from '../server/src/core/parse.js';
import { allRules } from '../server/src/core/rules/index.js';
import { bundledProfilesDir, clearConfigCache, draftSettings, findConfigFile, frontMatterMeta, loadConfig, loadProfile } from '../server/src/node/config.js';
import { readSeed, repoRoot } from './helpers.js';

const seedBody = readSeed('003');

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'planlint-config-'));
}

/** 1-based line/column of the first occurrence of `needle` in `text`. */
function where(text: string, needle: string): { line: number; character: number } {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`no ${needle}`);
  const before = text.slice(0, i).split('\n');
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

afterEach(() => clearConfigCache());

describe('front matter metadata', () => {
  it('accepts valid metadata and returns it', () => {
    const text = `---\ntitle: 2021年鼓楼区卫生健康工作要点\nyear: 2021\nlevel: 区\nissuer: 鼓楼区卫生健康局\nrequirements: [henan-2021]\nprofile: strict\n---\n${seedBody}`;
    const plan = parsePlan(text);
    const { meta, problems } = frontMatterMeta(plan.frontMatter, plan.index, 'draft.txt');
    expect(problems).toEqual([]);
    expect(meta).toMatchObject({ title: '2021年鼓楼区卫生健康工作要点', year: 2021, level: '区', issuer: '鼓楼区卫生健康局' });
    expect(meta.requirements.map((r) => r.value)).toEqual(['henan-2021']);
    expect(meta.profile?.value).toBe('strict');
  });

  it('locates a wrong type at the value, an unknown key at the key, and keeps the valid fields', () => {
    const text = `---\ntitle: 工作要点\nyear: "二〇二一"\nlevel: 村\nauthor: 张三\nrequirements: [henan-2021, 7]\n---\n${seedBody}`;
    const plan = parsePlan(text);
    const { meta, problems } = frontMatterMeta(plan.frontMatter, plan.index, 'draft.txt');
    const year = problems.find((p) => p.message.en.includes('"year"'))!;
    expect(year).toBeDefined();
    expect(year.ruleId).toBe('config/front-matter');
    expect(year.severity).toBe('error');
    expect(year.range.start).toEqual(where(text, '"二〇二一"'));
    expect(year.message.zh).toContain('应为整数');
    const level = problems.find((p) => p.message.en.includes('"level"'))!;
    expect(level.range.start).toEqual(where(text, '村'));
    expect(level.message.zh).toContain('国家、省、市、县、区');
    const author = problems.find((p) => p.message.en.includes('unknown key "author"'))!;
    expect(author.severity).toBe('warning');
    expect(author.range.start).toEqual(where(text, 'author'));
    const req = problems.find((p) => p.message.en.includes('"requirements"'))!;
    expect(req).toBeDefined();
    // valid parts still count
    expect(meta.title).toBe('工作要点');
    expect(meta.year).toBeUndefined();
    expect(meta.requirements.map((r) => r.value)).toEqual(['henan-2021']);
  });

  it('locates YAML syntax errors inside the front matter', () => {
    const text = `---\ntitle: 工作要点\nyear: [2021\n---\n${seedBody}`;
    const plan = parsePlan(text);
    const { problems } = frontMatterMeta(plan.frontMatter, plan.index, 'draft.txt');
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]!.ruleId).toBe('config/front-matter');
    expect(problems[0]!.message.zh).toMatch(/^YAML 语法错误/);
    expect(problems[0]!.range.start.line).toBeGreaterThanOrEqual(2);
    expect(problems[0]!.range.start.line).toBeLessThanOrEqual(3);
  });

  it('checks disable entries', () => {
    const text = `---\ndisable:\n  - numbering/style\n  - rule: heading/punctuation\n    line: 三、提升\n  - 42\n---\n${seedBody}`;
    const plan = parsePlan(text);
    const { problems } = frontMatterMeta(plan.frontMatter, plan.index, 'draft.txt');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.range.start).toEqual(where(text, '42'));
    expect(problems[0]!.message.zh).toContain('规则 id，或 {rule: 规则 id');
  });
});

describe('planlint.yaml', () => {
  it('is found upward from the draft and its values become defaults', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'plans', '2021'), { recursive: true });
    writeFileSync(
      join(dir, 'planlint.yaml'),
      'profile: lenient\nrequirements:\n  - henan-2021\nrules:\n  text/stray-latin: off\n  numbering/style: { severity: error }\n',
    );
    const draft = join(dir, 'plans', '2021', 'a.txt');
    writeFileSync(draft, seedBody);
    expect(findConfigFile(join(dir, 'plans', '2021'))).toBe(join(dir, 'planlint.yaml'));
    const plan = parsePlan(seedBody);
    const s = draftSettings(draft, plan.frontMatter, plan.index, { cwd: dir });
    expect(s.externalProblems).toEqual([]);
    expect(s.profile.rules['text/stray-latin']).toEqual({ severity: 'off' });
    expect(s.profile.rules['numbering/style']).toEqual({ severity: 'error' });
    // lenient's own settings survive where planlint.yaml says nothing
    expect(s.profile.rules['indicator/format']).toEqual({ severity: 'information' });
    expect(s.requirementRefs).toMatchObject({ refs: ['henan-2021'], origin: 'config', baseDir: dir });
  });

  it('front matter beats planlint.yaml and the command line beats both', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'planlint.yaml'), 'profile: lenient\nrequirements: [from-config]\n');
    const text = `---\nprofile: strict\nrequirements: [from-front-matter]\n---\n${seedBody}`;
    const draft = join(dir, 'a.txt');
    writeFileSync(draft, text);
    const plan = parsePlan(text);
    const s1 = draftSettings(draft, plan.frontMatter, plan.index, { cwd: dir });
    expect(s1.profile.name).toBe('strict');
    expect(s1.requirementRefs.refs).toEqual(['from-front-matter']);
    const s2 = draftSettings(draft, plan.frontMatter, plan.index, { cwd: dir, profile: 'gbt9704', requirements: ['from-cli'] });
    expect(s2.profile.name).toBe('gbt9704');
    expect(s2.requirementRefs).toMatchObject({ refs: ['from-cli'], origin: 'cli' });
  });

  it('reports schema violations located, and still uses the valid entries', () => {
    const dir = tmp();
    const yaml =
      'profile: gbt9704\nrequirement: [henan-2021]\nrules:\n  numbering/styel: error\n  heading/punctuation: loud\n  text/stray-latin: off\ninclude: plans/**/*.txt\n';
    writeFileSync(join(dir, 'planlint.yaml'), yaml);
    const c = loadConfig(join(dir, 'planlint.yaml'));
    const msgs = c.problems.map((p) => `${p.range.start.line + 1}:${p.range.start.character + 1} ${p.ruleId} ${p.message.en}`);
    expect(msgs).toContainEqual(expect.stringMatching(/^2:1 config\/schema unknown key "requirement"/));
    expect(msgs).toContainEqual(expect.stringMatching(/^4:3 config\/schema unknown rule id "numbering\/styel"/));
    expect(msgs).toContainEqual(expect.stringMatching(/^5:24 config\/schema "rules\.heading\/punctuation" should be a severity/));
    expect(msgs).toContainEqual(expect.stringMatching(/^7:10 config\/schema "include" should be a list/));
    expect(c.rules).toEqual({ 'text/stray-latin': { severity: 'off' } });
    expect(c.profile?.value).toBe('gbt9704');
  });

  it('reports malformed YAML with its position instead of throwing', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'planlint.yaml'), 'profile: gbt9704\nrules:\n\tnumbering/style: error\n');
    const c = loadConfig(join(dir, 'planlint.yaml'));
    expect(c.problems.length).toBeGreaterThan(0);
    expect(c.problems[0]!.ruleId).toBe('config/yaml');
    expect(c.problems[0]!.range.start.line).toBe(2);
  });
});

describe('profiles', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const schema = JSON.parse(readFileSync(join(repoRoot, 'schemas/profile.schema.json'), 'utf8'));
  const validate = ajv.compile(schema);

  it('bundled profiles are valid against schemas/profile.schema.json', () => {
    const dir = bundledProfilesDir()!;
    const names = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    expect(names).toEqual(expect.arrayContaining(['gbt9704.yaml', 'strict.yaml', 'lenient.yaml']));
    for (const n of names) {
      const data = parseYamlText(readFileSync(join(dir, n), 'utf8'));
      expect(validate(data), `${n}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('the profile and planlint.yaml schemas know exactly the bundled rule ids (self-contained, no cross-file $ref)', () => {
    expect([...schema.definitions.ruleId.enum].sort()).toEqual(allRules.map((r) => r.meta.id).sort());
    const config = JSON.parse(readFileSync(join(repoRoot, 'schemas/config.schema.json'), 'utf8'));
    expect(config.definitions).toEqual(schema.definitions);
    expect(JSON.stringify(config)).not.toMatch(/"\$ref":"[^#]/);
  });

  it('follows extends, and reports a cycle located at the extends key', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.yaml'), 'name: a\nextends: ./b.yaml\nrules:\n  numbering/style: error\n');
    writeFileSync(join(dir, 'b.yaml'), 'name: b\nextends: ./a.yaml\nrules:\n  heading/punctuation: off\n');
    const r = loadProfile('./a.yaml', { baseDir: dir });
    expect(r.profile.rules['numbering/style']).toEqual({ severity: 'error' });
    const cycle = r.problems.find((p) => p.ruleId === 'config/profile')!;
    expect(cycle.message.en).toMatch(/cycle/);
    expect(cycle.range.start.line).toBe(1);
  });

  it('a missing profile is a located problem and the default profile is used', () => {
    const dir = tmp();
    const r = loadProfile('no-such-profile', {
      baseDir: dir,
      referrer: 'planlint.yaml',
      range: { start: { line: 0, character: 9 }, end: { line: 0, character: 24 } },
    });
    expect(r.profile.name).toBe('gbt9704');
    expect(r.problems[0]).toMatchObject({ file: 'planlint.yaml', ruleId: 'config/profile', range: { start: { line: 0, character: 9 } } });
    expect(r.problems[0]!.message.zh).toContain('gbt9704、lenient、strict');
  });

  it('a user profile with a wrong severity is located in that file', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'mine.yaml'), 'name: mine\nrules:\n  numbering/style: fatal\n');
    const r = loadProfile('mine.yaml', { baseDir: dir });
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.range.start).toEqual({ line: 2, character: 19 });
  });
});

describe('the default profile', () => {
  it('server/profiles/gbt9704.yaml says what core’s defaultProfile says (the CLI uses the latter without reading the file)', async () => {
    const { defaultProfile } = await import('../server/src/core/profile.js');
    const r = loadProfile('gbt9704', { baseDir: repoRoot });
    expect(r.problems).toEqual([]);
    expect(r.profile.name).toBe(defaultProfile.name);
    expect(r.profile.rules).toEqual(defaultProfile.rules);
  });
});

describe('rule options', () => {
  it('are checked against the rule’s own optionsSchema, located; valid ones reach the profile', () => {
    const dir = tmp();
    const yaml =
      'rules:\n  numbering/style:\n    severity: error\n    options: { fullwidthPeriod: sometimes }\n  heading/punctuation:\n    options: { strict: true }\n';
    writeFileSync(join(dir, 'planlint.yaml'), yaml);
    const c = loadConfig(join(dir, 'planlint.yaml'));
    const bad = c.problems.find((p) => p.message.en.includes('fullwidthPeriod'))!;
    expect(bad).toBeDefined();
    expect(bad.range.start).toEqual(where(yaml, 'sometimes'));
    expect(bad.message.zh).toContain('allow、warning、error');
    // a rule without options: a warning at its options
    const none = c.problems.find((p) => p.message.en.includes('rule heading/punctuation has no options'))!;
    expect(none.severity).toBe('warning');
    expect(none.range.start).toEqual(where(yaml, '{ strict'));
    expect(c.rules['numbering/style']).toEqual({ severity: 'error' });
    writeFileSync(join(dir, 'ok.yaml'), 'rules:\n  numbering/style:\n    options: { fullwidthPeriod: allow }\n');
    clearConfigCache();
    expect(loadConfig(join(dir, 'ok.yaml')).rules['numbering/style']).toEqual({ options: { fullwidthPeriod: 'allow' } });
  });
});

describe('front matter level', () => {
  it('accepts every level of core/levels.ts, 乡镇 and 街道 included (the schema allows them)', () => {
    for (const level of ['县', '乡镇', '街道']) {
      const plan = parsePlan(`---\nlevel: ${level}\n---\n2021年工作要点\n`);
      const { meta, problems } = frontMatterMeta(plan.frontMatter, plan.index, 'draft.txt');
      expect(problems).toEqual([]);
      expect(meta.level).toBe(level);
    }
  });
});
