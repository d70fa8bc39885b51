// Characters that print as nothing, beyond the zero-width ones: the soft hyphen, the combining grapheme joiner, the
// Hangul and Khmer fillers, the deprecated format controls, the interlinear annotation marks, the shorthand format
// controls, the musical formatting controls and the tag characters (which can carry a whole ASCII text unseen). A page
// shows them as <U+…> (render/escape.ts); a message on a terminal printed them as they are, so a step name shown in
// an error or a lint finding looked like another.
import { describe, expect, it } from 'vitest';
import { printable } from '../lib/errors.js';

describe('printable: characters that print as nothing', () => {
  const hex = (cps: number[]) => cps.map((cp) => [cp.toString(16).toUpperCase().padStart(4, '0'), cp] as const);

  it.each(hex([0xad, 0x34f, 0x115f, 0x1160, 0x17b4, 0x17b5, 0x2061, 0x2064, 0x206a, 0x206f, 0x3164, 0xffa0, 0xfff9, 0xfffb]))('U+%s is written as its JSON escape', (_, cp) => {
    const c = String.fromCodePoint(cp);
    expect(printable(`Inst${c}all`)).toBe(`Inst\\u${cp.toString(16).padStart(4, '0')}all`);
  });

  it.each(hex([0x1bca0, 0x1bca3, 0x1d173, 0x1d17a, 0xe0000, 0xe0041, 0xe007f]))('U+%s, beyond the BMP, is written as the JSON escape of its two halves', (_, cp) => {
    const c = String.fromCodePoint(cp);
    const halves = [c.charCodeAt(0), c.charCodeAt(1)].map((u) => `\\u${u.toString(16)}`).join('');
    expect(printable(`a${c}b`)).toBe(`a${halves}b`);
    expect(JSON.parse(`"${printable(`a${c}b`)}"`)).toBe(`a${c}b`);
  });

  it('leaves a conjunct (its joiner escaped, as before) and other characters beyond the BMP as they are', () => {
    expect(printable('\u0915\u094d\u200d\u0937 \u{1F600} \u{20000}')).toBe('\u0915\u094d\\u200d\u0937 \u{1F600} \u{20000}');
  });
});
