/**
 * `cmts/schemas`: the JSON Schemas as objects, their compiled validators, and the TypeScript type of each
 * (`SchemaTypes["lint.report.schema.json"]`, generated from the schema).
 */
export { assertValid, describeErrors, isSchemaFile, loadSchema, validatorFor, type SchemaError, type SchemaFile, type SchemaTypes, type SchemaValidator } from '../schemas.js';
