/**
 * The step reference page (docs/steps.md): every step type of the catalog, grouped as the console's Add menu groups
 * them, with its names, element, release, `runIn`, action line and a table of its settings. Made from the catalog's
 * data alone, in a fixed order, by `npm run generate` (scripts/generate.mjs); test/step-reference.test.ts fails while
 * the committed page is not what this makes of the catalog.
 */
import { itemFieldsOf, stepCatalog } from './catalog.js';
import { segmentNeeds } from './line-variables.js';
import { choiceRuleWords } from './setting-choices.js';
import { defaultWords, mdCode, mdRow, mdText, noteWords, requiredWords, valueWords, withSettingsAsCode } from './setting-words.js';
import type { StepTypeData, VariableData } from './types.js';
import { DRIVE_LETTER_WORDS, GUID_WORDS, PACKAGE_ID_WORDS } from './value-problem.js';

/** The page's path in the repository, which README links to. */
export const STEP_REFERENCE_PATH = 'docs/steps.md';

/**
 * The catalog's categories (the console's Add menu groups; a note after one in parentheses left out) in the page's
 * order, each with a sentence under its heading when it needs one: ConfigMgr's built-in groups, then the MDT
 * integration's, then MDT Lite Touch's. A category not listed here stops the page from being made, so a new one is
 * placed on purpose.
 */
const GROUPS: readonly (readonly [category: string, about: string])[] = [
  ['General', ''],
  ['Disks', ''],
  ['User State', ''],
  ['Images', ''],
  ['Drivers', ''],
  ['Settings', ''],
  ['Software', ''],
  ['MDT', 'The steps the Microsoft Deployment Toolkit adds to the ConfigMgr console (its ConfigMgr integration).'],
  ['MDT Deployment Workbench', 'MDT Lite Touch steps: the Deployment Workbench writes them; the ConfigMgr console has none of them.'],
];

const RUN_IN: Readonly<Record<string, string>> = {
  WinPE: 'Windows PE only',
  FullOS: 'the full operating system only',
  WinPEandFullOS: 'Windows PE or the full operating system',
};

/** The page's example: the names of the tables as `addStep` and `stepView` take them (test/step-reference.test.ts runs it). */
const EXAMPLE = `import { addStep, createSequence, stepView } from 'cmts/catalog';

const doc = createSequence('cim-instance');                   // or readTaskSequence(readFileSync('ts.xml'))
const step = addStep(doc, 'Apply Operating System Image', {   // a heading below (console name), or its type
  name: 'Apply Windows 11',
  settings: { imagePackageId: 'ABC00010', imageIndex: 3, destinationVariable: 'OSDisk' },   // the Setting column
}, { last: doc.sequence });

const view = stepView<'Apply Operating System Image'>(step);
view.get('imageIndex');                                       // => 3
view.settings.runFromNet;                                     // => false (its default, which the builder wrote)
view.set('destinationVariable', 'OSDrive');                   // DestinationVariable, and /target:%OSDrive% in the action line`;

/** The same step in the text form (\`cmts build\`, \`fromYaml\`; test/step-reference.test.ts builds it). */
const EXAMPLE_YAML = `steps:
  - step: Apply Operating System Image
    name: Apply Windows 11
    settings:
      imagePackageId: ABC00010
      imageIndex: 3
      destinationVariable: OSDisk`;

/** A heading's anchor as GitHub makes it: lower case, punctuation but `-` and `_` dropped, spaces as `-`. */
export function headingAnchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
}

/** The catalog's category of `entry` without a note in parentheses (`Images (SDK ActionCategory …)` is `Images`). */
function groupOf(entry: StepTypeData): string {
  return (entry.category ?? '').replace(/\s*\(.*\)$/, '');
}

/** The step types of each group, in the order of {@link GROUPS}, each group's by console name. */
function grouped(): { category: string; about: string; entries: StepTypeData[] }[] {
  const known = new Set(GROUPS.map(([c]) => c));
  const unplaced = stepCatalog.filter((e) => !known.has(groupOf(e)));
  if (unplaced.length) throw new Error(`The step reference has no place for the category of ${unplaced.map((e) => `${e.consoleName} (${String(e.category)})`).join(', ')}: add it to GROUPS in step-reference.ts.`);
  return GROUPS.map(([category, about]) => ({
    category,
    about,
    entries: stepCatalog.filter((e) => groupOf(e) === category).sort((a, b) => a.consoleName.localeCompare(b.consoleName, 'en')),
  }));
}

/** A note that opens with a parenthesis (`(probable; 2012 RTM list); output variable CB 1910`) without it. */
function unwrapped(text: string): string {
  if (!text.startsWith('(')) return text;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    depth += text[i] === '(' ? 1 : text[i] === ')' ? -1 : 0;
    if (depth === 0) return text.slice(1, i) + text.slice(i + 1);
  }
  return text;
}

/** `2007 (probable; …)` as `ConfigMgr 2007 — probable; …`: the release, and the catalog's note on it when it has more. */
function sinceWords(entry: StepTypeData): string {
  const release = entry.product === 'ConfigMgr' ? `ConfigMgr ${entry.since}` : entry.since === 'MDT' ? 'the MDT integration, with any ConfigMgr release' : entry.since;
  const after = entry.sinceNote.slice(entry.since.length);
  const rest = entry.sinceNote.startsWith(entry.since) && /^(\s*\(|$)/.test(after) ? unwrapped(after.trim()) : entry.sinceNote;
  return rest === '' ? mdText(release) : `${mdText(release)} — ${mdText(rest)}`;
}

function settingRow(entry: StepTypeData, v: VariableData): string {
  const spelt = v.name === v.property ? mdCode(v.name) : `${mdCode(v.name)} (${mdCode(v.property)})`;
  const fields = itemFieldsOf(entry, v.property);
  const value = v.valueType === 'array' && fields.length === 0 ? 'items: an empty list only (how its items are written is not known)' : valueWords(v);
  return mdRow([mdCode(v.setting), `${spelt}${v.hidden ? ', hidden' : ''}`, value, defaultWords(v), requiredWords(entry, v), noteWords(v)]);
}

const TABLE_HEAD = [mdRow(['Setting', 'Variable (property)', 'Value', 'Default', 'Required', 'Notes']), mdRow(['---', '---', '---', '---', '---', '---'])];

/** What the builders hold the step to beyond each setting alone: its modes, and the settings a part of the action line needs. */
function rules(entry: StepTypeData): string[] {
  const out = choiceRuleWords(entry).map((words) => `${withSettingsAsCode(entry, words.charAt(0).toUpperCase() + words.slice(1))}.`);
  for (const { when, written, read } of segmentNeeds(entry)) {
    const needs = [...written, ...read].map((d) => mdCode(d.setting)).join(', ');
    out.push(`With ${mdCode(when.setting)}, also ${needs}: the part of the action line written with it ${written.length && read.length ? 'writes or reads' : written.length ? 'writes' : 'reads'} them.`);
  }
  return out;
}

function stepSection(entry: StepTypeData): string[] {
  const out = [`### ${entry.consoleName}`, ''];
  out.push(`- Type: ${mdCode(entry.type)}, written as ${mdCode(`<${entry.element} type="${entry.type}">`)}`);
  if (entry.aliases?.length) out.push(`- Former names: ${entry.aliases.map(mdText).join(', ')}`);
  out.push(`- First shipped: ${sinceWords(entry)}`);
  out.push(`- Runs in: ${entry.runIn === undefined ? 'no `runIn` attribute is written' : `${mdCode(entry.runIn)}, ${RUN_IN[entry.runIn] ?? ''}`}`);
  out.push(`- Attributes written: ${mdCode(`successCodeList="${entry.successCodeList}"`)}${entry.retryCount === undefined ? '' : `, ${mdCode(`retryCount="${entry.retryCount}"`)} (Current Branch)`}`);
  if (entry.cmdlets?.length) out.push(`- ConfigMgr cmdlets: ${entry.cmdlets.map(mdCode).join(', ')}`);
  out.push('', 'Action line:', '', '```text', entry.action, '```', '');
  for (const d of entry.dialects ?? []) out.push(`${mdText(d.name)} writes:`, '', '```text', d.action, '```', '');
  // A note is a paragraph of its own: one that began `- `, `# ` or `1. ` would be a list or a heading.
  if (entry.actionNotes !== undefined) out.push(mdText(entry.actionNotes).replace(/^(\d+)([.)])/, '$1\\$2').replace(/^[#>+=-]/, '\\$&'), '');
  const top = entry.variables.filter((v) => v.arrayOf === undefined);
  if (top.length === 0) out.push('No settings.', '');
  else out.push(...TABLE_HEAD, ...top.map((v) => settingRow(entry, v)), '');
  for (const array of top.filter((v) => v.valueType === 'array')) {
    const fields = itemFieldsOf(entry, array.property);
    if (fields.length === 0) continue;
    out.push(`Each item of ${mdCode(array.setting)} (${mdCode(array.name)} holds their count; \`{n}\` is an item's index, from 0):`, '');
    out.push(...TABLE_HEAD, ...fields.map((v) => settingRow(entry, v)), '');
  }
  const held = rules(entry);
  if (held.length) out.push('Builders, `set` and lint hold the step to:', '', ...held.map((r) => `- ${r}`), '');
  return out;
}

/** The step reference page, Markdown: the same text for the same catalog, so a test can tell the committed page is current. */
export function stepReference(): string {
  const groups = grouped();
  const out = [
    '<!-- Generated by scripts/generate.mjs from the step catalog (lib/catalog/step-data.ts); do not edit: run `npm run generate`. -->',
    '',
    '# Step reference',
    '',
    `Every step type of the step catalog (${stepCatalog.length} types) with its settings, made from the catalog's data`,
    '([`lib/catalog/step-data.ts`](../lib/catalog/step-data.ts)); see [Step catalog](../README.md#step-catalog) for how',
    'builders, views and lint use it. A setting is named as `addStep`, `buildStep`, `stepView(step).settings`, `get`',
    'and `set` take it, and as the text form takes it under `settings:`:',
    '',
    '```ts',
    EXAMPLE,
    '```',
    '',
    '```yaml',
    EXAMPLE_YAML,
    '```',
    '',
    '## Reading the tables',
    '',
    "- **Setting**: the name in `settings` (a literal step type's settings are typed: a misspelt name does not compile).",
    '- **Variable (property)**: the step variable it is written as, `<variable name="…" property="…">` in',
    '  `<defaultVarList>`; *hidden*: the console writes `hidden="true"` on it. In an item of a list of items, `{n}` is',
    "  the item's index.",
    '- **Value**: what it takes, and its JavaScript type in `settings`:',
    '  - *text*: `string`; *one line*: without a line end (the action line writes or reads it);',
    '  - *integer*: `number`, in the range given;',
    '  - *boolean*: `true` or `false`, written so;',
    '  - *one of* the values listed: `string`, in any case, or empty;',
    `  - *package ID*: \`string\`, ${mdText(PACKAGE_ID_WORDS)};`,
    `  - *drive letter*: \`string\`, ${mdText(DRIVE_LETTER_WORDS)};`,
    `  - *GUID*: \`string\`, ${mdText(GUID_WORDS)};`,
    '  - *name of a variable*: `string`, a task sequence variable the step sets or reads (a letter, then letters,',
    '    digits, `_` and `-`);',
    '  - *list*: `string[]`, written joined by commas; *exit codes*: `number[]`, written joined by spaces;',
    '  - *secret text*: `string`, a password or key: the console exports it empty;',
    '  - *items*: an array of objects, their fields in the table after.',
    "- **Default**: the console's default. A builder writes it when the setting is not given and the console always",
    '  writes the setting, or from the release named (*written from CB*: a Current Branch export always has it).',
    '- **Required**: **yes**: `addStep` and `buildStep` need it given; *written with its default* / *written, empty if',
    '  not given*: the console always writes it, and so do the builders; *when …*: needed only then; nothing: optional.',
    "- **Notes**: the catalog's notes, the release that added the setting when later than its step type, and the",
    '  evidence for its spelling when it was not seen in a real export (`sdk`, `docs`, `third-party`, `inferred`).',
    "- **Action line**: the `<action>` the console writes, as a template: `{Property}` is the setting's value as",
    "  written, `{Property:bool}` its `True`/`False`, `[Property| …]` a part written only when the step has that",
    '  property, and `%VAR%` is literal (the task sequence engine expands it when the step runs).',
    '',
    '## Contents',
    '',
    ...groups.map((g) => `- [${g.category}](#${headingAnchor(g.category)}): ${g.entries.map((e) => `[${mdText(e.consoleName)}](#${headingAnchor(e.consoleName)})`).join(', ')}`),
    '',
  ];
  for (const g of groups) {
    out.push(`## ${g.category}`, '');
    if (g.about !== '') out.push(g.about, '');
    for (const entry of g.entries) out.push(...stepSection(entry));
  }
  return `${out.join('\n').trimEnd()}\n`;
}
