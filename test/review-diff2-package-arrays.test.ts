import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { diffTaskSequences, readTaskSequence, validatorFor } from './helpers/api.js';
import { memoryIo } from './helpers/memory-io.js';

// A Current Branch object.xml: single-valued properties, a string array and an array of objects around the sequence.
const objectXml = (scopes: string[], os: string) => `<INSTANCE CLASSNAME="SMS_TaskSequencePackage">
  <PROPERTY NAME="Name" TYPE="string"><VALUE>Deploy</VALUE></PROPERTY>
  <PROPERTY.ARRAY NAME="SecuredScopeNames" TYPE="string">
    <QUALIFIER NAME="CIMTYPE" TYPE="string"><VALUE>string</VALUE></QUALIFIER>
    <VALUE.ARRAY>${scopes.map((s) => `<VALUE>${s}</VALUE>`).join('')}</VALUE.ARRAY>
  </PROPERTY.ARRAY>
  <PROPERTY.OBJECTARRAY NAME="SupportedOperatingSystems" REFERENCECLASS="SMS_OS_Details">${os}</PROPERTY.OBJECTARRAY>
  <PROPERTY NAME="Sequence" TYPE="string"><VALUE>&lt;sequence version="3.10"&gt;&lt;step type="SMS_TaskSequence_RunCommandLineAction" name="s"&gt;&lt;action&gt;cmd&lt;/action&gt;&lt;/step&gt;&lt;/sequence&gt;</VALUE></PROPERTY>
</INSTANCE>`;
const windows11 = `<VALUE.OBJECTARRAY><VALUE.OBJECT><INSTANCE CLASSNAME="SMS_OS_Details"><PROPERTY NAME="Platform" TYPE="string"><VALUE>x64</VALUE></PROPERTY></INSTANCE></VALUE.OBJECT></VALUE.OBJECTARRAY>`;
const diff = (a: string, b: string) => diffTaskSequences(readTaskSequence(a), readTaskSequence(b));

describe("an object.xml's array properties are compared like its single values", () => {
  it('a security scope added is a changed property', () => {
    expect(diff(objectXml(['Default'], ''), objectXml(['Default', 'Servers'], ''))).toEqual([
      { change: 'changed', kind: 'property', path: 'SecuredScopeNames', before: '<VALUE.ARRAY><VALUE>Default</VALUE></VALUE.ARRAY>', after: '<VALUE.ARRAY><VALUE>Default</VALUE><VALUE>Servers</VALUE></VALUE.ARRAY>' },
    ]);
  });

  it('a supported operating system set or cleared is an added or removed property', () => {
    expect(diff(objectXml(['Default'], ''), objectXml(['Default'], windows11))).toMatchObject([{ change: 'added', kind: 'property', path: 'SupportedOperatingSystems' }]);
    expect(diff(objectXml(['Default'], windows11), objectXml(['Default'], ''))).toMatchObject([{ change: 'removed', kind: 'property', path: 'SupportedOperatingSystems' }]);
  });

  it('the same arrays laid out otherwise, or with CRLF, are no change', () => {
    const a = objectXml(['Default'], windows11);
    expect(diff(a, a.replace(/\n\s*/g, '\r\n').replace('<VALUE.OBJECT>', '\r\n<VALUE.OBJECT>'))).toEqual([]);
  });

  it('cmts diff exits 1 and its --json report is valid', async () => {
    const m = memoryIo({ 'a.xml': objectXml(['Default'], ''), 'b.xml': objectXml(['Default'], windows11) });
    expect(await main(['diff', 'a.xml', 'b.xml', '--json'], m.io)).toBe(1);
    expect(validatorFor('diff.report.schema.json')(JSON.parse(m.stdout))).toBe(true);
  });
});
