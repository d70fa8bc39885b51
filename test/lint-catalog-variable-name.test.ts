// A known setting written under another task sequence variable name than the console writes for its property
// (`<variable name="SMSRebootTimeOutX" property="MessageTimeout">`) read as the setting everywhere, since views match
// variables by property, and lint said nothing; the engine sets the variable by its name, which the step does not
// read. catalog/variable-name reports it (a warning), and a hidden flag the console does not write (information), in
// steps of the console's form only: MDT Lite Touch writes other names for the same properties (corpus 01, 05).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addStep, createSequence, lint, readTaskSequence, stepView, type Step } from './helpers/api.js';
import { FIXTURES_DIR, wellFormedCorpusFiles } from './helpers/corpus.js';

const FIXTURE = readFileSync(join(FIXTURES_DIR, 'lint', 'catalog-variable-name.xml'), 'utf8');
const found = (text: string) => lint(readTaskSequence(text), ['catalog/variable-name']).map((i) => `${i.line}:${i.col} ${i.severity} ${i.path} ${i.message}`);

/** A console-form Restart Computer step in a Current Branch sequence, as the builders write it. */
function restartText(): string {
  const doc = createSequence('sequence');
  addStep(doc, 'Restart Computer', { name: 'R', settings: { target: 'HD', messageTimeout: 30 } }, { last: doc.sequence });
  return doc.toString();
}

/** `text` with `from` replaced by `to`, which must be there. */
function edited(text: string, from: string, to: string): string {
  const out = text.replace(from, to);
  if (out === text) throw new Error(`no ${from} in the text`);
  return out;
}

describe('catalog/variable-name', () => {
  it('finds a setting under another name (an array item\'s too) and a hidden flag the console does not write', () => {
    expect(found(FIXTURE)).toEqual([
      '6:5 warning Variable names/Renamed Restart Computer writes messageTimeout (property MessageTimeout) as the variable SMSRebootTimeOutX; the console names it SMSRebootTimeout, the task sequence variable the step reads at run time, so the setting may have no effect.',
      '6:5 info Variable names/Renamed Restart Computer writes target (variable SMSRebootTarget) with hidden="false", where the console writes hidden="true". The flag is not known to change what the step does; the step is not as the console writes it.',
      '22:5 info Variable names/Drivers Apply Driver Package writes unsignedDriver (variable OSDAllowUnsignedDriver) with hidden="true", which the console does not write for it. The flag is not known to change what the step does; the step is not as the console writes it.',
      '30:5 warning Variable names/Partition Format and Partition Disk writes partitions[0].type (property Partitions0Type) as the variable OSDPartition0Type; the console names it OSDPartitions0Type, the task sequence variable the step reads at run time, so the setting may have no effect.',
    ]);
  });

  it('the typed view reads the misnamed variable as the setting, which is why only lint can tell', () => {
    const doc = readTaskSequence(FIXTURE);
    const step = doc.steps().find((s) => s.node.attributes.name === 'Renamed')?.node as Step;
    expect(stepView<'SMS_TaskSequence_RebootAction'>(step).settings.messageTimeout).toBe(30);
  });

  it('a name that differs only in letter case is no finding: task sequence variable names are not case-sensitive', () => {
    // The fixture's "Other case" step (line 14) writes smsrebootmessage, SMSREBOOTTIMEOUT and hidden="TRUE".
    expect(found(FIXTURE).filter((f) => f.startsWith('14:'))).toEqual([]);
    expect(found(edited(restartText(), 'name="SMSRebootTimeout"', 'name="smsreboottimeout"'))).toEqual([]);
  });

  it('a builder\'s step is clean; each edit of the reviewer\'s reproduction is found', () => {
    const text = restartText();
    const renamed = edited(text, 'name="SMSRebootTimeout"', 'name="SMSRebootTimeOutX"');
    // All rules: this one alone speaks of it (catalog/unknown-variable knows the variable by its property).
    expect(lint(readTaskSequence(renamed)).map((i) => `${i.severity} ${i.code}`)).toEqual(['warning catalog/variable-name']);
    expect(found(text)).toEqual([]);
    expect(found(edited(text, 'property="MessageTimeout">', 'property="MessageTimeout" hidden="true">'))).toEqual([expect.stringContaining('info R Restart Computer writes messageTimeout (variable SMSRebootTimeout) with hidden="true"')]);
    expect(found(edited(text, '<variable name="SMSRebootTimeout" ', '<variable '))).toEqual([expect.stringContaining('writes messageTimeout (property MessageTimeout) with no variable name;')]);
  });

  it('the console\'s name with another property (or none) is found: the property is the class\'s, which the console keeps the setting in', () => {
    const text = restartText();
    const other = edited(text, 'property="MessageTimeout"', 'property="MessageTimeOut2"');
    // Read as the setting by its name, so the typed view shows nothing wrong: lint alone can tell.
    expect(stepView<'SMS_TaskSequence_RebootAction'>(readTaskSequence(other).sequence.children.find((c): c is Step => c.kind === 'step') as Step).settings.messageTimeout).toBe(30);
    expect(lint(readTaskSequence(other)).map((i) => `${i.severity} ${i.code}`)).toEqual(['warning catalog/variable-name']);
    expect(found(other)).toEqual([
      expect.stringContaining("warning R Restart Computer writes messageTimeout (variable SMSRebootTimeout) with the property MessageTimeOut2; the console's property for it is MessageTimeout, the property of the step's class"),
    ]);
    expect(found(edited(text, ' property="MessageTimeout"', ''))).toEqual([expect.stringContaining('writes messageTimeout (variable SMSRebootTimeout) with no property;')]);
    // WMI's property names are not case-sensitive.
    expect(found(edited(text, 'property="MessageTimeout"', 'property="messagetimeout"'))).toEqual([]);
  });

  it('an array item\'s field with another property is found, named by its item', () => {
    const doc = createSequence('sequence');
    addStep(doc, 'Format and Partition Disk', { name: 'P', settings: { diskIndex: 0, partitionStyle: 'GPT', partitions: [{ type: 'Primary', quickFormat: true }] } }, { last: doc.sequence });
    const text = doc.toString();
    expect(found(text)).toEqual([]);
    expect(found(edited(text, 'property="Partitions0Type"', 'property="Partition0Type"'))).toEqual([
      expect.stringContaining('writes partitions[0].type (variable OSDPartitions0Type) with the property Partition0Type; the console\'s property for it is Partitions0Type'),
    ]);
  });

  it('a hidden flag left out where the console writes it is MDT\'s spelling: the step is not in the console\'s form, and not checked', () => {
    expect(found(edited(restartText(), 'property="Target" hidden="true"', 'property="Target"'))).toEqual([]);
  });

  it('MDT Lite Touch\'s names for a console class (corpus 05\'s Message, MessageTimeout, Target) are not reported', () => {
    const mdt = '<sequence version="3.10"><step type="SMS_TaskSequence_RebootAction" name="Restart computer" description="" disable="false" continueOnError="false" runIn="WinPEandFullOS" successCodeList="0 3010"><defaultVarList><variable name="Message" property="Message" /><variable name="MessageTimeout" property="MessageTimeout">60</variable><variable name="Target" property="Target" /></defaultVarList><action>smsboot.exe /target:WinPE</action></step></sequence>';
    expect(found(mdt)).toEqual([]);
  });

  it('a sequence older than Current Branch is not checked (the catalog\'s spellings are verified against Current Branch exports)', () => {
    // A 3.00 sequence whose steps have no retryCount (which only Current Branch writes) is 2007 to 2012 R2's.
    expect(found(edited(FIXTURE, 'version="3.10"', 'version="3.00"').replaceAll(' retryCount="0"', ''))).toEqual([]);
  });

  it('a variable whose spelling the catalog has not observed in an export is not held to it', () => {
    // Join Domain or Workgroup's OSDJoinDomainOUName is inferred from the naming rule, not seen in an export.
    const doc = createSequence('sequence');
    addStep(doc, 'Join Domain or Workgroup', { name: 'J', settings: { type: '0', domainName: 'corp.example', domainOuName: 'LDAP://OU=PCs,DC=corp,DC=example' } }, { last: doc.sequence });
    const text = doc.toString();
    expect(found(text)).toEqual([]);
    expect(found(edited(text, 'name="OSDJoinDomainOUName"', 'name="OSDDomainOUName"'))).toEqual([]);
  });

  it('finds nothing in the real exports of the corpus', () => {
    for (const { name, bytes } of wellFormedCorpusFiles()) expect(lint(readTaskSequence(bytes), ['catalog/variable-name']), name).toEqual([]);
  });
});
