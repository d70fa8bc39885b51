// The indentation step of a file is learnt from any element that sits deeper than its parent, one with only text
// (`<action>`) too: in a tab-indented flat sequence whose steps hold only an <action>, an inserted step's children
// were indented with a tab and two spaces.
import { describe, expect, it } from 'vitest';
import { createRunCommandLineStep, insertAfter, readTaskSequence } from './helpers/api.js';

const STEP = (name: string, nl: string, unit: string) => `${unit}<step type="X" name="${name}">${nl}${unit}${unit}<action>cmd</action>${nl}${unit}</step>${nl}`;

describe('the indent unit of a flat sequence whose steps hold only text elements', () => {
  it.each([
    ['tab, CRLF', '\t', '\r\n'],
    ['four spaces, LF', '    ', '\n'],
  ])('%s: an inserted step is indented like its neighbours', (_, unit, nl) => {
    const doc = readTaskSequence(`<sequence version="3.00">${nl}${STEP('a', nl, unit)}${STEP('b', nl, unit)}</sequence>${nl}`);
    insertAfter(doc.sequence, doc.steps()[0]!.node, [createRunCommandLineStep({ name: 'n', commandLine: 'c' })]);
    const lines = doc.toString().split(nl);
    const inserted = lines.findIndex((l) => l.includes('name="n"'));
    expect(lines[inserted]).toBe(`${unit}<step type="SMS_TaskSequence_RunCommandLineAction" name="n" description="" runIn="WinPEandFullOS" successCodeList="0 3010" retryCount="0" runFromNet="false">`);
    expect(lines[inserted + 1]).toBe(`${unit}${unit}<action>smsswd.exe /run: c</action>`);
    expect(lines[inserted + 2]).toBe(`${unit}${unit}<defaultVarList>`);
    expect(lines[inserted + 3]).toMatch(new RegExp(`^${unit}${unit}${unit}<variable `));
    // Only the inserted lines are new: every other line is as it was.
    const end = lines.indexOf(`${unit}</step>`, inserted);
    expect(end).toBeGreaterThan(inserted + 3);
    expect(lines.filter((_, i) => i < inserted || i > end).join(nl)).toBe(`<sequence version="3.00">${nl}${STEP('a', nl, unit)}${STEP('b', nl, unit)}</sequence>${nl}`);
  });
});
