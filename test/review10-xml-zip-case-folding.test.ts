// Entry names are compared as Windows compares them: each character upper-cased on its own (NTFS's upcase table),
// not by JavaScript's toLowerCase, which lowers a final capital sigma to 'ς' by context and lowers some characters
// into two. Two names Windows writes to one file are refused; two names it keeps apart are both read.
import { describe, expect, it } from 'vitest';
import { readZip } from './helpers/api.js';
import { makeZip } from './helpers/make-zip.js';
import { verdict } from './helpers/thrown.js';

const two = (a: string, b: string) => verdict(() => readZip(makeZip([{ name: a, data: 'a' }, { name: b, data: 'b' }])));

describe('zip entry names that differ only in case, beyond ASCII', () => {
  it('a capital sigma at the end of a word and a small medial sigma name one file on Windows', () => {
    expect(two('CM1/ΟΔΟΣ.xml', 'CM1/οδοσ.xml')).toBe('ZIP_UNSAFE');
    expect(two('CM1/οδος.xml', 'CM1/οδοσ.xml')).toBe('ZIP_UNSAFE');
    expect(two('ΟΔΟΣ/object.xml', 'οδοσ/object.xml')).toBe('ZIP_UNSAFE');
  });

  it('names Windows keeps apart are not refused', () => {
    // U+0130 lowers to two characters, 'i' and a combining dot; Windows compares one character with another.
    expect(two('CM1/\u0130.xml', 'CM1/i\u0307.xml')).toBe('ok');
    // The Kelvin sign is its own capital; 'k' upper-cases to 'K', not to it.
    expect(two('CM1/\u212A.xml', 'CM1/k.xml')).toBe('ok');
    expect(two('CM1/ß.xml', 'CM1/ss.xml')).toBe('ok');
  });

  it('ASCII case is still ignored', () => {
    expect(two('CM1/Object.XML', 'cm1/object.xml')).toBe('ZIP_UNSAFE');
  });
});
