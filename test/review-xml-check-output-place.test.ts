// The last check before writing (checkOutput) refuses text that is not well-formed with a place, as the writer's own
// OUTPUT_MALFORMED has one: the offsets and line/column in the text checked, and the XPath of the element open there.
import { describe, expect, it } from 'vitest';
import { checkWrittenBytes } from '../lib/write.js';
import { checkOutput } from '../lib/xml/check-output.js';
import { thrown } from './helpers/thrown.js';

describe('checkOutput places OUTPUT_MALFORMED', () => {
  it('a mismatched end tag: range, line/column and the path of the element it is in', () => {
    const text = '<sequence version="3.10">\n  <group name="a>b"><step name="x"/><step name="y"><action>cmd</group>\n</sequence>';
    const e = thrown(() => checkOutput(text, 'The output'));
    expect(e.code).toBe('OUTPUT_MALFORMED');
    const at = text.indexOf('</group>');
    expect(e.range).toEqual([at, at]);
    expect(e.linePos).toEqual({ line: 2, col: at - text.indexOf('\n') });
    expect(e.path).toBe('/sequence[1]/group[1]/step[2]/action[1]');
  });

  it('skips comments, instructions, CDATA and self-closed elements on the way', () => {
    const text = '<?xml version="1.0"?><!-- <a> --><s><?pi <b>?><x/><![CDATA[<c>]]><x><y a="/>"/><y>&bad;</y></x></s>';
    const e = thrown(() => checkOutput(text, 'The output'));
    expect(e.path).toBe('/s[1]/x[2]/y[2]');
    expect(e.linePos?.line).toBe(1);
  });

  it('at the top level the path is the document', () => {
    expect(thrown(() => checkOutput('<a/><b/>', 'The output')).path).toBe('/');
  });

  it('checkWrittenBytes gives the same place', () => {
    const e = thrown(() => checkWrittenBytes(Buffer.from('<a>\n<b></a>')));
    expect(e).toMatchObject({ code: 'OUTPUT_MALFORMED', range: [7, 7], linePos: { line: 2, col: 4 }, path: '/a[1]/b[1]' });
  });
});
