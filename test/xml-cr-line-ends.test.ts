// A file whose line ends are CRs alone (XML 1.0 §2.11 reads each as a line end, as CR LF and LF) keeps them through an
// edit: what is printed afresh uses its CR, and its own CRs are left as they are. The style knew CR LF and LF only, so
// an inserted step brought LFs, and the white space it was laid out with turned an unedited CR into an LF.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyKb977203, createRunCommandLineStep, fromModelJson, insertAfter, readTaskSequence, toModelJson, writeTaskSequence, writeTaskSequenceText } from './helpers/api.js';
import { modelJsonToXml } from '../lib/model/model-json-to-xml.js';

const SMALL = '<sequence version="3.00">\r  <step type="SMS_TaskSequence_RunCommandLineAction" name="A"><action>a</action></step>\r</sequence>\r';
const example = readFileSync(join(import.meta.dirname, '..', 'examples', 'refresh-2007.xml'), 'latin1');
const asCr = (text: string): string => text.replace(/\r\n|\n/g, '\r');

describe('CR line ends', () => {
  it('an inserted step is laid out with CRs, and the CRs around it stay CRs', () => {
    const doc = readTaskSequence(Buffer.from(SMALL));
    insertAfter(doc.sequence, doc.steps()[0]!.node, [createRunCommandLineStep({ name: 'B', commandLine: 'b' })]);
    const out = Buffer.from(writeTaskSequence(doc)).toString('latin1');
    expect(out.includes('\n')).toBe(false);
    expect(out.startsWith(SMALL.slice(0, SMALL.indexOf('</sequence>')))).toBe(true);
    expect(out.endsWith('</step>\r</sequence>\r')).toBe(true);
    expect(readTaskSequence(out).steps().map((s) => s.node.attributes.name)).toEqual(['A', 'B']);
  });

  it('KB977203 on a CR file makes the edits it makes on the CRLF file, in CRs', () => {
    const crlf = readTaskSequence(Buffer.from(example, 'latin1'));
    const cr = readTaskSequence(Buffer.from(asCr(example), 'latin1'));
    expect(applyKb977203(cr, { certfixPackage: 'ABC00010' }).changes.length).toBe(applyKb977203(crlf, { certfixPackage: 'ABC00010' }).changes.length);
    const out = writeTaskSequenceText(cr);
    expect(out.includes('\n')).toBe(false);
    expect(out).toBe(asCr(writeTaskSequenceText(crlf)));
  });

  it('the model JSON with its layout gives a CR file back byte for byte', () => {
    for (const text of [SMALL, asCr(example)]) {
      const model = fromModelJson(JSON.parse(JSON.stringify(toModelJson(readTaskSequence(Buffer.from(text, 'latin1')), { whitespace: true, wrapper: true }))));
      expect(modelJsonToXml(model)).toBe(text);
    }
  });
});
