/**
 * Adding steps the way the sequence's own console would have written them, and copying steps and groups between
 * sequences together with the references they need.
 */
import { describeValue } from '../model/child-nodes.js';
import { TaskSequenceError } from '../errors.js';
import { followReference } from '../containers/container-references.js';
import type { ContainerKind } from '../containers/index.js';
import { checkItem, checkSequence } from '../model/argument-checks.js';
import { addItem, copyItem, type Position } from '../model/authoring.js';
import { isRunTaskSequence } from '../model/child-sequence.js';
import { appendChild, referenceList } from '../model/mutate.js';
import { listItems } from '../model/query.js';
import { detectIndentUnit, dropLayout, insertLaidOut } from '../model/format.js';
import { itemEdits } from '../model/item-edits.js';
import { knownReferences } from '../model/known-references.js';
import type { Node, Reference, ReferenceList, Sequence, SequenceItem, Step, SubTaskSequence } from '../model/types.js';
import { variables } from '../model/variables.js';
import { buildStep, type BuildStepInput, entryFor } from './build-step.js';
import type { StepKind } from './settings-types.js';
import { entryOfStep } from './step-view.js';
import { matchVariable } from './variable-match.js';
import { describeRelease, isAvailableIn, isCurrentBranch, sequenceRelease, stepAttributes, type Release } from './versions.js';

/** What a new step in `sequence` is written like: its release, and whether its neighbours carry `retryCount`. */
export function spellingFor(sequence: Sequence, container: ContainerKind = 'sequence'): { release: Release; retryAttributes: boolean } {
  const release = sequenceRelease(sequence, container);
  const steps = stepAttributes(sequence);
  // Follow the neighbours: a 2007-style sequence has no retryCount, even when a later console saved it.
  const retryAttributes = steps.anyStep ? steps.retryCount : isCurrentBranch(release);
  return { release, retryAttributes };
}

/**
 * What {@link addStep} last found of a sequence in which no step carries `retryCount`: its spelling for new steps and
 * its `<referenceList>` (none, in a 2007-style sequence), kept while nothing that could change them has happened.
 * Finding that no step carries `retryCount` reads every step, and that there is no list every child of the sequence;
 * both were done for each step added, so adding N steps to a 2007-style sequence cost N times its size (1,000 steps
 * added to one of 100,000: 5 s). Kept with what else they were drawn from (the container, the `version`) and the
 * count of cmts's edits that insert items or lists or set `retryCount` (`model/item-edits.ts`); addStep's own edits,
 * spelt by it, leave them true. What is not seen is such an edit made behind cmts's back between two additions: a
 * `retryCount` given to an existing step (`step.attributes.retryCount = '0'`), or a step carrying one or a
 * `<referenceList>` put in by a plain `children.push`. The next step added is then spelt, and its references listed,
 * as before that edit. Seeing it would take reading every step again, the cost this saves; and a sequence the console
 * wrote has `retryCount` on every step or on none. An answer that some step carries it is not kept: finding one
 * stops there, and a Current Branch `<referenceList>` is the sequence's first child.
 */
interface Kept {
  container: ContainerKind;
  version: string | undefined;
  edits: number;
  spelling: { release: Release; retryAttributes: boolean };
  list: ReferenceList | undefined;
  /** Where `list` was in `sequence.children`: checked before it is trusted. */
  listAt: number;
}
const noRetryCount = new WeakMap<Sequence, Kept>();

/** The spelling for a new step in `sequence`, and what is kept of the sequence when no step carries `retryCount`. */
function spellingToAdd(sequence: Sequence, container: ContainerKind): { spelling: Kept['spelling']; kept: Kept | undefined } {
  const kept = noRetryCount.get(sequence);
  if (kept && kept.edits === itemEdits() && kept.container === container && kept.version === sequence.attributes.version) return { spelling: kept.spelling, kept };
  const spelling = spellingFor(sequence, container);
  // Spelt without retryCount: no step carries one (or there is no step, in a sequence before Current Branch).
  if (spelling.retryAttributes) {
    noRetryCount.delete(sequence);
    return { spelling, kept: undefined };
  }
  const list = referenceList(sequence);
  const fresh: Kept = { container, version: sequence.attributes.version, edits: itemEdits(), spelling, list, listAt: list ? sequence.children.indexOf(list) : -1 };
  noRetryCount.set(sequence, fresh);
  return { spelling, kept: fresh };
}

/** The list {@link referenceListFor} gives, from what is kept when that still holds. */
function listToAdd(sequence: Sequence, container: ContainerKind, release: Release, kept: Kept | undefined): ReferenceList | undefined {
  if (kept?.list === undefined ? kept && !isCurrentBranch(release) : sequence.children[kept.listAt] === kept.list) return kept?.list;
  return referenceListFor(sequence, container, release);
}

/** The sequence's `<referenceList>`, created first in a Current Branch sequence that has none; undefined before CB. */
function referenceListFor(sequence: Sequence, container: ContainerKind = 'sequence', release = sequenceRelease(sequence, container)): ReferenceList | undefined {
  const list = referenceList(sequence);
  if (list || !isCurrentBranch(release)) return list;
  const created: ReferenceList = { kind: 'referenceList', tag: 'referenceList', attributes: {}, children: [] };
  const first = sequence.children.findIndex((c) => 'tag' in c);
  if (first === -1) sequence.children.push(created);
  else {
    insertLaidOut(sequence, first, [created], detectIndentUnit(sequence));
    const placed = sequence.children.indexOf(created);
    sequence.children[placed] = sequence.children[first] as Node;
    sequence.children[first] = created;
  }
  return created;
}

/** The IDs a step or group's steps name in their variables (package IDs, application model names, lists of them). */
function namedIds(item: SequenceItem): Set<string> {
  const ids = new Set<string>();
  const steps = item.kind === 'group' ? listItems(item as unknown as Sequence).map((l) => l.node) : [item];
  for (const s of steps) {
    if (s.kind === 'group') continue;
    for (const v of variables(s)) for (const token of v.value.split(/[\s,]+/)) if (token) ids.add(token.toUpperCase());
  }
  return ids;
}

/**
 * Copies the references `from`'s reference list has for what `item` uses into `to`'s reference list (created in a
 * Current Branch sequence that has none; ConfigMgr 2007 sequences have none), and into the References array of the
 * object.xml `to` is held in, when it has one. Returns the references added.
 */
export function copyReferences(from: Sequence, to: Sequence, item: SequenceItem): Reference[] {
  const source = referenceList(from);
  const target = source && referenceListFor(to);
  if (!source || !target) return [];
  // The item's IDs are looked up in both lists' kept indexes (see KnownReferences), not by reading both lists: copying
  // N items that each bring a reference cost N times the lists (10,000: 39 s).
  const known = knownReferences(source);
  const wanted: Reference[] = [];
  for (const id of namedIds(item)) {
    const r = known.find(id);
    if (r && !wanted.includes(r)) wanted.push(r);
  }
  // In the source list's order, as they were copied when both lists were read whole.
  wanted.sort((a, b) => known.indexOf(a) - known.indexOf(b));
  const present = knownReferences(target);
  const added: Reference[] = [];
  for (const r of wanted) {
    const id = r.attributes.package ?? r.attributes.application ?? '';
    if (present.find(id)) continue;
    const kind = r.attributes.package !== undefined ? 'package' : 'application';
    const copy: Reference = { kind: 'reference', tag: 'reference', attributes: { ...r.attributes }, children: [] };
    appendChild(to, target, copy);
    present.added(kind, id, copy);
    followReference(to, kind, id);
    added.push(copy);
  }
  return added;
}

/** Copies a step or group (deeply) from one sequence to a place in another (or the same), with its references. */
export function copyItemTo<T extends SequenceItem>(from: Sequence, item: T, to: Sequence, position: Position): T {
  checkSequence('copyItemTo', from);
  checkItem('copyItemTo', item);
  checkSequence('copyItemTo', to, 'third');
  const copy = copyItem(item);
  // Laid out as the target is (its indentation and newlines), not as the document it came from: a step copied from
  // an LF file into a CRLF one brought bare LFs with it.
  if (from !== to) dropLayout(copy);
  addItem(to, copy, position);
  copyReferences(from, to, item);
  return copy;
}

/** Where and in what document context {@link addStep} adds a step. */
export interface AddStepTarget {
  sequence: Sequence;
  container?: ContainerKind;
}

/**
 * Builds a step of any catalog type spelt like the sequence's other steps (release, `retryCount`), adds it at
 * `position`, and lists its package IDs and applications in the sequence's reference list when it has one (a Run Task
 * Sequence step's child task sequence with `program="*"`), and in the References array of the object.xml the sequence
 * is held in, when it has one. A literal `kind` that names no catalog step type does not compile (see
 * {@link StepKind}).
 */
export function addStep<K extends string>(target: AddStepTarget, kind: StepKind<K>, input: BuildStepInput<K>, position: Position): Step | SubTaskSequence {
  if (typeof target !== 'object' || target === null || typeof target.sequence !== 'object' || target.sequence === null) {
    throw new TaskSequenceError('INVALID_ARGUMENT', `addStep adds to a document (or { sequence, container? }), not ${describeValue(target)}.`);
  }
  const container = target.container ?? 'sequence';
  const { spelling, kept } = spellingToAdd(target.sequence, container);
  // A step type the sequence's release does not have (lint's catalog/step-version) is refused, not added: that
  // console could not import the sequence.
  const entry = entryFor(kind);
  if (!isAvailableIn(entry.since, spelling.release)) {
    throw new TaskSequenceError('INVALID_ARGUMENT', `${entry.consoleName} first shipped in ConfigMgr ${entry.since}; this sequence is for ${describeRelease(spelling.release)}, whose console cannot import or run it.`);
  }
  const step = buildStep(kind, { ...spelling, ...input });
  addItem(target.sequence, step, position);
  const list = listToAdd(target.sequence, container, spelling.release, kept);
  if (list) {
    const known = knownReferences(list);
    const entry = entryOfStep(step);
    for (const v of variables(step)) {
      const data = entry && matchVariable(entry, v)?.data;
      // Install Application names application model names (ScopeId_…/Application_…), which the console lists as applications.
      const kind = data?.valueType === 'packageId' || data?.valueType === 'packageIdList' ? 'package' : data?.property === 'ApplicationName' ? 'application' : undefined;
      if (kind === undefined) continue;
      // The child task sequence a Run Task Sequence step runs is listed with its program, `*`, as the console lists it.
      const program = kind === 'package' && data?.property === 'TsPackageID' && isRunTaskSequence(step) ? { program: '*' } : {};
      for (const id of v.value.split(',')) {
        // A package listed already is left as it is, with or without a program: the list names each package once.
        if (id === '' || id.startsWith('%') || known.has(kind, id)) continue;
        const reference: Reference = { kind: 'reference', tag: 'reference', attributes: { [kind]: id, ...program }, children: [] };
        appendChild(target.sequence, list, reference);
        known.added(kind, id, reference);
        followReference(target.sequence, kind, id);
      }
    }
  }
  // Its own additions leave what is kept true (with the list it made, if it made one), unless the caller asked for
  // retryCount on the step.
  if (kept) {
    if (step.attributes.retryCount !== undefined) noRetryCount.delete(target.sequence);
    else {
      kept.edits = itemEdits();
      if (list !== kept.list || (list && target.sequence.children[kept.listAt] !== list)) {
        kept.list = list;
        kept.listAt = list ? target.sequence.children.indexOf(list) : -1;
      }
    }
  }
  return step;
}
