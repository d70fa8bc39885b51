// A list item's label comes from the file (a property name of a step class the catalog does not know), and it starts
// a Markdown line: `# Approved by CAB` was a heading inside the list, `1. first` an ordered list that dropped its
// "1.". What would start a block at the start of a value is escaped now, and reads as the text itself.
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../lib/render/escape.js';
import { renderSequence } from '../lib/render/render-sequence.js';
import { readTaskSequence } from './helpers/api.js';

const LABELS = ['# Approved by CAB', '1. first', '2) second', '- dash', '+ plus', '=== under', '    code', '---'];
const page = () => {
  const variables = LABELS.map((p, i) => `<variable name="v${i}" property="${p}">x${i}</variable>`).join('');
  return renderSequence(readTaskSequence(`<sequence version="3.00"><group name="G" description=""><step type="Vendor_Custom" name="s" description=""><action>x</action><defaultVarList>${variables}</defaultVarList></step></group></sequence>`), { format: 'md' });
};

describe('Markdown text that starts a line starts no block', () => {
  it('labels starting with #, 1., 2), -, +, = or blanks stay text in their list item', async () => {
    const html = await marked.parse(page());
    expect(html).not.toMatch(/<h[1-6]>[^<]*(Approved|under)/i);
    expect(html).not.toMatch(/<ol|<pre|<hr|<ul>\s*<li>\s*<ul/);
    for (const label of ['# approved by cab: x0', '1. first: x1', '2) second: x2', '- dash: x3', '+ plus: x4', '=== under: x5']) expect(html).toContain(`<li>${label}</li>`);
    expect(html).toContain('code: x6');
  });

  it('escapes only the start: the same characters further in are left as they are', () => {
    expect(escapeMarkdown('a # b 1. c - d')).toBe('a # b 1. c - d');
    expect(escapeMarkdown('1.1')).toBe('1.1');
    expect(escapeMarkdown('-1')).toBe('-1');
    expect(escapeMarkdown('#tag')).toBe('#tag');
    expect(escapeMarkdown('12) x')).toBe('12\\) x');
    expect(escapeMarkdown('---')).toBe('\\---');
  });
});
