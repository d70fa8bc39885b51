import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { diffTaskSequences, readTaskSequence } from './helpers/api.js';
import { memoryIo } from './helpers/memory-io.js';

const APP = 'ScopeId_BB614B4D-843E-46E6-B4B0-2017EA2812ED/Application_00e2caa8-80d2-4ade-a3f8-ebfdb5bb3465';
const sequence = (references: string) =>
  `<sequence version="3.10"><referenceList>${references}</referenceList><step type="SMS_TaskSequence_RunCommandLineAction" name="a"><action>cmd /c a</action></step></sequence>`;
const diff = (a: string, b: string) => diffTaskSequences(readTaskSequence(sequence(a)), readTaskSequence(sequence(b)));

describe('the diff compares the whole referenceList', () => {
  it('an application reference added or removed is a difference', () => {
    const pkg = '<reference package="RSC00237" program="*"/>';
    expect(diff(pkg, `${pkg}<reference application="${APP}"/>`)).toEqual([{ change: 'added', kind: 'reference', path: APP }]);
    expect(diff(`${pkg}<reference application="${APP}"/>`, pkg)).toEqual([{ change: 'removed', kind: 'reference', path: APP }]);
  });

  it("a package reference's program changed is a difference", () => {
    expect(diff('<reference package="RSC00237" program="*"/>', '<reference package="RSC00237" program="CCMCertFix"/>')).toEqual([
      { change: 'changed', kind: 'reference', path: 'RSC00237', field: 'attribute program', before: '*', after: 'CCMCertFix' },
    ]);
  });

  it('the same references in another order are no difference', () => {
    expect(diff(`<reference package="RSC00237"/><reference application="${APP}"/>`, `<reference application="${APP}"/><reference package="RSC00237"/>`)).toEqual([]);
  });

  it('cmts diff exits 1 for a removed application reference', async () => {
    const m = memoryIo({ 'a.xml': sequence(`<reference application="${APP}"/>`), 'b.xml': sequence('') });
    expect(await main(['diff', 'a.xml', 'b.xml'], m.io)).toBe(1);
    expect(m.stdout).toContain(`- reference ${APP}`);
  });
});
