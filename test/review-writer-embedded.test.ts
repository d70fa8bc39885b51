// An edited sequence held in object.xml's `Sequence` CDATA is put back into that CDATA. When the edited text holds
// `]]>` (a comment, a CDATA section or an instruction of the inner sequence may), one CDATA section cannot hold it:
// split in two, the property holds two sections and no reader finds a sequence in it. Such text goes back as escaped
// text, which the reader takes for the sequence as it takes a CDATA section.
import { describe, expect, it } from 'vitest';
import { fromModelJson, readTaskSequence, toModelJson, writeTaskSequence, type Node, type Step } from './helpers/api.js';
import { modelJsonToXml } from '../lib/model/model-json-to-xml.js';

const objectXml = (inner: string) =>
  [
    '<INSTANCE CLASSNAME="SMS_TaskSequencePackage">',
    '  <PROPERTY NAME="Name" TYPE="string">',
    '    <VALUE>TS</VALUE>',
    '  </PROPERTY>',
    '  <PROPERTY NAME="Sequence" TYPE="string">',
    `    <VALUE><![CDATA[${inner}]]></VALUE>`,
    '  </PROPERTY>',
    '</INSTANCE>',
    '',
  ].join('\r\n');

const INNER = '<sequence version="3.10"><step type="T" name="S"><action>cmd</action></step></sequence>';

describe('an edited sequence held in a CDATA section', () => {
  it('reads back with the edit when its text holds ]]>', () => {
    const doc = readTaskSequence(objectXml(INNER));
    expect(doc.embedded?.holder.kind).toBe('cdata');
    doc.sequence.children.push({ kind: 'comment', value: ' see a[0]]> ' });
    const back = readTaskSequence(writeTaskSequence(doc));
    expect(back.container).toBe('cim-instance');
    expect(back.sequence.children.at(-1)).toEqual({ kind: 'comment', value: ' see a[0]]> ' });
    expect(back.getProperty('Name')).toBe('TS');
  });

  it('stays a CDATA section when its text does not hold ]]>', () => {
    const doc = readTaskSequence(objectXml(INNER));
    doc.sequence.children.push({ kind: 'comment', value: ' c ' });
    const out = Buffer.from(writeTaskSequence(doc)).toString('utf8');
    expect(out).toBe(objectXml(INNER.replace('</sequence>', '<!-- c --></sequence>')));
  });

  it('reads back from the XML of its JSON model, with or without the container text kept', () => {
    for (const wrapper of [false, true]) {
      const model = toModelJson(readTaskSequence(objectXml(INNER)), { wrapper });
      model.sequence.children.push({ kind: 'comment', value: ' x]]>y ' });
      const back = readTaskSequence(modelJsonToXml(fromModelJson(JSON.parse(JSON.stringify(model)))));
      expect(back.sequence.children.filter((c) => c.kind === 'comment')).toEqual([{ kind: 'comment', value: ' x]]>y ' }]);
    }
  });
});

// The edited text of a held sequence was printed unjudged and then parsed: what parses but reads back as another
// tree (an instruction whose value holds `?>`, a target that is no name, a comment value that is a number) was
// written, and a value that is no string failed with a TypeError. It is judged as the document itself is.
describe('an edited sequence held as text is judged as it is printed', () => {
  const edits: [string, (s: Node[]) => void][] = [
    ['an instruction holding ?>', (c) => c.push({ kind: 'instruction', target: 'p', value: 'a?>b' })],
    ['an instruction target that is no name', (c) => c.push({ kind: 'instruction', target: 'a b', value: 'x' })],
    ['a comment value that is a number', (c) => ((c[0] as { value: unknown }).value = 5)],
    ['an attribute value that is a number', (c) => ((c[1] as Step).attributes.name = 5 as unknown as string)],
    ['a text value that is null', (c) => c.push({ kind: 'text', value: null } as unknown as Node)],
  ];
  for (const [what, edit] of edits) {
    it(`refuses ${what} with OUTPUT_MALFORMED`, () => {
      const doc = readTaskSequence(objectXml('<sequence version="3.10"><!--c--><step type="T" name="S"/></sequence>'));
      edit(doc.sequence.children);
      expect(() => writeTaskSequence(doc)).toThrow(expect.objectContaining({ code: 'OUTPUT_MALFORMED', message: expect.stringContaining('The edited embedded sequence') }));
    });
  }

  it('still writes an edit of a sequence whose declaration follows white space, as the reader allows there', () => {
    const doc = readTaskSequence(objectXml('\r\n<?xml version="1.0"?><sequence version="3.10"><step type="T" name="S"/></sequence>'));
    (doc.sequence.children[0] as Step).attributes.name = 'T';
    expect(Buffer.from(writeTaskSequence(doc)).toString('utf8')).toBe(objectXml('\r\n<?xml version="1.0"?><sequence version="3.10"><step type="T" name="T"/></sequence>'));
  });
});
