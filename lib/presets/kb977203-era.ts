/**
 * Where KB977203 applies: it is a ConfigMgr 2007 SP1/SP2 fix. What in a document says it is (or is not) a ConfigMgr
 * 2007 task sequence.
 */
import type { TaskSequenceDocument } from '../document.js';
import { listItems, type Located } from '../model/query.js';
import { referenceList } from '../model/mutate.js';
import { stepTypeName } from '../model/steps.js';

/**
 * Step classes ConfigMgr 2007 does not have, with the release that added them (the step catalog's `since`, from
 * reference/steps.json; kept here as a short list so the preset does not depend on the catalog's data format).
 * MDT's BDD_* steps are not listed: MDT supported 2007.
 */
export const NOT_IN_CONFIGMGR_2007: Readonly<Record<string, string>> = {
  SMS_TaskSequence_InstallApplicationAction: 'ConfigMgr 2012',
  SMS_TaskSequence_OfflineEnableBitLockerAction: 'ConfigMgr 2012 SP1',
  SMS_TaskSequence_PrestartCheckAction: 'ConfigMgr 2012 R2',
  SMS_TaskSequence_RunPowerShellScriptAction: 'ConfigMgr 2012 R2',
  SMS_TaskSequence_SetDynamicVariablesAction: 'ConfigMgr 2012 R2',
  SMS_TaskSequence_UpgradeOperatingSystemAction: 'Current Branch 1511',
  SMS_TaskSequence_SubTasksequence: 'Current Branch 1710',
  SMS_TaskSequence_DownloadPackageContentAction: 'Current Branch',
};

/** What the document says about its ConfigMgr release. */
export interface ConfigMgrEra {
  /** Signs that it is not ConfigMgr 2007, each a sentence. */
  against: string[];
  /** Whether something positively says 2007 (the 2007 console's single-file export). */
  confirmed2007: boolean;
}

/** The signs in a document for and against ConfigMgr 2007. */
export function configMgrEra(doc: TaskSequenceDocument): ConfigMgrEra {
  return configMgrEraOf(doc, listItems(doc.sequence));
}

/** {@link configMgrEra}, with the sequence's items already listed (the preset lists them once for all its checks). */
export function configMgrEraOf(doc: TaskSequenceDocument, items: readonly Located[]): ConfigMgrEra {
  const against: string[] = [];
  if (doc.container === 'cim-instance') {
    against.push('it is a Current Branch object.xml (ConfigMgr 2012 replaced the 2007 single-file export with the export .zip)');
  }
  const version = doc.sequence.attributes.version;
  if (version !== undefined && version !== '3.00') {
    against.push(`its sequence version is ${version} (ConfigMgr 2007 writes 3.00; Current Branch writes 3.10)`);
  }
  const seen = new Set<string>();
  for (const { node } of items) {
    if (node.kind === 'subtasksequence' && !seen.has('<subtasksequence>')) {
      seen.add('<subtasksequence>');
      against.push('it has a <subtasksequence> (Run Task Sequence, Current Branch 1710)');
      continue;
    }
    const type = node.attributes.type ?? '';
    // Own keys only: a type read from a file may be `constructor`, which Object.prototype would answer.
    const since = Object.hasOwn(NOT_IN_CONFIGMGR_2007, type) ? NOT_IN_CONFIGMGR_2007[type] : undefined;
    if (since !== undefined && !seen.has(type)) {
      seen.add(type);
      const name = stepTypeName(type);
      against.push(`it has ${/^[AEIOU]/i.test(name) ? 'an' : 'a'} ${name} step (${type}, added in ${since})`);
    }
  }
  const list = referenceList(doc.sequence);
  if (list?.children.some((c) => c.kind === 'reference' && c.attributes.application !== undefined)) {
    against.push('it refers to applications (ConfigMgr 2012 and later)');
  }
  return { against, confirmed2007: doc.container === 'sms-package' && against.length === 0 };
}
