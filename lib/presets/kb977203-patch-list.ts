/**
 * The KB977203 entry put into, and taken out of, a PATCH list with the rest of the list as written, so that revert of
 * an apply gives the installation properties back byte for byte wherever the file can tell how they were written,
 * and revert of a hand-written PATCH takes out the KB977203 entry and nothing else: its quoting (the whole list, each
 * path, or none), a `;` or spaces at its end, and an empty `PATCH=""` stay.
 */
import { parseInstallProperties, quotedPatchValue, setPatchList } from '../model/install-properties.js';

/** The file name of a PATCH entry: what follows its last `\` (or `/`). */
export const fileOf = (entry: string): string => entry.slice(Math.max(entry.lastIndexOf('\\'), entry.lastIndexOf('/')) + 1);

/**
 * Whether a PATCH entry is the client update of KB977384, which contains KB977203 (R2): its file name, the last
 * segment of the path, names KB977384 as the whole number and is an .msp (`SCCM2007AC-SP2-KB977384-x86.msp`, or a
 * locale's form of it, as R10 says of KB977203's). A folder named KB977384 says nothing of the file in it (an .msp
 * there may be any other), and a KB9773841 .msp is another hotfix. Whether the entry can install the update from where
 * it points is asked apart (kb977203-patch.ts): the one definition for the preset, its revert and lint.
 */
export function isKb977384Entry(entry: string): boolean {
  return /KB977384(?!\d)[^\\/]*\.msp$/i.test(fileOf(entry));
}

/** Whether a PATCH entry is a KB977203 client patch: in a KB977203 folder, or named after it; not a KB977384 .msp. */
export function isKb977203Entry(entry: string): boolean {
  return (/\\KB977203\\[^\\]*$/i.test(entry) || /KB977203(?!\d)[^\\]*\.msp$/i.test(entry)) && !isKb977384Entry(entry);
}

/**
 * The properties with `entry` added to a `PATCH="…"` list, or undefined when PATCH is not written so (none, or not
 * quoted as a whole: then the list is written anew, quoted, as R6 asks). The entry goes right after the last path, as
 * `;entry`, so that a `;` or spaces ending the list stay after it; into an empty list (`PATCH=""`) it goes alone.
 * {@link withoutKb977203Entries} takes it out again as it came.
 */
export function addedToPatch(text: string, entry: string): string | undefined {
  const at = quotedPatchValue(text);
  if (at === undefined) return undefined;
  const last = /[^;\s][;\s]*$/.exec(text.slice(at.start, at.end));
  const cut = last ? at.start + last.index + 1 : at.start;
  return `${text.slice(0, cut)}${last ? ';' : ''}${entry}${text.slice(cut)}`;
}

/** Whether a character is white space or a quotation mark: what surrounds a path in a PATCH list. */
const around = (c: string | undefined) => c !== undefined && (c === '"' || /\s/.test(c));

/**
 * The properties without their KB977203 PATCH entries, for revert; the rest of the property as written (see the
 * module comment). Each entry goes with the `;` before it (after it, and the spaces after that, for the first of a
 * list that keeps other paths); quotation marks around it go with it when they are its own, and stay when they are the
 * list's. With no other path left, only the path itself goes. A list left with no path keeps its `PATCH=…` with an empty value (`""` where something follows it), except
 * the one form the preset writes where there was no PATCH: ` PATCH="<entry>"` at the end, which goes whole.
 */
export function withoutKb977203Entries(text: string): string {
  const token = parseInstallProperties(text).find((t) => t.name?.toUpperCase() === 'PATCH');
  if (!token) return text;
  const raw = text.slice(token.start, token.end);
  const start = token.start + raw.indexOf('=') + 1;
  let value = text.slice(start, token.end);
  const segments: { start: number; end: number }[] = [];
  for (let from = 0, i = 0; i <= value.length; i++) {
    if (i === value.length || value[i] === ';') {
      segments.push({ start: from, end: i });
      from = i + 1;
    }
  }
  const entryOf = (s: { start: number; end: number }) => value.slice(s.start, s.end).replace(/"/g, '').trim();
  const ours = segments.map((s) => entryOf(s) !== '' && isKb977203Entry(entryOf(s)));
  const first = ours.indexOf(true);
  if (first === -1) return text;
  const others = segments.some((s, i) => !ours[i] && entryOf(s) !== '');
  // What the preset appends to properties with no PATCH: the property goes, with the space before it.
  if (!others && token.end === text.length && /^PATCH="[^";]*"$/.test(raw)) return setPatchList(text, []);
  // The entries are taken out from the last: each cut lies at or after the end of the segment before it, so the text
  // before a cut is the value as read. The value is kept as that text up to `head` and the pieces after it (last
  // first), not written anew at each cut: with many KB977203 entries that cost the square of the PATCH's length. Only
  // the first segment's cut can read past its own end (the spaces after its `;`), so there the value is joined first.
  let head = value.length;
  const tail: string[] = [];
  const joined = () => value.slice(0, head) + tail.reverse().join('');
  for (let i = segments.length - 1; i >= 0; i--) {
    if (!ours[i]) continue;
    const s = segments[i] as { start: number; end: number };
    if (others && i === 0) {
      value = joined();
      head = value.length;
      tail.length = 0;
    }
    let cs = s.start;
    let ce = s.end;
    while (cs < ce && around(value[cs])) cs++;
    while (ce > cs && around(value[ce - 1])) ce--;
    const marks = (x: number, y: number) => (value.slice(x, y).match(/"/g) ?? []).length;
    // A path in quotation marks of its own (`"C:\a.msp";"C:\b.msp"`) goes with them; one in the list's stays in them.
    // A path with no mark in its segment is in the list's quotes (or none): what follows it (a space before a `;`) stays.
    const own = marks(s.start, s.end) > 0 && marks(s.start, s.end) % 2 === 0;
    let from = cs;
    let to = ce;
    // An entry after another path, or after another KB977203 entry (which goes too), goes with the `;` before it.
    if ((others || i > first) && i > 0) {
      from = s.start - 1;
      if (own) to = s.end;
    } else if (others) {
      if (own) from = s.start;
      to = s.end + 1;
      while (to < head && /[ \t]/.test(value[to] as string)) to++;
    }
    // A mark that opened or closed a quotation going on past what is taken out stays, so the quotes stay paired.
    const keep = marks(from, to) % 2 === 1 ? '"' : '';
    tail.push(value.slice(to, head), keep);
    head = from;
  }
  value = joined();
  if (value === '' && token.end < text.length) value = '""';
  return text.slice(0, start) + value + text.slice(token.end);
}
