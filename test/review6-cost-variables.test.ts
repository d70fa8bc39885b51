// Reading or setting each of a step's N variables one by one cost N searches of N variables: 8,000 took a second,
// 100,000 minutes. A long list is now indexed (kept current by cmts's own adds, made again after any edit that changes
// the list's array or its length, every answer checked against the list). These count the work deterministically and
// pin that the index never answers from a list edited behind its back.
import { describe, expect, it } from 'vitest';
import { findVariable, getVariableValue, readTaskSequence, setVariable, type Node, type Step, type Variable, type VariableList } from './helpers/api.js';
import { countPropertyReads, type ReadCounter } from './helpers/read-counter.js';

const N = 2_000;

/** A step of `n` variables V0…V(n-1) (property P0…), laid out one a line, each value v<i>. */
function bigStep(n: number): { step: Step; list: VariableList } {
  const vars = Array.from({ length: n }, (_, i) => `\n    <variable name="V${i}" property="P${i}">v${i}</variable>`).join('');
  const doc = readTaskSequence(`<sequence version="3.10">\n  <step type="SMS_TaskSequence_RunCommandLineAction" name="s">\n    <action>cmd</action>\n    <defaultVarList>${vars}\n    </defaultVarList>\n  </step>\n</sequence>`);
  const step = doc.sequence.children.find((c): c is Step => c.kind === 'step') as Step;
  const list = step.children.find((c): c is VariableList => c.kind === 'variableList') as VariableList;
  return { step, list };
}

/** Makes each variable's `name` count how often it is read. */
function countNameReads(list: VariableList): ReadCounter {
  return countPropertyReads(list.children.flatMap((c) => (c.kind === 'variable' ? [c.attributes] : [])), 'name');
}

const variable = (name: string, value: string, property = name): Variable => ({ kind: 'variable', tag: 'variable', attributes: { name, property }, value });

/** The lookup rule by a plain search, as a reference: the first of the name (case ignored), else the first of the property. */
function reference(list: VariableList, name: string, property = name): Variable | undefined {
  const vars = list.children.filter((c): c is Variable => c.kind === 'variable');
  return vars.find((v) => v.attributes.name?.toLowerCase() === name.toLowerCase()) ?? vars.find((v) => v.attributes.property === property);
}

describe('variables of one step with thousands of them', () => {
  it('reads each of N variables with about one read of each name, not N', () => {
    const { step, list } = bigStep(N);
    const counter = countNameReads(list);
    for (let i = 0; i < N; i++) expect(getVariableValue(step, `V${i}`)).toBe(`v${i}`);
    // A search per lookup reads N²/2 names (two million here); the index reads each name once or twice to be made,
    // then the found variable's to check the answer.
    expect(counter.reads).toBeLessThan(6 * N);
  });

  it('sets each of N existing variables, and adds N new ones, with work linear in N; the adds are found at once', () => {
    const { step, list } = bigStep(N);
    const counter = countNameReads(list);
    for (let i = 0; i < N; i++) setVariable(step, `V${i}`, `w${i}`);
    for (let i = 0; i < N; i++) setVariable(step, `New${i}`, `n${i}`);
    expect(counter.reads).toBeLessThan(6 * N);
    for (let i = 0; i < N; i += 97) {
      expect(getVariableValue(step, `V${i}`)).toBe(`w${i}`);
      expect(getVariableValue(step, `new${i}`)).toBe(`n${i}`);
    }
    // Each added once, laid out like its neighbours, after the variables that were there.
    const vars = list.children.filter((c): c is Variable => c.kind === 'variable');
    expect(vars).toHaveLength(2 * N);
    expect(vars[N]?.attributes).toEqual({ name: 'New0', property: 'New0' });
    expect(list.children[list.children.indexOf(vars[N] as Node) - 1]).toEqual({ kind: 'text', value: '\n    ' });
  });

  it('answers as a search does after edits of the children array behind its back', () => {
    const { step, list } = bigStep(N);
    const look = (name: string) => findVariable(step, name);
    // Indexed: two lookups of the same list.
    expect(look('V5')?.value).toBe('v5');
    expect(look('V6')?.value).toBe('v6');

    // A variable pushed by hand is found, and one of the same name spliced in before an existing one wins.
    list.children.push(variable('Pushed', 'p'));
    expect(look('Pushed')?.value).toBe('p');
    list.children.splice(1, 0, variable('v7', 'earlier'));
    expect(look('V7')?.value).toBe('earlier');
    expect(look('V7')).toBe(reference(list, 'V7'));

    // A variable removed by hand is gone; the array replaced by a filtered copy is read as it is.
    const v9 = look('V9') as Variable;
    list.children.splice(list.children.indexOf(v9), 1);
    expect(look('V9')).toBeUndefined();
    list.children = list.children.filter((c) => !(c.kind === 'variable' && c.attributes.name === 'V10'));
    expect(look('V10')).toBeUndefined();
    expect(look('V11')?.value).toBe('v11');

    // Replaced in place (the array and its length unchanged): the found variable is no longer there.
    const v12 = look('V12') as Variable;
    list.children[list.children.indexOf(v12)] = variable('Other', 'o');
    expect(look('V12')).toBeUndefined();
    expect(look('Other')?.value).toBe('o');

    // Renamed in place: not found by its old name; by its property only where no variable has that name.
    const v13 = look('V13') as Variable;
    v13.attributes.name = 'Renamed';
    expect(getVariableValue(step, { name: 'V13', property: 'none' })).toBeUndefined();
    expect(findVariable(step, { name: 'V13', property: 'P13' })).toBe(v13);
    expect(look('Renamed')).toBe(v13);

    // A step's whole list replaced by a new one of the same length is a new list.
    const copy: VariableList = { ...list, children: list.children.map((c) => (c.kind === 'variable' ? { ...c, attributes: { ...c.attributes }, value: `${c.value}!` } : c)) };
    step.children[step.children.indexOf(list)] = copy;
    expect(look('V14')?.value).toBe('v14!');
    expect(look('V14')).toBe(copy.children.find((c) => c.kind === 'variable' && c.attributes.name === 'V14'));
  });

  it('finds by name first, then by property, as the search does, whatever the order of lookups', () => {
    const { step, list } = bigStep(100);
    // P3 is also the property of a later variable named X; a name match anywhere wins over a property match.
    list.children.push(variable('X', 'x', 'P3'), variable('P3', 'named P3', 'Q'));
    for (const key of ['P3', 'V3', 'X', 'x', 'P50', 'Q', 'nothing', 'v99']) {
      expect(findVariable(step, { name: key, property: key })).toBe(reference(list, key));
      expect(findVariable(step, { name: 'no such name', property: key })).toBe(reference(list, 'no such name', key));
    }
  });
});
