// A step with thousands of attributes gets one catalog/unknown-attribute finding per attribute, and every finding is
// placed in the file. Placing one must not read the step's start tag again (that made lint and render quadratic in
// the attributes of one element): these count the reads of a node's origin instead of timing, and run a size the
// quadratic code took minutes on, so a return of it fails by far more than the timeout's margin.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import * as origin from '../lib/xml/origin.js';
import { lint, readTaskSequence, renderSequence } from './helpers/api.js';
import { FIXTURES_DIR } from './helpers/corpus.js';

// Counts calls to originOf, which reads a start tag's attributes again on every call; the rest of the module is real.
vi.mock('../lib/xml/origin.js', async (importOriginal) => {
  const actual = await importOriginal<typeof origin>();
  return { ...actual, originOf: vi.fn(actual.originOf) };
});

const stepWith = (n: number): string => {
  const attributes = Array.from({ length: n }, (_, i) => `a${i}="${i}"`).join(' ');
  return `<sequence version="3.00">\n  <step type="SMS_TaskSequence_RunCommandLineAction" name="x" ${attributes}><action>cmd</action></step>\n</sequence>`;
};

/** Calls to originOf while `f` runs. */
function originReads(f: () => void): number {
  const spy = vi.mocked(origin.originOf);
  spy.mockClear();
  f();
  return spy.mock.calls.length;
}

describe('an element with many attributes', () => {
  it('lint and render read origins a number of times that does not grow with the attributes of a step', () => {
    const small = readTaskSequence(stepWith(100));
    const large = readTaskSequence(stepWith(1000));
    expect(lint(large)).toHaveLength(1000);
    expect(originReads(() => lint(large))).toBe(originReads(() => lint(small)));
    expect(originReads(() => renderSequence(large))).toBe(originReads(() => renderSequence(small)));
    expect(originReads(() => renderSequence(large, { format: 'md' }))).toBe(originReads(() => renderSequence(small, { format: 'md' })));
  });

  it('lints and renders a step with 20,000 attributes, naming every unknown attribute at the step', () => {
    const n = 20_000;
    const doc = readTaskSequence(stepWith(n), { file: 'a.xml' });
    const found = lint(doc);
    expect(found).toHaveLength(n);
    expect(new Set(found.map((d) => `${d.code} ${d.path} ${d.line}:${d.col}`))).toEqual(new Set(['catalog/unknown-attribute x 2:3']));
    expect(found[0]?.message).toBe('ConfigMgr does not read the attribute a0="0".');
    expect(found[n - 1]?.message).toBe(`ConfigMgr does not read the attribute a${n - 1}="${n - 1}".`);
    const named = new Set(found.map((d) => /attribute (a\d+)=/.exec(d.message)?.[1]));
    expect(named.size).toBe(n);
    const html = renderSequence(doc);
    expect(html).toContain(`ConfigMgr does not read the attribute a${n - 1}=`);
    expect(html.split('catalog/unknown-attribute').length - 1).toBeGreaterThanOrEqual(n);
  });

  it('places findings inside an entity-escaped object.xml sequence where the step is written', () => {
    const text = readFileSync(join(FIXTURES_DIR, 'roundtrip', 'cim-instance-escaped.xml'), 'utf8');
    const doc = readTaskSequence(text);
    const step = doc.sequence.children.find((c) => c.kind === 'step');
    expect(step).toBeDefined();
    if (step?.kind !== 'step') return;
    // Escaped text does not map one to one onto the sequence it holds: the references before the step are counted.
    const stepStart = text.indexOf('&lt;step');
    expect(stepStart).toBeGreaterThan(text.indexOf('&lt;sequence'));
    const before = text.slice(0, stepStart).split('\n');
    expect(doc.positionOf(step)).toEqual({ line: before.length, col: (before.at(-1) as string).length + 1 });
  });
});
