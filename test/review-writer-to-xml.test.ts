// A sequence printed as XML on its own (`sequenceToXml`, and `modelJsonToXml` for `cmts convert` from JSON) was
// printed unjudged: a sequence (or a JSON model the schema accepts) with an instruction whose value holds `?>` or
// whose target is no name gave XML that reads back as another tree, and a comment holding `--` XML that does not
// read. `sequenceToXml` now refuses all three with OUTPUT_MALFORMED; `modelJsonToXml` refuses what would read back
// as another tree, and still returns what a reader refuses for `cmts convert` to report where in the file it fails.
import { describe, expect, it } from 'vitest';
import { fromModelJson, readTaskSequence, sequenceToXml, toModelJson, type Node } from './helpers/api.js';
import { modelJsonToXml } from '../lib/model/model-json-to-xml.js';

const BARE = '<sequence version="3.10"><step type="T" name="S"/></sequence>';
const OBJECT_XML = `<INSTANCE CLASSNAME="SMS_TaskSequencePackage"><PROPERTY NAME="Sequence" TYPE="string"><VALUE><![CDATA[${BARE}]]></VALUE></PROPERTY></INSTANCE>`;

const bad: [string, Node, 'OUTPUT_MALFORMED' | 'XML_MALFORMED'][] = [
  ['an instruction holding ?>', { kind: 'instruction', target: 'p', value: 'a?>b' }, 'OUTPUT_MALFORMED'],
  ['an instruction target that is no name', { kind: 'instruction', target: 'a b', value: 'x' }, 'OUTPUT_MALFORMED'],
  ['a comment holding --', { kind: 'comment', value: 'a--b' }, 'XML_MALFORMED'],
];

describe('a sequence printed on its own', () => {
  for (const [what, node, fromJson] of bad) {
    it(`refuses ${what}`, () => {
      const doc = readTaskSequence(BARE);
      doc.sequence.children.push(node);
      expect(() => sequenceToXml(doc.sequence)).toThrow(expect.objectContaining({ code: 'OUTPUT_MALFORMED' }));
      for (const [source, wrapper, whitespace] of [[BARE, false, false], [OBJECT_XML, false, false], [OBJECT_XML, true, false], [OBJECT_XML, true, true]] as const) {
        const model = fromModelJson(JSON.parse(JSON.stringify(toModelJson(readTaskSequence(source), { wrapper, whitespace }))));
        model.sequence.children.push(node);
        if (fromJson === 'OUTPUT_MALFORMED') expect(() => modelJsonToXml(model)).toThrow(expect.objectContaining({ code: 'OUTPUT_MALFORMED' }));
        else expect(() => readTaskSequence(modelJsonToXml(model))).toThrow(expect.objectContaining({ code: 'XML_MALFORMED' }));
      }
    });
  }

  it('still prints a good sequence as before', () => {
    const doc = readTaskSequence(BARE);
    doc.sequence.children.push({ kind: 'instruction', target: 'p', value: 'a?b' });
    expect(sequenceToXml(doc.sequence)).toBe('<sequence version="3.10">\r\n  <step type="T" name="S"/>\r\n  <?p a?b?>\r\n</sequence>');
  });
});

describe('a JSON model holding a lone surrogate (no character of any encoding)', () => {
  // The unjudged print went on to the command's read-back of the encoded bytes, in which UTF-8 had written U+FFFD for
  // it: `cmts convert` wrote a changed value, exit 0. It is refused as the printer found it.
  const LEGAL = '2007 2007 2007';
  for (const [what, lone] of [['high', '\ud800'], ['low', '\udc01']] as const) {
    for (const [source, wrapper, whitespace] of [[BARE, false, false], [OBJECT_XML, false, false], [OBJECT_XML, true, false], [OBJECT_XML, true, true]] as const) {
      it(`refuses a ${what} one in a name and in a value (${wrapper ? 'wrapped' : 'bare'}${whitespace ? ', layout kept' : ''})`, () => {
        for (const where of ['name', 'value'] as const) {
          const model = fromModelJson(JSON.parse(JSON.stringify(toModelJson(readTaskSequence(source), { wrapper, whitespace }))));
          const step = model.sequence.children.find((c) => c.kind === 'step') as { attributes: Record<string, string>; children: Node[] };
          if (where === 'name') step.attributes.name = `S${lone}`;
          else step.children.push({ kind: 'action', tag: 'action', attributes: {}, value: `a${lone}b` } as unknown as Node);
          expect(() => modelJsonToXml(model)).toThrow(expect.objectContaining({ code: 'OUTPUT_MALFORMED', message: expect.stringContaining(`U+${lone.charCodeAt(0).toString(16).toUpperCase()}`) }));
        }
        // A pair is a character, and written.
        const model = fromModelJson(JSON.parse(JSON.stringify(toModelJson(readTaskSequence(source), { wrapper, whitespace }))));
        (model.sequence.children.find((c) => c.kind === 'step') as { attributes: Record<string, string> }).attributes.name = `S\u{1F600}${LEGAL}`;
        expect(readTaskSequence(modelJsonToXml(model)).steps()[0]?.node.attributes.name).toBe(`S\u{1F600}${LEGAL}`);
      });
    }
  }
});
