/**
 * The codes cmts reports, each with what it means: the errors that stop the work and the notices that do not. The
 * README's table of codes lists the same. Data only, under errors.ts (which names its code types from these tables):
 * it imports nothing.
 */

/** Every error code cmts can report; the README has a table of them. */
export const ERROR_CODES = {
  INPUT_TOO_LARGE: 'The input is larger than the configured maximum size.',
  ENCODING_INVALID: 'The bytes are not valid text in the encoding their BOM (or lack of one) declares.',
  XML_MALFORMED: 'The input is not well-formed XML.',
  XML_DOCTYPE_FORBIDDEN: 'The input has a DOCTYPE or entity declaration; these are refused so no entity is ever expanded.',
  XML_UNDEFINED_ENTITY: 'The input uses an entity reference other than the five XML predefines and character references.',
  XML_TOO_DEEP: 'Elements are nested deeper than the configured limit.',
  TEXT_TOO_DEEP: 'The YAML text form nests mappings and lists deeper than the configured limit.',
  TEXT_MALFORMED: 'A YAML or JSON text read as a task sequence (the text form build reads, the model convert --to xml reads) is not valid YAML or JSON, or has a key twice in one mapping or object.',
  OUTPUT_MALFORMED: 'An edit would make the written document not well-formed XML (a bad name, character or comment); nothing is written.',
  NOT_A_TASK_SEQUENCE: 'The XML is well-formed but is not a task sequence in any known container.',
  SEQUENCE_MISSING: 'The container was recognised but holds no <sequence>.',
  INVALID_ARGUMENT: 'An API call or option was given a value it cannot use.',
  STEP_NOT_FOUND: 'A step named by a transform or option does not exist.',
  UNSUPPORTED_CONTAINER: 'The operation needs a container the document does not have.',
  DEPENDENT_PROGRAM_CONFLICT: 'A different program is already set to run first.',
  MISSING_CAPTURE_STEP: 'The replace-capture scenario is for a sequence that captures user state, and the sequence has no step that does.',
  MISSING_SETUP_WINDOWS_STEP: 'The scenario needs a Setup Windows and ConfigMgr step and the sequence has none.',
  VARIABLE_IN_PATH: 'A path for the PATCH property contains a %variable%, which can resolve to another drive.',
  PATCH_PATH_TOO_LONG: "A path for the PATCH property is longer than the 259 characters Windows' MAX_PATH allows, so the client installation could not open it.",
  OPTIONS_INVALID: 'Options do not match their schema.',
  NOT_CONFIGMGR_2007: 'The KB977203 preset was given a task sequence that is not ConfigMgr 2007 (the fix applies to 2007 SP1/SP2 only).',
  HOTFIX_INSTALL_STEP: 'A step installs the KB977203 hotfix itself, which stops the client service and fails the task sequence (R1).',
  INSTALL_PROPERTIES_INVALID: 'The Setup Windows and ConfigMgr installation properties cannot be used as they are (an unclosed quote, PATCH twice, PATCH with spaces around = or in single quotes).',
  VARIABLE_HAS_MARKUP: 'A step variable to be rewritten holds a comment or processing instruction besides its text; cmts will not lose them, and will not add a second variable.',
  IO_ERROR: 'A file could not be read or written.',
  INPUT_CHANGED: 'An input to be replaced by its result (--in-place) was changed, replaced or removed after cmts read it; the result is not written, and the file is left as it is now.',
  INTERNAL_ERROR: 'cmts met a case its code does not handle (a bug: please report it with the command line and the input); nothing was written for that input, and the other inputs of a batch are still processed.',
  USAGE_ERROR: 'The command line was refused (an unknown option, a missing value, options that conflict, inputs that match nothing); exit status 2.',
  ZIP_INVALID: 'A .zip export is damaged or uses a zip feature cmts does not support (ZIP64, multi-disk, other compression).',
  ZIP_UNSAFE: 'A .zip export has an entry with an absolute or `..` path (in its name or Unicode path field), two entries with one name, encryption, overlapping entries or absurd sizes (a zip bomb).',
} as const;

/**
 * Codes of issues that do not stop the work (reader warnings, transform and preset diagnostics). Add a code here when
 * a module starts reporting it, so the {@link IssueCode} union stays the list of everything cmts can say.
 */
export const NOTICE_CODES = {
  XML_DECLARATION_NOT_FIRST: 'Comments come before the XML declaration; the file is kept as is, but ConfigMgr refuses it.',
  REFERENCES_NOT_IN_FILE: 'The sequence has no <referenceList> (ConfigMgr 2007 keeps none in the file), so add-reference adds nothing.',
  DEPENDENT_PROGRAM_NOT_IN_FILE: 'A bare <sequence> cannot hold "Run another program first"; set it on the package instead.',
  ZIP_REFERENCES_INFO_UNCHANGED: "A package reference added to (or removed from) a .zip export's sequence is not recorded in its ReferencesInfo.xml: the part is missing or not in a form cmts can edit, or nothing said the package's type.",
  PACKAGE_LEFT_BEHIND: "A sequence built or converted into a container that has no place for some of its package's parts (a bare <sequence> has no package properties; only an object.xml has CIM types, null and array properties and schema data) is written without them.",
  ZIP_REFERENCES_INFO_INCOMPLETE: "A .zip export's ReferencesInfo.xml lists a newly referenced package with an empty name, description or version, because nothing said what it is.",
  KB977203_R1: 'A step installs the KB977203 hotfix itself, which stops the client service and fails the sequence.',
  KB977203_MSP_VERSION: 'The .msp named looks like the patch for the other client service pack.',
  KB977203_CLIENT_PACKAGE_OPTION_UNUSED: "The client package option names another package than a Setup step's own client package: PATCH points into the step's own, which Setup downloads into the cache.",
  KB977203_CAPTURE_SETUP_UNCHANGED: 'A replace-scenario capture sequence gets only "Run another program first".',
  KB977203_SCENARIO_CAPTURE: 'No scenario was given, and a sequence that captures user state and has no Setup Windows and ConfigMgr step is taken for the capture half of a replace (replace-capture).',
  KB977203_CAPTURE_RESTORES: 'The replace-capture scenario was applied by force to a sequence that restores user state (a refresh, or the new computer\'s half), whose Setup steps it leaves without the fix.',
  KB977203_SETUP_DISABLED: 'A Setup Windows and ConfigMgr step is disabled, so the steps added with it are disabled too.',
  KB977203_CERTFIX_ELSEWHERE: 'CCMCertFix runs somewhere it does not count for a Setup Windows and ConfigMgr step.',
  KB977203_PATCH_NOT_REVERSIBLE: 'The preset writes PATCH anew in a form from which revert cannot tell how it was written (revert gives back the same list to Windows Installer, not the original bytes), or replaces or takes out a wrong KB977203 entry, which revert cannot put back, or adds the installation-properties variable a Setup step did not have, which revert leaves empty.',
  KB977203_BRANCHES_NOT_EXCLUSIVE: 'Two Setup Windows and ConfigMgr steps are under opposite conditions, but the engine may still run both.',
  KB977203_CERTFIX_COMMAND_LINE: 'A Run Command Line step runs CCMCertFix.exe: taken for CCMCertFix where an Install Software step would be (and left as it is, though the KB asks for Install Software), or found elsewhere and not used.',
  KB977203_CERTFIX_OTHER_PACKAGE: 'An Install Software step runs a program of the CCMCertFix name from another package than the one given: if it is CCMCertFix, the sequence runs it twice.',
  KB977203_CERTFIX_OTHER_PROGRAM: 'An Install Software step runs the CCMCertFix package with another program than the one the preset wires: if that program is CCMCertFix, the sequence runs it twice.',
  KB977203_RESTART_NOTIFIES: "The restart right after CCMCertFix notifies the user, so it is not the KB's restart: it stays as the administrator's, and the KB's restart goes in before it.",
  KB977203_CERTFIX_TWICE: 'Another CCMCertFix step of the same package and program runs after the one that counts for a Setup Windows and ConfigMgr step (or after the pair the preset inserts there): the sequence can run CCMCertFix twice.',
  KB977203_RESTART_TWICE: "The restart right after CCMCertFix (or right after Setup, where the KB's pair goes in) restarts to Windows PE or does not run exactly when CCMCertFix does, so it is not the KB's restart: it stays as the administrator's, the KB's restart goes in before it, and the computer can restart twice there.",
  KB977203_DEPENDENT_NOT_REVERSIBLE: 'The preset set "Run another program first" where no step it inserts records what the package had: revert leaves it (beside adopted CCMCertFix steps), or leaves it empty rather than absent (replace-capture).',
  KB977203_PROPERTIES_OVERRIDDEN: 'A Set Task Sequence Variable step or a global variable sets SMSClientInstallProperties, which overrides the Setup step\'s installation properties (and the PATCH there) at run time.',
  KB977203_PROPERTIES_MAY_BE_OVERRIDDEN: 'An enabled Run Task Sequence step before Setup runs a child sequence, which is not in the file and may set SMSClientInstallProperties, overriding the Setup step\'s installation properties (and the PATCH there) at run time.',
  KB977203_REVERT_DEPENDENT_KEPT: 'Revert left "Run another program first": every CCMCertFix step is the administrator\'s, or there is none (with no Setup step either, only the replace-capture scenario sets it: revert with that scenario), so nothing records that the preset set it.',
  KB977203_REVERT_RESTART_TIMEOUT_LOST: 'A restart right after CCMCertFix has a message but a time-out of 0, as earlier versions of cmts left a restart whose notice they cleared; revert cannot give the time-out back.',
  KB977203_PATCH_ADOPTED: 'PATCH already lists a right KB977203 entry, which the preset keeps; nothing records that it was there before, so revert will take it out as it does the entry the preset adds.',
  KB977203_PATCH_REQUOTED: 'PATCH lists a right KB977203 entry, which the preset keeps, but not in one list in double quotation marks (R6): the preset writes PATCH anew, quoted, so the entry changes form.',
  KB977203_REVERT_PATCH_REMOVED: 'Revert took the KB977203 entry out of PATCH of a Setup step whose CCMCertFix step (the one apply adopts for it) is the administrator\'s; it cannot tell one the preset added from one the administrator wrote and the preset kept, and names it so that it can be written back.',
  KB977203_REVERT_PATCH_KEPT: 'Revert left the KB977203 entry in PATCH: no step that runs CCMCertFix from the package given counts for its Setup step, so the preset, which always inserts or adopts one, did not write it.',
  KB977203_REVERT_GROUP_KEPT: 'Revert kept a group the preset made around a conditional step, because the group or its step was changed since.',
  KB977203_FORCED_NOT_2007: 'The preset was applied by force to a sequence that does not look like ConfigMgr 2007.',
  KB977203_FORCED_DEPENDENT_REPLACED: 'The preset was applied by force over another program in "Run another program first": that program no longer runs first, and a revert does not bring it back.',
  KB977203_2007_UNCONFIRMED: 'Nothing in the file confirms ConfigMgr 2007, the only version the fix is for.',
  KB977203_ASSUMED_VERSION: 'No client version was given, so the SP2 patch was assumed.',
  KB977203_ASSUMED_DRIVE: 'No drive or source was given, so the task sequence cache was assumed to be on C:.',
  STEP_NAME_LONG: 'A step name is longer than the console shows.',
} as const;
