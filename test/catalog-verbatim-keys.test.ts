// `verbatim` gives catalog variables by property, written as given (values with no typed form). A key that is no
// property of the step type (a misspelling: `commandline`, `CommandLine ` with a space) was written as a variable of
// its own, named after the key, beside the real one, which was written empty: a step that runs nothing, built without
// a word. It is refused, as `extra` refuses a variable the catalog knows.
import { describe, expect, it } from 'vitest';
import { buildStep, stepView, variables, type Step } from './helpers/api.js';
import { thrown, verdict } from './helpers/thrown.js';

describe('verbatim takes the step type\'s own properties only', () => {
  it('a key that is no property of the type is refused, naming it', () => {
    for (const key of ['commandline', 'CommandLine ', 'Nope']) {
      const e = thrown(() => buildStep('Run Command Line', { name: 'Run', settings: {}, verbatim: { [key]: 'setup.exe' } }));
      expect(e.code).toBe('INVALID_ARGUMENT');
      expect(e.message).toContain(JSON.stringify(key));
    }
  });

  it('a property of the type, or of an array item, is written as given', () => {
    const run = buildStep('Run Command Line', { name: 'Run', settings: {}, verbatim: { CommandLine: 'setup.exe /q', SuccessCodes: '0 x' } }) as Step;
    expect(variables(run).find((v) => v.attributes.property === 'CommandLine')?.value).toBe('setup.exe /q');
    expect(stepView(run).verbatim).toEqual({ SuccessCodes: '0 x' });
    const disk = buildStep('Format and Partition Disk', { name: 'Disk', settings: { diskIndex: 0, partitionStyle: 'GPT', partitions: [{ type: 'Primary', quickFormat: true }] }, verbatim: { Partitions0Size: '1e3' } }) as Step;
    expect(variables(disk).find((v) => v.attributes.property === 'Partitions0Size')).toMatchObject({ attributes: { name: 'OSDPartitions0Size' }, value: '1e3' });
  });

  it('a step read back builds again from its own settings, verbatim texts and extras', () => {
    const first = buildStep('Run Command Line', { name: 'Run', settings: { commandLine: 'a.exe' }, verbatim: { SuccessCodes: '0 x' }, extra: [{ kind: 'variable', tag: 'variable', attributes: { name: 'Mine', property: 'Mine' }, value: '1' }] }) as Step;
    const view = stepView(first);
    expect(verdict(() => buildStep('Run Command Line', { name: 'Run', settings: view.settings, verbatim: view.verbatim, extra: view.extra }))).toBe('ok');
  });
});
