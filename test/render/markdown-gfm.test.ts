import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { readTaskSequence } from '../helpers/api.js';
import { renderSequence } from '../../lib/render/render-sequence.js';
import { corpusFiles } from '../helpers/corpus.js';

// What a GitHub-flavoured Markdown renderer makes of the output: the structure must survive any value.
const toHtml = (md: string) => marked.parse(md, { gfm: true, async: false });

describe('Markdown output read by a GFM renderer', { timeout: 60_000 }, () => {
  it('keeps hostile names as text: no tags, links, emphasis or extra table cells come from values', () => {
    const name = '&lt;script&gt;x&lt;/script&gt; | *em* _u_ [a](http://x) ~~s~~ `c` \\ &amp;amp; www.example.com a@b.example';
    const md = renderSequence(readTaskSequence(`<sequence><group name="${name}"><step type="SMS_TaskSequence_SetVariableAction" name="${name}"><defaultVarList><variable name="VariableName" property="VariableName">${name}</variable><variable name="VariableValue" property="VariableValue">v</variable></defaultVarList></step></group></sequence>`), { format: 'md' });
    const html = toHtml(md);
    expect(html).not.toMatch(/<script|<a |<em>|<code>|<del>x/);
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt; | *em* _u_ [a](http://x) ~~s~~ `c` \\ &amp;amp; www.example.com a@b.example');
    // The variables table: a header and one row, four cells each.
    const table = html.slice(html.indexOf('<table>', html.indexOf('Task sequence variables')));
    const rows = table.slice(0, table.indexOf('</table>')).split('<tr>').slice(1);
    expect(rows.map((r) => (r.match(/<t[hd][ >]/g) ?? []).length)).toEqual([4, 4]);
  });

  it('gives every corpus file one list item per group and step, nested as the groups are', () => {
    const depthOf = (html: string) => {
      const out: string[] = [];
      let depth = 0;
      for (const m of html.matchAll(/<ul>|<\/ul>|<li>([\d.]+) <strong>/g)) {
        if (m[0] === '<ul>') depth++;
        else if (m[0] === '</ul>') depth--;
        else out.push(`${m[1]}@${depth}`);
      }
      return out;
    };
    for (const { name, bytes } of corpusFiles().filter((f) => !f.name.includes('.not-well-formed.'))) {
      const doc = readTaskSequence(bytes);
      const html = toHtml(renderSequence(doc, { format: 'md', lint: false }));
      const steps = html.slice(html.indexOf('<h2>Steps</h2>'), html.indexOf('<h2>Task sequence variables</h2>'));
      // Item lines start with their outline number and a bold name (settings lines do not), one list level per group.
      const items = depthOf(steps);
      const expected: string[] = [];
      const walk = (children: typeof doc.sequence.children, prefix: string): void => {
        let i = 0;
        for (const c of children) {
          if (c.kind !== 'group' && c.kind !== 'step' && c.kind !== 'subtasksequence') continue;
          const n = `${prefix}${++i}`;
          expected.push(`${n}@${n.split('.').length}`);
          if (c.kind === 'group') walk(c.children, `${n}.`);
        }
      };
      walk(doc.sequence.children, '');
      expect(items, name).toEqual(expected);
    }
  });
});
