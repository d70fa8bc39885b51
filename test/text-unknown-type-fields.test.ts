// A step of a type the catalog does not know keeps every field the text form gives it: its time-out, runIn and
// success codes are written as attributes (they were dropped, and the build said nothing), and settings, which only a
// catalog type can map to variables, are refused at their place rather than left out.
import { describe, expect, it } from 'vitest';
import { fromYaml, toYaml } from '../lib/api/text.js';
import { findSteps, readTaskSequence, writeTaskSequenceText } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

const text = (fields: string) => `steps:\n  - type: Contoso_Step\n    name: S\n${fields}    action: contoso.exe\n`;

describe('a step of a type the catalog does not know, in the text form', () => {
  it('is written with its timeout, runIn and success codes, in the console order, and reads back as written', () => {
    const doc = fromYaml(text('    disabled: true\n    timeout: 900\n    runIn: FullOS\n    successCodes: [0, 5]\n'));
    const xml = writeTaskSequenceText(doc);
    expect(xml).toContain('<step type="Contoso_Step" name="S" description="" disable="true" timeout="900" runIn="FullOS" successCodeList="0 5">');
    const again = fromYaml(toYaml(readTaskSequence(xml)));
    expect(findSteps(again.sequence)[0]?.node.attributes).toEqual(findSteps(doc.sequence)[0]?.node.attributes);
  });

  it('with settings is refused, naming the item, as nothing says what they are written as', () => {
    const e = thrown(() => fromYaml(text('    settings: { foo: bar }\n')));
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.message).toContain('Contoso_Step');
    // Placed at the settings given, not at the start of the item (its line 2).
    expect(e.linePos).toEqual({ line: 4, col: 15 });
  });
});
