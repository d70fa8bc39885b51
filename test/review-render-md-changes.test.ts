import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { readTaskSequence } from './helpers/api.js';
import { renderComparison, renderSequence } from '../lib/render/render-sequence.js';

const toHtml = (md: string) => marked.parse(md, { gfm: true, async: false });
const sequence = (globals: string, name = 'Image build') =>
  readTaskSequence(`<SmsTaskSequencePackage><Name>${name}</Name><SequenceData><sequence version="3.00"><globalVarList>${globals}</globalVarList><step type="SMS_TaskSequence_RunCommandLineAction" name="a"><action>cmd /c a</action></step></sequence></SequenceData></SmsTaskSequencePackage>`);

describe('Markdown of a comparison read by a GFM renderer', () => {
  it('the changes list keeps the + and - of added and removed variables as text, not as nested lists', () => {
    const before = sequence('<variable name="Old" property="Old">1</variable>');
    const after = sequence('<variable name="New" property="New">2</variable>');
    const html = toHtml(renderComparison(before, after, { format: 'md' }));
    const changes = html.slice(html.indexOf('Changes'), html.indexOf('Steps'));
    expect(changes).toContain('+ variable New');
    expect(changes).toContain('- variable Old');
    // One list, not a list in each item.
    expect(changes.match(/<ul>/g)).toHaveLength(1);
  });

  it('a title ending in # keeps it (an ATX heading drops a closing run of #)', () => {
    const html = toHtml(renderSequence(sequence('', 'Build #'), { format: 'md' }));
    expect(html).toContain('<h1>Build #</h1>');
  });
});
