import { describe, expect, it } from 'vitest';
import { readTaskSequence, type ErrorCode, type ReadOptions } from './helpers/api.js';
import { thrown } from './helpers/thrown.js';

const failure = (input: string | Uint8Array, options: ReadOptions = {}) => thrown(() => readTaskSequence(input, options));

describe('bad input fails with a code and a place', () => {
  const cases: [string, string, ErrorCode, number, number][] = [
    ['mismatched end tag', '<sequence version="3.00">\n  <group>\n  </step>\n</sequence>', 'XML_MALFORMED', 3, 3],
    ['unclosed element', '<sequence version="3.00">\n<group name="a">', 'XML_MALFORMED', 2, 1],
    ['unquoted attribute', '<sequence version=3.00/>', 'XML_MALFORMED', 1, 19],
    ['duplicate attribute', '<sequence a="1" a="2"/>', 'XML_MALFORMED', 1, 17],
    ['bare ampersand', '<sequence>\n<step name="a & b"/></sequence>', 'XML_MALFORMED', 2, 15],
    ['undefined entity', '<sequence>&nbsp;</sequence>', 'XML_UNDEFINED_ENTITY', 1, 11],
    ['DOCTYPE', '<?xml version="1.0"?>\n<!DOCTYPE sequence [<!ENTITY a "aaaa">]>\n<sequence>&a;</sequence>', 'XML_DOCTYPE_FORBIDDEN', 2, 1],
    ['DOCTYPE in any case of white space after it', '<!DOCTYPE\tsequence>\n<sequence/>', 'XML_DOCTYPE_FORBIDDEN', 1, 1],
    ['entity declaration outside a DOCTYPE', '<sequence/>\n<!ENTITY\na "b">', 'XML_DOCTYPE_FORBIDDEN', 2, 1],
    // No declaration without white space after its keyword (XML 1.0 [28]): markup XML does not know.
    ['<!DOCTYPEx>, which is no DOCTYPE', '<!DOCTYPEx>\n<sequence/>', 'XML_MALFORMED', 1, 1],
    ['<!ENTITYa>, which is no declaration', '<sequence>\n<!ENTITYa></sequence>', 'XML_MALFORMED', 2, 1],
    ['text after the root', '<sequence/>\nx', 'XML_MALFORMED', 2, 1],
    ['two roots', '<sequence/><sequence/>', 'XML_MALFORMED', 1, 12],
    ['control character', '<sequence>\u0001</sequence>', 'XML_MALFORMED', 1, 11],
    ['empty input', '', 'XML_MALFORMED', 1, 1],
    ['not a task sequence', '<?xml version="1.0"?>\n<Package/>', 'NOT_A_TASK_SEQUENCE', 1, 1],
    ['other CIM class', '<INSTANCE CLASSNAME="SMS_Package"/>', 'NOT_A_TASK_SEQUENCE', 1, 1],
    ['2007 wrapper without a sequence', '<SmsTaskSequencePackage><SequenceData/></SmsTaskSequencePackage>', 'SEQUENCE_MISSING', 1, 1],
    ['CDATA sequence malformed', '<INSTANCE CLASSNAME="SMS_TaskSequencePackage">\n<PROPERTY NAME="Sequence"><VALUE><![CDATA[<sequence><step></sequence>]]></VALUE></PROPERTY></INSTANCE>', 'XML_MALFORMED', 2, 59],
    ['XML declaration in the middle', '<sequence><?xml version="1.0"?></sequence>', 'XML_MALFORMED', 1, 11],
  ];
  for (const [what, input, code, line, col] of cases) {
    it(what, () => {
      const e = failure(input, { file: 'x.xml' });
      expect(e.code).toBe(code);
      expect(e.linePos).toEqual({ line, col });
      expect(e.file).toBe('x.xml');
      expect(e.format()).toMatch(new RegExp(`^x\\.xml:${line}:${col}: ${code} `));
    });
  }

  it('refuses input over the size bound before parsing', () => {
    expect(failure('<sequence/>', { maxBytes: 5 }).code).toBe('INPUT_TOO_LARGE');
  });

  it('refuses nesting deeper than the bound', () => {
    const deep = '<sequence>' + '<group>'.repeat(50) + '</group>'.repeat(50) + '</sequence>';
    expect(failure(deep, { maxDepth: 20 }).code).toBe('XML_TOO_DEEP');
    expect(readTaskSequence(deep).sequence.kind).toBe('sequence');
  });

  it('refuses bytes that are not valid in their encoding', () => {
    expect(failure(Buffer.from([0x3c, 0x73, 0xff, 0x3e])).code).toBe('ENCODING_INVALID');
    expect(failure(Buffer.from([0xff, 0xfe, 0x3c])).code).toBe('ENCODING_INVALID');
    expect(failure('<sequence>\ud800</sequence>').code).toBe('ENCODING_INVALID');
  });

  it('expands no entity: character references decode, nothing else does', () => {
    const doc = readTaskSequence('<sequence version="&#51;.00" a="&#xD;&#xA;&lt;"/>');
    expect(doc.sequence.attributes).toEqual({ version: '3.00', a: '\r\n<' });
  });

  it('refuses an XML declaration after comments or white space, with its position (XML 1.0 allows it only first)', () => {
    const e = failure('<!-- note -->\n<?xml version="1.0"?>\n<sequence/>');
    expect(e).toMatchObject({ code: 'XML_MALFORMED', linePos: { line: 2, col: 1 } });
    expect(failure(' <?xml version="1.0"?><sequence/>').code).toBe('XML_MALFORMED');
  });
});
