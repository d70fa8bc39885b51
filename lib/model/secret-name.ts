/**
 * Whether a name says it holds a secret: apart from `secrets.ts` (which reads steps) so that what describes conditions
 * can ask it without loading the step catalog.
 */

/**
 * A name holding one of these words anywhere, in any letter case: at its end (OSDJoinPassword) and before a suffix
 * alike (AdminPassword1, Password_Prod, DomainPasswordEnc), which an administrator reads as the same password. A flag
 * about a password that this also takes (PasswordNeverExpires) only shows as `(hidden)`: hiding too much shows less,
 * hiding too little prints the password.
 */
const SECRET_NAME = /password|passwd|pwd|secret|credential|productkey|apikey|token/i;
/**
 * The names and properties the step catalog types as secret that the pattern above misses: Enable BitLocker's PIN
 * (`OSDBitLockerPIN`, property `PIN`) and Set Task Sequence Variable's hidden value. A test keeps this in step with
 * the catalog, which this module does not load (a condition is described without it).
 */
const CATALOG_SECRET_NAMES = /^(?:OSDBitLockerPIN|PIN|HiddenVariableValue)$/i;
/**
 * The settings about passwords rather than passwords, by their exact names and properties, which the step catalog
 * types boolean or enum: Apply Windows Settings' OSDRandomAdminPassword (property RandomAdminPassword, true or false)
 * and Enable BitLocker's OSDBitLockerCreateRecoveryPassword (property CreateRecoveryPassword, AD, None or
 * ConfigMgr). Exact names: a pattern (every name starting with Create or Random) let CreateUserPassword and
 * RandomPassword, passwords, through. A test keeps this in step with the catalog.
 */
export const NOT_A_SECRET = /^(?:OSDRandomAdminPassword|RandomAdminPassword|OSDBitLockerCreateRecoveryPassword|CreateRecoveryPassword)$/i;

/** Whether a name (of a variable, a property or an attribute) says it holds a password or another secret. */
export function isSecretName(name: string): boolean {
  return (SECRET_NAME.test(name) || CATALOG_SECRET_NAMES.test(name)) && !NOT_A_SECRET.test(name);
}
