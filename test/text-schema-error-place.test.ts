import { describe, expect, it } from 'vitest';
import { buildSequence, fromYaml } from '../lib/text/index.js';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './helpers/run-cli.js';
import { thrown } from './helpers/thrown.js';

// An item of the text is a group when it says `group:`, else a step. A step with one wrong value was refused with
// the problems of the group it is not ("must have required property 'group'", "must NOT have additional properties
// (step)") before its own, and at the step's line rather than the value's.
const text = (lines: string[]) => `${lines.join('\n')}\n`;

describe('a text refused by its schema names the problem of the item it is, at the value', () => {
  const cases = [
    { what: 'a success code out of range', yaml: ['steps:', '  - step: Install Package', '    name: P', '    successCodes: [0, 1e30]'], line: 4, col: 23, problem: 'steps.0.successCodes.1: must be <= 4294967295' },
    { what: 'a setting of the wrong type', yaml: ['steps:', '  - step: Run Command Line', '    settings:', '      commandLine: x', '      runAsUser: maybe'], line: 5, col: 18, problem: 'steps.0.settings.runAsUser: must be boolean' },
    { what: 'a step key on a group', yaml: ['steps:', '  - group: G', '    steps:', '      - step: Restart Computer', '        timeout: -1'], line: 5, col: 18, problem: 'steps.0.steps.0.timeout: must be >= 0' },
    { what: 'a misspelt setting (at its key, not at the settings)', yaml: ['steps:', '  - step: Restart Computer', '    settings:', '      target: HD', '      timout: 5'], line: 5, col: 7, problem: 'steps.0.settings: must NOT have additional properties (timout)' },
    { what: 'a group with a key only steps have', yaml: ['steps:', '  - group: G', '    settings: {}'], line: 3, col: 5, problem: 'steps.0: must NOT have additional properties (settings)' },
  ];
  for (const c of cases) {
    it(`fromYaml: ${c.what}`, () => {
      const error = thrown(() => fromYaml(text(c.yaml)));
      expect(error.code).toBe('NOT_A_TASK_SEQUENCE');
      expect(error.message).toContain(c.problem);
      expect(error.message).not.toMatch(/oneOf|"then" schema|required property 'group'|additional properties \((step|group)\)/);
      expect(error.linePos).toEqual({ line: c.line, col: c.col });
    });
  }

  it('an item that is no mapping is said to be one problem, once, at the item', () => {
    const error = thrown(() => fromYaml(text(['steps:', '  - 5'])));
    expect(error.message).toBe('The text is not a task sequence: steps.0: must be object.');
    expect(error.linePos).toEqual({ line: 2, col: 5 });
  });

  it('buildSequence (data from a script) says the same of an item', () => {
    const error = thrown(() => buildSequence({ steps: [{ step: 'Install Package', successCodes: [0, 1e30] }] }));
    expect(error.code).toBe('NOT_A_TASK_SEQUENCE');
    expect(error.message).toContain('steps.0.successCodes.1: must be <= 4294967295');
    expect(error.message).not.toMatch(/oneOf|required property 'group'/);
    expect(error.path).toBe('steps/0/successCodes/1');
  });

  it('cmts build prints it with the value\'s line and column, and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cmts-build-place-'));
    try {
      const input = join(dir, 'osd.yaml');
      writeFileSync(input, text(cases[0]!.yaml));
      const r = await runCli(['build', input, '-o', join(dir, 'osd.xml')]);
      expect(r.status).toBe(1);
      expect(r.stderr).toBe(`cmts build: ${input}:4:23: NOT_A_TASK_SEQUENCE The text is not a task sequence: steps.0.successCodes.1: must be <= 4294967295.\n`);
      expect(r.stdout).toBe('');
      expect(existsSync(join(dir, 'osd.xml'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
