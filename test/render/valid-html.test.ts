import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { applyKb977203, readTaskSequence, writeTaskSequence } from '../helpers/api.js';
import { renderComparison, renderIndex, renderSequence } from '../../lib/render/render-sequence.js';
import { buildSequenceView } from '../../lib/render/build-sequence-view.js';
import { corpusFiles } from '../helpers/corpus.js';

// The standard preset checks the document against HTML5's content models, attributes and nesting (not style).
const validator = new HtmlValidate({ extends: ['html-validate:standard'] });

async function problems(html: string): Promise<string[]> {
  const report = await validator.validateString(html);
  return report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
}

const example = (f: string) => readFileSync(resolve('examples', f));

describe('rendered pages are valid HTML5', { timeout: 60_000 }, () => {
  it('every example and corpus file', async () => {
    const inputs = [...['refresh-2007.xml', 'new-computer-bare-utf16le.xml', 'replace-capture-2007.xml', 'replace-restore.object.xml'].map((f) => ({ name: f, bytes: example(f) })), ...corpusFiles().filter((f) => !f.name.includes('.not-well-formed.'))];
    for (const { name, bytes } of inputs) expect(await problems(renderSequence(readTaskSequence(bytes), { source: name })), name).toEqual([]);
  });

  it('a comparison, hostile names and an index page', async () => {
    const before = readTaskSequence(example('refresh-2007.xml'));
    const after = readTaskSequence(writeTaskSequence(before));
    applyKb977203(after, { certfixPackage: 'ABC00010' });
    expect(await problems(renderComparison(before, after))).toEqual([]);
    const hostile = readTaskSequence('<sequence><group name="&lt;/summary&gt;&lt;/details&gt;&quot;&amp;"><step type="SMS_TaskSequence_RunCommandLineAction" name="&lt;li&gt;"/></group><step name=""/></sequence>');
    expect(await problems(renderSequence(hostile))).toEqual([]);
    expect(await problems(renderIndex([{ href: 'a b.html', view: buildSequenceView(hostile) }]))).toEqual([]);
  });
});
