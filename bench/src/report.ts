/** Renders bench/RESULTS.md's figures section from a result file (placeholder, filled in below). */
export function renderResults(result: unknown, previous: string): string {
  void previous;
  return '```json\n' + JSON.stringify(result, null, 2) + '\n```\n';
}
