import { describe, expect, it } from 'vitest';
import { toYaml } from '../lib/text/index.js';
import { readTaskSequence } from './helpers/api.js';
import { thrown, verdict } from './helpers/thrown.js';

const convert = (xml: string) => () => toYaml(readTaskSequence(xml));

const SEQUENCE = '<PROPERTY NAME="Sequence" TYPE="string"><VALUE><![CDATA[<sequence version="3.10"/>]]></VALUE></PROPERTY>';
const instance = (property: string) => `<INSTANCE CLASSNAME="SMS_TaskSequencePackage"><PROPERTY NAME="Name" TYPE="string"><VALUE>n</VALUE></PROPERTY>${property}${SEQUENCE}</INSTANCE>`;

describe('what the text form\'s schema refuses is refused on convert, not written into a text cmts build refuses', () => {
  it('an object.xml property whose CIM type is not a CIM name, set or null', () => {
    for (const property of ['<PROPERTY NAME="X" TYPE="ui-nt32"><VALUE>1</VALUE></PROPERTY>', '<PROPERTY NAME="X" TYPE="string[]x"></PROPERTY>']) {
      const e = thrown(convert(instance(property)));
      expect(e.code, property).toBe('INVALID_ARGUMENT');
      expect(e.message).toMatch(/^The text form cannot carry the CIM type "(ui-nt32|string\[\]x)" of the property "X"/);
    }
    expect(verdict(convert(instance('<PROPERTY NAME="X" TYPE="uint32"><VALUE>1</VALUE></PROPERTY>')))).toBe('ok');
  });

  it('a <sequence> version that is not digits, with its place', () => {
    const e = thrown(convert('<sequence version="abc"/>'));
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.message).toMatch(/^The text form cannot carry the <sequence> version "abc"/);
    expect(e.linePos).toEqual({ line: 1, col: 1 });
    expect(verdict(convert('<sequence version="2.5"/>'))).toBe('ok');
  });
});
