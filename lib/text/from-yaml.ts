/**
 * The text form's YAML read for `cmts build`: parsed within limits on its size and nesting, validated by the text's
 * schema (schemas/sequence-text.schema.json), checked for what XML cannot write, and built. YAML problems and schema
 * problems are reported with their line and column in the text.
 */
import { Composer, type Document, isAlias, LineCounter as YamlLines, Parser, visit, YAMLParseError } from 'yaml';
import type { TaskSequenceDocument } from '../document.js';
import { limitOption, LineCounter, TaskSequenceError } from '../errors.js';
import { problemsOf } from '../assert-valid.js';
import { describeErrors, validatorFor } from '../schemas.js';
import { inTextForm } from '../catalog/step-schemas.js';
import { describeValue } from '../model/child-nodes.js';
import { type BuildOptions, buildValidSequence } from './build-sequence.js';
import { valuesWithAliases } from './alias-expansion.js';
import { checkBuildOptions, unwritableAt } from './check-text.js';
import { textPathOf } from './build-text-step.js';
import { cimPropertiesProblem } from './cim-properties.js';
import type { TextSequence } from './text-types.js';
import { tooDeepAt } from './yaml-text.js';
import { checkHeapBeforeParsing } from '../xml/heap-guard.js';
import { YAML_COSTLY_CODES, YAML_PLACE_CODES, yamlCostOfCounts } from '../text-cost.js';
import { badKeyAt, offsetOf, otherYamlVersionAt, withYamlLineBreaks } from './yaml-read.js';

/**
 * By character code (below 128): 1 for a character that can start a place (`text-cost.ts`'s YAML_PLACE_CODES), 2 for
 * one counted for the heap's estimate only (YAML_COSTLY_CODES).
 */
const COUNTED = new Uint8Array(128);
for (const code of YAML_COSTLY_CODES) COUNTED[code] = 2;
for (const code of YAML_PLACE_CODES) COUNTED[code] = 1;

/**
 * How many of each character counted (`COUNTED`) `text` has (`counts`, by character code), and, when its places where
 * a YAML item, tag, anchor or alias can start pass `max`, the offset where they do (`over`).
 */
function placesIn(text: string, max: number): { counts: Int32Array; over?: number } {
  let count = 0;
  const counts = new Int32Array(128);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // \n , - : ? [ {, and ! & *: a tag, an anchor or an alias is a node of the library's own beside the item (1.49
    // million items `- &a !t 1` in 12 MB took 3.7 GB when only the items were counted).
    const counted = c < 128 ? (COUNTED[c] as number) : 0;
    if (counted !== 0) {
      counts[c] = (counts[c] as number) + 1;
      if (counted === 1 && ++count > max) return { counts, over: i };
    }
  }
  return { counts };
}

/**
 * `f()`, with no stack trace taken for the errors made in it: the YAML library makes an Error for each problem it meets
 * (a text of 1,400,000 lines of `"` made 700,000), each with a stack trace of its own that no message shows. The traces
 * were two thirds of what such a text cost the heap (852 MiB against 326), which the heap guard's estimate (one count of
 * line ends) did not foresee.
 */
function withoutStacks<T>(f: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return f();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** The text's top-level sections the builder refuses at their key (package sections a container has no place for). */
const PACKAGE_KEYS: ReadonlySet<string> = new Set(['package', 'packageTypes', 'packageArrays', 'packageSchema', 'attributes']);

/** Parses, validates (schemas/sequence-text.schema.json) and builds a sequence written in the text form's YAML. */
export function fromYaml(text: string, options: BuildOptions = {}): TaskSequenceDocument {
  if (typeof text !== 'string') throw new TaskSequenceError('INVALID_ARGUMENT', `fromYaml takes the YAML text (a string); it was given ${describeValue(text)}.`);
  // A lone CR is a line end (YAML 1.2), which the library only knows as LF: made one, every offset kept. A leading byte
  // order mark is not part of the text: places count from after it, as readTaskSequence counts them in a string.
  const source = withYamlLineBreaks(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  checkBuildOptions('fromYaml', options);
  const maxDepth = limitOption('maxDepth', options.maxDepth, 512);
  const maxNodes = limitOption('maxNodes', options.maxNodes, 1_500_000);
  const lines = new YamlLines();
  const place = (offset: number) => {
    const p = lines.linePos(offset);
    return { range: [offset, offset] as [number, number], linePos: { line: p.line, col: p.col } };
  };
  const { counts, over: many } = placesIn(source, maxNodes);
  if (many !== undefined) {
    // Before the library has seen the text, so its line counter has not either.
    throw new TaskSequenceError('INPUT_TOO_LARGE', `The text has more than ${maxNodes} places where a YAML item, tag, anchor or alias can start (option maxNodes): the YAML library would need up to about 1.5 KB of memory for each.`, { range: [many, many], linePos: new LineCounter(source).linePos(many) });
  }
  // Within the limits, the text could still need more heap than the process has: the library's trees are not watched
  // as they are made, so the text is refused before, rather than let the process run out of memory (an abort).
  checkHeapBeforeParsing(yamlCostOfCounts(counts, source.length), source.length);
  // What parseDocument does, with the nesting measured on the tokens between parsing and composing.
  const tokens = withoutStacks(() => [...new Parser(lines.addNewLine).parse(source)]);
  const deep = tooDeepAt(tokens, maxDepth);
  if (deep !== undefined) throw new TaskSequenceError('TEXT_TOO_DEEP', `The text nests mappings and lists deeper than ${maxDepth} levels (option maxDepth).`, place(deep));
  const version = otherYamlVersionAt(tokens);
  if (version) throw new TaskSequenceError('NOT_A_TASK_SEQUENCE', `The text says %YAML ${version.version || '(no version)'}: the text form is YAML 1.2, and under another version the same words can read as other values (YAML 1.1 reads on as true and 0755 as 493); check the values as YAML 1.2 reads them, then remove the directive or write %YAML 1.2.`, place(version.at));
  // compose(…, true) always yields a document; a second one is an error, as parseDocument reports it. Keys are
  // checked for uniqueness below, in linear time.
  const [doc, second] = withoutStacks(() => {
    const [d, s] = new Composer({ uniqueKeys: false }).compose(tokens, true, source.length);
    return [d, s] as const;
  });
  const yaml = doc as Document.Parsed;
  if (second) yaml.errors.push(new YAMLParseError([second.range[0], second.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
  const first = yaml.errors[0];
  // The library composes (and converts, and the schema's check validates) by recursion: a text within a maxDepth
  // raised far beyond the default can be deeper than the call stack lets them go (about 900 levels of YAML, 450 groups).
  const tooDeepToCompose = (at: number) =>
    new TaskSequenceError('TEXT_TOO_DEEP', `The text nests mappings and lists deeper than the YAML library can read (it recurses, and ran out of call stack), though within ${maxDepth} levels (option maxDepth).`, place(at));
  if (first && /call stack/i.test(first.message)) throw tooDeepToCompose(first.pos[0]);
  if (first) throw new TaskSequenceError('TEXT_MALFORMED', `The text is not valid YAML: ${first.message.split('\n')[0]}`, place(first.pos[0]));
  // A tag the library cannot resolve (a custom !tag, !!js/function, !!bool on `yes`) it only warns of, and reads the
  // value as if untagged: what the tag asked for would be dropped without a word.
  const tag = yaml.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED' || w.code === 'BAD_COLLECTION_TYPE');
  if (tag) throw new TaskSequenceError('TEXT_MALFORMED', `The text is not valid YAML: ${tag.message.split('\n')[0]} (a tag the text form cannot apply: write the value without it)`, place(tag.pos[0]));
  const badKey = badKeyAt(yaml);
  if (badKey) throw new TaskSequenceError('TEXT_MALFORMED', `The text is not valid YAML: ${badKey.what}`, place(badKey.at));
  // A value's place, or its key's (see offsetOf).
  const at = (path: readonly (string | number)[], onKey = false) => place(offsetOf(yaml, path, onKey));
  let value: unknown;
  const validate = validatorFor('sequence-text.schema.json');
  let valid: boolean;
  try {
    value = yaml.toJS() as unknown;
    // Counted out before anything walks the value: the schema's check and the builder reach each alias's value anew.
    if (MAY_HOLD_ALIAS.test(source)) {
      const values = valuesWithAliases(value, maxNodes);
      // A value that holds itself counts without end: refused as such here, where the schema's check could report
      // something else first only after walking every alias of the rest.
      const loop = values === undefined ? aliasInsideItsAnchor(yaml) : undefined;
      if (loop) throw containsItself(loop, place(loop.at));
      if (values !== undefined && values > maxNodes) {
        throw new TaskSequenceError('INPUT_TOO_LARGE', `The text's aliases (*name) make its value hold more than ${maxNodes} values (option maxNodes, which an alias counts again for each value its anchor names): write the values out, or raise the limit.`, place(firstAliasAt(yaml)));
      }
    }
    valid = validate(value);
  } catch (e) {
    if (e instanceof RangeError && /call stack/i.test(e.message)) {
      // An alias inside the node its anchor names makes a value that contains itself (the library makes one), which
      // the schema's check follows without end: not too deep, but endless.
      const loop = value === undefined ? undefined : aliasInsideItsAnchor(yaml);
      if (loop) throw containsItself(loop, place(loop.at));
      throw tooDeepToCompose(0);
    }
    // The library refuses aliases that would expand to far more than the text (the "billion laughs") with an untyped
    // ReferenceError; it is the text's size that is wrong, so it is refused as such, at its first alias.
    if (e instanceof ReferenceError && /alias/i.test(e.message)) {
      throw new TaskSequenceError('INPUT_TOO_LARGE', 'The text\'s aliases (*name) would expand to far more than the text itself; write the values out instead.', place(firstAliasAt(yaml)));
    }
    throw e;
  }
  if (!valid) {
    // The place of the first problem named (ajv's own first can be an `if` that only follows its branch's problems);
    // a key the schema does not take is placed at that key, not at the start of the mapping that holds it.
    const error = problemsOf(validate.errors)[0];
    const path = (error?.instancePath ?? '').split('/').slice(1).map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
    const extra = error?.keyword === 'additionalProperties' ? [String(error.params.additionalProperty)] : [];
    // A step's item without a field the console writes for every item is said in the builders' words.
    const problems = describeErrors(validate.errors?.map((e) => inTextForm(value, e)));
    throw new TaskSequenceError('NOT_A_TASK_SEQUENCE', `The text is not a task sequence: ${problems.slice(0, 5).join('; ')}.`, at([...path, ...extra], extra.length > 0));
  }
  const unwritable = unwritableAt(value);
  if (unwritable) throw new TaskSequenceError('OUTPUT_MALFORMED', `The text is not a task sequence: ${unwritable.what}; nothing is written.`, at(unwritable.path, unwritable.key));
  const arrayProblem = cimPropertiesProblem(value as TextSequence);
  if (arrayProblem) throw new TaskSequenceError('NOT_A_TASK_SEQUENCE', `The text is not a task sequence: ${arrayProblem.what}.`, { path: arrayProblem.path.join('/'), ...at(arrayProblem.path, arrayProblem.key) });
  try {
    // Valid: the schema check above passed.
    return buildValidSequence(value as TextSequence, options);
  } catch (e) {
    // What the builder refuses (a setting out of range, a step the catalog does not know) is placed at its item.
    const path = e instanceof TaskSequenceError && e.range === undefined ? (textPathOf(e) ?? (e.path !== undefined && PACKAGE_KEYS.has(e.path) ? [e.path] : undefined)) : undefined;
    if (e instanceof TaskSequenceError && path) Object.assign(e, at(path));
    throw e;
  }
}

/**
 * Whether a text can hold an alias: a `*` where one can start (after YAML's white space, a space, tab or line break,
 * or a flow indicator) and a name after it (any character but those: U+3000 is a name). A `*` inside a scalar
 * (`del *.tmp`) also passes, and costs only the count; no alias is missed. A search, not a walk of the library's
 * tree, which recurses.
 */
const MAY_HOLD_ALIAS = /(?:^|[ \t\r\n,[{:?-])\*[^ \t\r\n,[\]{}]/;

/** The refusal of an alias inside the value its anchor names. */
const containsItself = (loop: { name: string }, at: { range: [number, number]; linePos: { line: number; col: number } }): TaskSequenceError =>
  new TaskSequenceError('NOT_A_TASK_SEQUENCE', `The text is not a task sequence: the alias *${loop.name} is inside the value its anchor &${loop.name} names, so that value contains itself.`, at);

/** Where the text's first alias (`*name`) is; 0 if it has none. */
function firstAliasAt(yaml: Document.Parsed): number {
  let first = 0;
  visit(yaml, { Alias: (_key, node) => (isAlias(node) && node.range ? ((first = node.range[0]), visit.BREAK) : undefined) });
  return first;
}

/**
 * The first alias inside the value its anchor names, and where it is; undefined when there is none, or when the text
 * is too deep to look (the library's walk recurses). Looked for only once a value has overflowed the call stack.
 */
function aliasInsideItsAnchor(yaml: Document.Parsed): { name: string; at: number } | undefined {
  let found: { name: string; at: number } | undefined;
  try {
    visit(yaml, {
      Alias: (_key, node, path) => {
        const target = node.resolve(yaml);
        if (target === undefined || !path.includes(target)) return undefined;
        found = { name: node.source, at: node.range?.[0] ?? 0 };
        return visit.BREAK;
      },
    });
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
  }
  return found;
}
