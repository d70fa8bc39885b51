/** `cmts/errors`: the issue codes and their meanings, the error type, and the line counter behind positions. */
export * from '../errors.js';
export * from '../error-codes.js';
