// A step type given as a literal is checked by the compiler: a misspelt one (`'Run Comand Line'`) used to compile
// (`StepTypeOf` fell back to `string`, the settings to any record) and throw only at run time. A `string` (a type read
// from a file) still compiles and is checked at run time. The `@ts-expect-error` lines are checked by
// `tsc --noEmit -p tsconfig.json`, which includes the tests: without the check, each is an unused directive.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { addStep, buildStep, createSequence, StepView, stepView, type Step, type StepTypeOf } from './helpers/api.js';
import { verdict } from './helpers/thrown.js';

const RUN_COMMAND_LINE = 'SMS_TaskSequence_RunCommandLineAction';

describe('a step type literal the catalog has not does not compile', () => {
  it('buildStep and addStep: a misspelt console name or type is a compile error, and refused at run time', () => {
    // @ts-expect-error "Run Comand Line" names no step type
    expect(verdict(() => buildStep('Run Comand Line', { name: 'a', settings: { commandLine: 'x' } }))).toBe('INVALID_ARGUMENT');
    // @ts-expect-error the type attribute ends in Action
    expect(verdict(() => buildStep('SMS_TaskSequence_RunCommandLine', { name: 'a', settings: { commandLine: 'x' } }))).toBe('INVALID_ARGUMENT');
    const doc = createSequence('sequence');
    // @ts-expect-error "Run Comand Line" names no step type
    expect(verdict(() => addStep(doc, 'Run Comand Line', { name: 'a', settings: { commandLine: 'x' } }, { last: doc.sequence }))).toBe('INVALID_ARGUMENT');
  });

  it('stepView and StepView: a type argument that names no step type is a compile error', () => {
    const step = buildStep(RUN_COMMAND_LINE, { name: 'a', settings: { commandLine: 'x' } }) as Step;
    // @ts-expect-error the type attribute ends in Action
    expect(stepView<'SMS_TaskSequence_RunCommandLine'>(step).entry?.type).toBe(RUN_COMMAND_LINE);
    // @ts-expect-error "Run Comand Line" names no step type
    expect(new StepView<'Run Comand Line'>(step).entry?.type).toBe(RUN_COMMAND_LINE);
  });

  it('every name the run-time lookup takes compiles: the type, the console name in any case, a former name', () => {
    expect(verdict(() => buildStep(RUN_COMMAND_LINE, { name: 'a', settings: { commandLine: 'x' } }))).toBe('ok');
    expect(verdict(() => buildStep('Run Command Line', { name: 'a', settings: { commandLine: 'x' } }))).toBe('ok');
    expect(verdict(() => buildStep('run command line', { name: 'a', settings: { commandLine: 'x' } }))).toBe('ok');
    // Install Package was Install Software in ConfigMgr 2007.
    expect(verdict(() => buildStep('Install Software', { name: 'a', settings: { packageId: 'ABC00001', programName: 'Setup' } }))).toBe('ok');
    const doc = createSequence('sequence');
    expect(verdict(() => addStep(doc, 'RUN COMMAND LINE', { name: 'a', settings: { commandLine: 'x' } }, { last: doc.sequence }))).toBe('ok');
  });

  it('a name in another case or a former name types the settings as its step type does', () => {
    expectTypeOf<StepTypeOf<'run command line'>>().toEqualTypeOf<typeof RUN_COMMAND_LINE>();
    expectTypeOf<StepTypeOf<'Install Software'>>().toEqualTypeOf<'SMS_TaskSequence_InstallSoftwareAction'>();
    expectTypeOf<StepTypeOf<string>>().toEqualTypeOf<string>();
    // @ts-expect-error commandLine is a text: typed by the step type the lower-case name names
    expect(verdict(() => buildStep('run command line', { name: 'a', settings: { commandLine: 1 } }))).toBe('INVALID_ARGUMENT');
    const step = buildStep(RUN_COMMAND_LINE, { name: 'a', settings: { commandLine: 'x' } }) as Step;
    expectTypeOf(stepView<'Run Command Line'>(step).settings.commandLine).toEqualTypeOf<string | undefined>();
  });

  it('a string (a type read from a file) compiles and is checked at run time', () => {
    const read: string = ['Run Comand Line'][0] as string;
    expect(verdict(() => buildStep(read, { name: 'a', settings: {} }))).toBe('INVALID_ARGUMENT');
    const doc = createSequence('sequence');
    expect(verdict(() => addStep(doc, read, { name: 'a', settings: {} }, { last: doc.sequence }))).toBe('INVALID_ARGUMENT');
    const step = buildStep(RUN_COMMAND_LINE, { name: 'a', settings: { commandLine: 'x' } }) as Step;
    expect(stepView(step).entry?.type).toBe(RUN_COMMAND_LINE);
    expect(new StepView<typeof read>(step).entry?.type).toBe(RUN_COMMAND_LINE);
  });
});
