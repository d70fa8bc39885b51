import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { diffTaskSequences, formatDiffEntry, readTaskSequence, validatorFor } from './helpers/api.js';
import { memoryIo } from './helpers/memory-io.js';

const step = (name: string, extra = '', body = '') =>
  `<step type="SMS_TaskSequence_RunCommandLineAction" name="${name}" description=""${extra}><action>smsswd.exe /run: cmd /c ${name}</action><defaultVarList><variable name="CommandLine" property="CommandLine" hidden="true">cmd /c ${name}</variable></defaultVarList>${body}</step>`;
const A = `<sequence version="3.10"><group name="G1" description="">${step('a')}${step('b')}${step('c')}</group><group name="G2" description="">${step('d')}</group></sequence>`;

function diff(a: string, b: string): string[] {
  return diffTaskSequences(readTaskSequence(a), readTaskSequence(b)).map(formatDiffEntry);
}

describe('semantic diff', () => {
  it('is blind to formatting: the same sequence pretty-printed, UTF-16 and in another container has no differences', () => {
    const pretty = readFileSync(resolve('examples/refresh-2007.xml'));
    const bare = pretty.toString('utf8').replace(/^[\s\S]*?(<sequence)/, '$1').replace(/(<\/sequence>)[\s\S]*$/, '$1').replace(/>\s+</g, '><');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(bare, 'utf16le')]);
    expect(diffTaskSequences(readTaskSequence(pretty), readTaskSequence(utf16)).filter((d) => d.kind !== 'property')).toEqual([]);
  });

  it('added, removed, moved across groups and within a group, and changed fields', () => {
    const b = `<sequence version="3.10"><group name="G1" description="">${step('c')}${step('a', ' continueOnError="true"')}</group><group name="G2" description="">${step('d')}${step('b')}${step('e')}</group></sequence>`;
    expect(diff(A, b)).toEqual([
      '> step G1/a (moved within its group)',
      '~ step G1/a attribute continueOnError: (none) → "true"',
      '> step G2/b (moved from G1/b)',
      '+ step G2/e (Run Command Line)',
    ]);
    expect(diff(b, A)).toContain('- step G2/e (Run Command Line)');
  });

  it('conditions, command lines, variables, properties, global variables and references', () => {
    const b = A.replace('<sequence version="3.10">', '<sequence version="3.10"><referenceList><reference package="ABC00001"/></referenceList><globalVarList><variable name="X" property="X">1</variable></globalVarList>')
      .replace('cmd /c d</variable>', 'cmd /c dd</variable>')
      .replace(step('a').slice(0, -7), `${step('a').slice(0, -7)}<condition><expression type="SMS_TaskSequence_VariableConditionExpression"><variable name="Operator">equals</variable><variable name="Value">1</variable><variable name="Variable">V</variable></expression></condition>`);
    expect(diff(A, b)).toEqual([
      '+ variable X ("1")',
      '+ reference ABC00001',
      '~ step G1/a condition: (none) → "V = \\"1\\""',
      '~ step G2/d variable CommandLine: "cmd /c d" → "cmd /c dd"',
    ]);
  });

  it('a renamed step is one change, not a removal and an addition', () => {
    expect(diff(A, A.replace('name="b"', 'name="b2"'))).toEqual(['~ step G1/b2 attribute name: "b" → "b2"']);
  });

  it('cmts diff: exit 0 same, 1 different, 2 trouble; --json matches its schema; folders compare same-named files', async () => {
    const m = memoryIo({ 'a.xml': A, 'b.xml': A.replace('name="b"', 'name="b2"'), 'bad.xml': '<x', 'l/t.xml': A, 'r/t.xml': A.replace('cmd /c d<', 'cmd /c x<') });
    expect(await main(['diff', 'a.xml', 'a.xml'], m.io)).toBe(0);
    expect(await main(['diff', 'a.xml', 'b.xml'], m.io)).toBe(1);
    expect(m.stdout).toContain('--- a.xml\n+++ b.xml\n~ step G1/b2 attribute name:\n    - b\n    + b2\n');
    expect(await main(['diff', 'a.xml', 'bad.xml'], m.io)).toBe(2);
    expect(await main(['diff', 'a.xml'], m.io)).toBe(2);
    const j = memoryIo({ 'l/t.xml': A, 'r/t.xml': A.replace('name="b"', 'name="b2"') });
    expect(await main(['diff', 'l', 'r', '--json'], j.io)).toBe(1);
    const json = JSON.parse(j.stdout) as unknown;
    expect(validatorFor('diff.report.schema.json')(json)).toBe(true);
    expect(json).toMatchObject({ results: [{ input: 't.xml', a: 'l/t.xml', b: 'r/t.xml', status: 'different' }] });
  });
});

describe('semantic diff compares values as XML defines them', () => {
  it('finds no change between a CRLF and an LF copy of the same sequence, values with line ends included', () => {
    const lf = `<sequence version="3.10">\n<group name="G" description="">\n${step('a')}\n<step type="SMS_TaskSequence_RunCommandLineAction" name="m" description="two\nlines"><action>cmd /c "a"\nb</action><defaultVarList><variable name="CommandLine" property="CommandLine">cmd /c "a"\nb</variable></defaultVarList></step>\n</group>\n</sequence>\n`;
    const crlf = lf.replace(/\n/g, '\r\n');
    expect(diff(lf, crlf)).toEqual([]);
    expect(diff(crlf, lf)).toEqual([]);
    expect(diff(lf, crlf.replace('cmd /c "a"\r\nb</variable>', 'cmd /c "a"\r\nc</variable>'))).toHaveLength(1);
  });

  it('reads a literal line end or tab in an attribute as a space and &#xA; as a line feed', () => {
    const doc = readTaskSequence('<sequence a="x\r\ny\tz" b="x&#xD;&#xA;y"/>');
    expect(doc.sequence.attributes).toEqual({ a: 'x y z', b: 'x\r\ny' });
  });
});

// What kept its order is the longest increasing run of the items' old places (a table of every pair of places took
// 3.4 GB and 24 s over 20,000 steps): on 6,000 steps, the first renamed and one moved to the end, exactly the move
// and the rename are found. Steps that share a name are matched one by one, in order.
describe('order of many items', () => {
  it('a step moved in 6,000, the first renamed: the move and the rename, nothing else', () => {
    const step = (name: string) => `<step type="SMS_TaskSequence_RunCommandLineAction" name="${name}"><action>cmd /c ${name}</action></step>`;
    const names = Array.from({ length: 6000 }, (_, i) => `s${i}`);
    const after = [...names.slice(0, 3000), ...names.slice(3001), 's3000'];
    after[0] = 'first renamed';
    const xml = (ns: string[]) => `<sequence version="3.10">${ns.map(step).join('')}</sequence>`;
    expect(diffTaskSequences(readTaskSequence(xml(names)), readTaskSequence(xml(after)))).toEqual([
      { change: 'added', kind: 'step', path: 'first renamed', after: 'Run Command Line' },
      { change: 'moved', kind: 'step', path: 's3000', from: 's3000' },
      { change: 'removed', kind: 'step', path: 's0', before: 'Run Command Line' },
    ]);
  });

  it('steps that share a name: one renamed among 3,000 is told as that rename, and nothing about the others', () => {
    const step = (name: string) => `<step type="SMS_TaskSequence_RebootAction" name="${name}"><action>smsboot.exe /target:HD</action></step>`;
    const names = Array.from({ length: 3000 }, () => 'Restart Computer');
    const after = [...names];
    after[1500] = 'Restart into WinPE';
    const xml = (ns: string[]) => `<sequence version="3.10">${ns.map(step).join('')}</sequence>`;
    const entries = diffTaskSequences(readTaskSequence(xml(names)), readTaskSequence(xml(after)));
    expect(entries).toContainEqual({ change: 'changed', kind: 'step', path: 'Restart into WinPE', field: 'attribute name', before: 'Restart Computer', after: 'Restart into WinPE' });
    expect(entries.every((e) => e.path === 'Restart into WinPE')).toBe(true);
  });
});
