// The transform API and the JSON model given what plain JavaScript can give them. A name that is no string
// (createTransform(null), transformFromJson(undefined)) threw a TypeError from the message's own formatting;
// checkTransform and applyTransform with an unknown name, and every transform entry given no document, threw a
// TypeError from the planner; doc.apply(null) and doc.check('add-reference') threw one before any edit;
// toModelJson with null options and sequenceToXml(null) did too. Each is now refused with INVALID_ARGUMENT, before
// any edit.
import { describe, expect, it } from 'vitest';
import { sequenceToXml } from '../lib/model/to-xml.js';
import { toModelJson } from '../lib/model/json.js';
import { applyTransform, applyWith, checkTransform, checkWith, createTransform, TRANSFORMS, transformFromJson } from '../lib/transforms/index.js';
import { readTaskSequence } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

const XML = '<sequence version="3.10"><step type="SMS_TaskSequence_RunCommandLineAction" name="a"><action>x</action></step></sequence>';
const OPTIONS = { packageId: 'CM100010' };

describe('the transform API and the JSON model given plain JavaScript', () => {
  it('a transform name that is no string, or names none, is INVALID_ARGUMENT', () => {
    const doc = readTaskSequence(XML);
    for (const name of [null, undefined, 1, {}, 'nope']) {
      expect(thrown(() => createTransform(name as never, OPTIONS as never)).code).toBe('INVALID_ARGUMENT');
      expect(thrown(() => transformFromJson(name as never, OPTIONS)).code).toBe('INVALID_ARGUMENT');
      expect(thrown(() => checkTransform(name as never, doc, OPTIONS as never)).code).toBe('INVALID_ARGUMENT');
      expect(thrown(() => applyTransform(name as never, doc, OPTIONS as never)).code).toBe('INVALID_ARGUMENT');
    }
    expect(doc.toString()).toBe(XML);
  });

  it('a transform given what is no document is INVALID_ARGUMENT', () => {
    for (const doc of [null, undefined, 'file.xml', {}, readTaskSequence(XML).sequence]) {
      expect(thrown(() => checkTransform('add-reference', doc as never, OPTIONS)).code).toBe('INVALID_ARGUMENT');
      expect(thrown(() => applyTransform('add-reference', doc as never, OPTIONS)).code).toBe('INVALID_ARGUMENT');
      expect(thrown(() => checkWith('add-reference', TRANSFORMS['add-reference'], doc as never, OPTIONS)).code).toBe('INVALID_ARGUMENT');
      expect(thrown(() => applyWith('add-reference', TRANSFORMS['add-reference'], doc as never, OPTIONS)).code).toBe('INVALID_ARGUMENT');
    }
  });

  it('doc.apply and doc.check refuse what is no transform, before any edit', () => {
    const doc = readTaskSequence(XML);
    const good = createTransform('add-reference', OPTIONS);
    for (const t of [null, undefined, 1, {}, { apply: 'x' }, 'add-reference']) {
      expect(thrown(() => doc.apply(t as never)).code).toBe('INVALID_ARGUMENT');
      expect(thrown(() => doc.apply(good, t as never)).code).toBe('INVALID_ARGUMENT');
      expect(thrown(() => doc.check(t as never)).code).toBe('INVALID_ARGUMENT');
    }
    expect(doc.toString()).toBe(XML);
  });

  it('toModelJson with options that are no object, and sequenceToXml of what is no sequence, are INVALID_ARGUMENT', () => {
    const doc = readTaskSequence(XML);
    expect(thrown(() => toModelJson(doc, null as never)).code).toBe('INVALID_ARGUMENT');
    expect(thrown(() => toModelJson(null as never)).code).toBe('INVALID_ARGUMENT');
    for (const s of [null, undefined, doc]) expect(thrown(() => sequenceToXml(s as never)).code).toBe('INVALID_ARGUMENT');
    expect(thrown(() => sequenceToXml(doc.sequence, null as never)).code).toBe('INVALID_ARGUMENT');
  });
});
