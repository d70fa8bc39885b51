import { describe, expect, it } from 'vitest';
import { readTaskSequence } from './helpers/api.js';
import { buildSequenceView } from '../lib/render/build-sequence-view.js';
import { flattenItems } from '../lib/render/view-model.js';

// Two steps of one name in one group share a path; in a file on one line they share the line too.
const run = (name: string, exe: string, password: string) =>
  `<step type="SMS_TaskSequence_RunCommandLineAction" name="${name}"><action>smsswd.exe /run: ${exe}</action><defaultVarList><variable name="CommandLine" property="CommandLine" hidden="true">${exe}</variable>${password ? `<variable name="SMSTSRunCommandLineUserPassword" property="UserPassword">${password}</variable>` : ''}</defaultVarList></step>`;

describe('a lint finding goes to the step it is about when steps share a path and a line', () => {
  it('one line: the clear-text password of the first "Run" is shown under the first, not the second', () => {
    const doc = readTaskSequence(`<sequence version="3.10"><group name="G">${run('Run', 'first.exe', 'pw')}${run('Run', 'second.exe', '')}</group></sequence>`);
    const steps = flattenItems(buildSequenceView(doc).items).filter((i) => i.kind === 'step');
    expect(steps.map((s) => [s.number, s.findings.filter((f) => f.rule === 'clear-text-secret').map((f) => f.rule)])).toEqual([
      ['1.1', ['clear-text-secret']],
      ['1.2', []],
    ]);
  });

  it('one line: the finding of the second "Run" stays under the second', () => {
    const doc = readTaskSequence(`<sequence version="3.10"><group name="G">${run('Run', 'first.exe', '')}${run('Run', 'second.exe', 'pw')}</group></sequence>`);
    const steps = flattenItems(buildSequenceView(doc).items).filter((i) => i.kind === 'step');
    expect(steps.map((s) => [s.number, s.findings.filter((f) => f.rule === 'clear-text-secret').map((f) => f.rule)])).toEqual([
      ['1.1', []],
      ['1.2', ['clear-text-secret']],
    ]);
  });
});
