// insert-steps-after builds every new step before it inserts any, and each is several elements: 600,000 one-line
// matches with two Install Software steps after each (a 40 MB file, within every limit of the reader) ran
// `cmts transform` out of heap after five minutes. The markup it adds (condition copies and groups too) is counted as
// it is built, with the sequence's own, against the maxNodes the document was read with, before any edit.
import type { InsertStepsAfterOptions } from '../lib/transforms/index.js';
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { applyTransform, readTaskSequence, writeTaskSequence } from './helpers/api.js';
import { memoryIo } from './helpers/memory-io.js';
import { thrown } from './helpers/thrown.js';

const input = (n: number) => `<sequence version="3.10"><group name="G">${Array.from({ length: n }, (_, i) => `<step type="SMS_TaskSequence_RunCommandLineAction" name="s${i}"/>`).join('')}</group></sequence>`;
const OPTIONS: InsertStepsAfterOptions = {
  after: { type: 'SMS_TaskSequence_RunCommandLineAction' },
  steps: [
    { type: 'install-software', name: 'CertFix', packageId: 'ABC00010', programName: 'CCMCertFix' },
    { type: 'restart-computer', name: 'Restart' },
  ],
};

/** The markup items of a text as the reader counts them: each `<`. */
const markupIn = (text: string) => text.split('<').length - 1;

/** The text `options` make of `text` with no limit in the way. */
function result(text: string, options: InsertStepsAfterOptions): string {
  const doc = readTaskSequence(text);
  applyTransform('insert-steps-after', doc, options);
  return Buffer.from(writeTaskSequence(doc)).toString();
}

const CONDITION = `<condition><operator type="and">${Array.from({ length: 20 }, (_, i) => `<expression type="SMS_TaskSequence_VariableConditionExpression"><variable name="Operator">equals</variable><variable name="Value">${i}</variable><variable name="Variable">V${i}</variable></expression>`).join('')}</operator></condition>`;

describe('insert-steps-after makes the sequence no larger than the document was read with allows', () => {
  it('is refused, before any edit, where a read with the same limit would refuse the result', () => {
    const text = input(10);
    const n = markupIn(result(text, OPTIONS));
    // 10 matches, 20 steps of about 11 markup items each.
    expect(n).toBeGreaterThan(markupIn(text) + 200);
    const doc = readTaskSequence(text, { maxNodes: n - 10 });
    const e = thrown(() => applyTransform('insert-steps-after', doc, OPTIONS));
    expect(e.code).toBe('INPUT_TOO_LARGE');
    expect(e.message).toContain(`more than ${n - 10} markup items`);
    expect(Buffer.from(writeTaskSequence(doc)).toString()).toBe(text);
    const within = readTaskSequence(text, { maxNodes: n });
    expect(applyTransform('insert-steps-after', within, OPTIONS).changes).toHaveLength(20);
    expect(markupIn(Buffer.from(writeTaskSequence(within)).toString())).toBe(n);
  });

  it('counts the copy of the condition each new step gets', () => {
    const text = `<sequence version="3.10"><group name="G">${Array.from({ length: 3 }, (_, i) => `<step type="SMS_TaskSequence_RunCommandLineAction" name="s${i}">${CONDITION}</step>`).join('')}</group></sequence>`;
    const n = markupIn(result(text, OPTIONS));
    // Room for the steps without their conditions (6 steps of about 11 items), not for the copies (about 160 each).
    const steps = markupIn(text) + 6 * 12;
    expect(n).toBeGreaterThan(steps + 6 * 150);
    expect(thrown(() => applyTransform('insert-steps-after', readTaskSequence(text, { maxNodes: steps }), OPTIONS)).code).toBe('INPUT_TOO_LARGE');
    expect(applyTransform('insert-steps-after', readTaskSequence(text, { maxNodes: n }), OPTIONS).changes).toHaveLength(6);
  });

  it('a second run, every step already in place, is not refused at the limit the result is read with', () => {
    const own: InsertStepsAfterOptions = { after: { type: 'SMS_TaskSequence_RunCommandLineAction' }, steps: [{ type: 'run-command-line', name: 'A', commandLine: 'cmd /c a' }] };
    const once = result(input(10), own);
    // The reader holds attributes to the same limit, counted apart.
    const again = readTaskSequence(once, { maxNodes: Math.max(markupIn(once), once.split('="').length - 1) });
    expect(applyTransform('insert-steps-after', again, own).changed).toBe(false);
  });

  it('a document read with the default limit is held to 3,000,000 markup items', () => {
    // 150,000 matches: the sequence's own 150,004 and 22 more a match (an Install Software and a Restart Computer step).
    const e = thrown(() => applyTransform('insert-steps-after', readTaskSequence(input(150_000)), OPTIONS));
    expect(e.code).toBe('INPUT_TOO_LARGE');
    expect(e.message).toContain('more than 3000000 markup items');
  });

  it('cmts transform names --max-nodes, exits 1 and writes nothing', async () => {
    const n = markupIn(result(input(10), OPTIONS));
    const m = memoryIo({ 'a.xml': input(10), 'o.json': JSON.stringify(OPTIONS) });
    expect(await main(['transform', 'insert-steps-after', 'a.xml', '--options', 'o.json', '--max-nodes', String(n - 10), '-o', 'b.xml'], m.io)).toBe(1);
    expect(m.stderr).toContain('INPUT_TOO_LARGE');
    expect(m.stderr).toContain('(--max-nodes)');
    expect(m.writes).toEqual([]);
    expect(await main(['transform', 'insert-steps-after', 'a.xml', '--options', 'o.json', '--max-nodes', String(n), '-o', 'b.xml'], m.io)).toBe(0);
    expect(m.writes).toEqual(['b.xml']);
  });
});
