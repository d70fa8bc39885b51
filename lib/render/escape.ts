/**
 * Escaping for the renderers: every value on a page comes from the file and may hold markup, quotes or ampersands.
 */

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text or a double- or single-quoted attribute value, safe in HTML. */
export function escapeHtml(s: string): string {
  // Most values need nothing: testing first skips building a new string for them (a 2 MB page has ~100,000).
  if (!/[&<>"']/.test(s)) return s;
  return s.replace(/[&<>"']/g, (c) => HTML[c] as string);
}

/**
 * Text safe in GitHub-flavoured Markdown, inline and in a table cell: HTML-significant characters as entities; the
 * punctuation that can start emphasis, code, links or cells backslash-escaped (`(` and `#` need not be: text never
 * starts a line here, and `[` is escaped); autolinks broken; line breaks as spaces (a cell or list item is one line).
 */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/[&<>]/g, (c) => HTML[c] as string)
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    // GFM links bare URLs, www. names and e-mail addresses by itself: an escape in each keeps them plain text. Every
    // one, not only those after a word boundary: a URL after a digit or an underscore (`1https://`, `_www.`) is
    // linked too (cmark-gfm looks back over letters only; marked anywhere).
    .replace(/(https?|ftp):/gi, '$1\\:')
    .replace(/www\./gi, (w) => `${w.slice(0, 3)}\\.`)
    .replace(/@/g, '\\@')
    .replace(/\r\n|\r|\n/g, ' ');
}
