/**
 * The reader's default limits, in a module that imports nothing: {@link ./read.ts} exports them with the reader, and
 * the command line reads files within them without loading the reader first (`cmts --version` loads no parser).
 */

/** The default for {@link ReadOptions.maxBytes}: 64 MiB, well above a 20,000-step sequence. */
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

/**
 * The default for {@link ReadOptions.maxNodes}: 3,000,000 markup items. A 64 MiB export has about 1.5 million; the
 * tree costs at most about 450 bytes per item, so the largest input allowed stays far below the V8 heap's limit.
 */
export const DEFAULT_MAX_NODES = 3_000_000;

/** The default for {@link ReadOptions.maxDepth}: 256 levels of elements, far deeper than any real sequence nests. */
export const DEFAULT_MAX_DEPTH = 256;
