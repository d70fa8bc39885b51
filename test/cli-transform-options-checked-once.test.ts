// Every registered transform's checks beyond its schema that need no task sequence (a package ID's form, a value
// spliced into PATCH, DependentProgram or an Install Software step) are made once for `cmts transform`'s options file,
// before any input is read, and the refusal is placed at the key in that file, as `transform kb977203` and
// `kb977203 --config` place theirs. They were made per input: each task sequence was named as the file at fault, once
// per input, with no line or column, and a script reading the --json report took every input for a bad one. The
// factories a script calls refuse such options at once too, before any document is edited.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { createTransform, TaskSequenceError } from '../lib/index.js';
import { memoryIo } from './helpers/memory-io.js';

const TS = readFileSync(new URL('../examples/refresh-2007.xml', import.meta.url));

/** [transform, options file text (which its schema takes), the key refused]. */
const CASES: [string, string, string][] = [
  ['set-dependent-program', '{\n  "packageId": "CM100010",\n  "programName": "X;Y"\n}', 'programName'],
  ['set-dependent-program', '{\n  "packageId": "CM100010",\n  "programName": "Cert\\"Fix"\n}', 'programName'],
  ['add-client-patch', '{\n  "msp": "C:\\\\a;b.msp"\n}', 'msp'],
  ['add-client-patch', `{\n  "msp": "C:\\\\${'x'.repeat(300)}.msp"\n}`, 'msp'],
  ['add-reference', '{\n  "packageId": "ABC00010",\n  "program": " "\n}', 'program'],
  ['add-reference', '{\n  "packageId": "ABC00010",\n  "packageName": "   "\n}', 'packageName'],
];

/** Line and column (1-based) of the first `"key"` in `text`. */
function placeOf(text: string, key: string): string {
  const at = text.indexOf(`"${key}"`);
  const before = text.slice(0, at).split('\n');
  return `${before.length}:${(before.at(-1) as string).length + 1}`;
}

describe('cmts transform: an option refused beyond the schema is the options file\'s fault, said once', () => {
  it.each(CASES)('%s %s: one error at o.json:line:col, no input read', async (name, options, key) => {
    const m = memoryIo({ 'a.xml': TS, 'b.xml': TS, 'o.json': options });
    expect(await main(['transform', name, 'a.xml', 'b.xml', '--options', 'o.json', '--check', '--json'], m.io)).toBe(1);
    expect(m.reads).toEqual(['o.json']);
    const lines = m.stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`cmts transform: o.json:${placeOf(options, key)}: `);
    expect(lines[0]).toContain(`key "${key}"`);
    const json = JSON.parse(m.stdout) as { results: { error: { file: string; line: number; col: number } }[] };
    expect(json.results).toHaveLength(1);
    expect(json.results[0]?.error).toMatchObject({ file: 'o.json' });
    expect(`${json.results[0]?.error.line}:${json.results[0]?.error.col}`).toBe(placeOf(options, key));
  });

  it('insert-steps-after: a step\'s value is placed at that step\'s key, in the steps array', async () => {
    const options = JSON.stringify({ after: { type: 'SMS_TaskSequence_SetupWindowsAndSMSAction' }, steps: [{ type: 'restart-computer', name: 'Restart' }, { type: 'install-software', name: 'Fix', packageId: 'ABC00010', programName: 'a"b' }] }, null, 2);
    const m = memoryIo({ 'a.xml': TS, 'o.json': options });
    expect(await main(['transform', 'insert-steps-after', 'a.xml', '--options', 'o.json', '--check'], m.io)).toBe(1);
    const at = options.indexOf('"programName"');
    const before = options.slice(0, at).split('\n');
    expect(m.stderr).toMatch(new RegExp(`^cmts transform: o\\.json:${before.length}:${(before.at(-1) as string).length + 1}: INVALID_ARGUMENT `));
    expect(m.stderr).not.toContain('a.xml');
  });
});

describe('the factories refuse such options when called, before any document', () => {
  it.each([
    ['set-dependent-program', { packageId: 'CM100010', programName: 'X;Y' }],
    ['add-client-patch', { msp: 'C:\\a;b.msp' }],
    ['add-reference', { packageId: 'ABC00010', packageName: '  ' }],
    ['insert-steps-after', { after: { type: 'x' }, steps: [{ type: 'set-variable', name: 'S', variableName: '1bad', value: 'v' }] }],
  ] as const)('%s', (name, options) => {
    let thrown: unknown;
    try {
      createTransform(name, options as never);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(TaskSequenceError);
    expect((thrown as TaskSequenceError).code).toBe('INVALID_ARGUMENT');
  });
});
