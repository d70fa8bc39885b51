// A page longer than a string can be is refused with INPUT_TOO_LARGE, as other long texts are (text-length.ts), not
// thrown as a RangeError. maxItems bounds the steps and groups of a page, not its findings: one step with 2.9 million
// unknown attributes (27 MB, within the reader's limits) has as many lint findings, and `cmts render` failed with
// INTERNAL_ERROR "Invalid string length". Here a view is made with findings that share one long message, so the page
// passes the limit without the memory a real one would take.
import { describe, expect, it } from 'vitest';
import { readTaskSequence } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';
import { buildSequenceView, renderHtml, renderMarkdown } from '../lib/render/index.js';
import { MAX_TEXT_LENGTH } from '../lib/text-length.js';

const xml = '<sequence version="3.00"><step type="SMS_TaskSequence_RunCommandLineAction" name="x"><action>x</action></step></sequence>';

function viewWithLongFindings() {
  const view = buildSequenceView(readTaskSequence(xml), { lint: false });
  const message = 'm'.repeat(1 << 20);
  const finding = { rule: 'catalog/unknown-attribute', severity: 'warning' as const, message };
  const step = view.items[0]!;
  step.findings = Array.from({ length: Math.ceil(MAX_TEXT_LENGTH / message.length) + 1 }, () => finding);
  return view;
}

describe('a page longer than a string can be', () => {
  it.each([
    ['html', renderHtml],
    ['md', renderMarkdown],
  ])('is refused as INPUT_TOO_LARGE in %s', (_, render) => {
    expect(thrown(() => render(viewWithLongFindings())).code).toBe('INPUT_TOO_LARGE');
  });
});
