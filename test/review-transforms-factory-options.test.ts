// The transform factories a script calls directly (addReference, addClientPatch, insertStepsAfter,
// setDependentProgram) check their options as createTransform and the CLI do: what the schema refuses is refused
// (OPTIONS_INVALID) when the transform is made, before any document is touched, never written into it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addClientPatch, addReference, insertStepsAfter, readExportZip, readTaskSequence, setDependentProgram, writeExportZip, writeTaskSequenceText } from './helpers/api.js';
import { FIXTURES_DIR } from './helpers/corpus.js';
import { thrown } from './helpers/thrown.js';

const RUN = '<sequence version="3.10"><step type="SMS_TaskSequence_RunCommandLineAction" name="a"><action>cmd /c a</action></step></sequence>';
const SETUP = '<sequence version="3.10"><step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="s"><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">SMSMP=x</variable></defaultVarList><action>x</action></step></sequence>';

describe('transform factories called directly', () => {
  it('add-reference: a package type that is no uint32 is refused, not written into ReferencesInfo.xml', () => {
    const bytes = readFileSync(join(FIXTURES_DIR, 'zip', 'export.zip'));
    const x = readExportZip(bytes);
    for (const packageType of [Number.NaN, -1, 1.5, 2 ** 32]) {
      expect(thrown(() => x.sequences[0]!.doc.apply(addReference({ packageId: 'ABC00010', packageType }))).code).toBe('OPTIONS_INVALID');
    }
    expect(Buffer.from(writeExportZip(x)).equals(bytes)).toBe(true);
  });

  it('add-client-patch: a file that is no .msp is refused', () => {
    const doc = readTaskSequence(SETUP);
    expect(thrown(() => addClientPatch({ msp: 'C:\\patch.exe' })).code).toBe('OPTIONS_INVALID');
    expect(thrown(() => addClientPatch({ msp: 'C:\\a.msp', coveredBy: [''] })).code).toBe('OPTIONS_INVALID');
    expect(writeTaskSequenceText(doc)).toBe(SETUP);
  });

  it('insert-steps-after: a restart target or timeout the schema refuses, an empty step list', () => {
    const after = { name: 'a' };
    expect(thrown(() => insertStepsAfter({ after, steps: [{ type: 'restart-computer', name: 'R', target: 'XX' as 'HD' }] })).code).toBe('OPTIONS_INVALID');
    expect(thrown(() => insertStepsAfter({ after, steps: [{ type: 'restart-computer', name: 'R', timeout: Number.NaN }] })).code).toBe('OPTIONS_INVALID');
    expect(thrown(() => insertStepsAfter({ after, steps: [] })).code).toBe('OPTIONS_INVALID');
  });

  it('an option nested deeper than any option is, or one that holds itself, is OPTIONS_INVALID, not a stack overflow', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = { a: deep };
    const e = thrown(() => addReference({ packageId: 'ABC00010', deep } as never));
    expect([e.code, e.message]).toEqual(['OPTIONS_INVALID', expect.stringMatching(/option deep is nested more than 1000 levels deep/)]);
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(thrown(() => insertStepsAfter({ after: { name: 'a' }, steps: [], loop } as never)).code).toBe('OPTIONS_INVALID');
    // What JSON cannot copy, though it nests little, is refused as options too (a TypeError before).
    expect(thrown(() => addReference({ packageId: 'ABC00010', big: { n: 1n } } as never)).code).toBe('OPTIONS_INVALID');
  });

  it('no options at all is OPTIONS_INVALID, not a TypeError', () => {
    for (const make of [addReference, addClientPatch, insertStepsAfter, setDependentProgram] as ((o: unknown) => unknown)[]) {
      expect(thrown(() => make(undefined)).code).toBe('OPTIONS_INVALID');
    }
  });

  it('valid options still make a transform that applies', () => {
    const doc = readTaskSequence(RUN);
    expect(doc.apply(insertStepsAfter({ after: { name: 'a' }, steps: [{ type: 'restart-computer', name: 'R' }] })).changed).toBe(true);
    expect(readTaskSequence(SETUP).apply(addClientPatch({ msp: 'C:\\a.msp' })).changed).toBe(true);
  });
});
