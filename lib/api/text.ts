/** `cmts/text`: task sequences as code, a YAML text form and back (what `cmts convert --to yaml` and `cmts build` use). */
export * from '../text/index.js';
