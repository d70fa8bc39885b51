/**
 * The view's parts besides the tree: the header (package and sequence facts), the `<referenceList>`, and the variable
 * and package tables (each name with the items that set, read or use it), read from the document and the items'
 * views.
 */
import type { TaskSequenceDocument } from '../document.js';
import type { Sequence } from '../model/types.js';
import { hasSecretName } from '../model/secrets.js';
import { HIDDEN, type Setting } from './key-settings.js';
import { compareNames } from '../name-order.js';
import { flattenItems, type ItemRef, type ItemView, type ReferenceView, type UsageRow } from './view-model.js';

const CONTAINER: Record<TaskSequenceDocument['container'], string> = {
  sequence: 'bare <sequence>',
  'sms-package': 'ConfigMgr 2007 export (SmsTaskSequencePackage)',
  'cim-instance': 'Current Branch export (object.xml)',
};

/** The header's rows: the package's and the sequence's facts that have a value. */
export function header(doc: TaskSequenceDocument): Setting[] {
  const p = doc.properties();
  const rows: [string, string | undefined][] = [
    ['name', p.Name ?? doc.sequence.attributes.name],
    ['package ID', p.PackageID],
    ['description', p.Description],
    ['container', CONTAINER[doc.container]],
    ['sequence version', doc.sequence.attributes.version],
    ['package version', p.Version],
    ['boot image', p.BootImageID],
    ['run another program first (DependentProgram)', p.DependentProgram],
  ];
  return rows.filter((r): r is [string, string] => r[1] !== undefined && r[1].trim() !== '').map(([label, value]) => ({ label, value }));
}

/** The references of the sequence's `<referenceList>`, in written order. */
export function references(seq: Sequence): ReferenceView[] {
  const out: ReferenceView[] = [];
  for (const c of seq.children) {
    if (c.kind !== 'referenceList') continue;
    for (const r of c.children) {
      if (r.kind !== 'reference') continue;
      const { package: pkg, program, application } = r.attributes;
      out.push({ ...(pkg !== undefined ? { package: pkg } : {}), ...(program ? { program } : {}), ...(application !== undefined ? { application } : {}) });
    }
  }
  return out;
}

/** The variable and package tables: each name (case ignored) with the items that set, read or use it, in name order. */
export function usageTables(doc: TaskSequenceDocument, items: ItemView[]): { variables: UsageRow[]; packages: UsageRow[] } {
  // Task sequence variable names are not case-sensitive: rows are keyed on the upper-case name.
  const vars = new Map<string, UsageRow>();
  const pkgs = new Map<string, UsageRow>();
  const row = (m: Map<string, UsageRow>, name: string) => {
    const key = name.toUpperCase();
    let r = m.get(key);
    if (!r) m.set(key, (r = { name, setBy: [], readBy: [] }));
    return r;
  };
  for (const c of doc.sequence.children) {
    if (c.kind !== 'variableList') continue;
    // Hidden as lint judges a secret: by the variable's name or its property.
    for (const v of c.children) if (v.kind === 'variable' && v.attributes.name) row(vars, v.attributes.name).note = `global: ${hasSecretName(v) && v.value.trim() !== '' ? HIDDEN : v.value}`;
  }
  for (const r of references(doc.sequence)) if (r.package) row(pkgs, r.package).note = `in referenceList${r.program ? ` (program ${r.program})` : ''}`;
  for (const item of flattenItems(items)) {
    const ref: ItemRef = { id: item.id, number: item.number, name: item.name };
    for (const v of item.sets) row(vars, v).setBy.push(ref);
    for (const v of item.reads) row(vars, v).readBy.push(ref);
    for (const p of item.packages) row(pkgs, p).setBy.push(ref);
  }
  const sorted = (m: Map<string, UsageRow>) => [...m.values()].sort((a, b) => compareNames(a.name, b.name));
  return { variables: sorted(vars), packages: sorted(pkgs) };
}
