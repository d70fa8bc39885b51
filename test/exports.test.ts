// Pins the public API: the root export list, and the subpaths package.json maps to lib/api/. A change to either must
// show up here, on purpose (README "Adding an export" says how).
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as api from '../lib/index.js';
import * as everything from './helpers/api.js';
import * as catalog from '../lib/api/catalog.js';
import * as model from '../lib/api/model.js';

const ROOT_EXPORTS = [
  'BREAK',
  'InstallSoftwareStep',
  'REMOVE',
  'RestartComputerStep',
  'RunCommandLineStep',
  'SKIP',
  'STEP_TYPES',
  'SetVariableStep',
  'SetupWindowsStep',
  'TaskSequenceDocument',
  'TaskSequenceError',
  'applyKb977203',
  'conditionOf',
  'createInstallSoftwareStep',
  'createRestartComputerStep',
  'createRunCommandLineStep',
  'createSetVariableStep',
  'createSetupWindowsStep',
  'createTransform',
  'describeCondition',
  'insertAfter',
  'readTaskSequence',
  'removeItem',
  'viewOf',
  'writeTaskSequence',
];

/** Names the root exported before the subpaths existed: each must still be reachable from some entry point. */
const FORMERLY_AT_ROOT = [
  'DEFAULT_MAX_BYTES', 'DEFAULT_RESTART_MESSAGE', 'ERROR_CODES', 'KB977203_HOTFIX_DIR', 'KB977203_MSP', 'KB977203_STEP_NAMES',
  'LINT_RULES', 'LineCounter', 'MAX_DESCRIPTION', 'MAX_STEP_NAME', 'STEP_TYPE_NAMES', 'TRANSFORMS', 'TransformContext',
  'addClientPatch', 'addPackageReference', 'addPatch', 'addReference', 'appendChild', 'appendLaidOut', 'assertValid',
  'checkEntryName', 'childElement', 'createPackageReference', 'describeExpression', 'detectIndentUnit', 'diffTaskSequences',
  'elementChildren', 'elementText', 'exportZipPartWarnings', 'expressionParameters', 'findHotfixInstallSteps', 'findSteps',
  'findVariable', 'formatDiffEntry', 'fromModelJson', 'getAction', 'getVariableValue', 'insertLaidOut', 'insertStepsAfter',
  'installSoftwareCommandLine', 'isElement', 'isSequenceItem', 'isStepOfType', 'isUnchanged', 'isZip', 'kb977203PatchPath',
  'layOut', 'layoutAt', 'lint', 'listItems', 'loadSchema', 'locate', 'nextItem', 'parentOf', 'parseInstallProperties',
  'patchList', 'readEntry', 'readExportZip', 'readZip', 'referenceList', 'referencedPackages', 'removeAttribute',
  'sequenceToXml', 'setAction', 'setAttribute', 'setDependentProgram', 'setElementText', 'setVariable', 'sourceRange',
  'stepMatches', 'stepTypeName', 'toModelJson', 'validatorFor', 'variableList', 'variables', 'visit', 'writeExportZip',
  'writeTaskSequenceText', 'writeZip', 'applyTransform', 'checkKb977203', 'checkTransform', 'isTransformName', 'revertKb977203',
  'variableKey',
  'CONDITION_TYPES', 'StepView', 'addItem', 'addStep', 'buildCondition', 'buildSequence', 'buildStep',
  'catalogEntry', 'catalogEntryByName', 'copyItem', 'copyItemTo', 'createGroup', 'createSequence', 'findGroup',
  'findItems', 'fromYaml', 'isEnabled', 'isStepTypeAvailable', 'moveItem', 'readCondition', 'removeItemAttribute',
  'renameItem', 'sequenceRelease', 'sequenceToText', 'setCondition', 'setContinueOnError', 'setEnabled',
  'setItemAttribute', 'setRetryCount', 'setSuccessCodes', 'setTimeoutSeconds', 'stepCatalog', 'stepSettingsSchema',
  'stepTypesSince', 'stepView', 'toYaml', 'validateStepSettings',
];

const pkg = JSON.parse(readFileSync(resolve('package.json'), 'utf8')) as {
  exports: Record<string, string | { types: string; default: string }>;
  typesVersions: { '*': Record<string, string[]> };
};
const entryFiles = readdirSync(resolve('lib/api')).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)).sort();

describe('public exports', () => {
  it('the root exports exactly these names', () => {
    expect(Object.keys(api).sort()).toEqual([...ROOT_EXPORTS].sort());
  });

  it('package.json maps one subpath to each module in lib/api/, with its types', () => {
    const subpaths = Object.keys(pkg.exports).filter((k) => k !== '.' && k !== './package.json' && k !== './schemas/*.json');
    expect(subpaths.map((s) => s.slice(2)).sort()).toEqual(entryFiles);
    for (const [key, target] of Object.entries(pkg.exports)) {
      if (typeof target === 'string') continue;
      const file = key === '.' ? 'index' : `api/${key.slice(2)}`;
      expect(target).toEqual({ types: `./dist/lib/${file}.d.ts`, default: `./dist/lib/${file}.js` });
    }
    // For TypeScript projects still on "moduleResolution": "node10", which does not read "exports".
    expect(pkg.typesVersions['*']).toEqual(Object.fromEntries(entryFiles.map((f) => [f, [`./dist/lib/api/${f}.d.ts`]])));
  });

  it('every name the root used to export is still exported from the root or a subpath', () => {
    const barrel = readFileSync(resolve('test/helpers/api.ts'), 'utf8');
    for (const f of entryFiles) expect(barrel, `test/helpers/api.ts re-exports lib/api/${f}.ts`).toContain(`'../../lib/api/${f}.js'`);
    const reachable = new Set(Object.keys(everything));
    expect(FORMERLY_AT_ROOT.filter((n) => !reachable.has(n))).toEqual([]);
  });

  it('cmts/catalog has findItems, which the README lists with its authoring operations (it is the one of cmts/model)', () => {
    expect(catalog.findItems).toBe(model.findItems);
  });
});
