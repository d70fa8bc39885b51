/**
 * The Setup Windows and ConfigMgr "Installation properties" string: space-separated `NAME=value` Windows Installer
 * properties and ccmsetup parameters, where double quotes group a value that has spaces (Windows command-line rules).
 */

/** One property or parameter of the string, with its span. */
export interface PropertyToken {
  /** `PATCH`, `SMSSLP`, … as written; undefined for a token with no `NAME=` (a `/param:value`, say). */
  name: string | undefined;
  /** The value with its grouping quotes removed. */
  value: string;
  start: number;
  end: number;
}

/** Splits an installation properties string into tokens, keeping their spans. */
export function parseInstallProperties(text: string): PropertyToken[] {
  const tokens: PropertyToken[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i] as string)) i++;
    if (i >= text.length) break;
    const start = i;
    let inQuote = false;
    while (i < text.length && (inQuote || !/\s/.test(text[i] as string))) {
      if (text[i] === '"') inQuote = !inQuote;
      i++;
    }
    const raw = text.slice(start, i);
    const m = /^"?([A-Za-z_][A-Za-z0-9_.]*)=(.*)$/s.exec(raw);
    tokens.push(m ? { name: m[1], value: (m[2] as string).replace(/"/g, ''), start, end: i } : { name: undefined, value: raw.replace(/"/g, ''), start, end: i });
  }
  return tokens;
}

/** The `.msp` paths of the PATCH property (semicolon-separated), or undefined when there is no PATCH. */
export function patchList(text: string): string[] | undefined {
  const token = parseInstallProperties(text).find((t) => t.name?.toUpperCase() === 'PATCH');
  return token ? splitPatch(token.value) : undefined;
}

function splitPatch(value: string): string[] {
  return value
    .split(';')
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** What {@link addPatch} did. */
export type AddPatchResult =
  | { status: 'added'; value: string }
  | { status: 'present'; value: string }
  | { status: 'covered'; value: string; by: string };

/**
 * Adds an .msp path to the PATCH property: appended to an existing list (one PATCH property, never two), the value
 * always written quoted; every other property keeps its text, order and quoting. A path already listed (any letter
 * case) is `present`; a listed path containing one of `coveredBy` (any case) is `covered`.
 */
export function addPatch(text: string, msp: string, coveredBy: string[] = []): AddPatchResult {
  const token = parseInstallProperties(text).find((t) => t.name?.toUpperCase() === 'PATCH');
  if (!token) {
    const sep = text === '' || /\s$/.test(text) ? '' : ' ';
    return { status: 'added', value: `${text}${sep}PATCH="${msp}"` };
  }
  const list = splitPatch(token.value);
  if (list.some((p) => p.toLowerCase() === msp.toLowerCase())) return { status: 'present', value: text };
  const by = list.find((p) => coveredBy.some((c) => p.toLowerCase().includes(c.toLowerCase())));
  if (by !== undefined) return { status: 'covered', value: text, by };
  const value = `${token.name as string}="${[...list, msp].join(';')}"`;
  return { status: 'added', value: text.slice(0, token.start) + value + text.slice(token.end) };
}
