// A page's summary line said "1 steps in 1 groups; 1 variables, 1 packages." for a sequence of one of each; each
// count takes its noun in the singular for one now, in the HTML and in the Markdown.
import { describe, expect, it } from 'vitest';
import { renderSequence } from '../lib/render/render-sequence.js';
import { readTaskSequence } from './helpers/api.js';

/** A sequence of `n` groups, each with one disabled step that reads a variable of its own and uses a package of its own. */
function sequence(n: number): string {
  const groups = Array.from({ length: n }, (_, i) => `<group name="G${i}"><step type="SMS_TaskSequence_RunCommandLineAction" name="S${i}" disable="true"><action>cmd /c %V${i}%</action><defaultVarList><variable name="CommandLine" property="CommandLine">cmd /c %V${i}%</variable><variable name="PackageID" property="PackageID">ABC0000${i}</variable></defaultVarList></step></group>`);
  return `<sequence version="3.10">${groups.join('')}</sequence>`;
}

const noun = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

describe('the summary line of a page', () => {
  it.each([1, 2])('names %i of each in the right number, in the HTML and the Markdown', (n) => {
    const line = `${noun(n, 'step')} in ${noun(n, 'group')}, ${n} disabled; ${noun(n, 'variable')}, ${noun(n, 'package')}.`;
    const doc = readTaskSequence(sequence(n));
    expect(renderSequence(doc, { lint: false })).toContain(`<p class="summary">${line} <a href="#variables">`);
    expect(renderSequence(doc, { format: 'md', lint: false }).split('\n')).toContain(line);
  });
});
