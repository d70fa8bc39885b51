// An object.xml built from the text form had its properties in the builder's order, not the export's: the scalar
// ones with a value first, then the null ones, then the array ones, then Sequence (ExtendedData, Icon, References,
// SecuredScopeNames, … moved from among the others to the end; ShareName, SourceDate, … moved before Sequence). The
// text now says the order (packageSchema.properties lists every property in file order) when it is not the
// builder's own, and the builder follows it.
import { DOMParser, type Element as DomElement } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { fromYaml, sequenceToText, toYaml } from '../lib/api/text.js';
import { readTaskSequence, writeTaskSequence } from './helpers/api.js';
import { corpusText } from './helpers/corpus.js';

const CORPUS_SAMPLE = corpusText('03-forevanyeung-cb-export-object.xml');
const SAMPLE = CORPUS_SAMPLE ?? '';

/** The instance's children, read with another XML parser: `TAG NAME` for each element, in order. */
function order(xml: string): string[] {
  const root = new DOMParser().parseFromString(xml, 'text/xml').documentElement as unknown as DomElement;
  return Array.from(root.childNodes)
    .filter((n): n is DomElement => n.nodeType === 1)
    .map((e) => `${e.tagName} ${e.getAttribute('NAME') ?? ''}`);
}

const rebuilt = (xml: string) => Buffer.from(writeTaskSequence(fromYaml(toYaml(readTaskSequence(xml))))).toString('utf8');

const SEQ = '<sequence version="3.10"><step type="SMS_TaskSequence_RunCommandLineAction" name="Run" description=""><action>cmd /c</action><defaultVarList><variable name="CommandLine" property="CommandLine">cmd /c</variable></defaultVarList></step></sequence>';
const prop = (name: string, value: string | null, type = 'string') => `<PROPERTY NAME="${name}" TYPE="${type}">${value === null ? '' : `<VALUE>${value}</VALUE>`}</PROPERTY>`;
const instance = (...parts: string[]) => `<INSTANCE CLASSNAME="SMS_TaskSequencePackage">${parts.join('')}</INSTANCE>`;
const SEQUENCE = `<PROPERTY NAME="Sequence" TYPE="string"><VALUE><![CDATA[${SEQ}]]></VALUE></PROPERTY>`;
const ARRAY = '<PROPERTY.ARRAY NAME="SecuredScopeNames" TYPE="string"><VALUE.ARRAY><VALUE>Default</VALUE></VALUE.ARRAY></PROPERTY.ARRAY>';

describe.skipIf(CORPUS_SAMPLE === undefined)('the properties of a real object.xml keep their order', () => {
  it('the rebuilt object.xml has its qualifiers and properties (null, array, Sequence) in the original order', () => {
    const before = order(SAMPLE);
    expect(before.indexOf('PROPERTY.ARRAY ExtendedData')).toBeLessThan(before.indexOf('PROPERTY ExtendedDataSize'));
    expect(before.indexOf('PROPERTY Sequence')).toBeLessThan(before.indexOf('PROPERTY ShareName'));
    expect(order(rebuilt(SAMPLE))).toEqual(before);
  });
});

describe('the properties of a hand-made object.xml keep their order', () => {
  it('an array and a null property before the others, and Sequence before a scalar one, stay where they were', () => {
    const xml = instance(ARRAY, prop('Reserved', null), SEQUENCE, prop('Name', 'N'), prop('Duration', '360', 'uint32'));
    const text = sequenceToText(readTaskSequence(xml));
    expect(Object.keys(text.packageSchema?.properties ?? {})).toEqual(['SecuredScopeNames', 'Reserved', 'Sequence', 'Name', 'Duration']);
    const built = rebuilt(xml);
    expect(order(built)).toEqual(order(xml));
    expect(toYaml(readTaskSequence(built))).toBe(toYaml(readTaskSequence(xml)));
  });

  it('in the builder\'s own order the text does not say it (a text as before)', () => {
    const xml = instance(prop('Name', 'N'), prop('Reserved', null), ARRAY, SEQUENCE);
    expect(sequenceToText(readTaskSequence(xml)).packageSchema).toBeUndefined();
    expect(order(rebuilt(xml))).toEqual(order(xml));
  });

  it('a property the order does not name comes after those it names, in the builder\'s order', () => {
    const yaml = 'container: cim-instance\npackage:\n  A: a\n  B: b\n  C: c\npackageTypes:\n  N: string\npackageSchema:\n  properties:\n    Sequence: {}\n    C: {}\nsteps: []\n';
    expect(order(Buffer.from(writeTaskSequence(fromYaml(yaml))).toString('utf8'))).toEqual(['PROPERTY Sequence', 'PROPERTY C', 'PROPERTY A', 'PROPERTY B', 'PROPERTY N']);
  });
});
