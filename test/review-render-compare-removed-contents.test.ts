import { describe, expect, it } from 'vitest';
import { readTaskSequence } from './helpers/api.js';
import { buildComparisonView, overlayChanges } from '../lib/render/comparison-view.js';
import { renderComparison } from '../lib/render/render-sequence.js';
import { buildSequenceView } from '../lib/render/build-sequence-view.js';
import type { ItemView } from '../lib/render/view-model.js';
import { diffWithPlaces } from '../lib/diff/semantic-diff.js';

const step = (name: string) => `<step type="SMS_TaskSequence_RunCommandLineAction" name="${name}"><action>cmd /c ${name}</action></step>`;
const doc = (body: string) => readTaskSequence(`<sequence version="3.10">${body}</sequence>`);
const outline = (items: ItemView[]): string[] => items.map((i) => `${i.name}${i.change ? `(${i.change.mark})` : ''}${i.children.length ? `[${outline(i.children).join(' ')}]` : ''}`);

// The diff lists every item removed, a removed group's contents too; what it does not list was kept or moved.
describe('a comparison shows a removed group with only the contents removed with it', () => {
  const before = doc(`<group name="G1">${step('x')}<group name="G2">${step('S')}${step('T')}</group></group>${step('end')}`);
  const after = doc(`<group name="G2">${step('T')}</group>${step('end')}`);

  it('a group moved out of it is shown where it went, not also struck through inside it', () => {
    expect(outline(buildComparisonView(before, after, { lint: false }).items)).toEqual(['G1(removed)[x(removed)]', 'G2(moved)[S(removed) T]', 'end']);
  });

  it('so no removed step is on the page twice, and every id is unique', () => {
    const ids = [...renderComparison(before, after, { lint: false }).matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.filter((id, k) => ids.indexOf(id) !== k)).toEqual([]);
  });

  it('a step moved out of it to the top level is not also shown removed', () => {
    const view = buildComparisonView(doc(`<group name="G1">${step('x')}</group>${step('end')}`), doc(`${step('x')}${step('end')}`), { lint: false });
    expect(outline(view.items)).toEqual(['G1(removed)', 'x(moved)', 'end']);
  });

  it('also when the changes are laid over without their places: T is not shown removed', () => {
    const view = buildSequenceView(after, { lint: false });
    overlayChanges(view, buildSequenceView(before, { lint: false }), diffWithPlaces(before, after).entries);
    // Without places, S's old group is looked up by its old path, G1/G2, which no group has now: S goes last.
    expect(outline(view.items)).toEqual(['G1(removed)[x(removed)]', 'G2(moved)[T]', 'end', 'S(removed)']);
  });

  it('a group removed with everything in it still shows all of it', () => {
    const view = buildComparisonView(before, doc(step('end')), { lint: false });
    expect(outline(view.items)).toEqual(['G1(removed)[x(removed) G2(removed)[S(removed) T(removed)]]', 'end']);
  });
});
