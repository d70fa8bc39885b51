// A page showed U+200B, U+2060 to U+2064 and U+FEFF as <U+…>, but not the other characters a browser draws as nothing
// that no task sequence name needs: the soft hyphen (`Inst<SHY>all` looked like `Install`, yet is another name to
// ConfigMgr and to a condition), the combining grapheme joiner, the Hangul and Khmer fillers that show as blank, the
// deprecated format characters, the interlinear annotation, shorthand and musical format controls, and the tag
// characters (U+E0000 to U+E007F, which carry a whole hidden ASCII text). They are shown in HTML and Markdown too.
// Left as they are: the joiners U+200C and U+200D, the marks LRM, RLM and ALM, and the variation selectors (emoji and
// CJK names need them).
import { describe, expect, it } from 'vitest';
import { readTaskSequence } from '../helpers/api.js';
import { renderComparison, renderSequence } from '../../lib/render/render-sequence.js';
import { escapeHtml, escapeMarkdown } from '../../lib/render/escape.js';

const INVISIBLE = [0xad, 0x34f, 0x115f, 0x1160, 0x17b4, 0x17b5, 0x206a, 0x206f, 0x3164, 0xffa0, 0xfff9, 0xfffb, 0x1bca0, 0x1bca3, 0x1d173, 0x1d17a, 0xe0001, 0xe0041, 0xe007f];
const shown = (cp: number) => `&lt;U+${cp.toString(16).toUpperCase().padStart(4, '0')}&gt;`;
const doc = (name: string) => readTaskSequence(`<sequence version="3.10"><step type="SMS_TaskSequence_RunCommandLineAction" name="${name}"><action>x</action></step></sequence>`);

describe('characters a browser draws as nothing, on a page', () => {
  it.each(INVISIBLE.map((cp) => [cp.toString(16).toUpperCase(), cp]))('U+%s is shown as <U+…> in HTML and Markdown', (_, cp) => {
    const c = String.fromCodePoint(cp);
    expect(escapeHtml(`Inst${c}all`)).toBe(`Inst${shown(cp)}all`);
    expect(escapeMarkdown(`Inst${c}all`)).toBe(`Inst${shown(cp)}all`);
  });

  it('a name hiding a text in tag characters shows each of them, on a page, in Markdown and in a comparison', () => {
    const hidden = 'run evil.exe'.replace(/./g, (ch) => String.fromCodePoint(0xe0000 + ch.charCodeAt(0)));
    const name = `Install${hidden}`;
    for (const out of [renderSequence(doc(name)), renderSequence(doc(name), { format: 'md' }), renderComparison(doc('Install'), doc(name))]) {
      expect(out).toContain(`Install${shown(0xe0072)}${shown(0xe0075)}`);
      expect(out).not.toMatch(/[\u{E0000}-\u{E007F}\u00AD]/u);
    }
  });

  it('leaves the joiners, the marks and the variation selectors as they are', () => {
    for (const s of ['می\u200Cخواهم', '\u0915\u094D\u200D\u0937', 'a\u200Eb\u200Fc\u061Cd', '\u2764\uFE0F', '\u845B\u{E0100}']) {
      expect(escapeHtml(s)).toBe(s);
      expect(escapeMarkdown(s)).toBe(s);
    }
  });
});
