// ConfigMgr skips a disabled group with everything in it, but a page showed the steps of a disabled group as plainly
// as any other (only the group's own head was greyed), and the Markdown marked only the group: a reader saw steps
// that do not run as steps that do. Each item inside a disabled group, at any depth, now says so.
import { describe, expect, it } from 'vitest';
import { buildSequenceView } from '../lib/render/build-sequence-view.js';
import { renderSequence } from '../lib/render/render-sequence.js';
import { flattenItems } from '../lib/render/view-model.js';
import { readTaskSequence } from './helpers/api.js';

const step = (name: string, disabled = false) => `<step type="SMS_TaskSequence_RunCommandLineAction" name="${name}"${disabled ? ' disable="true"' : ''}><action>cmd /c rem</action></step>`;
const XML = `<sequence version="3.10">${step('Before')}<group name="Off" disable="true">${step('Inside')}<group name="Nested">${step('Deep')}</group>${step('Own', true)}</group>${step('After')}</sequence>`;

describe('the items of a disabled group', () => {
  const doc = readTaskSequence(XML);

  it('are marked in the view at every depth, and nothing outside the group is', () => {
    const items = flattenItems(buildSequenceView(doc, { lint: false }).items);
    const off = Object.fromEntries(items.map((i) => [i.name, i.inDisabledGroup]));
    expect(off).toEqual({ Before: false, Off: false, Inside: true, Nested: true, Deep: true, Own: true, After: false });
  });

  it('are greyed on the page and named so in their badges', () => {
    const html = renderSequence(doc, { lint: false });
    // Each item's classes, by the name its head shows (the first name after its own <li>).
    const classes = new Map(html.split('<li class="').slice(1).map((chunk) => [/class="name" dir="auto">([^<]*)</.exec(chunk)?.[1], chunk.slice(0, chunk.indexOf('"'))]));
    const li = (name: string) => classes.get(name);
    expect(li('Deep')?.split(' ')).toContain('off');
    expect(li('Inside')?.split(' ')).toContain('off');
    expect(li('After')?.split(' ')).not.toContain('off');
    expect(li('Off')?.split(' ')).not.toContain('off');
    expect(html).toMatch(/li\.off>\.head[^{]*\{color:var\(--muted\)\}/);
    // Inside, Nested and Deep; Own, disabled itself, has its own badge.
    expect(html.match(/in a disabled group/g)).toHaveLength(3);
  });

  it('say so in the Markdown', () => {
    const md = renderSequence(doc, { format: 'md', lint: false }).split('\n');
    const line = (name: string) => md.find((l) => l.includes(`**${name}**`) || l.includes(`**~~${name}~~**`)) ?? '';
    expect(line('Deep')).toContain('*in a disabled group*');
    expect(line('Own')).toContain('*disabled*');
    expect(line('Own')).not.toContain('in a disabled group');
    expect(line('After')).not.toContain('disabled');
  });
});
