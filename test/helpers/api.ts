// Everything the package exports, from the root and every subpath, for tests that reach below the root API.
export * from '../../lib/index.js';
export * from '../../lib/api/model.js';
export * from '../../lib/api/zip.js';
export * from '../../lib/api/kb977203.js';
export * from '../../lib/api/lint.js';
export * from '../../lib/api/diff.js';
export * from '../../lib/api/transforms.js';
export * from '../../lib/api/schemas.js';
export * from '../../lib/api/errors.js';
export * from '../../lib/api/catalog.js';
export * from '../../lib/api/text.js';
export * from '../../lib/api/render.js';
export { TransformContext } from '../../lib/api/transforms.js';
