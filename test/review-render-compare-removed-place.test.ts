import { describe, expect, it } from 'vitest';
import { readTaskSequence } from './helpers/api.js';
import { buildComparisonView } from '../lib/render/comparison-view.js';
import type { ItemView } from '../lib/render/view-model.js';

const step = (name: string) => `<step type="SMS_TaskSequence_RunCommandLineAction" name="${name}"><action>cmd /c ${name}</action></step>`;
const group = (name: string, steps: string[]) => `<group name="${name}">${steps.map(step).join('')}</group>`;
const doc = (body: string) => readTaskSequence(`<sequence version="3.10">${body}</sequence>`);
const outline = (items: ItemView[]): string[] => items.map((i) => `${i.name}${i.change ? `(${i.change.mark})` : ''}${i.children.length ? `[${outline(i.children).join(' ')}]` : ''}`);

describe('a comparison puts a removed step back into the group it was removed from', () => {
  it('when that group was renamed', () => {
    const view = buildComparisonView(doc(group('Install', ['a', 'b', 'c']) + step('z')), doc(group('Install apps', ['a', 'c']) + step('z')), { lint: false });
    expect(outline(view.items)).toEqual(['Install apps(changed)[a b(removed) c]', 'z']);
  });

  it('when another group has the same name', () => {
    const view = buildComparisonView(doc(group('Install', ['a']) + group('Install', ['b', 'c'])), doc(group('Install', ['a']) + group('Install', ['c'])), { lint: false });
    expect(outline(view.items)).toEqual(['Install[a]', 'Install[b(removed) c]']);
  });
});
