// A review of convert, build and diff on lived-in files found:
// - a step whose successCodeList (or retryCount) says another thing than its SuccessCodes (RetryCount) variable came
//   back from YAML with the variable's value: another step to the engine, and only `cmts diff` saw it;
// - attributes of <action>, <defaultVarList>, <globalVarList> and <referenceList> were dropped by the text form;
// - a line feed in a step's name was printed raw by diff, making a line that reads as another entry;
// - a description over 255 characters made convert fail with no place given;
// - a package property taken out of the model JSON gave an error that named nothing.
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import { diffTaskSequences, formatDiffEntry, readTaskSequence } from './helpers/api.js';
import { memoryIo } from './helpers/memory-io.js';

const STEP = (attributes: string, variables: string) =>
  `<sequence version="3.10">\n  <step type="SMS_TaskSequence_RunCommandLineAction" name="Run" description="" ${attributes}>\n    <action>cmd /c exit 0</action>\n    <defaultVarList>\n${variables}    </defaultVarList>\n  </step>\n</sequence>\n`;
const CODES = '      <variable name="CommandLine" property="CommandLine" hidden="true">cmd /c exit 0</variable>\n      <variable name="SuccessCodes" property="SuccessCodes" hidden="true">0 3010</variable>\n';

/** XML → YAML → XML through the command line; the built bytes, and what `cmts diff` says of the two. */
async function roundTrip(xml: string): Promise<{ built: string; diff: number; out: string }> {
  const m = memoryIo({ 'in.xml': xml });
  expect(await main(['convert', 'in.xml', '--to', 'yaml', '-o', 'in.yaml'], m.io)).toBe(0);
  expect(await main(['build', 'in.yaml', '-o', 'out.xml'], m.io)).toBe(0);
  const d = memoryIo({ 'in.xml': xml, 'out.xml': m.fs.get('out.xml') as Uint8Array });
  const diff = await main(['diff', 'in.xml', 'out.xml'], d.io);
  return { built: Buffer.from(m.fs.get('out.xml') as Uint8Array).toString('utf8'), diff, out: d.stdout };
}

describe('convert and build keep what the file says', () => {
  it('a successCodeList that says another thing than the SuccessCodes variable comes back as written', async () => {
    const xml = STEP('successCodeList="0" retryCount="0"', CODES);
    const { built, diff, out } = await roundTrip(xml);
    expect(built).toContain('successCodeList="0"');
    expect(built).not.toContain('successCodeList="0 3010"');
    expect([diff, out]).toEqual([0, '']);
  });

  it('so does a retryCount that says another thing than the RetryCount variable', async () => {
    const xml = `<sequence version="3.10">\n  <step type="SMS_TaskSequence_InstallApplicationAction" name="Apps" description="" runIn="FullOS" successCodeList="0" retryCount="0" runFromNet="false">\n    <action>smsappinstall.exe /app: /basevar:APPS /continueOnError:False</action>\n    <defaultVarList>\n      <variable name="BaseVariableName" property="BaseVariableName" hidden="true">APPS</variable>\n      <variable name="RetryCount" property="RetryCount" hidden="true">2</variable>\n    </defaultVarList>\n  </step>\n</sequence>\n`;
    const { built, diff } = await roundTrip(xml);
    expect(built).toContain('retryCount="0"');
    expect(diff).toBe(0);
  });

  it.each([
    ['<action>', (x: string) => x.replace('<action>', '<action note="keep">'), 'the attribute note of <action>'],
    ['<defaultVarList>', (x: string) => x.replace('<defaultVarList>', '<defaultVarList note="keep">'), 'the attribute note of <defaultVarList>'],
    ['<globalVarList>', (x: string) => x.replace('<sequence version="3.10">\n', '<sequence version="3.10">\n  <globalVarList extra="1"><variable name="A" property="A">1</variable></globalVarList>\n'), 'the attribute extra of <globalVarList>'],
    ['<referenceList>', (x: string) => x.replace('<sequence version="3.10">\n', '<sequence version="3.10">\n  <referenceList extra="1"><reference package="ABC00001"/></referenceList>\n'), 'the attribute extra of <referenceList>'],
  ])('an attribute of %s is refused, not dropped', async (_, edit, what) => {
    const xml = edit(STEP('', CODES));
    const m = memoryIo({ 'in.xml': xml });
    expect(await main(['convert', 'in.xml', '--to', 'yaml', '-o', 'in.yaml'], m.io)).toBe(1);
    expect(m.stderr).toContain(`cannot carry ${what}`);
    expect(m.fs.has('in.yaml')).toBe(false);
  });

  it('a description over 255 characters goes through the raw attributes, and comes back', async () => {
    const long = 'd'.repeat(256);
    const xml = STEP(`successCodeList="0 3010"`, CODES).replace('description=""', `description="${long}"`);
    const { built, diff } = await roundTrip(xml);
    expect(built).toContain(`description="${long}"`);
    expect(diff).toBe(0);
  });

  it('a package property taken out of the model JSON is named', async () => {
    const xml = '<?xml version="1.0"?>\n<SmsTaskSequencePackage><Name>N</Name><DependentProgram /><SequenceData><sequence version="3.00"/></SequenceData></SmsTaskSequencePackage>\n';
    const m = memoryIo({ 'in.xml': xml });
    expect(await main(['convert', 'in.xml', '--to', 'json', '-o', 'in.json'], m.io)).toBe(0);
    const model = JSON.parse(Buffer.from(m.fs.get('in.json') as Uint8Array).toString('utf8')) as { properties: Record<string, string> };
    expect(model.properties).toHaveProperty('DependentProgram');
    delete model.properties.DependentProgram;
    const j = memoryIo({ 'in.json': JSON.stringify(model) });
    expect(await main(['convert', 'in.json', '--to', 'xml', '-o', 'out.xml'], j.io)).toBe(1);
    expect(j.stderr).toContain('the JSON has no "DependentProgram" property');
  });
});

describe('diff keeps each entry on its line', () => {
  const named = (command: string) => `<sequence version="3.10">\n  <step type="SMS_TaskSequence_RunCommandLineAction" name="Format disk&#10;- step Fake" description=""><action>${command}</action></step>\n</sequence>\n`;

  it('a line feed in a name is written \\n, in cmts diff and in formatDiffEntry', async () => {
    const m = memoryIo({ 'a.xml': named('cmd /c one'), 'b.xml': named('cmd /c two') });
    expect(await main(['diff', 'a.xml', 'b.xml'], m.io)).toBe(1);
    const lines = m.stdout.split('\n');
    expect(lines.filter((l) => l.startsWith('- step'))).toEqual([]);
    expect(lines).toContain('~ step Format disk\\n- step Fake command line:');
    const entries = diffTaskSequences(readTaskSequence(named('cmd /c one')), readTaskSequence(named('cmd /c two')));
    expect(entries.map(formatDiffEntry).every((l) => !l.includes('\n'))).toBe(true);
  });
});
