/**
 * The secret detector the image side uses. It re-exports the interim one until the shared `src/secrets`
 * module is on main; then only this file changes (to `export … from '../secrets/index.js'`).
 */
export {
  checkKeyValue,
  checkValue,
  redact,
  type SecretFileKind,
  type SecretMatch,
  scanText,
  secretFileKind,
} from './secrets-interim.js';
