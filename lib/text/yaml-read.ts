/**
 * What fromYaml asks of the YAML library's text, tokens and nodes beside the library's own reading: line ends as YAML
 * 1.2 has them, the YAML version a text declares, keys by the names they become, and the place of a path's key or
 * value in the text.
 */
import { type CST, type Document, isAlias, isCollection, isMap, isPair, isScalar, isSeq } from 'yaml';

/**
 * `text` with each CR that no LF follows made an LF. YAML 1.2 (section 5.4, b-break) ends a line at CR LF, at LF and
 * at a CR alone, and reads every line break inside a scalar as one LF; the YAML library ends lines only at LF (a CR
 * before it is dropped), so a file saved with classic Mac line ends (CR only) read as one line and was refused as "not
 * valid YAML", and a lone CR in an LF file stayed in the value read. The text keeps its length and every offset, so
 * the places of errors (line and column, counted as errors.ts's LineCounter counts them, a lone CR ending a line) hold.
 */
export function withYamlLineBreaks(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/**
 * The first `%YAML` directive of `tokens` that asks for a version other than 1.2, with where it is. The text form is
 * YAML 1.2 (core schema): what `toYaml` writes and the README describes. Under `%YAML 1.1` the library reads a plain
 * `yes`, `on` or `off` as a boolean, `0755` as octal 493 and `1:20` as the sexagesimal 80, where YAML 1.2 reads the
 * strings `yes`, `on`, `off` and the numbers 755 and (a string) `1:20`: the same words would build another sequence
 * (`continueOnError: on` a step that continues, a `timeout: 1:20` of 80 seconds) without a word. Reading such a text
 * as 1.2 regardless would give a value other than the one its author declared just as silently, so the text is
 * refused, and its author removes the directive (or writes `%YAML 1.2`) after checking what the values say. A
 * version the library does not know (`1.3`, `2.0`) it only warns of, and reads as 1.2: refused too.
 */
export function otherYamlVersionAt(tokens: readonly CST.Token[]): { version: string; at: number } | undefined {
  for (const token of tokens) {
    if (token.type !== 'directive') continue;
    const [name, version = '', ...more] = token.source.trim().split(/[ \t]+/);
    if (name === '%YAML' && (version !== '1.2' || more.length > 0)) return { version: [version, ...more].join(' ').trim(), at: token.offset };
  }
  return undefined;
}

type Ranged = { range?: [number, number, number] | null } | null | undefined;

/**
 * The name `key` becomes in the value the library makes (as it names a key): null is "", another scalar its value as a
 * string, an alias its anchor's key's name; undefined for a mapping or a list.
 */
export function keyName(key: unknown, yaml: Document.Parsed): string | undefined {
  const target = isAlias(key) ? key.resolve(yaml) : key;
  if (isCollection(target)) return undefined;
  const v = (isScalar(target) ? target.value : null) as string | number | boolean | bigint | object | null;
  return v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/**
 * The first key that is a second time in its mapping, or that is a mapping or a list, and where it is: found with one
 * set of keys a mapping, walked with an explicit stack. (The library's own check, `uniqueKeys`, compares each key with
 * every key before it: a mapping of 80,000 keys took over a minute.) Keys are compared as the name each becomes in
 * the value read: `true` and `"true"`, `~` and `""`, an alias and its anchor's key are one name, where the library
 * saw two keys and kept the last value without a word. The text form's keys are names: one that is a mapping or a
 * list (which the library writes out as a name) is refused.
 */
export function badKeyAt(yaml: Document.Parsed): { what: string; at: number } | undefined {
  const stack: unknown[] = [yaml.contents];
  for (let node = stack.pop(); stack.length > 0 || node !== undefined; node = stack.pop()) {
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const { key, value } of node.items) {
        const at = (key as Ranged)?.range?.[0] ?? node.range?.[0] ?? 0;
        const name = keyName(key, yaml);
        if (name === undefined) return { what: 'a key that is a mapping or a list; the text form\'s keys are names', at };
        if (seen.has(name)) return { what: `Map keys must be unique (${JSON.stringify(name)} is a second time in one mapping)`, at };
        seen.add(name);
        stack.push(key, value);
      }
    } else if (isSeq(node)) {
      // One push an item: spread as arguments, a list of a few hundred thousand items overflowed the call stack.
      for (const item of node.items) stack.push(item);
    } else if (isPair(node)) stack.push(node.key, node.value);
  }
  return undefined;
}

/**
 * The offset in the text of what `path` (keys and list indexes from the top, as the value read has them) names: its
 * key when `onKey` (what is wrong is the key: one the schema does not take, a name XML cannot write), else its value.
 * A value that says nothing (`name:` and no value) or is a block mapping or list (which starts on a line below, at
 * its first entry, which is not what is wrong) is placed at its key too. Keys are matched by the name each becomes,
 * so a key written `123`, `"0"`, `true` or as an alias is found as well as a plain word (the library's `getIn`
 * matched a key only by its exact value, so the schema's refusal of a setting `123:` came with no place at all);
 * aliases on the way are followed to the text their anchor names. Where the path cannot be followed, the place of
 * the deepest node it reached; the start of the text when it has no content.
 */
export function offsetOf(yaml: Document.Parsed, path: readonly (string | number)[], onKey = false): number {
  let node: unknown = yaml.contents;
  let key: unknown;
  let reached = (node as Ranged)?.range?.[0] ?? 0;
  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(yaml);
    const next = isSeq(node) ? { key: undefined, value: node.items[Number(segment)] } : isMap(node) ? node.items.find((p) => keyName(p.key, yaml) === String(segment)) : undefined;
    if (next === undefined) return reached;
    ({ key, value: node } = next);
    reached = (key as Ranged)?.range?.[0] ?? (node as Ranged)?.range?.[0] ?? reached;
  }
  const keyAt = (key as Ranged)?.range?.[0];
  const range = (node as Ranged)?.range;
  const saysNothing = range != null && range[0] === range[1];
  const block = isCollection(node) && !node.flow;
  if (keyAt !== undefined && (onKey || saysNothing || block || range == null)) return keyAt;
  return range?.[0] ?? reached;
}
