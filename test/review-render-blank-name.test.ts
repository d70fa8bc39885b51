import { describe, expect, it } from 'vitest';
import { readTaskSequence } from './helpers/api.js';
import { renderSequence } from '../lib/render/render-sequence.js';

// A name of only white space (spaces, a tab, a line separator) shows as nothing: both formats say "(no name)" for it,
// as for an empty one, instead of the HTML page showing a blank where the name goes.
describe('a step or group whose name is only white space', () => {
  it.each([' ', '   ', '&#9;', '\u2028', '\u00a0'])('%j is "(no name)" on the page as in the Markdown', (name) => {
    const doc = readTaskSequence(`<sequence version="3.00"><group name="${name}"><step type="SMS_TaskSequence_RunCommandLineAction" name="${name}"><action>x</action></step></group></sequence>`);
    const html = renderSequence(doc, { lint: false });
    expect(html.match(/<span class="name"><i>\(no name\)<\/i><\/span>/g)).toHaveLength(2);
    expect(renderSequence(doc, { lint: false, format: 'md' }).match(/\*\*\*\(no name\)\*\*\*/g)).toHaveLength(2);
  });
});
