/**
 * The CIM types of SMS_TaskSequencePackage's scalar properties that are not strings, as a Current Branch export's
 * object.xml writes them (`<PROPERTY NAME="ProgramFlags" … TYPE="uint32">`, the shared corpus's CB export): a new
 * object.xml gets them for the properties it is given, where the text or the script says no type of its own.
 */
const TYPES: Readonly<Record<string, string>> = {
  ActionInProgress: 'uint32',
  CustomHighImpactSet: 'uint32',
  Duration: 'uint32',
  EstimatedDownloadSizeMB: 'uint32',
  EstimatedRunTimeMinutes: 'uint32',
  ExtendedDataSize: 'uint32',
  ForcedDisconnectDelay: 'uint32',
  ForcedDisconnectEnabled: 'boolean',
  ForcedDisconnectNumRetries: 'uint32',
  HighImpactTaskSequence: 'uint32',
  IconSize: 'uint32',
  IgnoreAddressSchedule: 'boolean',
  ISVDataSize: 'uint32',
  IsVersionCompatible: 'boolean',
  LastRefreshTime: 'datetime',
  NumOfPrograms: 'uint32',
  PackageSize: 'uint32',
  PackageType: 'uint32',
  PkgFlags: 'uint32',
  PkgSourceFlag: 'uint32',
  Priority: 'uint32',
  ProgramFlags: 'uint32',
  ReferencesCount: 'uint32',
  RefreshPkgSourceFlag: 'boolean',
  RestartRequired: 'uint32',
  ShareType: 'uint32',
  SourceDate: 'datetime',
  SourceVersion: 'uint32',
  StoredPkgVersion: 'uint32',
  TaskSequenceFlags: 'uint32',
  TsEnabled: 'boolean',
  Type: 'uint32',
};

/** The CIM type a new object.xml writes for a task sequence package property: its class's, else `string`. */
export function packagePropertyType(name: string): string {
  return Object.hasOwn(TYPES, name) ? (TYPES[name] as string) : 'string';
}
