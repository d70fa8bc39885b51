// A single-byte file (ISO-8859-1, windows-1252) can hold any character as a reference (`&#x263A;`): read, the model's
// value holds the character itself. Its JSON form written back as XML (`cmts convert --to xml`) must write such a
// character as a reference again, in the sequence's values and in the package's properties, for every container and
// every way the sequence is held: written raw, the encoder refused it (ENCODING_INVALID) and nothing was converted.
import { describe, expect, it } from 'vitest';
import { modelJsonToXml } from '../lib/model/model-json-to-xml.js';
import { encodeText } from '../lib/xml/encode-text.js';
import { main } from '../lib/cli/main.js';
import { memoryIo } from './helpers/memory-io.js';
import { readTaskSequence, toModelJson, type ModelJson } from './helpers/api.js';

const RUN = 'SMS_TaskSequence_RunCommandLineAction';
// U+263A is in neither encoding; U+20AC (the euro sign) is in windows-1252 only.
const seq = (ref: string) => `<sequence version="3.00"><step name="s${ref}" type="${RUN}"><action>x ${ref}</action></step></sequence>`;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const CONTAINERS: [string, (ref: string, enc: string) => string][] = [
  ['a bare sequence', (ref, enc) => `<?xml version="1.0" encoding="${enc}"?>\r\n${seq(ref)}\r\n`],
  ['a 2007 export (the sequence as elements)', (ref, enc) => `<?xml version="1.0" encoding="${enc}"?>\r\n<SmsTaskSequencePackage>\r\n  <Name>T${ref}</Name>\r\n  <SequenceData>\r\n    ${seq(ref)}\r\n  </SequenceData>\r\n</SmsTaskSequencePackage>\r\n`],
  ['an object.xml (the sequence in CDATA)', (ref, enc) => `<?xml version="1.0" encoding="${enc}"?>\r\n<INSTANCE CLASSNAME="SMS_TaskSequencePackage">\r\n  <PROPERTY NAME="Name" TYPE="string"><VALUE>T${ref}</VALUE></PROPERTY>\r\n  <PROPERTY NAME="Sequence" TYPE="string"><VALUE><![CDATA[${seq(ref)}]]></VALUE></PROPERTY>\r\n</INSTANCE>\r\n`],
  ['an object.xml (the sequence escaped)', (ref, enc) => `<?xml version="1.0" encoding="${enc}"?>\r\n<INSTANCE CLASSNAME="SMS_TaskSequencePackage">\r\n  <PROPERTY NAME="Name" TYPE="string"><VALUE>T${ref}</VALUE></PROPERTY>\r\n  <PROPERTY NAME="Sequence" TYPE="string"><VALUE>${esc(seq(ref))}</VALUE></PROPERTY>\r\n</INSTANCE>\r\n`],
];

describe('the JSON form of a single-byte file written back as XML', () => {
  for (const [encoding, char] of [['ISO-8859-1', '\u20AC'], ['windows-1252', '\u263A']] as const) {
    const ref = `&#x${char.codePointAt(0)?.toString(16).toUpperCase()};`;
    for (const [container, make] of CONTAINERS) {
      for (const wrapper of [true, false]) {
        for (const bare of [false, true]) {
          it(`${encoding}, ${container}, ${wrapper ? 'with' : 'without'} its wrapper${bare ? ', --bare' : ''}: the character reads back`, () => {
            const doc = readTaskSequence(Buffer.from(make(ref, encoding), 'latin1'));
            const model = JSON.parse(JSON.stringify(toModelJson(doc, { wrapper }))) as ModelJson;
            const back = readTaskSequence(encodeText(modelJsonToXml(model, { bare }), model.encoding));
            const step = back.steps()[0]?.node as { attributes: Record<string, string>; children: { tag?: string; value?: string }[] };
            expect(step.attributes.name).toBe(`s${char}`);
            expect(step.children.find((c) => c.tag === 'action')?.value).toBe(`x ${char}`);
            // The package's name too, where the output has a package.
            if (back.container !== 'sequence' && doc.container !== 'sequence') expect(toModelJson(back).properties.Name).toBe(`T${char}`);
          });
        }
      }
    }
  }

  it('cmts convert: JSON of a windows-1252 2007 export back to XML', async () => {
    const make = CONTAINERS[1]?.[1] as (ref: string, enc: string) => string;
    const m = memoryIo({ 'in.xml': Buffer.from(make('&#x263A;', 'windows-1252'), 'latin1') });
    expect(await main(['convert', 'in.xml', '--to', 'json', '-o', 'in.json'], m.io), m.stderr).toBe(0);
    expect(await main(['convert', 'in.json', '--to', 'xml', '-o', 'out.xml'], m.io), m.stderr).toBe(0);
    const out = Buffer.from(m.fs.get('out.xml') as Uint8Array).toString('latin1');
    expect(out).toContain('encoding="windows-1252"');
    expect(out).toContain('name="s&#x263A;"');
  });
});
