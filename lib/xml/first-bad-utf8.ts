/**
 * Where bytes stop being the text their encoding says: the place a strict decode failed at, found only once it has
 * failed, for an error that points at the first bad byte.
 */

/**
 * Where the first ill-formed UTF-8 sequence starts (Unicode's table 3-7: no overlong form, no surrogate, nothing above
 * U+10FFFF, nothing cut short), or the length when there is none. One pass: the failure path of a large file found it
 * by bisecting with streaming decodes, tens of seconds for a bad byte at the end of 30 MB.
 */
export function firstBadUtf8(body: Uint8Array): number {
  const n = body.length;
  for (let i = 0; i < n; ) {
    const b = body[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b === 0xe0) [need, lo] = [2, 0xa0];
    else if (b === 0xed) [need, hi] = [2, 0x9f];
    else if (b >= 0xe1 && b <= 0xef) need = 2;
    else if (b === 0xf0) [need, lo] = [3, 0x90];
    else if (b === 0xf4) [need, hi] = [3, 0x8f];
    else if (b >= 0xf1 && b <= 0xf3) need = 3;
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = body[i + k];
      if (c === undefined || c < lo || c > hi) return i;
      lo = 0x80;
      hi = 0xbf;
    }
    i += need + 1;
  }
  return n;
}

/** Where the first unpaired surrogate of UTF-16 bytes (an even number of them) starts, or the length when none is. */
export function firstBadUtf16(body: Uint8Array, bigEndian: boolean): number {
  const unit = (i: number): number => (bigEndian ? ((body[i] as number) << 8) | (body[i + 1] as number) : (body[i] as number) | ((body[i + 1] as number) << 8));
  for (let i = 0; i + 1 < body.length; i += 2) {
    const u = unit(i);
    if (u < 0xd800 || u > 0xdfff) continue;
    if (u > 0xdbff || i + 3 >= body.length) return i;
    const next = unit(i + 2);
    if (next < 0xdc00 || next > 0xdfff) return i;
    i += 2;
  }
  return body.length;
}
