// kb977203/run-first (R12): lint said nothing of a 2007 export whose "Run another program first" was empty, while
// `cmts kb977203 --check` reported R12 needed; README says lint checks what the preset checks. The rule goes by the
// sequence's own CCMCertFix step (lint has no options), and holds the capture half of a replace to it too (R15).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint, readTaskSequence } from './helpers/api.js';
import { FIXTURES_DIR } from './helpers/corpus.js';

const PATCHED = readFileSync(join(FIXTURES_DIR, 'lint', 'kb977203-run-first.xml'), 'utf8');
const withDependent = (value: string) => PATCHED.replace('<DependentProgram>CM100011;;Other</DependentProgram>', value);
const runFirst = (text: string) => lint(readTaskSequence(text), ['kb977203/run-first']);

describe('kb977203/run-first', () => {
  it('is quiet where "Run another program first" runs the program of the CCMCertFix step, in any letter case', () => {
    expect(runFirst(withDependent('<DependentProgram>CM100010;;CCMCertFix</DependentProgram>'))).toEqual([]);
    expect(runFirst(withDependent('<DependentProgram>cm100010;;ccmcertfix</DependentProgram>'))).toEqual([]);
  });

  it('an empty one is found at the DependentProgram element, naming the program to set', () => {
    const [found, ...more] = runFirst(withDependent('<DependentProgram />'));
    expect(more).toEqual([]);
    expect(found).toMatchObject({ code: 'kb977203/run-first', severity: 'warning', requirement: 'R12', line: 5, col: 3 });
    expect(found?.message).toContain('is empty');
    expect(found?.message).toContain('"CM100010;;CCMCertFix", the program the sequence\'s CCMCertFix step runs');
  });

  it('another program is found, with both named', () => {
    const [found] = runFirst(PATCHED);
    expect(found?.message).toContain('runs "CM100011;;Other", not the CCMCertFix program "CM100010;;CCMCertFix"');
  });

  it('a package with no DependentProgram element at all is found at the package', () => {
    const [found] = runFirst(withDependent(''));
    expect(found).toMatchObject({ line: 2, col: 1 });
  });

  it('holds the capture half of a replace to it, and a sequence that deploys nothing not', () => {
    const capture = readFileSync(resolve('examples/replace-capture-2007.xml'), 'utf8');
    expect(runFirst(capture).map((f) => f.message)).toEqual([expect.stringContaining('the CCMCertFix package and program (R11)')]);
    const nothing = capture.replace(/<group name="Capture"[\s\S]*<\/group>/, '<step type="SMS_TaskSequence_RunCommandLineAction" name="x" description="" runIn="FullOS" successCodeList="0"><action>cmd /c echo</action><defaultVarList><variable name="CommandLine" property="CommandLine">cmd /c echo</variable></defaultVarList></step>');
    expect(runFirst(nothing)).toEqual([]);
  });

  it('is not for a bare sequence, which cannot hold it, nor for Current Branch', () => {
    const bare = PATCHED.slice(PATCHED.indexOf('<sequence '), PATCHED.indexOf('</sequence>') + '</sequence>'.length);
    expect(readTaskSequence(bare).container).toBe('sequence');
    expect(runFirst(bare)).toEqual([]);
    expect(runFirst(withDependent('<DependentProgram />').replace('<sequence version="3.00">', '<sequence version="3.10">'))).toEqual([]);
  });
});
