/**
 * Builds the view model (view-model.ts) of a document: the numbered tree of its items with their settings,
 * conditions, usage and lint findings, in one walk without recursion, and the tables beside it. Refuses a sequence
 * too large for a page before building anything.
 */
import type { TaskSequenceDocument } from '../document.js';
import { lintChecked } from '../lint/index.js';
import { limitOption, TaskSequenceError } from '../errors.js';
import { conditionOf, describeCondition } from '../model/conditions.js';
import { escapeName, isSequenceItem } from '../model/query.js';
import { stepTypeName } from '../model/steps.js';
import type { Group, Node, Sequence } from '../model/types.js';
import { BREAK, checkDocumentTree, SKIP, visit } from '../visit.js';
import { keySettings } from './key-settings.js';
import { itemUsage } from './usage.js';
import { type Outline, outlineIn, PathIds, shownNumber } from './item-places.js';
import type { FindingView, ItemView, SequenceView, ViewOptions } from './view-model.js';
import { header, references, usageTables } from './view-tables.js';
import { checkRenderedDocument, checkViewOptions } from './render-arguments.js';

const DEFAULT_MAX_ITEMS = 200_000;

/** Refuses a sequence with more items than a view may show (see {@link ViewOptions.maxItems}). */
function checkViewSize(doc: TaskSequenceDocument, options: ViewOptions): void {
  const max = limitOption('maxItems', options.maxItems, DEFAULT_MAX_ITEMS);
  let count = 0;
  // Only groups hold items: nothing else is walked into.
  const within = visit(doc.sequence, (node) => (isSequenceItem(node) && ++count > max ? BREAK : node.kind === 'group' ? undefined : SKIP));
  if (!within) throw new TaskSequenceError('INPUT_TOO_LARGE', `The sequence has more than ${max === 1 ? 'one step or group' : `${max} steps and groups`}, more than a page shows (option maxItems); cmts inspect and cmts convert read it.`, doc.file === undefined ? {} : { file: doc.file });
}

/** A group being walked: its children, the next to look at, and what its items' views need of it. */
interface Frame {
  parent: Sequence | Group;
  next: number;
  views: ItemView[];
  outline: Outline | undefined;
  path: string;
  pathId: number;
  /** The group or a group around it is disabled: nothing in it runs. */
  off: boolean;
}

/** Builds the view of a document: the tree, the tables and (unless turned off) the lint findings. */
export function buildSequenceView(doc: TaskSequenceDocument, options: ViewOptions = {}): SequenceView {
  checkRenderedDocument(doc);
  checkViewOptions(options);
  checkViewSize(doc, options);
  // The view reads values all through the tree: one that is no string, or a child that is no node (set by hand), is
  // refused here, not met as a TypeError part-way.
  checkDocumentTree(doc);
  // Names repeat (two groups called "Install"), so paths do too: a finding goes to the item at its path, line and
  // column (a one-line file puts every item on line 1), else to the first item at its path.
  const firstAt = new Map<number, ItemView>();
  const byPlace = new Map<string, ItemView>();
  const paths = new PathIds();
  const counts = { steps: 0, groups: 0, disabled: 0 };
  const lintOn = options.lint ?? true;
  const items: ItemView[] = [];
  // Every item in pre-order, with an explicit stack of the groups open (no recursion, so any depth the reader accepts
  // fits); each view goes into its parent's list, numbered by its place there, and gets its id in that order (i1, i2,
  // …). Its number and path are made from its group's, with no copy of what they share: the walk costs the same per
  // item at any depth (a path is joined strings, a rope, until it is read, and nothing here reads it).
  const open: Frame[] = [{ parent: doc.sequence, next: 0, views: items, outline: undefined, path: '', pathId: 0, off: false }];
  let next = 0;
  while (open.length) {
    const at = open[open.length - 1] as Frame;
    if (at.next >= at.parent.children.length) {
      open.pop();
      continue;
    }
    const node = at.parent.children[at.next++] as Node;
    if (!isSequenceItem(node)) continue;
    const into = at.views;
    const outline = outlineIn(at.outline, into.length + 1);
    const name = escapeName(node.attributes.name ?? '');
    const path = at.parent === doc.sequence ? name : `${at.path}/${name}`;
    const pathId = paths.of(at.pathId, name);
    const cond = conditionOf(node);
    const usage = itemUsage(node);
    const view: ItemView = {
      id: `i${++next}`,
      number: shownNumber(outline),
      kind: node.kind,
      name: node.attributes.name ?? '',
      path,
      ...(node.attributes.type !== undefined ? { type: node.attributes.type } : {}),
      typeName: node.kind === 'group' ? 'group' : node.kind === 'subtasksequence' ? 'Run Task Sequence' : stepTypeName(node.attributes.type),
      description: node.attributes.description ?? '',
      disabled: node.attributes.disable === 'true',
      inDisabledGroup: at.off,
      continueOnError: node.attributes.continueOnError === 'true',
      condition: cond ? describeCondition(cond) : '',
      settings: keySettings(node),
      ...usage,
      findings: [],
      children: [],
    };
    into.push(view);
    if (node.kind === 'group') {
      open.push({ parent: node, next: 0, views: view.children, outline, path, pathId, off: at.off || view.disabled });
      counts.groups++;
    } else counts.steps++;
    if (view.disabled) counts.disabled++;
    if (!firstAt.has(pathId)) firstAt.set(pathId, view);
    const pos = lintOn ? doc.positionOf(node) : undefined;
    if (pos !== undefined) byPlace.set(`${pathId}\n${pos.line}\n${pos.col}`, view);
  }
  const findings: FindingView[] = [];
  if (lintOn) {
    // The document was checked above, for the view's own walks.
    for (const d of lintChecked(doc)) {
      const f: FindingView = { rule: d.code, severity: d.severity, message: d.message, ...(d.line !== undefined ? { line: d.line } : {}) };
      // A finding with no path (about the sequence or a global variable) is the page's, whatever an item is named.
      const pathId = d.path === undefined ? undefined : paths.find(d.path);
      const target = pathId === undefined ? undefined : ((d.line !== undefined && d.col !== undefined ? byPlace.get(`${pathId}\n${d.line}\n${d.col}`) : undefined) ?? firstAt.get(pathId));
      (target ? target.findings : findings).push(f);
    }
  }
  const title = header(doc).find((h) => h.label === 'name')?.value ?? options.source ?? doc.file ?? 'Task sequence';
  const { variables, packages } = usageTables(doc, items);
  return { title, source: options.source ?? doc.file ?? '(input)', header: header(doc), references: references(doc.sequence), items, counts, variables, packages, findings };
}

