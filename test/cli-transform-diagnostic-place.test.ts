// `cmts transform kb977203` printed the preset's diagnostics in a form of its own (`  warning CODE: message`), without
// the place `cmts kb977203` gives them (`  file:line:col: warning CODE path: message`), though both have the same
// issues, line and column included. Both now print them through one line; so do the other transforms, whose issues
// with a place in the file are the reader's warnings (those about the package or the container have none).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../lib/cli/main.js';
import type { Issue } from '../lib/errors.js';
import { validatorFor } from '../lib/schemas.js';
import { memoryIo } from './helpers/memory-io.js';

const EXAMPLES = join(import.meta.dirname, '..', 'examples');
const PATH = 'Install Operating System/Setup Windows and ConfigMgr';
/** The 2007 export of the README (CRLF), its Setup step disabled: the preset warns of it, at the step. */
const DISABLED = readFileSync(join(EXAMPLES, 'refresh-2007.xml'), 'latin1').replace('name="Setup Windows and ConfigMgr" description=""', '$& disable="true"');

/** Line and column (1-based) of the first `needle` in `text`, counted here apart from the library. */
function place(text: string, needle: string): string {
  const at = text.indexOf(needle);
  expect(at).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, at).split('\n');
  return `${before.length}:${(before.at(-1) as string).length + 1}`;
}

/** What a run printed on standard error and standard output, and its exit status. */
async function run(args: string[], files: Record<string, string>): Promise<{ status: number; stderr: string; stdout: string }> {
  const m = memoryIo(files);
  const status = await main(args, m.io);
  return { status, stderr: m.stderr, stdout: m.stdout };
}

/** The lines of a report that give a diagnostic (two spaces, then a place or a severity). */
const diagnosticLines = (stderr: string) => stderr.split('\n').filter((l) => /^ {2}(\S+:\d+:\d+: )?(error|warning|info) [A-Z]/.test(l));

describe('cmts transform prints its diagnostics placed, as cmts kb977203 does', () => {
  it('the KB977203 preset\'s, at the step, in the same lines as cmts kb977203', async () => {
    const files = { 'dis.xml': DISABLED, 'o.json': '{"certfixPackage": "ABC00010"}' };
    const viaTransform = await run(['transform', 'kb977203', 'dis.xml', '--options', 'o.json', '--check'], files);
    const viaPreset = await run(['kb977203', 'dis.xml', '--certfix-package', 'ABC00010', '--check'], files);
    expect(viaTransform.status).toBe(1);
    expect(viaTransform.stderr).toContain(`\n  dis.xml:${place(DISABLED, '<step type="SMS_TaskSequence_SetupWindowsAndSMSAction"')}: warning KB977203_SETUP_DISABLED ${PATH}: "${PATH}" is disabled`);
    // One about the options has no place, and is printed with nothing before its severity, as kb977203 prints it.
    expect(viaTransform.stderr).toContain('\n  info KB977203_ASSUMED_VERSION: No client version was given');
    // The messages speak of the option (transform) or the flag (kb977203); otherwise the lines are the same.
    const spoken = (lines: string[]) => lines.map((l) => l.replace(/--[a-z-]+|the \w+ option/g, '…'));
    expect(diagnosticLines(viaPreset.stderr).length).toBeGreaterThan(2);
    expect(spoken(diagnosticLines(viaTransform.stderr))).toEqual(spoken(diagnosticLines(viaPreset.stderr)));
  });

  it('--json gives them line, col and file', async () => {
    const r = await run(['transform', 'kb977203', 'dis.xml', '--options', 'o.json', '--check', '--json'], { 'dis.xml': DISABLED, 'o.json': '{"certfixPackage": "ABC00010"}' });
    const json = JSON.parse(r.stdout) as { results: { report: { diagnostics: Issue[] } }[] };
    expect(validatorFor('transform.report.schema.json')(json)).toBe(true);
    const [line, col] = place(DISABLED, '<step type="SMS_TaskSequence_SetupWindowsAndSMSAction"').split(':').map(Number);
    expect(json.results[0]?.report.diagnostics.find((d) => d.code === 'KB977203_SETUP_DISABLED')).toMatchObject({ path: PATH, line, col, file: 'dis.xml' });
  });

  it("another transform's reader warning, at its place in the file", async () => {
    // An object.xml whose embedded sequence has white space before its XML declaration: kept, with a warning there.
    const object = readFileSync(join(EXAMPLES, 'replace-restore.object.xml'), 'utf8').replace('<![CDATA[<sequence', '<![CDATA[\n  <?xml version="1.0"?><sequence');
    const r = await run(['transform', 'add-reference', 'object.xml', '--options', 'ref.json', '--check'], { 'object.xml': object, 'ref.json': '{"packageId": "ABC00010"}' });
    expect(r.stderr).toContain(`\n  object.xml:${place(object, '<?xml version="1.0"?><sequence')}: warning XML_DECLARATION_NOT_FIRST: `);
  });
});
