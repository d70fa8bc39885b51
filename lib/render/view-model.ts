/**
 * The view model of a rendered task sequence: a plain, JSON-serialisable description of what the page shows (header,
 * numbered tree with settings, conditions and findings, variable and package tables). The HTML and Markdown
 * renderers only format it, so what a step shows is tested here once for both. This is its shape, which the
 * renderers read, and flattenItems; build-sequence-view.ts builds it from a document.
 */
import type { Issue } from '../errors.js';
import { checkpointBelow, containsItself } from '../model/contains-itself.js';
import { shownValue } from '../shown-value.js';
import type { SequenceItem } from '../model/types.js';
import type { Setting } from './key-settings.js';

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
   * so that a page of a chain of groups thousands deep does not grow with the square of its depth. A removed item in a
   * comparison has its number in the old sequence, after `was ` (`was 1.2`).
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
  /**
   * A group around the item is disabled, so the item does not run whatever its own `disabled` says (ConfigMgr skips a
   * disabled group with all it holds).
   */
  inDisabledGroup: boolean;
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

/**
 * The most levels an outline number shows in full. A deeper item shows the first and the last half of them, and how
 * many are left out between: every number of a chain of N groups in full would make a page of N²/2 numbers (a chain of
 * 10,000 groups: 100 million characters, three times over). No real export nests half as deep.
 */
export const NUMBER_LEVELS = 20;

/**
 * Every item of a view, depth first (groups before their contents). Throws `INVALID_ARGUMENT` for an item among its
 * own children (a view is plain data: a script can make one).
 */
export function flattenItems(items: ItemView[]): ItemView[] {
  const out: ItemView[] = [];
  // Iterative for the same reason as buildSequenceView; children are pushed last first to keep pre-order. Beside each
  // item, its depth and what the items in it are compared with (see contains-itself.ts); a top item is at depth 1.
  const stack = items.slice().reverse();
  const depths = stack.map(() => 1);
  const checkpoints = stack.slice();
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const depth = depths.pop() as number;
    const checkpoint = checkpoints.pop() as ItemView;
    out.push(item);
    for (let i = item.children.length - 1; i >= 0; i--) {
      const child = item.children[i] as ItemView;
      if (child === checkpoint) containsItself(child, 'INVALID_ARGUMENT', `The item ${shownValue(child.id, '"')} of the view`);
      stack.push(child);
      depths.push(depth + 1);
      checkpoints.push(checkpointBelow(child, depth + 1, checkpoint));
    }
  }
  return out;
}


/** The page's counts in words, each noun in the number its count takes: `1 step in 2 groups, 1 disabled; 3 variables, 1 package.` */
export function countsLine(view: SequenceView): string {
  const n = (count: number, one: string) => `${count} ${one}${count === 1 ? '' : 's'}`;
  const { steps, groups, disabled } = view.counts;
  return `${n(steps, 'step')} in ${n(groups, 'group')}${disabled ? `, ${disabled} disabled` : ''}; ${n(view.variables.length, 'variable')}, ${n(view.packages.length, 'package')}.`;
}
