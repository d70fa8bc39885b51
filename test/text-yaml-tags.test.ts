// Tags in the text form's YAML: the YAML library resolves the core schema's own (!!str, !!int, …); a tag it cannot
// resolve (a custom !tag, !!js/function, !!bool on `yes`) it only warns of and reads the value as a plain string, so
// the tag the text asked for was dropped without a word. It is refused at its place.
import { describe, expect, it } from 'vitest';
import { fromYaml, writeTaskSequence } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

const setVariable = (value: string) => `steps:\n  - step: Set Task Sequence Variable\n    settings:\n      variableName: X\n      variableValue: ${value}\n`;
const xmlOf = (text: string) => Buffer.from(writeTaskSequence(fromYaml(text))).toString('utf8');

describe('tags the YAML library cannot resolve', () => {
  it('are refused at the tag, with what it is', () => {
    for (const [tag, shown] of [
      ['!foo bar', '!foo'],
      ['!!js/function "function () {}"', 'tag:yaml.org,2002:js/function'],
      ['!!bool yes', 'tag:yaml.org,2002:bool'],
      ['!!float 1.x', 'tag:yaml.org,2002:float'],
      ['!<tag:example.com,2000:x> a', 'tag:example.com,2000:x'],
    ]) {
      const e = thrown(() => fromYaml(setVariable(tag as string)));
      expect(e.code, tag).toBe('TEXT_MALFORMED');
      expect(e.message, tag).toContain(`Unresolved tag: ${shown}`);
      expect(e.linePos, tag).toEqual({ line: 5, col: 22 });
    }
    const e = thrown(() => fromYaml('steps: !!map []\n'));
    expect(e.code).toBe('TEXT_MALFORMED');
    expect(e.linePos).toEqual({ line: 1, col: 8 });
  });

  it('the core schema\'s own tags, and the non-specific !, are read as YAML says', () => {
    expect(xmlOf(setVariable('!!str 010'))).toContain('"X=010"');
    expect(xmlOf(setVariable('! 010'))).toContain('"X=010"');
    expect(xmlOf(setVariable('!<tag:yaml.org,2002:str> yes'))).toContain('"X=yes"');
    expect(thrown(() => fromYaml(setVariable('!!int 10'))).message).toContain('must be string');
  });
});
