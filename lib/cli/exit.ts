/**
 * The command line's exit statuses, in a module of their own so commands need not import `main.ts` (which loads
 * them: importing it back would close a circle).
 */

/**
 * Exit statuses, the same for every command: 0 success; 1 findings, an input that failed, or changes needed;
 * 2 a usage error or trouble (diff: an input that could not be compared).
 */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
