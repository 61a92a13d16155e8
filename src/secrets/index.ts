/** The one secret detector every part of dockaudit uses. */
export { charsetOf, looksRandom, randomEntropyThreshold, shannonEntropy } from './entropy.js';
export { type SecretFileCategory, type SecretFileKind, secretFileKind } from './files.js';
export { TOKEN_FORMATS, type TokenFormat } from './formats.js';
export {
  isNonSecretName,
  isSecretKeyName,
  nameWords,
  type SecretKeyStrength,
  secretKeyStrength,
} from './keys.js';
export { type AllowList, compileAllowList, isPlaceholder } from './placeholders.js';
export { redact } from './redact.js';
export { checkKeyValue, checkValue, scanText } from './scan.js';
export type { SecretConfidence, SecretMatch, SecretScanOptions } from './types.js';
export { judgeNamedValue, type NamedValueVerdict } from './values.js';
