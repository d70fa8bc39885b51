/**
 * New, empty task sequences in each container: a bare `<sequence>` (what `ImportSequence` takes), a ConfigMgr 2007
 * `<SmsTaskSequencePackage>` export, and a Current Branch export's `object.xml` (`SMS_TaskSequencePackage` instance).
 */
import { type ContainerKind, SMS_PACKAGE_ORDER } from '../containers/index.js';
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
  /**
   * Every package property, in order (2007 export and object.xml), instead of the defaults made from `name` and
   * `description`.
   */
  properties?: Record<string, string>;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The package properties a new ConfigMgr 2007 export gets (the console's elements, empty where it has no value). */
export function smsPackageDefaults(options: Pick<NewSequenceOptions, 'name' | 'description'> = {}): Record<string, string> {
  return { BootImageID: '', Category: '', DependentProgram: '', Description: options.description ?? '', Duration: '360', Name: options.name ?? 'New Task Sequence', ProgramFlags: '152084496', SupportedOperatingSystems: '', IconSize: '0' };
}

/** The text of a new, empty task sequence in `container` (CRLF line ends, as the console writes exports). */
export function newSequenceText(container: ContainerKind, options: NewSequenceOptions = {}): string {
  if (container === 'sequence') return `<sequence version="${options.version ?? '3.10'}"></sequence>`;
  if (container === 'sms-package') {
    const props = options.properties ?? smsPackageDefaults(options);
    const lines = ['<?xml version="1.0"?>', '<SmsTaskSequencePackage xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">'];
    const data = ['  <SequenceData>', `    <sequence version="${options.version ?? '3.00'}">`, '    </sequence>', '  </SequenceData>'];
    let placed = false;
    // In the console's element order; properties it does not know keep their place after those it does.
    const rank = (k: string) => (SMS_PACKAGE_ORDER.includes(k) ? SMS_PACKAGE_ORDER.indexOf(k) : SMS_PACKAGE_ORDER.length);
    const ordered = Object.entries(props).sort(([a], [b]) => rank(a) - rank(b));
    for (const [k, v] of ordered) {
      // SequenceData goes where the console writes it: after the properties that sort before it.
      if (!placed && SMS_PACKAGE_ORDER.indexOf(k) > SMS_PACKAGE_ORDER.indexOf('SequenceData')) {
        lines.push(...data);
        placed = true;
      }
      lines.push(v === '' ? `  <${k} />` : `  <${k}>${escape(v)}</${k}>`);
    }
    if (!placed) lines.push(...data);
    return [...lines, '</SmsTaskSequencePackage>', ''].join('\r\n');
  }
  const prop = (n: string, value: string) => [`  <PROPERTY NAME="${escape(n)}" TYPE="string">`, `    <VALUE>${value}</VALUE>`, '  </PROPERTY>'];
  const props = options.properties ?? { Description: options.description ?? '', Name: options.name ?? 'New Task Sequence', ProgramFlags: '152084496' };
  return [
    '<INSTANCE CLASSNAME="SMS_TaskSequencePackage">',
    ...Object.entries(props).flatMap(([k, v]) => prop(k, escape(v))),
    ...prop('Sequence', `<![CDATA[<sequence version="${options.version ?? '3.10'}"></sequence>]]>`),
    '</INSTANCE>',
    '',
  ].join('\r\n');
}

/** A new, empty task sequence document in `container`, ready for steps and groups. */
export function createSequence(container: ContainerKind, options: NewSequenceOptions = {}): TaskSequenceDocument {
  return readTaskSequence(newSequenceText(container, options));
}
