// add-reference on a Current Branch object.xml whose References array lists only applications (Type 1): the new
// package entry is made from the form of an entry of the array, and only a package entry (Type 0) was taken, so the
// package went into the referenceList but not the array nor ReferencesCount, and the report did not say so. It is now
// made from an application's entry (the same properties), as a package: Type 0, Program `*`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyTransform, readTaskSequence, referencedPackages, writeTaskSequenceText } from './helpers/api.js';
import { containerReferences } from '../lib/containers/container-references.js';
import { FIXTURES_DIR } from './helpers/corpus.js';

const INPUT = readFileSync(join(FIXTURES_DIR, 'kb977203', 'object-xml-references-array-kept-in-step', 'input.xml'), 'utf8');
// The same object.xml with each reference of the array made an application's: Type 1, no program.
const APPS_ONLY = INPUT.replace(/(<PROPERTY NAME="Type" CLASSORIGIN="SMS_TaskSequence_Reference"[\s\S]*?<\/QUALIFIER>\s*<VALUE>)0(<\/VALUE>)/g, '$11$2');
const count = (text: string) => /NAME="ReferencesCount"[\s\S]*?<VALUE>(\d+)<\/VALUE>/.exec(text)?.[1];
const lastEntry = (text: string) => text.slice(text.lastIndexOf('<VALUE.OBJECT>'), text.lastIndexOf('</VALUE.OBJECT>'));
const property = (entry: string, name: string) => new RegExp(`NAME="${name}"[\\s\\S]*?</QUALIFIER>\\s*<VALUE>([^<]*)</VALUE>`).exec(entry)?.[1];

describe('add-reference on an object.xml whose References array lists only applications', () => {
  it('adds the package to the array as a package, and counts it', () => {
    expect(APPS_ONLY).not.toBe(INPUT);
    const doc = readTaskSequence(APPS_ONLY);
    const before = containerReferences(doc);
    const report = applyTransform('add-reference', doc, { packageId: 'ABC00077' });
    expect(referencedPackages(doc.sequence)).toContain('ABC00077');
    expect(containerReferences(doc)).toEqual([...before, 'ABC00077']);
    expect(report.changes.map((c) => c.what)).toContain('package ABC00077 in the References array');
    const text = writeTaskSequenceText(doc);
    expect(count(text)).toBe(String(before.length + 1));
    const entry = lastEntry(text);
    expect(property(entry, 'Package')).toBe('ABC00077');
    expect(property(entry, 'Program')).toBe('*');
    expect(property(entry, 'Type')).toBe('0');
    // A second run changes nothing.
    expect(applyTransform('add-reference', readTaskSequence(text), { packageId: 'ABC00077' }).changed).toBe(false);
  });

  it('copies a package entry, when there is one, unchanged but for its package and program', () => {
    const doc = readTaskSequence(INPUT);
    applyTransform('add-reference', doc, { packageId: 'ABC00077' });
    const entry = lastEntry(writeTaskSequenceText(doc));
    expect(property(entry, 'Type')).toBe('0');
    expect(property(entry, 'Package')).toBe('ABC00077');
  });
});
