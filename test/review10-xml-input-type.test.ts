// readTaskSequence takes bytes (a Uint8Array, a Buffer) or a string. A script in JavaScript, or one that has an
// ArrayBuffer from fetch, may pass something else: that is INVALID_ARGUMENT saying what to pass, not a TypeError
// ("bytes is not iterable") from deep inside the decoder, nor XML_MALFORMED for a Uint16Array read as bytes.
import { describe, expect, it } from 'vitest';
import { readTaskSequence } from './helpers/api.js';
import { thrown, verdict } from './helpers/thrown.js';

const XML = '<sequence version="3.00"/>';

describe('what readTaskSequence is given', () => {
  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a number', 5],
    ['an array of numbers', [60, 115]],
    ['an ArrayBuffer', new TextEncoder().encode(XML).buffer],
    ['a DataView', new DataView(new TextEncoder().encode(XML).buffer)],
    ['a Uint16Array', new Uint16Array([60, 115])],
    ['an object', { text: XML }],
  ])('%s is INVALID_ARGUMENT', (_, input) => {
    expect(thrown(() => readTaskSequence(input as unknown as string)).code).toBe('INVALID_ARGUMENT');
  });

  it('bytes and strings are still read', () => {
    expect(verdict(() => readTaskSequence(new TextEncoder().encode(XML)))).toBe('ok');
    expect(verdict(() => readTaskSequence(Buffer.from(XML)))).toBe('ok');
    expect(verdict(() => readTaskSequence(XML))).toBe('ok');
  });
});
