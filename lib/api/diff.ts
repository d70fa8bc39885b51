/** `cmts/diff`: compare two task sequences by meaning (steps added, removed, moved, changed). */
export { formatDiffEntry, type DiffEntry, type DiffKind } from '../diff/diff-entry.js';
export { diffTaskSequences } from '../diff/semantic-diff.js';
