// A Current Branch object.xml has array properties: PROPERTY.ARRAY (a VALUE.ARRAY of VALUEs, e.g. SecuredScopeNames)
// and PROPERTY.OBJECTARRAY (a VALUE.OBJECTARRAY of INSTANCEs, e.g. References, 26 SMS_TaskSequence_Reference
// objects in the sample export). The text form wrote the scalar properties under `package:` and dropped the arrays
// without a word: an object.xml built back from the text had no References although ReferencesCount still said 26,
// and `cmts diff` did not compare them. The text now carries them under `packageArrays:`, the builder writes them
// back as the same CIM-XML, the diff compares them, and what the text cannot say in them is refused, not dropped.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser, type Element as DomElement } from '@xmldom/xmldom';
import { beforeAll, describe, expect, it } from 'vitest';
import { diffTaskSequences } from '../lib/diff/semantic-diff.js';
import { fromYaml, sequenceToText, toYaml } from '../lib/api/text.js';
import { readTaskSequence, writeTaskSequence } from './helpers/api.js';
import { cmts } from './helpers/cli-process.js';
import { thrown } from './helpers/thrown.js';
import { corpusText } from './helpers/corpus.js';

// The Current Branch object.xml of the shared corpus; without the corpus these suites are reported as skipped.
const CORPUS_SAMPLE = corpusText('03-forevanyeung-cb-export-object.xml');
const SAMPLE = CORPUS_SAMPLE ?? '';

const kids = (e: DomElement, tag?: string): DomElement[] => Array.from(e.childNodes).filter((n): n is DomElement => n.nodeType === 1 && (tag === undefined || (n as DomElement).tagName === tag));

/**
 * The array properties of an object.xml read with another XML parser, as name, type or class, and values: each
 * instance as its properties' [name, element, type, value] (null for no VALUE, a list for a VALUE.ARRAY).
 */
function arraysOf(xml: string): unknown[] {
  const root = new DOMParser().parseFromString(xml, 'text/xml').documentElement as unknown as DomElement;
  const values = (e: DomElement | undefined) => (e === undefined ? null : kids(e, 'VALUE').map((v) => v.textContent));
  return kids(root)
    .filter((p) => p.tagName === 'PROPERTY.ARRAY' || p.tagName === 'PROPERTY.OBJECTARRAY')
    .map((p) => {
      if (p.tagName === 'PROPERTY.ARRAY') return [p.getAttribute('NAME'), 'array', p.getAttribute('TYPE'), values(kids(p, 'VALUE.ARRAY')[0])];
      const list = kids(p, 'VALUE.OBJECTARRAY')[0];
      const objects = list === undefined ? null : kids(list, 'VALUE.OBJECT').map((o) => {
        const inst = kids(o, 'INSTANCE')[0] as DomElement;
        return [inst.getAttribute('CLASSNAME'), kids(inst).map((q) => [q.getAttribute('NAME'), q.tagName, q.getAttribute('TYPE'), q.tagName === 'PROPERTY' ? (kids(q, 'VALUE')[0]?.textContent ?? null) : values(kids(q, 'VALUE.ARRAY')[0])])];
      });
      return [p.getAttribute('NAME'), 'objects', p.getAttribute('REFERENCECLASS'), objects];
    });
}

describe.skipIf(CORPUS_SAMPLE === undefined)('object.xml array properties in the text form', () => {
  it('convert writes every array property, References with its 26 objects in order', () => {
    const text = sequenceToText(readTaskSequence(SAMPLE));
    const names = [...SAMPLE.matchAll(/<PROPERTY\.(?:OBJECT)?ARRAY NAME="([^"]+)"/g)].map((m) => m[1]).filter((n, i, all) => all.indexOf(n) === i);
    // Top-level only: instance properties (__DERIVATION again) are inside References.
    expect(Object.keys(text.packageArrays ?? {})).toEqual(names);
    const refs = text.packageArrays?.References;
    expect(refs?.class).toBe('SMS_TaskSequence_Reference');
    const packages = [...SAMPLE.matchAll(/<PROPERTY NAME="Package" CLASSORIGIN="SMS_TaskSequence_Reference" TYPE="string">\s*<QUALIFIER[^]*?<\/QUALIFIER>\s*<VALUE>([^<]*)<\/VALUE>/g)].map((m) => m[1]);
    expect(packages).toHaveLength(26);
    expect(refs?.objects?.map((o) => o.properties.Package)).toEqual(packages);
    expect(text.packageArrays?.SecuredScopeNames).toEqual({ type: 'string', values: ['Default'] });
  });

  it('build writes them back: the rebuilt object.xml has the same arrays, in order, with the same values and types', () => {
    const built = Buffer.from(writeTaskSequence(fromYaml(toYaml(readTaskSequence(SAMPLE))))).toString('utf8');
    const before = arraysOf(SAMPLE);
    expect(before.length).toBeGreaterThan(5);
    expect(arraysOf(built)).toEqual(before);
  });

  it('convert → build → convert gives the same text, and the diff of the original and the rebuilt finds no array change', () => {
    const yaml = toYaml(readTaskSequence(SAMPLE));
    const rebuilt = readTaskSequence(writeTaskSequence(fromYaml(yaml)));
    expect(toYaml(rebuilt)).toBe(yaml);
    expect(diffTaskSequences(readTaskSequence(SAMPLE), rebuilt).filter((d) => d.kind === 'property')).toEqual([]);
  });

  it('a text without packageArrays still builds, and packageArrays for another container is refused', () => {
    expect(() => fromYaml('container: cim-instance\nsteps: []\n')).not.toThrow();
    const e = thrown(() => fromYaml('container: sequence\npackageArrays:\n  A:\n    type: string\n    values: [x]\nsteps: []\n'));
    expect(e.code).toBe('UNSUPPORTED_CONTAINER');
  });

  it('a value that is not of its type\'s kind is refused at its line', () => {
    const e = thrown(() => fromYaml('container: cim-instance\npackageArrays:\n  R:\n    class: C\n    types:\n      A: uint32\n    objects:\n      - properties:\n          A: ["1"]\nsteps: []\n'));
    expect(e.code).toBe('NOT_A_TASK_SEQUENCE');
    expect(e.linePos?.line).toBe(9);
  });
});

describe.skipIf(CORPUS_SAMPLE === undefined)('what the text cannot say in an array property is refused, not dropped', () => {
  const CASES: [string, string][] = [
    ['a VALUE.NULL in a VALUE.ARRAY', SAMPLE.replace('<VALUE>Default</VALUE>', '<VALUE>Default</VALUE><VALUE.NULL/>')],
    ['an object property inside an instance', SAMPLE.replace('<INSTANCE CLASSNAME="SMS_TaskSequence_Reference">', '$&<PROPERTY.OBJECT NAME="X" REFERENCECLASS="Y"/>')],
    ['a comment in a VALUE.ARRAY', SAMPLE.replace('<VALUE>Default</VALUE>', '<VALUE>Default</VALUE><!-- kept -->')],
    // A qualifier besides CIMTYPE, and an attribute such as ARRAYSIZE, are carried now (packageSchema): see
    // review6-text-cim-schema.test.ts.
  ];
  for (const [what, xml] of CASES) {
    it(`${what}: INVALID_ARGUMENT naming the property, with its line`, () => {
      expect(xml).not.toBe(SAMPLE);
      const e = thrown(() => toYaml(readTaskSequence(xml)));
      expect(e.code).toBe('INVALID_ARGUMENT');
      expect(['SecuredScopeNames', 'References']).toContain(e.path);
      expect(e.linePos?.line).toBeGreaterThan(1);
    });
  }

  it('cmts convert --to yaml refuses it: exit 1, nothing written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cmts-review2-text-'));
    try {
      const input = join(dir, 'object.xml');
      const output = join(dir, 'object.yaml');
      writeFileSync(input, (CASES[0] as [string, string])[1]);
      const r = cmts(['convert', input, '--to', 'yaml', '-o', output]);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('INVALID_ARGUMENT');
      expect(r.stderr).toContain('SecuredScopeNames');
      expect(existsSync(output)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // The first command-line test of a run may build dist first.
  }, 180_000);
});

describe.skipIf(CORPUS_SAMPLE === undefined)('the diff compares array properties', () => {
  let a!: ReturnType<typeof readTaskSequence>;
  beforeAll(() => {
    a = readTaskSequence(SAMPLE);
  });
  it('a changed value of an object is told with the object and the property', () => {
    const b = readTaskSequence(SAMPLE.replace('<VALUE>RSC00150</VALUE>', '<VALUE>RSC09999</VALUE>'));
    expect(diffTaskSequences(a, b)).toEqual([{ change: 'changed', kind: 'property', path: 'References[1]', field: 'Package', before: 'RSC00150', after: 'RSC09999' }]);
  });

  it('an object removed from the middle is one removal, not a change to every object after it', () => {
    const first = SAMPLE.indexOf('<VALUE.OBJECT>');
    const second = SAMPLE.indexOf('<VALUE.OBJECT>', first + 1);
    const end = SAMPLE.indexOf('</VALUE.OBJECT>', second) + '</VALUE.OBJECT>'.length;
    const d = diffTaskSequences(a, readTaskSequence(SAMPLE.slice(0, second) + SAMPLE.slice(end)));
    expect(d.map((x) => [x.change, x.path])).toEqual([['removed', 'References[2]']]);
    expect(d[0]?.before).toContain('RSC0017C');
  });

  it('a value array\'s values, and an array property removed', () => {
    const b = readTaskSequence(SAMPLE.replace('<VALUE>Default</VALUE>', '<VALUE>Default</VALUE><VALUE>Other</VALUE>'));
    expect(diffTaskSequences(a, b)).toEqual([{ change: 'changed', kind: 'property', path: 'SecuredScopeNames', field: 'values', before: '["Default"]', after: '["Default","Other"]' }]);
    const start = SAMPLE.indexOf('<PROPERTY.ARRAY NAME="SecuredScopeNames"');
    const stop = SAMPLE.indexOf('</PROPERTY.ARRAY>', start) + '</PROPERTY.ARRAY>'.length;
    const removed = diffTaskSequences(a, readTaskSequence(SAMPLE.slice(0, start) + SAMPLE.slice(stop)));
    expect(removed.map((x) => [x.change, x.kind, x.path])).toEqual([['removed', 'property', 'SecuredScopeNames']]);
  });
});
