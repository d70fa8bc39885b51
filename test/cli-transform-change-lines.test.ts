// `cmts transform kb977203` printed the preset's changes in a form of its own (`  would change where: what`), without
// the requirement and the values before and after that `cmts kb977203` prints with them (`  would change [R4] where:
// what`, then `before:` and `after:` lines), though both have the same report. Both now print them through one
// function; so do the other transforms, whose changes carry no requirement (no `[]`) and a value before only when they
// change one (no `before: undefined`).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import type { Change } from '../lib/transforms/index.js';
import { validatorFor } from '../lib/schemas.js';
import { FIXTURES_DIR } from './helpers/corpus.js';
import { memoryIo } from './helpers/memory-io.js';

const TS = readFileSync(join(import.meta.dirname, '..', 'examples', 'refresh-2007.xml'));
const SETUP = 'Install Operating System/Setup Windows and ConfigMgr';

/** What a run printed on standard error and standard output, and its exit status. */
async function run(args: string[], files: Record<string, Uint8Array | string>): Promise<{ status: number; stderr: string; stdout: string }> {
  const m = memoryIo(files);
  const status = await main(args, m.io);
  return { status, stderr: m.stderr, stdout: m.stdout };
}

/** The lines of a report that give a change, or its value before or after. */
const changeLines = (stderr: string) => stderr.split('\n').filter((l) => /^ {2}(would change|changed) |^ {6}(before|after):/.test(l));

describe('cmts transform prints its changes as cmts kb977203 does', () => {
  const files = { 'ts.xml': TS, 'o.json': '{"certfixPackage": "ABC00010"}' };

  it("the KB977203 preset's: with the requirement, and the value before and after, in the same lines", async () => {
    const viaTransform = await run(['transform', 'kb977203', 'ts.xml', '--options', 'o.json', '--check'], files);
    const viaPreset = await run(['kb977203', 'ts.xml', '--certfix-package', 'ABC00010', '--dry-run'], files);
    expect(viaTransform.status).toBe(1);
    const lines = changeLines(viaTransform.stderr);
    expect(lines.slice(0, 3)).toEqual([
      `  would change [R4] ${SETUP}: PATCH in installation properties`,
      '      before: SMSSLP=CM01.contoso.com FSP=CM01.contoso.com',
      '      after:  SMSSLP=CM01.contoso.com FSP=CM01.contoso.com PATCH="C:\\_SMSTaskSequence\\OSD\\CM100002\\i386\\hotfix\\KB977203\\SCCM2007AC-SP2-KB977203-x86.msp"',
    ]);
    // A DependentProgram the package did not have is said to be empty before, not left blank.
    expect(lines.slice(-3)).toEqual(['  would change [R12] (package): DependentProgram (Run another program first)', '      before: (empty)', '      after:  ABC00010;;CCMCertFix']);
    expect(lines).toEqual(changeLines(viaPreset.stderr));
  });

  it('applied, the same lines say changed', async () => {
    const r = await run(['transform', 'kb977203', 'ts.xml', '--options', 'o.json', '-o', 'out.xml'], files);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`\n  changed [R4] ${SETUP}: PATCH in installation properties\n      before: SMSSLP=`);
  });

  it('--json gives each change its requirement, before and after, as kb977203 --json does', async () => {
    const viaTransform = await run(['transform', 'kb977203', 'ts.xml', '--options', 'o.json', '--check', '--json'], files);
    const viaPreset = await run(['kb977203', 'ts.xml', '--certfix-package', 'ABC00010', '--check', '--json'], files);
    const json = JSON.parse(viaTransform.stdout) as { results: { report: { changes: Change[] } }[] };
    expect(validatorFor('transform.report.schema.json')(json)).toBe(true);
    const changes = json.results[0]?.report.changes;
    expect(changes?.[0]).toEqual({ what: 'PATCH in installation properties', where: SETUP, before: 'SMSSLP=CM01.contoso.com FSP=CM01.contoso.com', after: expect.stringContaining('PATCH="C:\\_SMSTaskSequence'), requirement: 'R4' });
    expect(changes).toEqual((JSON.parse(viaPreset.stdout) as { results: { report: { changes: Change[] } }[] }).results[0]?.report.changes);
  });

  it('a transform whose changes carry no requirement: no [] tag, and before and after only for a value it changes', async () => {
    const dependent = await run(['transform', 'set-dependent-program', 'ts.xml', '--options', 'd.json', '--check'], { ...files, 'd.json': '{"packageId": "ABC00010", "programName": "CCMCertFix"}' });
    expect(changeLines(dependent.stderr)).toEqual(['  would change (package): DependentProgram (Run another program first)', '      before: (empty)', '      after:  ABC00010;;CCMCertFix']);
    // add-reference says the package it adds in its line, and has no value before: no before or after line.
    const input = readFileSync(join(FIXTURES_DIR, 'transforms', 'add-reference', 'adds-to-existing-list', 'input.xml'));
    const reference = await run(['transform', 'add-reference', 'ts.xml', '--options', 'r.json', '--check'], { 'ts.xml': input, 'r.json': '{"packageId": "ABC00010"}' });
    expect(changeLines(reference.stderr)).toEqual(['  would change (referenceList): reference to package ABC00010']);
    expect(dependent.stderr + reference.stderr).not.toMatch(/\[\]|undefined/);
  });

  it("the README's example is what the command prints", async () => {
    const r = await run(['transform', 'kb977203', 'examples/refresh-2007.xml', '--options', 'kb.json', '--check'], { 'examples/refresh-2007.xml': TS, 'kb.json': '{"certfixPackage": "CM100010"}' });
    const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
    // The README shows the report indented by two spaces, inside a list item.
    const lines = changeLines(r.stderr);
    expect(lines.length).toBe(8);
    for (const line of ['kb977203 on examples/refresh-2007.xml:', ...lines]) expect(readme).toContain(`\n  ${line}\n`);
  });

  it("kb977203 --revert says a value it empties is empty after, as it says one empty before", async () => {
    const done = await run(['kb977203', 'ts.xml', '--certfix-package', 'ABC00010', '-o', '-'], files);
    const r = await run(['kb977203', 'done.xml', '--revert', '--dry-run', '--certfix-package', 'ABC00010'], { 'done.xml': done.stdout });
    expect(changeLines(r.stderr).slice(-3)).toEqual(['  would change [R12] (package): DependentProgram (Run another program first)', '      before: ABC00010;;CCMCertFix', '      after:  (empty)']);
  });
});
