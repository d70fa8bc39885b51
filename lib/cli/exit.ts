/**
 * The command line's exit statuses, in a module of their own so commands need not import `main.ts` (which loads
 * them: importing it back would close a circle).
 */

/** Exit statuses: 0 success, 1 bad input or a refused option, 2 a usage error. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
