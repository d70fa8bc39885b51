/**
 * The Setup Windows and ConfigMgr "Installation properties" string: space-separated `NAME=value` Windows Installer
 * properties and ccmsetup parameters, where double quotes group a value that has spaces (Windows command-line rules).
 */
import { shownValue } from '../shown-value.js';

/** One property or parameter of the string, with its span. */
export interface PropertyToken {
  /** `PATCH`, `SMSSLP`, … as written; undefined for a token with no `NAME=` (a `/param:value`, say). */
  name: string | undefined;
  /** The value with its grouping quotes removed. */
  value: string;
  start: number;
  end: number;
}

/**
 * What separates two properties: space and tab only, as Windows' command-line parsing (CommandLineToArgvW, and
 * msiexec's `PROPERTY=VALUE` reading) has it. A no-break space, another Unicode space or a line end is part of the
 * value it stands in, so `SMSSLP=a<U+00A0>PATCH="…"` is one SMSSLP property to Windows Installer, and no PATCH.
 */
function separates(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

/** Splits an installation properties string into tokens, keeping their spans. */
export function parseInstallProperties(text: string): PropertyToken[] {
  const tokens: PropertyToken[] = [];
  // By character code: a regular expression and a one-character string per character made this a tenth of the
  // KB977203 preset's time on 2,000 Setup steps (it reads each step's string several times).
  let i = 0;
  while (i < text.length) {
    while (i < text.length && separates(text.charCodeAt(i))) i++;
    if (i >= text.length) break;
    const start = i;
    let inQuote = false;
    for (let c = text.charCodeAt(i); i < text.length && (inQuote || !separates(c)); c = text.charCodeAt(++i)) {
      if (c === 0x22) inQuote = !inQuote;
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

/** The paths of a PATCH value: split at `;`, each trimmed, the empty ones left out. */
export function splitPatch(value: string): string[] {
  return value
    .split(';')
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** Where the value of a PATCH property written `NAME="…"` is in the text, or undefined for any other form. */
export function quotedPatchValue(text: string): { start: number; end: number } | undefined {
  const token = parseInstallProperties(text).find((t) => t.name?.toUpperCase() === 'PATCH');
  if (!token) return undefined;
  const m = /^([A-Za-z_][A-Za-z0-9_.]*)="([^"]*)"$/s.exec(text.slice(token.start, token.end));
  return m ? { start: token.start + (m[1] as string).length + 2, end: token.end - 1 } : undefined;
}

/**
 * What keeps installation properties from having one plain PATCH list to add to, first found first: a double quote
 * never closed (Windows Installer reads the rest as one value), a PATCH written otherwise than `PATCH=…`
 * ({@link patchSyntaxProblem}), or PATCH twice (Windows Installer uses one of them). Each caller (addPatch, the
 * add-client-patch transform, the KB977203 preset) says it in its own words; undefined when there is none.
 */
export type PatchListProblem = { kind: 'quote'; at: number } | ({ kind: 'syntax' } & PatchSyntaxProblem) | { kind: 'twice' };

/** The {@link PatchListProblem} of `text`, if any. */
export function patchListProblem(text: string): PatchListProblem | undefined {
  const at = unbalancedQuote(text);
  if (at !== undefined) return { kind: 'quote', at };
  const syntax = patchSyntaxProblem(text);
  if (syntax !== undefined) return { kind: 'syntax', ...syntax };
  return parseInstallProperties(text).filter((t) => t.name?.toUpperCase() === 'PATCH').length > 1 ? { kind: 'twice' } : undefined;
}

/** The offset of a double quote that is never closed, or undefined when every quote is paired. */
export function unbalancedQuote(text: string): number | undefined {
  let open: number | undefined;
  for (let i = 0; i < text.length; i++) if (text[i] === '"') open = open === undefined ? i : undefined;
  return open;
}

/** A PATCH property written in a form Windows Installer does not read as cmts would, with where it starts. */
export interface PatchSyntaxProblem {
  /** Offset of the PATCH property (or its name) in the text. */
  at: number;
  /** The property as written, e.g. `PATCH = "C:\a.msp"`. */
  written: string;
  /** What is wrong with it, in words, ending with what to write instead. */
  why: string;
}

/**
 * Finds a PATCH property that cannot be read or rewritten safely. Windows Installer's command line takes
 * `PROPERTY=VALUE` with nothing around the `=`, and only double quotation marks group a value (Microsoft's msiexec
 * "Command-Line Options" page: `PROPERTY="Embedded White Space"`). So:
 * - `PATCH = "…"`, `PATCH ="…"`, `PATCH= "…"`: spaces around `=` make no PATCH property at all, and adding one would
 *   leave the stray text beside it;
 * - `PATCH='…'`: apostrophes are not quotation marks to Windows Installer; they become part of the first and last
 *   paths, which then name no file.
 * Returns undefined when every PATCH property is written `PATCH=…` and no path of it starts or ends with an apostrophe.
 */
export function patchSyntaxProblem(text: string): PatchSyntaxProblem | undefined {
  const tokens = parseInstallProperties(text);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as PropertyToken;
    const raw = text.slice(t.start, t.end);
    const glued = gluedPatch(raw);
    if (glued !== undefined) return { at: t.start + glued.at, written: raw, why: glued.why };
    const next = tokens[i + 1];
    const nextRaw = next ? text.slice(next.start, next.end) : '';
    if (t.name === undefined && /^"?PATCH$/i.test(raw) && nextRaw.startsWith('=')) {
      // `PATCH = value`: the `=` stands alone, and the value is the token after it.
      const last = nextRaw === '=' ? (tokens[i + 2] ?? next) : next;
      return { at: t.start, written: text.slice(t.start, (last as PropertyToken).end), why: 'it has spaces around "=", so Windows Installer does not read it as PATCH. Write PATCH="<path>;<path>" with no spaces around "=".' };
    }
    if (t.name?.toUpperCase() !== 'PATCH') continue;
    const runOn = propertyAfterQuote(raw);
    if (runOn !== undefined) {
      return { at: t.start, written: raw, why: `${shownValue(runOn, '"')} follows its closing quotation mark with no space, so Windows Installer reads it as part of the PATCH value, not as a property of its own. Put a space after the quotation mark.` };
    }
    if (/=$/.test(raw) && next !== undefined) {
      return { at: t.start, written: text.slice(t.start, next.end), why: 'nothing follows its "=" but a space, so Windows Installer does not take the text after the space as its value. Write PATCH="<path>;<path>" with no spaces around "=" (PATCH="" for an empty list).' };
    }
    if (splitPatch(t.value).some((p) => p.startsWith("'") || p.endsWith("'"))) {
      // A single-quoted value with a space in it is split into several tokens: show the whole of it.
      let end = t.end;
      for (let j = i + 1; j < tokens.length && !/'$/.test(text.slice(t.start, end)); j++) end = (tokens[j] as PropertyToken).end;
      return { at: t.start, written: text.slice(t.start, end), why: 'its value is in single quotation marks, which Windows Installer does not take as quotation marks: they would be part of the paths, which then name no file. Write PATCH="<path>;<path>" with double quotation marks.' };
    }
    // An unquoted path with a space: Windows Installer ends the value at the space, and the rest is a word that is
    // no property (`PATCH=C:\Program Files\x.msp`). Appending to it would quote a list whose first path is `C:\Program`.
    const rest = next !== undefined && next.name === undefined && !nextRaw.startsWith('/') ? nextRaw : undefined;
    if (next !== undefined && rest !== undefined && !raw.slice(raw.indexOf('=') + 1).startsWith('"') && (!/\.msp$/i.test(raw) || /\.msp\b/i.test(rest))) {
      let end = next.end;
      for (let j = i + 2; j < tokens.length && (tokens[j] as PropertyToken).name === undefined && !text.startsWith('/', (tokens[j] as PropertyToken).start); j++) end = (tokens[j] as PropertyToken).end;
      return { at: t.start, written: text.slice(t.start, end), why: `its value has a space and no quotation marks, so Windows Installer ends the value at the space and ${shownValue(nextRaw, '"')} is left as no property. Write PATCH="<path>;<path>" with the paths in double quotation marks.` };
    }
  }
  return undefined;
}

/**
 * What follows a closing quotation mark of a property's value with no space between, when it reads as a property of
 * its own (`PATCH="C:\a.msp"FSP=F1` gives `FSP=F1`): Windows Installer ends a value only at a space or tab outside
 * quotation marks, so that property is part of the value, and rewriting the value would quote it in. Paths quoted one
 * by one (`"C:\a.msp";"C:\b.msp"`) run on into one list, as meant: no property follows a quotation mark there.
 */
function propertyAfterQuote(raw: string): string | undefined {
  let inQuote = false;
  for (let k = raw.indexOf('=') + 1; k < raw.length; k++) {
    if (raw[k] !== '"') continue;
    inQuote = !inQuote;
    if (!inQuote && /^[A-Za-z_][\w.]*=/.test(raw.slice(k + 1))) return raw.slice(k + 1);
  }
  return undefined;
}

/**
 * A `PATCH=` joined to the text before it by a space Windows does not separate at (a no-break space pasted from a web
 * page, say), outside quotation marks: it looks like a PATCH property and is part of the value before it. Refused
 * rather than taken for part of that value and a PATCH added beside it: the administrator meant a PATCH there, its
 * other entries are not installed, and a second PATCH would be one once the space is fixed.
 */
function gluedPatch(raw: string): { at: number; why: string } | undefined {
  let inQuote = false;
  for (let k = 0; k < raw.length; k++) {
    const c = raw[k] as string;
    if (c === '"') inQuote = !inQuote;
    else if (!inQuote && /\s/.test(c) && /^\s*"?PATCH=/i.test(raw.slice(k))) {
      const code = `U+${(c.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}`;
      return { at: k, why: `a ${code} (not a plain space or tab) joins PATCH to the text before it, and Windows separates properties only at spaces and tabs: Windows Installer reads no PATCH there, only a longer value of the property before it. Put a plain space before PATCH.` };
    }
  }
  return undefined;
}

/**
 * Writes a new PATCH list in place of the existing one (one quoted, `;`-separated value, same property name and
 * place); an empty list removes the property and the space that separated it. Without a PATCH property, a non-empty
 * list is appended as {@link addPatch} does.
 */
export function setPatchList(text: string, list: string[]): string {
  const token = parseInstallProperties(text).find((t) => t.name?.toUpperCase() === 'PATCH');
  if (!token) {
    if (list.length === 0) return text;
    const sep = text === '' ? '' : ' ';
    return `${text}${sep}PATCH="${list.join(';')}"`;
  }
  if (list.length > 0) return `${text.slice(0, token.start)}${token.name as string}="${list.join(';')}"${text.slice(token.end)}`;
  // Drop the one separator added with it: the space before the property (or after it, when it comes first).
  const before = text.slice(0, token.start);
  const after = text.slice(token.end);
  if (before.endsWith(' ')) return before.slice(0, -1) + after;
  return before + after.replace(/^ /, '');
}
