/**
 * Requirement sets and drafts are data, never markup (issue 7: untrusted workspaces read sets as
 * data only). Every text field of a hand-written set and of a draft carries HTML/script payloads;
 * the HTML review (shown in a VS Code webview) must contain no element, attribute or URL they
 * could inject, and every payload must still be visible as text.
 */
import { describe, expect, it } from 'vitest';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import fc from 'fast-check';
import { resolveRequirementSets } from '../server/src/node/requirements.js';
import { domainString, mutatedSeed } from './robust-gen.js';
import { repoRoot } from './helpers.js';
import { alignPlan } from '../server/src/core/align/index.js';
import { parsePlan } from '../server/src/core/parse.js';
import { buildReview, renderHtml, renderMarkdown } from '../server/src/core/report/index.js';
import { parseRequirementSet } from '../server/src/node/requirements.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const PAYLOADS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(2)>',
  "'><svg onload=alert(3)>",
  '</style><iframe src=javascript:alert(4)>',
  '<a href="javascript:alert(5)">x</a>',
  ']]><!--',
  '&lt;b&gt;',
];

function walk(n: Node, visit: (e: Element) => void): void {
  if ('tagName' in n) visit(n as Element);
  const kids = (n as { childNodes?: Node[] }).childNodes ?? [];
  for (const k of kids) walk(k, visit);
  const content = (n as { content?: Node }).content;
  if (content) walk(content, visit);
}

function textOf(n: Node): string {
  if (n.nodeName === '#text') return (n as DefaultTreeAdapterMap['textNode']).value;
  return ((n as { childNodes?: Node[] }).childNodes ?? []).map(textOf).join('');
}

describe('the HTML review escapes everything that comes from a set or a draft', () => {
  const q = (s: string) => JSON.stringify(s);
  const yaml = [
    `title: ${q('上级要点' + PAYLOADS[0])}`,
    `issuer: ${q(PAYLOADS[1])}`,
    'themes:',
    ...PAYLOADS.map((p, i) =>
      [`  - id: t${i}`, `    title: ${q('疫情防控' + p)}`, `    keywords: [${q('疫情防控')}, ${q(p)}]`, `    text: ${q('持续推进' + p)}`].join('\n'),
    ),
    'targets:',
    `  - id: x1`,
    `    name: ${q('接种率' + PAYLOADS[2])}`,
    `    theme: t0`,
    `    op: ge`,
    `    value: 90`,
    `    unit: "%"`,
    '',
  ].join('\n');

  it('no injected elements, attributes or URLs; the payloads are shown as text', () => {
    const loaded = parseRequirementSet(yaml, { file: 'hostile.yaml', name: 'hostile' });
    expect(
      loaded.problems.filter((p) => p.severity === 'error'),
      JSON.stringify(loaded.problems),
    ).toEqual([]);
    const set = loaded.set!;
    const draft = `# 工作要点${PAYLOADS[0]}\n一、疫情防控${PAYLOADS[1]}\n（一）持续推进疫情防控${PAYLOADS[3]}，接种率达到90%以上。\n二、其他${PAYLOADS[4]}\n`;
    const plan = parsePlan(draft);
    const review = buildReview(plan, alignPlan(plan, [set]), [set], { path: `plan${PAYLOADS[5]}.md` });
    const html = renderHtml(review);
    const doc = parse(html);
    const tags = new Set<string>();
    walk(doc, (e) => {
      tags.add(e.tagName);
      for (const a of e.attrs) {
        expect(a.name.startsWith('on'), `attribute ${a.name} on <${e.tagName}>`).toBe(false);
        if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data'].includes(a.name)) {
          expect(a.value.toLowerCase().replace(/\s/g, ''), `${a.name} on <${e.tagName}>`).not.toContain('javascript:');
        }
      }
    });
    for (const bad of ['img', 'iframe', 'a']) expect(tags.has(bad), `<${bad}> in the report`).toBe(false);
    const scripts: string[] = [];
    walk(doc, (e) => {
      if (e.tagName === 'script') scripts.push(textOf(e));
    });
    for (const s of scripts) expect(s).not.toContain('alert(');
    const text = textOf(doc);
    expect(text).toContain('疫情防控<script>alert(1)</script>');
    expect(text).toContain('"><img src=x onerror=alert(2)>');
    // Markdown: payloads cannot break out of a table cell into raw HTML blocks either
    const md = renderMarkdown(review);
    expect(md).not.toMatch(/^<script>/m);
  });
});

describe('the review renders for any draft', () => {
  const { sets } = resolveRequirementSets(['henan-2021'], { baseDir: repoRoot });

  it('HTML and Markdown never throw, and no text becomes an event-handler attribute (300 cases)', () => {
    fc.assert(
      fc.property(fc.oneof(domainString(80), mutatedSeed({ window: 3000 })), (text) => {
        const plan = parsePlan(text);
        const review = buildReview(plan, alignPlan(plan, sets), sets, { path: 'plan.txt' });
        const html = renderHtml(review);
        const doc = parse(html);
        walk(doc, (e) => {
          for (const a of e.attrs) expect(a.name.startsWith('on')).toBe(false);
        });
        expect(typeof renderMarkdown(review)).toBe('string');
      }),
      { numRuns: 300 },
    );
  });
});
