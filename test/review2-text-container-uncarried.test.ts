// The text form carries a container by its package properties as name → text. What else the container held — a
// comment, a property element with child elements or attributes, a property given twice, an object.xml's
// PROPERTY.OBJECT or PROPERTY.REFERENCE, a comment in a <VALUE> — was dropped without a word (the semantic diff did not
// see it either), so convert → build gave another package. It is now refused, saying what and where. And a container
// with no properties at all was built back with the builder's defaults (Name "New Task Sequence", …): it now stays
// without them.
import { describe, expect, it } from 'vitest';
import { fromYaml, sequenceToText, toYaml } from '../lib/api/text.js';
import { readTaskSequence, writeTaskSequence } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

const SEQ = '<sequence version="3.00"><step type="SMS_TaskSequence_RunCommandLineAction" name="R" description=""><action>cmd</action><defaultVarList><variable name="CommandLine" property="CommandLine">cmd</variable></defaultVarList></step></sequence>';
const sms = (inner: string, attributes = '') => `<?xml version="1.0"?>\n<SmsTaskSequencePackage${attributes}>\n${inner}\n<SequenceData>${SEQ}</SequenceData>\n</SmsTaskSequencePackage>`;
const cim = (inner: string) => `<INSTANCE CLASSNAME="SMS_TaskSequencePackage">\n${inner}\n<PROPERTY NAME="Sequence" TYPE="string"><VALUE><![CDATA[${SEQ}]]></VALUE></PROPERTY>\n</INSTANCE>`;

/** Each case: its XML, and the line of what is refused. */
const CASES: [string, string, number][] = [
  ['a 2007 property holding an element', sms('<Name>N</Name>\n<SupportedOperatingSystems><OS Platform="x64"/></SupportedOperatingSystems>'), 4],
  ['a comment in a 2007 property', sms('<Name>N<!--c-->M</Name>'), 3],
  ['a comment among the 2007 properties', sms('<Name>N</Name>\n<!-- note -->'), 4],
  ['an attribute of a 2007 property', sms('<Name>N</Name>\n<Description xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:nil="true"/>'), 4],
  ['a 2007 property given twice', sms('<Name>N</Name>\n<Name>M</Name>'), 4],
  ['an attribute of <SmsTaskSequencePackage>', sms('<Name>N</Name>', ' Extra="1"'), 2],
  ['a PROPERTY.OBJECT in object.xml', cim('<PROPERTY NAME="Name" TYPE="string"><VALUE>N</VALUE></PROPERTY>\n<PROPERTY.OBJECT NAME="X" REFERENCECLASS="Y"><VALUE.OBJECT><INSTANCE CLASSNAME="Y"/></VALUE.OBJECT></PROPERTY.OBJECT>'), 3],
  ['a PROPERTY.REFERENCE in object.xml', cim('<PROPERTY.REFERENCE NAME="R" REFERENCECLASS="Y"><VALUE.REFERENCE><INSTANCENAME CLASSNAME="Y"/></VALUE.REFERENCE></PROPERTY.REFERENCE>'), 2],
  ['a comment in an object.xml value', cim('<PROPERTY NAME="Name" TYPE="string"><VALUE>N<!--c-->M</VALUE></PROPERTY>'), 2],
  ['an object.xml property given twice', cim('<PROPERTY NAME="Name" TYPE="string"><VALUE>N</VALUE></PROPERTY>\n<PROPERTY NAME="Name" TYPE="string"><VALUE>M</VALUE></PROPERTY>'), 3],
];

describe('what a container holds besides its properties is refused by the text form, not dropped', () => {
  for (const [what, xml, line] of CASES) {
    it(`${what}: INVALID_ARGUMENT at line ${line}`, () => {
      const doc = readTaskSequence(xml);
      const e = thrown(() => toYaml(doc));
      expect(e.code).toBe('INVALID_ARGUMENT');
      expect(e.linePos?.line).toBe(line);
    });
  }

  it('the usual containers still convert: xmlns on the 2007 root, qualifiers in object.xml', () => {
    const plain = sms('<Name>N</Name>\n<Description />', ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"');
    expect(sequenceToText(readTaskSequence(plain)).package).toEqual({ Name: 'N', Description: '' });
    const qualified = cim('<QUALIFIER NAME="dynamic" TYPE="boolean"><VALUE>TRUE</VALUE></QUALIFIER>\n<PROPERTY NAME="PackageID" TYPE="string"><QUALIFIER NAME="key" TYPE="boolean"><VALUE>TRUE</VALUE></QUALIFIER><VALUE>P0100001</VALUE></PROPERTY>');
    expect(sequenceToText(readTaskSequence(qualified)).package).toEqual({ PackageID: 'P0100001' });
  });

  it('a container with no properties is built back with none, not the builder\'s defaults', () => {
    for (const xml of [cim(''), sms('')]) {
      const doc = readTaskSequence(xml);
      expect(doc.properties()).toEqual({});
      const back = readTaskSequence(writeTaskSequence(fromYaml(toYaml(doc))));
      expect(back.container).toBe(doc.container);
      expect(back.properties()).toEqual({});
    }
  });
});
