// npm run bench: cmts read+write against bare fast-xml-parser, xml2js and @xmldom/xmldom round trips, on generated
// sequences of 1,000 / 10,000 / 20,000 steps; then the CLI's wall time against `node -e 0`. Each measurement runs in
// a child process of its own so its peak memory is its own. Figures, not pass/fail: this is not a test.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSequence } from './generate.mjs';

const self = fileURLToPath(import.meta.url);
const worker = join(self, '..', 'worker.mjs');
const SIZES = [1000, 10000, 20000];
const LIBS = ['cmts', 'fast-xml-parser', 'xml2js', 'xmldom'];

function measure(lib, file, reps) {
  const r = spawnSync(process.execPath, ['--expose-gc', worker, lib, file, String(reps)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${lib}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

const dir = mkdtempSync(join(tmpdir(), 'cmts-bench-'));
try {
  console.log(`node ${process.version}; median of timed repetitions after warm-up; memory = peak RSS growth over the loaded-input baseline\n`);
  const rows = [];
  for (const n of SIZES) {
    const xml = generateSequence(n);
    const file = join(dir, `seq-${n}.xml`);
    writeFileSync(file, xml);
    const reps = n <= 1000 ? 30 : 8;
    const res = Object.fromEntries(LIBS.map((lib) => [lib, measure(lib, file, reps)]));
    const base = res['fast-xml-parser'];
    for (const lib of LIBS) {
      const m = res[lib];
      rows.push({
        steps: n,
        KiB: Math.round(xml.length / 1024),
        library: lib,
        'ms (median)': m.ms.toFixed(1),
        'time vs fxp': (m.ms / base.ms).toFixed(2),
        'peak MiB': (m.peak / 1048576).toFixed(1),
        'memory vs fxp': (m.peak / base.peak).toFixed(2),
        'byte-exact': m.exact ? 'yes' : 'no',
      });
    }
  }
  console.table(rows);

  // Start-up: cmts kb977203 --dry-run on a ~100 KB export against `node -e 0`.
  const bin = join(self, '..', '..', '..', 'dist', 'lib', 'cli', 'bin.js');
  if (!existsSync(bin)) {
    console.log('\nstart-up: no CLI built yet');
    process.exit(0);
  }
  const input = join(dir, 'ts-100k.xml');
  let steps = 10;
  while (generateSequence(steps).length < 100 * 1024) steps += 10;
  writeFileSync(input, generateSequence(steps).replace('<step type="SMS_TaskSequence_RunCommandLineAction" name="Step 0 &amp; more"', '<step type="SMS_TaskSequence_SetupWindowsAndSMSAction" name="Setup Windows and ConfigMgr" description="" runIn="WinPEandFullOS" successCodeList="0"><action>OSDSetupWindows.exe</action><defaultVarList><variable name="SMSClientInstallProperties" property="ClientInstallProperties">SMSSLP=SLP01</variable><variable name="_SMSClientPackageID" property="ClientPackageID">ABC00002</variable></defaultVarList></step><step type="X" name="Step 0"'));
  const wall = (args) => {
    const times = [];
    for (let i = 0; i < 12; i++) {
      const t = process.hrtime.bigint();
      execFileSync(process.execPath, args, { stdio: 'ignore' });
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    times.sort((a, b) => a - b);
    return times[times.length >> 1];
  };
  const nodeOnly = wall(['-e', '0']);
  const cli = wall([bin, 'kb977203', input, '--certfix-package', 'ABC00010', '--dry-run', '--json']);
  console.log(`\nstart-up: node -e 0 ${nodeOnly.toFixed(1)} ms; cmts kb977203 --dry-run on ${Math.round(generateSequence(steps).length / 1024)} KiB ${cli.toFixed(1)} ms = ${(cli / nodeOnly).toFixed(2)} × (target ≤ 3 ×)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
