/**
 * Example: patch every task sequence export in a folder through the API, the way a deployment script would.
 *
 *   npm run build && node dist/examples/patch-folder.js <in-folder> <out-folder> <CCMCertFix package ID>
 *
 * Each *.xml is read in whatever container and encoding it has, gets KB977203 (refresh scenario, except files whose
 * name says capture/restore), and is written to the out folder under the same name. A file the KB does not apply to
 * (not ConfigMgr 2007, or no Setup Windows and ConfigMgr step) is reported as not applicable and not written; a file
 * that cannot be patched is reported as failed; the others are still written. (In your own scripts, import from 'cmts'.)
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { applyKb977203, readTaskSequence, TaskSequenceError, writeTaskSequence, type Kb977203Scenario } from '../lib/index.js';

/** One file's outcome. */
export interface FileResult {
  file: string;
  /** False when the file failed; true when it was patched, already patched, or not applicable (then not written). */
  ok: boolean;
  changes: number;
  message: string;
}

/** The scenario a file name suggests (R15): the capture half of a replace gets only "Run another program first". */
export function scenarioFor(file: string): Kb977203Scenario {
  if (/capture/i.test(file)) return 'replace-capture';
  if (/restore/i.test(file)) return 'replace-restore';
  if (/new-computer/i.test(file)) return 'new-computer';
  return 'refresh';
}

/** Patches every .xml in `inDir` into `outDir`. */
export function patchFolder(inDir: string, outDir: string, certfixPackage: string): FileResult[] {
  mkdirSync(outDir, { recursive: true });
  const results: FileResult[] = [];
  for (const file of readdirSync(inDir).filter((f) => f.toLowerCase().endsWith('.xml')).sort()) {
    try {
      const doc = readTaskSequence(readFileSync(join(inDir, file)), { file });
      const report = applyKb977203(doc, { certfixPackage, scenario: scenarioFor(file) });
      writeFileSync(join(outDir, file), writeTaskSequence(doc));
      const warnings = report.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.code);
      results.push({ file, ok: true, changes: report.changes.length, message: report.changed ? `patched${warnings.length ? ` (${warnings.join(', ')})` : ''}` : 'already patched' });
    } catch (e) {
      if (!(e instanceof TaskSequenceError)) throw e;
      const notApplicable = e.code === 'NOT_CONFIGMGR_2007' || e.code === 'MISSING_SETUP_WINDOWS_STEP';
      results.push({ file, ok: notApplicable, changes: 0, message: notApplicable ? `not applicable: ${e.message}` : e.format() });
    }
  }
  return results;
}

const [inDir, outDir, pkg] = process.argv.slice(2);
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (!inDir || !outDir || !pkg) {
    console.error('usage: node dist/examples/patch-folder.js <in-folder> <out-folder> <CCMCertFix package ID>');
    process.exit(2);
  }
  const results = patchFolder(inDir, outDir, pkg);
  for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.file}: ${r.message}`);
  process.exitCode = results.every((r) => r.ok) ? 0 : 1;
}
