/**
 * Escaping of draft text for each output format. Drafts come from anyone: a heading can hold
 * `<script>`, a Markdown link to `javascript:`, a cell starting with `=` (a spreadsheet formula),
 * or terminal control sequences (ESC, BEL). Every output that carries draft text passes it
 * through the function for its format. Pure, linear, no regular expression that backtracks.
 */

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text for Markdown (a paragraph, list item, heading or table cell): HTML is escaped, the
 * characters that open links, images, emphasis and code are backslash-escaped (so no link can
 * form whatever its scheme), link schemes a renderer might still auto-link are broken, and line
 * breaks become spaces (one line stays one line).
 */
export function markdownText(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    const entity = HTML_ENTITIES[c];
    if (entity) out += entity;
    else if (c === '\r' || c === '\n') out += ' ';
    else if ('\\`*_[]()!|#~'.includes(c)) out += '\\' + c;
    else out += c;
  }
  // a bare scheme is never a link once brackets are escaped; break it anyway for lenient renderers
  return out.replace(/(javascript|vbscript|data|file)(\s*):/gi, '$1$2&#58;');
}

/**
 * One CSV field (RFC 4180: quoted when it contains a comma, quote, CR or LF, or edge white space).
 * A text cell starting with = + - @ (or TAB/CR) would be run as a formula by spreadsheet programs
 * (CSV injection): it gets a leading apostrophe, which Excel and LibreOffice show as text.
 * Numbers are written as numbers (−5 stays a number).
 */
export function csvField(v: unknown): string {
  let s = v === undefined || v === null ? '' : String(v);
  if (typeof v !== 'number' && /^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Text for a terminal or a CI log line: C0 and C1 control characters (ESC, BEL, CSI …), DEL and the
 * bidirectional overrides/isolates (which reorder what is shown) become visible escapes such as
 * `\x1B` or `\u202E`; TAB becomes a space.
 */
export function terminalText(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const control = c < 0x20 || (c >= 0x7f && c <= 0x9f);
    const bidi = (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c === 0x200e || c === 0x200f || c === 0x061c;
    if (!control && !bidi) continue;
    out += s.slice(from, i);
    if (c === 0x09) out += ' ';
    else if (control) out += '\\x' + c.toString(16).toUpperCase().padStart(2, '0');
    else out += '\\u' + c.toString(16).toUpperCase().padStart(4, '0');
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}
