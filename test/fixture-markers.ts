/**
 * Expected findings marked inline in a fixture, as markdownlint's test fixtures do (`{MD029}`): a
 * line ending in ` {rule/id}` (one marker per expected finding, several in a row) expects a finding
 * of that rule starting on that line. The markers are stripped before the text is analysed, so the
 * draft is analysed exactly as written.
 */
import { readFileSync } from 'node:fs';

/** the markers at the end of a line */
const MARKERS_AT_END = /(?: \{[a-z]+\/[a-z-]+\})+$/;
const MARKER = / \{([a-z]+\/[a-z-]+)\}/g;

export interface MarkedFinding {
  rule: string;
  /** 1-based line */
  line: number;
}

/** A fixture's text without its markers, and the findings they mark. */
export function readFixture(file: string): { text: string; marked: MarkedFinding[] } {
  const marked: MarkedFinding[] = [];
  const text = readFileSync(file, 'utf8')
    .split('\n')
    .map((line, i) => {
      const m = MARKERS_AT_END.exec(line);
      if (!m) return line;
      for (const r of m[0].matchAll(MARKER)) marked.push({ rule: r[1]!, line: i + 1 });
      return line.slice(0, m.index);
    })
    .join('\n');
  return { text, marked };
}
