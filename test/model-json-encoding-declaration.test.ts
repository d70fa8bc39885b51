// The JSON form's `encoding` is what `convert --to xml` writes the file in, and the container kept in its `wrapper`
// has an XML declaration of its own. When the two disagree (the JSON's encoding changed to write the file as UTF-8,
// say), the declaration is made to name the encoding written, the rest of it as it was: the output once wrote UTF-8
// bytes under a windows-1252 declaration, which read back as other characters (é as Ã©) with exit status 0. The
// sequence is laid out here as the writer lays out a sequence whose JSON kept no layout.
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { memoryIo } from './helpers/memory-io.js';
import { readTaskSequence, toModelJson } from './helpers/api.js';

const RUN = 'SMS_TaskSequence_RunCommandLineAction';
const PACKAGE = (declaration: string) =>
  [
    `${declaration}<SmsTaskSequencePackage>`,
    '  <Name>T\u00e9</Name>',
    '  <SequenceData>',
    '    <sequence version="3.00">',
    `      <step type="${RUN}" name="caf\u00e9" description="" runIn="FullOS" successCodeList="0">`,
    '        <action>cmd</action>',
    '      </step>',
    '    </sequence>',
    '  </SequenceData>',
    '</SmsTaskSequencePackage>',
    '',
  ].join('\r\n');

/** Converts `bytes` to JSON, sets its encoding to `encoding` (and `bom`), converts it back; the output's bytes. */
async function withEncoding(bytes: Uint8Array, encoding: string, bom = false): Promise<Buffer> {
  const m = memoryIo({ 'in.xml': bytes });
  expect(await main(['convert', 'in.xml', '--to', 'json', '-o', 'in.json'], m.io), m.stderr).toBe(0);
  const json = JSON.parse(Buffer.from(m.fs.get('in.json') as Uint8Array).toString('utf8')) as { encoding: { encoding: string; bom: boolean } };
  expect(json).toHaveProperty('wrapper');
  json.encoding = { encoding, bom };
  m.fs.set('edited.json', Buffer.from(JSON.stringify(json)));
  expect(await main(['convert', 'edited.json', '--to', 'xml', '-o', 'out.xml'], m.io), m.stderr).toBe(0);
  return Buffer.from(m.fs.get('out.xml') as Uint8Array);
}

/** The step's name and the package's Name, as a reader finds them in `bytes`. */
function names(bytes: Uint8Array): [string | undefined, string | undefined] {
  const doc = readTaskSequence(bytes);
  return [doc.steps()[0]?.node.attributes.name, toModelJson(doc).properties.Name];
}

describe('convert --to xml holds the kept declaration to the JSON\'s encoding', () => {
  it('windows-1252 → UTF-8: the declaration names UTF-8, the text is written in it, and reads back the same', async () => {
    const input = Buffer.from(PACKAGE('<?xml version="1.0" encoding="windows-1252"?>\r\n'), 'latin1');
    const out = await withEncoding(input, 'utf-8');
    expect(out.toString('utf8')).toBe(PACKAGE('<?xml version="1.0" encoding="utf-8"?>\r\n'));
    expect(names(out)).toEqual(['caf\u00e9', 'T\u00e9']);
  });

  it('UTF-8 without a declaration → windows-1252: a declaration is put first (a reader finds a single-byte encoding by it only)', async () => {
    const input = Buffer.from(PACKAGE(''), 'utf8');
    const out = await withEncoding(input, 'windows-1252');
    expect(out.toString('latin1')).toBe(PACKAGE('<?xml version="1.0" encoding="windows-1252"?>\r\n'));
    expect(names(out)).toEqual(['caf\u00e9', 'T\u00e9']);
  });

  it('a declaration with no encoding gets one after its version; its quotes, standalone and spacing stay as written', async () => {
    const plain = await withEncoding(Buffer.from(PACKAGE("<?xml version='1.0' standalone='yes'?>\r\n"), 'utf8'), 'iso-8859-1');
    expect(plain.toString('latin1')).toBe(PACKAGE(`<?xml version='1.0' encoding="iso-8859-1" standalone='yes'?>\r\n`));
    expect(names(plain)).toEqual(['caf\u00e9', 'T\u00e9']);
    const quoted = await withEncoding(Buffer.from(PACKAGE("<?xml version='1.0'  encoding = 'ISO-8859-1' standalone='no' ?>\r\n"), 'latin1'), 'utf-8');
    expect(quoted.toString('utf8')).toBe(PACKAGE("<?xml version='1.0'  encoding = 'utf-8' standalone='no' ?>\r\n"));
    expect(names(quoted)).toEqual(['caf\u00e9', 'T\u00e9']);
  });

  it('UTF-8 → UTF-16 LE, with a BOM or without: the declaration names it, and the text is written in it', async () => {
    const input = Buffer.from(PACKAGE('<?xml version="1.0" encoding="utf-8"?>\r\n'), 'utf8');
    const marked = await withEncoding(input, 'utf-16le', true);
    expect(marked.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xfe]));
    expect(marked.subarray(2).toString('utf16le')).toBe(PACKAGE('<?xml version="1.0" encoding="utf-16le"?>\r\n'));
    expect(names(marked)).toEqual(['caf\u00e9', 'T\u00e9']);
    const unmarked = await withEncoding(input, 'utf-16le');
    expect(unmarked.toString('utf16le')).toBe(PACKAGE('<?xml version="1.0" encoding="utf-16le"?>\r\n'));
    expect(names(unmarked)).toEqual(['caf\u00e9', 'T\u00e9']);
  });

  it('a JSON whose encoding agrees with its declaration is written back byte for byte', async () => {
    const input = Buffer.from(PACKAGE('<?xml version="1.0" encoding="windows-1252"?>\r\n'), 'latin1');
    expect(await withEncoding(input, 'windows-1252')).toEqual(input);
  });

  it('a kept declaration edited out of form is refused at its place, not put behind a second one', async () => {
    const m = memoryIo({ 'in.xml': Buffer.from(PACKAGE('<?xml version="1.0" encoding="windows-1252"?>\r\n'), 'latin1') });
    expect(await main(['convert', 'in.xml', '--to', 'json', '-o', 'in.json'], m.io), m.stderr).toBe(0);
    const json = JSON.parse(Buffer.from(m.fs.get('in.json') as Uint8Array).toString('utf8')) as { encoding: unknown; wrapper: { before: string } };
    json.wrapper.before = json.wrapper.before.replace('<?xml version="1.0" encoding="windows-1252"?>', '<?xml  encoding="utf-8" version="1.0"?>');
    json.encoding = { encoding: 'windows-1252', bom: false };
    m.fs.set('edited.json', Buffer.from(JSON.stringify(json)));
    expect(await main(['convert', 'edited.json', '--to', 'xml', '-o', 'out.xml'], m.io)).toBe(1);
    expect(m.stderr).toContain('The XML declaration is not well-formed');
    expect(m.stderr).not.toContain('only at the very start');
    expect(m.fs.has('out.xml')).toBe(false);
  });
});
