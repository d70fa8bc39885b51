// A sequence with one branch per OS image (a group under `OSDImage equals Image<i>`, each with its own Setup step)
// has Setup steps in branches that exclude each other. For each Setup step the preset and lint looked for the first
// later Setup step, restore, step or CCMCertFix step that runs once it has run, judging the later branches one by one:
// every one of them is skipped, so n branches took n²/2 judgements, each reading both branches' conditions again
// (2,000 branches took 11-26 s to check, lint or render). The restarts into Windows PE after each Setup step were
// also read one by one, through every later branch's restart. Both are indexed now (kb977203-branch-index.ts,
// `toWinPeAfter`). Counted as reads of the branch groups' and restarts' children, where a condition and a restart's
// target are read: linear, reads grow as the branches do (a timing would be noise on a shared machine).
import { describe, expect, it } from 'vitest';
import { checkKb977203, lint, listItems, readTaskSequence, revertKb977203, type Kb977203Options } from './helpers/api.js';
import { CERTFIX, condition, group, RESTART, SETUP, step, variable } from './helpers/kb-branches.js';
import { countPropertyReads } from './helpers/read-counter.js';

const O: Kb977203Options = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:' };
const PATCH = 'PATCH=&quot;C:\\_SMSTaskSequence\\OSD\\ABC00002\\i386\\hotfix\\KB977203\\SCCM2007AC-SP2-KB977203-x86.msp&quot;';
const branch = (i: number, body: string) => group(`Image ${i}`, body, condition(variable('OSDImage', 'equals', `Image${i}`)));
const sequence = (body: string) => `<sequence version="3.00">${body}\n</sequence>\n`;
const GUARDED_CERTFIX = CERTFIX.replace('runIn="WinPEandFullOS" successCodeList="0 3010">', `runIn="WinPEandFullOS" successCodeList="0 3010">${condition(variable('_SMSTSInWinPE', 'equals', 'false'))}`);

const shapes = {
  /** The review's shape: a Setup step in each branch, and one CCMCertFix step and restart after them all. */
  shared: (n: number) => sequence(Array.from({ length: n }, (_, i) => branch(i, SETUP(`Setup ${i}`, 'SMSSLP=SLP01'))).join('') + CERTFIX + RESTART),
  /** Each branch fixed: Setup with the KB977203 entry, CCMCertFix and a restart. */
  fixed: (n: number) => sequence(Array.from({ length: n }, (_, i) => branch(i, SETUP(`Setup ${i}`, `SMSSLP=SLP01 ${PATCH}`) + CERTFIX + RESTART)).join('')),
  /** A Setup step in each branch and nothing after: the step run next after each is past every later branch. */
  bare: (n: number) => sequence(Array.from({ length: n }, (_, i) => branch(i, SETUP(`Setup ${i}`, 'SMSSLP=SLP01'))).join('')),
  /** Each branch's CCMCertFix step under a condition of its own: not adopted, so each Setup step looks further. */
  guarded: (n: number) => sequence(Array.from({ length: n }, (_, i) => branch(i, SETUP(`Setup ${i}`, `SMSSLP=SLP01 ${PATCH}`) + GUARDED_CERTFIX + RESTART)).join('')),
};

/** The branch groups and restarts of a document, made to count the reads of their children. */
function counted(doc: ReturnType<typeof readTaskSequence>) {
  const read = listItems(doc.sequence).flatMap((l) => (l.node.kind === 'group' || l.node.attributes.type === 'SMS_TaskSequence_RebootAction' ? [l.node] : []));
  return countPropertyReads(read, 'children');
}

/** Reads of the counted children by `run` over `shape` at 200 and at 2,000 branches. */
function reads(shape: (n: number) => string, run: (doc: ReturnType<typeof readTaskSequence>, n: number) => void): [number, number] {
  return [200, 2000].map((n) => {
    const doc = readTaskSequence(shape(n));
    const counter = counted(doc);
    run(doc, n);
    return counter.reads;
  }) as [number, number];
}

/** Ten times the branches cost about ten times the reads (the square grew them a hundredfold), and a few dozen a branch. */
function linear([small, large]: [number, number]) {
  expect(large / small).toBeGreaterThan(8);
  expect(large / small).toBeLessThan(12);
  expect(large).toBeLessThan(100 * 2000);
}

describe('KB977203 and lint on Setup steps in many branches that exclude each other', () => {
  it('check of the shared-pair shape: every Setup step adopts the one pair after them all', () => {
    linear(
      reads(shapes.shared, (doc, n) => {
        const report = checkKb977203(doc, O);
        expect(report.changes).toHaveLength(n);
        expect(report.diagnostics.filter((d) => d.code === 'KB977203_BRANCHES_NOT_EXCLUSIVE')).toEqual([]);
      }),
    );
  });

  it('lint and revert of the fixed shape', () => {
    linear(reads(shapes.fixed, (doc) => expect(lint(doc, ['kb977203/certfix-after-setup', 'kb977203/certfix-without-restart'])).toEqual([])));
    linear(reads(shapes.fixed, (doc, n) => expect(revertKb977203(doc, O).changes).toHaveLength(n)));
  });

  it('check of branches with nothing after them: the KB pair goes in after each Setup step', () => {
    linear(reads(shapes.bare, (doc, n) => expect(checkKb977203(doc, O).changes).toHaveLength(3 * n)));
  });

  it('check of branches whose CCMCertFix step has a condition of its own: none is adopted', () => {
    linear(reads(shapes.guarded, (doc, n) => expect(checkKb977203(doc, O).changes.filter((c) => c.requirement === 'R13')).toHaveLength(n)));
  });

  it('a step between the branches that sets the tested variable still keeps them from excluding each other', () => {
    const setter = step('SMS_TaskSequence_SetVariableAction', 'Set OSDImage', '<action>tsenv.exe "OSDImage=Image0"</action><defaultVarList><variable name="VariableName" property="VariableName">OSDImage</variable><variable name="VariableValue" property="VariableValue">Image0</variable></defaultVarList>');
    const xml = sequence(Array.from({ length: 50 }, (_, i) => (i === 30 ? setter : '') + branch(i, SETUP(`Setup ${i}`, 'SMSSLP=SLP01'))).join('') + CERTFIX + RESTART);
    const notes = checkKb977203(readTaskSequence(xml), O).diagnostics.filter((d) => d.code === 'KB977203_BRANCHES_NOT_EXCLUSIVE');
    // Each Setup step before the setter excludes every branch before it, and not the one right after it.
    expect(notes.map((d) => d.path)).toEqual(Array.from({ length: 30 }, (_, i) => `Image ${i}/Setup ${i}`));
    expect(notes[0]?.message).toMatch(/"Image 30\/Setup 30"[^]*step "Set OSDImage" between them sets "OSDImage"/);
  });
});
