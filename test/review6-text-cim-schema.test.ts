// A Current Branch object.xml repeats its class's schema data: the INSTANCE's own qualifiers (dynamic,
// SecurityVerbs), and on each property CLASSORIGIN, PROPAGATED and qualifiers (CIMTYPE, key), inside the References
// objects too. The text form kept none of it: an object.xml converted to YAML and built back had lost them all, and
// cmts diff said nothing. The text now carries them under packageSchema (and an object array's schema), the builder
// writes them back where they were, and the diff reports a change to any of them.
import { DOMParser, type Element as DomElement } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { diffTaskSequences } from '../lib/diff/semantic-diff.js';
import { fromYaml, sequenceToText, toYaml } from '../lib/api/text.js';
import { readTaskSequence, writeTaskSequence } from './helpers/api.js';
import { corpusText } from './helpers/corpus.js';
import { thrown } from './helpers/thrown.js';

const CORPUS_SAMPLE = corpusText('03-forevanyeung-cb-export-object.xml');
const SAMPLE = CORPUS_SAMPLE ?? '';

const kids = (e: DomElement, tag?: string) => Array.from(e.childNodes).filter((n): n is DomElement => n.nodeType === 1 && (tag === undefined || (n as DomElement).tagName === tag));
const attrs = (e: DomElement) => Array.from(e.attributes).map((a) => `${a.name}=${a.value}`).sort();
const qualifiers = (e: DomElement) => kids(e, 'QUALIFIER').map((q) => [...attrs(q), ...kids(q).map((v) => `${v.tagName}:${v.textContent ?? ''}`)]);

/**
 * Read with another XML parser: the instance's qualifiers, and for every property at any depth (the References
 * objects' too), its attributes and qualifiers, keyed by where it is.
 */
function schemaOf(xml: string): Record<string, unknown> {
  const root = new DOMParser().parseFromString(xml, 'text/xml').documentElement as unknown as DomElement;
  const out: Record<string, unknown> = { instance: qualifiers(root) };
  const walk = (inst: DomElement, prefix: string) => {
    for (const p of kids(inst).filter((k) => k.tagName.startsWith('PROPERTY'))) {
      const key = `${prefix}${p.getAttribute('NAME') ?? ''}`;
      out[key] = { attributes: attrs(p), qualifiers: qualifiers(p) };
      for (const [i, obj] of kids(p, 'VALUE.OBJECTARRAY').flatMap((a) => kids(a, 'VALUE.OBJECT')).entries()) for (const child of kids(obj, 'INSTANCE')) walk(child, `${key}[${i}]/`);
    }
  };
  walk(root, '');
  return out;
}

const rebuilt = (xml: string) => Buffer.from(writeTaskSequence(fromYaml(toYaml(readTaskSequence(xml))))).toString('utf8');

describe.skipIf(CORPUS_SAMPLE === undefined)('object.xml qualifiers and property attributes in the text form', () => {
  it('the rebuilt object.xml has every qualifier and property attribute of the original, nested ones too', () => {
    const before = schemaOf(SAMPLE);
    // What is at stake: the instance's own qualifiers, a key qualifier, CLASSORIGIN on the References objects.
    expect(before.instance).toHaveLength(2);
    expect(JSON.stringify(before.PackageID)).toContain('NAME=key');
    expect(JSON.stringify(before['References[0]/Package'])).toContain('CLASSORIGIN=SMS_TaskSequence_Reference');
    expect(schemaOf(rebuilt(SAMPLE))).toEqual(before);
  });

  it('convert → build → convert gives the same text, and the diff of the original and the rebuilt is empty', () => {
    const yaml = toYaml(readTaskSequence(SAMPLE));
    const again = readTaskSequence(writeTaskSequence(fromYaml(yaml)));
    expect(toYaml(again)).toBe(yaml);
    expect(diffTaskSequences(readTaskSequence(SAMPLE), again)).toEqual([]);
  });

  it('the text says them under packageSchema and the object array\'s schema', () => {
    const text = sequenceToText(readTaskSequence(SAMPLE));
    expect(text.packageSchema?.qualifiers?.SecurityVerbs).toEqual({ TYPE: 'sint32', TOSUBCLASS: 'false', value: '808592407' });
    expect(text.packageSchema?.properties?.PackageID).toEqual({
      CLASSORIGIN: 'SMS_PackageBaseclass',
      qualifiers: { CIMTYPE: { PROPAGATED: 'true', TYPE: 'string', TOINSTANCE: 'true', value: 'string' }, key: { PROPAGATED: 'true', TYPE: 'boolean', OVERRIDABLE: 'false', TOINSTANCE: 'true', value: 'TRUE' } },
    });
    // Shared by all 26 objects, so said once for the array rather than on each object.
    expect(text.packageArrays?.References?.schema?.Type).toEqual({ CLASSORIGIN: 'SMS_TaskSequence_Reference', qualifiers: { CIMTYPE: { PROPAGATED: 'true', TYPE: 'string', TOINSTANCE: 'true', value: 'uint32' } } });
    expect(text.packageArrays?.References?.objects?.some((o) => o.schema !== undefined)).toBe(false);
  });

  it('the diff reports a changed, added or removed qualifier and a changed CLASSORIGIN', () => {
    const a = readTaskSequence(SAMPLE);
    const edit = (from: string, to: string) => {
      expect(SAMPLE).toContain(from);
      return diffTaskSequences(a, readTaskSequence(SAMPLE.replace(from, to)));
    };
    const key = diffTaskSequences(a, readTaskSequence(SAMPLE.replace(/(<QUALIFIER NAME="key"[^>]*>\s*<VALUE>)TRUE/, '$1FALSE')));
    expect(key.map((d) => [d.change, d.kind, d.path, d.field])).toEqual([['changed', 'property', 'PackageID', 'qualifier key']]);
    expect([key[0]?.before, key[0]?.after]).toEqual(['<QUALIFIER NAME="key" OVERRIDABLE="false" PROPAGATED="true" TOINSTANCE="true" TYPE="boolean"><VALUE>TRUE</VALUE></QUALIFIER>', '<QUALIFIER NAME="key" OVERRIDABLE="false" PROPAGATED="true" TOINSTANCE="true" TYPE="boolean"><VALUE>FALSE</VALUE></QUALIFIER>']);
    expect(edit('<QUALIFIER NAME="SecurityVerbs"', '<QUALIFIER NAME="SecurityVerbz"').map((d) => [d.path, d.field, d.before === undefined, d.after === undefined])).toEqual([
      ['(instance)', 'qualifier SecurityVerbs', false, true],
      ['(instance)', 'qualifier SecurityVerbz', true, false],
    ]);
    expect(edit('<PROPERTY NAME="Name" CLASSORIGIN="SMS_PackageBaseclass"', '<PROPERTY NAME="Name" CLASSORIGIN="SMS_Other"')).toEqual([
      { change: 'changed', kind: 'property', path: 'Name', field: 'attribute CLASSORIGIN', before: 'SMS_PackageBaseclass', after: 'SMS_Other' },
    ]);
    // Inside one References object: its property's qualifier.
    const first = SAMPLE.indexOf('<VALUE>uint32</VALUE>', SAMPLE.indexOf('<PROPERTY NAME="Type" CLASSORIGIN="SMS_TaskSequence_Reference"'));
    const nested = diffTaskSequences(a, readTaskSequence(`${SAMPLE.slice(0, first)}<VALUE>sint32</VALUE>${SAMPLE.slice(first + '<VALUE>uint32</VALUE>'.length)}`));
    expect(nested.map((d) => [d.path, d.field])).toEqual([['References[1]', 'Type qualifier CIMTYPE']]);
  });

  it('what the text cannot say of them is refused with what and where, not dropped', () => {
    // A qualifier written after the property's value (the text writes them before it, as CIM-XML does).
    const after = SAMPLE.replace('<VALUE>Task Sequence 1</VALUE>', '$&<QUALIFIER NAME="late" TYPE="string"><VALUE>x</VALUE></QUALIFIER>');
    const e = thrown(() => toYaml(readTaskSequence(after)));
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.message).toContain('a qualifier after the value of the property Name');
    expect(e.linePos?.line).toBeGreaterThan(1);
    // Two qualifiers of one name on the instance.
    const twice = SAMPLE.replace('<QUALIFIER NAME="SecurityVerbs"', '<QUALIFIER NAME="dynamic" TYPE="boolean"><VALUE>FALSE</VALUE></QUALIFIER>$&');
    expect(thrown(() => toYaml(readTaskSequence(twice))).message).toContain('a second qualifier dynamic');
  });
});

describe('packageSchema written by hand', () => {
  const base = 'container: cim-instance\npackage:\n  Name: N\n';

  it('a text without it builds as before: no qualifier, no CLASSORIGIN', () => {
    const xml = Buffer.from(writeTaskSequence(fromYaml(`${base}steps: []\n`))).toString('utf8');
    expect(xml).not.toContain('QUALIFIER');
    expect(xml).not.toContain('CLASSORIGIN');
  });

  it('its qualifiers and attributes are written where a ConfigMgr export has them', () => {
    const yaml = `${base}packageSchema:\n  qualifiers:\n    dynamic:\n      TYPE: boolean\n      value: "TRUE"\n  properties:\n    Name:\n      CLASSORIGIN: SMS_PackageBaseclass\n      qualifiers:\n        CIMTYPE:\n          TYPE: string\n          value: string\n        list:\n          TYPE: string\n          value: [a, b]\nsteps: []\n`;
    const xml = Buffer.from(writeTaskSequence(fromYaml(yaml))).toString('utf8').replace(/\r\n/g, '\n');
    expect(xml).toContain('<INSTANCE CLASSNAME="SMS_TaskSequencePackage">\n  <QUALIFIER NAME="dynamic" TYPE="boolean">\n    <VALUE>TRUE</VALUE>\n  </QUALIFIER>\n  <PROPERTY NAME="Name" CLASSORIGIN="SMS_PackageBaseclass" TYPE="string">\n    <QUALIFIER NAME="CIMTYPE" TYPE="string">');
    expect(xml).toContain('<VALUE.ARRAY>\n        <VALUE>a</VALUE>\n        <VALUE>b</VALUE>\n      </VALUE.ARRAY>');
    expect(sequenceToText(readTaskSequence(xml)).packageSchema?.properties?.Name).toEqual({ CLASSORIGIN: 'SMS_PackageBaseclass', qualifiers: { CIMTYPE: { TYPE: 'string', value: 'string' }, list: { TYPE: 'string', value: ['a', 'b'] } } });
  });

  it('a property it names that the text does not have is refused at its line', () => {
    const e = thrown(() => fromYaml(`${base}packageSchema:\n  properties:\n    Nmae:\n      CLASSORIGIN: X\nsteps: []\n`));
    expect(e.code).toBe('NOT_A_TASK_SEQUENCE');
    expect(e.message).toContain('no property Nmae');
    expect(e.linePos?.line).toBe(6);
  });

  it('an attribute given as a list, or one the values say (TYPE), is refused at its line', () => {
    const list = thrown(() => fromYaml(`${base}packageSchema:\n  properties:\n    Name:\n      qualifiers:\n        Q:\n          TYPE: [a]\nsteps: []\n`));
    expect(list.code).toBe('NOT_A_TASK_SEQUENCE');
    expect(list.linePos?.line).toBe(9);
    const type = thrown(() => fromYaml(`${base}packageSchema:\n  properties:\n    Name:\n      TYPE: uint32\nsteps: []\n`));
    expect(type.code).toBe('NOT_A_TASK_SEQUENCE');
    expect(type.linePos?.line).toBe(7);
  });

  it('a text for a bare sequence with it is refused; an object.xml text built into a bare sequence leaves it behind', () => {
    expect(thrown(() => fromYaml('packageSchema:\n  qualifiers:\n    dynamic:\n      TYPE: boolean\nsteps: []\n')).code).toBe('UNSUPPORTED_CONTAINER');
    expect(fromYaml(`${base}packageSchema:\n  qualifiers:\n    dynamic:\n      TYPE: boolean\nsteps: []\n`, { container: 'sequence' }).container).toBe('sequence');
  });

  it('a Sequence property of another type than string (which the builder writes) is refused; one with no type converts', () => {
    const xml = (type: string) => `<INSTANCE CLASSNAME="SMS_TaskSequencePackage"><PROPERTY NAME="Sequence"${type}><VALUE><![CDATA[<sequence version="3.10"></sequence>]]></VALUE></PROPERTY></INSTANCE>`;
    const e = thrown(() => toYaml(readTaskSequence(xml(' TYPE="object"'))));
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.message).toContain('the Sequence property as a <PROPERTY> of type object');
    expect(() => toYaml(readTaskSequence(xml('')))).not.toThrow();
  });
});
