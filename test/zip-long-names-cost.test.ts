// Every entry name is compared with case ignored (caseKey), and a name with any character outside ASCII was
// upper-cased one character at a time, its key grown a character at a time: a 256 MiB archive of 2,000 entries named
// by 65,535 bytes of code page 437 took 23 s to read (about 90 s a GiB, most of it caseKey and the garbage collector).
// A name whose upper case is as long as it is (every character maps to one) is now upper-cased whole, once; only a
// name with a character whose upper case is longer (ß, ŉ, ᾳ) is walked, into an array joined once. Counted here as
// calls of toUpperCase, not timed; the keys are checked against the one-character-at-a-time definition.
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { caseKey } from '../lib/zip/entry-names.js';
import { readZip } from './helpers/api.js';
import { makeZip } from './helpers/make-zip.js';

/** caseKey as defined: each character upper-cased on its own, kept lower when its upper case is longer. */
function byCharacter(name: string): string {
  let key = '';
  for (const c of name) {
    const upper = c.toUpperCase();
    const lower = c.toLowerCase();
    const one = (s: string) => Array.from(s).length === 1;
    key += one(upper) ? upper : one(lower) ? lower : c;
  }
  return key;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('entry names compared with case ignored', () => {
  it('a long name outside ASCII is upper-cased whole, not a character at a time', () => {
    const name = Buffer.alloc(20_000, 0x82); // 'é' in code page 437
    const zip = makeZip([{ name: 'long', nameBytes: name, data: 'x' }]);
    const upper = vi.spyOn(String.prototype, 'toUpperCase');
    expect(readZip(zip).entries[0]?.name).toBe('é'.repeat(20_000));
    expect(upper.mock.calls.length).toBeLessThan(100);
  });

  it('gives the one-character-at-a-time key, for names with ß, ŉ, ᾳ, σ/ς, İ and surrogate pairs among others', () => {
    const unit = fc.constantFrom(...Array.from('aZéÉßŉᾳᾼσςΣİıﬁ𐐨𐐀ǅ\u0345ΐ·/\\. x'), ...Array.from({ length: 40 }, (_, i) => String.fromCodePoint(0x1f0 + i * 13)));
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 30 }), (chars) => {
        const name = chars.join('');
        expect(caseKey(name)).toBe(byCharacter(name));
      }),
      { numRuns: 2000 },
    );
  });
});
