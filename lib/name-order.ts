/**
 * The order of names in what cmts prints (a page's lists and tables, a folder's files): one collation, English,
 * whatever the locale. localeCompare without a locale follows the environment (LANG), so the same sequence rendered
 * on a Swedish desktop and on a build server gave two pages (Ä after Z, or beside A), and a folder's files came in
 * two orders.
 */
const COLLATOR = new Intl.Collator('en');

/** Compares two names for sorting, the same way on every machine. */
export function compareNames(a: string, b: string): number {
  return COLLATOR.compare(a, b);
}
