// A Current Branch object.xml repeats its sequence's <referenceList> as the package's References array and counts it
// in ReferencesCount. addStep listed a new step's package in the <referenceList> only: the array and the count kept
// what they had, and the two lists disagreed (lint said nothing). So did copyItemTo and addPackageReference, which
// take only a sequence. Each now adds to the array too, through the document the sequence is held in, as the
// add-reference transform does; only the edited elements change bytes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addPackageReference, addStep, applyTransform, copyItemTo, createSequence, lint, readTaskSequence, referencedPackages, TaskSequenceDocument, writeTaskSequenceText } from './helpers/api.js';
import type { Node, Step, UnknownElement } from './helpers/api.js';
import { containerReferences } from '../lib/containers/container-references.js';
import { countingArray } from './helpers/read-counter.js';
import { FIXTURES_DIR } from './helpers/corpus.js';

const INPUT = readFileSync(join(FIXTURES_DIR, 'kb977203', 'object-xml-references-array-kept-in-step', 'input.xml'), 'utf8');
const install = (packageId: string, name = 'New') => ({ name, settings: { packageId, programName: 'Install' } });
const count = (text: string) => /NAME="ReferencesCount"[\s\S]*?<VALUE>(\d+)<\/VALUE>/.exec(text)?.[1];
const entries = (text: string) => text.split('<VALUE.OBJECT>').slice(1).map((e) => e.slice(0, e.indexOf('</VALUE.OBJECT>')));
const property = (entry: string, name: string) => new RegExp(`NAME="${name}"[\\s\\S]*?</QUALIFIER>\\s*<VALUE>([^<]*)</VALUE>`).exec(entry)?.[1];
const differs = (doc: TaskSequenceDocument) => lint(doc, ['references-array-differs']);
/** The bytes, one character each (latin1), so that a comparison is byte for byte and its failure readable. */
const bytesOf = (doc: TaskSequenceDocument) => Buffer.from(doc.toBytes()).toString('latin1');

/** The input as it is with `packageId` added to the References array (a copy of its last entry) and counted. */
function withArrayEntry(text: string, packageId: string, total: number): string {
  const last = text.lastIndexOf('<VALUE.OBJECT>');
  const end = text.indexOf('</VALUE.OBJECT>', last) + '</VALUE.OBJECT>'.length;
  const copy = text.slice(last, end).replace(/(NAME="Package"[\s\S]*?<\/QUALIFIER>\s*<VALUE>)[^<]*/, `$1${packageId}`);
  return `${text.slice(0, end)}\n      ${copy}${text.slice(end)}`.replace(/(NAME="ReferencesCount"[^>]*>\s*<VALUE>)\d+/, `$1${total}`);
}

describe('authoring calls keep an object.xml References array in step with the <referenceList>', () => {
  it('addStep lists the new package in both, and counts it; nothing else changes', () => {
    const doc = readTaskSequence(INPUT);
    addStep(doc, 'Install Package', install('ABC00077'), { last: doc.sequence });
    const out = Buffer.from(doc.toBytes()).toString('utf8');
    const step = /<step type="SMS_TaskSequence_InstallSoftwareAction" name="New"[\s\S]*?<\/step>/.exec(out)?.[0] as string;
    expect(step).toContain('ABC00077');
    const expected = withArrayEntry(INPUT, 'ABC00077', 3)
      .replace('<reference package="ABC00005"/></referenceList>', '<reference package="ABC00005"/><reference package="ABC00077"/></referenceList>')
      .replace('</group></sequence>', `</group>${step}</sequence>`);
    // Byte for byte: the step, its reference, the array's new entry and the count are the only differences.
    expect(bytesOf(doc)).toBe(Buffer.from(expected).toString('latin1'));
    expect(containerReferences(doc)).toEqual(['ABC00002', 'ABC00005', 'ABC00077']);
    expect(differs(doc)).toEqual([]);
    // What the add-reference transform gave before the step was added: the same entry.
    const viaTransform = readTaskSequence(INPUT);
    applyTransform('add-reference', viaTransform, { packageId: 'ABC00077' });
    expect(entries(writeTaskSequenceText(viaTransform))).toEqual(entries(out));
  });

  it('a package the sequence lists already (any case) is added to neither, and a second step changes nothing more', () => {
    const doc = readTaskSequence(INPUT);
    addStep(doc, 'Install Package', install('abc00005'), { last: doc.sequence });
    addStep(doc, 'Install Package', install('ABC00077'), { last: doc.sequence });
    const once = writeTaskSequenceText(doc);
    addStep(doc, 'Install Package', install('ABC00077', 'Again'), { last: doc.sequence });
    const text = writeTaskSequenceText(doc);
    expect(entries(text)).toEqual(entries(once));
    expect(containerReferences(doc)).toEqual(['ABC00002', 'ABC00005', 'ABC00077']);
    expect(count(text)).toBe('3');
  });

  it('an application goes into the array as one: Type 1, no program', () => {
    const app = 'ScopeId_BB614B4D-2E1B-4D8A-9F0C-6A2B7E2D1C11/Application_00e2caa8-5d4c-4b1e-9a55-0f6b3c2d7e10';
    const doc = readTaskSequence(INPUT);
    addStep(doc, 'Install Application', { name: 'Apps', settings: { applicationName: [app] } }, { last: doc.sequence });
    const last = entries(writeTaskSequenceText(doc)).at(-1) as string;
    expect([property(last, 'Package'), property(last, 'Program'), property(last, 'Type')]).toEqual([app, '', '1']);
    expect(count(writeTaskSequenceText(doc))).toBe('3');
    expect(differs(doc)).toEqual([]);
  });

  it('copyItemTo brings the copy’s references into the array too', () => {
    const from = readTaskSequence(
      '<sequence version="3.10"><referenceList><reference package="ABC00031"/></referenceList><step type="SMS_TaskSequence_InstallSoftwareAction" name="Copied"><action>smsswd.exe /pkg:ABC00031 /install /basevar: /continueOnError:</action><defaultVarList><variable name="PackageID" property="PackageID" hidden="true">ABC00031</variable><variable name="_SMSSWDProgramName" property="ProgramName" hidden="true">Install</variable></defaultVarList></step></sequence>',
    );
    const doc = readTaskSequence(INPUT);
    copyItemTo(from.sequence, from.sequence.children.find((c) => c.kind === 'step') as Step, doc.sequence, { last: doc.sequence });
    expect(containerReferences(doc)).toEqual(['ABC00002', 'ABC00005', 'ABC00031']);
    expect(count(writeTaskSequenceText(doc))).toBe('3');
    expect(differs(doc)).toEqual([]);
  });

  it('addPackageReference adds to the array too; the add-reference transform still adds once and reports both lists', () => {
    const doc = readTaskSequence(INPUT);
    expect(addPackageReference(doc.sequence, 'ABC00077')).toBe('added');
    expect(bytesOf(doc)).toBe(Buffer.from(withArrayEntry(INPUT, 'ABC00077', 3).replace('<reference package="ABC00005"/></referenceList>', '<reference package="ABC00005"/><reference package="ABC00077"/></referenceList>')).toString('latin1'));
    expect(addPackageReference(doc.sequence, 'abc00077')).toBe('present');
    expect(containerReferences(doc)).toEqual(['ABC00002', 'ABC00005', 'ABC00077']);

    const viaTransform = readTaskSequence(INPUT);
    const report = applyTransform('add-reference', viaTransform, { packageId: 'ABC00088' });
    expect(report.changes.map((c) => c.what)).toEqual(['reference to package ABC00088', 'package ABC00088 in the References array']);
    expect(containerReferences(viaTransform)).toEqual(['ABC00002', 'ABC00005', 'ABC00088']);
    expect(count(writeTaskSequenceText(viaTransform))).toBe('3');
  });

  it('a sequence held in no object.xml, or in one without the array, gets its reference and nothing else', () => {
    for (const doc of [readTaskSequence('<sequence version="3.10"><referenceList/></sequence>'), createSequence('cim-instance')]) {
      addStep(doc, 'Install Package', install('ABC00077'), { last: doc.sequence });
      expect(referencedPackages(doc.sequence)).toEqual(['ABC00077']);
      expect(containerReferences(doc)).toEqual([]);
    }
  });

  it('adding N steps that each name a new package reads the array a bounded number of times per step', () => {
    const doc = readTaskSequence(INPUT);
    const root = doc.xml.children.find((c): c is UnknownElement => c.kind === 'element') as UnknownElement;
    const child = (parent: UnknownElement, tag: string, name?: string) =>
      parent.children.find((c: Node): c is UnknownElement => c.kind === 'element' && c.tag === tag && (name === undefined || c.attributes.NAME === name)) as UnknownElement;
    const array = child(child(root, 'PROPERTY.OBJECTARRAY', 'References'), 'VALUE.OBJECTARRAY');
    const counter = { reads: 0 };
    array.children = countingArray(array.children, counter);
    const n = 2_000;
    const id = (i: number) => `ABD${(0x10000 + i).toString(16).toUpperCase().slice(-5)}`;
    for (let i = 0; i < n; i++) addStep(doc, 'Install Package', install(id(i), `s${i}`), { last: doc.sequence });
    // Each addition read every entry before: about n²/2 (2 million) reads here.
    expect(counter.reads).toBeLessThan(20 * n);
    expect(containerReferences(doc)).toEqual(['ABC00002', 'ABC00005', ...Array.from({ length: n }, (_, i) => id(i))]);
    expect(count(writeTaskSequenceText(doc))).toBe(String(n + 2));
  });
});
