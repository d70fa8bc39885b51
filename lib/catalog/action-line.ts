/**
 * The `<action>` command line the console renders from a step's properties, and the reverse: the properties an
 * action line carries (MDT files keep a Run Command Line's command only there).
 *
 * Template syntax: `{Property}` is the property's text as written; `{Property:bool}` its .NET rendering (`True` /
 * `False`, as the console writes booleans into command lines); `[Property| …]` is a segment written only when the
 * step has that property, `[@yymm| …]` one that Current Branch consoles since release yymm write; everything else is literal, including `%VAR%` (expanded by the engine at run time).
 */

import { TaskSequenceError } from '../errors.js';
import { describeValue } from '../model/child-nodes.js';
import { ProgramBuilder, runProgram, type TemplateProgram } from './template-match.js';

/** A template read into literal text, values and optional segments (see the syntax above). */
export type TemplatePart = { kind: 'text'; text: string } | { kind: 'value'; property: string; bool: boolean } | { kind: 'when'; property: string; parts: TemplatePart[] };
type Part = TemplatePart;

const cache = new Map<string, Part[]>();
/** Templates remembered at most (the catalog has far fewer; a caller's own templates cannot grow the caches for ever). */
const REMEMBERED = 512;

/** A template's parts (remembered: the same array for the same template, not to be changed). */
export function parse(template: string): Part[] {
  const hit = cache.get(template);
  if (hit) return hit;
  const parts: Part[] = [];
  const stack: Part[][] = [parts];
  let text = '';
  const flush = () => {
    if (text) (stack[stack.length - 1] as Part[]).push({ kind: 'text', text });
    text = '';
  };
  for (let i = 0; i < template.length; i++) {
    const c = template[i] as string;
    const rest = template.slice(i);
    const value = /^\{(\w+)(:bool)?\}/.exec(rest);
    const when = /^\[(@?\w+)\|/.exec(rest);
    if (value) {
      flush();
      (stack[stack.length - 1] as Part[]).push({ kind: 'value', property: value[1] as string, bool: value[2] !== undefined });
      i += value[0].length - 1;
    } else if (when && stack.length === 1) {
      flush();
      const inner: Part[] = [];
      parts.push({ kind: 'when', property: when[1] as string, parts: inner });
      stack.push(inner);
      i += when[0].length - 1;
    } else if (c === ']' && stack.length > 1) {
      flush();
      stack.pop();
    } else text += c;
  }
  flush();
  if (cache.size >= REMEMBERED) cache.clear();
  cache.set(template, parts);
  return parts;
}

/** The .NET spelling of a boolean property (`true` → `True`); other text as written. */
function dotNetBool(text: string): string {
  return text === 'true' ? 'True' : text === 'false' ? 'False' : text;
}

/** Renders an action line from a template and the step's property texts (absent properties: omitted segments, ''). */
export function renderAction(template: string, props: Readonly<Record<string, string | undefined>>): string {
  // A plain-JavaScript caller's null or number threw a TypeError from deep in the template's parse.
  if (typeof template !== 'string') throw new TaskSequenceError('INVALID_ARGUMENT', `renderAction takes an action template (a string) as its first argument; it was given ${describeValue(template)}.`);
  if (typeof props !== 'object' || props === null) throw new TaskSequenceError('INVALID_ARGUMENT', `renderAction takes the step's property texts (an object) as its second argument; it was given ${describeValue(props)}.`);
  const out = (parts: Part[]): string =>
    parts
      .map((p) => {
        if (p.kind === 'text') return p.text;
        if (p.kind === 'value') return p.bool ? dotNetBool(props[p.property] ?? '') : (props[p.property] ?? '');
        return props[p.property] === undefined ? '' : out(p.parts);
      })
      .join('');
  return out(parse(template));
}

/** The properties whose presence decides a segment of a template (`[ImagePackageID| …]`), at any depth. */
export function segmentProperties(template: string): string[] {
  const names = new Set<string>();
  const walk = (parts: Part[]) => {
    for (const p of parts) {
      if (p.kind !== 'when') continue;
      if (!p.property.startsWith('@')) names.add(p.property);
      walk(p.parts);
    }
  };
  walk(parse(template));
  return [...names];
}

/** The properties named in a template (values and conditions). */
export function templateProperties(template: string): string[] {
  const names = new Set<string>();
  const walk = (parts: Part[]) => {
    for (const p of parts) {
      if (p.kind === 'value') names.add(p.property);
      if (p.kind === 'when') {
        names.add(p.property);
        walk(p.parts);
      }
    }
  };
  walk(parse(template));
  return [...names];
}

/** A template's action lines as a matching program, and its boolean properties: made once per template. */
interface Matcher {
  program: TemplateProgram;
  bools: ReadonlySet<string>;
}
const matchers = new Map<string, Matcher>();

/** `True|False|`: how a boolean value reads in a line (empty when the step has no value, as consoles write it). */
const BOOL_TEXTS = ['True', 'False', ''];

function matcher(template: string): Matcher {
  const hit = matchers.get(template);
  if (hit) return hit;
  const seen = new Set<string>();
  const bools = new Set<string>();
  const b = new ProgramBuilder();
  const emit = (parts: Part[]): void => {
    for (const p of parts) {
      if (p.kind === 'text') b.text(p.text);
      // A release marker has no variable to show it: capture whether its segment is there.
      else if (p.kind === 'when') b.optional(() => (p.property.startsWith('@') ? b.group(`at_${p.property.slice(1)}`, () => emit(p.parts)) : emit(p.parts)));
      else {
        if (p.bool) bools.add(p.property);
        if (seen.has(p.property)) b.lazyAny();
        else {
          seen.add(p.property);
          b.group(p.property, () => (p.bool ? b.alternatives(BOOL_TEXTS) : b.lazyAny()));
        }
      }
    }
  };
  emit(parse(template));
  const made = { program: b.build(), bools };
  if (matchers.size >= REMEMBERED) matchers.clear();
  matchers.set(template, made);
  return made;
}

/**
 * The property texts an action line carries according to a template, or undefined when the line does not have the
 * template's form. Booleans come back in the variables' spelling (`true`/`false`). What the template's regular
 * expression (each value a lazy `.*?`) would capture, found in time linear in the line's length (template-match.ts).
 */
export function matchAction(template: string, action: string): Record<string, string> | undefined {
  const { program, bools } = matcher(template);
  const groups = runProgram(program, action);
  if (!groups) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of groups) {
    if (v === undefined) continue;
    if (k.startsWith('at_')) out[`@${k.slice(3)}`] = '';
    else out[k] = bools.has(k) ? v.toLowerCase() : v;
  }
  return out;
}

/**
 * Whether the line `template` renders from `props` reads back, left to right, with `property`'s text as given: what a
 * program parsing its command line (tsenv.exe, smsswd.exe) would take it for. Which optional segments are there is
 * known (the switches name them); every value is read as the shortest text before what the template writes next.
 * A value holding that text does not read back: `=` in tsenv.exe's variable name, a space in smsswd.exe's /run:
 * package. True when the template does not show the property's value, or the line has not its form at all.
 */
export function readsBack(template: string, props: Readonly<Record<string, string | undefined>>, property: string): boolean {
  const seen = new Set<string>();
  let bool = false;
  const b = new ProgramBuilder();
  const emit = (parts: Part[]): void => {
    for (const p of parts) {
      if (p.kind === 'text') b.text(p.text);
      else if (p.kind === 'when') {
        if (props[p.property] !== undefined) emit(p.parts);
      } else if (seen.has(p.property)) b.lazyAny();
      else {
        seen.add(p.property);
        if (p.property !== property) {
          if (p.bool) b.alternatives(BOOL_TEXTS);
          else b.lazyAny();
        } else {
          bool = p.bool;
          b.group('value', () => (p.bool ? b.alternatives(BOOL_TEXTS) : b.lazyAny()));
        }
      }
    }
  };
  emit(parse(template));
  const text = props[property] ?? '';
  if (holdsLaterSwitch(template, property, text)) return false;
  const read = runProgram(b.build(), renderAction(template, props))?.get('value');
  if (read === undefined) return true;
  return read === (bool ? dotNetBool(text) : text);
}

/** A switch a template's literal text writes (`/hiddenflag` of ` /hiddenflag:`, `/config` of ` "/config:`). */
const SWITCH = /(?:^|[\s"])\/([A-Za-z]+)/g;

/**
 * Whether `text`, the value of `property`, holds a switch the template writes after the value, in any of its
 * segments (there or not): `x" /hiddenflag:False "y` as tsenv.exe's value, `APPS /continueOnError:True` as
 * smsswd.exe's base variable. Read as a whole line such a value may come back as given (the line's last
 * `/hiddenflag:` still follows it), but a program that reads its switches left to right, or the first of two, takes
 * the one the value brought: it sets what the step's variables do not say (a hidden value shown). Compared
 * ignoring case, as Windows programs read their switches.
 */
function holdsLaterSwitch(template: string, property: string, text: string): boolean {
  if (text.indexOf('/') === -1) return false;
  const names = new Set<string>();
  let after = false;
  const walk = (parts: Part[]): void => {
    for (const p of parts) {
      if (p.kind === 'value') after ||= p.property === property;
      else if (p.kind === 'when') walk(p.parts);
      else if (after) for (const m of p.text.matchAll(SWITCH)) names.add((m[1] as string).toLowerCase());
    }
  };
  walk(parse(template));
  for (const m of text.matchAll(SWITCH)) if (names.has((m[1] as string).toLowerCase())) return true;
  return false;
}

/** The release markers (`@1810`) of a template, as release names (`CB 1810`). */
export function templateMarkers(template: string): string[] {
  return templateProperties(template)
    .filter((p) => p.startsWith('@'))
    .map((p) => `CB ${p.slice(1)}`);
}
