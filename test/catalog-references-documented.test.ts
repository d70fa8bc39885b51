// README (step catalog): addStep lists a new step's package in a Current Branch <referenceList>, and nothing else does —
// stepView(step).set of a package ID and insertAfter of a step a builder made leave the list as it is — while the
// add-reference transform lists one. This pins what README says, so that the text stays true.
import { describe, expect, it } from 'vitest';
import { addStep, applyTransform, createInstallSoftwareStep, createSequence, insertAfter, lint, referencedPackages, stepView } from './helpers/api.js';

describe('the <referenceList> after authoring edits (README, step catalog)', () => {
  it('addStep lists the package; set and insertAfter do not; add-reference does', () => {
    const doc = createSequence('cim-instance');
    const step = addStep(doc, 'Install Package', { name: 'x', settings: { packageId: 'ABC00001', programName: 'P' } }, { last: doc.sequence });
    expect(referencedPackages(doc.sequence)).toEqual(['ABC00001']);
    stepView(step).set('packageId', 'ABC0001F');
    insertAfter(doc.sequence, step, [createInstallSoftwareStep({ name: 'y', packageId: 'ABC00020', programName: 'Setup' })]);
    expect(referencedPackages(doc.sequence)).toEqual(['ABC00001']);
    // What lint then says of the two Install Package steps whose packages are not listed.
    expect(lint(doc, ['reference-missing']).map((f) => f.path)).toEqual(['x', 'y']);
    applyTransform('add-reference', doc, { packageId: 'ABC0001F' });
    applyTransform('add-reference', doc, { packageId: 'ABC00020' });
    expect(referencedPackages(doc.sequence)).toEqual(['ABC00001', 'ABC0001F', 'ABC00020']);
    expect(lint(doc, ['reference-missing'])).toEqual([]);
  });
});
