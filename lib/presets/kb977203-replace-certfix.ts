/**
 * The CCMCertFix package in the sequence's references: what the options say of it for an export .zip's
 * ReferencesInfo.xml, and, under force, the CCMCertFix program of another package that "Run another program first"
 * named, replaced by the one given in the steps that ran it and in the reference they leave.
 */
import type { TaskSequenceDocument } from '../document.js';
import { describePackageReference } from '../containers/references-info.js';
import { referencedPackages } from '../model/mutate.js';
import { listItems } from '../model/query.js';
import { InstallSoftwareStep } from '../model/steps.js';
import { type AddReferenceOptions, referenceInfoOf } from '../transforms/add-reference.js';
import { containerReferences, planContainerReference, removeContainerReference } from '../containers/container-references.js';
import { type Edit, inSubtrees } from '../transforms/context.js';
import type { ResolvedKb977203Options } from './kb977203-options.js';
import { runsProgram } from './kb977203-step-queries.js';

/**
 * What the options say of the CCMCertFix package for an export .zip's ReferencesInfo.xml. Its type is known: it runs
 * a program from an Install Software step, and only a standard package (type 0) has programs.
 */
export function certfixReferenceInfo(o: ResolvedKb977203Options): Pick<AddReferenceOptions, 'packageName' | 'packageDescription' | 'packageVersion' | 'packageType'> {
  const { name, description, version } = o.certfixInfo;
  return { ...(name !== undefined && { packageName: name }), ...(description !== undefined && { packageDescription: description }), ...(version !== undefined && { packageVersion: version }), packageType: 0 };
}

/**
 * Under force, the steps that run the replaced program run the new one, and its reference follows when no other step
 * uses it; returns whether the reference is renamed.
 */
export function planReplaceCertfix(doc: TaskSequenceDocument, replaced: { packageId: string; program: string }, o: ResolvedKb977203Options, edits: Edit[]): boolean {
  for (const located of listItems(doc.sequence)) {
    const node = located.node;
    if (!runsProgram(node, replaced.packageId, replaced.program) || runsProgram(node, o.certfixPackage, o.program)) continue;
    edits.push({
      change: { what: `Install Software runs ${o.certfixPackage}, program ${o.program}, instead of the replaced dependent program`, where: located.path, before: `${replaced.packageId};;${replaced.program}`, after: `${o.certfixPackage};;${o.program}`, requirement: 'R13' },
      apply: () => new InstallSoftwareStep(node).setProgram(o.certfixPackage, o.program),
      scope: inSubtrees([node]),
    });
  }
  const stillUsed = listItems(doc.sequence).some((l) => l.node.kind === 'step' && new InstallSoftwareStep(l.node).packageId?.toUpperCase() === replaced.packageId.toUpperCase() && !runsProgram(l.node, replaced.packageId, replaced.program));
  const list = doc.sequence.children.find((c) => c.kind === 'referenceList');
  const ref = list && 'children' in list ? list.children.find((c) => c.kind === 'reference' && c.attributes.package?.toUpperCase() === replaced.packageId.toUpperCase()) : undefined;
  if (ref && ref.kind === 'reference' && !stillUsed && !referencedPackages(doc.sequence).some((p) => p.toUpperCase() === o.certfixPackage.toUpperCase())) {
    edits.push({
      change: { what: `reference to package ${replaced.packageId} now names ${o.certfixPackage}`, where: '(referenceList)', before: replaced.packageId, after: o.certfixPackage, requirement: 'R13' },
      apply: () => {
        ref.attributes.package = o.certfixPackage;
        describePackageReference(doc, o.certfixPackage, referenceInfoOf(certfixReferenceInfo(o)));
        // Added before the old entry goes: the new one is a copy of an entry in the array, and the old may be the only one.
        if (containerReferences(doc).some((p) => p.toUpperCase() === replaced.packageId.toUpperCase())) {
          planContainerReference(doc, o.certfixPackage)?.();
          removeContainerReference(doc, replaced.packageId);
        }
      },
      // A bare sequence has no container's References to rename it in too.
      ...(doc.container === 'sequence' && { scope: inSubtrees([ref]) }),
    });
    return true;
  }
  return false;
}
