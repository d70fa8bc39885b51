/**
 * Edits of an export's ReferencesInfo.xml text (see references-info.ts for its form): an item added where the sorted
 * order puts it, the items of a package removed, and both for many packages at once in one pass over the file, as
 * writing an export does: one edit at a time read the whole file again for each package, so adding or removing a
 * thousand references cost a thousand reads of a file that grows with them.
 */
import { itemText, type PackageReferenceInfo, type ReferencesInfoFile, type ReferencesInfoItem, ROOT, withText } from './references-info.js';

/** A package to list, with what is known of it. */
export interface ListedPackage {
  packageId: string;
  info: PackageReferenceInfo & { packageType: number };
}

/**
 * The file without the items of the packages `removed` and with an item for each of `added` (none listed yet), the
 * same text as removing and then adding them one at a time with {@link removeReferencesInfoItems} and
 * {@link addReferencesInfoItem}, in linear time.
 */
export function editReferencesInfo(file: ReferencesInfoFile, sequencePackage: string, removed: readonly string[], added: readonly ListedPackage[]): string {
  const gone = new Set(removed.map((p) => p.toUpperCase()));
  let edited = file.items.some((i) => i.packageId !== undefined && gone.has(i.packageId.toUpperCase())) ? withText(file, withoutItems(file, gone)) : file;
  const [first] = added;
  if (first === undefined) return edited.text;
  let rest = added;
  // An array with no item is opened by the first, whose layout the others then follow.
  if (edited.items.length === 0) {
    edited = withText(edited, addReferencesInfoItem(edited, sequencePackage, first.packageId, first.info));
    rest = added.slice(1);
  }
  return edited.items.length === 0 ? edited.text : withItems(edited, sequencePackage, rest);
}

/**
 * The file with the items of `added` put in as {@link addReferencesInfoItem} puts each: before the first item (in
 * file order) whose ReferencePackageID is greater, else after the last. That item is the first whose running maximum
 * of IDs is greater, found by a binary search; the new items bound for one place go there in order of their IDs, as
 * adding them one at a time leaves them, whatever the order they come in.
 */
function withItems(file: ReferencesInfoFile, sequencePackage: string, added: readonly ListedPackage[]): string {
  const { text, items, newline: nl } = file;
  const runningMax: string[] = [];
  let max = '';
  for (const i of items) {
    const key = i.packageId?.toUpperCase();
    if (key !== undefined && key > max) max = key;
    runningMax.push(max);
  }
  const at = new Map<number, ListedPackage[]>();
  for (const a of added) {
    const key = a.packageId.toUpperCase();
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((runningMax[mid] as string) > key) hi = mid;
      else lo = mid + 1;
    }
    const list = at.get(lo);
    if (list) list.push(a);
    else at.set(lo, [a]);
  }
  let out = '';
  let from = 0;
  for (const [place, list] of [...at].sort((x, y) => x[0] - y[0])) {
    const model = (items[place] ?? items[items.length - 1]) as ReferencesInfoItem;
    const to = place < items.length ? model.start : model.end;
    out += text.slice(from, to);
    from = to;
    list.sort((x, y) => (x.packageId.toUpperCase() < y.packageId.toUpperCase() ? -1 : 1));
    for (const { packageId, info } of list) {
      const item = itemText(sequencePackage, packageId, info, nl);
      out += model.ownLine ? `${model.indent}${item}${nl}` : item;
    }
  }
  return out + text.slice(from);
}

/**
 * The file with an item for `packageId` added where the sorted order puts it (before the first item with a greater
 * ReferencePackageID, else after the last item), laid out like its neighbours. `sequencePackage` is the sequence's own
 * package ID (the items' PackageID).
 */
export function addReferencesInfoItem(file: ReferencesInfoFile, sequencePackage: string, packageId: string, info: PackageReferenceInfo & { packageType: number }): string {
  const { text, items, newline: nl } = file;
  const item = itemText(sequencePackage, packageId, info, nl);
  const key = packageId.toUpperCase();
  const next = items.find((i) => i.packageId !== undefined && i.packageId.toUpperCase() > key);
  const model = next ?? items[items.length - 1];
  if (model) {
    const laidOut = model.ownLine ? `${model.indent}${item}${nl}` : item;
    const at = next ? next.start : model.end;
    // After a last item that ends the line, the new one goes on the next line; after one that does not, on its line.
    return text.slice(0, at) + laidOut + text.slice(at);
  }
  const root = ROOT.exec(text) as RegExpExecArray;
  if (root[1] !== undefined) {
    // An empty array, as XmlSerializer writes it (`<ArrayOfString … />`): opened, one item a line, closed.
    const open = root[0].slice(0, root[0].length - root[1].length - 1) + '>';
    return text.slice(0, root.index) + `${open}${nl}  ${item}${nl}</ArrayOfString>` + text.slice(root.index + root[0].length);
  }
  const close = text.lastIndexOf('</ArrayOfString>');
  const lineStart = text.lastIndexOf('\n', close - 1) + 1;
  if (lineStart > root.index && /^[ \t]*$/.test(text.slice(lineStart, close))) return text.slice(0, lineStart) + `  ${item}${nl}` + text.slice(lineStart);
  return text.slice(0, close) + item + text.slice(close);
}

/** The file without the items of `packageId`; an array left empty is closed as XmlSerializer writes one (`… />`). */
export function removeReferencesInfoItems(file: ReferencesInfoFile, packageId: string): string {
  return withoutItems(file, new Set([packageId.toUpperCase()]));
}

/** The file without the items of the packages in `gone` (upper case), in one pass; see {@link removeReferencesInfoItems}. */
function withoutItems(file: ReferencesInfoFile, gone: ReadonlySet<string>): string {
  let text = '';
  let from = 0;
  let left = file.items.length;
  for (const i of file.items) {
    if (i.packageId === undefined || !gone.has(i.packageId.toUpperCase())) continue;
    text += file.text.slice(from, i.start);
    from = i.end;
    left--;
  }
  text += file.text.slice(from);
  if (left === 0 && file.items.length > 0) {
    // The inverse of opening an empty array in addReferencesInfoItem.
    const root = ROOT.exec(text);
    if (root && root[1] === undefined && text.startsWith(`${file.newline}</ArrayOfString>`, root.index + root[0].length)) {
      text = text.slice(0, root.index) + `${root[0].slice(0, -1)} />` + text.slice(root.index + root[0].length + file.newline.length + '</ArrayOfString>'.length);
    }
  }
  return text;
}
