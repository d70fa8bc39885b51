import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { readTaskSequence, toModelJson } from './helpers/api.js';
import { memoryIo } from './helpers/memory-io.js';

/** A bare sequence in windows-1252 (é is one byte, 0xE9), as a console on a Western European Windows can save it. */
const BARE = Buffer.from(
  '<?xml version="1.0" encoding="windows-1252"?>\r\n<sequence version="3.10"><group name="Caf\u00e9" description=""><step type="SMS_TaskSequence_RunCommandLineAction" name="r\u00e9" description="" successCodeList="0 3010"><action>cmd /c echo \u00e9</action><defaultVarList><variable name="CommandLine" property="CommandLine">cmd /c echo \u00e9</variable></defaultVarList></step></group></sequence>\r\n',
  'latin1',
);

const PACKAGE = Buffer.from(
  '<?xml version="1.0" encoding="windows-1252"?>\r\n<SmsTaskSequencePackage xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">\r\n  <Name>Caf\u00e9</Name>\r\n  <SequenceData>\r\n    <sequence version="3.00"><group name="\u00e9" description="" /></sequence>\r\n  </SequenceData>\r\n</SmsTaskSequencePackage>\r\n',
  'latin1',
);

/** XML → JSON → XML through the CLI: the XML written, read back. */
async function roundTrip(bytes: Buffer, edit: (json: Record<string, unknown>) => void = () => {}, extra: string[] = []) {
  const m = memoryIo({ 'in.xml': bytes });
  expect(await main(['convert', 'in.xml', '--to', 'json', '-o', 'in.json'], m.io)).toBe(0);
  const json = JSON.parse(Buffer.from(m.fs.get('in.json') as Uint8Array).toString('utf8')) as Record<string, unknown>;
  edit(json);
  m.fs.set('in.json', Buffer.from(JSON.stringify(json)));
  const code = await main(['convert', 'in.json', '--to', 'xml', '-o', 'out.xml', ...extra], m.io);
  expect(code, m.stderr).toBe(0);
  return { doc: readTaskSequence(m.fs.get('out.xml') as Uint8Array), stderr: m.stderr };
}

describe('convert --to xml writes a single-byte encoding with a declaration that names it', () => {
  it('a bare windows-1252 sequence comes back in windows-1252 with the same model (its bytes were read as UTF-8 and refused)', async () => {
    const { doc } = await roundTrip(BARE);
    expect(doc.encoding).toEqual({ encoding: 'windows-1252', bom: false });
    expect(toModelJson(doc).sequence).toEqual(toModelJson(readTaskSequence(BARE)).sequence);
  });

  it('--bare of a windows-1252 2007 export, and the export built afresh without its wrapper, read back in windows-1252', async () => {
    const bare = await roundTrip(PACKAGE, () => {}, ['--bare']);
    expect([bare.doc.container, bare.doc.encoding.encoding]).toEqual(['sequence', 'windows-1252']);
    expect(toModelJson(bare.doc).sequence).toEqual(toModelJson(readTaskSequence(PACKAGE)).sequence);
    const fresh = await roundTrip(PACKAGE, (json) => delete json.wrapper);
    expect([fresh.doc.container, fresh.doc.encoding.encoding, fresh.doc.properties().Name]).toEqual(['sms-package', 'windows-1252', 'Caf\u00e9']);
  });
});
