import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { readTaskSequence } from './helpers/api.js';
import { renderSequence } from '../lib/render/render-sequence.js';

const toHtml = (md: string) => marked.parse(md, { gfm: true, async: false });

describe('Markdown emphasis around names and descriptions with spaces at their ends', () => {
  it('a name or description with a trailing space or line end is still bold, italic or struck through', () => {
    const xml =
      '<sequence version="3.10"><step type="SMS_TaskSequence_RunCommandLineAction" name="Install client " description="Installs the client.&#xA;"><action>cmd /c a</action></step>' +
      '<step type="SMS_TaskSequence_RunCommandLineAction" name=" Old step" disable="true"><action>cmd /c b</action></step></sequence>';
    const html = toHtml(renderSequence(readTaskSequence(xml), { format: 'md' }));
    expect(html).toContain('<strong>Install client</strong>');
    expect(html).toContain('<em>Installs the client.</em>');
    expect(html).toContain('<strong><del>Old step</del></strong>');
    expect(html).not.toMatch(/\*\*|~~/);
  });
});
