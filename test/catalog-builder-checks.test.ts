// Every builder applies the checks the other entry points make, by one shared check: a value buildStep, a create…Step
// builder, StepView.set, the settings schema, renameItem or setTimeoutSeconds refuses is refused by all of them, as
// INVALID_ARGUMENT naming the setting or option.
import { describe, expect, it } from 'vitest';
import { modeFor } from './helpers/one-mode.js';
import type { VariableData } from '../lib/catalog/types.js';
import {
  addStep,
  buildStep,
  createGroup,
  createInstallSoftwareStep,
  createRestartComputerStep,
  createRunCommandLineStep,
  createSequence,
  createSetupWindowsStep,
  findSteps,
  readTaskSequence,
  renameItem,
  setTimeoutSeconds,
  stepCatalog,
  stepView,
  validateStepSettings,
  writeTaskSequenceText,
  type Step,
} from './helpers/api.js';
import { thrown, verdict } from './helpers/thrown.js';

describe('the create…Step builders check values as the catalog does', () => {
  it('a restart message time-out below 0 is refused, naming the option, as setTimeoutSeconds refuses -5', () => {
    const e = thrown(() => createRestartComputerStep({ name: 'r', notify: true, timeout: -1 }));
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.message).toMatch(/^timeout /);
    // Not written without notify, and still no time-out.
    expect(verdict(() => createRestartComputerStep({ name: 'r', timeout: -1 }))).toBe('INVALID_ARGUMENT');
    expect(verdict(() => setTimeoutSeconds(createRestartComputerStep({ name: 'r' }), -5))).toBe('INVALID_ARGUMENT');
    expect(createRestartComputerStep({ name: 'r', notify: true, timeout: 0 }).attributes.name).toBe('r');
  });

  it('a restart message or time-out is shown: given alone it notifies, and notify: false with either is refused', () => {
    const setting = (s: Step, name: string) => s.children.flatMap((c) => ('children' in c ? c.children : [])).find((v) => 'attributes' in v && v.attributes.property === name);
    const valueOf = (s: Step, name: string) => (setting(s, name) as { value?: string } | undefined)?.value;
    const withMessage = createRestartComputerStep({ name: 'r', message: 'Restarting for KB977203' });
    expect(valueOf(withMessage, 'Message')).toBe('Restarting for KB977203');
    expect(valueOf(withMessage, 'MessageTimeout')).toBe('60');
    expect(valueOf(createRestartComputerStep({ name: 'r', timeout: 30 }), 'MessageTimeout')).toBe('30');
    expect(valueOf(createRestartComputerStep({ name: 'r' }), 'MessageTimeout')).toBe('0');
    const refused = thrown(() => createRestartComputerStep({ name: 'r', notify: false, message: 'x' }));
    expect(refused.code).toBe('INVALID_ARGUMENT');
    expect(refused.message).toMatch(/notify: true/);
    expect(verdict(() => createRestartComputerStep({ name: 'r', notify: false, timeout: 5 }))).toBe('INVALID_ARGUMENT');
  });

  it('a package ID that is none and a ";" in a program name are refused, naming the option', () => {
    const id = thrown(() => createInstallSoftwareStep({ name: 'i', packageId: 'bad id', programName: 'Install' }));
    expect(id.code).toBe('INVALID_ARGUMENT');
    expect(id.message).toMatch(/^packageId /);
    const program = thrown(() => createInstallSoftwareStep({ name: 'i', packageId: 'ABC00001', programName: 'a;b' }));
    expect(program.code).toBe('INVALID_ARGUMENT');
    expect(program.message).toMatch(/^programName /);
    // No length limit is held to: none of the sources the catalog stands on gives one for a program name.
    expect(verdict(() => createInstallSoftwareStep({ name: 'i', packageId: 'ABC00001', programName: 'p'.repeat(101) }))).toBe('ok');
    expect(verdict(() => createRunCommandLineStep({ name: 'c', commandLine: 'x', packageId: 'bad id' }))).toBe('INVALID_ARGUMENT');
    expect(verdict(() => createSetupWindowsStep({ name: 's', clientPackageId: 'bad id' }))).toBe('INVALID_ARGUMENT');
    expect(verdict(() => createInstallSoftwareStep({ name: 'i', packageId: 'ABC00001', programName: 'Install' }))).toBe('ok');
  });

  it('buildStep and StepView.set refuse the same values, naming the setting, and the schema does too', () => {
    for (const [kind, settings, setting] of [
      ['Restart Computer', { target: 'HD', messageTimeout: -1 }, 'messageTimeout'],
      ['Install Package', { packageId: 'bad id', programName: 'Install' }, 'packageId'],
      ['Install Package', { packageId: 'ABC00001', programName: 'a;b' }, 'programName'],
    ] as const) {
      const e = thrown(() => buildStep(kind, { name: 'x', settings }));
      expect(e.code).toBe('INVALID_ARGUMENT');
      expect(e.message.startsWith(`${setting} `)).toBe(true);
      expect(validateStepSettings(kind, settings).join('\n')).toContain(setting);
      const step = buildStep(kind, { name: 'x', settings: { ...settings, [setting]: kind === 'Restart Computer' ? 0 : setting === 'packageId' ? 'ABC00001' : 'Install' } });
      const before = JSON.stringify(step);
      expect(thrown(() => stepView(step).set(setting as never, (settings as Record<string, unknown>)[setting] as never)).message.startsWith(`${setting} `)).toBe(true);
      expect(JSON.stringify(step)).toBe(before);
    }
  });
});

describe('a step name and description are checked alike by every builder and by renameItem', () => {
  const restart = (name: string, description?: string) => () => buildStep('Restart Computer', { name, ...(description === undefined ? {} : { description }), settings: { target: 'HD' } });

  it('an empty name and one over 50 characters are refused by buildStep, createRestartComputerStep, createGroup, addStep and renameItem', () => {
    const step = createRestartComputerStep({ name: 'r' });
    for (const name of ['', 'n'.repeat(51), 'n'.repeat(80)]) {
      expect(verdict(restart(name)), `buildStep ${name.length}`).toBe('INVALID_ARGUMENT');
      expect(verdict(() => createRestartComputerStep({ name })), `create ${name.length}`).toBe('INVALID_ARGUMENT');
      expect(verdict(() => createGroup({ name })), `group ${name.length}`).toBe('INVALID_ARGUMENT');
      expect(verdict(() => renameItem(step, name)), `rename ${name.length}`).toBe('INVALID_ARGUMENT');
      const doc = createSequence('sequence');
      expect(verdict(() => addStep(doc, 'Restart Computer', { name, settings: { target: 'HD' } }, { last: doc.sequence })), `addStep ${name.length}`).toBe('INVALID_ARGUMENT');
    }
    expect(thrown(restart('')).message).toMatch(/name/);
    expect(verdict(restart('n'.repeat(50)))).toBe('ok');
    expect(verdict(() => renameItem(step, 'n'.repeat(50)))).toBe('ok');
  });

  it('a description over 255 characters is refused by buildStep as by the create…Step builders', () => {
    expect(verdict(restart('r', 'd'.repeat(256)))).toBe('INVALID_ARGUMENT');
    expect(verdict(() => createRestartComputerStep({ name: 'r', description: 'd'.repeat(256) }))).toBe('INVALID_ARGUMENT');
    expect(verdict(restart('r', 'd'.repeat(255)))).toBe('ok');
  });

  it('the time-out buildStep takes is the one setTimeoutSeconds takes', () => {
    const step = createRestartComputerStep({ name: 'r' });
    for (const timeout of [-5, 1.5, Number.NaN, 1e21, 0, 60]) {
      const built = verdict(() => buildStep('Restart Computer', { name: 'r', timeout, settings: { target: 'HD' } }));
      expect(built, String(timeout)).toBe(verdict(() => setTimeoutSeconds(step, timeout)));
    }
  });
});

/** A value the catalog takes for `data` (for a step's required settings). */
function goodValue(data: VariableData): unknown {
  switch (data.valueType) {
    case 'boolean':
      return false;
    case 'integer':
      return data.min ?? 1;
    case 'enum':
      return data.allowed?.[0] ?? '';
    case 'packageId':
      return 'ABC00001';
    case 'packageIdList':
    case 'list':
      return ['ABC00001'];
    case 'codes':
      return [0];
    case 'driveLetter':
      return 'C:';
    case 'guid':
      return '{859868ea-5292-4cf6-a06d-e395bb0b0629}';
    case 'dynamicRules':
    case 'array':
      return [];
    default:
      return 'x';
  }
}

/** Values past the limits the catalog gives `data`, and values just within them. */
function probes(data: VariableData): { bad: unknown[]; good: unknown[] } {
  const bad: unknown[] = [];
  const good: unknown[] = [];
  if (data.valueType === 'integer') {
    if (data.min !== undefined) (bad.push(data.min - 1), good.push(data.min));
    if (data.max !== undefined) (bad.push(data.max + 1), good.push(data.max));
  }
  if (data.maxLength !== undefined && data.valueType !== 'enum') (bad.push('x'.repeat(data.maxLength + 1)), good.push('x'.repeat(Math.min(data.maxLength, 20))));
  if (data.valueType === 'packageId') (bad.push('bad id'), good.push('abc0000f'));
  if (data.valueType === 'packageIdList') (bad.push(['bad id']), good.push(['ABC00001', '%PKG%']));
  if (data.valueType === 'driveLetter') (bad.push('NEW00001'), good.push('E:'));
  if (data.valueType === 'guid') (bad.push('x', '{859868ea-5292-4cf6-a06d-e395bb0b0629', 'A" /x:1 "B'), good.push('859868ea-5292-4cf6-a06d-e395bb0b0629', '{859868EA-5292-4CF6-A06D-E395BB0B0629}', ''));
  // A list's items are checked one by one: each forbidden character in an item, and a comma (the items' separator).
  const item = (text: string): unknown => (data.valueType === 'list' ? ['first', text] : text);
  if (data.forbidden !== undefined) for (const c of data.forbidden) (bad.push(item(`a${c}b`)), good.push(item('ab')));
  if (data.valueType === 'list') bad.push(item('a,b'));
  // A variable's name: letters, digits, _ and -, a letter first (a _ too for one the step reads); empty for one the
  // step reads or may set (an output variable), not for Set Task Sequence Variable's.
  if (data.form !== undefined) {
    bad.push('A B', 'A/B', '%A%', 'A" /x:1 "B', '1A', 'A\nB');
    good.push('OSDisk', 'A_b-1');
    (data.form === 'variableName' ? bad : good).push('');
    (data.form === 'variableRef' ? good : bad).push('_SMSTSMachineName');
  }
  return { bad, good };
}

describe('over the whole catalog, buildStep, StepView.set and the settings schema take the same values', () => {
  for (const entry of stepCatalog) {
    const top = entry.variables.filter((v) => !v.arrayOf && v.valueType !== 'array');
    const required = Object.fromEntries(entry.variables.filter((v) => !v.arrayOf && v.required && v.default === undefined).map((v) => [v.setting, goodValue(v)]));
    it(entry.consoleName, () => {
      for (const data of top) {
        const { bad, good } = probes(data);
        // What the catalog requires with this setting (a configuration file's name with its package: the line reads it).
        const along = Object.fromEntries(entry.variables.filter((v) => v.requiredWhen === `if ${data.property} is set` && v.default === undefined).map((v) => [v.setting, goodValue(v)]));
        for (const [value, expected] of [...bad.map((v) => [v, 'INVALID_ARGUMENT'] as const), ...good.map((v) => [v, 'ok'] as const)]) {
          // The mode of a type whose settings exclude each other that this value goes with (setting-choices.ts).
          const mode = modeFor(entry.consoleName, data.setting, value);
          const settings = { ...required, ...mode, ...along, [data.setting]: value };
          const what = `${data.setting} = ${JSON.stringify(value).slice(0, 30)}`;
          expect(validateStepSettings(entry.type, settings).length === 0 ? 'ok' : 'INVALID_ARGUMENT', `schema: ${what}`).toBe(expected);
          expect(verdict(() => buildStep(entry.type, { name: 'x', settings: settings as never })), `buildStep: ${what}`).toBe(expected);
          const step = buildStep(entry.type, { name: 'x', settings: { ...required, ...mode, ...along } as never });
          expect(verdict(() => stepView(step).set(data.setting as never, value as never)), `set: ${what}`).toBe(expected);
        }
      }
    });
  }
});

describe('a file value past a limit is still read, and set back as read writes nothing', () => {
  const xml = `<sequence version="3.10">
  <step type="SMS_TaskSequence_RebootAction" name="Restart" description="" runIn="WinPEandFullOS" successCodeList="0" retryCount="0" runFromNet="false">
    <action>smsboot.exe /target:HD</action>
    <defaultVarList>
      <variable name="SMSRebootMessage" property="Message">${'m'.repeat(600)}</variable>
      <variable name="SMSRebootTimeout" property="MessageTimeout">-1</variable>
      <variable name="SMSRebootTarget" property="Target" hidden="true">HD</variable>
    </defaultVarList>
  </step>
</sequence>
`;

  it('reads them (lint sees them), leaves them as written when set to themselves, and refuses another such value', () => {
    const doc = readTaskSequence(xml);
    const step = findSteps(doc.sequence)[0]!.node as Step;
    const view = stepView<'SMS_TaskSequence_RebootAction'>(step);
    expect(view.settings.messageTimeout).toBe(-1);
    expect(view.settings.message).toHaveLength(600);
    for (const [k, v] of Object.entries(view.settings)) view.set(k as never, v as never);
    expect(writeTaskSequenceText(doc)).toBe(xml);
    expect(verdict(() => view.set('messageTimeout', -2))).toBe('INVALID_ARGUMENT');
    expect(verdict(() => view.set('message', 'n'.repeat(513)))).toBe('INVALID_ARGUMENT');
    expect(writeTaskSequenceText(doc)).toBe(xml);
    view.set('messageTimeout', 30);
    expect(writeTaskSequenceText(doc)).toBe(xml.replace('>-1<', '>30<'));
  });
});
