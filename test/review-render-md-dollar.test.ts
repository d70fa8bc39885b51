import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { readTaskSequence } from './helpers/api.js';
import { renderSequence } from '../lib/render/render-sequence.js';

// GitHub renders the text between two `$` as math: admin shares (`Deploy$`, `c$`) in one line made a formula of the
// path between them. A `\$` is shown as `$` by any CommonMark reader and starts no math.
const line = String.raw`xcopy \\srv\Deploy$\Drivers \\pc\c$\Drivers`;
const doc = () =>
  readTaskSequence(`<sequence version="3.10"><group name="Copy $1 to $2"><step type="SMS_TaskSequence_RunCommandLineAction" name="Copy from admin share"><action>smsswd.exe /run: ${line}</action><defaultVarList><variable name="CommandLine" property="CommandLine" hidden="true">${line}</variable></defaultVarList></step></group></sequence>`);

describe('Markdown escapes the dollar signs of values', () => {
  it('writes every $ from the file as \\$', () => {
    const md = renderSequence(doc(), { format: 'md', lint: false });
    expect(md).toContain(String.raw`xcopy \\\\srv\\Deploy\$\\Drivers \\\\pc\\c\$\\Drivers`);
    expect(md).toContain(String.raw`**Copy \$1 to \$2**`);
    expect(md).not.toMatch(/(^|[^\\])\$/m);
  });

  it('which a GFM renderer shows as the text written', () => {
    const html = marked.parse(renderSequence(doc(), { format: 'md', lint: false }), { gfm: true, async: false });
    expect(html).toContain(line);
    expect(html).toContain('Copy $1 to $2');
  });
});
