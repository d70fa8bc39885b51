// The Markdown trimmed the blanks at either end of a name and a description with one regular expression,
// /^[^\S\uFEFF]+|[^\S\uFEFF]+$/g, which tries the second branch again from every blank of a run that is not at the
// end: a name of 80,000 spaces between two letters took 20 s, and the reader accepts an attribute of megabytes. A page
// costs the same per character whatever the characters are.
import { describe, expect, it } from 'vitest';
import { readTaskSequence } from '../helpers/api.js';
import { renderComparison, renderSequence } from '../../lib/render/render-sequence.js';

const doc = (name: string, description: string) =>
  readTaskSequence(`<sequence version="3.10"><group name="${name}" description="${description}"><step type="SMS_TaskSequence_RunCommandLineAction" name="${name}" description="${description}"><action>x</action></step></group></sequence>`);

describe('Markdown of names and descriptions with long runs of blanks', () => {
  it('is written in linear time (30,001 blanks inside a name and a description)', { timeout: 120_000 }, () => {
    // The reader makes the tab a space, as XML makes every blank of an attribute value.
    const inner = `a${' '.repeat(30_001)}b`;
    const small = doc('x', 'y');
    const large = doc(inner, inner);
    // Once before the clock starts: the first page loads what every page uses.
    renderSequence(small, { format: 'md', lint: false });
    const started = Date.now();
    const md = renderSequence(large, { format: 'md', lint: false });
    const compared = renderComparison(small, large, { format: 'md', lint: false });
    // Quadratic, this took half a minute; linear, milliseconds.
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(md).toContain(`**${inner}**`);
    expect(compared).toContain('**ADDED**');
  });

  it('still trims blanks and line ends at either end, but not U+FEFF (shown)', () => {
    const md = renderSequence(doc(' \t Install  ', '&#10; Copies files &#13;'), { format: 'md', lint: false });
    expect(md).toContain('- 1.1 **Install** (Run Command Line)');
    expect(md).toContain('  - *Copies files*');
    expect(renderSequence(doc('Install\uFEFF ', ''), { format: 'md', lint: false })).toContain('**Install&lt;U+FEFF&gt;**');
  });
});
