// The bytes written must read again in the encoding they are written in: an edit of the XML declaration (added,
// moved in from another document, changed, removed) or of what stands before the root can make a reader find another
// encoding, and refuse the bytes or read other text. The writer refuses those edits; each case holds its verdict to
// what a reader makes of the bytes an unchecked print gives.
import { describe, expect, it } from 'vitest';
import { readTaskSequence, writeTaskSequence, type Node } from './helpers/api.js';
import { printDocument } from '../lib/xml/print.js';
import { encodeText } from '../lib/xml/encode-text.js';

type Doc = ReturnType<typeof readTaskSequence>;

const body = '<sequence version="3.10" name="é €"><step type="T" name="a"/></sequence>';
const utf8 = Buffer.from(body);
const utf8Bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]);
const cp1252 = Buffer.from(`<?xml version="1.0" encoding="windows-1252"?>${body.replace('€', '')}`, 'latin1');
const cp1252Euro = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="windows-1252"?><sequence version="3.10" name="', 'latin1'), Buffer.from([0x80]), Buffer.from('"><step type="T" name="a"/></sequence>', 'latin1')]);
// UTF-16 with no byte order mark is read as such only when its declaration names its encoding (XML 1.0 §4.3.3).
const utf16 = Buffer.from(`<?xml version="1.0" encoding="UTF-16"?>${body}`, 'utf16le');
const utf16Bom = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(body, 'utf16le')]);
const utf16Declared = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`<?xml version="1.0" encoding="utf-16"?>${body}`, 'utf16le')]);

const declaration = (encoding?: string): Node => ({ kind: 'instruction', target: 'xml', value: ` version="1.0"${encoding ? ` encoding="${encoding}"` : ''}` });
const first = (bytes: Buffer) => (d: Doc) => void d.xml.children.unshift(readTaskSequence(bytes).xml.children[0] as Node);

/** What a reader makes of the bytes the unchecked printer gives: 'ok' when it reads the same `<sequence>` name. */
function readerVerdict(doc: Doc): string {
  try {
    const again = readTaskSequence(encodeText(printDocument(doc.xml), doc.encoding));
    return again.sequence.attributes.name === doc.sequence.attributes.name ? 'ok' : 'other text';
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
}

describe('the declared encoding agrees with the encoding written', () => {
  it.each([
    ['UTF-8 given a declaration of UTF-16', utf8, (d: Doc) => void d.xml.children.unshift(declaration('utf-16')), 'ENCODING_INVALID'],
    ['UTF-8 given a declaration of ISO-8859-1', utf8, (d: Doc) => void d.xml.children.unshift(declaration('ISO-8859-1')), 'other text'],
    ['UTF-8 given a declaration of an encoding no reader knows', utf8, (d: Doc) => void d.xml.children.unshift(declaration('ebcdic')), 'ENCODING_INVALID'],
    ['UTF-8 given the declaration of a UTF-16 document', utf8, first(utf16Declared), 'ENCODING_INVALID'],
    ['UTF-8 given a declaration of UTF-8', utf8, (d: Doc) => void d.xml.children.unshift(declaration('UTF-8')), 'ok'],
    ['UTF-8 given a declaration naming no encoding', utf8, (d: Doc) => void d.xml.children.unshift(declaration()), 'ok'],
    ['UTF-8 with a BOM given a declaration of windows-1252', utf8Bom, (d: Doc) => void d.xml.children.unshift(declaration('windows-1252')), 'ENCODING_INVALID'],
    ['windows-1252 with its declaration removed', cp1252, (d: Doc) => void d.xml.children.shift(), 'ENCODING_INVALID'],
    ['windows-1252 with its declaration naming no encoding', cp1252, (d: Doc) => void ((d.xml.children[0] as { value: string }).value = ' version="1.0"'), 'ENCODING_INVALID'],
    ['windows-1252 declared ISO-8859-1 (the euro sign is another character there)', cp1252Euro, (d: Doc) => void ((d.xml.children[0] as { value: string }).value = ' version="1.0" encoding="iso-8859-1"'), 'other text'],
    ['windows-1252 declared by another label of itself', cp1252, (d: Doc) => void ((d.xml.children[0] as { value: string }).value = ' version="1.0" encoding="CP1252"'), 'ok'],
    ['UTF-16 with no BOM after a comment is put between its declaration and the root', utf16, (d: Doc) => void d.xml.children.splice(1, 0, { kind: 'comment', value: 'c' }), 'ok'],
    ['UTF-16 with no BOM with its declaration removed', utf16, (d: Doc) => void d.xml.children.shift(), 'ENCODING_INVALID'],
    ['UTF-16 with no BOM with its declaration naming no encoding', utf16, (d: Doc) => void (d.xml.children[0] = declaration()), 'ENCODING_INVALID'],
    ['UTF-16 with no BOM given a declaration of UTF-8', utf16, (d: Doc) => void (d.xml.children[0] = declaration('utf-8')), 'ENCODING_INVALID'],
    ['UTF-16 with no BOM given a declaration of UTF-16LE', utf16, (d: Doc) => void (d.xml.children[0] = declaration('utf-16le')), 'ok'],
    ['UTF-16LE given a declaration of UTF-16BE', utf16Bom, (d: Doc) => void d.xml.children.unshift(declaration('utf-16be')), 'ENCODING_INVALID'],
    ['UTF-16 with a BOM after white space is put before the root', utf16Bom, (d: Doc) => void d.xml.children.unshift({ kind: 'text', value: '\n' }), 'ok'],
    ['UTF-16 given a declaration of UTF-16', utf16Bom, (d: Doc) => void d.xml.children.unshift(declaration('utf-16')), 'ok'],
  ])('%s', (_what, bytes, edit, reader) => {
    const doc = readTaskSequence(bytes);
    edit(doc);
    expect(readerVerdict(doc)).toBe(reader);
    if (reader === 'ok') expect(readTaskSequence(writeTaskSequence(doc)).sequence.attributes.name).toBe(doc.sequence.attributes.name);
    else expect(() => writeTaskSequence(doc)).toThrow(expect.objectContaining({ code: 'OUTPUT_MALFORMED', message: expect.stringMatching(/line 1, column 1 of the output/) }));
  });
});

describe('what the source already declared stands', () => {
  it('writes a document read as a string whose declaration names UTF-16 (the caller chose the encoding)', () => {
    const doc = readTaskSequence(`<?xml version="1.0" encoding="utf-16"?>${body}`);
    doc.sequence.attributes.name = 'b';
    expect(writeTaskSequence(doc)).toBeInstanceOf(Uint8Array);
  });

  it('still refuses such a document once its declaration is removed and a UTF-16 one of another document put back', () => {
    const doc = readTaskSequence(utf8);
    doc.xml.children.unshift(readTaskSequence(`<?xml version="1.0" encoding="utf-16"?>${body}`).xml.children[0] as Node);
    expect(() => writeTaskSequence(doc)).toThrow(expect.objectContaining({ code: 'OUTPUT_MALFORMED' }));
  });
});
