// The text form is YAML 1.2 (core schema), as toYaml writes it and the README says. Under a `%YAML 1.1` directive the
// YAML library read `on` as true, 0755 as octal 493 and 1:20 as 80 seconds: the same words built another sequence
// than they build without the directive, without a word. A directive for any version but 1.2 is refused at its place.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromYaml, readTaskSequence, toYaml, writeTaskSequence } from './helpers/api.js';
import { runCli } from './helpers/run-cli.js';
import { thrown } from './helpers/thrown.js';

const steps = 'steps:\n  - step: Run Command Line\n    continueOnError: on\n    timeout: 1:20\n    settings:\n      commandLine: x.exe\n';
const setVariable = (value: string) => `steps:\n  - step: Set Task Sequence Variable\n    settings:\n      variableName: X\n      variableValue: ${value}\n`;
const xmlOf = (text: string) => Buffer.from(writeTaskSequence(fromYaml(text))).toString('utf8');

describe('a %YAML directive', () => {
  it('1.1 is refused at the directive, saying why, rather than building `on` as true and 1:20 as 80', () => {
    const e = thrown(() => fromYaml(`%YAML 1.1\n---\n${steps}`));
    expect(e.code).toBe('NOT_A_TASK_SEQUENCE');
    expect(e.message).toContain('%YAML 1.1');
    expect(e.message).toContain('the text form is YAML 1.2');
    expect(e.linePos).toEqual({ line: 1, col: 1 });
  });

  it('is refused for any other version, also with nothing a version would change, at its line', () => {
    for (const [text, line, shown] of [
      [`%YAML 1.1\n---\n${setVariable('"yes"')}`, 1, '%YAML 1.1'],
      [`# made by hand\n%YAML 1.1 # old\n--- \n${setVariable('x')}`, 2, '%YAML 1.1:'],
      [`%YAML 1.3\n---\n${setVariable('x')}`, 1, '%YAML 1.3'],
      [`%YAML 2.0\n---\n${setVariable('x')}`, 1, '%YAML 2.0'],
      [`%YAML\n---\n${setVariable('x')}`, 1, '%YAML (no version)'],
    ] as const) {
      const e = thrown(() => fromYaml(text));
      expect(e.code, text).toBe('NOT_A_TASK_SEQUENCE');
      expect(e.message, text).toContain(shown);
      expect(e.linePos, text).toEqual({ line, col: 1 });
    }
  });

  it('1.2 is read as the text without it: `on`, `yes` and 0755 as YAML 1.2 reads them', () => {
    expect(xmlOf(`%YAML 1.2\n---\n${setVariable('on')}`)).toBe(xmlOf(setVariable('on')));
    expect(xmlOf(`%YAML 1.2\n---\n${setVariable('yes')}`)).toContain('"X=yes"');
    expect(thrown(() => fromYaml(`%YAML 1.2\n---\n${steps}`)).message).toContain('continueOnError: must be boolean');
    expect(thrown(() => fromYaml(`%YAML 1.2\n---\n${setVariable('0755')}`)).message).toContain('must be string');
  });

  it('toYaml writes none, and XML → text → XML (with or without %YAML 1.2) is the same bytes', () => {
    const xml = writeTaskSequence(fromYaml(setVariable('"on"')));
    const text = toYaml(readTaskSequence(xml));
    expect(text).not.toMatch(/^%/m);
    expect(Buffer.from(writeTaskSequence(fromYaml(text))).equals(Buffer.from(xml))).toBe(true);
    expect(Buffer.from(writeTaskSequence(fromYaml(`%YAML 1.2\n---\n${text}`))).equals(Buffer.from(xml))).toBe(true);
  });

  it('cmts build prints the refusal with the directive\'s line and column, exit 1, nothing written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cmts-yaml-version-'));
    try {
      const input = join(dir, 'osd.yaml');
      writeFileSync(input, `%YAML 1.1\n---\n${steps}`);
      const r = await runCli(['build', input, '-o', join(dir, 'osd.xml')]);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`^cmts build: ${input.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}:1:1: NOT_A_TASK_SEQUENCE The text says %YAML 1\\.1`));
      expect(existsSync(join(dir, 'osd.xml'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
