// XML 1.0 allows DEL, the C1 controls (U+0080–U+009F: U+0085 is what "…" becomes when Windows-1252 text is read as
// Latin-1) and the noncharacters U+FDD0–U+FDEF and U+nFFFE/U+nFFFF above the BMP; HTML does not: each is a parse
// error of the page ("control-character-in-input-stream", "noncharacter-in-input-stream"), and a browser shows
// nothing or a box for it. A script can set a name with a C0 control or NUL, which no XML file holds. They are shown
// as `<U+0085>`, as bidirectional controls are: seen, not hidden or passed on.
import { describe, expect, it } from 'vitest';
import { renderIndex, renderSequence } from '../lib/render/render-sequence.js';
import { buildSequenceView } from '../lib/render/build-sequence-view.js';
import { readTaskSequence } from './helpers/api.js';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const planes = range(1, 16).flatMap((p) => [p * 0x10000 + 0xfffe, p * 0x10000 + 0xffff]);
/** The code points XML 1.0 allows in a value and HTML's parser reports as an error. */
const XML_ONLY = [...range(0x7f, 0x9f), ...range(0xfdd0, 0xfdef), ...planes];
/** What HTML's input stream must not hold at all: every control but the blanks, and every noncharacter. */
const isHtmlError = (c: number) => (c < 0x20 && ![0x9, 0xa, 0xd].includes(c)) || (c >= 0x7f && c <= 0x9f) || (c >= 0xfdd0 && c <= 0xfdef) || (c & 0xfffe) === 0xfffe;
const errorsIn = (page: string) => Array.from(page, (c) => c.codePointAt(0) as number).filter(isHtmlError).map((c) => c.toString(16));
const hex = (c: number) => c.toString(16).toUpperCase().padStart(4, '0');

function pageOf(codes: number[]): ReturnType<typeof readTaskSequence> {
  const name = codes.map((c) => `&#x${c.toString(16)};`).join('');
  const xml = `<sequence name="a${name}b"><group name="g${name}" description="d${name}"><step type="SMS_TaskSequence_RunCommandLineAction" name="s${name}"><action>x</action><defaultVarList><variable name="CommandLine" property="CommandLine">c${name}</variable></defaultVarList></step></group></sequence>`;
  return readTaskSequence(xml);
}

describe('control characters and noncharacters in names and values', () => {
  it('leave no HTML parse error on the page or the index, and are shown as <U+…>', () => {
    const doc = pageOf(XML_ONLY);
    const page = renderSequence(doc);
    expect(errorsIn(page)).toEqual([]);
    expect(errorsIn(renderIndex([{ href: 'a.html', view: buildSequenceView(doc) }]))).toEqual([]);
    const shown = XML_ONLY.map((c) => `&lt;U+${hex(c)}&gt;`).join('');
    expect(page).toContain(`<span class="name" dir="auto">s${shown}</span>`);
    expect(page).toContain(`<dd dir="auto">c${shown}</dd>`);
  });

  it('are shown the same way in the Markdown', () => {
    const md = renderSequence(pageOf(XML_ONLY), { format: 'md' });
    expect(errorsIn(md)).toEqual([]);
    expect(md).toContain(`**s${XML_ONLY.map((c) => `&lt;U+${hex(c)}&gt;`).join('')}**`);
  });

  it('a C0 control or NUL a script put in a name is shown too; tabs and line ends stay text', () => {
    const doc = readTaskSequence('<sequence><step type="SMS_TaskSequence_RunCommandLineAction" name="s"/></sequence>');
    const step = doc.sequence.children.find((c) => c.kind === 'step');
    if (step?.kind !== 'step') throw new Error('no step');
    const c0 = range(0, 0x1f).filter((c) => ![0x9, 0xa, 0xd].includes(c));
    step.attributes.name = `x${String.fromCharCode(...c0)}\ty`;
    const page = renderSequence(doc, { lint: false });
    expect(errorsIn(page)).toEqual([]);
    expect(page).toContain(`<span class="name" dir="auto">x${c0.map((c) => `&lt;U+${hex(c)}&gt;`).join('')}\ty</span>`);
  });
});
