/**
 * New, empty task sequences in each container: a bare `<sequence>` (what `ImportSequence` takes), a ConfigMgr 2007
 * `<SmsTaskSequencePackage>` export, and a Current Branch export's `object.xml` (`SMS_TaskSequencePackage` instance).
 */
import type { ContainerKind } from '../containers/index.js';
import type { TaskSequenceDocument } from '../document.js';
import { readTaskSequence } from '../read.js';

/** Options for {@link createSequence}. */
export interface NewSequenceOptions {
  /** The package's name (2007 export and object.xml); default 'New Task Sequence'. */
  name?: string;
  /** Default ''. */
  description?: string;
  /**
   * The schema version: `3.10` (Current Branch) or `3.00` (ConfigMgr 2007 to 2012 R2). Default: `3.00` for the 2007
   * export, `3.10` otherwise.
   */
  version?: '3.00' | '3.10';
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The text of a new, empty task sequence in `container` (CRLF line ends, as the console writes exports). */
export function newSequenceText(container: ContainerKind, options: NewSequenceOptions = {}): string {
  const name = escape(options.name ?? 'New Task Sequence');
  const description = escape(options.description ?? '');
  if (container === 'sequence') return `<sequence version="${options.version ?? '3.10'}"></sequence>`;
  if (container === 'sms-package') {
    return [
      '<?xml version="1.0"?>',
      '<SmsTaskSequencePackage xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">',
      '  <BootImageID />',
      '  <Category />',
      '  <DependentProgram />',
      description === '' ? '  <Description />' : `  <Description>${description}</Description>`,
      '  <Duration>360</Duration>',
      `  <Name>${name}</Name>`,
      '  <ProgramFlags>152084496</ProgramFlags>',
      '  <SequenceData>',
      `    <sequence version="${options.version ?? '3.00'}">`,
      '    </sequence>',
      '  </SequenceData>',
      '  <SupportedOperatingSystems />',
      '  <IconSize>0</IconSize>',
      '</SmsTaskSequencePackage>',
      '',
    ].join('\r\n');
  }
  const prop = (n: string, origin: string, type: string, value: string) => [`  <PROPERTY NAME="${n}" CLASSORIGIN="${origin}" TYPE="${type}">`, `    <VALUE>${value}</VALUE>`, '  </PROPERTY>'];
  return [
    '<INSTANCE CLASSNAME="SMS_TaskSequencePackage">',
    ...prop('Description', 'SMS_PackageBaseclass', 'string', description),
    ...prop('Name', 'SMS_PackageBaseclass', 'string', name),
    ...prop('ProgramFlags', 'SMS_TaskSequencePackage', 'uint32', '152084496'),
    ...prop('Sequence', 'SMS_TaskSequencePackage', 'string', `<![CDATA[<sequence version="${options.version ?? '3.10'}"></sequence>]]>`),
    '</INSTANCE>',
    '',
  ].join('\r\n');
}

/** A new, empty task sequence document in `container`, ready for steps and groups. */
export function createSequence(container: ContainerKind, options: NewSequenceOptions = {}): TaskSequenceDocument {
  return readTaskSequence(newSequenceText(container, options));
}
