/**
 * The order of names in a page's lists and tables: one collation, English, whatever the locale the page is rendered
 * in. localeCompare without a locale follows the environment (LANG), so the same sequence rendered on a Swedish
 * desktop and on a build server gave two pages (Ä after Z, or beside A), and a page kept in git changed with them.
 */
const COLLATOR = new Intl.Collator('en');

/** Compares two names for sorting, the same way on every machine. */
export function compareNames(a: string, b: string): number {
  return COLLATOR.compare(a, b);
}
