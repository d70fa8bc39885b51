// Two step names that differ only by a character no one sees (a zero width space, a word joiner, U+FEFF) are two
// names to ConfigMgr; a page shows the character as <U+200B>, as it shows bidirectional controls, in the HTML and the
// Markdown. The joiners some scripts need (U+200C, U+200D) are left as they are.
import { describe, expect, it } from 'vitest';
import { readTaskSequence } from './helpers/api.js';
import { renderSequence } from '../lib/render/index.js';

const doc = (name: string) => readTaskSequence(`<sequence version="3.10"><step type="SMS_TaskSequence_RunCommandLineAction" name="${name}"><action>x</action></step></sequence>`);

describe('invisible characters in a name on a page', () => {
  it('are shown as <U+…> in HTML and Markdown', () => {
    for (const [c, shown] of [['\u200B', 'U+200B'], ['\u2060', 'U+2060'], ['\uFEFF', 'U+FEFF'], ['\u2063', 'U+2063']] as const) {
      const html = renderSequence(doc(`Install${c}`));
      expect(html).toContain(`Install&lt;${shown}&gt;`);
      expect(html).not.toContain(`Install${c}`);
      const md = renderSequence(doc(`Install${c}`), { format: 'md' });
      expect(md).toContain(`Install&lt;${shown}&gt;`);
      expect(md).not.toContain(`Install${c}`);
    }
  });

  it('leave the joiners U+200C and U+200D as they are', () => {
    const name = 'می\u200Cخواهم \u0915\u094D\u200D\u0937';
    expect(renderSequence(doc(name))).toContain(name);
  });
});
