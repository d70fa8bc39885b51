// A folder or a glob with more files than a call can take as arguments. The files it listed were added with
// push(...found), and 130,000 of them overflowed the call stack ("Maximum call stack size exceeded", reported as an
// internal error) before a file was read. They are listed now, one by one, whatever their number.
import { describe, expect, it } from 'vitest';
import { expandInputs } from '../lib/cli/inputs.js';
import { type CliIo, nodeIo } from '../lib/cli/io.js';

const COUNT = 200_000;

/** A file system holding one folder, `big`, of COUNT task sequences. */
function bigFolderIo(): CliIo {
  const entries = Array.from({ length: COUNT }, (_, i) => ({ name: `ts${String(i).padStart(6, '0')}.xml`, dir: false }));
  return { ...nodeIo(), isDirectory: (path) => path === 'big' || path === '.', listDir: (path) => (path === 'big' || path === '.' ? entries.slice() : []), realPath: (path) => `/fake/${path}` };
}

describe('inputs past the arguments a call takes', { timeout: 60_000 }, () => {
  it('a folder of 200,000 files lists every one, in name order', () => {
    const files = expandInputs(['big'], bigFolderIo());
    expect(files).toHaveLength(COUNT);
    expect(files[0]).toBe('big/ts000000.xml');
    expect(files[COUNT - 1]).toBe(`big/ts${String(COUNT - 1).padStart(6, '0')}.xml`);
  });

  it('a glob matching 200,000 files lists every one', () => {
    expect(expandInputs(['big/*.xml'], bigFolderIo())).toHaveLength(COUNT);
  });
});
