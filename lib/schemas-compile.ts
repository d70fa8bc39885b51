/**
 * For code that compiles a JSON Schema at run time (the package's own schemas are compiled at generation time, see
 * `scripts/generate.mjs`): the ajv options cmts's validators use, so errors read the same either way.
 */

/** All errors, strict schemas, and the failing data on each error (for messages that quote it). */
export const AJV_OPTIONS = { allErrors: true, strict: true, verbose: true } as const;
