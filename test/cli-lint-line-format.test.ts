// `cmts lint`'s text lines as a script splits them: the README and --help give the shape
// `file:line:col: severity rule [R…] path: message`. They gave `severity rule path: message`, and a finding of a
// KB977203 rule carries its requirement (`[R4]`) between the rule and the path, so a script that split a line as
// documented took "[R4] Install Operating System/…" for the path. Each part of a real line is where the shape says.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HELP } from '../lib/cli/lint.js';
import { main } from '../lib/cli/main.js';
import { memoryIo } from './helpers/memory-io.js';

const SHAPE = 'file:line:col: severity rule [R…] path: message';

/** A line split as the documented shape says: the requirement only for a rule that names one. */
const LINE = /^(?<file>.+?):(?<line>\d+):(?<col>\d+): (?<severity>error|warning|info) (?<rule>\S+)(?: \[(?<requirement>R\d+)\])? (?<path>[^:]+): (?<message>.+)$/;

describe("cmts lint's line format", () => {
  it('is the shape the README and --help give, the requirement included', () => {
    expect(readFileSync(resolve('README.md'), 'utf8')).toContain(`\`lint\` prints \`${SHAPE}\``);
    expect(HELP.replace(/\s+/g, ' ')).toContain(`one line per finding, ${SHAPE}`);
  });

  it('a real finding of a KB977203 rule splits as that shape says', async () => {
    const m = memoryIo({ 'ts.xml': readFileSync(resolve('examples', 'refresh-2007.xml')) });
    await main(['lint', 'ts.xml'], m.io);
    const found = LINE.exec(m.stdout.split('\n').find((l) => l.includes('kb977203/fix-absent')) ?? '')?.groups;
    expect(found).toMatchObject({ file: 'ts.xml', line: '48', col: '9', severity: 'warning', rule: 'kb977203/fix-absent', requirement: 'R4', path: 'Install Operating System/Setup Windows and ConfigMgr' });
  });
});
