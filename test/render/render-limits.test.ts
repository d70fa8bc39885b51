// A page shows at most maxItems steps and groups (default 200,000): 2.5 million steps, within the reader's limits,
// made a 469 MB page at a 3.9 GiB peak; a comparison of two was still running at the heap's limit after nine minutes.
// More is refused with INPUT_TOO_LARGE before any view is built.
import { describe, expect, it } from 'vitest';
import { main } from '../../lib/cli/main.js';
import { renderComparison, renderSequence } from '../../lib/render/render-sequence.js';
import { readTaskSequence } from '../helpers/api.js';
import { memoryIo } from '../helpers/memory-io.js';
import { thrown } from '../helpers/thrown.js';

/** A sequence of `steps` steps, the last two in a group. */
const seq = (steps: number) => {
  const step = (i: number) => `<step type="SMS_TaskSequence_RunCommandLineAction" name="s${i}"><action>cmd /c ${i}</action></step>`;
  const plain = Array.from({ length: steps - 2 }, (_, i) => step(i)).join('');
  return `<sequence version="3.10">${plain}<group name="g">${step(steps - 2)}${step(steps - 1)}</group></sequence>`;
};

describe('the most a page shows (maxItems)', () => {
  it('counts steps and groups, nested ones too: up to maxItems renders, one more is refused', () => {
    // 5 steps and 1 group: 6 items.
    const doc = readTaskSequence(seq(5), { file: 'six.xml' });
    expect(renderSequence(doc, { maxItems: 6 })).toContain('s4');
    const e = thrown(() => renderSequence(doc, { maxItems: 5, format: 'md' }));
    expect(e.code).toBe('INPUT_TOO_LARGE');
    expect(e.message).toContain('more than 5 steps and groups');
    expect(e.file).toBe('six.xml');
    // One is said as one, not "more than 1 steps and groups".
    expect(thrown(() => renderSequence(doc, { maxItems: 1, format: 'md' })).message).toContain('The sequence has more than one step or group, more than a page shows');
  });

  it('a comparison holds each of its two sequences to it', () => {
    const small = readTaskSequence(seq(3));
    const large = readTaskSequence(seq(9));
    expect(renderComparison(small, large, { maxItems: 10 })).toContain('s8');
    expect(thrown(() => renderComparison(small, large, { maxItems: 9 })).code).toBe('INPUT_TOO_LARGE');
    expect(thrown(() => renderComparison(large, small, { maxItems: 9 })).code).toBe('INPUT_TOO_LARGE');
  });

  it('refuses a maxItems that is not a positive whole number', () => {
    for (const bad of [0, -1, 2.5, Number.NaN]) expect(thrown(() => renderSequence(readTaskSequence(seq(3)), { maxItems: bad })).code).toBe('INVALID_ARGUMENT');
  });

  it('cmts render refuses 200,001 steps (exit 1, its file named, nothing written)', async () => {
    const many = `<sequence version="3.10">${'<step type="T" name="s"/>'.repeat(200_001)}</sequence>`;
    const m = memoryIo({ 'many.xml': many });
    expect(await main(['render', 'many.xml', '-o', 'many.html'], m.io)).toBe(1);
    expect(m.stderr).toMatch(/many\.xml.*INPUT_TOO_LARGE.*more than 200000 steps and groups/);
    expect(m.writes).toEqual([]);
  });
});
