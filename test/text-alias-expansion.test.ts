// An alias is the very value its anchor names (the YAML library shares one object), but a sequence built from it has a
// node for each place the value is reached: 99 aliases of an anchored list of 20,000 steps, a text of 1.8 MB within
// every limit of its own, made `cmts build` build two million steps and abort out of heap. fromYaml now counts the
// value with its aliases counted out, against maxNodes, before anything walks it.
import { describe, expect, it } from 'vitest';
import { fromYaml } from '../lib/api/text.js';
import { valuesWithAliases } from '../lib/text/alias-expansion.js';
import { thrown } from './helpers/thrown.js';

/** An anchored list of `steps` Run Command Line steps in one group, then `aliases` groups that each hold it again. */
function aliased(steps: number, aliases: number): string {
  const out = ['container: sequence', 'version: "3.00"', 'steps:', '  - group: A0', '    steps: &s0'];
  for (let i = 0; i < steps; i++) out.push(`      - {step: Run Command Line, name: s${i}, settings: {commandLine: cmd /c echo ${i}}}`);
  for (let k = 0; k < aliases; k++) out.push(`  - {group: U${k}, steps: *s0}`);
  return `${out.join('\n')}\n`;
}

describe('valuesWithAliases', () => {
  it('counts a shared object each time it is reached, and scalars one each', () => {
    const shared = { a: 1, b: [2, 3] };
    // shared: itself, 1, the list, 2, 3 = 5; the root and its list: 2; three uses: 15.
    expect(valuesWithAliases({ x: [shared, shared, shared] }, 1e9)).toBe(2 + 3 * 5);
    expect(valuesWithAliases([1, 'a', null], 1e9)).toBe(4);
    expect(valuesWithAliases('x', 1e9)).toBe(1);
  });

  it('counts nested sharing multiplied out, in time linear in the distinct objects', () => {
    // Ten levels, each holding the one below twice: 2^10 uses of the innermost object.
    let v: unknown = { leaf: 0 };
    for (let i = 0; i < 10; i++) v = [v, v];
    expect(valuesWithAliases(v, 1e9)).toBe(2 ** 11 - 1 + 2 ** 10);
    // Sixty levels: 2^60 uses, counted only until the count is past the limit.
    for (let i = 0; i < 50; i++) v = [v, v];
    const n = valuesWithAliases(v, 1_000_000) as number;
    expect(n).toBeGreaterThan(1_000_000);
    expect(n).toBeLessThan(4_000_000);
  });

  it('says undefined for a value that holds itself', () => {
    const loop: unknown[] = [1];
    loop.push(loop);
    expect(valuesWithAliases({ a: loop }, 1e9)).toBeUndefined();
  });

  it('walks any depth without recursion', () => {
    let v: unknown = 0;
    for (let i = 0; i < 100_000; i++) v = [v];
    expect(valuesWithAliases(v, 1e9)).toBe(100_001);
  });
});

describe('fromYaml counts aliases out against maxNodes', () => {
  it('refuses a text whose aliases multiply it past maxNodes, at its first alias', () => {
    const text = aliased(200, 20);
    const e = thrown(() => fromYaml(text, { maxNodes: 20_000 }));
    expect(e.code).toBe('INPUT_TOO_LARGE');
    expect(e.message).toContain('aliases');
    // The first `*s0`: the line after the 200 steps and the header's five lines.
    expect(e.linePos?.line).toBe(206);
    expect(text.split('\n')[205]?.slice((e.linePos?.col ?? 0) - 1)).toMatch(/^\*s0\}/);
  });

  it('builds the same text when the limit holds it counted out, every alias a copy', () => {
    const doc = fromYaml(aliased(200, 20));
    expect(doc.steps().length).toBe(200 * 21);
  });

  it('the text of the report (99 aliases of 20,000 steps) is refused with the default limit, not built', { timeout: 60_000 }, () => {
    const e = thrown(() => fromYaml(aliased(20_000, 99)));
    expect(e.code).toBe('INPUT_TOO_LARGE');
  });

  it('an alias whose name is a character JavaScript takes for white space (U+3000, U+00A0) is counted too', () => {
    for (const name of ['\u3000', '\u00a0']) {
      const e = thrown(() => fromYaml(aliased(200, 20).replaceAll('s0', name), { maxNodes: 20_000 }));
      expect(e.code).toBe('INPUT_TOO_LARGE');
    }
  });

  it('a value that holds itself, anywhere, is refused as such before the rest is walked', () => {
    const text = aliased(200, 20).replace('steps:\n', 'x: &c [*c]\nsteps:\n');
    const e = thrown(() => fromYaml(text, { maxNodes: 20_000 }));
    expect(e.code).toBe('NOT_A_TASK_SEQUENCE');
    expect(e.message).toContain('*c is inside the value its anchor &c names');
    expect(e.linePos?.line).toBe(3);
  });

  it('a text without aliases is not counted against it, though a `*` stands in its values', () => {
    const text = `container: sequence\nversion: "3.00"\nsteps:\n  - {step: Run Command Line, name: a, settings: {commandLine: del *.tmp}}\n`;
    expect(fromYaml(text, { maxNodes: 40 }).steps().length).toBe(1);
  });
});
