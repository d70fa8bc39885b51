import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { memoryIo } from './helpers/memory-io.js';

const step = (name: string) => `<step type="SMS_TaskSequence_RunCommandLineAction" name="${name}" description=""><action>cmd /c ${name}</action></step>`;
const group = (steps: string, description = '') => `<group name="G" description="${description}">${steps}</group>`;
const sequence = (body: string) => `<sequence version="3.10">${body}</sequence>`;

async function text(a: string, b: string): Promise<string> {
  const m = memoryIo({ 'a.xml': a, 'b.xml': b });
  expect(await main(['diff', 'a.xml', 'b.xml'], m.io)).toBe(1);
  return m.stdout;
}

describe('cmts diff lists under an added or removed group only the steps inside it', () => {
  it('a step added to another group of the same name is not listed under the new group', async () => {
    const out = await text(sequence(group(step('b'))), sequence(group(step('a'), 'new') + group(step('x') + step('b'))));
    // Two groups named G share a path: the added one is named by its position too.
    expect(out).toBe('--- a.xml\n+++ b.xml\n+ group G (item 1)\n    + step a (Run Command Line)\n+ step G/x (Run Command Line)\n');
  });

  it('a step removed from another group of the same name is not listed under the removed group', async () => {
    const out = await text(sequence(group(step('a'), 'old') + group(step('x') + step('b'))), sequence(group(step('b'))));
    expect(out).toBe('--- a.xml\n+++ b.xml\n- group G (item 1)\n    - step a (Run Command Line)\n- step G/x (Run Command Line)\n');
  });

  it('the steps of an added group, a nested group among them, are still listed under it', async () => {
    const out = await text(sequence(step('s')), sequence(step('s') + group(step('a') + `<group name="H">${step('h')}</group>` + step('c'))));
    expect(out).toBe('--- a.xml\n+++ b.xml\n+ group G\n    + step a (Run Command Line)\n    + group H\n        + step h (Run Command Line)\n    + step c (Run Command Line)\n');
  });
});
