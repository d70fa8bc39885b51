// The document as the hub: queries, walking, apply/check with one report, clone, toBytes/toString, issues.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTransform, readTaskSequence, REMOVE, STEP_TYPES, TaskSequenceError } from '../lib/index.js';
import type { Step } from '../lib/index.js';
import { thrown } from './helpers/thrown.js';

const BYTES = readFileSync(resolve('examples/refresh-2007.xml'));
const CIM = readFileSync(resolve('examples/replace-restore.object.xml'));

describe('TaskSequenceDocument', () => {
  it('toBytes gives the input bytes back unedited, and toString the same text', () => {
    const doc = readTaskSequence(BYTES);
    expect(Buffer.from(doc.toBytes()).equals(BYTES)).toBe(true);
    expect(doc.toString()).toBe(BYTES.toString('utf8'));
  });

  it('steps() filters by type, name (string or RegExp), path and predicate, in execution order', () => {
    const doc = readTaskSequence(BYTES);
    expect(doc.steps({ type: STEP_TYPES.setupWindowsAndConfigMgr }).map((l) => l.path)).toEqual(['Install Operating System/Setup Windows and ConfigMgr']);
    expect(doc.steps({ name: /User State$/ }).map((l) => l.node.attributes.name)).toEqual(['Capture User State', 'Restore User State']);
    expect(doc.steps({ path: 'Capture/Restart in Windows PE' })).toHaveLength(1);
    expect(doc.steps((l) => l.groups.length === 0)).toEqual([]);
    expect(doc.steps().length).toBeGreaterThan(4);
  });

  it('steps() with a type guard narrows the result type', () => {
    const doc = readTaskSequence(BYTES);
    const found = doc.steps((l): l is typeof l & { node: Step } => l.node.kind === 'step');
    const types: string[] = found.map((l) => l.node.attributes.type ?? '');
    expect(types).toContain(STEP_TYPES.setupWindowsAndConfigMgr);
  });

  it('groups() lists only groups and find() returns the first match of either kind', () => {
    const doc = readTaskSequence(BYTES);
    expect(doc.groups().map((g) => g.path)).toEqual(['Capture', 'Install Operating System', 'Restore']);
    expect(doc.groups({ name: 'Restore' })[0]?.node.kind).toBe('group');
    expect(doc.find({ name: /^Restore/ })?.path).toBe('Restore');
    expect(doc.find({ name: 'no such step' })).toBeUndefined();
    expect(doc.steps({ enabled: false })).toEqual([]);
    expect(doc.steps({ enabled: true })).toHaveLength(doc.steps().length);
  });

  it('visit() walks the sequence and can remove nodes', () => {
    const doc = readTaskSequence(BYTES);
    doc.visit((node) => (node.kind === 'step' && node.attributes.name === 'Restore User State' ? REMOVE : undefined));
    expect(doc.steps({ name: 'Restore User State' })).toEqual([]);
    expect(readTaskSequence(doc.toBytes()).steps({ name: 'Restore User State' })).toEqual([]);
  });

  it('apply() runs several transforms and returns one report', () => {
    const doc = readTaskSequence(BYTES);
    const report = doc.apply(
      createTransform('set-dependent-program', { packageId: 'CM100010', programName: 'CCMCertFix' }),
      createTransform('set-dependent-program', { packageId: 'CM100010', programName: 'CCMCertFix' }),
    );
    expect(report.changed).toBe(true);
    expect(report.changes).toHaveLength(1);
    expect(report.alreadyInPlace).toHaveLength(1);
    expect(doc.getProperty('DependentProgram')).toBe('CM100010;;CCMCertFix');
  });

  it('apply() with several transforms changes nothing when a later one refuses', () => {
    const doc = readTaskSequence(BYTES);
    const before = doc.getProperty('DependentProgram');
    const e = thrown(() =>
      doc.apply(
        createTransform('set-dependent-program', { packageId: 'CM100010', programName: 'CCMCertFix' }),
        createTransform('add-client-patch', { msp: 'C:\\hotfix\\KB977203.msp', stepPath: 'No such group/No such step' }),
      ),
    );
    expect(e).toBeInstanceOf(TaskSequenceError);
    expect(e.code).toBe('STEP_NOT_FOUND');
    // The first transform's edit was not made: the document is still the file read.
    expect(doc.getProperty('DependentProgram')).toBe(before);
    expect(Buffer.from(doc.toBytes()).equals(BYTES)).toBe(true);
  });

  it('apply() takes an object with an apply method as well as a function', () => {
    const doc = readTaskSequence(BYTES);
    const t = createTransform('set-dependent-program', { packageId: 'CM100010', programName: 'CCMCertFix' });
    expect(doc.apply({ apply: t }).changed).toBe(true);
  });

  it('check() reports what apply() would change and leaves the document alone', () => {
    const doc = readTaskSequence(CIM);
    const t = createTransform('add-reference', { packageId: 'CM1000AB' });
    const checked = doc.check(t);
    expect(checked.changed).toBe(true);
    expect(Buffer.from(doc.toBytes()).equals(CIM)).toBe(true);
    expect(doc.apply(t)).toEqual(checked);
  });

  it('add-reference on a sequence with no <referenceList> (ConfigMgr 2007) adds nothing and says so', () => {
    const doc = readTaskSequence(BYTES);
    expect(doc.sequence.children.some((c) => c.kind === 'referenceList')).toBe(false);
    const report = doc.apply(createTransform('add-reference', { packageId: 'CM1000AB' }));
    expect(report.changed).toBe(false);
    expect(report.issues).toEqual([expect.objectContaining({ code: 'REFERENCES_NOT_IN_FILE', severity: 'info', message: expect.stringContaining('no reference to CM1000AB is added') })]);
    expect(Buffer.from(doc.toBytes()).equals(BYTES)).toBe(true);
  });

  it('clone() is independent of the original and keeps the read options', () => {
    const doc = readTaskSequence(BYTES, { file: 'ts.xml' });
    const copy = doc.clone();
    copy.setProperty('DependentProgram', 'X;;Y');
    expect(doc.getProperty('DependentProgram')).toBe('');
    expect(copy.file).toBe('ts.xml');
    expect(copy.container).toBe(doc.container);
  });

  it('issues lists what the reader noticed, with the file', () => {
    // An embedded sequence whose XML declaration follows white space: kept, with a warning at its place in the file.
    const text = CIM.toString('utf8').replace('<![CDATA[<sequence', '<![CDATA[\n  <?xml version="1.0"?><sequence');
    const doc = readTaskSequence(text, { file: 'object.xml' });
    expect(doc.issues).toEqual([{ code: 'XML_DECLARATION_NOT_FIRST', severity: 'warning', message: expect.any(String), line: 28, col: 3, file: 'object.xml' }]);
    expect(readTaskSequence(BYTES).issues).toEqual([]);
  });
});

describe('readTaskSequence refuses inputs that are not XML, saying what to call instead', () => {
  it('a file path', () => {
    const e = thrown(() => readTaskSequence('ts.xml'));
    expect(e).toBeInstanceOf(TaskSequenceError);
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect((e as Error).message).toMatch(/"ts\.xml".*file path.*readFileSync/);
    expect((thrown(() => readTaskSequence('C:\\exports\\ts'))).code).toBe('INVALID_ARGUMENT');
  });

  it('the bytes of a .zip export', () => {
    const e = thrown(() => readTaskSequence(readFileSync(resolve('test/fixtures/zip/export.zip'))));
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.message).toMatch(/\.zip archive.*readExportZip.*cmts\/zip/);
  });

  it('still parses XML text and reports malformed XML as such', () => {
    expect((thrown(() => readTaskSequence('<sequence>'))).code).toBe('XML_MALFORMED');
    expect((thrown(() => readTaskSequence('sequence'))).code).toBe('XML_MALFORMED');
  });
});

describe('createTransform', () => {
  it('takes option types from the transform name (a misspelled option does not compile) and still checks at run time', () => {
    // @ts-expect-error -- the option is `programName`; the compiler must refuse `program`
    const e = thrown(() => createTransform('set-dependent-program', { packageId: 'CM100010', program: 'CCMCertFix' }));
    expect(e.code).toBe('OPTIONS_INVALID');
  });

  it('throws INVALID_ARGUMENT naming the known transforms for an unknown name', () => {
    // @ts-expect-error -- not a transform name
    const e = thrown(() => createTransform('add-refrence', { packageId: 'CM100010' }));
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.message).toMatch(/"add-refrence".*add-reference/);
  });
});

describe('text that is not valid in its encoding', () => {
  it('is refused with the line and column of the first bad byte, as a reader counts them', () => {
    const utf8 = Buffer.concat([Buffer.from('<sequence>\r\n  <step name="é a'), Buffer.from([0xff]), Buffer.from('"/>\n</sequence>\n')]);
    const e = thrown(() => readTaskSequence(utf8));
    expect(e.code).toBe('ENCODING_INVALID');
    // Line 2; `  <step name="é a` is 17 characters (é is one, of two bytes), so the bad byte is the 18th.
    expect(e.linePos).toEqual({ line: 2, col: 18 });
    expect(e.message).toContain('near offset 30');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<a>\n\n<b', 'utf16le'), Buffer.from([0x00, 0xdc]), Buffer.from('/></a>', 'utf16le')]);
    const e16 = thrown(() => readTaskSequence(utf16));
    expect(e16.code).toBe('ENCODING_INVALID');
    expect(e16.linePos).toEqual({ line: 3, col: 3 });
  });
});
