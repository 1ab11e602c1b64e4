/** YAML front matter (`---` … `---`) at the start of a draft, located in document offsets. */
import { yaml, yamlTooDeep, YAML_TOO_DEEP } from '../yaml.js';
import type { FrontMatter } from '../model.js';

export function parseFrontMatter(text: string): FrontMatter | undefined {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!text.startsWith('---', bom)) return undefined;
  const firstEol = text.indexOf('\n', bom);
  if (firstEol < 0 || text.slice(bom + 3, firstEol).trim() !== '') return undefined;
  const sourceStart = firstEol + 1;
  const closing = /^(---|\.\.\.)[ \t]*\r?$/m;
  closing.lastIndex = 0;
  const rest = text.slice(sourceStart);
  const m = closing.exec(rest);
  if (!m) return undefined;
  const sourceEnd = sourceStart + m.index;
  let end = sourceEnd + m[0].length;
  if (text[end] === '\r') end++;
  if (text[end] === '\n') end++;
  const source = text.slice(sourceStart, sourceEnd);
  const errors: FrontMatter['errors'] = [];
  let data: Record<string, unknown> | undefined;
  const deep = yamlTooDeep(source);
  if (deep >= 0) {
    errors.push({ message: YAML_TOO_DEEP.en, span: { start: sourceStart + deep, end: sourceStart + deep + 1 } });
    return { start: bom, end, source, sourceStart, data, errors };
  }
  try {
    const doc = yaml().parseDocument(source, { prettyErrors: false });
    for (const e of doc.errors) {
      errors.push({ message: e.message, span: { start: sourceStart + e.pos[0], end: sourceStart + Math.max(e.pos[1], e.pos[0] + 1) } });
    }
    if (doc.errors.length === 0) {
      const js: unknown = doc.toJS();
      if (js && typeof js === 'object' && !Array.isArray(js)) data = js as Record<string, unknown>;
      else if (js !== null && js !== undefined) {
        errors.push({ message: 'front matter must be a mapping', span: { start: sourceStart, end: sourceEnd } });
      } else data = {};
    }
  } catch (e) {
    errors.push({ message: String(e), span: { start: sourceStart, end: sourceEnd } });
  }
  return { start: bom, end, source, sourceStart, data, errors };
}
