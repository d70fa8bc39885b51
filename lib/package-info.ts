/**
 * The package version, compiled in from package.json by `scripts/generate.mjs`, so it is known without reading a
 * file at run time (the package also works bundled).
 */
import { VERSION } from './generated/version.js';

/** The package version from package.json. */
export function packageVersion(): string {
  return VERSION;
}
