// Two losses found feeding the text form messy exports:
// - a carriage return XML keeps (written `&#13;`) in a step's command line, a variable or a package property was
//   converted to "\r" and built back as a raw CR, which every reader takes for a line end: the value changed without
//   a word (for a package property even cmts diff could not see it). Such a file was refused; now that a CR in a
//   value is written `&#xD;`, it converts and builds back as the same CR. A line end written as is (CRLF) is a line
//   end, and converts as one.
// - a 2007 export whose properties are not in the console's order was built back in the console's order, so
//   converting what was built gave another text (the promise: convert → build → convert gives the same text).
import { describe, expect, it } from 'vitest';
import { diffTaskSequences } from '../lib/diff/semantic-diff.js';
import { fromYaml, sequenceToText, toYaml } from '../lib/api/text.js';
import { readTaskSequence, writeTaskSequence } from './helpers/api.js';

const run = (v: string) =>
  `<sequence version="3.10"><step type="SMS_TaskSequence_RunCommandLineAction" name="Run" description=""><action>${v}</action><defaultVarList><variable name="CommandLine" property="CommandLine">${v}</variable></defaultVarList></step></sequence>`;
const sms = (props: string) => `<?xml version="1.0"?>\n<SmsTaskSequencePackage>${props}<SequenceData><sequence version="3.00"></sequence></SequenceData></SmsTaskSequencePackage>`;
const cim = (value: string) =>
  `<INSTANCE CLASSNAME="SMS_TaskSequencePackage"><PROPERTY NAME="Name" TYPE="string"><VALUE>${value}</VALUE></PROPERTY><PROPERTY NAME="Sequence" TYPE="string"><VALUE><![CDATA[<sequence version="3.10"></sequence>]]></VALUE></PROPERTY></INSTANCE>`;

describe('a carriage return written as a character reference', () => {
  const CASES: [string, string][] = [
    ['a command line', run('cmd /c echo a&#13;&#10;b')],
    ['a step variable', `<sequence version="3.10"><step type="X" name="Run" description=""><defaultVarList><variable name="V" property="V">a&#xD;b</variable></defaultVarList></step></sequence>`],
    ['a global variable', '<sequence version="3.10"><globalVarList><variable name="G" property="G">a&#13;</variable></globalVarList></sequence>'],
    ['a 2007 package property', sms('<Name>N&#13;</Name>')],
    ['an object.xml property', cim('N&#13;')],
  ];
  for (const [what, xml] of CASES) {
    it(`in ${what}: converts to "\\r", builds back as &#xD; and the diff is empty`, () => {
      const doc = readTaskSequence(xml);
      const yaml = toYaml(doc);
      expect(yaml).toContain('\\r');
      const written = Buffer.from(writeTaskSequence(fromYaml(yaml))).toString('utf8');
      expect(written).toContain('&#xD;');
      const back = readTaskSequence(written);
      expect(diffTaskSequences(doc, back)).toEqual([]);
      expect(toYaml(back)).toBe(yaml);
    });
  }

  it('a line end written as is (CRLF, or a lone LF) converts, builds back and the diff is empty', () => {
    for (const xml of [run('cmd /c echo a\r\nb'), run('cmd /c echo a\nb'), sms('<Name>N\r\nM</Name>'), cim('N\r\nM')]) {
      const doc = readTaskSequence(xml);
      const yaml = toYaml(doc);
      const back = readTaskSequence(writeTaskSequence(fromYaml(yaml)));
      expect(diffTaskSequences(doc, back)).toEqual([]);
      expect(toYaml(back)).toBe(yaml);
    }
  });

  it('tabs, spaces at either end, non-ASCII and ]]> in a value convert and build back unchanged', () => {
    const v = '\t cmd /c echo é·漢字😀 ]]&gt; x  ';
    const doc = readTaskSequence(run(v));
    const back = readTaskSequence(writeTaskSequence(fromYaml(toYaml(doc))));
    expect(diffTaskSequences(doc, back)).toEqual([]);
    expect(sequenceToText(back).steps[0]).toMatchObject({ action: '\t cmd /c echo é·漢字😀 ]]> x  ', variables: [{ name: 'CommandLine', value: '\t cmd /c echo é·漢字😀 ]]> x  ' }] });
  });
});

describe('a 2007 export\'s properties in their own order', () => {
  it('convert → build → convert gives the same text; the built export has them in the original order', () => {
    const xml = sms('<Name>N</Name><Description>d</Description><BootImageID>X</BootImageID><Custom>c</Custom>');
    const yaml = toYaml(readTaskSequence(xml));
    const built = readTaskSequence(writeTaskSequence(fromYaml(yaml)));
    expect(Object.keys(built.properties())).toEqual(['Name', 'Description', 'BootImageID', 'Custom']);
    expect(toYaml(built)).toBe(yaml);
  });

  it('a text written for another container still gets the console\'s order', () => {
    const doc = fromYaml('container: cim-instance\npackage:\n  Name: N\n  Description: d\nsteps: []\n', { container: 'sms-package' });
    expect(Object.keys(doc.properties())).toEqual(['BootImageID', 'Category', 'DependentProgram', 'Description', 'Duration', 'Name', 'ProgramFlags', 'SupportedOperatingSystems', 'IconSize']);
  });
});
