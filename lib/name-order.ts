/**
 * The order of names in what cmts prints (a page's lists and tables, a folder's files): one collation, English,
 * whatever the locale. localeCompare without a locale follows the environment (LANG), so the same sequence rendered
 * on a Swedish desktop and on a build server gave two pages (Ä after Z, or beside A), and a folder's files came in
 * two orders.
 */
// Made on first use, not when the module loads: building a collator loads ICU's collation data (7-17 ms of a cold
// start), and most commands that import this (every folder command, through the input listing) never sort a name.
let collator: Intl.Collator | undefined;

/** Compares two names for sorting, the same way on every machine. */
export function compareNames(a: string, b: string): number {
  return (collator ??= new Intl.Collator('en')).compare(a, b);
}
