// A condition that compares a password-like variable with a value holds that password in clear text: the words cmts
// prints for it (inspect, a rendered page, a comparison, cmts diff, the preset's messages) show `(hidden)` in its
// place, as they do for the variable's own value, and the API gives it when asked.
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { conditionOf, describeCondition, readTaskSequence } from './helpers/api.js';
import { renderSequence } from '../lib/render/index.js';
import { memoryIo } from './helpers/memory-io.js';

const expression = (variable: string, value: string) =>
  `<expression type="SMS_TaskSequence_VariableConditionExpression"><variable name="Operator">equals</variable><variable name="Value">${value}</variable><variable name="Variable">${variable}</variable></expression>`;
const sequence = (secret: string, site = 'S1', other = '') =>
  `<sequence version="3.10"><step type="SMS_TaskSequence_RunCommandLineAction" name="Run"><condition><operator type="or">${expression('OSDJoinPassword', secret)}<operator type="not">${expression('Site', site)}</operator></operator>${other}</condition><action>cmd /c x</action><defaultVarList><variable name="CommandLine" property="CommandLine">cmd /c x</variable></defaultVarList></step></sequence>`;

describe('a condition on a password-like variable', () => {
  it('describeCondition shows (hidden) for its value, every other value as written, and the value when asked', () => {
    const doc = readTaskSequence(sequence('S3cr3t!'));
    const step = doc.sequence.children.find((c) => c.kind === 'step');
    if (step?.kind !== 'step') throw new Error('no step');
    const cond = conditionOf(step);
    if (!cond) throw new Error('no condition');
    expect(describeCondition(cond)).toBe('OSDJoinPassword = (hidden) or not (Site = "S1")');
    expect(describeCondition(cond, { showSecrets: true })).toBe('OSDJoinPassword = "S3cr3t!" or not (Site = "S1")');
  });

  it('is hidden by cmts inspect and on a rendered page, HTML and Markdown', async () => {
    const m = memoryIo({ 'a.xml': sequence('S3cr3t!') });
    expect(await main(['inspect', 'a.xml'], m.io)).toBe(0);
    expect(m.stdout).toContain('if OSDJoinPassword = (hidden)');
    const doc = readTaskSequence(sequence('S3cr3t!'));
    for (const format of ['html', 'md'] as const) expect(renderSequence(doc, { format })).not.toContain('S3cr3t');
  });

  it('is hidden by cmts diff when it changed alone, and when something else in the condition changed', async () => {
    const files = { 'a.xml': sequence('OldS3cr3t'), 'b.xml': sequence('NewS3cr3t'), 'c.xml': sequence('NewS3cr3t', 'S2'), 'd.xml': sequence('NewS3cr3t', 'S1', '<!-- x --><extra a="1"/>') };
    for (const other of ['b.xml', 'c.xml', 'd.xml']) {
      for (const json of [[], ['--json']]) {
        const m = memoryIo(files);
        expect(await main(['diff', 'a.xml', other, ...json], m.io), other).toBe(1);
        expect(m.stdout, other).not.toMatch(/S3cr3t/);
        expect(m.stdout, other).toContain('(hidden)');
      }
    }
    const c = memoryIo(files);
    await main(['diff', 'a.xml', 'c.xml'], c.io);
    expect(c.stdout).toContain('"S2"');
  });

  it('is hidden on a rendered comparison', async () => {
    const m = memoryIo({ 'a.xml': sequence('OldS3cr3t'), 'b.xml': sequence('NewS3cr3t', 'S2') });
    expect(await main(['render', 'a.xml', '--compare', 'b.xml', '-o', 'page.html'], m.io), m.stderr).toBe(0);
    const page = Buffer.from(m.fs.get('page.html') ?? new Uint8Array()).toString('utf8');
    expect(page).toContain('OSDJoinPassword');
    expect(page).not.toMatch(/S3cr3t/);
  });
});
