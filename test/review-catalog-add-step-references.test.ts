import { describe, expect, it } from 'vitest';
import { addStep } from '../lib/catalog/index.js';
import { readTaskSequence, writeTaskSequenceText } from './helpers/api.js';

const APP_1 = 'ScopeId_BB614B4D-2E1B-4D8A-9F0C-6A2B7E2D1C11/Application_00e2caa8-5d4c-4b1e-9a55-0f6b3c2d7e10';
const APP_2 = 'ScopeId_BB614B4D-2E1B-4D8A-9F0C-6A2B7E2D1C11/Application_7a1f2e3d-1111-4c2b-8d9e-2b3c4d5e6f70';

describe('addStep lists what the new step uses in a Current Branch reference list', () => {
  it('an Install Application step adds a <reference application=…/> per application not yet listed', () => {
    const doc = readTaskSequence(`<sequence version="3.10"><referenceList><reference application="${APP_1}"/></referenceList></sequence>`);
    addStep(doc, 'Install Application', { name: 'Apps', settings: { applicationName: [APP_1, APP_2] } }, { last: doc.sequence });
    const text = writeTaskSequenceText(doc);
    expect(text.slice(0, text.indexOf('</referenceList>'))).toBe(`<sequence version="3.10"><referenceList><reference application="${APP_1}"/><reference application="${APP_2}"/>`);
    // A second step with the same applications adds no reference.
    addStep(doc, 'Install Application', { name: 'Again', settings: { applicationName: [APP_2] } }, { last: doc.sequence });
    expect(writeTaskSequenceText(doc).match(/<reference /g)).toHaveLength(2);
  });
});
