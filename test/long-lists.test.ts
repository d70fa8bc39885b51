// Lists that grow with the input are never spread into a call's arguments (`push(...list)`): past about 120,000
// elements V8 throws "Maximum call stack size exceeded", which reached users as INTERNAL_ERROR for `kb977203 --dry-run`
// on 10,000 Setup steps (one hunk of 120,000 lines) and for `render --format md` with 150,000 findings.
import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../lib/cli/text-diff.js';
import { buildSequenceView } from '../lib/render/build-sequence-view.js';
import { renderMarkdown } from '../lib/render/render-markdown.js';
import { minOf } from '../lib/arrays.js';
import { readTaskSequence } from './helpers/api.js';

const N = 300_000;

describe('lists that grow with the input', () => {
  it('a diff with one hunk of 300,000 lines', () => {
    const before = 'a\nz\n';
    const after = `a\n${Array.from({ length: N }, (_, i) => `line ${i}`).join('\n')}\nz\n`;
    const diff = unifiedDiff(before, after, 'ts.xml').split('\n');
    expect(diff).toContain(`@@ -1,2 +1,${N + 2} @@`);
    expect(diff.filter((l) => l.startsWith('+line ')).length).toBe(N);
  });

  it('a page in Markdown with 300,000 findings', () => {
    const view = buildSequenceView(readTaskSequence('<sequence version="3.00"><step type="SMS_TaskSequence_RunCommandLineAction" name="a"><action>x</action></step></sequence>'), { lint: false });
    for (let i = 0; i < N; i++) view.findings.push({ severity: 'warning', rule: 'name-too-long', message: `finding ${i}` });
    const md = renderMarkdown(view).split('\n');
    expect(md.filter((l) => l.startsWith('| warning | name-too-long |')).length).toBe(N);
  });

  it('minOf is Math.min over any number of values', () => {
    expect(minOf([])).toBe(Infinity);
    expect(minOf(Array.from({ length: N }, (_, i) => N - i))).toBe(1);
  });
});
