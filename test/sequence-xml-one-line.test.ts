// sequenceToXml(sequence, { newline: '' }) of a sequence with no layout of its own (JSON without its whitespace, a
// sequence built by hand) is to put it on one line, as the console exports a sequence. It wrote each line's
// indentation without the line end: spaces between the elements, more of them the deeper the element
// (`<sequence version="3.00">  <group …>    <step …/>  </group></sequence>`). It now writes nothing between them.
import { describe, expect, it } from 'vitest';
import { fromModelJson, readTaskSequence, sequenceToXml, toModelJson } from './helpers/api.js';

const ONE_LINE = '<sequence version="3.00"><group name="g" description=""><step type="T" name="a"><action>x y</action></step></group></sequence>';

describe('a sequence with no layout, written on one line', () => {
  it('has nothing between its elements, as the console writes it', () => {
    const laidOut = readTaskSequence(ONE_LINE.replace('<group', '\n  <group').replace('<step', '\n    <step').replace('</group>', '\n  </group>\n'));
    const model = fromModelJson(JSON.parse(JSON.stringify(toModelJson(laidOut))));
    expect(sequenceToXml(model.sequence, { newline: '' })).toBe(ONE_LINE);
    expect(sequenceToXml(model.sequence, { newline: '', indent: '\t' })).toBe(ONE_LINE);
  });

  it('is laid out with line ends and indentation for any other newline, as before, and a one-line read stays one line', () => {
    const model = toModelJson(readTaskSequence(ONE_LINE));
    expect(sequenceToXml(readTaskSequence(ONE_LINE).sequence, { newline: '' })).toBe(ONE_LINE);
    expect(sequenceToXml(fromModelJson(JSON.parse(JSON.stringify(model))).sequence, { newline: '\n' })).toBe(
      '<sequence version="3.00">\n  <group name="g" description="">\n    <step type="T" name="a">\n      <action>x y</action>\n    </step>\n  </group>\n</sequence>',
    );
  });
});
