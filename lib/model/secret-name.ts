/**
 * Whether a name says it holds a secret: apart from `secrets.ts` (which reads steps) so that what describes conditions
 * can ask it without loading the step catalog.
 */
const SECRET_NAME = /(password|passwd|pwd|secret|credential|productkey|apikey|token)$/i;
/**
 * The names and properties the step catalog types as secret that the pattern above misses: Enable BitLocker's PIN
 * (`OSDBitLockerPIN`, property `PIN`) and Set Task Sequence Variable's hidden value. A test keeps this in step with
 * the catalog, which this module does not load (a condition is described without it).
 */
const CATALOG_SECRET_NAMES = /^(?:OSDBitLockerPIN|PIN|HiddenVariableValue)$/i;
/** Settings about passwords rather than passwords: OSDRandomAdminPassword=true, OSDBitLockerCreateRecoveryPassword=AD. */
export const NOT_A_SECRET = /^(Random\w*|Create\w*|OSDRandom\w*|OSDBitLockerCreate\w*)$/i;

/** Whether a name (of a variable, a property or an attribute) says it holds a password or another secret. */
export function isSecretName(name: string): boolean {
  return (SECRET_NAME.test(name) || CATALOG_SECRET_NAMES.test(name)) && !NOT_A_SECRET.test(name);
}
