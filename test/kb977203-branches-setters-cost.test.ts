// One Setup step in an `IsLaptop equals True` branch, then many `IsLaptop notEquals True` branches with a Setup step
// each: the engine skips every later branch once the first ran, and the preset checks for each of them that no step
// between the two conditions sets IsLaptop. It did so by reading every step between them, so the first Setup step's
// plan read the square of the sequence's steps (4,000 branches took 10 s). The steps that set each variable are now
// indexed once (kb977203-execution-order.ts, setterIndex). Counted as reads of the steps' children, which is how a
// step's variables are read (a timing would be noise on a shared machine).
import { describe, expect, it } from 'vitest';
import { applyKb977203, checkKb977203, listItems, readTaskSequence, revertKb977203, writeTaskSequence, type Kb977203Options } from './helpers/api.js';
import { condition, group, SETUP, step, variable } from './helpers/kb-branches.js';
import { countPropertyReads } from './helpers/read-counter.js';

const O: Kb977203Options = { certfixPackage: 'ABC00010', clientVersion: 'sp2', drive: 'C:' };
const N = 300;
const command = (i: number) => step('SMS_TaskSequence_RunCommandLineAction', `Step ${i}`, `<action>smsswd.exe /run: cmd /c echo ${i}</action><defaultVarList><variable name="CommandLine" property="CommandLine">cmd /c echo ${i}</variable></defaultVarList>`);
/** A sequence of `n` desktop branches after the laptop one; `setter` goes between desktop branches `at - 1` and `at`. */
const input = (n: number, setter = '', at = -1) =>
  `<sequence version="3.00">${group('Laptops', SETUP('Setup (laptops)', 'SMSSLP=SLP01'), condition(variable('IsLaptop', 'equals', 'True')))}${Array.from({ length: n }, (_, b) =>
    (b === at ? setter : '') + group(`Desktops ${b}`, SETUP(`Setup (desktops ${b})`, 'SMSSLP=SLP01') + [0, 1, 2, 3, 4].map((i) => command(5 * b + i)).join(''), condition(variable('IsLaptop', 'notEquals', 'True'))),
  ).join('')}\n</sequence>\n`;

/** Makes each Run Command Line step's `children` count its reads. */
function countCommandReads(doc: ReturnType<typeof readTaskSequence>) {
  const steps = listItems(doc.sequence).flatMap((l) => (l.node.kind === 'step' && l.node.attributes.type === 'SMS_TaskSequence_RunCommandLineAction' ? [l.node] : []));
  expect(steps).toHaveLength(5 * N);
  return countPropertyReads(steps, 'children');
}

describe('KB977203 on one Setup branch that excludes many later ones', () => {
  it('reads each step between the branches a bounded number of times, not once per later branch', () => {
    const doc = readTaskSequence(input(N));
    const counter = countCommandReads(doc);
    const report = checkKb977203(doc, O);
    // A PATCH entry and a CCMCertFix pair for every Setup step: no later branch has a CCMCertFix step to share.
    expect(report.changes).toHaveLength(3 * (N + 1));
    // A scan per later branch reads about 5N²/2 (225,000 here); the index reads each step's variables once,
    // and the rest of the preset reads each step's children about 15 times.
    expect(counter.reads).toBeLessThan(30 * 5 * N);
  });

  it('apply and revert read them a bounded number of times too, and revert gives the bytes back', () => {
    const doc = readTaskSequence(input(N));
    const applying = countCommandReads(doc);
    applyKb977203(doc, O);
    expect(applying.reads).toBeLessThan(30 * 5 * N);
    const back = readTaskSequence(writeTaskSequence(doc));
    const reverting = countCommandReads(back);
    expect(revertKb977203(back, O).changes).toHaveLength(3 * (N + 1));
    expect(reverting.reads).toBeLessThan(30 * 5 * N);
    expect(Buffer.from(writeTaskSequence(back)).toString()).toBe(input(N));
  });

  it('the index finds a step that sets the variable far from both branches, as the scan did', () => {
    // A Set Task Sequence Variable step setting IsLaptop before the last desktop branch: the laptop branch excludes
    // every desktop branch before it, and not that one (the step may run between them), and the preset says why.
    const setter = step('SMS_TaskSequence_SetVariableAction', 'Set IsLaptop', '<action>tsenv.exe "IsLaptop=False"</action><defaultVarList><variable name="VariableName" property="VariableName">islaptop</variable><variable name="VariableValue" property="VariableValue">False</variable></defaultVarList>');
    const report = checkKb977203(readTaskSequence(input(N, setter, N - 1)), O);
    const notes = report.diagnostics.filter((d) => d.code === 'KB977203_BRANCHES_NOT_EXCLUSIVE');
    expect(notes).toHaveLength(1);
    expect(notes[0]?.path).toBe('Laptops/Setup (laptops)');
    expect(notes[0]?.message).toMatch(/step "Set IsLaptop" between them sets "IsLaptop"/);
  });
});
