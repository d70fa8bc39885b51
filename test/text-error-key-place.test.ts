// What is wrong with a key is placed at the key, what is wrong with a value at the value. The place was found with
// the YAML library's getIn, which matches a key only by its exact value: a key written 123, "0", true or as an alias
// was not found, and the error came with the place of its mapping, or with none. A wrong value written as a flow
// mapping or list was placed at its key; a wrong value that says nothing (`name:`) after the colon, at the line end.
import { describe, expect, it } from 'vitest';
import { buildSequence, fromYaml } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

const restart = (lines: string[]) => `steps:\n  - step: Restart Computer\n${lines.map((l) => `    ${l}\n`).join('')}`;

describe('an error of the text form is placed at what is wrong', () => {
  const cases: { what: string; text: string; line: number; col: number; says: string }[] = [
    { what: 'an unknown setting written as a number', text: restart(['settings:', '  target: HD', '  123: 5']), line: 5, col: 7, says: 'additional properties (123)' },
    { what: 'an unknown setting "0" (a name, not a list index)', text: restart(['settings:', '  target: HD', '  "0": 5']), line: 5, col: 7, says: 'additional properties (0)' },
    { what: 'an unknown key true on a step', text: restart(['name: N', 'true: 1']), line: 4, col: 5, says: 'additional properties (true)' },
    { what: 'an unknown key that is an alias', text: restart(['name: &k bogus', '*k : 1']), line: 4, col: 5, says: 'additional properties (bogus)' },
    { what: 'an unknown key in a flow mapping', text: restart(['settings: {target: HD, 7: x}']), line: 3, col: 28, says: 'additional properties (7)' },
    { what: 'a flow list where a string goes', text: restart(['settings:', '  target: [HD]']), line: 4, col: 15, says: 'settings.target: must be string' },
    { what: 'a flow mapping where a list goes', text: 'steps: {a: 1}\n', line: 1, col: 8, says: 'steps: must be array' },
    { what: 'a block mapping where a list goes (at its key: the value starts a line below)', text: 'steps:\n  a: 1\n', line: 1, col: 1, says: 'steps: must be array' },
    { what: 'a value left empty', text: restart(['name:', 'description: d']), line: 3, col: 5, says: 'steps.0.name: must be string' },
    { what: 'an attribute name written as a number that XML cannot hold', text: 'steps:\n  - group: G\n    attributes:\n      name: G\n      0: x\n', line: 5, col: 7, says: '"0" (steps.0.attributes) is not an XML name' },
    { what: 'a package type for the Sequence property', text: 'container: cim-instance\npackageTypes:\n  Sequence: string\nsteps: []\n', line: 3, col: 3, says: 'the Sequence property holds the sequence' },
    { what: 'settings on a step of no catalog type (at settings, not at the item)', text: 'steps:\n  - name: N\n    description: d\n    settings: {}\n', line: 4, col: 15, says: 'so it has no settings' },
  ];
  for (const c of cases) {
    it(c.what, () => {
      const e = thrown(() => fromYaml(c.text));
      expect(e.message).toContain(c.says);
      expect(e.linePos).toEqual({ line: c.line, col: c.col });
    });
  }

  it('a key twice is placed at the second, through an alias too', () => {
    const e = thrown(() => fromYaml(restart(['name: &n name', 'description: d', '*n : M'])));
    expect(e.message).toContain('"name" is a second time in one mapping');
    expect(e.linePos).toEqual({ line: 5, col: 5 });
  });

  it('buildSequence gives the path of the field, as fromYaml the place', () => {
    expect(thrown(() => buildSequence({ steps: [{ name: 'N', settings: {} }] })).path).toBe('steps/0/settings');
    expect(thrown(() => buildSequence({ steps: [{ group: 'G', steps: [{ type: 'Vendor_Step', settings: {} }] }] })).path).toBe('steps/0/steps/0/settings');
  });
});
