// One list of the characters cmts does not print as they are, in lib/unprintable.ts: a message (printable, behind every
// error line) escapes them, a rendered page shows them as <U+…>. Each used to keep its own copy (a range in errors.ts,
// another in render/escape.ts), and a character added to one was missing from the other. Every code point is tried
// on both: they agree on every character but those of the groups one of them alone treats, each for its own reason.
import { describe, expect, it } from 'vitest';
import { printable } from '../lib/errors.js';
import { escapeHtml } from '../lib/render/escape.js';
import * as unprintable from '../lib/unprintable.js';

const inClass = (source: string) => new RegExp(`^[${source}]$`, 'u');
const { CONTROLS, LINE_BREAKS, BIDI_CONTROLS, BIDI_MARKS, JOINERS, INVISIBLE, NONCHARACTERS } = unprintable;

/** Every code point but the surrogates, as a string. */
function* everyCharacter(): Generator<string> {
  for (let cp = 0; cp <= 0x10ffff; cp++) if (cp < 0xd800 || cp > 0xdfff) yield String.fromCodePoint(cp);
}

describe('the characters not printed as they are', () => {
  it('are one list in groups, which the message and the page are made of', () => {
    expect(unprintable.MESSAGE_ESCAPED).toBe(CONTROLS + LINE_BREAKS + BIDI_CONTROLS + BIDI_MARKS + JOINERS + INVISIBLE);
    expect(unprintable.PAGE_SHOWN).toBe(CONTROLS + BIDI_CONTROLS + INVISIBLE + NONCHARACTERS);
  });

  it('are escaped in a message and shown as <U+…> on a page alike, but for the groups each leaves to the other', () => {
    const shared = inClass(CONTROLS + BIDI_CONTROLS + INVISIBLE);
    const messageOnly = inClass(LINE_BREAKS + BIDI_MARKS + JOINERS);
    const pageOnly = inClass(NONCHARACTERS);
    const wrong: string[] = [];
    const counted = { shared: 0, messageOnly: 0, pageOnly: 0 };
    for (const c of everyCharacter()) {
      const inMessage = printable(c) !== c;
      const onPage = escapeHtml(c).startsWith('&lt;U+');
      const expected = shared.test(c) ? [true, true] : messageOnly.test(c) ? [true, false] : pageOnly.test(c) ? [false, true] : [false, false];
      if (inMessage !== expected[0] || onPage !== expected[1]) wrong.push(`U+${(c.codePointAt(0) as number).toString(16)}: message ${inMessage}, page ${onPage}`);
      if (shared.test(c)) counted.shared++;
      else if (messageOnly.test(c)) counted.messageOnly++;
      else if (pageOnly.test(c)) counted.pageOnly++;
    }
    expect(wrong.slice(0, 20)).toEqual([]);
    // C0 but tab, LF and CR (29), DEL and C1 (33), the bidi controls (9), the invisible ones (36 + 128 tags); the tab,
    // line ends and separators (5), the marks (3) and joiners (2); the noncharacters (32 + 2 in each of 17 planes).
    expect(counted).toEqual({ shared: 29 + 33 + 9 + 36 + 128, messageOnly: 5 + 3 + 2, pageOnly: 32 + 2 * 17 });
  });

  it('include what each user is documented to treat', () => {
    for (const c of ['\u0000', '\u001b', '\u0085', '\u202e', '\u2068', '\u200b', '\u2060', '\ufeff', '\u00ad', '\u{e0041}']) {
      expect(printable(c), c).not.toBe(c);
      expect(escapeHtml(c), c).toMatch(/^&lt;U\+[0-9A-F]{4,5}&gt;$/);
    }
    // The page keeps line ends and the marks and joiners a right-to-left or joined script needs; a message, one line
    // on a terminal, escapes them.
    for (const c of ['\n', '\t', '\u2028', '\u200e', '\u061c', '\u200d']) expect([printable(c) !== c, escapeHtml(c) === c], c).toEqual([true, true]);
    expect([printable('\uffff'), escapeHtml('\uffff')]).toEqual(['\uffff', '&lt;U+FFFF&gt;']);
  });
});
