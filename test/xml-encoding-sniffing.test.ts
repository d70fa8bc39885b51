// How the reader finds a document's encoding, held to XML 1.0 §4.3.3 and appendix F: UTF-16 with no byte order mark
// only with a declaration naming it; a fault named for what it is (a malformed declaration, a UTF-32 file, a NUL),
// not for what a wrong guess made of the bytes after it; a string taken in only if it can be written back.
import { describe, expect, it } from 'vitest';
import { readTaskSequence, writeTaskSequence } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

const BODY = '<sequence version="3.00"><step type="SMS_TaskSequence_RunCommandLineAction" name="caf\u00e9"><action>a</action></step></sequence>';
const be = (s: string): Buffer => Buffer.from(s, 'utf16le').swap16();

describe('UTF-16 with no byte order mark', () => {
  it('is refused without a declaration naming its encoding, at 1:1, saying how to fix it (both byte orders)', () => {
    for (const bytes of [Buffer.from(BODY, 'utf16le'), be(BODY), Buffer.from(`<?xml version="1.0"?>${BODY}`, 'utf16le')]) {
      const e = thrown(() => readTaskSequence(bytes));
      expect([e.code, e.linePos]).toEqual(['ENCODING_INVALID', { line: 1, col: 1 }]);
      expect(e.message).toMatch(/no byte order mark, and no XML declaration names their encoding.*§4\.3\.3/);
    }
  });

  it('is read, and written back byte for byte, with a declaration naming UTF-16 (either byte order)', () => {
    for (const bytes of [Buffer.from(`<?xml version="1.0" encoding="UTF-16"?>${BODY}`, 'utf16le'), be(`<?xml version="1.0" encoding="utf-16"?>${BODY}`)]) {
      const doc = readTaskSequence(bytes);
      expect(doc.encoding.bom).toBe(false);
      expect(doc.steps()[0]?.node.attributes.name).toBe('caf\u00e9');
      expect(Buffer.compare(Buffer.from(writeTaskSequence(doc)), bytes)).toBe(0);
    }
  });
});

describe('faults named for what they are', () => {
  it('UTF-8 that starts with a NUL is refused as XML, at the NUL, not as UTF-16 with an odd number of bytes', () => {
    const e = thrown(() => readTaskSequence(Buffer.from(`\0${BODY}`)));
    expect([e.code, e.linePos, e.message]).toEqual(['XML_MALFORMED', { line: 1, col: 1 }, 'Character U+0000 is not allowed in XML.']);
    expect(thrown(() => readTaskSequence(`${BODY}\n\u0001`)).message).toBe('Character U+0001 is not allowed in XML.');
  });

  it('a UTF-32 byte order mark (either order) is refused as UTF-32', () => {
    for (const bom of [[0xff, 0xfe, 0, 0], [0, 0, 0xfe, 0xff]]) {
      const e = thrown(() => readTaskSequence(Buffer.concat([Buffer.from(bom), Buffer.from('<\0\0\0')])));
      expect([e.code, e.message]).toEqual(['ENCODING_INVALID', expect.stringMatching(/UTF-32 byte order mark/)]);
    }
  });

  it('a malformed declaration is the fault reported, not a byte of its declared encoding read as UTF-8 further on', () => {
    for (const declaration of ['<?xml version="1.0" encoding="windows-1252" standalone="YES"?>', '<?xml version="1.0"\x85encoding="ISO-8859-1"?>', '<?xml version="1.0" encoding="ISO_8859-1:1987"?>']) {
      const bytes = Buffer.concat([Buffer.from(`${declaration}\r\n\r\n<sequence version="3.00"><step type="T" name="caf`, 'latin1'), Buffer.from([0xe9]), Buffer.from('"/></sequence>')]);
      const e = thrown(() => readTaskSequence(bytes));
      expect([e.code, e.linePos, e.message]).toEqual(['XML_MALFORMED', { line: 1, col: 1 }, expect.stringMatching(/^The XML declaration is not well-formed/)]);
    }
    // <?xml-stylesheet …?> is a processing instruction of its own, not a declaration.
    expect(readTaskSequence(Buffer.from(`<?xml-stylesheet href="a"?>${BODY}`)).steps()).toHaveLength(1);
  });

  it('<?XML at the start is refused as a reserved name, not as a declaration out of place', () => {
    const e = thrown(() => readTaskSequence(`<?XML version="1.0"?>${BODY}`));
    expect(e.message).toMatch(/^The name <\?XML is reserved: no processing instruction target is "xml" in any mix of cases/);
    expect(thrown(() => readTaskSequence(` <?xml version="1.0"?>${BODY}`)).message).toBe('An XML declaration is allowed only at the very start of the document.');
  });

  it('a missing name says where once ("at the end of the input", not "at at")', () => {
    expect(thrown(() => readTaskSequence('<')).message).toBe('Expected element name at the end of the input.');
  });
});
