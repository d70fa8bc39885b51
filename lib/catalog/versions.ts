/**
 * ConfigMgr releases in order, so the catalog's "since" can be compared with what a sequence was written for.
 * MDT step types are an add-on that any release can carry; they are never "too new".
 */
import type { ContainerKind } from '../containers/index.js';
import type { Sequence } from '../model/types.js';
import { BREAK, SKIP, visit } from '../visit.js';

/** A release name as the catalog writes it: `2007`, `2007 R2`, `2012`, `2012 SP1`, `2012 R2`, `CB`, `CB 1910`, … */
export type Release = string;

/** The newest release the catalog describes: builders write its spelling unless told otherwise. */
export const LATEST_RELEASE: Release = 'CB 2403';

/**
 * A sortable rank for a release: 2007 < 2007 R2 < 2012 < 2012 SP1 < 2012 R2 < CB (= CB 1511) < CB 1606 < … .
 * Returns undefined for names that are not ConfigMgr releases (`MDT`, `MDT Lite Touch`).
 */
export function releaseRank(release: Release): number | undefined {
  const cb = /^CB(?: (\d{4}))?$/.exec(release);
  if (cb) return 100000 + Number(cb[1] ?? 1511);
  const m = /^(2007|2012)(?: (R2|SP1|SP2|R2 SP1))?$/.exec(release);
  if (!m) return undefined;
  const minor = { '': 0, SP1: 1, SP2: 2, R2: 3, 'R2 SP1': 4 }[m[2] ?? ''] ?? 0;
  return Number(m[1]) * 10 + minor;
}

/** Whether something first shipped in `since` is available in `release` (MDT and unknown names always are). */
export function isAvailableIn(since: Release | undefined, release: Release): boolean {
  if (since === undefined) return true;
  const a = releaseRank(since);
  const b = releaseRank(release);
  return a === undefined || b === undefined || a <= b;
}

/**
 * What a sequence of {@link sequenceRelease} `release` is for, in words: `2012 R2` is what a `3.00` sequence is at
 * most, which 2007 to 2012 R2 all write.
 */
export function describeRelease(release: Release): string {
  return release === '2012 R2' ? 'ConfigMgr 2007 to 2012 R2 (schema 3.00)' : `ConfigMgr ${release}`;
}

/**
 * The newest release a sequence can have been written by: a 2007 `<SmsTaskSequencePackage>` export is `2007`; a
 * `<sequence version="3.00">` (the schema 2007 to 2012 R2 write) is at most `2012 R2` unless its steps carry
 * `retryCount` (only Current Branch writes it); `3.10` and later can be any Current Branch release (`LATEST_RELEASE`).
 */
export function sequenceRelease(sequence: Sequence, container: ContainerKind = 'sequence', steps?: Iterable<{ node: { kind: string; attributes: Record<string, string> } }>): Release {
  if (container === 'sms-package') return '2007';
  if (container === 'cim-instance') return LATEST_RELEASE;
  const version = Number(sequence.attributes.version ?? '3.00');
  if (version >= 3.1) return LATEST_RELEASE;
  // Current Branch writes retryCount on every step, also into sequences it saves as 3.00. A caller that has the
  // sequence's items listed already (`steps`) spares a walk of the tree.
  if (steps === undefined) return stepAttributes(sequence).retryCount ? LATEST_RELEASE : '2012 R2';
  for (const { node } of steps) if (node.kind !== 'group' && node.attributes.retryCount !== undefined) return LATEST_RELEASE;
  return '2012 R2';
}

/**
 * Whether the sequence has a step (or sub task sequence) at all, and whether one carries `retryCount`. The walk stops
 * at the first that does (in a Current Branch sequence, its first step) and goes into nothing but groups: a caller
 * that adds steps one by one asks this for each, and listing every item each time made adding N steps cost N²
 * (10,000: 14 s), and a sequence nested past the listing's bounds refused every addition.
 */
export function stepAttributes(sequence: Sequence): { anyStep: boolean; retryCount: boolean } {
  let anyStep = false;
  let retryCount = false;
  visit(sequence, (node) => {
    if (node.kind === 'group') return undefined;
    if (node.kind === 'step' || node.kind === 'subtasksequence') {
      anyStep = true;
      if (node.attributes.retryCount !== undefined) {
        retryCount = true;
        return BREAK;
      }
    }
    return SKIP;
  });
  return { anyStep, retryCount };
}

/** Whether a release is a Current Branch one. */
export function isCurrentBranch(release: Release): boolean {
  return (releaseRank(release) ?? 0) >= 100000;
}
