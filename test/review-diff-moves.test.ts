import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { diffTaskSequences, readTaskSequence } from './helpers/api.js';
import { memoryIo } from './helpers/memory-io.js';

const step = (name: string, body = '') => `<step type="SMS_TaskSequence_RunCommandLineAction" name="${name}" description=""><action>cmd /c ${name}</action>${body}</step>`;
const diff = (a: string, b: string) => diffTaskSequences(readTaskSequence(a), readTaskSequence(b));

describe('the diff tells groups apart by what they are, not by their names', () => {
  const group = (steps: string) => `<group name="Install" description="">${steps}</group>`;
  const before = `<sequence version="3.10">${group(step('a') + step('x'))}${group(step('b'))}</sequence>`;
  const after = `<sequence version="3.10">${group(step('a'))}${group(step('x') + step('b'))}</sequence>`;

  it('a step moved into another group of the same name is a move', () => {
    const entries = diff(before, after);
    expect(entries).toEqual([{ change: 'moved', kind: 'step', path: 'Install/x', from: 'Install/x', position: '2.1', fromPosition: '1.2' }]);
  });

  it('cmts diff exits 1 for it', async () => {
    const m = memoryIo({ 'a.xml': before, 'b.xml': after });
    expect(await main(['diff', 'a.xml', 'b.xml'], m.io)).toBe(1);
  });

  it('a renamed group is one change: its steps did not move', () => {
    const two = `<sequence version="3.10"><group name="Install" description="">${step('a') + step('x')}</group><group name="Other" description="">${step('b')}</group></sequence>`;
    const renamed = two.replace('name="Install"', 'name="Install apps"');
    expect(diff(two, renamed)).toEqual([{ change: 'changed', kind: 'group', path: 'Install apps', field: 'attribute name', before: 'Install', after: 'Install apps' }]);
  });
});
