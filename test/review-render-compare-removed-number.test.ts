import { describe, expect, it } from 'vitest';
import { readTaskSequence } from './helpers/api.js';
import { buildComparisonView } from '../lib/render/comparison-view.js';
import { renderComparison } from '../lib/render/render-sequence.js';
import { flattenItems } from '../lib/render/view-model.js';

const step = (name: string) => `<step type="SMS_TaskSequence_RunCommandLineAction" name="${name}"><action>cmd /c ${name}</action></step>`;
const doc = (body: string) => readTaskSequence(`<sequence version="3.10"><group name="G">${body}</group></sequence>`);
// Sub (1.2, with its step 1.2.1) removed and V added in its place: V is the new 1.2.
const OLD = `${step('A')}<group name="Sub">${step('S')}</group>`;
const NEW = `${step('A')}${step('V')}`;

describe('a removed item in a comparison is numbered as it was, not as a new item is', () => {
  it('the view numbers removed items "was" their old number, and no two items share a number', () => {
    const items = flattenItems(buildComparisonView(doc(OLD), doc(NEW), { lint: false }).items);
    expect(items.map((i) => [i.number, i.name, i.change?.mark ?? ''])).toEqual([
      ['1', 'G', ''],
      ['1.1', 'A', ''],
      ['was 1.2', 'Sub', 'removed'],
      ['was 1.2.1', 'S', 'removed'],
      ['1.2', 'V', 'added'],
    ]);
    expect(new Set(items.map((i) => i.number)).size).toBe(items.length);
  });

  it('the Markdown and the page say so', () => {
    const md = renderComparison(doc(OLD), doc(NEW), { format: 'md', lint: false });
    expect(md).toContain('  - was 1.2 **~~Sub~~** (group)');
    expect(md).toContain('    - was 1.2.1 **~~S~~**');
    expect(md).toContain('  - 1.2 **V**');
    const html = renderComparison(doc(OLD), doc(NEW), { format: 'html', lint: false });
    expect(html).toContain('<span class="num">was 1.2</span> <span class="name" dir="auto">Sub</span>');
    expect(html).toContain('<span class="num">1.2</span> <span class="name" dir="auto">V</span>');
  });
});
