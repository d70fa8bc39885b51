/** `cmts/diff`: compare two task sequences by meaning (steps added, removed, moved, changed). */
export { diffTaskSequences, formatDiffEntry, type DiffEntry } from '../diff/semantic-diff.js';
