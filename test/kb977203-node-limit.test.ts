// The KB977203 preset builds a CCMCertFix step and a restart for every Setup Windows and ConfigMgr step, and writes
// PATCH into each: a minimal Setup step grows from one markup item to about 28. 1,198,000 of them (67 MB, within every
// limit of the reader) ran `cmts kb977203` out of heap after two and a half minutes, and 300,000 wrote 374 MB that cmts
// would refuse to read back. What it adds is counted as it is built, with the sequence's own, against the maxNodes the
// document was read with, before any edit (as insert-steps-after counts: test/transform-insert-node-limit.test.ts).
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { applyKb977203, checkKb977203, type Kb977203Options, readTaskSequence, revertKb977203, writeTaskSequence } from './helpers/api.js';
import { memoryIo } from './helpers/memory-io.js';
import { thrown } from './helpers/thrown.js';

const SETUP = '<step type="SMS_TaskSequence_SetupWindowsAndSMSAction"/>';
const input = (n: number, step = SETUP) => `<sequence version="3.00">${step.repeat(n)}</sequence>`;
const OPTIONS: Kb977203Options = { certfixPackage: 'ABC00010', clientPackage: 'CM100002' };

/** The markup items of a text as the reader counts them: each `<`. */
const markupIn = (text: string) => text.split('<').length - 1;
const textOf = (doc: ReturnType<typeof readTaskSequence>) => Buffer.from(writeTaskSequence(doc)).toString();

/** The text the preset makes of `text` with no limit in the way. */
function result(text: string): string {
  const doc = readTaskSequence(text);
  applyKb977203(doc, OPTIONS);
  return textOf(doc);
}

/** A condition on a variable the administrator sets (copied onto the new steps) or on `_SMSTSInWinPE` (a group carries it). */
const condition = (variable: string) =>
  `<condition><expression type="SMS_TaskSequence_VariableConditionExpression"><variable name="Operator">equals</variable><variable name="Value">1</variable><variable name="Variable">${variable}</variable></expression></condition>`;

describe('the KB977203 preset makes the sequence no larger than the document was read with allows', () => {
  it('is refused, before any edit, where a read with the same limit would refuse the result; at the result it is applied', () => {
    const text = input(10);
    const n = markupIn(result(text));
    // 10 Setup steps of 1 item grow to 10 of about 28: PATCH, CCMCertFix and the restart.
    expect(n).toBeGreaterThan(markupIn(text) + 250);
    const doc = readTaskSequence(text, { maxNodes: n - 10 });
    const e = thrown(() => applyKb977203(doc, OPTIONS));
    expect(e.code).toBe('INPUT_TOO_LARGE');
    expect(e.message).toContain(`more than ${n - 10} markup items`);
    expect(e.message).toContain('(option maxNodes)');
    expect(textOf(doc)).toBe(text);
    // A check plans what the apply would, and is refused the same way.
    expect(thrown(() => checkKb977203(readTaskSequence(text, { maxNodes: n - 1 }), OPTIONS)).code).toBe('INPUT_TOO_LARGE');
    const within = readTaskSequence(text, { maxNodes: n });
    expect(applyKb977203(within, OPTIONS).changed).toBe(true);
    expect(markupIn(textOf(within))).toBe(n);
  });

  it('counts the copies of a condition on the new steps, the group that carries one, and PATCH where the step has none', () => {
    const forms = [
      ...['Deploy', '_SMSTSInWinPE'].map((variable) => `<step type="SMS_TaskSequence_SetupWindowsAndSMSAction">${condition(variable)}</step>`),
      '<step type="SMS_TaskSequence_SetupWindowsAndSMSAction"><defaultVarList/></step>',
      '<step type="SMS_TaskSequence_SetupWindowsAndSMSAction">\n  <defaultVarList>\n    <variable name="_SMSClientPackageID" property="ClientPackageID">CM100002</variable>\n  </defaultVarList>\n</step>',
      '<step type="SMS_TaskSequence_SetupWindowsAndSMSAction"><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">SMSSLP=CM01</variable></defaultVarList></step>',
    ];
    for (const form of forms) {
      const text = input(3, form);
      const n = markupIn(result(text));
      const doc = readTaskSequence(text, { maxNodes: n - 1 });
      expect(thrown(() => applyKb977203(doc, OPTIONS)).code).toBe('INPUT_TOO_LARGE');
      expect(textOf(doc)).toBe(text);
      expect(applyKb977203(readTaskSequence(text, { maxNodes: n }), OPTIONS).changed).toBe(true);
    }
  });

  it('a second run counts only what it adds: steps already in place add nothing, and revert is not refused', () => {
    const once = result(input(10));
    const n = markupIn(once);
    // The reader holds attributes to the same limit, counted apart.
    const limit = (text: string) => Math.max(markupIn(text), text.split('="').length - 1);
    expect(applyKb977203(readTaskSequence(once, { maxNodes: limit(once) }), OPTIONS).changed).toBe(false);
    // One Setup step more than the patched ten: it adds what one adds, and only that.
    const more = once.replace('</sequence>', `${SETUP}</sequence>`);
    const added = markupIn(result(input(11))) - n;
    expect(thrown(() => applyKb977203(readTaskSequence(more, { maxNodes: n + added - 1 }), OPTIONS)).code).toBe('INPUT_TOO_LARGE');
    expect(applyKb977203(readTaskSequence(more, { maxNodes: limit(more) + added }), OPTIONS).changed).toBe(true);
    // Revert takes markup away: held to nothing.
    expect(revertKb977203(readTaskSequence(once, { maxNodes: limit(once) }), OPTIONS).changed).toBe(true);
  });

  it('cmts kb977203 names --max-nodes, exits 1 and writes nothing, with -o, --dry-run and --check', async () => {
    const n = markupIn(result(input(10)));
    const flags = ['--certfix-package', 'ABC00010', '--client-package', 'CM100002'];
    for (const mode of [['-o', 'b.xml'], ['--dry-run'], ['--check']]) {
      const m = memoryIo({ 'a.xml': input(10) });
      expect(await main(['kb977203', 'a.xml', ...flags, '--max-nodes', String(n - 10), ...mode], m.io)).toBe(1);
      expect(m.stderr).toContain('INPUT_TOO_LARGE');
      expect(m.stderr).toContain('(--max-nodes)');
      expect(m.writes).toEqual([]);
    }
    const m = memoryIo({ 'a.xml': input(10) });
    expect(await main(['kb977203', 'a.xml', ...flags, '--max-nodes', String(n), '-o', 'b.xml'], m.io)).toBe(0);
    expect(m.writes).toEqual(['b.xml']);
  });

  // From the review: each refused where a read of the result with the same limit would refuse it.
  it('a Setup step whose install-properties variable is empty and self-closing: setting PATCH adds its end tag', () => {
    const step = '<step type="SMS_TaskSequence_SetupWindowsAndSMSAction"><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties"/></defaultVarList></step>';
    const text = input(5, step);
    const n = markupIn(result(text));
    expect(() => readTaskSequence(result(text), { maxNodes: n - 1 })).toThrow(/markup items/);
    expect(thrown(() => applyKb977203(readTaskSequence(text, { maxNodes: n - 1 }), OPTIONS)).code).toBe('INPUT_TOO_LARGE');
  });

  it('a 2007 package export (<SmsTaskSequencePackage>): its wrapper and declaration are markup the reader counts too', () => {
    const text = `<?xml version="1.0"?><SmsTaskSequencePackage><BootImageID>CM100001</BootImageID><Category/><DependentProgram/><Description/><Duration>360</Duration><Name>T</Name><ProgramFlags>152084496</ProgramFlags><SequenceData>${input(5)}</SequenceData><SourceDate>2010-01-01T00:00:00</SourceDate><SupportedOperatingSystems/><IconSize>0</IconSize></SmsTaskSequencePackage>`;
    const n = markupIn(result(text));
    expect(() => readTaskSequence(result(text), { maxNodes: n - 1 })).toThrow(/markup items/);
    expect(thrown(() => applyKb977203(readTaskSequence(text, { maxNodes: n - 1 }), OPTIONS)).code).toBe('INPUT_TOO_LARGE');
    // At the result's own count it is applied.
    expect(() => applyKb977203(readTaskSequence(text, { maxNodes: n }), OPTIONS)).not.toThrow();
  });
});
