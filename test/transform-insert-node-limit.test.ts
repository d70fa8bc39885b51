// insert-steps-after builds every new step before it inserts any, and each is several elements: 600,000 one-line
// matches with two Install Software steps after each (a 40 MB file, within every limit of the reader) ran
// `cmts transform` out of heap after five minutes. The markup it would add is counted first, from one build of each
// step, and held to the maxNodes the document was read with.
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { applyTransform, readTaskSequence, writeTaskSequence } from './helpers/api.js';
import { memoryIo } from './helpers/memory-io.js';
import { thrown } from './helpers/thrown.js';

const input = (n: number) => `<sequence version="3.10"><group name="G">${Array.from({ length: n }, (_, i) => `<step type="SMS_TaskSequence_RunCommandLineAction" name="s${i}"/>`).join('')}</group></sequence>`;
// An Install Software step is 5 elements (step, action, defaultVarList, two variables), a Restart Computer step 6.
const OPTIONS = {
  after: { type: 'SMS_TaskSequence_RunCommandLineAction' },
  steps: [
    { type: 'install-software', name: 'CertFix', packageId: 'ABC00010', programName: 'CCMCertFix' },
    { type: 'restart-computer', name: 'Restart' },
  ],
} as const;

describe('insert-steps-after adds no more markup than the document was read with allows', () => {
  it('refuses before any edit when the matches times the steps would add more than maxNodes', () => {
    const text = input(10);
    const doc = readTaskSequence(text, { maxNodes: 109 });
    const e = thrown(() => applyTransform('insert-steps-after', doc, OPTIONS));
    expect(e.code).toBe('INPUT_TOO_LARGE');
    expect(e.message).toContain('would add 110 markup items, more than the 109');
    expect(Buffer.from(writeTaskSequence(doc)).toString()).toBe(text);
  });

  it('inserts them when that is just within it', () => {
    const doc = readTaskSequence(input(10), { maxNodes: 110 });
    expect(applyTransform('insert-steps-after', doc, OPTIONS).changes).toHaveLength(20);
    expect(doc.steps().length).toBe(30);
  });

  it('a document read with the default limit is held to 3,000,000 markup items of new steps', () => {
    // 272,728 matches × 11 = 3,000,008.
    const e = thrown(() => applyTransform('insert-steps-after', readTaskSequence(input(272_728)), OPTIONS));
    expect(e.code).toBe('INPUT_TOO_LARGE');
    expect(e.message).toContain('more than the 3000000');
  });

  it('cmts transform names --max-nodes, exits 1 and writes nothing', async () => {
    const m = memoryIo({ 'a.xml': input(10), 'o.json': JSON.stringify(OPTIONS) });
    expect(await main(['transform', 'insert-steps-after', 'a.xml', '--options', 'o.json', '--max-nodes', '109', '-o', 'b.xml'], m.io)).toBe(1);
    expect(m.stderr).toContain('INPUT_TOO_LARGE');
    expect(m.stderr).toContain('(--max-nodes)');
    expect(m.writes).toEqual([]);
    expect(await main(['transform', 'insert-steps-after', 'a.xml', '--options', 'o.json', '--max-nodes', '110', '-o', 'b.xml'], m.io)).toBe(0);
    expect(m.writes).toEqual(['b.xml']);
  });
});
