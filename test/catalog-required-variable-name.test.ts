// A required text setting is written empty when it is not given (the console writes a text it has no value for as an
// empty element), but not one whose form refuses the empty text: Set Task Sequence Variable's variable name. Built
// without one, the step was `tsenv.exe "=v"`, a step the console cannot write and the builder refuses when the same
// empty name is given. It must be given, to the compiler and at run time alike.
import { describe, expect, it } from 'vitest';
import { modeFor } from './helpers/one-mode.js';
import { buildStep, getAction, stepCatalog, type Step } from './helpers/api.js';
import { thrown, verdict } from './helpers/thrown.js';
import { valueProblem } from '../lib/catalog/value-problem.js';

describe('a required setting whose form refuses an empty text must be given', () => {
  it('Set Task Sequence Variable without a variable name is refused, naming the setting', () => {
    // @ts-expect-error variableName is required: the console writes no step without one
    const e = thrown(() => buildStep('Set Task Sequence Variable', { name: 'Set', settings: { variableValue: 'v' } }));
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.message).toContain('variableName');
    // The same refusal as for the empty name given.
    expect(verdict(() => buildStep('Set Task Sequence Variable', { name: 'Set', settings: { variableName: '', variableValue: 'v' } }))).toBe('INVALID_ARGUMENT');
  });

  it('with a name it is built, its line naming it', () => {
    const step = buildStep('Set Task Sequence Variable', { name: 'Set', settings: { variableName: 'OSDComputerName', variableValue: 'PC01' } }) as Step;
    expect(getAction(step)).toBe('tsenv.exe "OSDComputerName=PC01" /hiddenflag:False');
  });

  it('every other required text is still written empty when not given', () => {
    for (const entry of stepCatalog) {
      for (const data of entry.variables) {
        if (data.arrayOf || !data.required || data.default !== undefined || !['string', 'secret', 'list', 'driveLetter', 'guid'].includes(data.valueType)) continue;
        // Only a text whose form refuses '' must be given.
        if (valueProblem(data, data.valueType === 'list' ? [] : '', data.setting) !== undefined) continue;
        const settings: Record<string, unknown> = {};
        for (const other of entry.variables) {
          if (other === data || other.arrayOf || !other.required || other.default !== undefined) continue;
          if (other.valueType === 'packageId') settings[other.setting] = 'ABC00001';
          if (other.valueType === 'enum') settings[other.setting] = other.allowed?.[0];
          if (other.valueType === 'packageIdList') settings[other.setting] = ['ABC00001'];
          if (other.valueType === 'array' || other.valueType === 'dynamicRules') settings[other.setting] = [];
          if (other.form === 'variableName') settings[other.setting] = 'X';
        }
        // One mode of a type whose settings exclude each other (setting-choices.ts), so the step can run.
        Object.assign(settings, modeFor(entry.consoleName));
        expect(verdict(() => buildStep(entry.type, { name: 'x', settings: settings as never })), `${entry.consoleName} ${data.setting}`).toBe('ok');
      }
    }
  });
});
