/** `cmts/transforms`: the transform registry, each transform's factory and options, and the report collector. */
export * from '../transforms/index.js';
