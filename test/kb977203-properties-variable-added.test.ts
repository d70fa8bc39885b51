// A Setup step with no installation-properties variable gets one from the preset, and revert leaves it, empty: an
// export can hold one empty in the very same form, so revert cannot tell the preset's from it. The apply's report said
// nothing of it beforehand, unlike the other changes revert cannot give back byte for byte
// (KB977203_PATCH_NOT_REVERSIBLE); it now says so, with that code, of that step.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyKb977203, checkKb977203, type Kb977203Options, readTaskSequence, revertKb977203, writeTaskSequence } from './helpers/api.js';

const O: Kb977203Options = { certfixPackage: 'CM100010', clientVersion: 'sp2', drive: 'C:' };
const REFRESH = readFileSync(join(import.meta.dirname, '..', 'examples', 'refresh-2007.xml'), 'latin1');
const SETUP = 'Install Operating System/Setup Windows and ConfigMgr';
const PROPS = /\s*<variable name="SMSClientInstallProperties"[^\n]*/;
const notReversible = (text: string, options = O) => checkKb977203(readTaskSequence(Buffer.from(text, 'latin1'), { file: 'in.xml' }), options).diagnostics.filter((d) => d.code === 'KB977203_PATCH_NOT_REVERSIBLE');

describe('a Setup step with no installation-properties variable', () => {
  it('is said, at apply, to keep an empty one after a revert', () => {
    const text = REFRESH.replace(PROPS, '');
    expect(text).not.toBe(REFRESH);
    const [d, ...rest] = notReversible(text);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ severity: 'info', path: SETUP, file: 'in.xml' });
    expect(d?.line).toBeGreaterThan(1);
    expect(d?.message).toContain('has no installation-properties variable (SMSClientInstallProperties)');
    expect(d?.message).toContain('revert leaves the variable in place, empty');
    // As said: revert gives back the sequence with the variable, empty.
    const doc = readTaskSequence(Buffer.from(text, 'latin1'));
    applyKb977203(doc, O);
    const back = readTaskSequence(writeTaskSequence(doc));
    revertKb977203(back, O);
    const reverted = Buffer.from(writeTaskSequence(back)).toString('latin1');
    expect(reverted).not.toBe(text);
    expect(reverted).toContain('<variable name="SMSClientInstallProperties" property="ClientInstallProperties"></variable>');
  });

  it('with no <defaultVarList> either, says so', () => {
    const text = REFRESH.replace(/<defaultVarList>\s*<variable name="SMSClientInstallProperties"[^\n]*\s*<variable name="_SMSClientPackageID"[^\n]*\s*<\/defaultVarList>/, '');
    expect(text).not.toBe(REFRESH);
    const [d] = notReversible(text, { ...O, clientPackage: 'CM100002' });
    expect(d?.message).toContain('(SMSClientInstallProperties, nor a <defaultVarList>)');
  });

  it('is not said where the variable is there, empty or not, nor once applied', () => {
    expect(notReversible(REFRESH)).toEqual([]);
    const empty = REFRESH.replace(/(property="ClientInstallProperties">)[^<]*/, '$1');
    expect(notReversible(empty)).toEqual([]);
    const doc = readTaskSequence(Buffer.from(REFRESH.replace(PROPS, ''), 'latin1'));
    applyKb977203(doc, O);
    expect(notReversible(Buffer.from(writeTaskSequence(doc)).toString('latin1'))).toEqual([]);
  });
});
