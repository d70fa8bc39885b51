// A step or group a script moved in from another document kept its place in that document's text, and positionOf
// read that offset as one in this file: lint put the finding at a line and column of this file that hold something
// else (1:34, inside another group). Such a node now has no position (as a node created since has none); nodes read
// from this file, an object.xml's embedded sequence included, keep theirs.
import { describe, expect, it } from 'vitest';
import { insertAfter, lint, readTaskSequence, removeItem, type Group } from './helpers/api.js';

const LONG = 'n'.repeat(60);
const groupOf = (doc: ReturnType<typeof readTaskSequence>, name: string) => doc.sequence.children.find((c): c is Group => c.kind === 'group' && c.attributes.name === name)!;

describe('lint: the place of a node moved in from another document', () => {
  it('has no line and column in the document it was moved into', () => {
    const from = readTaskSequence(`<sequence version="3.00">\n\n\n\n\n\n\n\n<group name="${LONG}" description=""/></sequence>`);
    const to = readTaskSequence('<sequence version="3.00"><group name="x" description=""/></sequence>');
    const moved = groupOf(from, LONG);
    removeItem(from.sequence, moved);
    insertAfter(to.sequence, groupOf(to, 'x'), [moved]);
    expect(lint(to).map((d) => [d.code, d.path, d.line, d.col])).toEqual([['name-too-long', LONG, undefined, undefined]]);
    expect(to.positionOf(groupOf(to, 'x'))).toEqual({ line: 1, col: 26 });
  });

  it('a node of an embedded sequence keeps its place in the outer file', () => {
    const inner = `<sequence version="3.00">\r\n<group name="a" description=""/>\r\n<group name="${LONG}" description=""/></sequence>`;
    const doc = readTaskSequence(`<?xml version="1.0"?>\r\n<SmsTaskSequencePackage>\r\n<Name>X</Name>\r\n<SequenceData><![CDATA[${inner}]]></SequenceData>\r\n</SmsTaskSequencePackage>\r\n`);
    expect(lint(doc).map((d) => [d.code, d.line, d.col])).toEqual([['name-too-long', 6, 1]]);
  });
});
