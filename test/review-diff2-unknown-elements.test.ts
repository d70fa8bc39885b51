import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { diffTaskSequences, readTaskSequence, validatorFor } from './helpers/api.js';
import { memoryIo } from './helpers/memory-io.js';

const step = (extra: string) => `<step type="SMS_TaskSequence_RunCommandLineAction" name="s"><action>cmd /c x</action>${extra}</step>`;
const diff = (a: string, b: string) => diffTaskSequences(readTaskSequence(a), readTaskSequence(b));
const sequence = (body: string) => `<sequence version="3.10">${body}</sequence>`;

describe('elements the model does not know are compared, not ignored', () => {
  const vendor = (value: string) => `<vendorData xmlns="urn:example" mode="a"><item key="k">${value}</item></vendorData>`;

  it("a step's unknown child added, removed or changed is a change of that step", () => {
    expect(diff(sequence(step('')), sequence(step(vendor('1'))))).toEqual([
      { change: 'changed', kind: 'step', path: 's', field: 'element vendorData', after: '<vendorData mode="a" xmlns="urn:example"><item key="k">1</item></vendorData>' },
    ]);
    expect(diff(sequence(step(vendor('1'))), sequence(step('')))).toMatchObject([{ change: 'changed', field: 'element vendorData', before: expect.any(String) as string }]);
    expect(diff(sequence(step(vendor('1'))), sequence(step(vendor('2'))))).toMatchObject([
      { change: 'changed', field: 'element vendorData', before: expect.stringContaining('>1<') as string, after: expect.stringContaining('>2<') as string },
    ]);
  });

  it('the second of two unknown children of one name is compared too', () => {
    expect(diff(sequence(step(vendor('1') + vendor('2'))), sequence(step(vendor('1') + vendor('3'))))).toMatchObject([{ field: 'element vendorData #2' }]);
  });

  it("a group's and the sequence's unknown children are compared", () => {
    const group = (extra: string) => `<group name="G">${extra}${step('')}</group>`;
    expect(diff(sequence(group('')), sequence(group('<newSetting>on</newSetting>')))).toEqual([
      { change: 'changed', kind: 'group', path: 'G', field: 'element newSetting', after: '<newSetting>on</newSetting>' },
    ]);
    expect(diff(sequence(step('')), sequence(`<newSetting>on</newSetting>${step('')}`))).toEqual([{ change: 'added', kind: 'sequence', path: 'element newSetting', after: '<newSetting>on</newSetting>' }]);
  });

  it("an MDT group's empty <action/> means nothing, as in the text form; one that says something is compared", () => {
    const group = (extra: string) => `<group name="G">${extra}${step('')}</group>`;
    expect(diff(sequence(group('<action/>')), sequence(group('')))).toEqual([]);
    expect(diff(sequence(group('<action></action><action/>')), sequence(group('<action> </action>')))).toEqual([]);
    expect(diff(sequence(group('<action>cmd</action>')), sequence(group('')))).toMatchObject([{ change: 'changed', kind: 'group', field: 'element action' }]);
  });

  it('formatting is no change: attribute order, layout white space, comments, CRLF, CDATA for text', () => {
    const a = `<vendorData mode="a" b="1">\n  <!-- note -->\n  <item key="k">x\ny</item>\n</vendorData>`;
    const b = `<vendorData b="1" mode="a"><item key="k"><![CDATA[x]]>\r\ny</item></vendorData>`;
    expect(diff(sequence(step(a)), sequence(step(b)))).toEqual([]);
    expect(diff(sequence(step('<v>a b</v>')), sequence(step('<v>a  b</v>')))).toHaveLength(1);
  });

  it('cmts diff exits 1 for an unknown element added to a step, and the report is valid', async () => {
    const m = memoryIo({ 'a.xml': sequence(step('')), 'b.xml': sequence(step(vendor('1'))) });
    expect(await main(['diff', 'a.xml', 'b.xml', '--json'], m.io)).toBe(1);
    expect(validatorFor('diff.report.schema.json')(JSON.parse(m.stdout))).toBe(true);
  });
});
