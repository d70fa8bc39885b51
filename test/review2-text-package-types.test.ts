// An object.xml's scalar properties have CIM types (ProgramFlags uint32, TsEnabled boolean, LastRefreshTime
// datetime, …) and some are null (a PROPERTY with no VALUE: Reserved, ObjectPath, …). The text form kept only the
// values, so an object.xml built from it had every property TYPE="string" and none of the null ones, and the diff
// said nothing. The text now says them under `packageTypes:`, the builder writes them back, and the diff reports a
// changed type or a null property added or removed.
import { DOMParser, type Element as DomElement } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { diffTaskSequences } from '../lib/diff/semantic-diff.js';
import { fromYaml, sequenceToText, toYaml } from '../lib/api/text.js';
import { readTaskSequence, writeTaskSequence } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';
import { corpusText } from './helpers/corpus.js';

// The Current Branch object.xml of the shared corpus; without the corpus these suites are reported as skipped.
const CORPUS_SAMPLE = corpusText('03-forevanyeung-cb-export-object.xml');
const SAMPLE = CORPUS_SAMPLE ?? '';

/** The top-level scalar properties, read with another XML parser: [name, TYPE, value or null], Sequence left out. */
function scalars(xml: string): [string | null, string | null, string | null][] {
  const root = new DOMParser().parseFromString(xml, 'text/xml').documentElement as unknown as DomElement;
  const kids = (e: DomElement, tag: string) => Array.from(e.childNodes).filter((n): n is DomElement => n.nodeType === 1 && (n as DomElement).tagName === tag);
  return kids(root, 'PROPERTY')
    .filter((p) => p.getAttribute('NAME') !== 'Sequence')
    .map((p) => [p.getAttribute('NAME'), p.getAttribute('TYPE'), kids(p, 'VALUE')[0]?.textContent ?? null]);
}

const byName = (list: ReturnType<typeof scalars>) => [...list].sort(([a], [b]) => ((a ?? '') < (b ?? '') ? -1 : 1));

describe.skipIf(CORPUS_SAMPLE === undefined)('object.xml property types and null properties in the text form', () => {
  it('the rebuilt object.xml has every scalar property, with its type and value (null ones too)', () => {
    const before = scalars(SAMPLE);
    expect(before.filter(([, t]) => t !== 'string').length).toBeGreaterThan(10);
    expect(before.filter(([, , v]) => v === null).length).toBeGreaterThan(3);
    const built = Buffer.from(writeTaskSequence(fromYaml(toYaml(readTaskSequence(SAMPLE))))).toString('utf8');
    // Null properties come after the others in the rebuilt file: compared by name.
    expect(byName(scalars(built))).toEqual(byName(before));
  });

  it('a text without packageTypes builds each property with the type of its class; packageTypes says a type and a null property', () => {
    const plain = Buffer.from(writeTaskSequence(fromYaml('container: cim-instance\npackage:\n  Name: N\n  Duration: "360"\n  Custom: x\nsteps: []\n'))).toString('utf8');
    expect(scalars(plain)).toEqual([['Name', 'string', 'N'], ['Duration', 'uint32', '360'], ['Custom', 'string', 'x']]);
    const typed = Buffer.from(writeTaskSequence(fromYaml('container: cim-instance\npackage:\n  Name: N\n  Duration: "360"\npackageTypes:\n  Duration: uint32\n  Reserved: string\nsteps: []\n'))).toString('utf8');
    expect(scalars(typed)).toEqual([['Name', 'string', 'N'], ['Duration', 'uint32', '360'], ['Reserved', 'string', null]]);
    expect(sequenceToText(readTaskSequence(typed)).packageTypes).toEqual({ Duration: 'uint32', Reserved: 'string' });
  });

  it('packageTypes naming the Sequence property is refused at its line', () => {
    const e = thrown(() => fromYaml('container: cim-instance\npackageTypes:\n  Sequence: string\nsteps: []\n'));
    expect(e.code).toBe('NOT_A_TASK_SEQUENCE');
    expect(e.linePos?.line).toBe(3);
  });

  it('an object.xml text built into a bare sequence leaves them behind; a bare sequence text with them is refused', () => {
    const yaml = toYaml(readTaskSequence(SAMPLE));
    expect(fromYaml(yaml, { container: 'sequence' }).container).toBe('sequence');
    expect(thrown(() => fromYaml('container: sequence\npackageTypes:\n  Duration: uint32\nsteps: []\n')).code).toBe('UNSUPPORTED_CONTAINER');
  });

  it('the diff reports a changed type and a null property removed', () => {
    const a = readTaskSequence(SAMPLE);
    const retyped = SAMPLE.replace('<PROPERTY NAME="Duration" CLASSORIGIN="SMS_TaskSequencePackage" TYPE="uint32">', '<PROPERTY NAME="Duration" CLASSORIGIN="SMS_TaskSequencePackage" TYPE="string">');
    expect(retyped).not.toBe(SAMPLE);
    expect(diffTaskSequences(a, readTaskSequence(retyped))).toEqual([{ change: 'changed', kind: 'property', path: 'Duration', field: 'type', before: 'uint32', after: 'string' }]);
    const start = SAMPLE.indexOf('<PROPERTY NAME="Reserved"');
    const stop = SAMPLE.indexOf('</PROPERTY>', start) + '</PROPERTY>'.length;
    expect(diffTaskSequences(a, readTaskSequence(SAMPLE.slice(0, start) + SAMPLE.slice(stop)))).toEqual([{ change: 'removed', kind: 'property', path: 'Reserved', before: 'null' }]);
  });
});
