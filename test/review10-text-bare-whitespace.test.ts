import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { memoryIo } from './helpers/memory-io.js';

/** `xml` through convert --to json --whitespace and back to XML. */
async function throughJson(xml: string, whitespace = true): Promise<string> {
  const m = memoryIo({ 'in.xml': xml });
  expect(await main(['convert', 'in.xml', '--to', 'json', ...(whitespace ? ['--whitespace'] : []), '-o', 'in.json'], m.io), m.stderr).toBe(0);
  expect(await main(['convert', 'in.json', '--to', 'xml', '-o', 'out.xml'], m.io), m.stderr).toBe(0);
  return Buffer.from(m.fs.get('out.xml') as Uint8Array).toString('utf8');
}

describe('convert --to json --whitespace and back, for a bare <sequence>', () => {
  it('a sequence on one line (as the console exports it) stays on one line: it came back indented over many lines', async () => {
    const xml = '<sequence version="3.10"><group name="G" description=""><step type="X" name="a" description=""><action>x</action></step></group></sequence>';
    expect(await throughJson(xml)).toBe(xml);
  });

  it('its XML declaration, and what is around the sequence, come back as they were', async () => {
    for (const xml of [
      '<?xml version="1.0"?>\r\n<sequence version="3.10">\r\n  <group name="G" description="" />\r\n</sequence>\r\n',
      '<?xml version="1.0" encoding="utf-8"?><!-- exported --><sequence version="3.10"><group name="G" description=""/></sequence>\n\n',
    ]) {
      expect(await throughJson(xml)).toBe(xml.replace(' />', '/>'));
    }
  });

  it('without --whitespace the sequence is laid out afresh, as before', async () => {
    const out = await throughJson('<?xml version="1.0"?><sequence version="3.10"><group name="G" description=""/></sequence>', false);
    expect(out).toBe('<sequence version="3.10">\r\n  <group name="G" description=""/>\r\n</sequence>');
  });
});
