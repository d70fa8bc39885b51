// The Markdown page's title is a heading, and its text was escaped twice: once as any text at the start of a line
// (`# Approved` as `\# Approved`, leading blanks as `&#32;`), then every `#` again, escapes and references included,
// so a GFM reader showed `\# Approved` and `&#32;&#32;Build`, text the file does not say.
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { renderSequence } from '../lib/render/render-sequence.js';
import { readTaskSequence } from './helpers/api.js';

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
const text = (html: string) => html.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** The heading a GFM reader makes of the page of a sequence named `name`: its level and its text. */
function heading(name: string): { level: string; text: string } {
  const md = renderSequence(readTaskSequence(`<sequence name="${attr(name)}"><step type="SMS_TaskSequence_RunCommandLineAction" name="s"/></sequence>`), { format: 'md', lint: false });
  const html = marked.parse(md.split('\n')[0] as string, { gfm: true, async: false });
  const m = /^<h(\d)>(.*)<\/h\d>\s*$/s.exec(html);
  return { level: m?.[1] ?? `none: ${html}`, text: text(m?.[2] ?? '') };
}

describe('the title of a Markdown page', () => {
  it.each(['# Approved', '## Build # 2', '###### x', '#', 'Build #', 'a\\#b', '&#35; x', '#tag', 'C# tools', '1. first', '- x'])('reads as the name %j', (name) => {
    expect(heading(name)).toEqual({ level: '1', text: name });
  });

  it('shows a name with blanks around it as the heading shows any text: without them, and no character reference', () => {
    for (const name of ['  Build', '\u00a0Deploy', 'Deploy  ']) expect(heading(name)).toEqual({ level: '1', text: name.trim() });
  });
});
