import type { CliIo } from '../../lib/cli/io.js';
import { TaskSequenceError } from '../../lib/index.js';

/** An in-memory CliIo: files in a map, streams collected as text (bytes for stdout too). */
export function memoryIo(files: Record<string, Uint8Array | string> = {}, tty = false) {
  const fs = new Map<string, Uint8Array>(Object.entries(files).map(([k, v]) => [k, typeof v === 'string' ? Buffer.from(v, 'utf8') : v]));
  const out: (string | Uint8Array)[] = [];
  const err: string[] = [];
  const writes: string[] = [];
  // Every path read, in order: a test that an input is not read (a refusal made before it) looks here.
  const reads: string[] = [];
  const dirs = new Set<string>(['.']);
  const norm = (path: string) => path.replace(/\/+$/, '') || '/';
  const isDir = (path: string) => dirs.has(norm(path)) || [...fs.keys()].some((k) => k.startsWith(`${norm(path)}/`));
  const io: CliIo = {
    stdout: { write: (c) => out.push(c) },
    stderr: { write: (c) => err.push(typeof c === 'string' ? c : Buffer.from(c).toString('utf8')), isTTY: tty },
    readFile(path) {
      reads.push(path);
      const f = fs.get(path);
      if (!f) throw new TaskSequenceError('IO_ERROR', `Cannot read ${path}: no such file or folder.`, { file: path });
      return f;
    },
    writeFileAtomic(path, bytes) {
      writes.push(path);
      fs.set(path, Uint8Array.from(bytes));
    },
    isDirectory: isDir,
    kindOf: (path) => (fs.has(path) ? 'file' : isDir(path) ? 'dir' : 'missing'),
    sizeOf: (path) => fs.get(path)?.length,
    realPath: (path) => norm(path.replace(/^\.\//, '')),
    makeDir(path) {
      dirs.add(norm(path));
    },
    listDir(path) {
      const prefix = path === '.' ? '' : `${path.replace(/\/$/, '')}/`;
      const names = new Map<string, boolean>();
      for (const k of fs.keys()) {
        if (!k.startsWith(prefix)) continue;
        const rest = k.slice(prefix.length);
        const slash = rest.indexOf('/');
        names.set(slash === -1 ? rest : rest.slice(0, slash), slash !== -1 || (names.get(rest) ?? false));
      }
      return [...names].map(([name, dir]) => ({ name, dir }));
    },
  };
  return {
    io,
    fs,
    writes,
    reads,
    get stdout() {
      return out.map((c) => (typeof c === 'string' ? c : Buffer.from(c).toString('utf8'))).join('');
    },
    get stdoutBytes() {
      return Buffer.concat(out.map((c) => (typeof c === 'string' ? Buffer.from(c, 'utf8') : Buffer.from(c))));
    },
    get stderr() {
      return err.join('');
    },
  };
}
