// An enum setting is typed as its allowed values: the catalog's `enum` lists are complete (a list that is not known to
// be complete makes a `string` setting), so a value no console offers does not compile, where it used to compile
// (`A | (string & {})`) and throw at run time.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { StepType } from '../lib/catalog/catalog.js';
import type { ArrayItemSettings, StepSettings } from '../lib/catalog/settings-types.js';
import type { STEP_DATA } from '../lib/catalog/step-data.js';
import { buildStep, RestartComputerStep, stepCatalog, stepView, type Step } from './helpers/api.js';
import { verdict } from './helpers/thrown.js';

type Vars<T> = Extract<(typeof STEP_DATA)[number], { type: T }>['variables'][number];
type TopEnums<T> = Exclude<Extract<Vars<T>, { valueType: 'enum' }>, { arrayOf: string }>;
type ItemEnums<T> = Extract<Extract<Vars<T>, { valueType: 'enum' }>, { arrayOf: string }>;
/** `O[K]`, or unknown (which the checks below count as open) when `K` is no key of `O`. */
type At<O, K> = K extends keyof O ? O[K] : unknown;
/** The step types with an enum setting that takes any text (none). */
type OpenTop = { [T in StepType]: { [V in TopEnums<T> as V['setting']]: string extends NonNullable<At<StepSettings<T>, V['setting']>> ? T : never }[TopEnums<T>['setting']] }[StepType];
type OpenItems = {
  [T in StepType]: { [V in ItemEnums<T> as V['setting']]: string extends NonNullable<At<ArrayItemSettings<T, V['arrayOf']>, V['setting']>> ? T : never }[ItemEnums<T>['setting']];
}[StepType];

describe('enum settings are typed as their allowed values', () => {
  it('Join Domain or Workgroup: type "JoinDomain" does not compile, and is refused at run time', () => {
    // @ts-expect-error the console writes 0 (workgroup) or 1 (domain)
    expect(verdict(() => buildStep('Join Domain or Workgroup', { name: 'j', settings: { type: 'JoinDomain' } }))).toBe('INVALID_ARGUMENT');
    expect(verdict(() => buildStep('Join Domain or Workgroup', { name: 'j', settings: { type: '1', domainName: 'corp.example' } }))).toBe('ok');
  });

  it('an allowed value as the catalog spells it, in lower or upper case, capitalised, or empty, compiles and is taken', () => {
    for (const target of ['HD', 'WinPE', 'hd', 'winpe', 'WINPE', ''] as const) expect(verdict(() => buildStep('Restart Computer', { name: 'r', settings: { target } }))).toBe('ok');
    const step = buildStep('Restart Computer', { name: 'r', settings: { target: 'HD' } }) as Step;
    expectTypeOf(stepView<'SMS_TaskSequence_RebootAction'>(step).settings.target).toEqualTypeOf<'HD' | 'WinPE' | 'hd' | 'winpe' | 'WINPE' | 'Hd' | 'Winpe' | '' | undefined>();
    expectTypeOf(new RestartComputerStep(step).target).toEqualTypeOf<'HD' | 'WinPE' | 'hd' | 'winpe' | 'WINPE' | 'Hd' | 'Winpe' | '' | undefined>();
    // @ts-expect-error Restart Computer restarts to HD or WinPE
    expect(verdict(() => stepView<'SMS_TaskSequence_RebootAction'>(step).set('target', 'Floppy'))).toBe('INVALID_ARGUMENT');
    // @ts-expect-error an array item's enum is closed too
    expect(verdict(() => buildStep('Format and Partition Disk', { name: 'p', settings: { diskIndex: 0, partitionStyle: 'GPT', partitions: [{ sizeUnits: 'TB' }] } }))).toBe('INVALID_ARGUMENT');
  });

  it('no enum setting of any step type, nor of an array item, takes any text', () => {
    expectTypeOf<OpenTop>().toBeNever();
    expectTypeOf<OpenItems>().toBeNever();
    // The catalog has enums to check, top level and in array items.
    expect(stepCatalog.some((e) => e.variables.some((v) => v.valueType === 'enum' && !v.arrayOf))).toBe(true);
    expect(stepCatalog.some((e) => e.variables.some((v) => v.valueType === 'enum' && v.arrayOf))).toBe(true);
  });

  it('a list the catalog does not know to be complete is a string setting and takes any text', () => {
    const step = buildStep('Upgrade Operating System', { name: 'u', settings: { installPackageId: 'ABC00001', dynamicUpdateSettings: 'UsingPolicy' } }) as Step;
    expectTypeOf(stepView<'SMS_TaskSequence_UpgradeOperatingSystemAction'>(step).settings.dynamicUpdateSettings).toEqualTypeOf<string | undefined>();
    expect(stepView<'SMS_TaskSequence_UpgradeOperatingSystemAction'>(step).settings.dynamicUpdateSettings).toBe('UsingPolicy');
  });
});
