/**
 * New, empty task sequences in each container: a bare `<sequence>` (what `ImportSequence` takes), a ConfigMgr 2007
 * `<SmsTaskSequencePackage>` export, and a Current Branch export's `object.xml` (`SMS_TaskSequencePackage` instance).
 */
import { packagePropertyType } from '../containers/cim-types.js';
import { checkPackagePropertyName, type ContainerKind, SEQUENCE_HOLDER, SMS_PACKAGE_ORDER } from '../containers/index.js';
import type { TaskSequenceDocument } from '../document.js';
import { TaskSequenceError } from '../errors.js';
import { describeGiven } from '../model/child-nodes.js';
import { readTaskSequence } from '../read.js';
import { INVALID_CHAR } from '../xml/chars.js';

/** Options for {@link createSequence}. */
export interface NewSequenceOptions {
  /** The package's name (2007 export and object.xml); default 'New Task Sequence'. */
  name?: string;
  /** Default ''. */
  description?: string;
  /**
   * The schema version: `3.10` (Current Branch) or `3.00` (ConfigMgr 2007 to 2012 R2). Default: `3.00` for the 2007
   * export, `3.10` otherwise. With the container it fixes the release the sequence is for (see {@link createSequence}).
   */
  version?: '3.00' | '3.10';
  /**
   * Every package property, in order (2007 export and object.xml), instead of the defaults made from `name` and
   * `description`. Not the one the container holds the sequence in (`SequenceData`, `Sequence`): that is refused.
   */
  properties?: Record<string, string>;
  /**
   * The deepest nesting of elements the document's text may be written with: the `maxDepth` of the reader that is to
   * read it back (deeper is refused, `XML_TOO_DEEP`, as that reader would). Default 256, the reader's.
   */
  maxDepth?: number;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Text as a double-quoted attribute value: a tab, LF or CR as a character reference, which a reader gives back as
 * itself (written as they are, attribute-value normalisation reads each as a space: a property named with a tab was
 * read back under another name, and lost the CIM type given for its own).
 */
function escapeAttribute(text: string): string {
  return escape(text).replace(/\t/g, '&#x9;').replace(/\n/g, '&#xA;').replace(/\r/g, '&#xD;');
}

/**
 * A property's value as the content of its element in the CRLF text made here: a CR as `&#xD;`, which a reader gives
 * back as a CR (a literal one is a line end to it), and each LF as the text's CR LF.
 */
function escapeValue(text: string): string {
  return escape(text).replace(/\r/g, '&#xD;').replace(/\n/g, '\r\n');
}

/** The package properties a new ConfigMgr 2007 export gets (the console's elements, empty where it has no value). */
export function smsPackageDefaults(options: Pick<NewSequenceOptions, 'name' | 'description'> = {}): Record<string, string> {
  return { BootImageID: '', Category: '', DependentProgram: '', Description: options.description ?? '', Duration: '360', Name: options.name ?? 'New Task Sequence', ProgramFlags: '152084496', SupportedOperatingSystems: '', IconSize: '0' };
}

const CONTAINERS: readonly string[] = ['sequence', 'sms-package', 'cim-instance'];
const VERSIONS: readonly string[] = ['3.00', '3.10'];

/** Refuses an option; `path` is the text form's section it comes from (`package`), where `fromYaml` places the error. */
function refuse(message: string, path?: string): never {
  throw new TaskSequenceError('INVALID_ARGUMENT', message, path === undefined ? {} : { path });
}

function checkText(what: string, value: unknown, path?: string): void {
  if (typeof value !== 'string') refuse(`${what} must be text, not ${value === null ? 'null' : typeof value}.`, path);
  if (INVALID_CHAR.test(value)) refuse(`${what} holds a character XML does not allow (a control character or a lone surrogate).`, path);
}

/**
 * Checks what a script passed (a JavaScript caller has no compiler to do it): each option is spliced into the new
 * document's text, so one that is not what it should be would be written as something else, or break the document.
 */
function checkOptions(container: unknown, options: NewSequenceOptions): void {
  if (!CONTAINERS.includes(container as string)) refuse(`The container is one of ${CONTAINERS.join(', ')}, not ${describeGiven(container)}.`);
  if (typeof options !== 'object' || options === null) refuse('The options must be an object.');
  if (options.version !== undefined && !VERSIONS.includes(options.version)) refuse(`version is 3.00 or 3.10, not ${describeGiven(options.version)}.`);
  if (options.name !== undefined) checkText('name', options.name);
  if (options.description !== undefined) checkText('description', options.description);
  if (options.properties === undefined) return;
  if (typeof options.properties !== 'object' || options.properties === null) refuse('properties must be an object of texts.', 'package');
  for (const [k, v] of Object.entries(options.properties)) {
    // A 2007 export writes each property as an element named after it; object.xml names it in an attribute.
    if (container === 'sms-package') checkPackagePropertyName(k, { path: 'package' });
    else if (k === '' || INVALID_CHAR.test(k)) refuse(`The property name ${JSON.stringify(k)} cannot name a package property.`, 'package');
    // Written beside the new sequence's own, it made a second <SequenceData> (the file then read as having no
    // sequence), or a second Sequence property, whose text was read as the sequence instead of the new, empty one.
    if (container !== 'sequence' && k === SEQUENCE_HOLDER[container as Exclude<ContainerKind, 'sequence'>]) refuse(`${k} holds the task sequence itself, which a new sequence writes; it cannot be given as a package property.`, 'package');
    checkText(`The property ${k}`, v, 'package');
  }
}

/** The text of a new, empty task sequence in `container` (CRLF line ends, as the console writes exports). */
export function newSequenceText(container: ContainerKind, options: NewSequenceOptions = {}): string {
  checkOptions(container, options);
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
      lines.push(v === '' ? `  <${k} />` : `  <${k}>${escapeValue(v)}</${k}>`);
    }
    if (!placed) lines.push(...data);
    return [...lines, '</SmsTaskSequencePackage>', ''].join('\r\n');
  }
  const prop = (n: string, value: string, type = packagePropertyType(n)) => [`  <PROPERTY NAME="${escapeAttribute(n)}" TYPE="${type}">`, `    <VALUE>${value}</VALUE>`, '  </PROPERTY>'];
  const props = options.properties ?? { Description: options.description ?? '', Name: options.name ?? 'New Task Sequence', ProgramFlags: '152084496' };
  return [
    '<INSTANCE CLASSNAME="SMS_TaskSequencePackage">',
    ...Object.entries(props).flatMap(([k, v]) => prop(k, escapeValue(v))),
    ...prop('Sequence', `<![CDATA[<sequence version="${options.version ?? '3.10'}"></sequence>]]>`, 'string'),
    '</INSTANCE>',
    '',
  ].join('\r\n');
}

/**
 * A new, empty task sequence document in `container`, ready for steps and groups.
 *
 * The container, and the version for a bare sequence, say which ConfigMgr release the sequence is for, and so which
 * step types `addStep` and `buildStep` take into it and how they spell them (lint's `catalog/step-version` judges a
 * file read from disk the same way):
 * - `sms-package`, a ConfigMgr 2007 export: ConfigMgr 2007. A step type first shipped later (Check Readiness, Run
 *   PowerShell Script, Run Task Sequence, …) is refused, as the 2007 console could not import it;
 * - `sequence` with `version: '3.00'`: ConfigMgr 2007 to 2012 R2 (what their consoles write); a Current Branch step type
 *   (Run Task Sequence, …) is refused;
 * - `cim-instance` (a Current Branch export's object.xml), or `sequence` with `3.10` (the default): Current Branch.
 */
export function createSequence(container: ContainerKind, options: NewSequenceOptions = {}): TaskSequenceDocument {
  return readTaskSequence(newSequenceText(container, options), options.maxDepth === undefined ? {} : { maxDepth: options.maxDepth });
}
