// The held-text splice (see held-splice.test.ts) on generated holders and edits: whatever the holder's form and the
// edit, what it writes is well-formed, reads back as the edited text, and leaves no empty section where the written
// middle meets the text kept.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splicedHeldText } from '../lib/containers/held-splice.js';
import { readHeldText } from '../lib/containers/held-text.js';
import { checkWellFormed } from '../lib/xml/parse.js';

describe('splicedHeldText on generated holders and edits', () => {
  // Held text of the characters that make splicing hard: the CDATA end, markup, references, a surrogate pair.
  const piece = fc.constantFrom('a', 'b', ']', '>', '<', '&', '"', "'", ']]>', '<![CDATA[', '\u{1F600}', '\r\n', ' ');
  const heldString = fc.array(piece, { maxLength: 30 }).map((p) => p.join(''));
  const ESCAPED: Record<string, string> = { '&': '&amp;', '<': '&lt;', '\u{1F600}': '&#x1F600;' };
  /** The text written as a file would: cut into stretches, each a CDATA section (split at `]]>`) or escaped text. */
  const written = (text: string, cuts: number[], forms: boolean[], literalGt: boolean): string => {
    const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((x, y) => x - y);
    const parts: string[] = [];
    let last = 0;
    for (const [i, c] of [...at, text.length].entries()) {
      // Never inside a surrogate pair: a reference or a section cannot hold half of one.
      const end = c > 0 && c < text.length && text.charCodeAt(c - 1) >= 0xd800 && text.charCodeAt(c - 1) <= 0xdbff ? c + 1 : c;
      if (end <= last) continue;
      const s = text.slice(last, end);
      const from = last;
      last = end;
      if (forms[i % forms.length]) parts.push(`<![CDATA[${s.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`);
      else {
        // A `>` after `]]` is `&gt;` (no text may hold `]]>`), judged in the whole text: the `]]` may end the stretch before.
        const gt = (k: number): string => (!literalGt || text.slice(Math.max(0, from + k - 2), from + k) === ']]' ? '&gt;' : '>');
        let k = 0;
        parts.push((s.match(/[\s\S]/gu) ?? []).map((ch) => {
          const out = ESCAPED[ch] ?? (ch === '>' ? gt(k) : ch);
          k += ch.length;
          return out;
        }).join(''));
      }
    }
    return parts.join('');
  };

  it('writes what reads back as the new text, and splices most edits', () => {
    let spliced = 0;
    let runs = 0;
    fc.assert(
      fc.property(heldString, fc.array(fc.nat(40), { maxLength: 4 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }), fc.boolean(), fc.nat(40), fc.nat(6), heldString, fc.constantFrom(undefined, 'iso-8859-1' as const), (before, cuts, forms, literalGt, at, cut, inserted, encoding) => {
        const file = written(before, cuts, forms, literalGt);
        if (file === '') return;
        expect(() => checkWellFormed(`<x>${file}</x>`)).not.toThrow();
        const { text, segments } = readHeldText(file, 0, file.length);
        expect(text).toBe(before);
        // Cut and inserted by characters, as an edit of the held document is: never half of a surrogate pair.
        const chars = before.match(/[\s\S]/gu) ?? [];
        const from = at % (chars.length + 1);
        const after = [...chars.slice(0, from), inserted, ...chars.slice(from + cut)].join('');
        if (after === before) return;
        runs++;
        // In a single-byte document the middle writes the surrogate pair as a reference, in a section between two.
        const raw = splicedHeldText(file, 0, file.length, segments, before, after, { textQuot: false, textApos: false }, encoding);
        if (raw === undefined) return;
        spliced++;
        expect(() => checkWellFormed(`<x>${raw}</x>`)).not.toThrow();
        expect(readHeldText(raw, 0, raw.length).text).toBe(after);
        // No empty section is left where the middle meets what is kept (the generated files hold none). Read as sections:
        // a section's content may hold `<![CDATA[`.
        expect(readHeldText(raw, 0, raw.length).segments.filter((g) => g.cdata && g.start === g.end)).toEqual([]);
      }),
      { numRuns: 4000, seed: 977203 },
    );
    expect(spliced / runs).toBeGreaterThan(0.9);
  });
});
