/**
 * The reader's decoding of text and attribute values that are not plain (see `plain-text.ts`): references decoded,
 * line ends normalised, and every character XML forbids refused where it stands. None of it runs for plain text.
 */
import { INVALID_CHAR } from './chars.js';
import { decodeEntities, EntityError, lf, normalizeAttributeRaw } from './entities.js';
import type { Fail } from './parse-faults.js';

/** Decodes the values of one parse, refusing with its {@link Fail} at offsets in its text. */
export class ValueDecoder {
  private readonly fail: Fail;

  constructor(fail: Fail) {
    this.fail = fail;
  }

  /** `raw` (which starts at `at`) with its references decoded; refused if it holds a character no XML text may hold. */
  decode(raw: string, at: number): string {
    if (INVALID_CHAR.test(raw)) {
      const i = raw.search(INVALID_CHAR);
      this.fail('XML_MALFORMED', `Character U+${raw.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML.`, at + i);
    }
    if (raw.indexOf('&') === -1) return raw;
    try {
      return decodeEntities(raw);
    } catch (e) {
      if (e instanceof EntityError) this.fail(e.undefinedName ? 'XML_UNDEFINED_ENTITY' : 'XML_MALFORMED', e.message, at + e.offset);
      throw e;
    }
  }

  /** Refuses `value` (which starts at `at`) if it holds a character no XML text may hold. */
  checkChars(value: string, at: number): void {
    if (INVALID_CHAR.test(value)) this.decode(value, at);
  }

  /** An attribute's value as XML reads it (XML 1.0 §3.3.3). */
  attribute(raw: string, at: number): string {
    return this.normalised(raw, normalizeAttributeRaw(raw), at);
  }

  /** Text as XML reads it (XML 1.0 §2.11: each line end one LF). */
  text(raw: string, at: number): string {
    return this.normalised(raw, lf(raw), at);
  }

  // Normalised first (a reference is decoded after, so `&#xD;` stays a CR); a bad reference is then reported from the
  // raw text, whose offsets are exact.
  private normalised(raw: string, normalised: string, at: number): string {
    if (normalised === raw) return this.decode(raw, at);
    try {
      return this.decode(normalised, at);
    } catch (e) {
      this.decode(raw, at);
      throw e;
    }
  }
}
