// A review of the places a value given by a script is spliced into a sequence found four that changed or accepted it
// silently: a CIM property named with a tab, LF or CR (written raw, read back as a space: another name, and its CIM
// type lost); a condition parameter named __proto__ (written, then lost when read); addPatch taking a path with white
// space around it (added again at each call), a control character or a closing backslash; and time-outs past what
// a UInt32 holds.
import { describe, expect, it } from 'vitest';
import { addPatch, buildCondition, createRestartComputerStep, createSequence, fromYaml, readCondition, readTaskSequence, setTimeoutSeconds, writeTaskSequence } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

describe('a CIM property named with white space other than a space', () => {
  for (const name of ['Tab\tKey', 'Line\nKey', 'Cr\rKey', 'Crlf\r\nKey']) {
    it(`keeps ${JSON.stringify(name)} and its value through a write and a read`, () => {
      const doc = createSequence('cim-instance', { properties: { Name: 'P', [name]: 'x' } });
      const back = readTaskSequence(writeTaskSequence(doc));
      expect(Object.keys(back.properties())).toContain(name);
      expect(back.properties()[name]).toBe('x');
    });
  }

  it('keeps the CIM type given for it in the text form', () => {
    const doc = fromYaml('container: cim-instance\npackage:\n  Name: P\n  "Tab\\tKey": "1"\npackageTypes:\n  "Tab\\tKey": uint32\nsteps: []\n');
    const text = Buffer.from(writeTaskSequence(doc)).toString('utf8');
    expect(text).toContain('<PROPERTY NAME="Tab&#x9;Key" TYPE="uint32">');
  });
});

describe('a condition parameter named __proto__', () => {
  it('reads back as it was built', () => {
    const parameters = JSON.parse('{"__proto__":"x","A":"y"}') as Record<string, string>;
    const [operand] = readCondition(buildCondition({ expression: 'SMS_Foo', parameters }));
    expect(operand).toBeDefined();
    const read = (operand as { parameters: Record<string, string> }).parameters;
    expect(Object.keys(read).sort()).toEqual(['A', '__proto__']);
    expect(Object.getOwnPropertyDescriptor(read, '__proto__')?.value).toBe('x');
    expect(Object.getPrototypeOf(read)).toBe(Object.prototype);
  });
});

describe('addPatch', () => {
  for (const msp of [' C:\\a.msp', 'C:\\a.msp ', 'C:\\a\nb.msp', 'C:\\a\u0001.msp', 'C:\\dir\\']) {
    it(`refuses ${JSON.stringify(msp)}`, () => {
      expect(thrown(() => addPatch('SMSMP=mp', msp)).code).toBe('INVALID_ARGUMENT');
    });
  }

  it('still adds an ordinary path once', () => {
    const once = addPatch('SMSMP=mp', 'C:\\a.msp');
    expect(once).toEqual({ status: 'added', value: 'SMSMP=mp PATCH="C:\\a.msp"' });
    expect(addPatch(once.value, 'C:\\a.msp').status).toBe('present');
  });
});

describe('time-outs', () => {
  it('take up to 4294967295 seconds (a UInt32), and refuse more', () => {
    const step = createRestartComputerStep({ name: 'Restart', notify: true, timeout: 4294967295 });
    expect(thrown(() => createRestartComputerStep({ name: 'Restart', notify: true, timeout: 2 ** 32 })).code).toBe('INVALID_ARGUMENT');
    setTimeoutSeconds(step, 4294967295);
    expect(step.attributes.timeout).toBe('4294967295');
    expect(thrown(() => setTimeoutSeconds(step, Number.MAX_SAFE_INTEGER)).code).toBe('INVALID_ARGUMENT');
  });
});
