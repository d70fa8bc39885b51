import { describe, expect, it } from 'vitest';
import { buildStep, stepView, type BuildStepInput } from '../lib/catalog/index.js';
import { fromYaml, readTaskSequence, toYaml, writeTaskSequenceText } from './helpers/api.js';
import { verdict } from './helpers/thrown.js';

const RUN = { name: 'Run', settings: { commandLine: 'setup.exe' } };
const build = (input: Partial<BuildStepInput<'Run Command Line'>> & Record<string, unknown>) => buildStep('Run Command Line', { ...RUN, ...input });

describe('buildStep refuses options it cannot write as given', () => {
  it('no input, or settings that are not an object, is INVALID_ARGUMENT, not a TypeError', () => {
    expect(verdict(() => buildStep('Run Command Line', undefined as never))).toBe('INVALID_ARGUMENT');
    expect(verdict(() => buildStep('Run Command Line', { name: 'Run', settings: null as never }))).toBe('INVALID_ARGUMENT');
    expect(verdict(() => buildStep('Run Command Line', { name: 'Run' } as never))).toBe('INVALID_ARGUMENT');
  });

  it('a time-out must be a whole number of seconds, 0 or more (NaN, 1.5 and -60 were written as given)', () => {
    for (const timeout of [Number.NaN, 1.5, -60, Infinity]) expect(verdict(() => build({ timeout })), String(timeout)).toBe('INVALID_ARGUMENT');
    expect(build({ timeout: 900 }).attributes.timeout).toBe('900');
  });

  it('a name or description that is not text, a runIn ConfigMgr does not have and flags that are not booleans are refused', () => {
    expect(verdict(() => build({ name: undefined as never }))).toBe('INVALID_ARGUMENT');
    expect(verdict(() => build({ name: 5 as never }))).toBe('INVALID_ARGUMENT');
    expect(verdict(() => build({ description: null as never }))).toBe('INVALID_ARGUMENT');
    expect(verdict(() => build({ runIn: 'WinPEAndFullOS' as never }))).toBe('INVALID_ARGUMENT');
    expect(verdict(() => build({ disabled: 'false' as never }))).toBe('INVALID_ARGUMENT');
    expect(verdict(() => build({ continueOnError: 1 as never }))).toBe('INVALID_ARGUMENT');
  });

  it('success codes given as an option must be integers, and reach the SuccessCodes variable of a type that has one', () => {
    expect(verdict(() => buildStep('Restart Computer', { name: 'R', settings: { target: 'HD' }, successCodes: [] }))).toBe('INVALID_ARGUMENT');
    expect(verdict(() => buildStep('Restart Computer', { name: 'R', settings: { target: 'HD' }, successCodes: [0.5] }))).toBe('INVALID_ARGUMENT');
    expect(buildStep('Restart Computer', { name: 'R', settings: { target: 'HD' }, successCodes: [0, 1] }).attributes.successCodeList).toBe('0 1');
    // Run Command Line mirrors successCodeList in a SuccessCodes variable: the option was dropped for the default 0 3010.
    const step = build({ successCodes: [0, 1641] });
    expect(step.attributes.successCodeList).toBe('0 1641');
    expect(stepView<'SMS_TaskSequence_RunCommandLineAction'>(step).get('successCodes')).toEqual([0, 1641]);
    expect(verdict(() => buildStep('Run Command Line', { name: 'Run', settings: { commandLine: 'x', successCodes: [0] }, successCodes: [1] }))).toBe('INVALID_ARGUMENT');
    expect(buildStep('Run Command Line', { name: 'Run', settings: { commandLine: 'x', successCodes: [0, 5] }, successCodes: [0, 5] }).attributes.successCodeList).toBe('0 5');
  });

  it('an extra variable that is one of the catalog\'s is refused (it was written twice, the action line showing the extra)', () => {
    const extra = [{ kind: 'variable' as const, tag: 'variable', attributes: { name: 'CommandLine', property: 'CommandLine' }, value: 'other.exe' }];
    expect(verdict(() => build({ extra }))).toBe('INVALID_ARGUMENT');
    const unknown = [{ kind: 'variable' as const, tag: 'variable', attributes: { name: 'LoadProfile', property: 'LoadProfile' }, value: 'false' }];
    expect(stepView(build({ extra: unknown })).extra.map((v) => v.value)).toEqual(['false']);
  });
});

describe('the text form keeps time-outs the builder refuses as raw attributes', () => {
  it('a time-out too large to be a JavaScript number as written converts to YAML and builds back byte for byte', () => {
    for (const timeout of ['1000000000000000000000', '100000000000000000000', '0900']) {
      const xml = `<sequence version="3.10"><step type="SMS_TaskSequence_RunCommandLineAction" name="S" description="" timeout="${timeout}" runIn="WinPEandFullOS" successCodeList="0 3010" retryCount="0" runFromNet="false"><action>smsswd.exe /run: x</action><defaultVarList><variable name="CommandLine" property="CommandLine" hidden="true">x</variable><variable name="SuccessCodes" property="SuccessCodes" hidden="true">0 3010</variable></defaultVarList></step></sequence>`;
      expect(writeTaskSequenceText(fromYaml(toYaml(readTaskSequence(xml)))), timeout).toBe(xml);
    }
  });
});
