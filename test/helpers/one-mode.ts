// Settings that exclude each other or need each other (lib/catalog/setting-choices.ts): tests that build a step of
// every catalog type with every setting, or with each setting in turn, keep to one mode of each such type.

type Settings = Record<string, unknown>;

/** For each step type with modes (by console name): the settings of the other modes, which "every setting" drops. */
const OTHER_MODES: Readonly<Record<string, readonly string[]>> = {
  'Apply Operating System Image': ['installPackageId', 'destinationLogicalDrive', 'destinationVariable'],
  'Install Application': ['baseVariableName'],
  'Install Package': ['baseVariableName'],
  'Run PowerShell Script': ['sourceScript'],
  'Upgrade Operating System': ['installPath', 'featureUpdateName', 'featureUpdateAssignmentId'],
  'Apply Network Settings': ['workgroupName'],
};

/** The valid modes of each such step type, the first the one a test builds by default. */
const MODES: Readonly<Record<string, readonly Settings[]>> = {
  'Apply Operating System Image': [{ imagePackageId: 'ABC00001' }, { installPackageId: 'ABC00002' }],
  'Enable BitLocker': [{ mode: 'TPM' }, { targetDrive: 'C:' }],
  'Install Application': [{ applicationName: ['ScopeId_A/Application_B'] }, { baseVariableName: 'APPS' }],
  'Install Package': [{ packageId: 'ABC00001', programName: 'Setup' }, { baseVariableName: 'PKGS' }],
  'Run PowerShell Script': [{ sourceScript: 'Write-Host 1' }, { packageId: 'ABC00001', scriptName: 'a.ps1' }],
  'Upgrade Operating System': [{ installPackageId: 'ABC00001' }, { installPath: '%DPC01%' }, { featureUpdateName: 'Windows 11', featureUpdateAssignmentId: '16777220' }],
  'Apply Network Settings': [{ networkJoinType: '0', domainName: 'corp.example' }, { networkJoinType: '1', workgroupName: 'WG' }],
};

/** `settings` (every setting of the type) without those of its other modes, with a join type fitting the domain. */
export function oneMode(consoleName: string, settings: Settings): Settings {
  const out = { ...settings };
  for (const s of OTHER_MODES[consoleName] ?? []) delete out[s];
  if (consoleName === 'Apply Network Settings' && out.networkJoinType !== undefined) out.networkJoinType = '0';
  return out;
}

/**
 * Settings that make a step of the type one that can run with `setting` given as `value` (spread before it): the mode
 * that has the setting when the value is not empty, else one without it; the first mode for a setting of none.
 */
export function modeFor(consoleName: string, setting?: string, value?: unknown): Settings {
  const modes = MODES[consoleName] ?? [{}];
  const empty = value === '' || (Array.isArray(value) && value.length === 0);
  const fit = setting === undefined ? undefined : empty ? modes.find((m) => !(setting in m)) : modes.find((m) => setting in m);
  return { ...(fit ?? modes[0]) };
}
