/**
 * The condition catalog: the expression types a `<condition>` can hold, with their parameters (`<variable
 * name=…>` children) and allowed operators, and the `and`/`or`/`not` operators. From the SDK class pages
 * (`SMS_TaskSequence_*ConditionExpression`, `SMS_TaskSequence_ConditionOperator`) and real exports.
 */

/** One condition expression type. */
export interface ConditionTypeData {
  /** The `type` attribute of `<expression>`. */
  readonly type: string;
  /** The console's name in the Options tab's Add Condition menu. */
  readonly consoleName: string;
  /** The key of this expression in the typed operands and the text form (`variable`, `wmi`, …). */
  readonly key: string;
  /** Parameter names in the order the console writes them (alphabetical). */
  readonly parameters: readonly string[];
  /** Allowed values per parameter. */
  readonly allowed?: Readonly<Record<string, readonly string[]>>;
  readonly sources: readonly string[];
}

/** The comparison operators of variable, file, folder and registry conditions. */
export const COMPARISONS = ['equals', 'notEquals', 'less', 'lessEqual', 'greater', 'greaterEqual'] as const;
const MEMDOCS = 'MicrosoftDocs/memdocs:memdocs/configmgr/develop/reference/osd/';

/** Every condition expression type the console writes. */
export const CONDITION_TYPES: readonly ConditionTypeData[] = [
  {
    type: 'SMS_TaskSequence_VariableConditionExpression',
    consoleName: 'Task Sequence Variable',
    key: 'variable',
    parameters: ['Operator', 'Value', 'Variable'],
    allowed: { Operator: ['exists', 'notExists', ...COMPARISONS] },
    sources: [`${MEMDOCS}sms_tasksequence_variableconditionexpression-server-wmi-class.md`, 'observed in every ConfigMgr export of the corpus'],
  },
  {
    type: 'SMS_TaskSequence_WMIConditionExpression',
    consoleName: 'Query WMI',
    key: 'wmi',
    parameters: ['Namespace', 'Query'],
    sources: [`${MEMDOCS}sms_tasksequence_wmiconditionexpression-server-wmi-class.md`, 'observed (corpus 06, 07, 11)'],
  },
  {
    type: 'SMS_TaskSequence_FileConditionExpression',
    consoleName: 'File Properties',
    key: 'file',
    parameters: ['DateTime', 'DateTimeOperator', 'Path', 'Version', 'VersionOperator'],
    allowed: { DateTimeOperator: COMPARISONS, VersionOperator: COMPARISONS },
    sources: [`${MEMDOCS}sms_tasksequence_fileconditionexpression-server-wmi-class.md`],
  },
  {
    type: 'SMS_TaskSequence_FolderConditionExpression',
    consoleName: 'Folder Properties',
    key: 'folder',
    parameters: ['DateTime', 'DateTimeOperator', 'Path'],
    allowed: { DateTimeOperator: COMPARISONS },
    sources: [`${MEMDOCS}sms_tasksequence_folderconditionexpression-server-wmi-class.md`, 'observed (corpus 02, under not)'],
  },
  {
    type: 'SMS_TaskSequence_RegistryConditionExpression',
    consoleName: 'Registry Setting',
    key: 'registry',
    parameters: ['Data', 'KeyPath', 'Operator', 'Type', 'Value'],
    allowed: { Operator: ['exists', 'notExists', 'nonExists', ...COMPARISONS], Type: ['REG_SZ', 'REG_EXPAND_SZ', 'REG_DWORD', 'REG_MULTI_SZ', 'REG_QWORD', 'REG_BINARY'] },
    sources: [`${MEMDOCS}sms_tasksequence_registryconditionexpression-server-wmi-class.md (spells notExists 'nonExists')`],
  },
  {
    type: 'SMS_TaskSequence_SoftwareConditionExpression',
    consoleName: 'Installed Software',
    key: 'software',
    parameters: ['Operator', 'ProductCode', 'ProductName', 'UpgradeCode', 'Version'],
    allowed: { Operator: ['AnyVersion', 'ThisVersion'] },
    sources: [`${MEMDOCS}sms_tasksequence_softwareconditionexpression-server-wmi-class.md`],
  },
  {
    type: 'SMS_TaskSequence_OSExpressionGroup',
    consoleName: 'Operating System Version',
    key: 'os',
    parameters: ['Name'],
    sources: [`${MEMDOCS}sms_tasksequence_osconditiongroup-server-wmi-class.md (written inside an or operator)`],
  },
];

/** The operators (`<operator type=…>`): all, any, none of their operands. */
export const CONDITION_OPERATORS = ['and', 'or', 'not'] as const;

/** The condition type of an expression `type`, or undefined. */
export function conditionType(type: string | undefined): ConditionTypeData | undefined {
  return CONDITION_TYPES.find((c) => c.type === type);
}
