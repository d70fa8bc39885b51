// A CDATA section cannot hold `]]>`, so a writer splits one where its text holds it (`]]]]><![CDATA[>`, as .NET's
// XmlWriter writes an attribute value such as `a]]>b` of the sequence it holds). Such an object.xml or 2007 export is
// well-formed, and its Sequence is the sections' text joined; it was refused with SEQUENCE_MISSING because the
// reader looked for the sequence in exactly one node.
import { describe, expect, it } from 'vitest';
import { modelJsonToXml } from '../lib/model/model-json-to-xml.js';
import { readTaskSequence, toModelJson, writeTaskSequence } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

const objectXml = (value: string): string =>
  `<INSTANCE CLASSNAME="SMS_TaskSequencePackage">\r\n  <PROPERTY NAME="Sequence" TYPE="string">\r\n    <VALUE>${value}</VALUE>\r\n  </PROPERTY>\r\n</INSTANCE>\r\n`;
const smsPackage = (value: string): string => `<SmsTaskSequencePackage>\n  <SequenceData>${value}</SequenceData>\n</SmsTaskSequencePackage>\n`;
const RUN = 'SMS_TaskSequence_RunCommandLineAction';
// Line 3 of the file holds the first section; the second step starts line 5, in the second section.
const held = `<![CDATA[<sequence version="3.10">\r\n<step name="a]]]]><![CDATA[>b" type="${RUN}"><action>x</action></step>\r\n<step name="c" type="${RUN}"><action>y</action></step>\r\n</sequence>]]>`;

describe('a sequence held in several CDATA sections', () => {
  for (const [container, wrap] of [['object.xml', objectXml], ['2007 export', smsPackage]] as const) {
    it(`${container}: is read as the sections' text joined, and written back byte for byte`, () => {
      const input = Buffer.from(wrap(held));
      const doc = readTaskSequence(input);
      expect(doc.steps().map((s) => s.node.attributes.name)).toEqual(['a]]>b', 'c']);
      expect(Buffer.from(writeTaskSequence(doc)).equals(input)).toBe(true);
    });

    it(`${container}: edited, the whole text takes the sections' place and reads back`, () => {
      const doc = readTaskSequence(wrap(held));
      (doc.steps()[1] as { node: { attributes: Record<string, string> } }).node.attributes.name = 'c2';
      const out = Buffer.from(writeTaskSequence(doc)).toString();
      const back = readTaskSequence(out);
      expect(back.steps().map((s) => s.node.attributes.name)).toEqual(['a]]>b', 'c2']);
      // Only the holder's content changed: what stands around the sections is as it was.
      const [before, after] = wrap(held).split(held) as [string, string];
      expect(out.startsWith(before) && out.endsWith(after)).toBe(true);
    });
  }

  it('places a node of a later section, and an error there, in the file', () => {
    const doc = readTaskSequence(objectXml(held));
    expect(doc.steps().map((s) => doc.positionOf(s.node))).toEqual([
      { line: 4, col: 1 },
      { line: 5, col: 1 },
    ]);
    const e = thrown(() => readTaskSequence(objectXml('<![CDATA[<sequence><step name="a]]]]><![CDATA[>b"/>]]>\n <![CDATA[<bad</sequence>]]>')));
    expect(e.code).toBe('XML_MALFORMED');
    expect(e.linePos).toEqual({ line: 4, col: 15 });
  });

  it('a first section of white space only is part of the text', () => {
    expect(readTaskSequence(objectXml(`<![CDATA[ \r\n]]><![CDATA[<sequence><step name="s" type="${RUN}"/></sequence>]]>`)).steps()).toHaveLength(1);
  });

  it('text and a section in a row are one text too; a comment among them is not', () => {
    expect(readTaskSequence(objectXml(`&lt;sequence><![CDATA[<step name="s" type="${RUN}"/></sequence>]]>`)).steps()).toHaveLength(1);
    expect(thrown(() => readTaskSequence(objectXml('<![CDATA[<sequence>]]><!-- c --><![CDATA[</sequence>]]>'))).code).toBe('SEQUENCE_MISSING');
  });

  it('the JSON form keeps the text after the last section, not a second copy of the sections', () => {
    const doc = readTaskSequence(objectXml(held));
    const model = toModelJson(doc, { wrapper: true });
    expect(model.wrapper?.after).toBe('</VALUE>\r\n  </PROPERTY>\r\n</INSTANCE>\r\n');
    expect(readTaskSequence(modelJsonToXml(model)).steps().map((s) => s.node.attributes.name)).toEqual(['a]]>b', 'c']);
  });
});
