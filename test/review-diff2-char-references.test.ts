import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { diffTaskSequences, readTaskSequence } from './helpers/api.js';
import { corpusFiles, fixtureFiles } from './helpers/corpus.js';
import { memoryIo } from './helpers/memory-io.js';

// XML 1.0 section 2.11: a literal CR LF (or lone CR) in the file is read as one LF; a CR written as &#13; or &#xD; is
// a CR that stays. So "a&#13;\nb" is CR LF between a and b, and "a\r\nb" written literally is LF alone.
const step = (value: string, extra = '') =>
  `<sequence version="3.10"><step type="SMS_TaskSequence_RunCommandLineAction" name="s"${extra}><action>${value}</action><defaultVarList><variable name="CommandLine" property="CommandLine">${value}</variable></defaultVarList>` +
  `<condition><expression type="SMS_TaskSequence_VariableConditionExpression"><variable name="Operator">equals</variable><variable name="Value">${value}</variable><variable name="Variable">V</variable></expression></condition></step></sequence>`;
const diff = (a: string, b: string) => diffTaskSequences(readTaskSequence(a), readTaskSequence(b));

describe('a CR written as a character reference is a CR, a literal line end is an LF', () => {
  it('&#13; before a line end is a change from the line end alone, in a command line, a variable and a condition', () => {
    // The command line here is what its variable renders (MDT's form, the command alone), so the CR is one change of
    // the variable; written in the line alone, it is a change of the line.
    const fields = diff(step('a\nb'), step('a&#13;\nb')).map((d) => d.field);
    expect(fields).toEqual(['variable CommandLine', 'condition']);
    expect(diff(step('a\nb'), step('a&#xD;\nb'))).toHaveLength(2);
    expect(diff(step('a\nb'), step('a\nb').replace('<action>a\nb', '<action>a&#13;\nb')).map((d) => d.field)).toEqual(['command line']);
  });

  it('&#13; is the same whether the file around it has CRLF or LF line ends', () => {
    const lf = step('a&#13;\nb');
    expect(diff(lf, lf.replace(/\n/g, '\r\n'))).toEqual([]);
  });

  it('a literal CR LF is still the same as LF', () => {
    expect(diff(step('a\nb'), step('a\r\nb'))).toEqual([]);
    expect(diff(step('a\nb'), step('a\rb'))).toEqual([]);
  });

  it('in an attribute, &#xD;&#xA; is not &#xA; (the reader normalised the literal ones already)', () => {
    expect(diff(step('x', ' description="a&#xA;b"'), step('x', ' description="a&#xD;&#xA;b"'))).toEqual([
      { change: 'changed', kind: 'step', path: 's', field: 'attribute description', before: 'a\nb', after: 'a\r\nb' },
    ]);
  });

  it('in a global variable and in an unknown element', () => {
    const g = (v: string) => `<sequence version="3.10"><globalVarList><variable name="G">${v}</variable></globalVarList><vendor>${v}</vendor></sequence>`;
    expect(diff(g('a\nb'), g('a&#13;\nb'))).toMatchObject([{ kind: 'variable', path: 'G' }, { kind: 'sequence', path: 'element vendor' }]);
    expect(diff(g('a\nb'), g('a\r\nb'))).toEqual([]);
  });

  it('an edited value is compared as it will be read back: a CR given is a CR (written &#xD;)', () => {
    const doc = readTaskSequence(step('a&#13;\nb'));
    const action = doc.sequence.children.flatMap((c) => ('children' in c ? c.children : [])).find((c) => c.kind === 'action');
    if (action?.kind !== 'action') throw new Error('no action');
    action.value = 'c\r\nd';
    const withCr = diffTaskSequences(readTaskSequence(step('x').replace('<action>x</action>', '<action>c&#13;\nd</action>')), doc).map((d) => d.field);
    expect(withCr).not.toContain('command line');
    const withLf = diffTaskSequences(readTaskSequence(step('x').replace('<action>x</action>', '<action>c\nd</action>')), doc).map((d) => d.field);
    expect(withLf).toContain('command line');
  });

  it('every sample export and fixture equals its CRLF and its LF copy', () => {
    for (const { name, bytes } of [...corpusFiles(), ...fixtureFiles()]) {
      const text = bytes.toString('utf8');
      if (!text.includes('<sequence') || text.includes('\uFFFD')) continue;
      let lf;
      try {
        lf = readTaskSequence(text.replace(/\r\n/g, '\n'));
      } catch {
        continue; // not well-formed on purpose
      }
      expect(diffTaskSequences(lf, readTaskSequence(text.replace(/\r?\n/g, '\r\n'))), name).toEqual([]);
    }
  });
});

describe('cmts diff prints a CR that is a character reference so that it can be seen', () => {
  it('a change in a CR alone prints two different values', async () => {
    const m = memoryIo({ 'a.xml': step('a\nb'), 'b.xml': step('a&#13;\nb') });
    expect(await main(['diff', 'a.xml', 'b.xml'], m.io)).toBe(1);
    expect(m.stdout).toContain('~ step s variable CommandLine:\n    - a\n        b\n    + a&#13;\n        b\n');
  });
});
