// Wrong YAML given to fromYaml / cmts build is refused with a typed error and its line and column in the text,
// never an untyped error from the YAML library and never a sequence built from a misread setting.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromYaml } from '../lib/api/text.js';
import { TaskSequenceError } from '../lib/errors.js';
import { cmts } from './helpers/cli-process.js';
import { thrown } from './helpers/thrown.js';

/** Nine levels of nine aliases each: a few hundred bytes that expand to 9⁹ strings (the "billion laughs"). */
function laughs(): string {
  const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i <= 8; i++) lines.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\nsteps: *a8\n`;
}

describe('YAML the text form refuses', () => {
  it('aliases expanding past the library limit: INPUT_TOO_LARGE with the place of an alias, not a ReferenceError', () => {
    const text = laughs();
    const e = thrown(() => fromYaml(text));
    expect(e).toBeInstanceOf(TaskSequenceError);
    expect(e.code).toBe('INPUT_TOO_LARGE');
    // The first alias is on line 2, after `a1: &a1 [`.
    expect(e.linePos).toEqual({ line: 2, col: 10 });
  });

  it('cmts build of the aliases: exit 1, INPUT_TOO_LARGE with the place, nothing written, no internal error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cmts-review-text-'));
    try {
      const input = join(dir, 'laughs.yaml');
      const output = join(dir, 'laughs.xml');
      writeFileSync(input, laughs());
      const r = cmts(['build', input, '-o', output]);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('INPUT_TOO_LARGE');
      expect(r.stderr).toContain(`${input}:2:10`);
      expect(r.stderr).not.toMatch(/internal error/i);
      expect(existsSync(output)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a few aliases within the limit still build', () => {
    const doc = fromYaml('steps:\n  - &g {group: A}\n  - *g\n');
    expect(doc.sequence.children.filter((c) => c.kind === 'group')).toHaveLength(2);
  });

  it('a timeout past what a number prints as written is placed at its value, however deep (the schema refuses it: past a UInt32)', () => {
    const text = 'steps:\n  - group: A\n    steps:\n      - group: B\n        steps:\n          - step: Run Command Line\n            timeout: 99999999999999999999999\n            settings: {commandLine: x.exe}\n';
    const e = thrown(() => fromYaml(text));
    expect(e.code).toBe('NOT_A_TASK_SEQUENCE');
    expect(e.linePos).toEqual({ line: 7, col: 22 });
  });

  it('a character XML cannot hold is refused at its value in the text (it used to fail only when written, placed in the XML)', () => {
    const e = thrown(() => fromYaml('steps:\n  - group: A\n    steps:\n      - group: "x\\0y"\n'));
    expect(e.code).toBe('OUTPUT_MALFORMED');
    expect(e.linePos).toEqual({ line: 4, col: 16 });
    const lone = thrown(() => fromYaml('variables:\n  - name: V\n    value: "\\uD800"\nsteps: []\n'));
    expect(lone.code).toBe('OUTPUT_MALFORMED');
    expect(lone.linePos).toEqual({ line: 3, col: 12 });
  });

  it('an attribute name that is not an XML name is refused at its place in the text', () => {
    const e = thrown(() => fromYaml('steps:\n  - group: A\n    attributes:\n      name: A\n      "bad name": x\n'));
    expect(e.code).toBe('OUTPUT_MALFORMED');
    expect(e.linePos).toEqual({ line: 5, col: 7 });
  });

  it('cmts build prints the place in the YAML for what the builder refuses, exit 1, nothing written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cmts-review-text-'));
    try {
      const input = join(dir, 'ts.yaml');
      const output = join(dir, 'ts.xml');
      writeFileSync(input, 'steps:\n  - group: A\n  - group: "a\\x01"\n');
      const r = cmts(['build', input, '-o', output]);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`${input}:3:12: OUTPUT_MALFORMED`);
      expect(existsSync(output)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
