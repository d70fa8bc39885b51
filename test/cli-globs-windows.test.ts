// Globs as Windows spells them, where no shell expands them and cmts's own matcher is all there is: a UNC path
// (`\\server\share\exports\*.xml`) was made `/server/share/exports`, a folder on the current drive that did not exist
// (a usage error), and `*.XML` matched no `ts.xml`, though Windows ignores letter case in names.
import { posix, win32 } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandInputs } from '../lib/cli/inputs.js';
import { memoryIo } from './helpers/memory-io.js';

const share = () => memoryIo({ '//server/share/exports/ts.xml': 'a', '//server/share/exports/Old-TS.xml': 'b', '//server/share/exports/sub/ts.xml': 'c' }).io;

describe('globs on Windows', () => {
  it('a UNC glob lists the share folder it names', () => {
    expect(expandInputs(['\\\\server\\share\\exports\\*.xml'], share(), undefined, win32)).toEqual(['//server/share/exports/Old-TS.xml', '//server/share/exports/ts.xml']);
    expect(expandInputs(['\\\\server\\share\\exports\\**\\ts.xml'], share(), undefined, win32)).toEqual(['//server/share/exports/sub/ts.xml', '//server/share/exports/ts.xml']);
  });

  it('letter case is ignored in the names a glob matches, there only', () => {
    expect(expandInputs(['//server/share/exports/old-*.XML'], share(), undefined, win32)).toEqual(['//server/share/exports/Old-TS.xml']);
    const io = memoryIo({ 'exports/ts.xml': 'a', 'exports/Old-TS.xml': 'b' }).io;
    expect(() => expandInputs(['exports/old-*.XML'], io, undefined, posix)).toThrow(/matches no input file/);
    expect(expandInputs(['exports/Old-*.xml'], io, undefined, posix)).toEqual(['exports/Old-TS.xml']);
  });
});
