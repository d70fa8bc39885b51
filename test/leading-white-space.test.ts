// White space before the first node of a document (no XML declaration), whose line ends differ from the ones the rest
// of the file uses: written back as read, unedited and after an edit (found by a differential fuzz of the reader).
import { describe, expect, it } from 'vitest';
import { encodeText } from '../lib/xml/encode-text.js';
import { readTaskSequence, writeTaskSequence, writeTaskSequenceText } from './helpers/api.js';

const CASES = ['\r<sequence/>\n', '\n<sequence/>\r\n', '\r\n<sequence>\n</sequence>\n', '\n\r<sequence/>', ' \r\n\t<sequence/>', '\r\n<!--c-->\r<sequence/>\n'];

describe('white space before the first node', () => {
  it('is written back byte for byte, from bytes (UTF-8, UTF-16 with a BOM) and from a string', () => {
    for (const text of CASES) {
      expect(Buffer.from(writeTaskSequence(readTaskSequence(Buffer.from(text)))).toString('utf8'), JSON.stringify(text)).toBe(text);
      expect(writeTaskSequenceText(readTaskSequence(text)), JSON.stringify(text)).toBe(text);
      const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
      expect(Buffer.from(writeTaskSequence(readTaskSequence(utf16))).equals(utf16), JSON.stringify(text)).toBe(true);
    }
  });

  it('stays as read after an edit of the root', () => {
    for (const text of CASES) {
      const doc = readTaskSequence(text);
      doc.sequence.attributes.version = '3.10';
      const out = writeTaskSequenceText(doc);
      expect(out, JSON.stringify(text)).toBe(text.replace(/<sequence/, '<sequence version="3.10"'));
      expect(Buffer.from(writeTaskSequence(doc)).equals(Buffer.from(encodeText(out, doc.encoding))), JSON.stringify(text)).toBe(true);
    }
  });
});
