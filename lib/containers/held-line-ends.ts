/**
 * How escaped held text (an embedded sequence written as escaped text, not CDATA) writes its line ends: a CR and an LF
 * as they are, or as references (`&#xD;&#xA;`, `&#13;&#10;`, an LF alone as `&#xA;`). Both read as the same held
 * text, so the text written anew in an edit follows the file: written with bare line ends where the file wrote
 * references, every line of the changed middle differed from the file, untouched steps too, and the KB977203 preset's
 * revert of its apply did not give back the file it was given.
 */
import type { HeldLineEnds } from '../xml/escape-text.js';
import type { HeldSegment } from './held-text.js';

const CR = /\r|&#(?:x0*[dD]|0*13);/;
const LF = /\n|&#(?:x0*[aA]|0*10);/;

/** How a line end the text does not show is written: as the other one is (as it is, hex or decimal, its case). */
function like(seen: string, bare: string, hex: number, decimal: string): string {
  if (!seen.startsWith('&')) return bare;
  if (!seen.startsWith('&#x')) return decimal;
  const digit = hex.toString(16);
  return `&#x${/[a-f]/.test(seen) ? digit : digit.toUpperCase()};`;
}

/** How the escaped text `raw` writes line ends, or undefined when it has none. */
function lineEndsIn(raw: string): HeldLineEnds | undefined {
  const cr = CR.exec(raw)?.[0];
  const lf = LF.exec(raw)?.[0];
  if (cr === undefined && lf === undefined) return undefined;
  return { cr: cr ?? like(lf as string, '\r', 0xd, '&#13;'), lf: lf ?? like(cr as string, '\n', 0xa, '&#10;') };
}

/**
 * How the held text in `file` (read as `segments`) writes line ends in escaped text: as the escaped stretch `first`
 * does when it has any, else as the first other escaped stretch that has any; undefined when none has (then they are
 * written as they are, as a CDATA section must).
 */
export function heldLineEnds(file: string, segments: readonly HeldSegment[], first?: HeldSegment): HeldLineEnds | undefined {
  for (const s of first && !first.cdata ? [first, ...segments] : segments) {
    if (s.cdata) continue;
    const found = lineEndsIn(file.slice(s.start, s.end));
    if (found) return found;
  }
  return undefined;
}
