/**
 * The view model of a rendered task sequence: a plain, JSON-serialisable description of what the page shows (header,
 * numbered tree with settings, conditions and findings, variable and package tables). The HTML and Markdown
 * renderers only format it, so what a step shows is tested here once for both.
 */
import type { TaskSequenceDocument } from '../document.js';
import { lint } from '../lint/index.js';
import { type Issue, limitOption, TaskSequenceError } from '../errors.js';
import { conditionOf, describeCondition } from '../model/conditions.js';
import { escapeName, isSequenceItem } from '../model/query.js';
import { stepTypeName } from '../model/steps.js';
import type { Group, Node, Sequence, SequenceItem } from '../model/types.js';
import { BREAK, SKIP, visit } from '../visit.js';
import { keySettings, type Setting, shownValue } from './key-settings.js';
import { compareNames } from '../name-order.js';
import { itemUsage } from './usage.js';

export type { Setting } from './key-settings.js';

/** A lint finding as the page shows it. */
export interface FindingView {
  rule: string;
  severity: Issue['severity'];
  message: string;
  line?: number;
}

/** How a comparison marks an item: new, gone, moved, or with changed settings. */
export interface ChangeView {
  mark: 'added' | 'removed' | 'moved' | 'changed';
  /** For `moved`: where it was. */
  from?: string;
  /** For `changed` (and a moved item whose settings changed too): each changed field, before and after. */
  fields: { field: string; before?: string; after?: string }[];
}

/** A group, step or sub task sequence on the page. */
export interface ItemView {
  /** Anchor id, unique in the page (`i1`, `i2`, … in execution order). */
  id: string;
  /**
   * Outline number: `2.3` is the third item of the second top-level group. Past {@link NUMBER_LEVELS} levels it shows
   * the first and the last half of them and how many are left out between (`1.2.1.1.1.1.1.1.1.1.(9980 more).1.…`),
   * so that a page of a chain of groups thousands deep does not grow with the square of its depth.
   */
  number: string;
  kind: SequenceItem['kind'];
  name: string;
  /** Step path (`Group/Step`) as the linter and the diff report it. */
  path: string;
  /** The WMI class (`type` attribute), when there is one. */
  type?: string;
  /** The console's name of the step type (`group` for a group). */
  typeName: string;
  description: string;
  disabled: boolean;
  continueOnError: boolean;
  /** The condition in words (`TSVar = "x" and …`), '' when none. */
  condition: string;
  settings: Setting[];
  sets: string[];
  reads: string[];
  packages: string[];
  findings: FindingView[];
  change?: ChangeView;
  children: ItemView[];
}

/** A reference of the sequence's `<referenceList>`. */
export interface ReferenceView {
  package?: string;
  program?: string;
  application?: string;
}

/** One row of the variable or package table: a name and the items that use it. */
export interface UsageRow {
  name: string;
  /** Items that set the variable (or use the package). */
  setBy: ItemRef[];
  /** Items that read the variable (empty for packages). */
  readBy: ItemRef[];
  /** Extra facts: `global: value` for a sequence variable, `in referenceList` for a package. */
  note?: string;
}

/** A link to an item of the page. */
export interface ItemRef {
  id: string;
  number: string;
  name: string;
}

/** Everything a page of one task sequence shows. */
export interface SequenceView {
  title: string;
  /** The input it was read from (`file` or `file!part`). */
  source: string;
  /** Package and sequence facts: name, package ID, container, version, boot image, dependent program… */
  header: Setting[];
  references: ReferenceView[];
  items: ItemView[];
  counts: { steps: number; groups: number; disabled: number };
  variables: UsageRow[];
  packages: UsageRow[];
  /** Findings about no particular step (the sequence, its variables or references). */
  findings: FindingView[];
  /** Set by a comparison: changes of the package, sequence attributes, global variables and references. */
  changes?: { summary: Record<ChangeView['mark'], number>; other: string[] };
}

/** Options of {@link buildSequenceView}. */
export interface ViewOptions {
  /** The source shown in the header (default: the document's file, or `(input)`). */
  source?: string;
  /** Run the linter and show its findings (default true). */
  lint?: boolean;
  /**
   * The most steps, groups and sub task sequences a sequence may have to be shown (each of two compared); default
   * 200,000. More is refused with `INPUT_TOO_LARGE` before any view is built. A page costs about 1.6 KB of memory and
   * 190 bytes of HTML a step: 2.5 million steps (63 MiB of XML, within the reader's limits) made a 469 MB page at a
   * 3.9 GiB peak; a comparison of two was still running at the heap's limit after nine minutes.
   */
  maxItems?: number;
}

const DEFAULT_MAX_ITEMS = 200_000;

/** Refuses a sequence with more items than a view may show (see {@link ViewOptions.maxItems}). */
function checkViewSize(doc: TaskSequenceDocument, options: ViewOptions): void {
  const max = limitOption('maxItems', options.maxItems, DEFAULT_MAX_ITEMS);
  let count = 0;
  // Only groups hold items: nothing else is walked into.
  const within = visit(doc.sequence, (node) => (isSequenceItem(node) && ++count > max ? BREAK : node.kind === 'group' ? undefined : SKIP));
  if (!within) throw new TaskSequenceError('INPUT_TOO_LARGE', `The sequence has more than ${max} steps and groups, more than a page shows (option maxItems); cmts inspect and cmts convert read it.`, doc.file === undefined ? {} : { file: doc.file });
}

const CONTAINER: Record<TaskSequenceDocument['container'], string> = {
  sequence: 'bare <sequence>',
  'sms-package': 'ConfigMgr 2007 export (SmsTaskSequencePackage)',
  'cim-instance': 'Current Branch export (object.xml)',
};

function header(doc: TaskSequenceDocument): Setting[] {
  const p = doc.properties();
  const rows: [string, string | undefined][] = [
    ['name', p.Name ?? doc.sequence.attributes.name],
    ['package ID', p.PackageID],
    ['description', p.Description],
    ['container', CONTAINER[doc.container]],
    ['sequence version', doc.sequence.attributes.version],
    ['package version', p.Version],
    ['boot image', p.BootImageID],
    ['run another program first (DependentProgram)', p.DependentProgram],
  ];
  return rows.filter((r): r is [string, string] => r[1] !== undefined && r[1].trim() !== '').map(([label, value]) => ({ label, value }));
}

function references(seq: Sequence): ReferenceView[] {
  const out: ReferenceView[] = [];
  for (const c of seq.children) {
    if (c.kind !== 'referenceList') continue;
    for (const r of c.children) {
      if (r.kind !== 'reference') continue;
      const { package: pkg, program, application } = r.attributes;
      out.push({ ...(pkg !== undefined ? { package: pkg } : {}), ...(program ? { program } : {}), ...(application !== undefined ? { application } : {}) });
    }
  }
  return out;
}

/**
 * The most levels an outline number shows in full. A deeper item shows the first and the last half of them, and how
 * many are left out between: every number of a chain of N groups in full would make a page of N²/2 numbers (a chain of
 * 10,000 groups: 100 million characters, three times over). No real export nests half as deep.
 */
export const NUMBER_LEVELS = 20;

/** An outline number as a page shows it: its level count, and its first and last levels up to half of {@link NUMBER_LEVELS} each. */
interface Outline {
  levels: number;
  head: readonly number[];
  tail: readonly number[];
}

/** The outline of the `place`-th item in the group numbered `parent` (top level: undefined), from its parent's. */
function outlineIn(parent: Outline | undefined, place: number): Outline {
  if (parent === undefined) return { levels: 1, head: [place], tail: [place] };
  const half = NUMBER_LEVELS / 2;
  return {
    levels: parent.levels + 1,
    head: parent.head.length < half ? [...parent.head, place] : parent.head,
    tail: parent.tail.length < half ? [...parent.tail, place] : [...parent.tail.slice(1), place],
  };
}

/** The number a page shows for an outline (see {@link ItemView.number}). */
function shownNumber(o: Outline): string {
  if (o.levels <= NUMBER_LEVELS) return [...o.head, ...o.tail.slice(o.tail.length - (o.levels - o.head.length))].join('.');
  return `${o.head.join('.')}.(${o.levels - NUMBER_LEVELS} more).${o.tail.join('.')}`;
}

/**
 * Item paths as numbers, so that matching a finding to its item never reads a path: two items have one path when
 * their groups have one and their names are the same. The path of the top level is 0.
 */
class PathIds {
  private readonly ids = new Map<string, number>();
  /** The id of the path of an item named `name` (escaped as in a path) in the group whose path is `parent`. */
  of(parent: number, name: string): number {
    const key = `${parent}/${name}`;
    let id = this.ids.get(key);
    if (id === undefined) this.ids.set(key, (id = this.ids.size + 1));
    return id;
  }
  /** The id of a path given as text (`Group/Sub group/Step`, `\` escaping), or undefined when no item has it. */
  find(path: string): number | undefined {
    let id: number | undefined = 0;
    let from = 0;
    for (let i = 0; i <= path.length; i++) {
      if (path[i] === '\\' && i + 1 < path.length) i++;
      else if (i === path.length || path[i] === '/') {
        id = this.ids.get(`${id}/${path.slice(from, i)}`);
        if (id === undefined) return undefined;
        from = i + 1;
      }
    }
    return id;
  }
}

/** A group being walked: its children, the next to look at, and what its items' views need of it. */
interface Frame {
  parent: Sequence | Group;
  next: number;
  views: ItemView[];
  outline: Outline | undefined;
  path: string;
  pathId: number;
}

/** Builds the view of a document: the tree, the tables and (unless turned off) the lint findings. */
export function buildSequenceView(doc: TaskSequenceDocument, options: ViewOptions = {}): SequenceView {
  checkViewSize(doc, options);
  // Names repeat (two groups called "Install"), so paths do too: a finding goes to the item at its path and line,
  // else to the first item at its path.
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
  const open: Frame[] = [{ parent: doc.sequence, next: 0, views: items, outline: undefined, path: '', pathId: 0 }];
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
      continueOnError: node.attributes.continueOnError === 'true',
      condition: cond ? describeCondition(cond) : '',
      settings: keySettings(node),
      ...usage,
      findings: [],
      children: [],
    };
    into.push(view);
    if (node.kind === 'group') {
      open.push({ parent: node, next: 0, views: view.children, outline, path, pathId });
      counts.groups++;
    } else counts.steps++;
    if (view.disabled) counts.disabled++;
    if (!firstAt.has(pathId)) firstAt.set(pathId, view);
    const line = lintOn ? doc.positionOf(node)?.line : undefined;
    if (line !== undefined) byPlace.set(`${pathId}\n${line}`, view);
  }
  const findings: FindingView[] = [];
  if (lintOn) {
    for (const d of lint(doc)) {
      const f: FindingView = { rule: d.code, severity: d.severity, message: d.message, ...(d.line !== undefined ? { line: d.line } : {}) };
      // A finding with no path (about the sequence or a global variable) is the page's, whatever an item is named.
      const pathId = d.path === undefined ? undefined : paths.find(d.path);
      const target = pathId === undefined ? undefined : ((d.line !== undefined ? byPlace.get(`${pathId}\n${d.line}`) : undefined) ?? firstAt.get(pathId));
      (target ? target.findings : findings).push(f);
    }
  }
  const title = header(doc).find((h) => h.label === 'name')?.value ?? options.source ?? doc.file ?? 'Task sequence';
  const { variables, packages } = usageTables(doc, items);
  return { title, source: options.source ?? doc.file ?? '(input)', header: header(doc), references: references(doc.sequence), items, counts, variables, packages, findings };
}

/** Every item of a view, depth first (groups before their contents). */
export function flattenItems(items: ItemView[]): ItemView[] {
  const out: ItemView[] = [];
  // Iterative for the same reason as buildSequenceView; children are pushed last first to keep pre-order.
  const stack = items.slice().reverse();
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    out.push(item);
    for (let i = item.children.length - 1; i >= 0; i--) stack.push(item.children[i] as ItemView);
  }
  return out;
}

function usageTables(doc: TaskSequenceDocument, items: ItemView[]): { variables: UsageRow[]; packages: UsageRow[] } {
  // Task sequence variable names are not case-sensitive: rows are keyed on the upper-case name.
  const vars = new Map<string, UsageRow>();
  const pkgs = new Map<string, UsageRow>();
  const row = (m: Map<string, UsageRow>, name: string) => {
    const key = name.toUpperCase();
    let r = m.get(key);
    if (!r) m.set(key, (r = { name, setBy: [], readBy: [] }));
    return r;
  };
  for (const c of doc.sequence.children) {
    if (c.kind !== 'variableList') continue;
    for (const v of c.children) if (v.kind === 'variable' && v.attributes.name) row(vars, v.attributes.name).note = `global: ${shownValue(v.attributes.name, v.value)}`;
  }
  for (const r of references(doc.sequence)) if (r.package) row(pkgs, r.package).note = `in referenceList${r.program ? ` (program ${r.program})` : ''}`;
  for (const item of flattenItems(items)) {
    const ref: ItemRef = { id: item.id, number: item.number, name: item.name };
    for (const v of item.sets) row(vars, v).setBy.push(ref);
    for (const v of item.reads) row(vars, v).readBy.push(ref);
    for (const p of item.packages) row(pkgs, p).setBy.push(ref);
  }
  const sorted = (m: Map<string, UsageRow>) => [...m.values()].sort((a, b) => compareNames(a.name, b.name));
  return { variables: sorted(vars), packages: sorted(pkgs) };
}
