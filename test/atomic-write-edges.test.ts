// The edges of the atomic write: a target whose name is near the file-name limit (its temporary file must still fit,
// and a failure must stay an IO_ERROR), and a target behind a chain of symlinks that ends dangling or loops (the file
// at its end is written, every link stays a link).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { writeFileAtomic } from '../lib/cli/atomic-write.js';
import { asideName, isTempName, removeStaleTemps, tempName } from '../lib/cli/temp-names.js';
import { TaskSequenceError } from '../lib/errors.js';
import { cliFiles } from './helpers/cli-files.js';
import { cmts } from './helpers/cli-process.js';
import { thrown } from './helpers/thrown.js';
import { smallTmpfs } from './helpers/tmpfs.js';

const temps = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.cmts-tmp'));
const bytes = (text: string) => Buffer.from(text, 'utf8');
const utf8Length = (name: string) => Buffer.byteLength(name, 'utf8');
/** Names near the 255-byte limit, in one-, two-, three- and four-byte characters. */
const LONG_NAMES = ['a'.repeat(240) + '.xml', 'a'.repeat(251) + '.xml', 'é'.repeat(125) + '.xml', '中'.repeat(83) + '.xml', '😀'.repeat(62) + '.json', 'a' + '中'.repeat(84)];

describe('temporary names', () => {
  const time = Date.UTC(2100, 0, 1);
  it('fit in 255 UTF-8 bytes, start like the target, end in the pid and time, and are cut at a character', () => {
    const names = [...LONG_NAMES, 'x', 'ts.xml', 'a'.repeat(300), 'é'.repeat(200), '😀'.repeat(100), 'ab' + '😀'.repeat(70)];
    for (let n = 1; n <= 300; n++) names.push('b'.repeat(n), 'ü'.repeat(Math.ceil(n / 2)), 'x' + '😀'.repeat(Math.ceil(n / 4)));
    for (const name of names) {
      const tmp = tempName(name, 4194304, time);
      expect(utf8Length(tmp), name).toBeLessThanOrEqual(255);
      expect(tmp.endsWith(`.4194304.${time.toString(36)}.cmts-tmp`), tmp).toBe(true);
      const kept = tmp.slice(1, -`.4194304.${time.toString(36)}.cmts-tmp`.length);
      expect(kept.length, name).toBeGreaterThan(0);
      expect(name.startsWith(kept), name).toBe(true);
      // Whole code points only: a cut inside one would leave a lone surrogate.
      expect(kept.isWellFormed(), name).toBe(true);
      // A short name is kept whole; a long one keeps as much as fits.
      if (utf8Length(`.${name}.4194304.${time.toString(36)}.cmts-tmp`) <= 255) expect(kept).toBe(name);
      else expect(utf8Length(tmp)).toBeGreaterThan(251);
      expect(isTempName(tmp), tmp).toBe(true);
    }
  });

  it('that are cut are still found and removed as a killed run\'s leftovers', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cmts-edges-'));
    try {
      const dead = spawnSync(process.execPath, ['-e', '']).pid;
      const past = new Date(Date.now() - 120_000);
      // Two of the names are cut to one temporary name: the set keeps it once.
      const made = [...new Set(LONG_NAMES.map((name) => tempName(name, dead, past.getTime())))];
      for (const name of made) {
        writeFileSync(join(dir, name), 'partial');
        utimesSync(join(dir, name), past, past);
      }
      expect(removeStaleTemps(dir).sort()).toEqual(made.map((name) => join(dir, name)).sort());
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a file kept aside by a hard link (render --out-dir)', () => {
  /** A folder with a page last modified three days ago and `pid`'s hard link to it under a kept-aside name. */
  const keptAside = (pid: number) => {
    const dir = mkdtempSync(join(tmpdir(), 'cmts-edges-'));
    const page = join(dir, 'a.html');
    writeFileSync(page, 'old a');
    const old = new Date(Date.now() - 3 * 86_400_000);
    utimesSync(page, old, old);
    const aside = join(dir, asideName('a.html', pid, Date.now()));
    linkSync(page, aside);
    return { dir, aside };
  };

  it('has a temporary name of its own, never listed as an input', () => {
    const name = asideName('a.html', 4194304, Date.UTC(2100, 0, 1));
    expect(name).toMatch(/^\.a\.html\.4194304\.[0-9a-z]+\.old\.cmts-tmp$/);
    expect(isTempName(name)).toBe(true);
    for (const long of LONG_NAMES) expect(Buffer.byteLength(asideName(long, 4194304, 0))).toBeLessThanOrEqual(255);
  });

  it("is not taken for a day-old leftover of a live run because the old file it links was last modified long ago", () => {
    const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
    const { dir, aside } = keptAside(live.pid ?? 0);
    try {
      expect(removeStaleTemps(dir)).toEqual([]);
      expect(readFileSync(aside, 'utf8')).toBe('old a');
    } finally {
      live.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("of a killed run is removed once it has been quiet for a minute since it was made, not at once", () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    const { dir, aside } = keptAside(dead);
    try {
      expect(removeStaleTemps(dir)).toEqual([]);
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(Date.now() + 120_000);
      expect(removeStaleTemps(dir)).toEqual([aside]);
      expect(readdirSync(dir)).toEqual(['a.html']);
    } finally {
      vi.useRealTimers();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('writeFileAtomic on real files', () => {
  let dir: string;
  let n = 0;
  /** A new empty folder for one test. */
  const folder = () => {
    const sub = join(dir, `t${n++}`);
    mkdirSync(sub);
    return sub;
  };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cmts-edges-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describe('a name near the 255-byte limit', () => {
    it.each(LONG_NAMES)('is created and then replaced: %s', (name) => {
      const sub = folder();
      const file = join(sub, name);
      writeFileAtomic(file, bytes('first'));
      expect(readFileSync(file, 'utf8')).toBe('first');
      writeFileAtomic(file, bytes('second'));
      expect(readFileSync(file, 'utf8')).toBe('second');
      expect(readdirSync(sub)).toEqual([name]);
    });

    it('one byte over the limit is an IO_ERROR naming the file, with nothing created and no temporary file left', () => {
      const sub = folder();
      const file = join(sub, 'a'.repeat(252) + '.xml');
      const e = thrown(() => writeFileAtomic(file, bytes('content')));
      expect(e).toBeInstanceOf(TaskSequenceError);
      expect(e).toMatchObject({ code: 'IO_ERROR', file });
      expect((e as Error).message).toMatch(/^Cannot write .*; nothing was written\.$/);
      expect(readdirSync(sub)).toEqual([]);
    });

    describe('on a full disk (a 1 MiB tmpfs)', () => {
      const disk = smallTmpfs('the full-disk test');

      it('a write that does not fit is an IO_ERROR, the long-named target as it was, no temporary file left', (ctx) => {
        if (disk.why()) return ctx.skip(disk.why());
        const file = join(disk.path(), 'a'.repeat(240) + '.xml');
        writeFileSync(file, 'old content');
        const e = thrown(() => writeFileAtomic(file, Buffer.alloc(2 * 1024 * 1024, 0x61)));
        expect(e).toBeInstanceOf(TaskSequenceError);
        expect(e).toMatchObject({ code: 'IO_ERROR', file });
        expect((e as Error).message).toMatch(/no space left on the device; it is left as it was\.$/);
        expect(readFileSync(file, 'utf8')).toBe('old content');
        expect(temps(disk.path())).toEqual([]);
      });
    });
  });

  describe('a chain of symlinks', () => {
    /** Each link of `links` (path → text) exactly as it was. */
    const expectLinks = (links: [string, string][]) => {
      for (const [path, text] of links) {
        expect(lstatSync(path).isSymbolicLink(), path).toBe(true);
        expect(readlinkSync(path)).toBe(text);
      }
    };

    it('two links ending dangling: the missing file at the end is created, both links stay', () => {
      const sub = folder();
      symlinkSync('nowhere', join(sub, 'd1'));
      symlinkSync('d1', join(sub, 'd2'));
      writeFileAtomic(join(sub, 'd2'), bytes('content'));
      expectLinks([[join(sub, 'd1'), 'nowhere'], [join(sub, 'd2'), 'd1']]);
      expect(readFileSync(join(sub, 'nowhere'), 'utf8')).toBe('content');
      expect(temps(sub)).toEqual([]);
    });

    it('three links across folders ending dangling: each relative link is read from its own folder', () => {
      const sub = folder();
      mkdirSync(join(sub, 'a'));
      mkdirSync(join(sub, 'b'));
      symlinkSync('target.json', join(sub, 'b', 'l1'));
      symlinkSync('../b/l1', join(sub, 'a', 'l2'));
      symlinkSync('a/l2', join(sub, 'l3'));
      writeFileAtomic(join(sub, 'l3'), bytes('content'));
      expectLinks([[join(sub, 'b', 'l1'), 'target.json'], [join(sub, 'a', 'l2'), '../b/l1'], [join(sub, 'l3'), 'a/l2']]);
      expect(readFileSync(join(sub, 'b', 'target.json'), 'utf8')).toBe('content');
      expect(readdirSync(sub).sort()).toEqual(['a', 'b', 'l3']);
      expect(readdirSync(join(sub, 'a'))).toEqual(['l2']);
    });

    it('an absolute link in the chain, and `..` after a symlinked folder, resolve as the system does', () => {
      const sub = folder();
      mkdirSync(join(sub, 'real', 'deep'), { recursive: true });
      // `alias/..` is `real`, not `sub`: the system leaves the real folder, not the text.
      symlinkSync(join(sub, 'real', 'deep'), join(sub, 'alias'));
      symlinkSync('../out.json', join(sub, 'real', 'deep', 'l1'));
      symlinkSync('alias/l1', join(sub, 'l2'));
      writeFileAtomic(join(sub, 'l2'), bytes('content'));
      expect(readFileSync(join(sub, 'real', 'out.json'), 'utf8')).toBe('content');
      expect(existsSync(join(sub, 'out.json'))).toBe(false);
      expectLinks([[join(sub, 'l2'), 'alias/l1'], [join(sub, 'real', 'deep', 'l1'), '../out.json']]);
    });

    it('an existing chain writes the file at its end, every link stays', () => {
      const sub = folder();
      writeFileSync(join(sub, 'real.xml'), 'old');
      symlinkSync('real.xml', join(sub, 'e1'));
      symlinkSync('e1', join(sub, 'e2'));
      symlinkSync(join(sub, 'e2'), join(sub, 'e3'));
      writeFileAtomic(join(sub, 'e3'), bytes('new'));
      expect(readFileSync(join(sub, 'real.xml'), 'utf8')).toBe('new');
      expectLinks([[join(sub, 'e1'), 'real.xml'], [join(sub, 'e2'), 'e1'], [join(sub, 'e3'), join(sub, 'e2')]]);
      expect(temps(sub)).toEqual([]);
    });

    it.each([
      ['two links', [['a', 'b'], ['b', 'a']]],
      ['a link to itself', [['a', 'a']]],
      ['a tail into a loop', [['a', 'b'], ['b', 'c'], ['c', 'b']]],
    ])('a loop (%s) is an IO_ERROR naming the path, and nothing is written', (_what, made) => {
      const sub = folder();
      for (const [name, text] of made) symlinkSync(text!, join(sub, name!));
      const file = join(sub, 'a');
      const e = thrown(() => writeFileAtomic(file, bytes('content')));
      expect(e).toBeInstanceOf(TaskSequenceError);
      expect(e).toMatchObject({ code: 'IO_ERROR', file });
      expect((e as Error).message).toBe(`Cannot write ${file}: its symbolic links loop (or chain more than 40); it is left as it was.`);
      expectLinks(made.map(([name, text]) => [join(sub, name!), text!]));
      expect(readdirSync(sub).sort()).toEqual(made.map(([name]) => name).sort());
    });

    it('follows 40 links, as the kernel does, and refuses a 41st', () => {
      const sub = folder();
      for (let i = 1; i <= 41; i++) symlinkSync(i === 1 ? 'end' : `l${i - 1}`, join(sub, `l${i}`));
      writeFileAtomic(join(sub, 'l40'), bytes('content'));
      expect(readFileSync(join(sub, 'end'), 'utf8')).toBe('content');
      rmSync(join(sub, 'end'));
      expect(thrown(() => writeFileAtomic(join(sub, 'l41'), bytes('content')))).toMatchObject({ code: 'IO_ERROR' });
      expect(existsSync(join(sub, 'end'))).toBe(false);
      expect(lstatSync(join(sub, 'l1')).isSymbolicLink()).toBe(true);
    });
  });
});

describe('the command line', { timeout: 120_000 }, () => {
  const files = cliFiles();

  it('writes a 240-character name in place and with -o, and through a dangling chain of links', () => {
    const dir = files.at();
    const example = readFileSync(resolve('examples/refresh-2007.xml'));
    const long = join(dir, 'a'.repeat(240));
    writeFileSync(`${long}.xml`, example);
    const inPlace = cmts(['kb977203', `${long}.xml`, '--in-place', '--certfix-package', 'ABC00010']);
    expect(inPlace.status, inPlace.stderr).toBe(0);
    expect(readFileSync(`${long}.xml`, 'utf8')).toContain('ABC00010;;CCMCertFix');
    const out = cmts(['convert', `${long}.xml`, '--to', 'json', '-o', `${long}.json`]);
    expect(out.status, out.stderr).toBe(0);
    expect(() => JSON.parse(readFileSync(`${long}.json`, 'utf8')) as unknown).not.toThrow();
    symlinkSync('nowhere.json', join(dir, 'd1'));
    symlinkSync('d1', join(dir, 'd2'));
    const chained = cmts(['convert', resolve('examples/refresh-2007.xml'), '--to', 'json', '-o', join(dir, 'd2')]);
    expect(chained.status, chained.stderr).toBe(0);
    expect(lstatSync(join(dir, 'd1')).isSymbolicLink()).toBe(true);
    expect(lstatSync(join(dir, 'd2')).isSymbolicLink()).toBe(true);
    expect(() => JSON.parse(readFileSync(join(dir, 'nowhere.json'), 'utf8')) as unknown).not.toThrow();
    expect(temps(dir)).toEqual([]);
  });
});

// A write that fails where no file was says nothing was written, not "it is left as it was" of a file that never was.
describe('the failed write names what is left', () => {
  it('a missing target: nothing was written; an existing one: left as it was', () => {
    const sub = mkdtempSync(join(tmpdir(), 'cmts-left-'));
    try {
      const missing = thrown(() => writeFileAtomic(join(sub, 'no-folder', 'x.json'), Buffer.from('x')));
      expect((missing as Error).message).toMatch(/does not exist .*; nothing was written\.$/);
      expect((missing as Error).message).not.toMatch(/left as it was/);
    } finally {
      rmSync(sub, { recursive: true, force: true });
    }
  });
});
