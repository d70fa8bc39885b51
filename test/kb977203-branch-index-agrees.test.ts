// The branch index (kb977203-branch-index.ts) and the index of restarts into Windows PE answer what the item-by-item
// walks they replace answered, on random layouts of branches: conditions of every kind the branch check reads (equals,
// notEquals, exists, notExists, under `and`, `or` and `not`, on variables of the administrator's and the sequence's,
// with values the engine may take for one), nested and disabled groups and steps, steps that set the tested variable
// between branches, restarts into Windows PE and the installed OS, restores and CCMCertFix steps anywhere. The walks
// are kept here as they were, built on `skippedAfter`, which the index does not use.
import { describe, expect, it } from 'vitest';
import { listItems, readTaskSequence, type Located, type SequenceItem } from './helpers/api.js';
import { conditionsApartFrom, disabledApartFrom, neverRuns, restartsToOs, restartsToWinPe, runsProgram, sameCondition } from '../lib/presets/kb977203-step-queries.js';
import { skippedAfter } from '../lib/presets/kb977203-branches.js';
import { branchIndex } from '../lib/presets/kb977203-branch-index.js';
import { executionOrder, type SetterIndex } from '../lib/presets/kb977203-execution-order.js';
import { firstAbove } from '../lib/min-search.js';
import { disabledRestartPassed, disabledRestartsAt, nextStepRunAfter } from '../lib/presets/kb977203-restart-after.js';

/** A small seeded generator (xorshift32), so that a failure names a layout that can be made again. */
function random(seed: number) {
  let s = seed >>> 0 || 1;
  const next = () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
  return { next, pick: <T>(a: readonly T[]) => a[Math.floor(next() * a.length)] as T, chance: (p: number) => next() < p };
}

/** A random sequence of branches (see the file comment). */
function layout(seed: number): string {
  const r = random(seed);
  const vars = r.chance(0.5) ? ['X', 'x', 'Y', '_SMSTSInWinPE'] : ['X', 'Y'];
  const values = r.chance(0.5) ? ['1', '01', '010', '8', '2', 'True', ' true', 'A', 'a', '%V%', '0x1', '-1', '', 'Image1'] : ['1', '2', '3'];
  let n = 0;
  const expr = (v: string, op: string, value: string) => `<expression type="SMS_TaskSequence_VariableConditionExpression"><variable name="Operator">${op}</variable><variable name="Value">${value}</variable><variable name="Variable">${v}</variable></expression>`;
  const operand = (depth: number): string => {
    if (depth < 2 && r.chance(0.2)) {
      const type = r.pick(['and', 'or', 'not', 'not']);
      return `<operator type="${type}">${Array.from({ length: type === 'not' ? 1 : 2 }, () => operand(depth + 1)).join('')}</operator>`;
    }
    if (r.chance(0.1)) return '<expression type="SMS_TaskSequence_WMIConditionExpression"><variable name="Namespace">root\\cimv2</variable><variable name="Query">SELECT * FROM Win32_Battery</variable></expression>';
    const op = r.pick(['equals', 'equals', 'notEquals', 'exists', 'notExists']);
    return expr(r.pick(vars), op, op.endsWith('xists') ? '' : r.pick(values));
  };
  const cond = (p: number) => (r.chance(p) ? `<condition>${operand(0)}${r.chance(0.2) ? operand(0) : ''}</condition>` : '');
  const off = (p: number) => (r.chance(p) ? ' disable="true"' : '');
  const step = (type: string, name: string, body: string) => `<step type="${type}" name="${name} ${n++}"${off(0.12)}>${cond(0.3)}${body}</step>`;
  const steps = [
    () => step('SMS_TaskSequence_SetupWindowsAndSMSAction', 'Setup', '<action>OSDSetupWindows.exe</action>'),
    () => step('SMS_TaskSequence_SetupWindowsAndSMSAction', 'Setup', '<action>OSDSetupWindows.exe</action>'),
    () => step('SMS_TaskSequence_InstallSoftwareAction', 'CCMCertFix', '<action>smsswd.exe /pkg:ABC00010 /install</action><defaultVarList><variable name="PackageID" property="PackageID">ABC00010</variable><variable name="_SMSSWDProgramName" property="ProgramName">CCMCertFix</variable></defaultVarList>'),
    () => step('SMS_TaskSequence_RebootAction', 'Restart', `<action>smsboot.exe</action><defaultVarList><variable name="SMSRebootTarget" property="Target">${r.pick(['HD', 'WinPE'])}</variable></defaultVarList>`),
    () => step('SMS_TaskSequence_RestoreUserStateAction', 'Restore', '<action>OSDUSMTRestore.exe</action>'),
    () => step('SMS_TaskSequence_SetVariableAction', 'Set', `<action>tsenv.exe</action><defaultVarList><variable name="VariableName" property="VariableName">${r.pick(vars)}</variable><variable name="VariableValue" property="VariableValue">1</variable></defaultVarList>`),
    () => step('SMS_TaskSequence_RunCommandLineAction', 'Echo', '<action>cmd /c echo</action>'),
  ];
  const items = (depth: number, count: number): string =>
    Array.from({ length: count }, () => (depth < 3 && r.chance(0.3) ? `<group name="G ${n++}"${off(0.1)}>${cond(0.6)}${items(depth + 1, Math.floor(r.next() * 4))}</group>` : r.pick(steps)())).join('');
  // Mostly sibling branches on one variable, as a sequence for many images has, with items between them.
  const v = r.pick(vars);
  // Half of them one image a branch, as such a sequence has: most branches exclude all others.
  const images = r.chance(0.5);
  const branches = Array.from({ length: 2 + Math.floor(r.next() * (r.chance(0.5) ? 24 : 8)) }, (_, b) => {
    const own = images && r.chance(0.9) ? expr(v, 'equals', `Image${b}`) : expr(r.chance(0.85) ? v : r.pick(vars), r.pick(['equals', 'equals', 'notEquals', 'exists', 'notExists']), r.chance(0.6) ? `Image${Math.floor(r.next() * 12)}` : r.pick(values));
    // A CCMCertFix step after Setup, at times under the branch's condition too (then it may be the one taken).
    const certfix = r.chance(0.5) ? (steps[2] as () => string)().replace(/(<step [^>]*>)(<condition>.*?<\/condition>)?/, r.chance(0.5) ? `$1<condition>${own}</condition>` : '$1$2') : '';
    const body = (steps[0] as () => string)() + certfix + items(2, Math.floor(r.next() * 3));
    return `<group name="B ${n++}"${off(0.08)}><condition>${r.chance(0.2) ? `<operator type="${r.pick(['and', 'not'])}">${own}</operator>` : own}</condition>${body}</group>${r.chance(0.2) ? items(3, 1) : ''}`;
  }).join('');
  const shared = r.chance(0.25) ? `<group name="Shared"><condition>${expr(v, r.pick(['equals', 'notEquals']), 'Image1')}</condition>${branches}</group>` : branches;
  return `<sequence version="3.00">${r.chance(0.7) ? shared + items(0, Math.floor(r.next() * 4)) : items(0, 4 + Math.floor(r.next() * 8))}</sequence>`;
}

/** The walk `firstRunAfter` replaces: each item of `positions` after `setup` judged in turn. */
function firstRunAfterWalk(positions: readonly number[], setup: Located, items: readonly Located[], setters: SetterIndex, at: (n: SequenceItem) => number, notes: { item: Located; why: string }[], below = Infinity): number {
  for (let k = firstAbove(positions, at(setup.node)); k < positions.length; k++) {
    const i = positions[k] as number;
    if (i >= below) return -1;
    const found = skippedAfter(setup, items[i] as Located, setters, at);
    if (found.skipped) continue;
    if (found.why !== undefined) notes.push({ item: items[i] as Located, why: found.why });
    return i;
  }
  return -1;
}

/** The walk `nextStepRunAfter` replaces: the engine's, entering each group not passed over. */
function nextStepWalk(listed: readonly Located[], from: Located, setters: SetterIndex, at: (n: SequenceItem) => number): [number, number] {
  const runs = !neverRuns(from);
  const neverAfter = (l: Located) => (runs && neverRuns(l)) || skippedAfter(from, l, setters, at).skipped;
  let passed = -1;
  for (let i = at(from.node) + 1; i < listed.length; i++) {
    const l = listed[i] as Located;
    if (neverAfter(l)) {
      if (passed === -1) passed = i;
      if (l.node.kind !== 'group') continue;
      const depth = l.groups.length;
      while (i + 1 < listed.length && (listed[i + 1] as Located).groups[depth] === l.node) i++;
      continue;
    }
    if (l.node.kind !== 'group') return [i, passed];
  }
  return [-1, passed];
}

describe('the branch index answers as the walks it replaces', () => {
  it('on random layouts of branches', () => {
    let setups = 0;
    let passedOver = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const doc = readTaskSequence(layout(seed));
      const items = listItems(doc.sequence);
      const order = executionOrder(doc, (item) => runsProgram(item, 'ABC00010', 'CCMCertFix'), items);
      const at = (n: SequenceItem) => order.index.get(n) ?? -1;
      const index = branchIndex(items, order.setters, at);
      const setupsAt = order.byType('SMS_TaskSequence_SetupWindowsAndSMSAction');
      const where = (i: number) => `seed ${seed}, item ${i}`;
      for (const p of setupsAt) {
        const setup = items[p] as Located;
        setups++;
        const [walked, notes] = [[] as { item: Located; why: string }[], [] as { item: Located; why: string }[]];
        const boundary = firstRunAfterWalk(setupsAt, setup, items, order.setters, at, walked);
        expect(index.firstRunAfter(setupsAt, setup, notes), where(p)).toBe(boundary);
        const below = boundary === -1 ? Infinity : boundary;
        const restore = firstRunAfterWalk(order.stateRestoreAt, setup, items, order.setters, at, walked, below);
        expect(index.firstRunAfter(order.stateRestoreAt, setup, notes, below), where(p)).toBe(restore);
        expect(notes, where(p)).toEqual(walked);
        // Any `takes` that refuses an item with a condition apart from Setup that Setup has none like.
        const takes = (l: Located) => at(l.node) % 3 !== 0 && conditionsApartFrom(l, setup).every((c) => conditionsApartFrom(setup, l).some((s) => sameCondition(c, s)));
        const end = Math.min(...[boundary, restore, items.length].filter((i) => i !== -1));
        const taken = order.certfixAt.find((i) => i > p && i < end && takes(items[i] as Located)) ?? -1;
        expect(index.firstTaken(order.certfixAt, setup, end, takes), where(p)).toBe(taken);
        for (const last of [end, items.length]) {
          const restarts = order.byType('SMS_TaskSequence_RebootAction').filter((i) => i > p && i < last);
          const toWinPe = restarts.find((i) => {
            const l = items[i] as Located;
            return restartsToWinPe(l.node) && !disabledApartFrom(l, setup);
          });
          expect(order.toWinPeAfter(p, last), where(p)).toBe(toWinPe === undefined ? undefined : items[toWinPe]);
        }
      }
      const disabled = disabledRestartsAt(items);
      items.forEach((from, i) => {
        const [next, passed] = nextStepWalk(items, from, order.setters, at);
        const run = nextStepRunAfter(items, from, at, index);
        expect([run.next === undefined ? -1 : at(run.next.node), run.passed === undefined ? -1 : at(run.passed.node)], where(i)).toEqual([next, passed]);
        if (passed !== -1) passedOver++;
        const end = next === -1 ? items.length : next;
        const off = passed === -1 || neverRuns(from) ? undefined : items.slice(passed, end).find((l) => restartsToOs(l.node) && neverRuns(l));
        expect(disabledRestartPassed(items, from, run, at, () => disabled), where(i)).toBe(off);
      });
    }
    // The layouts reach what they are for: many Setup steps, and steps passed over in branches.
    expect(setups).toBeGreaterThan(2000);
    expect(passedOver).toBeGreaterThan(1000);
  });
});
