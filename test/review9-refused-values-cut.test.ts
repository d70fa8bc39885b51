// A value a builder or convert refuses is shown in the message as usage errors show one: cut after 40 characters,
// with its length, and escaped. These quoted it whole (a script's value, or an attribute of the file).
import { describe, expect, it } from 'vitest';
import { toYaml } from '../lib/text/index.js';
import { buildStep, createRunCommandLineStep, readTaskSequence } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

const LONG = 'x'.repeat(100_000);
const cut = `"${'x'.repeat(40)}…" (100000 characters)`;

describe('a refused value in a message', () => {
  it('success codes of createRunCommandLineStep', () => {
    const e = thrown(() => createRunCommandLineStep({ name: 'Run', commandLine: 'setup.exe', successCodes: LONG }));
    expect(e.message).toContain(`not ${cut}`);
    expect(e.message.length).toBeLessThan(300);
  });

  it("buildStep's release", () => {
    const e = thrown(() => buildStep('Run Command Line', { name: 'Run', settings: { commandLine: 'setup.exe' }, release: `${LONG}\n` }));
    expect(e.message).toContain(`"${'x'.repeat(40)}…" (100001 characters)`);
    expect(e.message).not.toContain('\n');
  });

  it("a <sequence> version convert --to yaml cannot carry", () => {
    const e = thrown(() => toYaml(readTaskSequence(`<sequence version="${LONG}"/>`)));
    expect(e.message).toContain(`version ${cut}`);
    expect(e.message.length).toBeLessThan(300);
  });
});
