import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { readTaskSequence } from './helpers/api.js';
import { renderSequence } from '../lib/render/render-sequence.js';

const toHtml = (md: string) => marked.parse(md, { gfm: true, async: false });

// GFM links a URL or www. name after a letter-less prefix such as a digit or an underscore (cmark-gfm looks back over
// letters only, marked anywhere): the escape that keeps it text must not depend on a word boundary before it.
describe('Markdown keeps a URL glued to a word as text', () => {
  it.each(['1https://evil.example/x', '_https://evil.example/x', 'v2ftp://evil.example', '_www.evil.example', 'x_www.evil.example', 'HTTP://A.EXAMPLE'])('%s', (value) => {
    const md = renderSequence(readTaskSequence(`<sequence version="3.00"><step type="SMS_TaskSequence_RunCommandLineAction" name="${value}" description="${value}"><action>${value}</action></step></sequence>`), { format: 'md', lint: false });
    const html = toHtml(md);
    expect(html).not.toContain('<a ');
    expect(html).toContain(`<strong>${value}</strong>`);
  });
});
